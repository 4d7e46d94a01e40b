//! How one file's upload reads to the person sending it: its progress bar, why
//! it waits, and how it ended. The New Dataset dialog shows one per file, the STT
//! Session dialog one for its audio.

use domain::upload::batch::FileState;
use domain::upload::retry::Waiting;
use leptos::prelude::*;

/// The upload of `name` at `percent`, in `state`. `on_try_again` is offered
/// when it waits for the user to sign in again.
#[component]
pub fn UploadProgress(
    #[prop(into)] name: String,
    percent: u64,
    state: FileState,
    #[prop(optional)] on_try_again: Option<Callback<()>>,
) -> impl IntoView {
    let progress = move || {
        view! {
            <div class="cm-progress">
                <progress max="100" value=percent aria-label=format!("Upload of {name}")></progress>
                <span>{format!("{percent}%")}</span>
            </div>
        }
    };
    match state {
        FileState::Queued => view! { <p class="cm-hint">"Queued"</p> }.into_any(),
        FileState::Sending => progress().into_any(),
        FileState::Waiting(Waiting::SignIn) => view! {
            {progress()}
            <p class="cm-field__error" role="alert">{Waiting::SignIn.message()}</p>
            {on_try_again.map(|retry| view! {
                <button type="button" class="cm-btn" on:click=move |_| retry.run(())>"Try again"</button>
            })}
        }
        .into_any(),
        FileState::Waiting(why) => {
            view! { {progress()} <p class="cm-hint" role="status">{why.message()}</p> }.into_any()
        }
        FileState::Done => view! { {progress()} <p class="cm-hint">"Uploaded"</p> }.into_any(),
        FileState::Failed(reason) => {
            view! { <p class="cm-field__error" role="alert">{format!("Upload failed: {reason}")}</p> }.into_any()
        }
        FileState::Cancelled => view! { <p class="cm-hint">"Upload cancelled."</p> }.into_any(),
    }
}
