//! The records the store keeps beside the contract's own types.

use chrono::{DateTime, Utc};
use domain::failure::TrainingFailure;
use domain::model::CustomModel;
use serde::{Deserialize, Serialize};

/// The demo organisation, which seeded and generated models belong to.
pub(crate) const ORG: &str = "org_acme";

#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct StoredModel {
    pub(crate) model: CustomModel,
    /// When the running training finishes, and how.
    pub(crate) training: Option<PendingTraining>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct PendingTraining {
    pub(crate) ends_at: DateTime<Utc>,
    /// For the progress a running model reports.
    #[serde(default)]
    pub(crate) started_at: Option<DateTime<Utc>>,
    pub(crate) failure: Option<TrainingFailure>,
}
