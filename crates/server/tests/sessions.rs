//! STT Sessions over TCP: the audio goes up by the resumable upload protocol
//! first (`POST /uploads`), and a session is only made with that completed upload.

mod common;

use common::*;
use serde_json::{json, Value};

fn session(audio_upload_id: &str) -> Value {
    json!({ "mode": "transcription", "language": "en-US", "model_id": null, "audio_upload_id": audio_upload_id })
}

#[tokio::test]
async fn a_session_is_made_with_its_uploaded_audio_which_stays_on_disk() {
    let dir = data_dir("session-audio");
    let server = Server::start(&dir);
    let api = server.client(ADMIN);
    let file = wav(1024 * 1024 + 3_000);
    let start = json!({ "purpose": "session_audio", "file_name": "interview.wav", "size": file.len() });
    let ticket = api.post("/uploads", Some(start), None).await;
    assert_eq!(ticket.status, 201, "{}", ticket.body);
    let (upload_id, size) = (ticket.body["upload_id"].as_str().unwrap().to_owned(), chunk_size(&ticket.body));
    let chunks: Vec<&[u8]> = file.chunks(size).collect();
    assert_eq!(chunks.len(), 2);
    assert_eq!(api.send_chunk(&upload_id, 0, chunks[0]).await.status, 204);

    let early = api.post("/stt-sessions", Some(session(&upload_id)), None).await;
    assert_eq!((early.status, early.code()), (422, "audio_upload_incomplete"), "{}", early.body);
    assert_eq!(api.send_chunk(&upload_id, 1, chunks[1]).await.status, 204);
    let done = api.post(&format!("/uploads/{upload_id}/complete"), None, None).await;
    assert_eq!(done.status, 201, "{}", done.body);
    assert_eq!(
        (done.body["upload_id"].as_str(), done.body["purpose"].as_str(), done.body["size"].as_u64()),
        (Some(upload_id.as_str()), Some("session_audio"), Some(file.len() as u64))
    );

    let made = api.post("/stt-sessions", Some(session(&upload_id)), None).await;
    assert_eq!(made.status, 201, "{}", made.body);
    assert_eq!(made.body["audio_file_name"], "interview.wav", "named as the uploaded file");
    let stored = dir.join("audio").join(&upload_id);
    assert_eq!(std::fs::read(&stored).unwrap(), file, "the audio is on disk, whole, in order");
    let again = api.post("/stt-sessions", Some(session(&upload_id)), None).await;
    assert_eq!((again.status, again.code()), (422, "audio_upload_unknown"), "one session per audio");
    let listed = api.get("/stt-sessions").await;
    assert_eq!(listed.body["items"][0]["id"], made.body["id"]);

    // A restart keeps the session's audio and its link.
    server.kill();
    let server = Server::start(&dir);
    let api = server.client(ADMIN);
    assert!(stored.exists());
    let after = api.post("/stt-sessions", Some(session(&upload_id)), None).await;
    assert_eq!(after.code(), "audio_upload_unknown", "still taken after a restart");
}

#[tokio::test]
async fn a_session_without_its_audio_is_refused_with_the_documented_codes() {
    let server = Server::start(&data_dir("session-refusals"));
    let api = server.client(ADMIN);
    let unknown = api.post("/stt-sessions", Some(session("up_999")), None).await;
    assert_eq!((unknown.status, unknown.code()), (422, "audio_upload_unknown"), "{}", unknown.body);
    let old_shape = json!({ "mode": "transcription", "language": "en-US", "model_id": null,
        "audio_file_name": "call.wav", "audio_size": 10 });
    let missing = api.post("/stt-sessions", Some(old_shape), None).await;
    assert_eq!((missing.status, missing.code()), (400, "invalid_request"), "the name alone is no audio");
    // A dataset's upload is not a session's audio.
    let model = api.create_model("Not audio for sessions").await;
    let dataset = api.upload(model["id"].as_str().unwrap(), "d.wav", "AUDIO", &wav(64)).await;
    let by_dataset = api.post("/stt-sessions", Some(session(dataset["id"].as_str().unwrap())), None).await;
    assert_eq!(by_dataset.code(), "audio_upload_unknown");
    let not_audio = json!({ "purpose": "session_audio", "file_name": "notes.txt", "size": 10 });
    let refused = api.post("/uploads", Some(not_audio), None).await;
    assert_eq!((refused.status, refused.code()), (400, "invalid_audio_format"));
    let dataset_purpose = json!({ "purpose": "dataset", "file_name": "a.wav", "size": 10 });
    assert_eq!(api.post("/uploads", Some(dataset_purpose), None).await.code(), "invalid_request");
}
