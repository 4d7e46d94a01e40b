//! The uploads still under way, on every page of the console: each file's
//! progress and state, and its Cancel, until all are done.

use domain::upload::batch::FileState;
use leptos::prelude::*;

use crate::services::uploads::use_uploads;

#[component]
pub fn UploadIndicator() -> impl IntoView {
    let uploads = use_uploads();
    let active = Memo::new(move |_| {
        uploads
            .active()
            .into_iter()
            .map(|e| (e.key, e.request.file_name.clone(), e.percent(), e.state))
            .collect::<Vec<_>>()
    });
    move || {
        let items = active.get();
        (!items.is_empty()).then(|| {
            let rows = items
                .into_iter()
                .map(|(key, name, percent, state)| {
                    let doing = match state {
                        FileState::Waiting(why) => why.message(),
                        FileState::Queued => "Queued".to_owned(),
                        _ => "Sending".to_owned(),
                    };
                    view! {
                        <li class="cm-uploads__item">
                            <span class="cm-uploads__name">{name.clone()}</span>
                            <span>{format!("{percent} %")}</span>
                            <span class="cm-hint">{doing}</span>
                            <button type="button" class="cm-btn cm-btn--link" aria-label=format!("Cancel upload of {name}")
                                on:click=move |_| uploads.cancel(key)>"Cancel"</button>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="cm-uploads" aria-label="Uploads">
                    <ul class="cm-uploads__list">{rows}</ul>
                </section>
            }
        })
    }
}
