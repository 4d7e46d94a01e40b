//! Reactive patterns the pages share, each written once: polling while the
//! backend works, mutations with their error, what a view shows of what it loads.

pub mod idempotency;
pub mod loaded;
pub mod mutation;
pub mod polling;
