//! How far a running training is, when the server says: a progress bar and
//! "about 12 min left". Without figures nothing shows (the badge's spinner says enough).

use chrono::{DateTime, Utc};
use domain::training::time_left_text;
use leptos::prelude::*;

fn now() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}

#[component]
pub fn TrainingProgress(
    #[prop(into)] progress: Signal<Option<u8>>,
    #[prop(into)] estimated_finish: Signal<Option<DateTime<Utc>>>,
    /// Names the bar, e.g. "Training progress of Call centre".
    #[prop(into)]
    label: Signal<String>,
) -> impl IntoView {
    let left = move || estimated_finish.get().map(|at| time_left_text(at, now()));
    move || {
        progress.get().map(|value| {
            view! {
                <span class="cm-progress">
                    <progress max="100" value=value aria-label=label.get()>{format!("{value} %")}</progress>
                    <span class="cm-progress__text">{format!("{value} %")} {left().map(|l| format!(" · {l}"))}</span>
                </span>
            }
        })
    }
}
