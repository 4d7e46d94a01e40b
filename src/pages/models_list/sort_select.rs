//! "Sort by" for the card layout: below 640px the table's header, and with it
//! the sortable column buttons, is hidden, so phones sort with this menu. It
//! changes the same URL state as the headers (the styles show it only there).

use domain::sort_choice::{self, SORT_CHOICES};
use domain::ListQuery;
use leptos::prelude::*;

use crate::browser::ids::unique_id;

#[component]
pub fn SortSelect(query: Memo<ListQuery>, go: Callback<(ListQuery, bool)>) -> impl IntoView {
    let on_change = move |ev: leptos::ev::Event| {
        if let Some((sort, dir)) = sort_choice::parse(&event_target_value(&ev)) {
            go.run((ListQuery { sort, dir, page: 1, ..query.get_untracked() }, false));
        }
    };
    let options = SORT_CHOICES
        .into_iter()
        .map(|(key, dir)| {
            let selected = move || query.with(|q| q.sort == key && q.dir == dir);
            view! { <option value=sort_choice::value(key, dir) selected=selected>{sort_choice::label(key, dir)}</option> }
        })
        .collect_view();
    let id = unique_id("cm-sort-by");
    view! {
        <span class="cm-filter cm-sort-by">
            <label for=id.clone()>"Sort by"</label>
            <select id=id on:change=on_change>{options}</select>
        </span>
    }
}
