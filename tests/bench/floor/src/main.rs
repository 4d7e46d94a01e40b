//! The console's models table at its barest in Leptos: 100 generated models,
//! 25 per page, the page number in the URL, a Next link the router handles.
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_query_map;
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
    let page = Memo::new(move |_| query.with(|q| q.get("page").and_then(|p| p.parse::<usize>().ok()).unwrap_or(1)));
    let rows = Memo::new(move |_| all.with_value(|all| all.iter().skip((page.get() - 1) * 25).take(25).cloned().collect::<Vec<_>>()));
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
            <span class="cm-pager__range">{move || format!("{}–{} of 100", (page.get() - 1) * 25 + 1, (page.get() * 25).min(100))}</span>
            <a class="cm-pager__step" href=move || format!("/bench/floor/?page={}", page.get() + 1)>"Next ›"</a>
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
