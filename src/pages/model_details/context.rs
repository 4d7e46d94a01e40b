//! What the Model Details page knows and shares with its sections.

use domain::CustomModel;
use leptos::prelude::*;

/// What the page knows and shares with its sections.
#[derive(Clone, Copy)]
pub struct ModelContext {
    pub model: RwSignal<Option<CustomModel>>,
    /// Refetches the model (after uploads, deletions, renames).
    pub reload: Callback<()>,
    /// How many datasets the model has, once the list has loaded.
    pub dataset_total: RwSignal<Option<u64>>,
    /// The datasets shown (the current page), with the server's checks.
    pub datasets: RwSignal<Vec<domain::Dataset>>,
}

pub fn use_model() -> ModelContext {
    expect_context::<ModelContext>()
}
