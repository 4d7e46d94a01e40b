//! Resuming an upload after a reload, a crash or a closed tab: what the console
//! remembers of each unfinished upload, whether a file chosen again is the same
//! file, and which chunks are still missing from what the server holds.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{chunk_count, chunk_range};
use crate::dataset::DatasetType;
use crate::size::human_size;
use crate::wire::DecodeError;

/// An unfinished upload, as kept in localStorage until it completes or is discarded.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedUpload {
    pub model_id: String,
    pub upload_id: String,
    pub file_name: String,
    pub size: u64,
    /// `File.lastModified`: milliseconds since the epoch.
    pub last_modified: f64,
    pub dataset_type: DatasetType,
    pub duration_seconds: Option<f64>,
    pub chunk_size: u64,
    /// What the server had acknowledged when last seen.
    pub sent_bytes: u64,
}

impl SavedUpload {
    pub fn percent_sent(&self) -> u64 {
        (self.sent_bytes.min(self.size) as u128 * 100).checked_div(self.size as u128).unwrap_or(0) as u64
    }

    /// "calls.wav · 62 % sent"
    pub fn summary(&self) -> String {
        format!("{} · {} % sent", self.file_name, self.percent_sent())
    }
}

/// A file as the browser describes it, to compare with a saved upload.
#[derive(Clone, Debug, PartialEq)]
pub struct FileIdentity {
    pub name: String,
    pub size: u64,
    pub last_modified: f64,
}

/// A browser cannot reopen a file by itself, so the user chooses it again:
/// name, size and last-modified time must all match, or the bytes already sent
/// would be mixed with another file's.
pub fn check_same_file(saved: &SavedUpload, chosen: &FileIdentity) -> Result<(), String> {
    let mut differences = Vec::new();
    if chosen.name != saved.file_name {
        differences.push(format!("it is called {}, not {}", chosen.name, saved.file_name));
    }
    if chosen.size != saved.size {
        differences.push(format!("it is {}, not {}", human_size(chosen.size), human_size(saved.size)));
    }
    if differences.is_empty() && chosen.last_modified != saved.last_modified {
        differences.push("it was changed after the upload began".into());
    }
    if differences.is_empty() {
        Ok(())
    } else {
        Err(format!("This is not the same file: {}.", differences.join(" and ")))
    }
}

/// What the server holds of an upload (`GET /uploads/{id}`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UploadStatus {
    pub upload_id: String,
    pub file_name: String,
    pub size: u64,
    pub chunk_size: u64,
    pub received: Vec<u64>,
}

/// Decodes `GET /uploads/{id}` leniently: entries of `received` that are not
/// chunk indexes of this file are dropped.
pub fn decode_upload_status(text: &str) -> Result<UploadStatus, DecodeError> {
    let value: Value = serde_json::from_str(text).map_err(|e| DecodeError(format!("not JSON ({e})")))?;
    let map = value.as_object().ok_or_else(|| DecodeError("expected an upload object".into()))?;
    let number = |key: &str| map.get(key).and_then(Value::as_u64);
    let upload_id = match map.get("upload_id") {
        Some(Value::String(s)) if !s.is_empty() => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => return Err(DecodeError("an upload without an id".into())),
    };
    let size = number("size").ok_or_else(|| DecodeError("the upload has no size".into()))?;
    let chunk_size =
        number("chunk_size").filter(|c| *c > 0).ok_or_else(|| DecodeError("the upload has no chunk size".into()))?;
    let count = chunk_count(size, chunk_size);
    let mut received: Vec<u64> = map
        .get("received")
        .and_then(Value::as_array)
        .map(|items| items.iter().filter_map(Value::as_u64).filter(|i| *i < count).collect())
        .unwrap_or_default();
    received.sort_unstable();
    received.dedup();
    let file_name = map.get("file_name").and_then(Value::as_str).unwrap_or_default().to_owned();
    Ok(UploadStatus { upload_id, file_name, size, chunk_size, received })
}

/// The chunks still to send, in order.
pub fn resume_plan(size: u64, chunk_size: u64, received: &[u64]) -> Vec<u64> {
    (0..chunk_count(size, chunk_size)).filter(|i| !received.contains(i)).collect()
}

