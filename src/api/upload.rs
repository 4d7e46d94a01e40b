//! Sends one file by the chunked protocol of `docs/api.md`: start, numbered
//! chunks (each a `Blob.slice`, retried with backoff), complete; abort when
//! the user cancels. A 10 GB file never enters WASM memory.

use std::cell::Cell;
use std::rc::Rc;

use domain::upload::{chunk_count, chunk_range, retry_delay_ms, UploadRequest, CHUNK_ATTEMPTS};
use domain::Dataset;
use web_sys::File;

use crate::api::{Api, ApiError};
use crate::browser::files;

/// Set by the Cancel button; the upload stops before its next chunk.
pub type CancelFlag = Rc<Cell<bool>>;

/// Why a file was not uploaded.
#[derive(Clone, Debug, PartialEq)]
pub enum UploadError {
    Cancelled,
    /// The browser could not read the file (moved, deleted, no permission).
    Unreadable,
    /// The server refused a request; `chunk` says which chunk, when it was one.
    Refused {
        error: ApiError,
        chunk: Option<u64>,
    },
}

impl UploadError {
    /// What went wrong, for the file's line in the upload list.
    pub fn message(&self) -> String {
        match self {
            UploadError::Cancelled => "Upload cancelled.".into(),
            UploadError::Unreadable => "The file could not be read.".into(),
            UploadError::Refused { error, chunk: None } => error.user_message(),
            UploadError::Refused { error, chunk: Some(index) } => {
                format!("{} (chunk {} of the file)", error.user_message(), index + 1)
            }
        }
    }
}

impl From<ApiError> for UploadError {
    fn from(error: ApiError) -> Self {
        UploadError::Refused { error, chunk: None }
    }
}

/// Uploads `file`; `progress` hears the bytes sent so far after each chunk.
pub async fn upload_file(
    api: &Api,
    model_id: &str,
    file: &File,
    request: UploadRequest,
    cancel: &CancelFlag,
    progress: impl Fn(u64),
) -> Result<Dataset, UploadError> {
    let size = request.size;
    let ticket = api.start_upload(model_id, &request).await?;
    let id = ticket.upload_id.as_str();
    for index in 0..chunk_count(size, ticket.chunk_size) {
        if cancel.get() {
            let _ = api.abort_upload(id).await;
            return Err(UploadError::Cancelled);
        }
        let (start, end) = chunk_range(index, size, ticket.chunk_size);
        let Some(chunk) = files::slice(file, start, end) else {
            let _ = api.abort_upload(id).await;
            return Err(UploadError::Unreadable);
        };
        if let Err(err) = send_with_retry(api, id, index, &chunk, cancel).await {
            let _ = api.abort_upload(id).await;
            return Err(err);
        }
        progress(end);
    }
    Ok(api.complete_upload(id).await?)
}

async fn send_with_retry(
    api: &Api,
    id: &str,
    index: u64,
    chunk: &web_sys::Blob,
    cancel: &CancelFlag,
) -> Result<(), UploadError> {
    let mut attempt = 1;
    loop {
        match api.send_chunk(id, index, chunk).await {
            Ok(()) => return Ok(()),
            // A refusal (4xx) will not change on retry; network trouble and 5xx may.
            Err(err) if attempt >= CHUNK_ATTEMPTS || matches!(err.status(), Some(400..=499)) => {
                return Err(UploadError::Refused { error: err, chunk: Some(index) });
            }
            Err(_) => {
                gloo_timers::future::TimeoutFuture::new(retry_delay_ms(attempt)).await;
                if cancel.get() {
                    return Err(UploadError::Cancelled);
                }
                attempt += 1;
            }
        }
    }
}
