//! The JSON of `docs/api.md`, decoded from untrusted text. Nothing here panics:
//! a body that is not what the contract says becomes a [`DecodeError`], and a
//! field that is merely missing or null takes a safe default. Values from lists a
//! newer backend may extend (statuses, types, modes) are kept as sent, and a list
//! item that cannot be shown at all (no id) is left out and counted, so one odd
//! item never blanks a page.

use serde_json::{Map, Value};

mod evaluations;
mod fields;
#[cfg(test)]
mod tests;

pub use evaluations::{decode_evaluation, decode_evaluation_page, decode_utterance_page};
pub use fields::DecodeError;

use fields::{id, object, opt_str, opt_time, page, parse};

use crate::dataset::{Dataset, DatasetType};
use crate::dataset_check::{CheckStatus, DatasetCheck, DatasetProblem};
use crate::failure::{FailedDataset, TrainingFailure};
use crate::language::Language;
use crate::model::CustomModel;
use crate::query::Page;
use crate::role::{Role, User};
use crate::status::TrainingStatus;
use crate::training::TrainingErrorCode;

/// The error body every failing endpoint sends: `{"error": code, "message": text}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ErrorBody {
    pub code: crate::ErrorCode,
    pub message: Option<String>,
}

/// The error body, when the text is one; an HTML error page or junk gives `None`.
pub fn decode_error_body(text: &str) -> Option<ErrorBody> {
    let value: Value = serde_json::from_str(text).ok()?;
    let map = value.as_object()?;
    let code = crate::ErrorCode::from_wire(&opt_str(map, "error")?);
    Some(ErrorBody { code, message: opt_str(map, "message") })
}

pub fn decode_model(text: &str) -> Result<CustomModel, DecodeError> {
    model(&parse(text)?)
}

pub fn decode_model_page(text: &str) -> Result<Page<CustomModel>, DecodeError> {
    page(&parse(text)?, model)
}

pub fn decode_dataset(text: &str) -> Result<Dataset, DecodeError> {
    dataset(&parse(text)?)
}

pub fn decode_dataset_page(text: &str) -> Result<Page<Dataset>, DecodeError> {
    page(&parse(text)?, dataset)
}

pub fn decode_user(text: &str) -> Result<User, DecodeError> {
    let value = parse(text)?;
    let map = object(&value, "user")?;
    Ok(User {
        id: id(map, "user")?,
        name: opt_str(map, "name").unwrap_or_default(),
        role: opt_str(map, "role").map_or(Role::Member, |r| Role::from_wire(&r)),
        organization_id: opt_str(map, "organization_id").filter(|o| !o.is_empty()),
    })
}

pub fn decode_languages(text: &str) -> Result<Vec<Language>, DecodeError> {
    let value = parse(text)?;
    let items = object(&value, "language list")?
        .get("items")
        .and_then(Value::as_array)
        .ok_or_else(|| DecodeError("the language list has no items".into()))?;
    Ok(items
        .iter()
        .filter_map(Value::as_object)
        .filter_map(|map| {
            let code = opt_str(map, "code")?;
            Some(Language {
                name: opt_str(map, "name").unwrap_or_else(|| code.clone()),
                trainable: map.get("trainable").and_then(Value::as_bool).unwrap_or(false),
                code,
            })
        })
        .collect())
}

/// The answer to starting an upload.
pub fn decode_upload_ticket(text: &str) -> Result<crate::upload::UploadTicket, DecodeError> {
    let value = parse(text)?;
    let map = object(&value, "upload")?;
    let upload_id = opt_str(map, "upload_id")
        .filter(|id| !id.is_empty())
        .ok_or_else(|| DecodeError("the upload has no id".into()))?;
    let chunk_size = map
        .get("chunk_size")
        .and_then(Value::as_u64)
        .filter(|size| *size > 0)
        .ok_or_else(|| DecodeError("the upload has no usable chunk size".into()))?;
    Ok(crate::upload::UploadTicket { upload_id, chunk_size })
}

/// The answer to completing a session's audio upload: the upload's id, which the
/// session request names, with the file it holds.
pub fn decode_session_audio(text: &str) -> Result<crate::upload::session_audio::SessionAudio, DecodeError> {
    let value = parse(text)?;
    let map = object(&value, "upload")?;
    let upload_id = opt_str(map, "upload_id")
        .filter(|id| !id.is_empty())
        .ok_or_else(|| DecodeError("the completed upload has no id".into()))?;
    Ok(crate::upload::session_audio::SessionAudio {
        upload_id,
        file_name: opt_str(map, "file_name").unwrap_or_default(),
        size: map.get("size").and_then(Value::as_u64).unwrap_or(0),
    })
}

pub fn decode_session(text: &str) -> Result<crate::stt::SttSession, DecodeError> {
    session(&parse(text)?)
}

/// Recent sessions; like every list, items without an id are left out and counted.
pub fn decode_sessions(text: &str) -> Result<Page<crate::stt::SttSession>, DecodeError> {
    page(&parse(text)?, session)
}

