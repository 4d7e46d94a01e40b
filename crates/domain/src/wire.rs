//! The JSON of `docs/api.md`, decoded from untrusted text. Nothing here panics:
//! a body that is not what the contract says becomes a [`DecodeError`], and a
//! field that is merely missing or null takes a safe default. Values from lists a
//! newer backend may extend (statuses, types, modes) are kept as sent, and a list
//! item that cannot be shown at all (no id) is left out and counted, so one odd
//! item never blanks a page.

use chrono::{DateTime, Utc};
use serde_json::{Map, Value};

use crate::dataset::{Dataset, DatasetType};
use crate::dataset_check::{CheckStatus, DatasetCheck, DatasetProblem};
use crate::evaluation::{Evaluation, EvaluationStatus, Summary, Utterance};
use crate::language::Language;
use crate::model::CustomModel;
use crate::query::Page;
use crate::role::{Role, User};
use crate::status::TrainingStatus;
use crate::training::TrainingErrorCode;
use crate::wer::Counts;

/// A response body that does not follow the contract.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodeError(pub String);

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

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

fn parse(text: &str) -> Result<Value, DecodeError> {
    serde_json::from_str(text).map_err(|e| DecodeError(format!("the server sent something that is not JSON ({e})")))
}

fn object<'a>(value: &'a Value, what: &str) -> Result<&'a Map<String, Value>, DecodeError> {
    value.as_object().ok_or_else(|| DecodeError(format!("expected a {what} object")))
}

fn page<T>(value: &Value, item: fn(&Value) -> Result<T, DecodeError>) -> Result<Page<T>, DecodeError> {
    let map = object(value, "page")?;
    let raw = map.get("items").and_then(Value::as_array).ok_or_else(|| DecodeError("the list has no items".into()))?;
    let items: Vec<T> = raw.iter().filter_map(|value| item(value).ok()).collect();
    let skipped = u32::try_from(raw.len() - items.len()).unwrap_or(u32::MAX);
    let count = |key| map.get(key).and_then(Value::as_u64);
    Ok(Page {
        skipped,
        total: count("total").unwrap_or(items.len() as u64),
        page: count("page").and_then(|p| u32::try_from(p).ok()).unwrap_or(1),
        page_size: count("page_size").and_then(|p| u32::try_from(p).ok()).unwrap_or(items.len() as u32),
        items,
    })
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
        failure: opt_str(map, "failure_code").map(|c| TrainingErrorCode::from_code(&c)),
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
    let problems = map.get("problems").and_then(Value::as_array).map_or_else(Vec::new, |items| {
        items
            .iter()
            .filter_map(Value::as_object)
            .map(|p| DatasetProblem {
                line: p.get("line").and_then(Value::as_u64).and_then(|l| u32::try_from(l).ok()),
                message: opt_str(p, "message").unwrap_or_else(|| "a problem the server did not describe".into()),
            })
            .collect()
    });
    DatasetCheck { status: crate::Named::read(&raw, CheckStatus::from_wire), problems }
}

pub fn decode_evaluation(text: &str) -> Result<Evaluation, DecodeError> {
    evaluation(&parse(text)?)
}

pub fn decode_evaluation_page(text: &str) -> Result<Page<Evaluation>, DecodeError> {
    page(&parse(text)?, evaluation)
}

/// Utterances have no id; an item that is not an object is left out and counted.
pub fn decode_utterance_page(text: &str) -> Result<Page<Utterance>, DecodeError> {
    page(&parse(text)?, utterance)
}

