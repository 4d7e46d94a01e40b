//! Every upload of the console, wherever the user goes: files queued in
//! batches, each with its own state, carried on across pages, remembered for
//! resuming after a reload, and announced when they end. `App` provides it.

mod saved;
pub mod send;

use domain::dataset::DatasetType;
use domain::upload::batch::FileState;
use domain::upload::resume::{check_same_file, FileIdentity, SavedUpload, SavedUploads};
use domain::upload::UploadRequest;
use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::{AbortController, File};

use crate::api::Api;
use crate::browser::network::{abort_controller, idempotency_key};
use crate::services::host_events::HostEvents;
use crate::services::toasts::Toasts;
use send::{send_file, Destination, Hooks, Sent, Stop, Target};

/// One file on its way.
#[derive(Clone)]
pub struct Entry {
    pub key: usize,
    pub batch: usize,
    pub model_id: String,
    pub file: File,
    pub request: UploadRequest,
    pub state: FileState,
    /// Bytes the server acknowledged.
    pub sent: u64,
    pub upload_id: Option<String>,
    start_key: String,
    complete_key: String,
    cancel: Option<AbortController>,
}

impl Entry {
    pub fn percent(&self) -> u64 {
        (self.sent.min(self.request.size) as u128 * 100).checked_div(self.request.size as u128).unwrap_or(100) as u64
    }
}

/// A file the New Dataset modal hands over, checked.
pub struct NewFile {
    pub file: File,
    pub size: u64,
    pub duration_seconds: Option<f64>,
}

#[derive(Clone, Copy)]
pub struct Uploads {
    entries: RwSignal<Vec<Entry>, LocalStorage>,
    next: StoredValue<usize>,
    running: StoredValue<Vec<usize>>,
    api: StoredValue<Api>,
    timeout_ms: u32,
    /// Bumped when a file becomes a dataset, so lists refresh.
    pub finished: RwSignal<u32>,
    /// The unfinished uploads kept for resuming, as stored.
    pub saved: RwSignal<SavedUploads>,
    /// Things to tell the user once (an upload the server forgot, storage off).
    pub notices: RwSignal<Vec<String>>,
    events: HostEvents,
    toasts: Toasts,
}

pub fn use_uploads() -> Uploads {
    expect_context::<Uploads>()
}

impl Uploads {
    pub fn new(api: Api, timeout_ms: u32, events: HostEvents, toasts: Toasts) -> Uploads {
        let uploads = Uploads {
            entries: RwSignal::new_local(Vec::new()),
            next: StoredValue::new(0),
            running: StoredValue::new(Vec::new()),
            api: StoredValue::new(api),
            timeout_ms,
            finished: RwSignal::new(0),
            saved: RwSignal::new(saved::load()),
            notices: RwSignal::new(Vec::new()),
            events,
            toasts,
        };
        // Leaving while bytes are still to be sent asks first.
        let handle = window_event_listener(leptos::ev::beforeunload, move |ev| {
            if uploads.entries.with_untracked(|e| e.iter().any(|e| e.state.is_active())) {
                ev.prevent_default();
                ev.set_return_value("");
            }
        });
        on_cleanup(move || handle.remove());
        uploads
    }

    /// The files of one batch, in the order given.
    pub fn batch(&self, batch: usize) -> Vec<Entry> {
        self.entries.with(|e| e.iter().filter(|e| e.batch == batch).cloned().collect())
    }

    /// Files still to finish, on any page.
    pub fn active(&self) -> Vec<Entry> {
        self.entries.with(|e| e.iter().filter(|e| e.state.is_active()).cloned().collect())
    }

    fn update(&self, key: usize, change: impl FnOnce(&mut Entry)) {
        self.entries.try_update(|entries| {
            if let Some(entry) = entries.iter_mut().find(|e| e.key == key) {
                change(entry);
            }
        });
    }

    fn set_state(&self, key: usize, state: FileState) {
        self.update(key, |e| {
            if e.state.may_become(&state) {
                e.state = state;
            }
        });
    }

    fn push(&self, batch: usize, model_id: &str, file: File, request: UploadRequest, upload_id: Option<String>) {
        let key = self.next.get_value();
        self.next.set_value(key + 1);
        let entry = Entry {
            key,
            batch,
            model_id: model_id.to_owned(),
            file,
            request,
            state: FileState::Queued,
            sent: 0,
            upload_id,
            start_key: idempotency_key(),
            complete_key: idempotency_key(),
            cancel: None,
        };
        self.entries.update(|e| e.push(entry));
    }

    fn new_batch(&self) -> usize {
        let batch = self.next.get_value();
        self.next.set_value(batch + 1);
        batch
    }

