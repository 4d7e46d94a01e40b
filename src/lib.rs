//! The Custom Models console: the app's root. `App` provides the services
//! (src/services/) once and holds the route table; docs/architecture.md draws the floors.

pub mod api;
pub mod browser;
pub mod components;
pub mod config;
pub mod embed;
// Only with `console`: without it the library is the model select alone.
#[cfg(feature = "console")]
pub mod embed_console;
pub mod embed_select;
pub mod hooks;
pub mod pages;
pub mod routes;
pub mod services;

use leptos::prelude::*;
use leptos_router::components::{Route as RouteView, Router, Routes};
use leptos_router::path;

use crate::api::Api;
use crate::components::config_problems::{ConfigFailure, ConfigNotice, NotConnected};
use crate::components::expired_banner::ExpiredBanner;
use crate::components::header::AppHeader;
use crate::components::host_navigation::HostNavigation;
use crate::components::live_region::LiveRegion;
use crate::components::shortcut_keys::ShortcutKeys;
use crate::components::toast_region::ToastRegion;
use crate::components::upload_indicator::UploadIndicator;
use crate::config::Config;
use crate::pages::{
    home::HomePage, model_details::ModelDetailsPage, models_list::ModelsListPage, not_found::NotFoundPage,
    test_details::TestDetailsPage,
};
use crate::services::announcer::Announcer;
use crate::services::expiry::SessionExpiry;
use crate::services::host_events::HostEvents;
use crate::services::live_events::LiveEvents;
use crate::services::shortcuts::Shortcuts;
use crate::services::storage_notice::StorageNotice;
use crate::services::toasts::Toasts;
use crate::services::training_watch::TrainingWatch;
use crate::services::uploads::Uploads;
use crate::services::workspace::Workspace;

/// The whole console. `config` decides the API and the route prefix.
#[component]
pub fn App(config: Config) -> impl IntoView {
    if config.is_fatal() {
        return view! { <ConfigFailure problems=config.problems.clone() /> }.into_any();
    }
    // The services, each provided once (src/services/): the ones the API needs first.
    let storage_notice = StorageNotice::new();
    provide_context(storage_notice);
    let root = NodeRef::new();
    let events = HostEvents::new(root);
    provide_context(events);
    let expiry = SessionExpiry::new(config.on_unauthorized.clone(), events);
    provide_context(expiry);
    let notice = Callback::new(move |message| storage_notice.0.set(Some(message)));
    let Some(api) = Api::from_config(&config, Some(notice), Some(expiry.report)) else {
        return view! { <NotConnected /> }.into_any();
    };
    // Every request of the console ends when it is unmounted (a host removing its element).
    let api = api.scoped();
    let announcer = Announcer::new();
    provide_context(announcer);
    let shortcuts = Shortcuts::new();
    provide_context(shortcuts);
    let toasts = Toasts::new();
    provide_context(toasts);
    provide_context(TrainingWatch::new(events, toasts));
    provide_context(Workspace::new(api.clone()));
    provide_context(LiveEvents::new(api.clone(), expiry));
    provide_context(Uploads::new(api.clone(), config.request_timeout_ms, events, toasts));
    provide_context(api);
    provide_context(config.clone());

    view! {
        <Router base=config.base_path.clone()>
            <div class="cm-root" data-theme=config.theme node_ref=root>
                <a class="cm-skip-link" href="#cm-main">"Skip to content"</a>
                <AppHeader />
                <UploadIndicator />
                <main id="cm-main" class="cm-main" tabindex="-1">
                    <ExpiredBanner />
                    <ConfigNotice problems=config.problems.clone() />
                    // Pages show their own errors; anything that escapes them lands here
                    // rather than leaving a blank page.
                    <ErrorBoundary fallback=|errors| {
                        view! {
                            <div class="cm-error" role="alert">
                                <h1>"Something went wrong"</h1>
                                <ul>
                                    {move || {
                                        errors.get().into_iter().map(|(_, e)| view! { <li>{e.to_string()}</li> }).collect_view()
                                    }}
                                </ul>
                                <p><a href="">"Reload the page"</a></p>
                            </div>
                        }
                    }>
                        <AppRoutes />
                    </ErrorBoundary>
                </main>
                <ToastRegion toasts />
                <LiveRegion announcer />
                <ShortcutKeys root embedded=config.manual_mount shortcuts />
                <HostNavigation base=config.base_path.clone() />
            </div>
        </Router>
    }
    .into_any()
}

/// The route table: which page each path shows (the paths themselves are
/// written once, in [`routes::Route`]).
#[component]
fn AppRoutes() -> impl IntoView {
    view! {
        <Routes fallback=NotFoundPage>
            <RouteView path=path!("/") view=HomePage />
            <RouteView path=path!("/custom-models") view=ModelsListPage />
            <RouteView path=path!("/custom-models/:id") view=ModelDetailsPage />
            <RouteView path=path!("/custom-models/:id/tests/:test_id") view=TestDetailsPage />
        </Routes>
    }
}

/// Logs panics to the console and, because a panic ends the WASM app, replaces
/// the page with a readable message instead of leaving it frozen or blank.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let Some(body) = document.body() else { return };
        if let Ok(notice) = document.create_element("div") {
            notice.set_class_name("cm-crash");
            let _ = notice.set_attribute("role", "alert");
            notice.set_inner_html(
                "<h1>Something went wrong</h1><p>The console stopped because of an unexpected error. \
                 Your saved work is safe. <a href=\"\">Reload the page</a> to continue.</p>",
            );
            let _ = body.append_child(&notice);
        }
    }));
}