fn evaluation(value: &Value) -> Result<Evaluation, DecodeError> {
    let map = object(value, "test")?;
    let id = id(map, "test")?;
    let counts = |side: &str| -> Option<Counts> {
        let m = map.get("summary")?.as_object()?.get(side)?.as_object()?;
        let n = |key| m.get(key).and_then(Value::as_u64).and_then(|v| u32::try_from(v).ok()).unwrap_or(0);
        Some(Counts {
            substitutions: n("substitutions"),
            deletions: n("deletions"),
            insertions: n("insertions"),
            reference_words: n("reference_words"),
        })
    };
    let summary = counts("base").zip(counts("custom")).map(|(base, custom)| Summary { base, custom });
    Ok(Evaluation {
        model_id: opt_str(map, "model_id").unwrap_or_default(),
        name: opt_str(map, "name").unwrap_or_default(),
        dataset_ids: map
            .get("dataset_ids")
            .and_then(Value::as_array)
            .map(|ids| ids.iter().filter_map(Value::as_str).map(str::to_owned).collect())
            .unwrap_or_default(),
        status: crate::Named::read(&opt_str(map, "status").unwrap_or_default(), EvaluationStatus::from_wire),
        created_at: opt_time(map, "created_at"),
        finished_at: opt_time(map, "finished_at"),
        failure_code: opt_str(map, "failure_code"),
        summary,
        id,
    })
}

fn utterance(value: &Value) -> Result<Utterance, DecodeError> {
    let map = object(value, "utterance")?;
    let seconds = |key| map.get(key).and_then(Value::as_f64).filter(|s| s.is_finite() && *s >= 0.0);
    Ok(Utterance {
        file: opt_str(map, "file").unwrap_or_default(),
        start: seconds("start"),
        end: seconds("end"),
        reference: opt_str(map, "reference").unwrap_or_default(),
        base: opt_str(map, "base").unwrap_or_default(),
        custom: opt_str(map, "custom").unwrap_or_default(),
    })
}

/// Ids are strings in the contract; numeric ids are accepted as their decimal text.
fn id(map: &Map<String, Value>, what: &str) -> Result<String, DecodeError> {
    match map.get("id") {
        Some(Value::String(s)) if !s.is_empty() => Ok(s.clone()),
        Some(Value::Number(n)) => Ok(n.to_string()),
        _ => Err(DecodeError(format!("a {what} without an id"))),
    }
}

fn opt_str(map: &Map<String, Value>, key: &str) -> Option<String> {
    map.get(key).and_then(Value::as_str).map(str::to_owned)
}

fn opt_time(map: &Map<String, Value>, key: &str) -> Option<DateTime<Utc>> {
    let raw = map.get(key).and_then(Value::as_str)?;
    DateTime::parse_from_rfc3339(raw).ok().map(|t| t.with_timezone(&Utc))
}

#[cfg(test)]
mod tests {
    use super::*;

