//! The controls under a paged table: rows per page, "x–y of N", and links to
//! the previous, next and numbered pages (links, so pages have real URLs).

use domain::pagination::{page_count, page_items, range_label, PageItem, PAGE_SIZES};
use leptos::prelude::*;

use crate::browser::ids::unique_id;
use crate::routes::Route;

/// The controls stay mounted as the page changes (only their text, links and
/// the current number update), so the link a keyboard user pressed keeps focus.
/// Plain links: the router handles their clicks without the per-link tracking of `<A>`.
#[component]
pub fn Pagination(
    #[prop(into)] page: Signal<u32>,
    #[prop(into)] page_size: Signal<u32>,
    #[prop(into)] total: Signal<u64>,
    /// The URL of a page number. Signals it reads are tracked: the links
    /// follow them (a new sort order, say).
    href: Callback<u32, Route>,
    on_page_size: Callback<u32>,
    /// Names the navigation landmark, e.g. "Models pages".
    #[prop(into)]
    label: String,
) -> impl IntoView {
    let count = Memo::new(move |_| page_count(total.get(), page_size.get()));
    let page = Memo::new(move |_| page.get().clamp(1, count.get()));
    let size_id = unique_id("cm-page-size");
    let step = move |target: fn(u32) -> u32, text: &'static str, enabled: fn(u32, u32) -> bool| {
        let enabled = Memo::new(move |_| enabled(page.get(), count.get()));
        view! {
            <Show
                when=move || enabled.get()
                fallback=move || view! { <span class="cm-pager__step" aria-disabled="true">{text}</span> }
            >
                <a href=move || href.run(target(page.get())).href() class="cm-pager__step">{text}</a>
            </Show>
        }
    };
    view! {
        <nav class="cm-pager" aria-label=label>
            <div class="cm-pager__size">
                <label for=size_id.clone()>"Rows per page"</label>
                <select
                    id=size_id
                    on:change=move |ev| {
                        if let Ok(size) = event_target_value(&ev).parse() {
                            on_page_size.run(size);
                        }
                    }
                >
                    {PAGE_SIZES
                        .into_iter()
                        .map(|size| view! {
                            <option value=size.to_string() prop:selected=move || size == page_size.get()>{size}</option>
                        })
                        .collect_view()}
                </select>
            </div>
            <span class="cm-pager__range">{move || range_label(page.get(), page_size.get(), total.get())}</span>
            <div class="cm-pager__pages">
                {step(|p| p.saturating_sub(1), "‹ Previous", |p, _| p > 1)}
                {move || {
                    let current = page.get();
                    page_items(current, count.get())
                        .into_iter()
                        .map(|item| match item {
                            PageItem::Gap => view! { <span class="cm-pager__gap" aria-hidden="true">"…"</span> }.into_any(),
                            PageItem::Page(n) if n == current => view! {
                                <span class="cm-pager__num cm-pager__num--current" aria-current="page">
                                    <span class="cm-visually-hidden">"Page "</span>{n}
                                </span>
                            }.into_any(),
                            PageItem::Page(n) => view! {
                                <a href=href.run(n).href() class="cm-pager__num" aria-label=format!("Page {n}")>{n}</a>
                            }.into_any(),
                        })
                        .collect_view()
                }}
                {step(|p| p + 1, "Next ›", |p, count| p < count)}
            </div>
        </nav>
    }
}
