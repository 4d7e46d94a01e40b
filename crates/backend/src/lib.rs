//! The backend's rules: one in-memory state whose methods are the endpoints of
//! `docs/api.md` (models, datasets, resumable uploads, checks of uploaded files,
//! trainings, tests, versions, STT sessions, idempotent retries). Time is passed
//! in, so the lifecycle is deterministic in tests and moves with the clock of
//! whoever hosts it: the in-browser demo (`src/api/mock.rs`, which adds latency
//! and localStorage) and the reference server (`crates/server`, which adds HTTP,
//! SQLite and files on disk). Storage-agnostic: no web-sys, no I/O.
//!
//! This file holds the store and its refusals; each concern has a file of its
//! own: `seed` (the demo data), `index` (listing, search, sort), `models`,
//! `datasets` (and resumable uploads), `checks` (of uploaded files), `sessions`,
//! `evaluations` (tests of trained models), `versions`, `clock` (what time moves);
//! `generated` and `lower_names` serve the 100,000-model benchmarks.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

mod checks;
mod clock;
#[cfg(test)]
mod contract;
mod datasets;
mod demo_texts;
mod evaluations;
mod generated;
mod index;
pub mod live;
mod lower_names;
mod models;
mod numbered;
mod records;
pub mod rows;
mod seed;
pub mod session_audio;
mod sessions;
mod versions;

use generated::Generator;
use lower_names::LowerNames;
use records::{PendingTraining, StoredModel, ORG};

use domain::dataset::{Dataset, DatasetType};
use domain::failure::{FailedDataset, TrainingFailure};
use domain::language::Language;
use domain::model::{validate_name, CustomModel};
use domain::query::{ListQuery, Page, SortDir, SortKey};
use domain::role::{Role, User};
use domain::status::TrainingStatus;
use domain::stt::{audio_problem, transcript_problem, usable_for, SessionMode, SessionRequest, SttSession};
use domain::training::{
    cancel_block, status_after_cancel, status_after_dataset_change, training_block, CancelBlock, TrainingBlock,
    TrainingErrorCode,
};
use domain::upload::resume::UploadStatus;
use domain::upload::session_audio::{SessionAudio, SessionAudioRequest, UploadPurpose};
use domain::upload::{chunk_count, UploadRequest, UploadTicket};

/// Bumped when the stored shape changes, so an old saved state is replaced, not misread.
pub const STATE_VERSION: u32 = 2;

/// A refusal, as the HTTP API would send it: status, error code and message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    pub status: u16,
    pub code: String,
    pub message: String,
}

impl Refusal {
    pub fn new(status: u16, code: &str, message: impl Into<String>) -> Self {
        Refusal { status, code: code.into(), message: message.into() }
    }

