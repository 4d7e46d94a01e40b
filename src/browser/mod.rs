//! The browser's own facilities, each behind a small fallible wrapper: files
//! the user picked, localStorage, dates in the user's locale, element ids, the
//! network, system notifications, and whether the tab is shown.

pub mod clipboard;
pub mod download;
pub mod files;
pub mod focus;
pub mod ids;
pub mod network;
pub mod notifications;
pub mod storage;
pub mod time;
pub mod visibility;
