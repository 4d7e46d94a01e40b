//! One model's text with each error marked against the reference: a
//! substitution (wavy underline, the reference word in its tooltip), a
//! deletion (the missing reference word struck through) and an insertion
//! (an extra word, underlined twice, with a "+"). Each is named for screen
//! readers, so colour is never the only cue.

use domain::wer::{Alignment, Op, Unit};
use leptos::prelude::*;

#[component]
pub fn Marked(alignment: Alignment, unit: Unit) -> impl IntoView {
    let gap = if unit == Unit::Words { " " } else { "" };
    let parts = alignment
        .pairs
        .into_iter()
        .enumerate()
        .map(|(i, pair)| {
            let sep = if i == 0 { "" } else { gap };
            let reference = pair.reference.unwrap_or_default();
            let hypothesis = pair.hypothesis.unwrap_or_default();
            let mark = match pair.op {
                Op::Match => view! { <span>{hypothesis}</span> }.into_any(),
                Op::Substitution => view! {
                    <mark class="cm-err cm-err--sub" title=format!("Instead of “{reference}”")>
                        <span class="cm-visually-hidden">"substituted: "</span>
                        {hypothesis}
                        <span class="cm-visually-hidden">{format!(" (reference: {reference})")}</span>
                    </mark>
                }
                .into_any(),
                Op::Deletion => view! {
                    <del class="cm-err cm-err--del" title="Missing">
                        <span class="cm-visually-hidden">"deleted: "</span>
                        {reference}
                    </del>
                }
                .into_any(),
                Op::Insertion => view! {
                    <ins class="cm-err cm-err--ins" title="Inserted">
                        <span class="cm-visually-hidden">"inserted: "</span>
                        <span aria-hidden="true">"+"</span>
                        {hypothesis}
                    </ins>
                }
                .into_any(),
            };
            view! { {sep}{mark} }
        })
        .collect_view();
    view! { <span class="cm-marked">{parts}</span> }
}
