//! The console's rules in plain Rust: no web-sys, no Leptos, so every rule is
//! unit-tested natively and shared by the UI, the HTTP client and the backend
//! (`crates/backend`, the rules of the endpoints, hosted by the demo and the server).
//!
//! - [`status`]: the five training statuses, their badges and help texts.
//! - [`language`], [`role`], [`model`]: who may do what with which model.
//! - [`dataset`]: dataset types, auto-detection and upload validation.
//! - [`dataset_check`]: the server's check of a dataset, and the cues of a transcript.
//! - [`evaluation`]: tests of a trained model against its base model.
//! - [`training`]: what may be trained and what the training errors mean.
//! - [`pagination`] and [`query`]: paging, search and sort of lists; [`sort_choice`] the
//!   sorts as one menu.
//! - [`wire`]: the JSON contract of `docs/api.md`, decoded leniently; [`encode`] the inverse;
//!   [`error_code`] its error codes.
//! - [`named`]: values from a list a newer server may extend, kept as sent when unknown.
//! - [`host_config`]: the host's configuration, read field by field with named problems.
//! - [`size`]: byte sizes as people read them.
//! - [`wer`]: word (or character) error rates, with the alignment to show them.

pub mod content;
pub mod dataset;
pub mod dataset_check;
pub mod encode;
pub mod error_code;
pub mod evaluation;
pub mod failure;
pub mod host_config;
pub mod hypothesis;
pub mod ids;
pub mod language;
pub mod live;
pub mod model;
pub mod named;
pub mod pagination;
pub mod query;
pub mod results_csv;
pub mod role;
pub mod size;
pub mod sort_choice;
pub mod status;
pub mod stt;
pub mod training;
pub mod upload;
pub mod wer;
pub mod wire;

pub use dataset::{Dataset, DatasetType};
pub use error_code::ErrorCode;
pub use language::Language;
pub use model::CustomModel;
pub use named::Named;
pub use query::{ListQuery, Page, SortDir, SortKey};
pub use role::{Role, User};
pub use status::TrainingStatus;
