//! The backend's answers as the HTTP API would send them, for the contract check:
//! every endpoint is called on a seeded store (refusals included), each answer is
//! encoded as JSON, decoded again to prove the encoding faithful, and written to
//! `target/mock-answers.json`. The Playwright suite's `mock-contract` spec checks
//! that file against `docs/openapi.yaml`, as it checks the fake backend's answers.

use serde_json::{json, Value};

use super::session_audio::Completed;
use super::test_support::now;
use super::*;
use domain::{encode, wire};

/// Where the answers go; the e2e suite reads them from there.
const ANSWERS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../target/mock-answers.json");

struct Answers(Vec<Value>);

impl Answers {
    fn ok(&mut self, method: &str, path: &str, status: u16, body: Value) {
        self.0.push(json!({ "method": method, "path": path, "status": status, "body": body }));
    }

    fn refused(&mut self, method: &str, path: &str, err: Refusal) {
        let body = json!({ "error": err.code, "message": err.message });
        self.0.push(json!({ "method": method, "path": path, "status": err.status, "body": body }));
    }
}

/// Tests of the seeded trained model, and a version of it.
fn evaluations_and_versions(store: &mut Store, out: &mut Answers) {
    use domain::evaluation::{UtteranceFilter, UtteranceSort};
    let text = |v: &Value| v.to_string();
    let trained = store.evaluations[0].model_id().to_owned();
    let tests = store.list_evaluations(&trained, 1, 25).unwrap();
    let body = encode::page(&tests, encode::evaluation);
    assert_eq!(wire::decode_evaluation_page(&text(&body)).unwrap().items, tests.items);
    out.ok("GET", &format!("/custom-models/{trained}/evaluations"), 200, body);
    let done = &tests.items[0];
    out.ok("GET", &format!("/evaluations/{}", done.id), 200, encode::evaluation(done));
    for filter in UtteranceFilter::ALL {
        let page = store.utterances(&done.id, 1, 25, filter, UtteranceSort::MostImproved).unwrap();
        let body = encode::page(&page, encode::utterance);
        assert_eq!(wire::decode_utterance_page(&text(&body)).unwrap().items, page.items);
        out.ok("GET", &format!("/evaluations/{}/utterances", done.id), 200, body);
    }
    let ids = done.dataset_ids.clone();
    let queued = store.create_evaluation(&trained, "Contract test", &ids, now()).unwrap();
    out.ok("POST", &format!("/custom-models/{trained}/evaluations"), 201, encode::evaluation(&queued));
    out.refused(
        "POST",
        &format!("/custom-models/{trained}/evaluations"),
        store.create_evaluation(&trained, "No data", &[], now()).unwrap_err(),
    );
    out.refused("GET", "/evaluations/gone", store.evaluation("gone").unwrap_err());
    let version = store.create_version(&trained, "Contract v2", now()).unwrap();
    assert_eq!(wire::decode_model(&text(&encode::model(&version))).unwrap(), version);
    out.ok("POST", "/custom-models", 201, encode::model(&version));
    out.ok("GET", "/custom-models", 200, encode::page(&store.versions(&trained).unwrap(), encode::model));
}

