//! What the console says about its configuration: a fatal problem stops it with
//! the fields to fix (it cannot tell where data should go); lesser ones are
//! listed once above the page, each with the default used instead.

use domain::host_config::ConfigProblem;
use leptos::prelude::*;

/// The whole console replaced by one message: it cannot start.
#[component]
fn Stopped(children: Children) -> impl IntoView {
    view! {
        <div class="cm-root">
            <main class="cm-main">
                <div class="cm-error" role="alert">{children()}</div>
            </main>
        </div>
    }
}

#[component]
pub fn ConfigFailure(problems: Vec<ConfigProblem>) -> impl IntoView {
    let items = problems.iter().map(|p| view! { <li>{p.message()}</li> }).collect_view();
    view! {
        <Stopped>
            <h1>"The console could not start: its configuration is not valid"</h1>
            <p>"Nothing was loaded or sent. The page that embeds the console must fix:"</p>
            <ul>{items}</ul>
        </Stopped>
    }
}

#[component]
pub fn NotConnected() -> impl IntoView {
    view! {
        <Stopped>
            <h1>"The console is not connected to a backend"</h1>
            <p>"This build has no demo data. Set apiBaseUrl in window.customModelsConfig (see the README)."</p>
        </Stopped>
    }
}

#[component]
pub fn ConfigNotice(problems: Vec<ConfigProblem>) -> impl IntoView {
    let shown = RwSignal::new(!problems.is_empty());
    let messages: Vec<String> = problems.iter().map(ConfigProblem::message).collect();
    move || {
        shown.get().then(|| {
            let items = messages.iter().map(|m| view! { <li>{m.clone()}</li> }).collect_view();
            view! {
                <div class="cm-warning cm-config-notice" role="status">
                    <p>"Some configuration settings could not be used:"</p>
                    <ul>{items}</ul>
                    <button type="button" class="cm-btn cm-btn--link" on:click=move |_| shown.set(false)>"Dismiss"</button>
                </div>
            }
        })
    }
}