    fn not_found(what: &str) -> Self {
        Self::new(404, "not_found", format!("No {what} with that id exists."))
    }
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Store {
    pub version: u32,
    pub user: User,
    pub languages: Vec<Language>,
    pub credits: u64,
    /// How long a simulated training runs.
    pub training_ms: i64,
    models: Vec<StoredModel>,
    datasets: Vec<Dataset>,
    next_id: u64,
    /// STT Sessions started from the Home page, newest last.
    #[serde(default)]
    sessions: Vec<SttSession>,
    /// Unfinished uploads with the chunks received, saved like the rest, so a
    /// reload can resume them.
    #[serde(default)]
    uploads: Vec<PendingUpload>,
    /// Idempotency: what the first request with a key created (`start:KEY` → an
    /// upload id, `complete:KEY` → a dataset id), answered again to a retry.
    #[serde(default)]
    replies: std::collections::BTreeMap<String, String>,
    /// Tests of trained models, oldest first.
    #[serde(default)]
    evaluations: Vec<evaluations::StoredEvaluation>,
    /// The text of transcript and TEST datasets (by dataset id), which tests read.
    #[serde(default)]
    texts: std::collections::BTreeMap<String, String>,
    /// Uploaded files being checked.
    #[serde(default)]
    checks: Vec<checks::PendingCheck>,
    /// Model positions sorted by each key, built on first use after a change, so
    /// paging, sorting and searching 100,000 models never clone or re-sort them.
    #[serde(skip)]
    index: std::sync::Mutex<Option<SortIndex>>,
    /// No running training ends before this (`Some(None)`: none runs; `None`: not
    /// known yet), so the clock's check on every request does not visit every model.
    #[serde(skip)]
    earliest_end: Option<Option<DateTime<Utc>>>,
    /// A large generated demo's models that no request has changed (see
    /// `generated.rs`). Never saved: such a store is larger than localStorage.
    #[serde(skip)]
    generator: Option<Generator>,
}

/// Each part is built the first time a request needs it: the default view
/// (newest first, no search) needs only `by_modified`. The orders hold only the
/// models the user's organisation may see, so an unfiltered page is a slice.
#[derive(Debug, Default)]
struct SortIndex {
    org: Option<String>,
    by_name: Option<Vec<u32>>,
    by_status: Option<Vec<u32>>,
    by_modified: Option<Vec<u32>>,
    lower_names: Option<LowerNames>,
}

/// The chunk size the backend hands out.
pub const CHUNK_BYTES: u64 = 1024 * 1024;

#[derive(Clone, Debug, Serialize, Deserialize)]
struct PendingUpload {
    id: String,
    model_id: String,
    request: UploadRequest,
    started_at: DateTime<Utc>,
    received: std::collections::BTreeSet<u64>,
    problem: Option<TrainingErrorCode>,
    /// The first chunk as text, for a transcript's check and for tests.
    #[serde(default)]
    text: Option<String>,
    /// The last request about it that a host told of ([`Store::touch_upload`]);
    /// the upload expires [`UPLOAD_EXPIRY_HOURS`] after it (or after its start).
    #[serde(default)]
    touched_at: Option<DateTime<Utc>>,
    /// A dataset's file (its `model_id` set) or a session's audio (none).
    #[serde(default)]
    purpose: UploadPurpose,
    /// A session's audio stays once completed, until a session takes it.
    #[serde(default)]
    completed_at: Option<DateTime<Utc>>,
    /// The session whose audio this is; it then never expires.
    #[serde(default)]
    session_id: Option<String>,
}

/// An upload not completed is forgotten this long after the last request about it (docs/api.md).
pub const UPLOAD_EXPIRY_HOURS: i64 = 24;

/// Above this many generated models, they are computed when shown rather than
/// stored (which is also more than localStorage holds).
const STORED_GENERATED_MAX: usize = 10_000;
/// The seeded model ("Court records 1", Ready to Run) whose audio is faulty.
const FAULTY_SEED: usize = 6;

impl Store {
    /// Runs `act` once per idempotency key of `kind`: a retry with the same key
    /// (after a lost answer) gets what the first call made, found again by its id.
    pub(crate) fn once<T>(
        &mut self,
        kind: &str,
        key: &str,
        act: impl FnOnce(&mut Self) -> Result<T, Refusal>,
        id_of: impl Fn(&T) -> String,
        find: impl Fn(&Self, &str) -> Option<T>,
    ) -> Result<T, Refusal> {
        let reply = format!("{kind}:{key}");
        if let Some(made) = self.replies.get(&reply).and_then(|id| find(self, id)) {
            return Ok(made);
        }
        let made = act(self)?;
        self.replies.insert(reply, id_of(&made));
        Ok(made)
    }

    /// Forgets what the requests with these idempotency keys made: their window
    /// (24 hours, docs/api.md) is over, and the same key is a new request now.
    pub fn forget_replies(&mut self, keys: &std::collections::HashSet<String>) {
        self.replies.retain(|reply, _| reply.split_once(':').is_none_or(|(_, key)| !keys.contains(key)));
    }

    pub(crate) fn fresh_id(&mut self, prefix: &str) -> String {
        let id = format!("{prefix}_{}", self.next_id);
        self.next_id += 1;
        id
    }

