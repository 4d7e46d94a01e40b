//! The controls under a paged table: rows per page, "x–y of N", and links to
//! the previous, next and numbered pages (links, so pages have real URLs).

use domain::pagination::{page_count, page_items, range_label, PageItem, PAGE_SIZES};
use leptos::prelude::*;
use leptos_router::components::A;

use super::modal::unique_id;
use crate::routes::link;

#[component]
pub fn Pagination(
    page: u32,
    page_size: u32,
    total: u64,
    /// The URL of a page number.
    href: Callback<u32, String>,
    on_page_size: Callback<u32>,
    /// Names the navigation landmark, e.g. "Models pages".
    #[prop(into)]
    label: String,
) -> impl IntoView {
    let count = page_count(total, page_size);
    let page = page.clamp(1, count);
    let size_id = unique_id("cm-page-size");
    let step = move |target: u32, text: &'static str, enabled: bool| {
        if enabled {
            view! { <A href=link(&href.run(target)) attr:class="cm-pager__step">{text}</A> }.into_any()
        } else {
            view! { <span class="cm-pager__step" aria-disabled="true">{text}</span> }.into_any()
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
                        .map(|size| view! { <option value=size.to_string() selected=size == page_size>{size}</option> })
                        .collect_view()}
                </select>
            </div>
            <span class="cm-pager__range">{range_label(page, page_size, total)}</span>
            <div class="cm-pager__pages">
                {step(page.saturating_sub(1), "‹ Previous", page > 1)}
                {page_items(page, count)
                    .into_iter()
                    .map(|item| match item {
                        PageItem::Gap => view! { <span class="cm-pager__gap" aria-hidden="true">"…"</span> }.into_any(),
                        PageItem::Page(n) if n == page => view! {
                            <span class="cm-pager__num cm-pager__num--current" aria-current="page">
                                <span class="cm-visually-hidden">"Page "</span>{n}
                            </span>
                        }.into_any(),
                        PageItem::Page(n) => view! {
                            <A href=link(&href.run(n)) attr:class="cm-pager__num" attr:aria-label=format!("Page {n}")>{n}</A>
                        }.into_any(),
                    })
                    .collect_view()}
                {step(page + 1, "Next ›", page < count)}
            </div>
        </nav>
    }
}