    const MODEL: &str = r#"{"id":"m1","name":"Call centre","language":"en-US","organization_id":"org1",
        "status":3,"last_modified":"2026-11-20T10:00:00Z","failure_code":null}"#;

    #[test]
    fn decodes_a_model_page() {
        let text = format!(r#"{{"items":[{MODEL}],"total":51,"page":2,"page_size":25}}"#);
        let page = decode_model_page(&text).unwrap();
        assert_eq!((page.total, page.page, page.page_size), (51, 2, 25));
        let m = &page.items[0];
        assert_eq!((m.id.as_str(), m.name.as_str(), m.status), ("m1", "Call centre", TrainingStatus::Running));
        assert_eq!(m.last_modified.unwrap().to_rfc3339(), "2026-11-20T10:00:00+00:00");
        assert_eq!(m.failure, None);
    }

    #[test]
    fn html_and_malformed_bodies_are_errors_not_panics() {
        for junk in
            ["<html><body>502 Bad Gateway</body></html>", "", "{\"items\":", "null", "[]", "42", "{\"items\":{}}"]
        {
            assert!(decode_model_page(junk).is_err(), "{junk:?}");
            assert!(decode_model(junk).is_err(), "{junk:?}");
            assert!(decode_user(junk).is_err(), "{junk:?}");
        }
    }

    #[test]
    fn unknown_statuses_are_kept_as_sent_not_errors() {
        let m = decode_model(r#"{"id":"m1","status":9}"#).unwrap();
        assert_eq!((m.status, m.status_text.as_deref()), (TrainingStatus::Unknown, Some("9")));
        let m = decode_model(r#"{"id":"m1","status":"Validating"}"#).unwrap();
        assert_eq!((m.status, m.status_text.as_deref()), (TrainingStatus::Unknown, Some("Validating")));
        let m = decode_model(r#"{"id":"m1","status":"3"}"#).unwrap();
        assert_eq!((m.status, m.status_text), (TrainingStatus::Running, None));
        assert_eq!(decode_model(r#"{"id":"m1"}"#).unwrap().status_text.as_deref(), Some("none"));
    }

    #[test]
    fn one_odd_item_never_blanks_a_page() {
        let text = format!(
            r#"{{"items":[{MODEL},{{"id":"m2","status":{{"nested":true}}}},{{"name":"no id","status":1}},{{"id":""}},42,null],"total":6}}"#
        );
        let page = decode_model_page(&text).unwrap();
        let ids: Vec<_> = page.items.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(ids, ["m1", "m2"]);
        assert_eq!((page.skipped, page.total), (4, 6));
        let datasets = decode_dataset_page(
            r#"{"items":[{"id":"d1","type":"VIDEO"},{"id":"d2","type":"AUDIO"},{"type":"AUDIO"}]}"#,
        )
        .unwrap();
        assert_eq!(datasets.items[0].dataset_type.label(), "VIDEO");
        assert_eq!(datasets.items[1].dataset_type.known(), Some(DatasetType::Audio));
        assert_eq!(datasets.skipped, 1);
    }

    #[test]
    fn null_fields_take_safe_defaults() {
        let m = decode_model(r#"{"id":7,"name":null,"language":null,"status":1,"last_modified":"yesterday","failure_code":"validation_failed"}"#).unwrap();
        assert_eq!(m.id, "7");
        assert_eq!(m.name, "");
        assert_eq!(m.last_modified, None);
        assert_eq!(m.failure, Some(TrainingErrorCode::ValidationFailed));
    }

    #[test]
    fn unknown_roles_and_missing_organisations_decode_to_least_privilege() {
        let u = decode_user(r#"{"id":"u1","name":"Ana","role":"GOD","organization_id":null}"#).unwrap();
        assert_eq!(u.role, Role::Member);
        assert_eq!(u.organization_id, None);
        let u = decode_user(r#"{"id":"u1","role":"SYSOP","organization_id":"o"}"#).unwrap();
        assert_eq!(u.role, Role::SysOp);
    }

    #[test]
    fn sessions_of_unknown_modes_are_kept() {
        let s = decode_session(
            r#"{"id":"s1","mode":"force_alignment","language":"de-DE","model_id":null,"audio_file_name":"a.wav"}"#,
        )
        .unwrap();
        assert_eq!(s.mode, crate::Named::Known(crate::stt::SessionMode::ForceAlignment));
        assert_eq!(s.status, crate::stt::SessionStatus::Queued);
        assert_eq!(decode_session(r#"{"id":"s1","mode":"karaoke"}"#).unwrap().mode.label(), "karaoke");
        let list =
            decode_sessions(r#"{"items":[{"mode":"transcription"},{"id":"s2","mode":"transcription"}]}"#).unwrap();
        assert_eq!((list.items.len(), list.skipped), (1, 1));
    }

    #[test]
    fn error_bodies_are_read_when_present() {
        assert_eq!(
            decode_error_body(r#"{"error":"no-claims-available","message":"No credits"}"#),
            Some(ErrorBody {
                code: crate::ErrorCode::Training(TrainingErrorCode::NoClaimsAvailable),
                message: Some("No credits".into())
            })
        );
        assert_eq!(decode_error_body("<h1>Internal Server Error</h1>"), None);
        assert_eq!(decode_error_body(r#"{"message":"no code"}"#), None);
    }

    #[test]
    fn evaluations_read_leniently() {
        let e = decode_evaluation(
            r#"{"id":"ev1","model_id":"m1","name":"Holdout","dataset_ids":["d1",7],"status":"succeeded",
            "summary":{"base":{"substitutions":3,"deletions":1,"insertions":0,"reference_words":40},
            "custom":{"substitutions":1,"deletions":"x","insertions":1,"reference_words":40}}}"#,
        )
        .unwrap();
        assert_eq!(e.dataset_ids, ["d1"]);
        let summary = e.summary.unwrap();
        assert_eq!((summary.base.errors(), summary.custom.errors(), summary.custom.reference_words), (4, 2, 40));
        let odd = decode_evaluation(r#"{"id":"ev2","status":"scoring","summary":{"base":{}}}"#).unwrap();
        assert_eq!((odd.status.label(), odd.summary), ("scoring", None));
        assert!(decode_evaluation(r#"{"status":"queued"}"#).is_err());
        let page = decode_utterance_page(
            r#"{"items":[{"file":"a.srt","start":1.5,"end":-2,"reference":"<b>hi</b>","base":null,"custom":"hi"},3],"total":2}"#,
        )
        .unwrap();
        assert_eq!((page.items.len(), page.skipped), (1, 1));
        assert_eq!((page.items[0].start, page.items[0].end, page.items[0].base.as_str()), (Some(1.5), None, ""));
    }

    #[test]
    fn dataset_checks_and_progress_are_optional() {
        let d = decode_dataset(r#"{"id":"d1","type":"TEST"}"#).unwrap();
        assert_eq!(d.check, DatasetCheck::default());
        let d = decode_dataset(
            r#"{"id":"d1","status":"invalid","problems":[{"line":12,"message":"cue ends before it starts"},{"line":-1},"x"]}"#,
        )
        .unwrap();
        assert!(d.check.is_invalid());
        let texts: Vec<String> = d.check.problems.iter().map(DatasetProblem::text).collect();
        assert_eq!(texts, ["Line 12: cue ends before it starts", "a problem the server did not describe"]);
        let m = decode_model(
            r#"{"id":"m1","status":3,"progress":250,"estimated_finish":"2026-11-24T12:10:00Z","from_model_id":"m0"}"#,
        )
        .unwrap();
        assert_eq!((m.progress, m.from_model_id.as_deref()), (Some(100), Some("m0")));
        assert!(m.estimated_finish.is_some());
        assert_eq!(decode_model(r#"{"id":"m1","progress":"half"}"#).unwrap().progress, None);
    }

    #[test]
    fn languages_skip_entries_without_a_code() {
        let langs = decode_languages(
            r#"{"items":[{"code":"en-US","name":"English","trainable":true},{"name":"?"},{"code":"xx"}]}"#,
        )
        .unwrap();
        assert_eq!(langs.len(), 2);
        assert_eq!(langs[1], Language { code: "xx".into(), name: "xx".into(), trainable: false });
    }

    #[test]
    fn datasets_keep_unknown_types_and_drop_impossible_durations() {
        let d = decode_dataset(r#"{"id":"d1","type":"audio","duration_seconds":-5,"url":"javascript:x"}"#).unwrap();
        assert_eq!(d.dataset_type.known(), Some(DatasetType::Audio));
        assert_eq!(d.duration_seconds, None);
        assert_eq!(decode_dataset(r#"{"id":"d1","type":"VIDEO"}"#).unwrap().dataset_type.label(), "VIDEO");
        assert_eq!(decode_credits(r#"{"remaining":3}"#), Ok(3));
        assert_eq!(decode_upload_ticket(r#"{"upload_id":"up1","chunk_size":8}"#).unwrap().chunk_size, 8);
        assert!(decode_upload_ticket(r#"{"upload_id":"up1","chunk_size":0}"#).is_err());
        assert!(decode_upload_ticket(r#"{"chunk_size":8}"#).is_err());
        assert!(decode_credits(r#"{"remaining":-1}"#).is_err());
    }
}
