//! How far a running training is, when the server says: a progress bar and
//! "about 12 min left". Without figures nothing shows (the badge's spinner says enough).

use chrono::Utc;
use domain::training::time_left_text;
use domain::{CustomModel, TrainingStatus};
use leptos::prelude::*;

#[component]
pub fn TrainingProgress(
    #[prop(into)] model: Signal<Option<CustomModel>>,
    /// Names the bar, e.g. "Training progress of Call centre".
    #[prop(into)]
    label: Signal<String>,
) -> impl IntoView {
    let figures = move || {
        model.with(|m| {
            let m = m.as_ref().filter(|m| m.status == TrainingStatus::Running)?;
            Some((m.progress?, m.estimated_finish))
        })
    };
    move || {
        figures().map(|(value, finish)| {
            let left = finish.map(|at| format!(" · {}", time_left_text(at, Utc::now())));
            view! {
                <span class="cm-training-progress">
                    <progress max="100" value=value aria-label=label.get()>{format!("{value} %")}</progress>
                    <span class="cm-training-progress__text">{format!("{value} %")} {left}</span>
                </span>
            }
        })
    }
}
