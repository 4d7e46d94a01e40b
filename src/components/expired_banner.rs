//! The expired sign-in, said once at the top of the console.

use leptos::prelude::*;

use crate::services::expiry::use_expiry;

/// The one message about it, at the top of the console.
#[component]
pub fn ExpiredBanner() -> impl IntoView {
    let expiry = use_expiry();
    move || {
        expiry.expired.get().then(|| {
            view! {
                <div class="cm-error cm-expired" role="alert">
                    <p><strong>"Your session has expired — sign in again."</strong></p>
                    <p>"Background updates have stopped and uploads are paused; after signing in, use Retry or Resume to carry on."</p>
                </div>
            }
        })
    }
}
