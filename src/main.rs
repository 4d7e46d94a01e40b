use custom_models_console::{config::Config, App};
use leptos::prelude::*;

fn main() {
    custom_models_console::install_panic_hook();
    let config = Config::from_window();
    // A host that embeds the console calls `mount(element, config)` itself.
    if !config.manual_mount {
        leptos::mount::mount_to_body(move || view! { <App config=config.clone() /> });
    }
}
