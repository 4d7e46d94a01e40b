//! "Download results (CSV)": every utterance of a test with both models' texts
//! and figures, as a spreadsheet file. Made here from the paged utterances
//! endpoint, one page at a time: each page's lines go to JS as one string
//! (a part of the Blob) before the next is asked for, so the WASM heap holds
//! one page however large the test. The format is `domain::results_csv`.

use domain::evaluation::{Compared, UtteranceFilter, UtteranceSort};
use domain::results_csv::{self, PAGE_SIZE};
use domain::wer::Scoring;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;

use crate::api::{use_api, Api, ApiError};
use crate::browser::download;

#[derive(Clone, Copy, PartialEq)]
enum State {
    Idle,
    /// Asking for `page`; `pages` is known from the first answer on.
    Preparing {
        page: u32,
        pages: Option<u32>,
    },
}

#[component]
pub fn ExportResults(test_id: Memo<String>, name: Signal<String>, scoring: Signal<Scoring>) -> impl IntoView {
    let api = use_api();
    let state = RwSignal::new(State::Idle);
    let note = RwSignal::new(String::new());
    // Each download has its number; Cancel (or a new one) moves it on, and a
    // download that sees another number stops at its next step.
    let generation = StoredValue::new(0u32);

    let start = move |_| {
        let run = generation.get_value().wrapping_add(1);
        generation.set_value(run);
        let (api, id, scoring, name) =
            (api.clone(), test_id.get_untracked(), scoring.get_untracked(), name.get_untracked());
        state.set(State::Preparing { page: 1, pages: None });
        note.set(results_csv::progress_text(1, None));
        spawn_local(async move {
            let current = move || generation.try_get_value() == Some(run);
            let on_page = move |page, pages| {
                state.try_set(State::Preparing { page, pages: Some(pages) });
                note.try_set(results_csv::progress_text(page, Some(pages)));
            };
            let outcome = collect(&api, &id, scoring, current, on_page).await;
            if !current() {
                return;
            }
            let file_name = results_csv::file_name(&name);
            let text = match outcome {
                Ok(Collected { parts, rows, skipped }) => {
                    match download::save(&parts, results_csv::MEDIA_TYPE, &file_name) {
                        Ok(()) => results_csv::saved_text(rows, skipped, &file_name),
                        Err(why) => format!("The file could not be saved: {why}."),
                    }
                }
                Err(err) => format!("The results could not be downloaded: {}", err.user_message()),
            };
            state.try_set(State::Idle);
            note.try_set(text);
        });
    };
    let cancel = move |_| {
        generation.update_value(|g| *g = g.wrapping_add(1));
        state.set(State::Idle);
        note.set("Download cancelled.".into());
    };
    let preparing = move || matches!(state.get(), State::Preparing { .. });

    view! {
        <div class="cm-export">
            <button type="button" class="cm-btn" on:click=start disabled=preparing>"Download results (CSV)"</button>
            {move || match state.get() {
                State::Preparing { page, pages: Some(pages) } if pages > 1 => Some(view! {
                    <progress max=pages value=page - 1 aria-label="Download progress"></progress>
                }.into_any()),
                _ => None,
            }}
            <Show when=preparing>
                <button type="button" class="cm-btn cm-btn--link" on:click=cancel>"Cancel"</button>
            </Show>
            <p class="cm-hint cm-export__note" role="status">{move || note.get()}</p>
        </div>
    }
}

/// The file's parts, how many rows they hold, and how many items the server
/// sent that could not be read.
struct Collected {
    parts: js_sys::Array,
    rows: u64,
    skipped: u64,
}

/// Asks for every page in turn while `current()` holds, reporting each page
/// number before asking for it; `Ok` with whatever was gathered when cancelled
/// (the caller checks `current()` again and drops it).
async fn collect(
    api: &Api,
    id: &str,
    scoring: Scoring,
    current: impl Fn() -> bool,
    on_page: impl Fn(u32, u32),
) -> Result<Collected, ApiError> {
    let parts = js_sys::Array::new();
    parts.push(&JsValue::from_str(results_csv::BOM));
    parts.push(&JsValue::from_str(&results_csv::header(scoring.unit)));
    let (mut rows, mut skipped) = (0u64, 0u64);
    let mut page = 1;
    loop {
        let answer = api.utterances(id, page, PAGE_SIZE, UtteranceFilter::All, UtteranceSort::Original).await?;
        if !current() {
            break;
        }
        let pages = domain::pagination::page_count(answer.total, PAGE_SIZE).max(1);
        let empty = answer.items.is_empty();
        rows += answer.items.len() as u64;
        skipped += u64::from(answer.skipped);
        let compared: Vec<Compared> = answer.items.into_iter().map(|u| Compared::new(u, scoring)).collect();
        parts.push(&JsValue::from_str(&results_csv::rows(&compared)));
        if empty || page >= pages {
            break;
        }
        page += 1;
        on_page(page, pages);
    }
    Ok(Collected { parts, rows, skipped })
}
