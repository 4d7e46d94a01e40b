//! The services floor: what the whole console shares beneath its views, each
//! provided once by `App` as a required context (`use_…()` panics only when a
//! view is mounted outside `App`, a programming error). Services may use the
//! API, the pure domain, `browser/` and `routes` (a leaf); never a view.
//! docs/architecture.md draws the floors.

pub mod announcer;
pub mod expiry;
pub mod host_events;
pub mod live_events;
pub mod shortcuts;
pub mod storage_notice;
pub mod toasts;
pub mod training_watch;
pub mod uploads;
pub mod workspace;
