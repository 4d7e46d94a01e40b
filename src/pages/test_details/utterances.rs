//! The utterances of a test, paged by the server with its filter and order
//! (all in the URL): reference, both models' texts with errors marked, and
//! each row's error rate for both, computed here from the texts.

use domain::evaluation::{Compared, TestQuery, UtteranceFilter, UtteranceSort};
use domain::pagination::clamp_page;
use domain::wer::{rate_text, Scoring};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::diff::Marked;
use crate::api::use_api;
use crate::components::load_error::LoadError;
use crate::components::pagination::Pagination;
use crate::components::refresh_note::RefreshNote;
use crate::components::skipped_note::SkippedNote;
use crate::hooks::loaded::{load, Shown};
use crate::routes::{use_go, Route};

#[component]
pub fn Utterances(model_id: Memo<String>, test_id: Memo<String>, scoring: Signal<Scoring>) -> impl IntoView {
    let api = use_api();
    let query_map = use_query_map();
    let query = Memo::new(move |_| query_map.with(|q| TestQuery::from_params(|k| q.get(k))));
    let route = move |query: TestQuery| Route::Test { model_id: model_id.get(), test_id: test_id.get(), query };
    let go_to = use_go();
    let go = Callback::new(move |q: TestQuery| go_to.run((route(q), true)));
    let rows = LocalResource::new(move || {
        let (api, id, q) = (api.clone(), test_id.get(), query.get());
        async move { api.utterances(&id, q.page, q.page_size, q.filter, q.sort).await }
    });
    Effect::new(move |_| {
        if let Some(Ok(page)) = rows.get() {
            let q = query.get_untracked();
            let clamped = clamp_page(q.page, page.total, q.page_size);
            if clamped != q.page {
                go.run(TestQuery { page: clamped, ..q });
            }
        }
    });
    let loaded = load(rows, |_, _| {});
    let total = Signal::derive(move || loaded.value.with(|page| page.as_ref().map_or(0, |p| p.total)));
    // Off: the reference as the dataset holds it. On: as it is compared, like the models' texts.
    let as_compared = RwSignal::new(false);

    view! {
        <section class="cm-utterances" aria-labelledby="cm-utterances-title">
            <div class="cm-section-head">
                <h2 id="cm-utterances-title">"Utterances"</h2>
            </div>
            <div class="cm-filters">
                <div class="cm-field">
                    <label for="cm-utt-filter">"Show"</label>
                    <select id="cm-utt-filter" on:change=move |ev| {
                        let filter = UtteranceFilter::from_wire(&event_target_value(&ev));
                        go.run(TestQuery { filter, page: 1, ..query.get_untracked() });
                    }>
                        {UtteranceFilter::ALL.into_iter().map(|f| view! {
                            <option value=f.as_wire() prop:selected=move || query.get().filter == f>{f.label()}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="cm-field">
                    <label for="cm-utt-sort">"Order"</label>
                    <select id="cm-utt-sort" on:change=move |ev| {
                        let sort = UtteranceSort::from_wire(&event_target_value(&ev));
                        go.run(TestQuery { sort, page: 1, ..query.get_untracked() });
                    }>
                        {UtteranceSort::ALL.into_iter().map(|s| view! {
                            <option value=s.as_wire() prop:selected=move || query.get().sort == s>{s.label()}</option>
                        }).collect_view()}
                    </select>
                </div>
                <label class="cm-choice cm-utt__compared">
                    <input type="checkbox" prop:checked=as_compared on:change=move |ev| as_compared.set(event_target_checked(&ev)) />
                    "Show as compared"
                </label>
            </div>
            <p class="cm-legend">
                "Marks: " <mark class="cm-err cm-err--sub">"substituted"</mark> " "
                <del class="cm-err cm-err--del">"deleted"</del> " "
                <ins class="cm-err cm-err--ins"><span aria-hidden="true">"+"</span>"inserted"</ins>
            </p>
            {move || match loaded.shown.get() {
                Shown::Loading => view! { <p class="cm-loading" role="status">"Loading utterances…"</p> }.into_any(),
                Shown::Failed(message) | Shown::NotFound(message) => view! {
                    <LoadError title="The utterances could not be loaded" message on_retry=Callback::new(move |()| rows.refetch()) />
                }.into_any(),
                Shown::Ready => view! {
                    <RefreshNote failure=loaded.refresh_failure retrying=false on_retry=Callback::new(move |()| rows.refetch()) />
                    {move || loaded.value.get().map(|page| if page.items.is_empty() {
                        let filter = query.get_untracked().filter;
                        let text = if filter == UtteranceFilter::All {
                            "This test has no utterances.".to_owned()
                        } else {
                            format!("No utterance matches “{}”.", filter.label())
                        };
                        view! { <div class="cm-empty"><p>{text}</p></div> }.into_any()
                    } else {
                        let note = page.skipped_note();
                        let scoring = scoring.get_untracked();
                        let rows = page.items.into_iter().map(|u| Compared::new(u, scoring)).collect::<Vec<_>>();
                        view! { <SkippedNote note /> <UtteranceTable rows scoring as_compared /> }.into_any()
                    })}
                }.into_any(),
            }}
            <Pagination
                page=Signal::derive(move || query.get().page)
                page_size=Signal::derive(move || query.get().page_size)
                total
                label="Utterances pages"
                href=Callback::new(move |n| route(TestQuery { page: n, ..query.get() }))
                on_page_size=Callback::new(move |page_size| go.run(TestQuery { page: 1, page_size, ..query.get_untracked() }))
            />
        </section>
    }
}

#[component]
fn UtteranceTable(rows: Vec<Compared>, scoring: Scoring, as_compared: RwSignal<bool>) -> impl IntoView {
    let unit = scoring.unit;
    let name = unit.rate_name();
    let body = rows
        .into_iter()
        .map(|row| {
            let u = &row.utterance;
            let when = match (u.start, u.end) {
                (Some(start), Some(end)) => format!("{} – {}", clock(start), clock(end)),
                _ => String::new(),
            };
            let (base_rate, custom_rate) = (rate_text(&row.base.counts), rate_text(&row.custom.counts));
            let (written, compared) = (u.reference.clone(), scoring.normalize(&u.reference));
            let reference = move || if as_compared.get() { compared.clone() } else { written.clone() };
            view! {
                <tr>
                    <th scope="row" class="cm-utt__where"><span class="cm-utt__file">{u.file.clone()}</span> <span class="cm-hint">{when}</span></th>
                    <td data-label="Reference" class="cm-utt__text">{reference}</td>
                    <td data-label="Base model" class="cm-utt__text"><Marked alignment=row.base.clone() unit /></td>
                    <td data-label="Custom model" class="cm-utt__text"><Marked alignment=row.custom.clone() unit /></td>
                    <td data-label=format!("Base {name}")>{base_rate}</td>
                    <td data-label=format!("Custom {name}")>{custom_rate}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="cm-table cm-table--cards cm-utt">
            <caption class="cm-visually-hidden">"Utterances with each model’s errors"</caption>
            <thead>
                <tr>
                    <th scope="col">"Utterance"</th>
                    <th scope="col">"Reference"</th>
                    <th scope="col">"Base model"</th>
                    <th scope="col">"Custom model"</th>
                    <th scope="col">{format!("Base {name}")}</th>
                    <th scope="col">{format!("Custom {name}")}</th>
                </tr>
            </thead>
            <tbody>{body}</tbody>
        </table>
    }
}

/// Seconds as "1:05.5".
fn clock(seconds: f64) -> String {
    let tenths = (seconds * 10.0).round() as u64;
    format!("{}:{:02}.{}", tenths / 600, tenths / 10 % 60, tenths % 10)
}
