//! The search box: filters the list by name as the user types, kept in the URL.

use domain::ListQuery;
use leptos::prelude::*;

/// The first keystroke (or a paste) searches at once; the keystrokes that follow
/// it within this pause are searched together when typing stops, so a fast
/// typist does not send a request per key.
const SEARCH_PAUSE_MS: u64 = 150;

/// The search box: filters by name as the user types, kept in the URL.
#[component]
pub fn SearchBox(query: Memo<ListQuery>, go: Callback<(ListQuery, bool)>) -> impl IntoView {
    let text = RwSignal::new(query.get_untracked().search);
    let pending = StoredValue::new_local(None::<TimeoutHandle>);
    // Back/forward and links change the query: show what the list is filtered by.
    // Not while a search is pending: the router reports the first keystroke's
    // search after later keys were typed, and must not overwrite them.
    Effect::new(move |_| {
        let search = query.with(|q| q.search.clone());
        let typing = pending.with_value(Option::is_some);
        if !typing && text.with_untracked(|t| t.trim() != search) {
            text.set(search);
        }
    });
    let search = move || {
        let search = text.get_untracked().trim().to_owned();
        let q = query.get_untracked();
        if q.search != search {
            go.run((ListQuery { search, page: 1, ..q }, true));
        }
    };
    let on_input = move |ev: leptos::ev::Event| {
        text.set(event_target_value(&ev));
        let waiting = pending.get_value();
        if let Some(handle) = waiting {
            handle.clear();
        } else {
            search();
        }
        let handle = set_timeout_with_handle(
            move || {
                pending.set_value(None);
                search();
            },
            std::time::Duration::from_millis(SEARCH_PAUSE_MS),
        );
        pending.set_value(handle.ok());
    };
    on_cleanup(move || {
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
    });
    view! {
        <div class="cm-toolbar" role="search">
            <label for="cm-search" class="cm-visually-hidden">"Search models by name"</label>
            <input id="cm-search" type="search" placeholder="Search models by name" prop:value=move || text.get() on:input=on_input />
        </div>
    }
}
