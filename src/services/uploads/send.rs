//! Sends one file by the resumable protocol of docs/api.md: start (or ask the
//! server what it holds), up to three chunks at a time, complete. Failures go
//! through `domain::upload::retry`: a drop or a busy server waits and tries
//! again, a refusal ends the file, and nothing here ever discards the upload.

use std::cell::RefCell;
use std::future::Future;
use std::rc::Rc;

use domain::upload::batch::{ChunkWindow, FileState};
use domain::upload::resume::{bytes_received, resume_plan};
use domain::upload::retry::{chunk_timeout_ms, classify, is_busy, wait_ms, Next, Waiting};
use domain::upload::session_audio::{SessionAudio, SessionAudioRequest};
use domain::upload::{chunk_count, chunk_range, UploadRequest};
use domain::Dataset;
use web_sys::{AbortController, AbortSignal, File};

use crate::api::{Api, ApiError, ApiResult, ChunkRequest};
use crate::browser::files;
use crate::browser::network::{content_digest, is_online, wait};

/// Chunks of one file in flight at once.
const PARALLEL_CHUNKS: usize = 3;
/// A chunk refused as damaged this many times in a row is a refusal.
const MAX_RESENDS: u32 = 5;

/// Where a file goes: a model's dataset, or the audio of an STT Session (which
/// starts elsewhere and completes into no dataset, docs/api.md "STT Sessions").
#[derive(Clone)]
pub enum Destination {
    Dataset { model_id: String, request: UploadRequest },
    SessionAudio(SessionAudioRequest),
}

impl Destination {
    fn size(&self) -> u64 {
        match self {
            Destination::Dataset { request, .. } => request.size,
            Destination::SessionAudio(request) => request.size,
        }
    }
}

/// What a completed upload made.
pub enum Sent {
    Dataset(Dataset),
    SessionAudio(SessionAudio),
}

/// What to send, and the keys that make its start and completion safe to retry.
pub struct Target {
    pub destination: Destination,
    /// Set when resuming: the server already has part of it.
    pub upload_id: Option<String>,
    pub start_key: String,
    pub complete_key: String,
}

/// Why a file stopped short of a dataset.
#[derive(Clone, Debug, PartialEq)]
pub enum Stop {
    Cancelled,
    /// A permanent answer (400, 403, 404, 409, 413, 422…).
    Refused(ApiError),
    /// The token expired and the host had no fresh one: resumable after sign-in.
    SignIn,
    /// The server no longer holds the upload being resumed.
    Forgotten,
    /// The browser could not read the file, or cannot hash it.
    Unreadable(String),
}

/// Hears the server's upload id and chunk size.
pub type Started = Box<dyn Fn(&str, u64)>;

/// How the upload reports on itself.
pub struct Hooks {
    pub state: Box<dyn Fn(FileState)>,
    /// Bytes the server acknowledged; never goes back.
    pub progress: Box<dyn Fn(u64)>,
    /// The server's upload id and chunk size, once known.
    pub started: Started,
}

/// Runs `op` until it succeeds, waiting out what is transient.
async fn persist<T, F, Fut>(hooks: &Hooks, cancel: &AbortSignal, mut op: F) -> Result<T, Stop>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = ApiResult<T>>,
{
    let (mut attempt, mut resends) = (0, 0);
    loop {
        // Offline, a request could only fail: pause until the browser is back.
        if !is_online() {
            (hooks.state)(FileState::Waiting(Waiting::Network));
            if !wait(None, cancel).await {
                return Err(Stop::Cancelled);
            }
            (hooks.state)(FileState::Sending);
        }
        let err = match op().await {
            Ok(value) => return Ok(value),
            Err(err) => err,
        };
        if cancel.aborted() || err == ApiError::Cancelled {
            return Err(Stop::Cancelled);
        }
        let failure = err.failure();
        match classify(&failure) {
            Next::GiveUp => return Err(Stop::Refused(err)),
            // The HTTP client already asked the host for a fresh token once.
            Next::RefreshToken => return Err(Stop::SignIn),
            Next::Resend if resends < MAX_RESENDS => resends += 1,
            Next::Resend => return Err(Stop::Refused(err)),
            Next::RetryLater => {
                attempt += 1;
                let waited = if is_online() {
                    let retry_after = match &err {
                        ApiError::Http { retry_after_ms, .. } => *retry_after_ms,
                        _ => None,
                    };
                    let ms = wait_ms(attempt, js_sys::Math::random(), retry_after);
                    (hooks.state)(FileState::Waiting(Waiting::Retrying {
                        seconds: ms.div_ceil(1000),
                        busy: is_busy(&failure),
                    }));
                    wait(Some(u32::try_from(ms).unwrap_or(u32::MAX)), cancel).await
                } else {
                    (hooks.state)(FileState::Waiting(Waiting::Network));
                    wait(None, cancel).await
                };
                if !waited {
                    return Err(Stop::Cancelled);
                }
                (hooks.state)(FileState::Sending);
            }
        }
    }
}