    /// Queues the files as one batch and starts sending; answers the batch.
    pub fn add_batch(&self, model_id: &str, dataset_type: DatasetType, files: Vec<NewFile>) -> usize {
        let batch = self.new_batch();
        for f in files {
            let request = UploadRequest {
                file_name: f.file.name(),
                size: f.size,
                dataset_type,
                duration_seconds: f.duration_seconds,
            };
            self.push(batch, model_id, f.file, request, None);
        }
        self.run_batch(batch);
        batch
    }

    /// Sends the batch's queued files one after another (one runner per batch).
    fn run_batch(&self, batch: usize) {
        if self.running.with_value(|r| r.contains(&batch)) {
            return;
        }
        self.running.update_value(|r| r.push(batch));
        let this = *self;
        spawn_local(async move {
            while let Some(key) = this
                .entries
                .try_with_untracked(|e| {
                    e.iter().find(|e| e.batch == batch && e.state == FileState::Queued).map(|e| e.key)
                })
                .flatten()
            {
                this.run(key).await;
            }
            this.running.update_value(|r| r.retain(|b| *b != batch));
        });
    }

    async fn run(self, key: usize) {
        let Some(entry) = self.entries.with_untracked(|e| e.iter().find(|e| e.key == key).cloned()) else { return };
        let Some(controller) = abort_controller() else {
            self.set_state(key, FileState::Failed("The browser cannot run uploads here.".into()));
            return;
        };
        let signal = controller.signal();
        self.update(key, |e| e.cancel = Some(controller));
        self.set_state(key, FileState::Sending);
        let target = Target {
            destination: Destination::Dataset { model_id: entry.model_id.clone(), request: entry.request.clone() },
            upload_id: entry.upload_id.clone(),
            start_key: entry.start_key.clone(),
            complete_key: entry.complete_key.clone(),
        };
        let this = self;
        let file = entry.file.clone();
        let (entry_model_id, entry_file_name) = (entry.model_id.clone(), entry.request.file_name.clone());
        let hooks = Hooks {
            state: Box::new(move |state| this.set_state(key, state)),
            progress: Box::new(move |sent| {
                this.update(key, |e| e.sent = e.sent.max(sent));
                if let Some(id) = this.entries.with_untracked(|e| e.iter().find(|e| e.key == key)?.upload_id.clone()) {
                    this.note_progress(&id, sent);
                }
            }),
            started: Box::new(move |upload_id, chunk_size| {
                this.update(key, |e| e.upload_id = Some(upload_id.to_owned()));
                this.remember(&entry, upload_id, chunk_size);
            }),
        };
        let api = self.api.get_value();
        let outcome = send_file(&api, &file, &target, &signal, self.timeout_ms, &hooks).await;
        let upload_id = self.entries.with_untracked(|e| e.iter().find(|e| e.key == key)?.upload_id.clone());
        let (model_id, file_name) = (&entry_model_id, &entry_file_name);
        match outcome {
            // Only a session's dialog sends session audio; a dataset comes back here.
            Ok(Sent::SessionAudio(_)) => self.set_state(key, FileState::Done),
            Ok(Sent::Dataset(dataset)) => {
                let detail = serde_json::json!({
                    "modelId": model_id,
                    "dataset": { "id": dataset.id, "name": dataset.name, "type": dataset.dataset_type.label() },
                });
                self.events.emit("cm-dataset-uploaded", detail);
                let link = ("Open the model".to_owned(), crate::routes::Route::model(model_id));
                self.toasts.success(format!("{} uploaded.", dataset.name), Some(link));
                self.set_state(key, FileState::Done);
                if let Some(id) = upload_id {
                    self.forget(&id);
                }
                self.finished.update(|n| *n += 1);
            }
            Err(Stop::Cancelled) => self.set_state(key, FileState::Cancelled),
            Err(Stop::SignIn) => self.set_state(key, FileState::Waiting(domain::upload::retry::Waiting::SignIn)),
            Err(Stop::Refused(err)) => {
                let link = ("Open the model".to_owned(), crate::routes::Route::model(model_id));
                self.toasts.failure(format!("{} could not be uploaded: {}", file_name, err.user_message()), Some(link));
                self.set_state(key, FileState::Failed(err.user_message()));
            }
            Err(Stop::Unreadable(reason)) => self.set_state(key, FileState::Failed(reason)),
            Err(Stop::Forgotten) => {
                if let Some(id) = upload_id {
                    self.forget(&id);
                }
                self.entries.update(|e| e.retain(|e| e.key != key));
                self.tell(format!("The server no longer holds the upload of {}. Upload the file again.", file_name));
            }
        }
    }

