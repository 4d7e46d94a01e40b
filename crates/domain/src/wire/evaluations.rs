//! Tests of a trained model ("evaluations" in the contract) and their utterances.

use serde_json::Value;

use super::fields::{id, object, opt_str, opt_time, page, parse, DecodeError};
use crate::evaluation::{Evaluation, EvaluationStatus, Summary, Utterance};
use crate::query::Page;
use crate::wer::Counts;

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

pub(super) fn evaluation(value: &Value) -> Result<Evaluation, DecodeError> {
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

pub(super) fn utterance(value: &Value) -> Result<Utterance, DecodeError> {
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
