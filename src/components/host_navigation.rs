//! The console and the host's router share one URL, and each must hear the other.
//!
//! - The console tells the host each path it moves to (`cm-navigate`).
//! - The console follows the host: React Router, Vue Router and Angular's router
//!   move with `history.pushState`/`replaceState`, which fire no `popstate`, so
//!   Leptos's router would keep showing the old page. We listen to the Navigation
//!   API's `currententrychange` where the browser has it; elsewhere we wrap
//!   `pushState`/`replaceState` once per page so that each call also fires
//!   [`HOST_MOVED`] on `window` (the host's call itself is unchanged).
//!
//! Following is a *replace* with the entry's own `history.state` and URL, so the
//! host's history (React Router keeps its index in `state`) is left as it was,
//! and the move is not reported back as `cm-navigate`: no loop with a host that
//! mirrors the console's moves into its own router.

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::location::State;
use leptos_router::NavigateOptions;
use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::*;

use crate::services::host_events::{use_host_events, HostEvents};

/// Fired on `window` after each `pushState`/`replaceState` where the browser has
/// no Navigation API.
const HOST_MOVED: &str = "cm-host-moved";
/// Marks our wrapper, so a second console on the page does not wrap it again.
const WRAPPED: &str = "__cmNotifies";

/// Tells the host where the console goes, and follows where the host goes.
/// `base` is the console's route prefix: a host path outside it is none of the
/// console's business (the host is about to remove or hide it).
#[component]
pub fn HostNavigation(base: String) -> impl IntoView {
    let moves =
        Moves { followed: StoredValue::new(None), unreported: StoredValue::new(None), events: use_host_events() };
    tell_host(moves);
    follow_host(base, moves);
}

#[derive(Clone, Copy)]
struct Moves {
    /// The path the console last moved to because the host did: not reported back.
    followed: StoredValue<Option<String>>,
    /// A move of the console's own that is not in the browser's history yet.
    /// Leptos's router commits a link's URL a little after it shows the page; a
    /// host hearing `cm-navigate` before then would replace the entry the console
    /// is leaving, and Back would skip it.
    unreported: StoredValue<Option<String>>,
    events: HostEvents,
}

impl Moves {
    fn report(&self, path: &str) {
        self.events.emit("cm-navigate", serde_json::json!({ "path": path }));
    }

    /// Reports the waiting move once the browser's URL shows it.
    fn report_committed(&self) {
        let Some((now, _)) = browser_path() else { return };
        if self.unreported.with_value(|p| p.as_deref() == Some(now.as_str())) {
            self.unreported.set_value(None);
            self.report(&now);
        }
    }
}

/// `cm-navigate` for each move of the console's own, not for those it followed.
fn tell_host(moves: Moves) {
    let location = use_location();
    Effect::watch(
        move || {
            format!(
                "{}{}",
                location.pathname.get(),
                location.search.with(|s| if s.is_empty() { String::new() } else { format!("?{s}") })
            )
        },
        move |path, previous, _| {
            let from_host = moves.followed.try_update_value(Option::take).flatten().is_some_and(|p| p == *path);
            if previous.is_some_and(|p| p != path) && !from_host {
                moves.unreported.set_value(Some(path.clone()));
                moves.report_committed();
            }
        },
        true,
    );
}

fn follow_host(base: String, moves: Moves) {
    let Some(window) = web_sys::window() else { return };
    let location = use_location();
    let navigate = use_navigate();
    let follow = move || {
        moves.report_committed();
        let Some((path, hash)) = browser_path() else { return };
        let inside = base.is_empty() || path == base || path.starts_with(&format!("{base}/"));
        let shown = format!(
            "{}{}",
            location.pathname.get_untracked(),
            location.search.with_untracked(|s| if s.is_empty() { String::new() } else { format!("?{s}") })
        );
        // Our own pushes arrive here too: the router already shows them.
        if !inside || path == shown {
            return;
        }
        let state = web_sys::window().and_then(|w| w.history().ok()).and_then(|h| h.state().ok());
        moves.followed.set_value(Some(path.clone()));
        navigate(
            &format!("{path}{hash}"),
            NavigateOptions { resolve: false, replace: true, scroll: false, state: State::new(state) },
        );
    };

    let navigation = js_sys::Reflect::get(&window, &JsValue::from_str("navigation"))
        .ok()
        .and_then(|n| n.dyn_into::<web_sys::EventTarget>().ok());
    let (target, event, listener) = match navigation {
        Some(navigation) => {
            let listener = Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
                // Back and forward also fire `popstate`, which Leptos's router follows itself.
                let kind = js_sys::Reflect::get(&event, &JsValue::from_str("navigationType")).ok();
                if kind.and_then(|k| k.as_string()).is_some_and(|k| k == "push" || k == "replace") {
                    follow();
                } else {
                    moves.report_committed();
                }
            });
            (navigation, "currententrychange", listener)
        }
        None => {
            wrap_history(&window);
            let listener = Closure::<dyn Fn(web_sys::Event)>::new(move |_| follow());
            (window.into(), HOST_MOVED, listener)
        }
    };
    if target.add_event_listener_with_callback(event, listener.as_ref().unchecked_ref()).is_err() {
        return;
    }
    let attached = SendWrapper::new((target, listener));
    on_cleanup(move || {
        let (target, listener) = attached.take();
        let _ = target.remove_event_listener_with_callback(event, listener.as_ref().unchecked_ref());
    });
}

/// `location`'s path with its query, and its hash apart.
fn browser_path() -> Option<(String, String)> {
    let location = web_sys::window()?.location();
    Some((format!("{}{}", location.pathname().ok()?, location.search().ok()?), location.hash().ok()?))
}

/// Wraps `history.pushState` and `replaceState` so each also fires [`HOST_MOVED`].
/// The wrapper calls the original with the caller's arguments and returns (or
/// throws) what it does. Never unwrapped: a host may have wrapped ours in turn.
fn wrap_history(window: &web_sys::Window) {
    let Ok(history) = window.history() else { return };
    for name in ["pushState", "replaceState"] {
        let key = JsValue::from_str(name);
        let Some(original) =
            js_sys::Reflect::get(&history, &key).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        else {
            continue;
        };
        if js_sys::Reflect::get(&original, &JsValue::from_str(WRAPPED)).is_ok_and(|v| v.is_truthy()) {
            continue;
        }
        let this = history.clone();
        let wrapper = Closure::<dyn Fn(JsValue, JsValue, JsValue) -> Result<JsValue, JsValue>>::new(
            move |state: JsValue, unused: JsValue, url: JsValue| {
                let result = original.call3(&this, &state, &unused, &url)?;
                if let Some(window) = web_sys::window() {
                    if let Ok(event) = web_sys::Event::new(HOST_MOVED) {
                        let _ = window.dispatch_event(&event);
                    }
                }
                Ok(result)
            },
        );
        let _ = js_sys::Reflect::set(wrapper.as_ref(), &JsValue::from_str(WRAPPED), &JsValue::TRUE);
        let _ = js_sys::Reflect::set(&history, &key, wrapper.as_ref());
        wrapper.forget();
    }
}
