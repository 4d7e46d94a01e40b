//! The state behind the in-browser mock API: a small backend that keeps the
//! same rules as the real one (`docs/api.md`). Time is passed in, so the
//! training lifecycle is deterministic here and simulated in the browser.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

mod generated;
mod lower_names;

use generated::Generator;
use lower_names::LowerNames;

use crate::dataset::{Dataset, DatasetType};
use crate::language::Language;
use crate::model::{validate_name, CustomModel};
use crate::query::{ListQuery, Page, SortDir, SortKey};
use crate::role::{Role, User};
use crate::status::TrainingStatus;
use crate::stt::{audio_problem, transcript_problem, usable_for, SessionMode, SessionRequest, SttSession};
use crate::training::{status_after_dataset_change, training_block, TrainingBlock, TrainingErrorCode};
use crate::upload::resume::UploadStatus;
use crate::upload::{chunk_count, UploadRequest, UploadTicket};

/// Bumped when the stored shape changes, so an old saved state is replaced, not misread.
pub const STATE_VERSION: u32 = 1;

/// A refusal, as the HTTP API would send it: status, error code and message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MockError {
    pub status: u16,
    pub code: String,
    pub message: String,
}

impl MockError {
    fn new(status: u16, code: &str, message: impl Into<String>) -> Self {
        MockError { status, code: code.into(), message: message.into() }
    }

