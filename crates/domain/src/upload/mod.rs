//! The chunked, resumable upload protocol of `docs/api.md`: chunk arithmetic
//! here, [`retry`] rules, [`resume`] plans and the [`batch`] of files.

pub mod batch;
pub mod resume;
pub mod retry;
pub mod session_audio;

use serde::{Deserialize, Serialize};

use crate::dataset::DatasetType;

/// What the console asks for when it starts an upload.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UploadRequest {
    pub file_name: String,
    pub size: u64,
    #[serde(rename = "type")]
    pub dataset_type: DatasetType,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duration_seconds: Option<f64>,
}

/// The server's answer: where to send chunks, and how big they are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UploadTicket {
    pub upload_id: String,
    pub chunk_size: u64,
}

/// How many chunks a file of `size` bytes takes; an empty file still sends one.
pub fn chunk_count(size: u64, chunk_size: u64) -> u64 {
    size.div_ceil(chunk_size.max(1)).max(1)
}

/// The byte range `[start, end)` of chunk `index`.
pub fn chunk_range(index: u64, size: u64, chunk_size: u64) -> (u64, u64) {
    let start = index.saturating_mul(chunk_size).min(size);
    (start, start.saturating_add(chunk_size).min(size))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_cover_the_file_exactly() {
        let size = 10 * 1024 * 1024 * 1024u64;
        let chunk = 8 * 1024 * 1024;
        let n = chunk_count(size, chunk);
        assert_eq!(n, 1280);
        assert_eq!(chunk_range(0, size, chunk), (0, chunk));
        assert_eq!(chunk_range(n - 1, size, chunk).1, size);
        assert_eq!(chunk_count(10, 4), 3);
        assert_eq!(chunk_range(2, 10, 4), (8, 10));
        assert_eq!(chunk_count(0, 4), 1);
        assert_eq!(chunk_range(0, 0, 4), (0, 0));
    }

    #[test]
    fn requests_serialise_to_the_contract() {
        let req = UploadRequest {
            file_name: "a.wav".into(),
            size: 3,
            dataset_type: DatasetType::Audio,
            duration_seconds: None,
        };
        assert_eq!(serde_json::to_string(&req).unwrap(), r#"{"file_name":"a.wav","size":3,"type":"AUDIO"}"#);
    }
}
