//! The search box: filters the list by name as the user types, kept in the URL.

use std::collections::VecDeque;

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
    // The searches this box sent whose answer from the router has not come yet,
    // oldest first: the router tells them in order, and late.
    let sent = StoredValue::new(VecDeque::<String>::new());
    let cancel_pending = move || {
        if let Some(handle) = pending.try_update_value(Option::take).flatten() {
            handle.clear();
        }
    };
    // Only a change of the search: a page or sort change is no reason to touch the text.
    let url_search = Memo::new(move |_| query.with(|q| q.search.clone()));
    // The router's answer to one of this box's searches is not news: the user may
    // have typed more since. Anything else (back/forward, a link, Clear search) is,
    // and wins over a search still waiting to be sent.
    Effect::new(move |_| {
        let search = url_search.get();
        let echo = sent.try_update_value(|sent| match sent.iter().position(|s| *s == search) {
            Some(at) => {
                sent.drain(..=at);
                true
            }
            None => {
                sent.clear();
                false
            }
        });
        if echo == Some(false) {
            cancel_pending();
            if text.with_untracked(|t| t.trim() != search) {
                text.set(search);
            }
        }
    });
    let search = move || {
        let search = text.get_untracked().trim().to_owned();
        let q = query.get_untracked();
        let current = sent.with_value(|sent| sent.back().cloned()).unwrap_or_else(|| q.search.clone());
        if current != search {
            sent.update_value(|sent| sent.push_back(search.clone()));
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
    on_cleanup(cancel_pending);
    view! {
        <div class="cm-toolbar" role="search">
            <label for="cm-search" class="cm-visually-hidden">"Search models by name"</label>
            <input id="cm-search" type="search" placeholder="Search models by name" prop:value=move || text.get() on:input=on_input />
        </div>
    }
}