#[test]
fn every_answer_encodes_and_decodes_back_and_is_written_for_the_contract_check() {
    let mut store = Store::seeded(now(), 1_000);
    let mut out = Answers(Vec::new());
    let text = |v: &Value| v.to_string();

    out.ok("GET", "/me", 200, encode::user(&store.user));
    assert_eq!(wire::decode_user(&text(&encode::user(&store.user))).unwrap(), store.user);
    let languages = encode::languages(&store.languages);
    assert_eq!(wire::decode_languages(&text(&languages)).unwrap(), store.languages);
    out.ok("GET", "/languages", 200, languages);
    out.ok("GET", "/credits", 200, encode::credits(store.credits));

    for query in super::test_support::queries().into_iter().take(8) {
        let page = store.list_models(&query);
        let body = encode::page(&page, encode::model);
        assert_eq!(wire::decode_model_page(&text(&body)).unwrap().items, page.items);
        out.ok("GET", "/custom-models", 200, body);
    }
    let models = store.all_models();
    for m in &models {
        let body = encode::model(m);
        assert_eq!(&wire::decode_model(&text(&body)).unwrap(), m);
        out.ok("GET", &format!("/custom-models/{}", m.id), 200, body);
        let datasets = store.list_datasets(&m.id, 1, 100).unwrap();
        let body = encode::page(&datasets, encode::dataset);
        let decoded = wire::decode_dataset_page(&text(&body)).unwrap();
        let without_checks = |d: &Dataset| Dataset { content_problem: None, ..d.clone() };
        assert_eq!(decoded.items, datasets.items.iter().map(without_checks).collect::<Vec<_>>());
        out.ok("GET", &format!("/custom-models/{}/datasets", m.id), 200, body);
    }
    out.refused("GET", "/custom-models/nope", store.model("nope").unwrap_err());

    let created = store.create_model("Contract", "en-US", now()).unwrap();
    out.ok("POST", "/custom-models", 201, encode::model(&created));
    out.refused("POST", "/custom-models", store.create_model(" ", "en-US", now()).unwrap_err());
    let renamed = store.rename_model(&created.id, "Contract 2", now()).unwrap();
    out.ok("PATCH", &format!("/custom-models/{}", created.id), 200, encode::model(&renamed));
    out.refused(
        "POST",
        &format!("/custom-models/{}/train", created.id),
        store.start_training(&created.id, now()).unwrap_err(),
    );

    let request = domain::upload::UploadRequest {
        file_name: "calls.txt".into(),
        size: 3,
        dataset_type: DatasetType::Transcript,
        duration_seconds: None,
    };
    let ticket = store.start_upload(&created.id, request, now()).unwrap();
    out.ok("POST", &format!("/custom-models/{}/uploads", created.id), 201, encode::upload_ticket(&ticket));
    store.receive_chunk(&ticket.upload_id, 0, Some(b"one")).unwrap();
    let status = store.upload_status(&ticket.upload_id).unwrap();
    out.ok("GET", &format!("/uploads/{}", ticket.upload_id), 200, encode::upload_status(&status));
    let dataset = store.complete_upload(&ticket.upload_id, now()).unwrap().dataset().unwrap();
    out.ok("POST", &format!("/uploads/{}/complete", ticket.upload_id), 201, encode::dataset(&dataset));
    out.refused("GET", "/uploads/gone", store.upload_status("gone").unwrap_err());
    out.refused(
        "POST",
        &format!("/custom-models/{}/train", created.id),
        store.start_training(&created.id, now()).unwrap_err(),
    );
    store.advance(now() + Duration::seconds(2));
    let trained = store.start_training(&created.id, now()).unwrap();
    out.ok("POST", &format!("/custom-models/{}/train", created.id), 200, encode::model(&trained));
    let cancel = format!("/custom-models/{}/train/cancel", created.id);
    store.set_role(Role::Member);
    out.refused("POST", &cancel, store.cancel_training(&created.id, now()).unwrap_err());
    store.set_role(Role::OrgAdmin);
    let cancelled = store.cancel_training(&created.id, now()).unwrap();
    assert_eq!(wire::decode_model(&text(&encode::model(&cancelled))).unwrap(), cancelled);
    out.ok("POST", &cancel, 200, encode::model(&cancelled));
    out.refused("POST", &cancel, store.cancel_training(&created.id, now()).unwrap_err());
    let failed = store.all_models().into_iter().find(|m| m.failure.as_ref().is_some_and(|f| !f.datasets.is_empty()));
    let failed = failed.expect("a seeded failure names its datasets");
    assert_eq!(wire::decode_model(&text(&encode::model(&failed))).unwrap(), failed);
    out.ok("GET", &format!("/custom-models/{}", failed.id), 200, encode::model(&failed));

    evaluations_and_versions(&mut store, &mut out);

    let audio = SessionAudioRequest::new("call.wav".into(), 12);
    let ticket = store.start_session_audio(audio, now()).unwrap();
    out.ok("POST", "/uploads", 201, encode::upload_ticket(&ticket));
    store.receive_chunk(&ticket.upload_id, 0, Some(b"RIFF\x24\x00\x00\x00WAVE")).unwrap();
    let Ok(Completed::SessionAudio(audio)) = store.complete_upload(&ticket.upload_id, now()) else {
        panic!("session audio completes as such")
    };
    let body = encode::session_audio(&audio);
    assert_eq!(wire::decode_session_audio(&text(&body)).unwrap(), audio);
    out.ok("POST", &format!("/uploads/{}/complete", audio.upload_id), 201, body);
    let session = SessionRequest {
        mode: SessionMode::Transcription,
        language: "en-US".into(),
        model_id: None,
        audio_upload_id: audio.upload_id.clone(),
        transcript_file_name: None,
    };
    out.refused(
        "POST",
        "/stt-sessions",
        store
            .create_session(SessionRequest { audio_upload_id: "up_none".into(), ..session.clone() }, now())
            .unwrap_err(),
    );
    let started = store.create_session(session, now()).unwrap();
    out.ok("POST", "/stt-sessions", 201, encode::session(&started));
    // The first page of sessions as GET /stt-sessions?page=1&page_size=25 answers it.
    let recent = store.recent_sessions(25);
    let page = Page { total: recent.len() as u64, page: 1, page_size: 25, skipped: 0, items: recent.clone() };
    let body = encode::page(&page, encode::session);
    assert_eq!(wire::decode_sessions(&text(&body)).unwrap().items, recent);
    out.ok("GET", "/stt-sessions", 200, body);

    assert!(out.0.len() > 50, "every seeded model is answered for");
    let written = serde_json::to_string_pretty(&out.0).unwrap();
    if let Some(dir) = std::path::Path::new(ANSWERS).parent() {
        std::fs::create_dir_all(dir).unwrap();
    }
    std::fs::write(ANSWERS, written).unwrap();
}
