//! The console's models table at its barest in Leptos: 100 generated models,
//! the page and page size in the URL, a Next link the router handles and a
//! page-size select that navigates.
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::path;

const STATUSES: [(&str, &str); 5] =
    [("Not Running", "gray"), ("Ready to Run", "amber"), ("Running", "blue"), ("Success", "green"), ("Failed", "red")];

#[derive(Clone, PartialEq)]
struct Model {
    id: String,
    name: String,
    status: usize,
    language: &'static str,
    date: String,
}

fn models() -> Vec<Model> {
    (0..100)
        .map(|i| Model {
            id: format!("gm_{i}"),
            name: format!("Model {i:06}"),
            status: i % 5,
            language: ["English (US)", "German", "French"][i % 3],
            date: format!("{}/11/2026", 1 + i % 28),
        })
        .collect()
}

#[component]
fn ModelsPage() -> impl IntoView {
    let all = StoredValue::new(models());
    let query = use_query_map();
    let number = move |key: &str, default: usize| query.with(|q| q.get(key).and_then(|p| p.parse().ok()).unwrap_or(default));
    let page = Memo::new(move |_| number("page", 1).max(1));
    let size = Memo::new(move |_| number("size", 25).clamp(1, 100));
    let rows = Memo::new(move |_| {
        all.with_value(|all| all.iter().skip((page.get() - 1) * size.get()).take(size.get()).cloned().collect::<Vec<_>>())
    });
    // `navigate` adds the router's base; the plain link below does not.
    let navigate = use_navigate();
    let on_size = move |ev: leptos::ev::Event| navigate(&format!("/?size={}", event_target_value(&ev)), Default::default());
    let row = move |slot: usize| {
        let model = Memo::new(move |_| rows.with(|r| r.get(slot).cloned()));
        let text = move |f: fn(&Model) -> String| move || model.with(|m| m.as_ref().map(f).unwrap_or_default());
        view! {
            <tr>
                <th scope="row"><a href=text(|m| format!("/custom-models/{}", m.id))>{text(|m| m.name.clone())}</a></th>
                <td><span class=text(|m| format!("cm-badge cm-badge--{}", STATUSES[m.status].1))>{text(|m| STATUSES[m.status].0.into())}</span></td>
                <td>{text(|m| m.language.into())}</td>
                <td><time>{text(|m| m.date.clone())}</time></td>
                <td><button type="button" aria-label=text(|m| format!("Actions for {}", m.name))>"⋮"</button></td>
            </tr>
        }
    };
    view! {
        <table class="cm-table">
            <tbody>
                <For each=move || 0..rows.with(Vec::len) key=|slot| *slot children=row />
            </tbody>
        </table>
        <nav class="cm-pager">
            <select aria-label="Rows per page" on:change=on_size>
                <option value="25">"25"</option>
                <option value="100">"100"</option>
            </select>
            <span class="cm-pager__range">
                {move || format!("{}–{} of 100", (page.get() - 1) * size.get() + 1, (page.get() * size.get()).min(100))}
            </span>
            <a class="cm-pager__step" href=move || format!("/bench/floor/?page={}&size={}", page.get() + 1, size.get())>"Next ›"</a>
        </nav>
    }
}

fn main() {
    mount_to_body(|| {
        view! {
            <Router base="/bench/floor">
                <main class="cm-root">
                    <Routes fallback=|| "Not found">
                        <Route path=path!("/") view=ModelsPage />
                    </Routes>
                </main>
            </Router>
        }
    })
}