    /// Every model, stored or generated, in the order they were added.
    pub fn all_models(&self) -> Vec<CustomModel> {
        let mut all: Vec<CustomModel> = self.models.iter().map(|s| s.model.clone()).collect();
        if let Some(g) = &self.generator {
            all.extend((0..g.count()).filter(|&i| g.is_live(i)).map(|i| g.model(i)));
        }
        all
    }

    /// How many models the store holds.
    pub fn model_count(&self) -> usize {
        self.models.len() + self.generator.as_ref().map_or(0, Generator::live_count)
    }

    /// Whether part of the store is computed rather than stored (and so is not saved).
    pub fn is_partly_generated(&self) -> bool {
        self.generator.is_some()
    }

    /// How many datasets the store holds.
    pub fn dataset_count(&self) -> usize {
        self.datasets.len()
    }

    pub fn set_role(&mut self, role: Role) {
        self.user.role = role;
    }
}

/// One page of `hits`, cloning only the rows on it.
fn paged<T: Clone>(hits: Vec<&T>, page: u32, page_size: u32) -> Page<T> {
    let size = page_size.max(1) as usize;
    let start = (page.max(1) as usize - 1).saturating_mul(size);
    Page {
        total: hits.len() as u64,
        items: hits.into_iter().skip(start).take(size).cloned().collect(),
        page,
        page_size,
        skipped: 0,
    }
}

#[cfg(test)]
mod test_support {
    use super::*;

    pub fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-11-24T12:00:00Z").unwrap().with_timezone(&Utc)
    }

    pub fn upload(
        store: &mut Store,
        model_id: &str,
        name: &str,
        t: DatasetType,
        problem: Option<TrainingErrorCode>,
    ) -> Dataset {
        let d = Dataset {
            id: String::new(),
            model_id: model_id.into(),
            name: name.into(),
            dataset_type: t.into(),
            duration_seconds: None,
            url: None,
            started_at: Some(now()),
            finished_at: None,
            content_problem: problem,
            check: Default::default(),
        };
        store.add_dataset(d, now()).unwrap()
    }

    /// A text file uploaded the way the console does: start, one chunk, complete.
    pub fn upload_text(store: &mut Store, model_id: &str, name: &str, t: DatasetType, text: &str) -> Dataset {
        let request =
            UploadRequest { file_name: name.into(), size: text.len() as u64, dataset_type: t, duration_seconds: None };
        let ticket = store.start_upload(model_id, request, now()).unwrap();
        store.receive_chunk(&ticket.upload_id, 0, Some(text.as_bytes())).unwrap();
        store.complete_upload(&ticket.upload_id, now()).unwrap().dataset().unwrap()
    }

    /// A session's audio uploaded the way the console does: start, one chunk, complete.
    pub fn uploaded_audio(store: &mut Store, name: &str) -> String {
        let ticket = store.start_session_audio(SessionAudioRequest::new(name.into(), 12), now()).unwrap();
        store.receive_chunk(&ticket.upload_id, 0, Some(b"RIFF\x24\x00\x00\x00WAVE")).unwrap();
        store.complete_upload(&ticket.upload_id, now()).unwrap();
        ticket.upload_id
    }

    pub fn queries() -> Vec<ListQuery> {
        let mut queries = Vec::new();
        for sort in [SortKey::Name, SortKey::Status, SortKey::LastModified] {
            for dir in [SortDir::Asc, SortDir::Desc] {
                for (page, page_size) in [(1, 25), (3, 50), (7, 100)] {
                    for search in ["", "call", "0001", "zz"] {
                        queries.push(ListQuery {
                            sort,
                            dir,
                            page,
                            page_size,
                            search: search.into(),
                            ..ListQuery::default()
                        });
                    }
                }
            }
        }
        queries.push(ListQuery { status: Some(TrainingStatus::Failed), ..ListQuery::default() });
        queries.push(ListQuery { language: Some("de-DE".into()), page: 2, ..ListQuery::default() });
        queries
    }
}
