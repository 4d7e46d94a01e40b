//! The domain's values as the JSON of `docs/api.md`: the inverse of [`crate::wire`].
//! The mock answers in Rust values, not JSON; encoding them is how its answers are
//! checked against `docs/openapi.yaml` (see `backend`'s `contract` test), and decoding
//! the encoding again proves the two directions agree.

use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::{json, Value};

use crate::dataset_check::CheckStatus;
use crate::evaluation::{Evaluation, EvaluationStatus, Utterance};
use crate::language::Language;
use crate::query::Page;
use crate::role::User;
use crate::stt::SttSession;
use crate::upload::resume::UploadStatus;
use crate::upload::UploadTicket;
use crate::wer::Counts;
use crate::{CustomModel, Dataset, Named};

fn time(at: Option<DateTime<Utc>>) -> Value {
    at.map_or(Value::Null, |t| Value::String(t.to_rfc3339_opts(SecondsFormat::AutoSi, true)))
}

pub fn model(m: &CustomModel) -> Value {
    json!({
        "id": m.id, "name": m.name, "language": m.language, "organization_id": m.organization_id,
        "status": m.status.code(), "last_modified": time(m.last_modified),
        "failure_code": m.failure.as_ref().map(|f| f.code.code().to_owned()),
        "failure": m.failure.as_ref().map(failure),
        "from_model_id": m.from_model_id, "progress": m.progress, "estimated_finish": time(m.estimated_finish),
    })
}

fn failure(f: &crate::failure::TrainingFailure) -> Value {
    let datasets = f.datasets.iter().map(|d| json!({ "id": d.id, "name": d.name, "problems": problems(&d.problems) }));
    json!({ "code": f.code.code(), "message": f.message, "datasets": datasets.collect::<Vec<_>>() })
}

fn problems(list: &[crate::dataset_check::DatasetProblem]) -> Vec<Value> {
    list.iter().map(|p| json!({ "line": p.line, "message": p.message })).collect()
}

pub fn dataset(d: &Dataset) -> Value {
    json!({
        "id": d.id, "model_id": d.model_id, "name": d.name, "type": d.dataset_type.label(),
        "duration_seconds": d.duration_seconds, "url": d.url,
        "started_at": time(d.started_at), "finished_at": time(d.finished_at),
        "status": named(&d.check.status, CheckStatus::as_wire),
        "problems": problems(&d.check.problems),
    })
}

fn named<T: Copy>(value: &Named<T>, wire: fn(T) -> &'static str) -> String {
    match value {
        Named::Known(known) => wire(*known).to_owned(),
        Named::Other(raw) => raw.clone(),
    }
}

fn counts(c: &Counts) -> Value {
    json!({ "substitutions": c.substitutions, "deletions": c.deletions, "insertions": c.insertions, "reference_words": c.reference_words })
}

pub fn evaluation(e: &Evaluation) -> Value {
    json!({
        "id": e.id, "model_id": e.model_id, "name": e.name, "dataset_ids": e.dataset_ids,
        "status": named(&e.status, EvaluationStatus::as_wire),
        "created_at": time(e.created_at), "finished_at": time(e.finished_at), "failure_code": e.failure_code,
        "summary": e.summary.map(|s| json!({ "base": counts(&s.base), "custom": counts(&s.custom) })),
    })
}

pub fn utterance(u: &Utterance) -> Value {
    json!({ "file": u.file, "start": u.start, "end": u.end, "reference": u.reference, "base": u.base, "custom": u.custom })
}

pub fn page<T>(p: &Page<T>, item: fn(&T) -> Value) -> Value {
    json!({ "items": p.items.iter().map(item).collect::<Vec<_>>(), "total": p.total, "page": p.page, "page_size": p.page_size })
}

pub fn user(u: &User) -> Value {
    json!({ "id": u.id, "name": u.name, "role": u.role.as_wire(), "organization_id": u.organization_id })
}

pub fn languages(list: &[Language]) -> Value {
    let items: Vec<Value> =
        list.iter().map(|l| json!({ "code": l.code, "name": l.name, "trainable": l.trainable })).collect();
    json!({ "items": items })
}

pub fn credits(remaining: u64) -> Value {
    json!({ "remaining": remaining })
}

pub fn upload_ticket(t: &UploadTicket) -> Value {
    json!({ "upload_id": t.upload_id, "chunk_size": t.chunk_size })
}

/// A completed upload of a session's audio.
pub fn session_audio(a: &crate::upload::session_audio::SessionAudio) -> Value {
    json!({ "upload_id": a.upload_id, "purpose": "session_audio", "file_name": a.file_name, "size": a.size })
}

pub fn upload_status(s: &UploadStatus) -> Value {
    json!({ "upload_id": s.upload_id, "file_name": s.file_name, "size": s.size, "chunk_size": s.chunk_size, "received": s.received })
}

pub fn session(s: &SttSession) -> Value {
    let mode = named(&s.mode, |m| m.as_wire());
    json!({
        "id": s.id, "mode": mode, "language": s.language, "model_id": s.model_id, "model_name": s.model_name,
        "audio_file_name": s.audio_file_name, "transcript_file_name": s.transcript_file_name,
        "status": s.status.as_wire(), "created_at": time(s.created_at),
    })
}
