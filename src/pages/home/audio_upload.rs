//! The STT Session's audio on its way to the server: the same resumable upload
//! as a dataset's file (`services::uploads::send`), started as a session's audio.
//! It remembers, for the file picked, the server's upload and the keys of its
//! start and completion, so pressing Start again after a failure resumes what the
//! server holds (or, once complete, sends only the session request).

use domain::upload::batch::FileState;
use domain::upload::retry::Waiting;
use domain::upload::session_audio::{SessionAudio, SessionAudioRequest};
use leptos::prelude::*;
use web_sys::{AbortController, File};

use crate::api::Api;
use crate::browser::network::{abort_controller, idempotency_key};
use crate::services::uploads::send::{send_file, Destination, Hooks, Sent, Stop, Target};

/// Every value is read and written with `try_`: the send outlives the page when
/// the user leaves mid-upload, and must then end quietly instead of panicking.
#[derive(Clone, Copy)]
pub struct AudioUpload {
    /// `None` until the audio is first sent (or after it was stopped by closing).
    pub state: RwSignal<Option<FileState>>,
    /// Bytes the server acknowledged; never goes back.
    pub sent: RwSignal<u64>,
    /// The file the rest belongs to: another file starts afresh.
    file: StoredValue<Option<File>, LocalStorage>,
    upload_id: StoredValue<Option<String>>,
    done: StoredValue<Option<SessionAudio>>,
    keys: StoredValue<(String, String)>,
    cancel: StoredValue<Option<AbortController>, LocalStorage>,
}

impl AudioUpload {
    pub fn new() -> Self {
        AudioUpload {
            state: RwSignal::new(None),
            sent: RwSignal::new(0),
            file: StoredValue::new_local(None),
            upload_id: StoredValue::new(None),
            done: StoredValue::new(None),
            keys: StoredValue::new((idempotency_key(), idempotency_key())),
            cancel: StoredValue::new_local(None),
        }
    }

    /// How much of `size` bytes the server holds, in percent.
    pub fn percent(&self, size: u64) -> u64 {
        (self.sent.get().min(size) as u128 * 100).checked_div(size as u128).unwrap_or(100) as u64
    }

    /// The user picked `file` (or none): what was sent of another file is
    /// forgotten, and the server's unfinished upload of it discarded.
    pub fn pick(&self, api: &Api, file: Option<&File>) {
        if self.file.try_with_value(|f| f.as_ref() == file).unwrap_or(true) {
            return;
        }
        self.forget(api);
        self.file.try_update_value(|v| *v = file.cloned());
    }

    fn forget(&self, api: &Api) {
        self.stop();
        let unfinished = self
            .upload_id
            .try_get_value()
            .flatten()
            .filter(|_| self.done.try_with_value(Option::is_none).unwrap_or(false));
        if let Some(id) = unfinished {
            let api = api.clone();
            leptos::task::spawn_local(async move {
                let _ = api.abort_upload(&id).await;
            });
        }
        self.file.try_update_value(|v| *v = None);
        self.upload_id.try_update_value(|v| *v = None);
        self.done.try_update_value(|v| *v = None);
        self.keys.try_update_value(|v| *v = (idempotency_key(), idempotency_key()));
        self.state.try_set(None);
        self.sent.try_set(0);
    }

    /// Stops sending now (the dialog closed); the server keeps what it has, and
    /// the next Start with the same file resumes it.
    pub fn stop(&self) {
        if let Some(controller) = self.cancel.try_get_value().flatten() {
            controller.abort();
        }
    }

    /// Sends `file` (resuming what the server holds of it) and answers the
    /// completed upload a session request names. Drops and busy answers are
    /// waited out as for datasets; `None` when the upload stopped, and then
    /// `state` says why (or is `None` when the dialog closed).
    pub async fn send(self, api: Api, file: File, timeout_ms: u32) -> Option<SessionAudio> {
        self.pick(&api, Some(&file));
        if let Some(done) = self.done.try_get_value().flatten() {
            return Some(done);
        }
        let Some(controller) = abort_controller() else {
            self.state.try_set(Some(FileState::Failed("The browser cannot run uploads here.".into())));
            return None;
        };
        let signal = controller.signal();
        self.cancel.try_update_value(|v| *v = Some(controller));
        self.state.try_set(Some(FileState::Sending));
        let (start_key, complete_key) = self.keys.try_get_value()?;
        let request = SessionAudioRequest::new(file.name(), file.size().max(0.0) as u64);
        let upload_id = self.upload_id.try_get_value().flatten();
        let target = Target { destination: Destination::SessionAudio(request), upload_id, start_key, complete_key };
        let hooks = Hooks {
            state: Box::new(move |state| {
                self.state.try_set(Some(state));
            }),
            progress: Box::new(move |sent| {
                self.sent.try_update(|s| *s = (*s).max(sent));
            }),
            started: Box::new(move |upload_id, _| {
                self.upload_id.try_update_value(|v| *v = Some(upload_id.to_owned()));
            }),
        };
        let outcome = send_file(&api, &file, &target, &signal, timeout_ms, &hooks).await;
        self.cancel.try_update_value(|v| *v = None);
        let state = match outcome {
            Ok(Sent::SessionAudio(audio)) => {
                self.done.try_update_value(|v| *v = Some(audio.clone()));
                self.state.try_set(Some(FileState::Done));
                return Some(audio);
            }
            Ok(Sent::Dataset(_)) => FileState::Failed("The server answered a dataset for the audio.".into()),
            // Closed while sending: nothing to say, and Start resumes it.
            Err(Stop::Cancelled) => {
                self.state.try_set(None);
                return None;
            }
            Err(Stop::SignIn) => FileState::Waiting(Waiting::SignIn),
            Err(Stop::Refused(err)) => FileState::Failed(err.user_message()),
            Err(Stop::Forgotten) => {
                // Start again sends the whole file to a new upload.
                self.upload_id.try_update_value(|v| *v = None);
                self.keys.try_update_value(|v| *v = (idempotency_key(), idempotency_key()));
                self.sent.try_set(0);
                FileState::Failed("The server no longer holds the audio’s upload. Start sends it again.".into())
            }
            Err(Stop::Unreadable(reason)) => FileState::Failed(reason),
        };
        self.state.try_set(Some(state));
        None
    }
}