/// Sends `file` to `target`; `cancel` (the user's Cancel) aborts it at once,
/// the chunk in flight included.
pub async fn send_file(
    api: &Api,
    file: &File,
    target: &Target,
    cancel: &AbortSignal,
    base_timeout_ms: u32,
    hooks: &Hooks,
) -> Result<Sent, Stop> {
    let size = target.destination.size();
    let (upload_id, chunk_size, plan, acked) = match &target.upload_id {
        None => {
            let key = &target.start_key;
            let ticket = match &target.destination {
                Destination::Dataset { model_id, request } => {
                    persist(hooks, cancel, || api.start_upload(model_id, request, key)).await?
                }
                Destination::SessionAudio(request) => {
                    persist(hooks, cancel, || api.start_session_audio(request, key)).await?
                }
            };
            (hooks.started)(&ticket.upload_id, ticket.chunk_size);
            let plan = (0..chunk_count(size, ticket.chunk_size)).collect();
            (ticket.upload_id, ticket.chunk_size, plan, 0)
        }
        Some(id) => {
            let status = persist(hooks, cancel, || api.upload_status(id)).await.map_err(|stop| match stop {
                Stop::Refused(err) if err.is_not_found() => Stop::Forgotten,
                other => other,
            })?;
            let acked = bytes_received(size, status.chunk_size, &status.received);
            (id.clone(), status.chunk_size, resume_plan(size, status.chunk_size, &status.received), acked)
        }
    };
    (hooks.progress)(acked);

    // One worker's refusal stops its siblings too.
    let halt = AbortController::new().map_err(|_| Stop::Unreadable("The browser cannot run uploads here.".into()))?;
    let signals = js_sys::Array::of2(cancel, &halt.signal());
    let signal = AbortSignal::any(&signals);
    let window = RefCell::new(ChunkWindow::new(plan, size, chunk_size, acked, PARALLEL_CHUNKS));
    let stopped = Rc::new(RefCell::new(None::<Stop>));
    let worker = || async {
        loop {
            // Taken in its own statement: no borrow may live across the awaits below.
            let next = window.borrow_mut().take_next();
            let Some(index) = next else { break };
            let (start, end) = chunk_range(index, size, chunk_size);
            let outcome = match files::slice(file, start, end) {
                None => Err(Stop::Unreadable("The file could not be read.".into())),
                Some(blob) => match content_digest(&blob).await {
                    None => Err(Stop::Unreadable("Uploads need a secure page (HTTPS) to check each chunk.".into())),
                    Some(digest) => {
                        let timeout_ms = chunk_timeout_ms(end - start, u64::from(base_timeout_ms));
                        let chunk = ChunkRequest {
                            upload_id: &upload_id,
                            index,
                            blob: &blob,
                            digest,
                            cancel: &signal,
                            timeout_ms: u32::try_from(timeout_ms).unwrap_or(u32::MAX),
                        };
                        persist(hooks, &signal, || api.send_chunk(&chunk)).await
                    }
                },
            };
            match outcome {
                Ok(()) => {
                    let acked = {
                        let mut window = window.borrow_mut();
                        window.ack(index);
                        window.acked_bytes()
                    };
                    (hooks.progress)(acked);
                }
                Err(stop) => {
                    // The first reason wins; the siblings it halts report Cancelled.
                    stopped.borrow_mut().get_or_insert(stop);
                    halt.abort();
                    break;
                }
            }
        }
    };
    futures::future::join_all((0..PARALLEL_CHUNKS).map(|_| worker())).await;
    if let Some(stop) = stopped.borrow_mut().take() {
        return Err(if cancel.aborted() { Stop::Cancelled } else { stop });
    }
    let key = &target.complete_key;
    Ok(match &target.destination {
        Destination::Dataset { .. } => {
            Sent::Dataset(persist(hooks, cancel, || api.complete_upload(&upload_id, key)).await?)
        }
        Destination::SessionAudio(_) => {
            Sent::SessionAudio(persist(hooks, cancel, || api.complete_session_audio(&upload_id, key)).await?)
        }
    })
}
