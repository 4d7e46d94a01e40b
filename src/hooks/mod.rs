//! Reactive patterns the pages share, each written once: polling while the
//! backend works, mutations with their error, the last good value of a resource.

pub mod idempotency;
pub mod last_good;
pub mod mutation;
pub mod polling;
