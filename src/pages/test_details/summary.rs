//! Both models' error rates side by side with their grades, the relative
//! change, and their errors by kind as bars that read without colour (each
//! bar carries its name and count).

use domain::evaluation;
use domain::status::BadgeColour;
use domain::wer::{change_text, rate_text, Counts, Grade, Unit};
use leptos::prelude::*;

use crate::components::badge::Badge;

#[component]
pub fn Summary(summary: Signal<Option<evaluation::Summary>>, unit: Signal<Unit>) -> impl IntoView {
    move || {
        let Some(s) = summary.get() else {
            return view! { <p>"The server sent no totals for this test."</p> }.into_any();
        };
        let unit = unit.get();
        let widest = [s.base, s.custom]
            .iter()
            .flat_map(|c| [c.substitutions, c.deletions, c.insertions])
            .max()
            .unwrap_or(0)
            .max(1);
        let name = unit.rate_name();
        let explained = match unit {
            Unit::Words => "Word error rate (WER): substituted, deleted and inserted words divided by the words of the human transcript. Lower is better.".to_owned(),
            Unit::Characters => "Character error rate (CER): this language is written without spaces, so characters are counted instead of words. Lower is better.".to_owned(),
        };
        view! {
            <section class="cm-summary" aria-labelledby="cm-summary-title">
                <h2 id="cm-summary-title">"Results"</h2>
                <p class="cm-hint">{explained}</p>
                <p class="cm-summary__change">{change_text(&s.base, &s.custom)}</p>
                <div class="cm-summary__cards">
                    <ModelCard title="Base model" counts=s.base name widest unit />
                    <ModelCard title="Custom model" counts=s.custom name widest unit />
                </div>
            </section>
        }
        .into_any()
    }
}

#[component]
fn ModelCard(title: &'static str, counts: Counts, name: &'static str, widest: u32, unit: Unit) -> impl IntoView {
    let grade = counts.rate().map(Grade::of);
    let bar = |label: &'static str, kind: &'static str, n: u32| {
        let width = format!("{}%", u64::from(n) * 100 / u64::from(widest));
        view! {
            <li class="cm-bar">
                <span class="cm-bar__label">{label}</span>
                <span class="cm-bar__track" aria-hidden="true"><span class=format!("cm-bar__fill cm-bar__fill--{kind}") style:width=width></span></span>
                <span class="cm-bar__count">{n}</span>
            </li>
        }
    };
    view! {
        <div class="cm-card cm-summary__card">
            <h3 class="cm-card__label">{title}</h3>
            <p class="cm-summary__rate">
                <span class="cm-visually-hidden">{format!("{name}: ")}</span>
                {rate_text(&counts)}
                <span class="cm-summary__rate-name" aria-hidden="true">{format!(" {name}")}</span>
            </p>
            <p><Badge colour=grade.map_or(BadgeColour::Gray, Grade::badge)>{grade.map_or("No reference text", Grade::label)}</Badge></p>
            <ul class="cm-bars" aria-label=format!("Errors of the {}", title.to_lowercase())>
                {bar("Substitutions", "sub", counts.substitutions)}
                {bar("Deletions", "del", counts.deletions)}
                {bar("Insertions", "ins", counts.insertions)}
            </ul>
            <p class="cm-hint">{format!("{} reference {}", counts.reference_words, unit.noun(counts.reference_words != 1))}</p>
        </div>
    }
}
