//! Building blocks shared by the pages. Each displays what it is given and
//! reports through callbacks; pages do the fetching.

pub mod badge;
pub mod config_problems;
pub mod confirm_dialog;
pub mod copy_id;
#[cfg(feature = "demo")]
pub mod demo_controls;
pub mod drop_zone;
pub mod expired_banner;
pub mod file_field;
pub mod header;
pub mod host_navigation;
pub mod info_tip;
pub mod kebab_menu;
pub mod language_options;
pub mod live_region;
pub mod load_error;
pub mod modal;
pub mod model_select;
pub mod notify_button;
pub mod pagination;
pub mod refresh_note;
pub mod shortcut_keys;
pub mod skipped_note;
pub mod status_badge;
pub mod toast_region;
pub mod training_progress;
pub mod upload_indicator;
pub mod upload_progress;
