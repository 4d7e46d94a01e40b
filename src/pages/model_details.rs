//! The Model Details page.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::components::status_badge::StatusBadge;
use crate::time::LocalTime;
use crate::workspace::{use_api, use_workspace};

#[component]
pub fn ModelDetailsPage() -> impl IntoView {
    let api = use_api();
    let workspace = use_workspace();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    let model = LocalResource::new(move || {
        let api = api.clone();
        let id = id();
        async move { api.model(&id).await }
    });

    view! {
        <section class="cm-page" aria-labelledby="cm-details-title">
            <Transition fallback=|| view! { <p aria-busy="true">"Loading model…"</p> }>
                {move || Suspend::new(async move {
                    match model.await {
                        Ok(m) => {
                            let language = workspace.language_name(&m.language);
                            view! {
                                <div class="cm-page__head">
                                    <h1 id="cm-details-title">{m.name.clone()}</h1>
                                </div>
                                <dl class="cm-cards">
                                    <div class="cm-card"><dt>"Name"</dt><dd>{m.name}</dd></div>
                                    <div class="cm-card"><dt>"Training Status"</dt><dd><StatusBadge status=m.status /></dd></div>
                                    <div class="cm-card"><dt>"Base Language Model"</dt><dd>{language}</dd></div>
                                    <div class="cm-card">
                                        <dt>"Last Modified"</dt>
                                        <dd>{m.last_modified.map(|at| view! { <LocalTime at /> })}</dd>
                                    </div>
                                </dl>
                            }.into_any()
                        }
                        Err(err) if err.is_not_found() => view! {
                            <div class="cm-empty">
                                <h1 id="cm-details-title">"Model not found"</h1>
                                <p>"There is no custom model with this id. It may have been deleted."</p>
                                <A href="/custom-models">"Back to Custom Models"</A>
                            </div>
                        }.into_any(),
                        Err(err) => view! {
                            <div class="cm-error" role="alert">
                                <h1 id="cm-details-title">"The model could not be loaded"</h1>
                                <p>{err.user_message()}</p>
                                <button class="cm-btn" on:click=move |_| model.refetch()>"Retry"</button>
                            </div>
                        }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}