fn session(value: &Value) -> Result<crate::stt::SttSession, DecodeError> {
    let map = object(value, "session")?;
    let id = id(map, "session")?;
    let mode = crate::Named::read(&opt_str(map, "mode").unwrap_or_default(), crate::stt::SessionMode::from_wire);
    Ok(crate::stt::SttSession {
        mode,
        language: opt_str(map, "language").unwrap_or_default(),
        model_id: opt_str(map, "model_id"),
        model_name: opt_str(map, "model_name"),
        audio_file_name: opt_str(map, "audio_file_name").unwrap_or_default(),
        transcript_file_name: opt_str(map, "transcript_file_name"),
        status: opt_str(map, "status").map_or(crate::stt::SessionStatus::Queued, crate::stt::SessionStatus::from),
        created_at: opt_time(map, "created_at"),
        id,
    })
}

/// The organisation's remaining training credits.
pub fn decode_credits(text: &str) -> Result<u64, DecodeError> {
    let value = parse(text)?;
    object(&value, "credits")?
        .get("remaining")
        .and_then(Value::as_u64)
        .ok_or_else(|| DecodeError("the credits response has no remaining count".into()))
}

fn model(value: &Value) -> Result<CustomModel, DecodeError> {
    let map = object(value, "model")?;
    let id = id(map, "model")?;
    let raw_status = map.get("status").unwrap_or(&Value::Null);
    let status = TrainingStatus::from_wire(raw_status);
    let status_text = (status == TrainingStatus::Unknown).then(|| match raw_status {
        Value::String(s) => s.clone(),
        Value::Null => "none".to_owned(),
        other => other.to_string(),
    });
    Ok(CustomModel {
        status_text,
        name: opt_str(map, "name").unwrap_or_default(),
        language: opt_str(map, "language").unwrap_or_default(),
        organization_id: opt_str(map, "organization_id").unwrap_or_default(),
        status,
        last_modified: opt_time(map, "last_modified"),
        failure: failure(map),
        from_model_id: opt_str(map, "from_model_id").filter(|id| !id.is_empty()),
        progress: map
            .get("progress")
            .and_then(Value::as_f64)
            .filter(|p| p.is_finite())
            .map(|p| p.clamp(0.0, 100.0) as u8),
        estimated_finish: opt_time(map, "estimated_finish"),
        id,
    })
}

fn dataset(value: &Value) -> Result<Dataset, DecodeError> {
    let map = object(value, "dataset")?;
    let id = id(map, "dataset")?;
    let dataset_type = crate::Named::read(&opt_str(map, "type").unwrap_or_default(), DatasetType::from_name);
    Ok(Dataset {
        model_id: opt_str(map, "model_id").unwrap_or_default(),
        name: opt_str(map, "name").unwrap_or_default(),
        dataset_type,
        duration_seconds: map.get("duration_seconds").and_then(Value::as_f64).filter(|d| d.is_finite() && *d >= 0.0),
        url: opt_str(map, "url"),
        started_at: opt_time(map, "started_at"),
        finished_at: opt_time(map, "finished_at"),
        content_problem: None,
        check: check(map),
        id,
    })
}

/// A dataset's check; absent (an older backend) means valid.
fn check(map: &Map<String, Value>) -> DatasetCheck {
    let Some(raw) = opt_str(map, "status") else { return DatasetCheck::default() };
    DatasetCheck { status: crate::Named::read(&raw, CheckStatus::from_wire), problems: problems(map) }
}

/// The `problems` of a dataset or of a failed training's dataset; items that are not objects are left out.
fn problems(map: &Map<String, Value>) -> Vec<DatasetProblem> {
    let items = map.get("problems").and_then(Value::as_array).map_or(&[][..], Vec::as_slice);
    items
        .iter()
        .filter_map(Value::as_object)
        .map(|p| DatasetProblem {
            line: p.get("line").and_then(Value::as_u64).and_then(|l| u32::try_from(l).ok()).filter(|l| *l > 0),
            message: opt_str(p, "message").unwrap_or_else(|| "a problem the server did not describe".into()),
        })
        .collect()
}

/// Why a training failed: the `failure` object, else (an older backend) only
/// `failure_code`. A failure without any code is none.
fn failure(map: &Map<String, Value>) -> Option<TrainingFailure> {
    let detail = map.get("failure").and_then(Value::as_object);
    let code = detail.and_then(|d| opt_str(d, "code")).or_else(|| opt_str(map, "failure_code"))?;
    let mut failure = TrainingFailure::code_only(TrainingErrorCode::from_code(&code));
    let Some(detail) = detail else { return Some(failure) };
    failure.message = opt_str(detail, "message");
    let datasets = detail.get("datasets").and_then(Value::as_array).map_or(&[][..], Vec::as_slice);
    failure.datasets = datasets
        .iter()
        .filter_map(Value::as_object)
        .map(|d| {
            let id = match d.get("id") {
                Some(Value::String(s)) if !s.is_empty() => Some(s.clone()),
                Some(Value::Number(n)) => Some(n.to_string()),
                _ => None,
            };
            let name = opt_str(d, "name").filter(|n| !n.trim().is_empty());
            FailedDataset {
                name: name.or_else(|| id.clone()).unwrap_or_else(|| "A dataset".into()),
                id,
                problems: problems(d),
            }
        })
        .collect();
    Some(failure)
}