    fn remember(&self, entry: &Entry, upload_id: &str, chunk_size: u64) {
        let upload = SavedUpload {
            model_id: entry.model_id.clone(),
            upload_id: upload_id.to_owned(),
            file_name: entry.request.file_name.clone(),
            size: entry.request.size,
            last_modified: entry.file.last_modified(),
            dataset_type: entry.request.dataset_type,
            duration_seconds: entry.request.duration_seconds,
            chunk_size,
            sent_bytes: 0,
        };
        self.saved.update(|all| all.upsert(upload));
        self.persist_saved();
    }

    fn note_progress(&self, upload_id: &str, sent: u64) {
        let mut changed = false;
        self.saved.update(|all| {
            for u in all.0.iter_mut().filter(|u| u.upload_id == upload_id) {
                u.sent_bytes = sent;
                changed = true;
            }
        });
        if changed {
            self.persist_saved();
        }
    }

    fn forget(&self, upload_id: &str) {
        self.saved.update(|all| all.remove(upload_id));
        self.persist_saved();
    }

    fn persist_saved(&self) {
        if !self.saved.with_untracked(saved::store) {
            self.tell(saved::UNAVAILABLE.to_owned());
        }
    }

    fn tell(&self, notice: String) {
        self.notices.update(|n| {
            if !n.contains(&notice) {
                n.push(notice);
            }
        });
    }

    /// Stops a file at once (the chunk in flight too) and discards what the
    /// server holds of it: the only path, with [`Uploads::discard`], that does.
    pub fn cancel(&self, key: usize) {
        let Some(entry) = self.entries.with_untracked(|e| e.iter().find(|e| e.key == key).cloned()) else { return };
        if !(entry.state.is_active() || matches!(entry.state, FileState::Waiting(_))) {
            return;
        }
        if let Some(controller) = &entry.cancel {
            controller.abort();
        }
        self.set_state(key, FileState::Cancelled);
        if let Some(id) = entry.upload_id {
            self.forget(&id);
            let api = self.api.get_value();
            spawn_local(async move {
                let _ = api.abort_upload(&id).await;
            });
        }
    }

    /// Cancels every unfinished file of a batch.
    pub fn cancel_batch(&self, batch: usize) {
        for entry in self.batch(batch) {
            self.cancel(entry.key);
        }
    }

    /// Sends the batch's failed files again (resuming what the server holds).
    pub fn retry_failed(&self, batch: usize) {
        self.entries.update(|entries| {
            for e in entries.iter_mut().filter(|e| e.batch == batch && matches!(e.state, FileState::Failed(_))) {
                e.state = FileState::Queued;
            }
        });
        self.run_batch(batch);
    }

    /// After signing in again: the paused file carries on.
    pub fn try_again(&self, key: usize) {
        let Some(batch) = self.entries.with_untracked(|e| e.iter().find(|e| e.key == key).map(|e| e.batch)) else {
            return;
        };
        self.update(key, |e| {
            if e.state == FileState::Waiting(domain::upload::retry::Waiting::SignIn) {
                e.state = FileState::Queued;
            }
        });
        self.run_batch(batch);
    }

    /// Takes a queued, failed or cancelled file off the list.
    pub fn remove(&self, key: usize) {
        self.entries.update(|e| e.retain(|e| e.key != key || !e.state.is_removable()));
    }

    /// Resumes a saved upload with the file the user chose again, if it is the same file.
    pub fn resume(&self, upload: &SavedUpload, file: File) -> Result<(), String> {
        let chosen =
            FileIdentity { name: file.name(), size: file.size().max(0.0) as u64, last_modified: file.last_modified() };
        check_same_file(upload, &chosen)?;
        let batch = self.new_batch();
        let request = UploadRequest {
            file_name: upload.file_name.clone(),
            size: upload.size,
            dataset_type: upload.dataset_type,
            duration_seconds: upload.duration_seconds,
        };
        self.push(batch, &upload.model_id, file, request, Some(upload.upload_id.clone()));
        self.run_batch(batch);
        Ok(())
    }

    /// Forgets an unfinished upload and tells the server to discard it.
    pub fn discard(&self, upload: &SavedUpload) {
        self.forget(&upload.upload_id);
        let (api, id) = (self.api.get_value(), upload.upload_id.clone());
        spawn_local(async move {
            let _ = api.abort_upload(&id).await;
        });
    }

    /// Whether this tab is already sending the upload with this id.
    pub fn is_sending(&self, upload_id: &str) -> bool {
        self.entries
            .with(|e| e.iter().any(|e| e.upload_id.as_deref() == Some(upload_id) && e.state != FileState::Cancelled))
    }
}
