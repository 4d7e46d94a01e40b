//! The three-dot row menu: a button that opens a small menu of actions,
//! operable by mouse and keyboard (arrows, Home/End, Escape).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser::ids::unique_id;
use crate::routes::Route;

/// One entry of a [`KebabMenu`].
#[derive(Clone)]
pub enum MenuAction {
    /// Goes to a page of the console.
    Link { label: String, route: Route },
    /// Runs something on the page (e.g. opens a confirmation).
    Run { label: String, run: Callback<()>, danger: bool },
}

fn menu_items(menu: &web_sys::Element) -> Vec<web_sys::HtmlElement> {
    let Ok(list) = menu.query_selector_all("[role=menuitem]") else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into().ok()).collect()
}

#[component]
pub fn KebabMenu(
    /// Names the button, e.g. "Actions for Call centre 1".
    #[prop(into)]
    label: Signal<String>,
    /// Read when the menu opens: a table that reuses its rows for the next page
    /// passes the row's current actions.
    #[prop(into)]
    actions: Signal<Vec<MenuAction>>,
) -> impl IntoView {
    let open = RwSignal::new(false);
    // A row reused for another item (a poll reordered the list) closes its menu:
    // an open menu must never act on an item other than the one it was opened for.
    Effect::watch(
        move || label.get(),
        move |now, before, _| {
            if before.is_some_and(|before| before != now) {
                open.set(false);
            }
        },
        false,
    );
    let menu_id = unique_id("cm-menu");
    let menu_id_for_button = menu_id.clone();
    let button = NodeRef::<leptos::html::Button>::new();
    let menu = NodeRef::<leptos::html::Ul>::new();

    let focus_item = move |pick: &dyn Fn(usize, Option<usize>) -> usize| {
        let Some(menu) = menu.get_untracked() else {
            return;
        };
        let items = menu_items(&menu);
        if items.is_empty() {
            return;
        }
        let active = crate::browser::focus::active_element();
        let current = items.iter().position(|i| Some(i) == active.as_ref());
        let _ = items[pick(items.len(), current) % items.len()].focus();
    };
    let close_to_button = move || {
        open.set(false);
        if let Some(b) = button.get_untracked() {
            let _ = b.focus();
        }
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let handled = match ev.key().as_str() {
            "ArrowDown" => {
                focus_item(&|n, cur| cur.map_or(0, |c| (c + 1) % n));
                true
            }
            "ArrowUp" => {
                focus_item(&|n, cur| cur.map_or(n - 1, |c| (c + n - 1) % n));
                true
            }
            "Home" => {
                focus_item(&|_, _| 0);
                true
            }
            "End" => {
                focus_item(&|n, _| n - 1);
                true
            }
            "Escape" => {
                close_to_button();
                true
            }
            "Tab" => {
                open.set(false);
                false
            }
            _ => false,
        };
        if handled {
            ev.prevent_default();
        }
    };
    // Clicking or tabbing anywhere outside closes the menu.
    let on_focusout = move |ev: leptos::ev::FocusEvent| {
        let inside = ev
            .related_target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
            .zip(ev.current_target().and_then(|t| t.dyn_into::<web_sys::Node>().ok()))
            .is_some_and(|(to, wrapper)| wrapper.contains(Some(&to)));
        if !inside {
            // Deferred: focus also leaves when navigation tears the menu down, and a
            // signal set mid-teardown re-runs effects on values being disposed.
            queue_microtask(move || {
                open.try_set(false);
            });
        }
    };
    let toggle = move |_| {
        let now_open = !open.get_untracked();
        open.set(now_open);
        if now_open {
            request_animation_frame(move || focus_item(&|_, _| 0));
        }
    };

    // Items exist only while the menu is open: a table has a menu per row, and
    // most are never opened.
    let entries = move || {
        actions.with(|actions| {
            actions
                .iter()
                .cloned()
                .map(|action| match action {
                    MenuAction::Link { label, route } => view! {
                        <li role="none">
                            <a href=route.href() role="menuitem" tabindex="-1" class="cm-menu__item">{label}</a>
                        </li>
                    }
                    .into_any(),
                    MenuAction::Run { label, run, danger } => view! {
                        <li role="none">
                            <button
                                type="button"
                                role="menuitem"
                                tabindex="-1"
                                class="cm-menu__item"
                                class:cm-menu__item--danger=danger
                                on:click=move |_| {
                                    open.set(false);
                                    run.run(());
                                }
                            >
                                {label}
                            </button>
                        </li>
                    }
                    .into_any(),
                })
                .collect_view()
        })
    };

    view! {
        <div class="cm-menu" on:keydown=on_keydown on:focusout=on_focusout>
            <button
                node_ref=button
                type="button"
                class="cm-btn cm-btn--icon"
                aria-label=move || label.get()
                aria-haspopup="menu"
                aria-expanded=move || open.get().to_string()
                aria-controls=move || open.get().then(|| menu_id_for_button.clone())
                on:click=toggle
            >
                "⋮"
            </button>
            <Show when=move || open.get()>
                <ul node_ref=menu id=menu_id.clone() role="menu" class="cm-menu__list">
                    {entries}
                </ul>
            </Show>
        </div>
    }
}
