//! The decoders against bodies a backend may send, odd ones included.

use super::*;
use crate::failure::TrainingFailure;

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
    for junk in ["<html><body>502 Bad Gateway</body></html>", "", "{\"items\":", "null", "[]", "42", "{\"items\":{}}"] {
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
    let datasets =
        decode_dataset_page(r#"{"items":[{"id":"d1","type":"VIDEO"},{"id":"d2","type":"AUDIO"},{"type":"AUDIO"}]}"#)
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
    assert_eq!(m.failure, Some(TrainingFailure::code_only(TrainingErrorCode::ValidationFailed)));
}

#[test]
fn a_failure_names_its_datasets_and_tolerates_junk_in_them() {
    let m = decode_model(
        r#"{"id":"m1","status":5,"failure_code":"validation_failed","failure":{"code":"invalid_transcript_format",
        "message":"1 transcript is not valid","datasets":[
            {"id":"ds_4","name":"calls.vtt","problems":[{"line":3,"message":"cue ends before it starts"},{"line":-2},7]},
            {"id":12,"problems":"none"},{"name":"  ","problems":[{"line":0,"message":"empty"}]},"junk",null]}}"#,
    )
    .unwrap();
    let failure = m.failure.unwrap();
    assert_eq!(failure.code, TrainingErrorCode::InvalidTranscriptFormat, "the object's code wins");
    assert_eq!(failure.message.as_deref(), Some("1 transcript is not valid"));
    let shown: Vec<_> = failure.datasets.iter().map(|d| (d.id.as_deref(), d.name.as_str(), d.problems.len())).collect();
    assert_eq!(shown, [(Some("ds_4"), "calls.vtt", 2), (Some("12"), "12", 0), (None, "A dataset", 1)]);
    assert_eq!(failure.datasets[0].problems[0].text(), "Line 3: cue ends before it starts");
    assert_eq!(failure.datasets[0].problems[1].line, None);
    assert_eq!(failure.datasets[2].problems[0].line, None, "line 0 is no line");
    for junk in [r#""failure":"oops""#, r#""failure":{"datasets":[]}"#, r#""failure":null"#] {
        let m = decode_model(&format!(r#"{{"id":"m1","status":5,{junk}}}"#)).unwrap();
        assert_eq!(m.failure, None, "{junk}");
    }
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
    let list = decode_sessions(r#"{"items":[{"mode":"transcription"},{"id":"s2","mode":"transcription"}]}"#).unwrap();
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
    let audio = decode_session_audio(r#"{"upload_id":"up1","purpose":"session_audio","file_name":"a.wav","size":9}"#);
    assert_eq!(audio.map(|a| (a.upload_id, a.size)).ok(), Some(("up1".into(), 9)));
    assert!(decode_session_audio(r#"{"file_name":"a.wav"}"#).is_err());
    assert!(decode_credits(r#"{"remaining":-1}"#).is_err());
}