    fn not_found(what: &str) -> Self {
        Self::new(404, "not_found", format!("No {what} with that id exists."))
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
struct StoredModel {
    model: CustomModel,
    /// When the running training finishes, and how.
    training: Option<PendingTraining>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
struct PendingTraining {
    ends_at: DateTime<Utc>,
    failure: Option<TrainingErrorCode>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct MockStore {
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

/// The chunk size the mock hands out.
pub const MOCK_CHUNK_BYTES: u64 = 1024 * 1024;

#[derive(Clone, Debug, Serialize, Deserialize)]
struct PendingUpload {
    id: String,
    model_id: String,
    request: UploadRequest,
    started_at: DateTime<Utc>,
    received: std::collections::BTreeSet<u64>,
    problem: Option<TrainingErrorCode>,
}

const ORG: &str = "org_acme";
/// Above this many generated models, they are computed when shown rather than
/// stored (which is also more than localStorage holds).
const STORED_GENERATED_MAX: usize = 10_000;
/// The seeded model ("Court records 1", Ready to Run) whose audio is faulty.
const FAULTY_SEED: usize = 6;

/// `prefix`, `n` zero-padded to `width` digits, `suffix`. Generating 100,000
/// models calls this 200,000 times; `format!` is several times slower in WASM.
fn numbered(prefix: &str, n: usize, width: usize, suffix: &str) -> String {
    let mut out = String::with_capacity(prefix.len() + width.max(1) + suffix.len());
    push_numbered(&mut out, prefix, n, width, suffix);
    out
}

fn push_numbered(out: &mut String, prefix: &str, n: usize, width: usize, suffix: &str) {
    let mut digits = [0u8; 20];
    let mut len = 0;
    let mut rest = n;
    while (len == 0 || rest > 0 || len < width) && len < digits.len() {
        digits[len] = b'0' + (rest % 10) as u8;
        rest /= 10;
        len += 1;
    }
    out.push_str(prefix);
    out.extend(digits[..len].iter().rev().map(|&d| char::from(d)));
    out.push_str(suffix);
}

fn language(code: &str, name: &str, trainable: bool) -> Language {
    Language { code: code.into(), name: name.into(), trainable }
}

impl MockStore {
    /// A store with no models, for tests and for a clean demo.
    pub fn empty(training_ms: i64) -> Self {
        MockStore {
            version: STATE_VERSION,
            user: User {
                id: "u_demo".into(),
                name: "Dana Demo".into(),
                role: Role::OrgAdmin,
                organization_id: Some(ORG.into()),
            },
            languages: vec![
                language("en-US", "English (US)", true),
                language("en-GB", "English (UK)", true),
                language("de-DE", "German", true),
                language("fr-FR", "French", true),
                language("es-ES", "Spanish", true),
                language("ja-JP", "Japanese", false),
                language("pt-BR", "Portuguese (Brazil)", false),
                language("ar-SA", "Arabic", false),
            ],
            credits: 5,
            training_ms,
            models: Vec::new(),
            datasets: Vec::new(),
            next_id: 1,
            sessions: Vec::new(),
            uploads: Vec::new(),
            replies: Default::default(),
            index: Default::default(),
            earliest_end: None,
            generator: None,
        }
    }

    /// The demo: models in every status spread over trainable languages, enough
    /// of them to need paging, datasets of each type, and one training running.
    pub fn seeded(now: DateTime<Utc>, training_ms: i64) -> Self {
        let mut store = Self::empty(training_ms);
        let domains = [
            "Call centre",
            "Radiology notes",
            "Legal hearings",
            "Field service",
            "Podcast",
            "Pharma sales",
            "Court records",
            "Insurance claims",
            "Aviation ATC",
            "Retail support",
        ];
        let trainable: Vec<String> = store.languages.iter().filter(|l| l.trainable).map(|l| l.code.clone()).collect();
        for i in 0..60usize {
            let name = format!("{} {}", domains[i % domains.len()], i / domains.len() + 1);
            let status = TrainingStatus::ALL[i % 5];
            let id = store.fresh_id("cm");
            let modified = now - Duration::minutes(37 * i as i64 + 5);
            let failure = (status == TrainingStatus::Failed).then_some(TrainingErrorCode::InvalidTranscriptFormat);
            let model = CustomModel {
                id: id.clone(),
                name,
                // Offset every five rows, so statuses and languages mix.
                language: trainable[(i + i / 5) % trainable.len()].clone(),
                organization_id: ORG.into(),
                status,
                last_modified: Some(modified),
                failure,
            };
            let training = (status == TrainingStatus::Running)
                .then(|| PendingTraining { ends_at: now + Duration::milliseconds(training_ms), failure: None });
            store.models.push(StoredModel { model, training });
            if status != TrainingStatus::NotRunning {
                store.seed_datasets(&id, i, modified);
            }
            // One ready model holds a recording that is not really audio, so the
            // demo can show a training that fails, and why.
            if i == FAULTY_SEED {
                if let Some(d) = store.datasets.iter_mut().find(|d| d.model_id == id) {
                    d.content_problem = Some(TrainingErrorCode::InvalidAudioFormat);
                }
            }
        }
        store
    }

    /// `count` generated models (and `datasets` datasets on the first one), for
    /// trying the console at scale. Deterministic: the same count gives the same data.
    pub fn generated(count: usize, datasets: usize, now: DateTime<Utc>, training_ms: i64) -> Self {
        Self::generate(count, datasets, now, training_ms, STORED_GENERATED_MAX)
    }

    /// Up to `stored_max` models, all stored; above it, only the one that trains.
    fn generate(count: usize, datasets: usize, now: DateTime<Utc>, training_ms: i64, stored_max: usize) -> Self {
        let mut store = Self::empty(training_ms);
        let trainable = store.languages.iter().filter(|l| l.trainable).map(|l| l.code.clone()).collect();
        let mut generator = Generator::new(count, now, trainable);
        let stored = if count <= stored_max { count } else { count.min(1) };
        store.models.reserve(stored);
        for i in 0..stored {
            generator.take(i);
            store.models.push(StoredModel { model: generator.model(i), training: generator.training(i) });
        }
        store.generator = (generator.live_count() > 0).then_some(generator);
        for j in 0..datasets.min(count.max(1) * 100_000) {
            let Some(first) = store.models.first().map(|m| m.model.id.clone()) else { break };
            let dataset_type = DatasetType::ALL[j % 4];
            store.datasets.push(Dataset {
                id: numbered("gd_", j, 0, ""),
                model_id: first,
                name: numbered("recording-", j, 5, dataset_type.extensions()[0]),
                dataset_type,
                duration_seconds: (dataset_type == DatasetType::Audio).then_some(60.0 + j as f64),
                url: Some(numbered("https://storage.example.com/generated/", j, 0, "")),
                started_at: Some(now - Duration::minutes(j as i64 + 2)),
                finished_at: Some(now - Duration::minutes(j as i64)),
                content_problem: None,
            });
        }
        store.next_id = (count + datasets) as u64 + 1;
        store
    }

    fn seed_datasets(&mut self, model_id: &str, i: usize, at: DateTime<Utc>) {
        let files = [
            ("support-calls-week1.wav", DatasetType::Audio, Some(5423.0)),
            ("support-calls-week1.vtt", DatasetType::Transcript, None),
            ("glossary.txt", DatasetType::Transcript, None),
            ("holdout.srt", DatasetType::Test, None),
            ("manifest.jsonl", DatasetType::Manifest, None),
        ];
        for (name, dataset_type, duration_seconds) in files.into_iter().take(1 + i % 5) {
            let id = self.fresh_id("ds");
            self.datasets.push(Dataset {
                url: Some(format!("https://storage.example.com/{model_id}/{name}")),
                id,
                model_id: model_id.into(),
                name: name.into(),
                dataset_type,
                duration_seconds,
                started_at: Some(at - Duration::minutes(3)),
                finished_at: Some(at - Duration::minutes(1)),
                content_problem: None,
            });
        }
    }

    fn fresh_id(&mut self, prefix: &str) -> String {
        let id = format!("{prefix}_{}", self.next_id);
        self.next_id += 1;
        id
    }

    /// Finishes every training whose time has come. Returns whether anything changed.
    pub fn advance(&mut self, now: DateTime<Utc>) -> bool {
        let earliest = match self.earliest_end {
            Some(known) => known,
            None => self.models.iter().filter_map(|s| s.training.as_ref().map(|t| t.ends_at)).min(),
        };
        self.earliest_end = Some(earliest);
        if earliest.is_none_or(|end| end > now) {
            return false;
        }
        self.earliest_end = None;
        let mut changed = false;
        for stored in &mut self.models {
            if let Some(done) = stored.training.take_if(|t| t.ends_at <= now) {
                stored.model.status =
                    if done.failure.is_some() { TrainingStatus::Failed } else { TrainingStatus::Success };
                stored.model.last_modified = Some(done.ends_at);
                stored.model.failure = done.failure;
                changed = true;
            }
        }
        if changed {
            self.reindex();
        }
        changed
    }

    /// Forgets the sort index; the next list builds it again.
    fn reindex(&mut self) {
        *self.index.get_mut().unwrap_or_else(|p| p.into_inner()) = None;
    }

    // Positions: `0..models.len()` are stored models; after them, position
    // `models.len() + i` is generated model `i` (see `generated.rs`).

    fn position_count(&self) -> usize {
        self.models.len() + self.generator.as_ref().map_or(0, Generator::count)
    }

    fn generated_at(&self, p: usize) -> Option<(&Generator, usize)> {
        Some((self.generator.as_ref()?, p.checked_sub(self.models.len())?))
    }

    fn status_at(&self, p: usize) -> TrainingStatus {
        match self.generated_at(p) {
            Some((g, i)) => g.status(i),
            None => self.models[p].model.status,
        }
    }

    /// Last modified, in epoch milliseconds: sorts like the date, costs less to compute.
    fn modified_ms_at(&self, p: usize) -> Option<i64> {
        match self.generated_at(p) {
            Some((g, i)) => Some(g.last_modified_ms(i)),
            None => self.models[p].model.last_modified.map(|t| t.timestamp_millis()),
        }
    }

    fn language_at(&self, p: usize) -> &str {
        match self.generated_at(p) {
            Some((g, i)) => g.language(i),
            None => &self.models[p].model.language,
        }
    }

    fn model_at(&self, p: usize) -> CustomModel {
        match self.generated_at(p) {
            Some((g, i)) => g.model(i),
            None => self.models[p].model.clone(),
        }
    }

    /// Positions of the models `org` may see.
    fn visible(&self, org: Option<&str>) -> Vec<u32> {
        let sees = |p: usize| match self.generated_at(p) {
            Some((g, i)) => org == Some(ORG) && g.is_live(i),
            None => org == Some(self.models[p].model.organization_id.as_str()),
        };
        (0..self.position_count() as u32).filter(|&p| sees(p as usize)).collect()
    }

    /// Visible positions sorted by `key`; equal keys keep their positions' order.
    fn sorted_by<K: Ord>(&self, org: Option<&str>, key: impl Fn(usize) -> K) -> Vec<u32> {
        let mut order = self.visible(org);
        order.sort_by_key(|&p| key(p as usize));
        order
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

    pub fn list_models(&self, query: &ListQuery) -> Page<CustomModel> {
        let org = self.user.organization_id.as_deref();
        let mut guard = self.index.lock().unwrap_or_else(|p| p.into_inner());
        if guard.as_ref().is_some_and(|index| index.org.as_deref() != org) {
            *guard = None;
        }
        let index = guard.get_or_insert_with(|| SortIndex { org: org.map(str::to_owned), ..SortIndex::default() });
        let needs_names = query.sort == SortKey::Name || !query.search.is_empty();
        if needs_names && index.lower_names.is_none() {
            index.lower_names = Some(LowerNames::build(self.position_count(), |p, out| match self.generated_at(p) {
                Some((g, i)) => g.push_lower_name(i, out),
                None => LowerNames::push_lower(&self.models[p].model.name, out),
            }));
        }
        let order: &[u32] = match query.sort {
            SortKey::Name => {
                let lower = index.lower_names.get_or_insert_with(LowerNames::default);
                index.by_name.get_or_insert_with(|| self.sorted_by(org, |p| lower.get(p)))
            }
            SortKey::Status => index.by_status.get_or_insert_with(|| self.sorted_by(org, |p| self.status_at(p))),
            SortKey::LastModified => {
                index.by_modified.get_or_insert_with(|| self.sorted_by(org, |p| self.modified_ms_at(p)))
            }
        };
        let size = query.page_size.max(1) as usize;
        let skip = (query.page.max(1) as usize - 1).saturating_mul(size);
        let at = |k: usize| match query.dir {
            SortDir::Asc => order[k] as usize,
            SortDir::Desc => order[order.len() - 1 - k] as usize,
        };
        let unfiltered = query.search.is_empty() && query.status.is_none() && query.language.is_none();
        if unfiltered {
            // The common case costs one page, however many models there are.
            let items = (skip.min(order.len())..(skip.saturating_add(size)).min(order.len()))
                .map(|k| self.model_at(at(k)))
                .collect();
            return Page { items, total: order.len() as u64, page: query.page, page_size: query.page_size };
        }
        let needle = query.search.to_lowercase();
        let named =
            (!needle.is_empty()).then(|| index.lower_names.as_ref().map(|l| l.containing(&needle)).unwrap_or_default());
        let keep = |p: usize| {
            named.as_ref().is_none_or(|named| named.get(p).copied().unwrap_or(false))
                && query.status.is_none_or(|s| self.status_at(p) == s)
                && query.language.as_deref().is_none_or(|l| self.language_at(p) == l)
        };
        let mut total = 0u64;
        let mut items = Vec::with_capacity(size);
        for p in (0..order.len()).map(at).filter(|&p| keep(p)) {
            if total as usize >= skip && items.len() < size {
                items.push(self.model_at(p));
            }
            total += 1;
        }
        Page { items, total, page: query.page, page_size: query.page_size }
    }

    pub fn model(&self, id: &str) -> Result<CustomModel, MockError> {
        let org = self.user.organization_id.as_deref();
        if let Some(stored) =
            self.models.iter().find(|s| s.model.id == id && org == Some(s.model.organization_id.as_str()))
        {
            return Ok(stored.model.clone());
        }
        self.generator
            .as_ref()
            .filter(|_| org == Some(ORG))
            .and_then(|g| g.index_of(id).filter(|&i| g.is_live(i)).map(|i| g.model(i)))
            .ok_or_else(|| MockError::not_found("model"))
    }

    /// The stored model, a generated one first becoming stored.
    fn stored_mut(&mut self, id: &str) -> Result<&mut StoredModel, MockError> {
        let org = self.user.organization_id.clone();
        let sees = |s: &StoredModel| s.model.id == id && org.as_deref() == Some(s.model.organization_id.as_str());
        let position = match self.models.iter().position(sees) {
            Some(position) => position,
            None => {
                let generated = self.generator.as_mut().filter(|_| org.as_deref() == Some(ORG));
                let Some((g, i)) = generated.and_then(|g| g.index_of(id).map(|i| (g, i))) else {
                    return Err(MockError::not_found("model"));
                };
                if !g.take(i) {
                    return Err(MockError::not_found("model"));
                }
                let stored = StoredModel { model: g.model(i), training: g.training(i) };
                self.models.push(stored);
                self.reindex();
                self.models.len() - 1
            }
        };
        Ok(&mut self.models[position])
    }

    pub fn create_model(&mut self, name: &str, language: &str, now: DateTime<Utc>) -> Result<CustomModel, MockError> {
        let Some(org) = self.user.organization_id.clone() else {
            return Err(MockError::new(
                403,
                "no_organization",
                "You need to belong to an organization to create custom models.",
            ));
        };
        let name = validate_name(name).map_err(|e| MockError::new(400, "invalid_name", e.message()))?;
        if !self.languages.iter().any(|l| l.code == language && l.trainable) {
            return Err(MockError::new(400, "invalid_language", "Custom models cannot be trained on that language."));
        }
        let model = CustomModel {
            id: self.fresh_id("cm"),
            name,
            language: language.into(),
            organization_id: org,
            status: TrainingStatus::NotRunning,
            last_modified: Some(now),
            failure: None,
        };
        self.models.push(StoredModel { model: model.clone(), training: None });
        self.reindex();
        Ok(model)
    }

    pub fn rename_model(&mut self, id: &str, name: &str, now: DateTime<Utc>) -> Result<CustomModel, MockError> {
        let name = validate_name(name).map_err(|e| MockError::new(400, "invalid_name", e.message()))?;
        let stored = self.stored_mut(id)?;
        stored.model.name = name;
        stored.model.last_modified = Some(now);
        let model = stored.model.clone();
        self.reindex();
        Ok(model)
    }

    pub fn delete_model(&mut self, id: &str) -> Result<(), MockError> {
        if !self.user.role.can_delete() {
            return Err(MockError::new(
                403,
                "forbidden",
                "Only organization admins and system operators can delete models.",
            ));
        }
        self.stored_mut(id)?;
        self.models.retain(|s| s.model.id != id);
        self.datasets.retain(|d| d.model_id != id);
        self.reindex();
        Ok(())
    }

    fn training_datasets(&self, model_id: &str) -> u64 {
        self.datasets.iter().filter(|d| d.model_id == model_id && d.dataset_type.is_training_data()).count() as u64
    }

    /// Starts a training, using one credit. Its outcome is decided now from the
    /// datasets: a file whose content check failed fails the training with that code.
    pub fn start_training(&mut self, id: &str, now: DateTime<Utc>) -> Result<CustomModel, MockError> {
        let status = self.model(id)?.status;
        if let Some(block) = training_block(status, self.training_datasets(id), self.credits) {
            let (http, code) = match block {
                TrainingBlock::AlreadyRunning => (409, "training_running"),
                TrainingBlock::AlreadySucceeded => (409, "already_trained"),
                TrainingBlock::NoDatasets => (400, "validation_failed"),
                TrainingBlock::NoCredits => (402, "no-claims-available"),
            };
            return Err(MockError::new(http, code, block.message()));
        }
        let failure = self.datasets.iter().filter(|d| d.model_id == id).find_map(|d| d.content_problem.clone());
        let ends_at = now + Duration::milliseconds(self.training_ms);
        self.credits -= 1;
        let stored = self.stored_mut(id)?;
        stored.model.status = TrainingStatus::Running;
        stored.model.failure = None;
        stored.model.last_modified = Some(now);
        stored.training = Some(PendingTraining { ends_at, failure });
        let model = stored.model.clone();
        self.earliest_end = None;
        self.reindex();
        Ok(model)
    }

    pub fn list_datasets(&self, model_id: &str, page: u32, page_size: u32) -> Result<Page<Dataset>, MockError> {
        self.model(model_id)?;
        let hits: Vec<&Dataset> = self.datasets.iter().filter(|d| d.model_id == model_id).collect();
        Ok(paged(hits, page, page_size))
    }

    /// Records a finished upload and moves the model's status as the rules say.
    pub fn add_dataset(&mut self, mut dataset: Dataset, now: DateTime<Utc>) -> Result<Dataset, MockError> {
        self.model(&dataset.model_id)?;
        dataset.id = self.fresh_id("ds");
        dataset.finished_at = Some(now);
        let model_id = dataset.model_id.clone();
        self.datasets.push(dataset.clone());
        self.refresh_status(&model_id, now)?;
        Ok(dataset)
    }

    pub fn start_upload(
        &mut self,
        model_id: &str,
        request: UploadRequest,
        now: DateTime<Utc>,
    ) -> Result<UploadTicket, MockError> {
        self.model(model_id)?;
        if request.size > crate::dataset::MAX_FILE_BYTES {
            return Err(MockError::new(400, "validation_failed", "Files may be at most 10 GB."));
        }
        let id = self.fresh_id("up");
        self.uploads.push(PendingUpload {
            id: id.clone(),
            model_id: model_id.into(),
            request,
            started_at: now,
            received: Default::default(),
            problem: None,
        });
        Ok(UploadTicket { upload_id: id, chunk_size: MOCK_CHUNK_BYTES })
    }

    fn upload_mut(&mut self, upload_id: &str) -> Result<&mut PendingUpload, MockError> {
        self.uploads.iter_mut().find(|u| u.id == upload_id).ok_or_else(|| MockError::not_found("upload"))
    }

    /// Records chunk `index`. `first_bytes` is the first chunk's content, which
    /// the mock checks as a backend would; later chunks are only counted.
    pub fn receive_chunk(&mut self, upload_id: &str, index: u64, first_bytes: Option<&[u8]>) -> Result<(), MockError> {
        let upload = self.upload_mut(upload_id)?;
        if index >= chunk_count(upload.request.size, MOCK_CHUNK_BYTES) {
            return Err(MockError::new(400, "validation_failed", "That chunk is past the end of the file."));
        }
        if let (0, Some(bytes)) = (index, first_bytes) {
            let complete = upload.request.size <= MOCK_CHUNK_BYTES;
            upload.problem =
                crate::content::check(&upload.request.file_name, upload.request.dataset_type, bytes, complete)
                    .err()
                    .map(|p| p.error_code());
        }
        upload.received.insert(index);
        Ok(())
    }

    pub fn complete_upload(&mut self, upload_id: &str, now: DateTime<Utc>) -> Result<Dataset, MockError> {
        let upload = self.upload_mut(upload_id)?;
        if upload.received.len() as u64 != chunk_count(upload.request.size, MOCK_CHUNK_BYTES) {
            return Err(MockError::new(400, "validation_failed", "Some chunks of the file never arrived."));
        }
        let upload = upload.clone();
        self.uploads.retain(|u| u.id != upload_id);
        let name = upload.request.file_name.clone();
        let dataset = Dataset {
            id: String::new(),
            url: Some(format!("https://storage.example.com/{}/{}", upload.model_id, name)),
            model_id: upload.model_id,
            name,
            dataset_type: upload.request.dataset_type,
            duration_seconds: upload.request.duration_seconds.filter(|d| d.is_finite() && *d >= 0.0),
            started_at: Some(upload.started_at),
            finished_at: None,
            content_problem: upload.problem,
        };
        self.add_dataset(dataset, now)
    }

    /// Starts an upload once per idempotency key: a retry after a lost answer
    /// gets the same upload.
    pub fn start_upload_once(
        &mut self,
        model_id: &str,
        request: UploadRequest,
        now: DateTime<Utc>,
        key: &str,
    ) -> Result<UploadTicket, MockError> {
        let reply = format!("start:{key}");
        if let Some(id) = self.replies.get(&reply).filter(|id| self.uploads.iter().any(|u| &u.id == *id)) {
            return Ok(UploadTicket { upload_id: id.clone(), chunk_size: MOCK_CHUNK_BYTES });
        }
        let ticket = self.start_upload(model_id, request, now)?;
        self.replies.insert(reply, ticket.upload_id.clone());
        Ok(ticket)
    }

    /// Completes an upload once per idempotency key: a retry after a lost
    /// answer gets the same dataset, not a second one.
    pub fn complete_upload_once(
        &mut self,
        upload_id: &str,
        now: DateTime<Utc>,
        key: &str,
    ) -> Result<Dataset, MockError> {
        let reply = format!("complete:{key}");
        if let Some(dataset) = self.replies.get(&reply).and_then(|id| self.datasets.iter().find(|d| &d.id == id)) {
            return Ok(dataset.clone());
        }
        let dataset = self.complete_upload(upload_id, now)?;
        self.replies.insert(reply, dataset.id.clone());
        Ok(dataset)
    }

    /// Which chunks of an upload the store holds.
    pub fn upload_status(&self, upload_id: &str) -> Result<UploadStatus, MockError> {
        let upload = self.uploads.iter().find(|u| u.id == upload_id).ok_or_else(|| MockError::not_found("upload"))?;
        Ok(UploadStatus {
            upload_id: upload.id.clone(),
            size: upload.request.size,
            chunk_size: MOCK_CHUNK_BYTES,
            received: upload.received.iter().copied().collect(),
        })
    }

    /// How many chunks the store has received in all (for the demo's faults).
    pub fn chunks_received(&self) -> u64 {
        self.uploads.iter().map(|u| u.received.len() as u64).sum()
    }

    pub fn abort_upload(&mut self, upload_id: &str) -> Result<(), MockError> {
        self.upload_mut(upload_id)?;
        self.uploads.retain(|u| u.id != upload_id);
        Ok(())
    }

    /// Records a new STT Session, refusing models that cannot serve it.
    pub fn create_session(&mut self, request: SessionRequest, now: DateTime<Utc>) -> Result<SttSession, MockError> {
        if !self.languages.iter().any(|l| l.code == request.language) {
            return Err(MockError::new(400, "invalid_language", "Unknown language."));
        }
        let model_name = match &request.model_id {
            Some(id) => {
                let model = self.model(id)?;
                if !usable_for(&model, &request.language) {
                    return Err(MockError::new(
                        400,
                        "model_not_usable",
                        "That model is not trained for this language.",
                    ));
                }
                Some(model.name)
            }
            None => None,
        };
        if let Some(problem) = audio_problem(&request.audio_file_name, request.audio_size) {
            return Err(MockError::new(400, "invalid_audio_format", problem));
        }
        let transcript = match (request.mode, &request.transcript_file_name) {
            (SessionMode::ForceAlignment, None) => {
                return Err(MockError::new(400, "validation_failed", "Force Alignment needs the existing transcript."))
            }
            (SessionMode::ForceAlignment, Some(name)) => {
                if let Some(problem) = transcript_problem(name, 1) {
                    return Err(MockError::new(400, "invalid_transcript_format", problem));
                }
                Some(name.clone())
            }
            (SessionMode::Transcription, _) => None,
        };
        let session = SttSession {
            id: self.fresh_id("stt"),
            mode: request.mode,
            language: request.language,
            model_id: request.model_id,
            model_name,
            audio_file_name: request.audio_file_name,
            transcript_file_name: transcript,
            status: "queued".into(),
            created_at: Some(now),
        };
        self.sessions.push(session.clone());
        Ok(session)
    }

    /// The most recent sessions, newest first.
    pub fn recent_sessions(&self, limit: usize) -> Vec<SttSession> {
        self.sessions.iter().rev().take(limit).cloned().collect()
    }

    pub fn delete_dataset(&mut self, model_id: &str, dataset_id: &str, now: DateTime<Utc>) -> Result<(), MockError> {
        self.model(model_id)?;
        let before = self.datasets.len();
        self.datasets.retain(|d| !(d.model_id == model_id && d.id == dataset_id));
        if self.datasets.len() == before {
            return Err(MockError::not_found("dataset"));
        }
        self.refresh_status(model_id, now)
    }

    fn refresh_status(&mut self, model_id: &str, now: DateTime<Utc>) -> Result<(), MockError> {
        let count = self.training_datasets(model_id);
        let stored = self.stored_mut(model_id)?;
        let next = status_after_dataset_change(stored.model.status, count);
        if next != stored.model.status {
            stored.model.status = next;
        }
        stored.model.last_modified = Some(now);
        self.reindex();
        Ok(())
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
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_retried_start_or_complete_with_the_same_key_acts_once() {
        let now = DateTime::parse_from_rfc3339("2026-11-24T10:00:00Z").unwrap().with_timezone(&Utc);
        let mut store = MockStore::seeded(now, 1_000);
        let model = store.create_model("Uploads", "en-US", now).unwrap();
        let request = UploadRequest {
            file_name: "a.txt".into(),
            size: MOCK_CHUNK_BYTES + 5,
            dataset_type: DatasetType::Transcript,
            duration_seconds: None,
        };
        let first = store.start_upload_once(&model.id, request.clone(), now, "k1").unwrap();
        let again = store.start_upload_once(&model.id, request, now, "k1").unwrap();
        assert_eq!(first, again);
        store.receive_chunk(&first.upload_id, 1, None).unwrap();
        assert_eq!(store.upload_status(&first.upload_id).unwrap().received, [1]);
        assert_eq!(store.chunks_received(), 1);
        assert!(store.complete_upload_once(&first.upload_id, now, "k2").is_err(), "chunk 0 is missing");
        store.receive_chunk(&first.upload_id, 0, Some(b"hello")).unwrap();
        let saved: MockStore = serde_json::from_str(&serde_json::to_string(&store).unwrap()).unwrap();
        assert_eq!(saved.upload_status(&first.upload_id).unwrap().received, [0, 1], "a reload keeps the chunks");
        let dataset = store.complete_upload_once(&first.upload_id, now, "k2").unwrap();
        assert_eq!(store.complete_upload_once(&first.upload_id, now, "k2").unwrap(), dataset);
        assert_eq!(store.list_datasets(&model.id, 1, 25).unwrap().total, 1);
        assert!(store.upload_status(&first.upload_id).is_err(), "a completed upload is forgotten");
    }

    fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-11-24T12:00:00Z").unwrap().with_timezone(&Utc)
    }

    fn upload(
        store: &mut MockStore,
        model_id: &str,
        name: &str,
        t: DatasetType,
        problem: Option<TrainingErrorCode>,
    ) -> Dataset {
        let d = Dataset {
            id: String::new(),
            model_id: model_id.into(),
            name: name.into(),
            dataset_type: t,
            duration_seconds: None,
            url: None,
            started_at: Some(now()),
            finished_at: None,
            content_problem: problem,
        };
        store.add_dataset(d, now()).unwrap()
    }

    #[test]
    fn the_seed_has_every_status_and_needs_paging() {
        let store = MockStore::seeded(now(), 8000);
        let page = store.list_models(&ListQuery::default());
        assert_eq!(page.total, 60);
        assert_eq!(page.items.len(), 25);
        for status in TrainingStatus::ALL {
            assert!(store.models.iter().any(|s| s.model.status == status), "{status}");
        }
        assert!(store.languages.iter().any(|l| !l.trainable));
        for t in DatasetType::ALL {
            assert!(store.datasets.iter().any(|d| d.dataset_type == t), "{t:?}");
        }
        let faulty = &store.models[FAULTY_SEED].model;
        assert_eq!((faulty.name.as_str(), faulty.status), ("Court records 1", TrainingStatus::ReadyToRun));
    }

    #[test]
    fn lists_search_sort_and_page() {
        let store = MockStore::seeded(now(), 8000);
        let q = ListQuery { search: "PODCAST".into(), sort: SortKey::Name, dir: SortDir::Asc, ..ListQuery::default() };
        let page = store.list_models(&q);
        assert_eq!(page.total, 6);
        assert!(page.items.iter().all(|m| m.name.starts_with("Podcast")));
        assert!(page.items.windows(2).all(|w| w[0].name.to_lowercase() <= w[1].name.to_lowercase()));
        let newest = store.list_models(&ListQuery::default());
        assert!(newest.items.windows(2).all(|w| w[0].last_modified >= w[1].last_modified));
        let last = store.list_models(&ListQuery { page: 3, ..ListQuery::default() });
        assert_eq!(last.items.len(), 10);
        assert!(store.list_models(&ListQuery { page: 9, ..ListQuery::default() }).items.is_empty());
    }

    #[test]
    fn created_models_start_not_running_on_a_trainable_language() {
        let mut store = MockStore::empty(1000);
        let m = store.create_model("  Radiology  ", "de-DE", now()).unwrap();
        assert_eq!((m.name.as_str(), m.status), ("Radiology", TrainingStatus::NotRunning));
        assert_eq!(store.create_model("x", "ja-JP", now()).unwrap_err().code, "invalid_language");
        assert_eq!(store.create_model(" ", "de-DE", now()).unwrap_err().code, "invalid_name");
        store.user.organization_id = None;
        assert_eq!(store.create_model("x", "de-DE", now()).unwrap_err().status, 403);
    }

    #[test]
    fn only_admins_delete() {
        let mut store = MockStore::empty(1000);
        let m = store.create_model("A", "en-US", now()).unwrap();
        store.set_role(Role::Member);
        assert_eq!(store.delete_model(&m.id).unwrap_err().code, "forbidden");
        store.set_role(Role::SysOp);
        store.delete_model(&m.id).unwrap();
        assert_eq!(store.model(&m.id).unwrap_err().status, 404);
    }

    #[test]
    fn training_runs_to_success_and_uses_a_credit() {
        let mut store = MockStore::empty(1000);
        let m = store.create_model("A", "en-US", now()).unwrap();
        assert_eq!(store.start_training(&m.id, now()).unwrap_err().code, "validation_failed");
        upload(&mut store, &m.id, "a.wav", DatasetType::Audio, None);
        assert_eq!(store.model(&m.id).unwrap().status, TrainingStatus::ReadyToRun);
        assert_eq!(store.start_training(&m.id, now()).unwrap().status, TrainingStatus::Running);
        assert_eq!(store.credits, 4);
        assert_eq!(store.start_training(&m.id, now()).unwrap_err().code, "training_running");
        assert!(!store.advance(now() + Duration::milliseconds(999)));
        assert!(store.advance(now() + Duration::milliseconds(1000)));
        assert_eq!(store.model(&m.id).unwrap().status, TrainingStatus::Success);
        assert_eq!(store.start_training(&m.id, now()).unwrap_err().code, "already_trained");
    }

    #[test]
    fn a_training_started_after_the_clock_found_none_still_finishes() {
        let mut store = MockStore::empty(1000);
        let m = store.create_model("A", "en-US", now()).unwrap();
        upload(&mut store, &m.id, "a.wav", DatasetType::Audio, None);
        assert!(!store.advance(now()));
        store.start_training(&m.id, now()).unwrap();
        assert!(!store.advance(now() + Duration::milliseconds(500)));
        assert!(store.advance(now() + Duration::milliseconds(1000)));
        assert_eq!(store.model(&m.id).unwrap().status, TrainingStatus::Success);
        assert!(!store.advance(now() + Duration::days(1)));
    }

    #[test]
    fn faulty_uploads_fail_the_training_with_their_code() {
        let mut store = MockStore::empty(0);
        let m = store.create_model("A", "en-US", now()).unwrap();
        upload(&mut store, &m.id, "fake.wav", DatasetType::Audio, Some(TrainingErrorCode::InvalidAudioFormat));
        store.start_training(&m.id, now()).unwrap();
        store.advance(now());
        let m = store.model(&m.id).unwrap();
        assert_eq!(m.status, TrainingStatus::Failed);
        assert_eq!(m.failure, Some(TrainingErrorCode::InvalidAudioFormat));
    }

    #[test]
    fn no_credits_is_no_claims_available() {
        let mut store = MockStore::empty(0);
        store.credits = 0;
        let m = store.create_model("A", "en-US", now()).unwrap();
        upload(&mut store, &m.id, "a.txt", DatasetType::Transcript, None);
        let err = store.start_training(&m.id, now()).unwrap_err();
        assert_eq!((err.status, err.code.as_str()), (402, "no-claims-available"));
    }

    #[test]
    fn removing_the_last_training_dataset_goes_back_to_not_running() {
        let mut store = MockStore::empty(0);
        let m = store.create_model("A", "en-US", now()).unwrap();
        upload(&mut store, &m.id, "eval.vtt", DatasetType::Test, None);
        assert_eq!(store.model(&m.id).unwrap().status, TrainingStatus::NotRunning);
        let d = upload(&mut store, &m.id, "a.vtt", DatasetType::Transcript, None);
        assert_eq!(store.model(&m.id).unwrap().status, TrainingStatus::ReadyToRun);
        store.delete_dataset(&m.id, &d.id, now()).unwrap();
        assert_eq!(store.model(&m.id).unwrap().status, TrainingStatus::NotRunning);
        assert_eq!(store.list_datasets(&m.id, 1, 25).unwrap().total, 1);
    }

    #[test]
    fn chunked_uploads_become_datasets_and_remember_bad_content() {
        let mut store = MockStore::empty(0);
        let m = store.create_model("A", "en-US", now()).unwrap();
        let request = UploadRequest {
            file_name: "fake.wav".into(),
            size: MOCK_CHUNK_BYTES + 1,
            dataset_type: DatasetType::Audio,
            duration_seconds: Some(12.0),
        };
        let ticket = store.start_upload(&m.id, request, now()).unwrap();
        store.receive_chunk(&ticket.upload_id, 0, Some(b"just text")).unwrap();
        assert_eq!(store.complete_upload(&ticket.upload_id, now()).unwrap_err().code, "validation_failed");
        assert!(store.receive_chunk(&ticket.upload_id, 2, None).is_err());
        store.receive_chunk(&ticket.upload_id, 1, None).unwrap();
        let d = store.complete_upload(&ticket.upload_id, now()).unwrap();
        assert_eq!(
            (d.duration_seconds, d.content_problem.clone()),
            (Some(12.0), Some(TrainingErrorCode::InvalidAudioFormat))
        );
        assert_eq!(store.model(&m.id).unwrap().status, TrainingStatus::ReadyToRun);
        store.start_training(&m.id, now()).unwrap();
        store.advance(now());
        assert_eq!(store.model(&m.id).unwrap().failure, Some(TrainingErrorCode::InvalidAudioFormat));
    }

    #[test]
    fn aborted_uploads_leave_nothing() {
        let mut store = MockStore::empty(0);
        let m = store.create_model("A", "en-US", now()).unwrap();
        let request = UploadRequest {
            file_name: "a.txt".into(),
            size: 3,
            dataset_type: DatasetType::Transcript,
            duration_seconds: None,
        };
        let ticket = store.start_upload(&m.id, request, now()).unwrap();
        store.abort_upload(&ticket.upload_id).unwrap();
        assert!(store.receive_chunk(&ticket.upload_id, 0, Some(b"abc")).is_err());
        assert_eq!(store.list_datasets(&m.id, 1, 25).unwrap().total, 0);
    }

    #[test]
    fn sessions_take_only_trained_models_of_their_language() {
        let mut store = MockStore::seeded(now(), 0);
        let trained = store.list_models(&ListQuery::trained_on("fr-FR")).items;
        assert!(
            !trained.is_empty() && trained.iter().all(|m| m.status == TrainingStatus::Success && m.language == "fr-FR")
        );
        let request = |model_id: Option<String>, mode, transcript: Option<&str>| SessionRequest {
            mode,
            language: "fr-FR".into(),
            model_id,
            audio_file_name: "call.wav".into(),
            audio_size: 10,
            transcript_file_name: transcript.map(str::to_owned),
        };
        let s = store
            .create_session(request(Some(trained[0].id.clone()), SessionMode::Transcription, None), now())
            .unwrap();
        assert_eq!(s.model_name.as_deref(), Some(trained[0].name.as_str()));
        let failed =
            store.list_models(&ListQuery { status: Some(TrainingStatus::Failed), ..ListQuery::default() }).items;
        assert_eq!(
            store
                .create_session(request(Some(failed[0].id.clone()), SessionMode::Transcription, None), now())
                .unwrap_err()
                .code,
            "model_not_usable"
        );
        assert_eq!(
            store.create_session(request(None, SessionMode::ForceAlignment, None), now()).unwrap_err().code,
            "validation_failed"
        );
        store.create_session(request(None, SessionMode::ForceAlignment, Some("t.srt")), now()).unwrap();
        let recent = store.recent_sessions(5);
        assert_eq!((recent.len(), recent[0].mode), (2, SessionMode::ForceAlignment));
    }

    #[test]
    fn name_search_finds_each_name_once_and_never_across_two() {
        let names = ["ab", "ABAB", "Ärzte bab", "b", "a\0bab"];
        let lower = LowerNames::build(names.len(), |i, out| LowerNames::push_lower(names[i], out));
        assert_eq!(lower.get(2), "ärzte bab");
        assert_eq!(lower.containing("bab"), [false, true, true, false, true]);
        assert_eq!(lower.containing("bb"), [false; 5]);
        assert_eq!(lower.containing("ärz"), [false, false, true, false, false]);
        assert_eq!(lower.containing("a\0b"), [false, false, false, false, true]);
    }

    #[test]
    fn numbered_names_pad_like_format() {
        for (n, width) in [(0, 0), (7, 0), (42424, 6), (1234567, 6), (5, 5), (0, 5)] {
            assert_eq!(numbered("x", n, width, ".wav"), format!("x{n:0width$}.wav"));
        }
    }

    #[test]
    fn a_hundred_thousand_models_page_sort_and_search_from_the_index() {
        let store = MockStore::generated(100_000, 10_000, now(), 0);
        let first = store.list_models(&ListQuery::default());
        assert_eq!((first.total, first.items.len()), (100_000, 25));
        assert!(first.items.windows(2).all(|w| w[0].last_modified >= w[1].last_modified));
        let by_name = store.list_models(&ListQuery {
            sort: SortKey::Name,
            dir: SortDir::Asc,
            page: 4000,
            ..ListQuery::default()
        });
        assert_eq!(by_name.items.len(), 25);
        assert!(by_name.items.windows(2).all(|w| w[0].name.to_lowercase() <= w[1].name.to_lowercase()));
        let hit = store.list_models(&ListQuery { search: "042424".into(), ..ListQuery::default() });
        assert_eq!(hit.total, 1);
        assert_eq!(store.list_datasets("gm_0", 400, 25).unwrap().items.len(), 25);
        assert_eq!(store.list_models(&ListQuery::default()).items[0].status, TrainingStatus::Running);
    }

    #[test]
    fn only_the_users_organisation_is_listed_even_from_a_built_index() {
        let mut store = MockStore::generated(30, 0, now(), 0);
        let last = store.list_models(&ListQuery { page: 2, ..ListQuery::default() });
        assert_eq!((last.total, last.items.len()), (30, 5));
        store.user.organization_id = Some("org_other".into());
        let other = store.list_models(&ListQuery::default());
        assert_eq!((other.total, other.items.len()), (0, 0));
        store.user.organization_id = None;
        assert_eq!(store.list_models(&ListQuery { sort: SortKey::Name, ..ListQuery::default() }).total, 0);
    }

    fn queries() -> Vec<ListQuery> {
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

    #[test]
    fn generated_models_computed_when_shown_list_like_stored_ones() {
        let stored = MockStore::generate(700, 0, now(), 0, usize::MAX);
        let computed = MockStore::generate(700, 0, now(), 0, 1);
        assert!(computed.is_partly_generated() && !stored.is_partly_generated());
        assert_eq!((computed.model_count(), computed.all_models()), (700, stored.all_models()));
        for q in queries() {
            assert_eq!(computed.list_models(&q), stored.list_models(&q), "{q:?}");
        }
        assert_eq!(computed.model("gm_699"), stored.model("gm_699"));
        assert!(computed.model("gm_0699").is_err() && computed.model("gm_700").is_err());
    }

    #[test]
    fn a_generated_model_that_changes_is_stored_and_the_lists_follow() {
        let mut store = MockStore::generate(500, 0, now(), 0, 1);
        let later = now() + Duration::hours(1);
        let renamed = store.rename_model("gm_321", "Aaa first", later).unwrap();
        assert_eq!(store.model("gm_321").unwrap(), renamed);
        let newest = store.list_models(&ListQuery::default());
        assert_eq!((newest.total, newest.items[0].id.as_str()), (500, "gm_321"));
        let by_name = store.list_models(&ListQuery { sort: SortKey::Name, dir: SortDir::Asc, ..ListQuery::default() });
        assert_eq!(by_name.items[0].name, "Aaa first");
        assert_eq!(store.list_models(&ListQuery { search: "000321".into(), ..ListQuery::default() }).total, 0);

        store.delete_model("gm_322").unwrap();
        assert_eq!(store.model("gm_322").unwrap_err().status, 404);
        assert_eq!(store.delete_model("gm_322").unwrap_err().status, 404);
        assert_eq!((store.list_models(&ListQuery::default()).total, store.model_count()), (499, 499));
        let created = store.create_model("Brand new", "en-US", later).unwrap();
        assert_eq!(store.list_models(&ListQuery::default()).items[0].id, created.id);
        assert_eq!(store.list_models(&ListQuery { page: 20, ..ListQuery::default() }).items.len(), 25);
        store.user.organization_id = None;
        assert_eq!(store.list_models(&ListQuery::default()).total, 0);
        assert!(store.model("gm_5").is_err());
    }

    #[test]
    fn the_index_follows_changes() {
        let mut store = MockStore::generated(50, 0, now(), 0);
        let newest = store.create_model("Zzz newest", "en-US", now() + Duration::days(1)).unwrap();
        assert_eq!(store.list_models(&ListQuery::default()).items[0].id, newest.id);
        store.rename_model(&newest.id, "Aaa renamed", now() + Duration::days(1)).unwrap();
        let by_name = store.list_models(&ListQuery { sort: SortKey::Name, dir: SortDir::Asc, ..ListQuery::default() });
        assert_eq!(by_name.items[0].name, "Aaa renamed");
        store.delete_model(&newest.id).unwrap();
        assert_eq!(store.list_models(&ListQuery::default()).total, 50);
    }

    #[test]
    fn the_state_survives_serialisation() {
        let store = MockStore::seeded(now(), 8000);
        let text = serde_json::to_string(&store).unwrap();
        let back: MockStore = serde_json::from_str(&text).unwrap();
        assert_eq!(back.list_models(&ListQuery::default()), store.list_models(&ListQuery::default()));
    }
}