/// The bytes the server holds; the last chunk may be short.
pub fn bytes_received(size: u64, chunk_size: u64, received: &[u64]) -> u64 {
    let count = chunk_count(size, chunk_size);
    let mut seen: Vec<u64> = received.iter().copied().filter(|i| *i < count).collect();
    seen.sort_unstable();
    seen.dedup();
    seen.iter().map(|i| chunk_range(*i, size, chunk_size)).map(|(start, end)| end - start).sum()
}

/// The saved uploads, as one localStorage value. Garbage reads as none.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SavedUploads(pub Vec<SavedUpload>);

impl SavedUploads {
    pub fn decode(text: &str) -> SavedUploads {
        let items: Vec<Value> = serde_json::from_str(text).unwrap_or_default();
        SavedUploads(items.into_iter().filter_map(|v| serde_json::from_value(v).ok()).collect())
    }

    pub fn encode(&self) -> String {
        serde_json::to_string(&self.0).unwrap_or_else(|_| "[]".into())
    }

    /// Adds the upload, or replaces the one with its id.
    pub fn upsert(&mut self, upload: SavedUpload) {
        self.remove(&upload.upload_id);
        self.0.push(upload);
    }

    pub fn remove(&mut self, upload_id: &str) {
        self.0.retain(|u| u.upload_id != upload_id);
    }

    pub fn for_model(&self, model_id: &str) -> Vec<SavedUpload> {
        self.0.iter().filter(|u| u.model_id == model_id).cloned().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn saved() -> SavedUpload {
        SavedUpload {
            model_id: "m1".into(),
            upload_id: "up_3".into(),
            file_name: "calls.wav".into(),
            size: 5_000,
            last_modified: 1_700_000_000_000.0,
            dataset_type: DatasetType::Audio,
            duration_seconds: None,
            chunk_size: 1_000,
            sent_bytes: 3_100,
        }
    }

    #[test]
    fn only_the_same_file_may_resume_and_the_reason_is_named() {
        let s = saved();
        let same = FileIdentity { name: "calls.wav".into(), size: 5_000, last_modified: s.last_modified };
        assert_eq!(check_same_file(&s, &same), Ok(()));
        let other = FileIdentity { name: "other.wav".into(), size: 3_000, ..same.clone() };
        assert_eq!(
            check_same_file(&s, &other),
            Err("This is not the same file: it is called other.wav, not calls.wav and it is 3.0 KB, not 5.0 KB.".into())
        );
        let edited = FileIdentity { last_modified: 1.0, ..same };
        assert!(check_same_file(&s, &edited).unwrap_err().contains("changed after the upload began"));
    }

    #[test]
    fn the_plan_sends_only_what_the_server_lacks() {
        assert_eq!(resume_plan(5_000, 1_000, &[0, 1, 2]), [3, 4]);
        assert_eq!(resume_plan(4_500, 1_000, &[4, 4, 99]), [0, 1, 2, 3]);
        assert_eq!(resume_plan(0, 1_000, &[]), [0]);
        assert_eq!(bytes_received(4_500, 1_000, &[4, 0, 0, 99]), 1_500);
    }

    #[test]
    fn status_answers_are_read_leniently() {
        let status = decode_upload_status(
            r#"{"upload_id":"up_3","file_name":"calls.wav","size":5000,"chunk_size":1000,"received":[2,0,"x",-1,2,7]}"#,
        )
        .unwrap();
        assert_eq!(status.received, [0, 2]);
        assert!(decode_upload_status("<html>").is_err());
        assert!(decode_upload_status(r#"{"upload_id":"u","size":5,"chunk_size":0}"#).is_err());
        assert_eq!(
            decode_upload_status(r#"{"upload_id":7,"size":5,"chunk_size":5}"#).unwrap().received,
            [] as [u64; 0]
        );
    }

    #[test]
    fn saved_uploads_survive_junk_and_summarise() {
        assert_eq!(SavedUploads::decode("{oops"), SavedUploads::default());
        let mut all = SavedUploads::decode(r#"[{"model_id":"m1"}, 5]"#);
        assert!(all.0.is_empty());
        all.upsert(saved());
        all.upsert(SavedUpload { sent_bytes: 4_000, ..saved() });
        assert_eq!(all.0.len(), 1);
        let back = SavedUploads::decode(&all.encode());
        assert_eq!(back.for_model("m1")[0].summary(), "calls.wav · 80 % sent");
        assert!(back.for_model("m2").is_empty());
        all.remove("up_3");
        assert!(all.0.is_empty());
        assert_eq!(SavedUpload { size: 0, sent_bytes: 0, ..saved() }.percent_sent(), 0);
    }
}
