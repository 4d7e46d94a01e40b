//! Uploaded bytes on disk. Each chunk streams from the request body into its own
//! file (`uploads/<upload_id>/<index>`), hashed on the way, and is renamed into
//! place only when its length and digest are right: a refused chunk never
//! replaces a kept one, and a restart finds every counted chunk whole. A completed
//! upload's chunks are joined into `datasets/<dataset_id>`, or for a session's
//! audio into `audio/<upload_id>`, which stays there for the session that takes it. Paths are built only
//! from ids the backend made; the names users give files are data, never paths.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use axum::body::Body;
use futures_util::StreamExt;
use sha2::{Digest, Sha256};
use tokio::io::AsyncWriteExt;

use crate::error::{ApiError, ApiResult};

pub struct Files {
    uploads: PathBuf,
    datasets: PathBuf,
    audio: PathBuf,
    /// Tells apart the temporary files of chunks sent twice at once.
    next_temp: AtomicU64,
}

/// Whether an id can name a file: what the backend makes (`up_3`, `ds_9`), nothing else.
pub fn is_safe_id(id: &str) -> bool {
    (1..=64).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

/// What one chunk must be.
pub struct ChunkRule {
    pub index: u64,
    /// The exact length it must have.
    pub length: u64,
    /// The most a body may carry (the upload's chunk size).
    pub limit: u64,
    /// The SHA-256 the sender announced.
    pub digest: [u8; 32],
}

impl Files {
    pub fn open(data_dir: &Path) -> Result<Files, String> {
        let uploads = data_dir.join("uploads");
        let datasets = data_dir.join("datasets");
        let audio = data_dir.join("audio");
        for dir in [&uploads, &datasets, &audio] {
            std::fs::create_dir_all(dir).map_err(|e| format!("create {}: {e}", dir.display()))?;
        }
        Ok(Files { uploads, datasets, audio, next_temp: AtomicU64::new(0) })
    }

    fn chunk_dir(&self, upload_id: &str) -> Option<PathBuf> {
        is_safe_id(upload_id).then(|| self.uploads.join(upload_id))
    }

    /// Streams a chunk to disk; keeps it only when its length and digest are right.
    pub async fn receive(&self, upload_id: &str, rule: &ChunkRule, body: Body) -> ApiResult<()> {
        let dir = self.chunk_dir(upload_id).ok_or_else(ApiError::not_found)?;
        tokio::fs::create_dir_all(&dir).await.map_err(|e| ApiError::unavailable("store the chunk", e))?;
        let n = self.next_temp.fetch_add(1, Ordering::Relaxed);
        let temp = dir.join(format!("{}.{n}.part", rule.index));
        let written = write_checked(&temp, rule, body).await;
        if let Err(e) = written {
            let _ = tokio::fs::remove_file(&temp).await;
            return Err(e);
        }
        tokio::fs::rename(&temp, dir.join(rule.index.to_string()))
            .await
            .map_err(|e| ApiError::unavailable("store the chunk", e))
    }

    /// The first chunk's bytes, which the backend's checks read.
    pub async fn first_chunk(&self, upload_id: &str) -> ApiResult<Vec<u8>> {
        let dir = self.chunk_dir(upload_id).ok_or_else(ApiError::not_found)?;
        tokio::fs::read(dir.join("0")).await.map_err(|e| ApiError::unavailable("read the chunk", e))
    }

    /// Joins a completed upload's chunks into its dataset's file, then forgets them.
    /// Nothing to do when an earlier try (a retried complete) already did it.
    pub async fn assemble(&self, upload_id: &str, dataset_id: &str) -> ApiResult<()> {
        self.join(upload_id, &self.datasets, dataset_id).await
    }

    /// Joins a session's completed audio into `audio/<upload_id>`, where it stays.
    pub async fn assemble_audio(&self, upload_id: &str) -> ApiResult<()> {
        self.join(upload_id, &self.audio, upload_id).await
    }

    async fn join(&self, upload_id: &str, into: &Path, name: &str) -> ApiResult<()> {
        let (Some(dir), true) = (self.chunk_dir(upload_id), is_safe_id(name)) else {
            return Err(ApiError::not_found());
        };
        if !tokio::fs::try_exists(&dir).await.unwrap_or(false) {
            return Ok(());
        }
        let fail = |e: std::io::Error| ApiError::unavailable("join the chunks", e);
        let target = into.join(name);
        let temp = into.join(format!("{name}.part"));
        let mut out = tokio::fs::File::create(&temp).await.map_err(fail)?;
        for index in 0u64.. {
            let mut chunk = match tokio::fs::File::open(dir.join(index.to_string())).await {
                Ok(chunk) => chunk,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => break,
                Err(e) => return Err(fail(e)),
            };
            tokio::io::copy(&mut chunk, &mut out).await.map_err(fail)?;
        }
        out.sync_all().await.map_err(fail)?;
        tokio::fs::rename(&temp, &target).await.map_err(fail)?;
        tokio::fs::remove_dir_all(&dir).await.map_err(fail)
    }

    /// Forgets an aborted upload's chunks.
    pub async fn discard(&self, upload_id: &str) {
        if let Some(dir) = self.chunk_dir(upload_id) {
            let _ = tokio::fs::remove_dir_all(dir).await;
        }
    }

    /// Removes the chunks of uploads the backend no longer knows (expired, or left
    /// by a crash between a request and its answer) once untouched for `min_age`.
    pub async fn sweep(&self, live: &std::collections::HashSet<String>, min_age: std::time::Duration) {
        sweep_folder(&self.uploads, live, min_age).await;
    }

    /// Removes the files of session audio the backend no longer keeps (completed
    /// but never taken by a session before it expired) once untouched for `min_age`.
    pub async fn sweep_audio(&self, kept: &std::collections::HashSet<String>, min_age: std::time::Duration) {
        sweep_folder(&self.audio, kept, min_age).await;
    }

    /// Removes a deleted dataset's file, in the background.
    pub fn remove_dataset(&self, dataset_id: &str) {
        if is_safe_id(dataset_id) {
            let path = self.datasets.join(dataset_id);
            tokio::spawn(async move {
                let _ = tokio::fs::remove_file(path).await;
            });
        }
    }
}

/// Removes what `folder` holds but `keep` does not name, once untouched for `min_age`.
async fn sweep_folder(folder: &Path, keep: &std::collections::HashSet<String>, min_age: std::time::Duration) {
    let Ok(mut entries) = tokio::fs::read_dir(folder).await else { return };
    while let Ok(Some(entry)) = entries.next_entry().await {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Ok(meta) = entry.metadata().await else { continue };
        let age = meta.modified().ok().and_then(|t| t.elapsed().ok());
        if keep.contains(&name) || age.is_none_or(|age| age < min_age) {
            continue;
        }
        let _ = if meta.is_dir() {
            tokio::fs::remove_dir_all(entry.path()).await
        } else {
            tokio::fs::remove_file(entry.path()).await
        };
    }
}

/// How much of a refused body is still read, so the client, busy sending, hears the
/// refusal instead of a reset connection; a body larger than that is cut off.
pub const DRAIN_BYTES: u64 = 16 * 1024 * 1024;

/// Reads and drops up to `limit` more bytes of a body.
pub async fn drain(mut stream: axum::body::BodyDataStream, limit: u64) {
    let mut read: u64 = 0;
    while let Some(Ok(bytes)) = stream.next().await {
        read = read.saturating_add(bytes.len() as u64);
        if read > limit {
            break;
        }
    }
}

async fn write_checked(path: &Path, rule: &ChunkRule, body: Body) -> ApiResult<()> {
    let fail = |e: std::io::Error| ApiError::unavailable("store the chunk", e);
    let mut file = tokio::fs::File::create(path).await.map_err(fail)?;
    let mut hasher = Sha256::new();
    let mut written: u64 = 0;
    let mut stream = body.into_data_stream();
    while let Some(frame) = stream.next().await {
        let bytes = frame.map_err(|_| ApiError::invalid("The chunk's body could not be read to its end."))?;
        written = written.saturating_add(bytes.len() as u64);
        if written > rule.limit {
            drain(stream, DRAIN_BYTES).await;
            return Err(ApiError::too_large(rule.limit));
        }
        hasher.update(&bytes);
        file.write_all(&bytes).await.map_err(fail)?;
    }
    if written != rule.length {
        return Err(ApiError::new(
            axum::http::StatusCode::BAD_REQUEST,
            "validation_failed",
            format!("Chunk {} must be {} bytes; {written} arrived.", rule.index, rule.length),
        ));
    }
    if hasher.finalize().as_slice() != rule.digest {
        return Err(ApiError::new(
            axum::http::StatusCode::BAD_REQUEST,
            "checksum_mismatch",
            "The chunk did not arrive intact.",
        ));
    }
    // Counted only once on disk: a restart then finds every counted chunk whole.
    file.sync_all().await.map_err(fail)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn audio_no_session_took_is_swept_and_kept_audio_stays() {
        let dir = std::env::temp_dir().join(format!("cm-files-sweep-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let files = Files::open(&dir).expect("files");
        for id in ["up_1", "up_2"] {
            std::fs::write(dir.join("audio").join(id), b"RIFF").expect("written");
        }
        let kept = ["up_1".to_owned()].into();
        files.sweep_audio(&kept, std::time::Duration::from_secs(3600)).await;
        assert!(dir.join("audio/up_2").exists(), "too young to sweep: it may be being joined");
        files.sweep_audio(&kept, std::time::Duration::ZERO).await;
        assert!(dir.join("audio/up_1").exists(), "a kept upload's audio stays");
        assert!(!dir.join("audio/up_2").exists(), "audio no one keeps is removed");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
