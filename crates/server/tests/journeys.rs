//! The server as the console uses it, over TCP: models, chunked uploads that
//! survive a restart, trainings that end, tests, live updates.

mod common;

use std::time::Duration;

use common::*;
use futures_util::StreamExt;
use serde_json::json;

#[tokio::test]
async fn an_upload_interrupted_by_a_restart_resumes_and_makes_one_dataset() {
    let dir = data_dir("resume");
    let server = Server::start(&dir);
    let api = server.client(ADMIN);
    let model = api.create_model("Resumed").await;
    let model_id = model["id"].as_str().unwrap();
    let file = wav(2 * 1024 * 1024 + 5_000);
    let ticket = api.start_upload(model_id, "calls ../../etc/passwd.wav", "AUDIO", file.len()).await;
    let (upload_id, size) = (ticket["upload_id"].as_str().unwrap().to_owned(), chunk_size(&ticket));
    let chunks: Vec<&[u8]> = file.chunks(size).collect();
    assert_eq!(chunks.len(), 3);
    assert_eq!(api.send_chunk(&upload_id, 2, chunks[2]).await.status, 204);
    assert_eq!(api.send_chunk(&upload_id, 0, chunks[0]).await.status, 204);
    server.kill();

    let server = Server::start(&dir);
    let api = server.client(ADMIN);
    let status = api.get(&format!("/uploads/{upload_id}")).await;
    assert_eq!(status.status, 200);
    let mut received: Vec<u64> =
        status.body["received"].as_array().unwrap().iter().filter_map(|i| i.as_u64()).collect();
    received.sort();
    assert_eq!(received, [0, 2], "the chunks sent before the restart are kept");
    assert_eq!(status.body["file_name"], "calls ../../etc/passwd.wav", "the name is data");
    let early = api.post(&format!("/uploads/{upload_id}/complete"), None, None).await;
    assert_eq!((early.status, early.code()), (400, "validation_failed"), "chunk 1 is missing");
    assert_eq!(api.send_chunk(&upload_id, 1, chunks[1]).await.status, 204);
    let key = fresh_key();
    let done = api.post(&format!("/uploads/{upload_id}/complete"), None, Some(&key)).await;
    let again = api.post(&format!("/uploads/{upload_id}/complete"), None, Some(&key)).await;
    assert_eq!((done.status, again.status), (201, 201));
    assert_eq!(done.body["id"], again.body["id"], "a retried complete answers the same dataset");
    let datasets = api.get(&format!("/custom-models/{model_id}/datasets")).await;
    assert_eq!(datasets.body["total"], 1, "exactly one dataset");
    assert_eq!(datasets.body["items"][0]["name"], "calls ../../etc/passwd.wav");
    let stored = dir.join("datasets").join(done.body["id"].as_str().unwrap());
    assert_eq!(std::fs::read(stored).unwrap(), file, "the chunks are joined in order, whole");
    assert_eq!(api.get(&format!("/uploads/{upload_id}")).await.status, 404, "a completed upload is forgotten");
}

#[tokio::test]
async fn a_model_trains_to_success_is_tested_and_its_changes_are_announced() {
    let server = Server::start(&data_dir("journey"));
    let api = server.client(ADMIN);
    let events = api.request(reqwest::Method::GET, "/events").send().await.unwrap();
    assert_eq!(events.headers()["content-type"], "text/event-stream");
    let mut events = events.bytes_stream();

    let model = api.create_model("Call centre").await;
    let id = model["id"].as_str().unwrap().to_owned();
    assert_eq!(model["status"], 1);
    api.upload(&id, "train.vtt", "TRANSCRIPT", vtt(12).as_bytes()).await;
    let test_data = api.upload(&id, "holdout.vtt", "TEST", vtt(8).as_bytes()).await;
    assert_eq!(test_data["status"], "validating");
    assert_eq!(api.get(&format!("/custom-models/{id}")).await.body["status"], 2, "Ready to Run");

    // Training waits for the checks of the files; then it runs and ends.
    let credits = api.get("/credits").await.body["remaining"].as_u64().unwrap();
    let running = eventually(Duration::from_secs(10), "the training to start", || async {
        let a = api.post(&format!("/custom-models/{id}/train"), None, None).await;
        (a.status == 200).then_some(a.body)
    })
    .await;
    assert_eq!(running["status"], 3);
    assert_eq!(api.get("/credits").await.body["remaining"].as_u64().unwrap(), credits - 1);
    eventually(Duration::from_secs(10), "Success", || async {
        (api.get(&format!("/custom-models/{id}")).await.body["status"] == 4).then_some(())
    })
    .await;

    let body = json!({ "name": "Holdout", "dataset_ids": [test_data["id"]] });
    let test = api.post(&format!("/custom-models/{id}/evaluations"), Some(body), None).await;
    assert_eq!((test.status, test.body["status"].as_str()), (201, Some("queued")), "{}", test.body);
    let test_id = test.body["id"].as_str().unwrap().to_owned();
    let done = eventually(Duration::from_secs(10), "the test to succeed", || async {
        let t = api.get(&format!("/evaluations/{test_id}")).await.body;
        (t["status"] == "succeeded").then_some(t)
    })
    .await;
    let base = &done["summary"]["base"];
    assert!(base["reference_words"].as_u64().unwrap() > 0 && base["substitutions"].is_u64());
    let utterances = api.get(&format!("/evaluations/{test_id}/utterances?filter=all&sort=improvement_desc")).await;
    assert_eq!(utterances.body["total"], 8, "one utterance per cue");

    let mut seen = String::new();
    while !seen.contains("event: model") || !seen.contains("\"status\":4") {
        let next = tokio::time::timeout(Duration::from_secs(10), events.next()).await;
        let chunk = next.expect("an event arrives").expect("the stream is open").expect("bytes");
        seen.push_str(&String::from_utf8_lossy(&chunk));
    }
    assert!(seen.contains(&format!("\"id\":\"{id}\"")), "the event names the model: {seen}");
}

#[tokio::test]
async fn a_failed_training_says_why_and_a_member_cannot_delete() {
    let server = Server::start(&data_dir("failed"));
    let api = server.client(ADMIN);
    let model = api.create_model("Faulty").await;
    let id = model["id"].as_str().unwrap().to_owned();
    api.upload(&id, "not-audio.wav", "AUDIO", b"just some text, not a wave").await;
    eventually(Duration::from_secs(10), "the training to start", || async {
        (api.post(&format!("/custom-models/{id}/train"), None, None).await.status == 200).then_some(())
    })
    .await;
    let failed = eventually(Duration::from_secs(10), "Failed", || async {
        let m = api.get(&format!("/custom-models/{id}")).await.body;
        (m["status"] == 5).then_some(m)
    })
    .await;
    assert_eq!(failed["failure_code"], "invalid_audio_format");
    let at_fault = &failed["failure"]["datasets"][0];
    assert_eq!(at_fault["name"], "not-audio.wav", "the failure names the dataset: {failed}");
    assert!(at_fault["id"].as_str().is_some_and(|d| d.starts_with("ds_")));
    assert!(at_fault["problems"][0]["message"].as_str().unwrap().contains("not audio"));
    let again = api.post(&format!("/custom-models/{id}/train"), None, None).await;
    assert_eq!(again.status, 200, "a failed model may be trained again: {}", again.body);

    let member = server.client(MEMBER);
    let refused = member.delete(&format!("/custom-models/{id}")).await;
    assert_eq!((refused.status, refused.code()), (403, "forbidden"));
    assert_eq!(api.delete(&format!("/custom-models/{id}")).await.status, 204);
    assert_eq!(api.get(&format!("/custom-models/{id}")).await.status, 404);
}

#[tokio::test]
async fn an_admin_cancels_a_stuck_training_gets_the_credit_back_and_a_member_may_not() {
    let server = Server::start_with(&data_dir("cancel"), &["--training-ms", "3600000"]);
    let api = server.client(ADMIN);
    let id = api.create_model("Stuck").await["id"].as_str().unwrap().to_owned();
    api.upload(&id, "calls.vtt", "TRANSCRIPT", vtt(6).as_bytes()).await;
    let credits = api.get("/credits").await.body["remaining"].as_u64().unwrap();
    eventually(Duration::from_secs(10), "the training to start", || async {
        (api.post(&format!("/custom-models/{id}/train"), None, None).await.status == 200).then_some(())
    })
    .await;
    let cancel = format!("/custom-models/{id}/train/cancel");

    let refused = server.client(MEMBER).post(&cancel, None, None).await;
    assert_eq!((refused.status, refused.code()), (403, "forbidden"));
    assert_eq!(api.get(&format!("/custom-models/{id}")).await.body["status"], 3, "still running");

    let cancelled = api.post(&cancel, None, None).await;
    assert_eq!(cancelled.status, 200, "{}", cancelled.body);
    assert_eq!((cancelled.body["status"].clone(), cancelled.body["progress"].clone()), (json!(2), json!(null)));
    assert_eq!(api.get("/credits").await.body["remaining"].as_u64().unwrap(), credits, "the credit is back");
    let again = api.post(&cancel, None, None).await;
    assert_eq!((again.status, again.code()), (409, "training_not_running"));
    assert_eq!(api.post("/custom-models/cm_none/train/cancel", None, None).await.status, 404);
}

#[tokio::test]
async fn it_stops_on_sigterm_even_with_an_event_stream_open_and_keeps_what_it_made() {
    let dir = data_dir("sigterm");
    let server = Server::start(&dir);
    let api = server.client(ADMIN);
    let made = api.create_model("Kept").await;
    let events = api.request(reqwest::Method::GET, "/events").send().await.unwrap();
    let mut events = events.bytes_stream();
    let ready = tokio::time::timeout(Duration::from_secs(5), events.next()).await.unwrap().unwrap().unwrap();
    assert!(String::from_utf8_lossy(&ready).contains("event: ready"));
    assert!(server.terminate(Duration::from_secs(5)), "stopped within 5 s");

    let server = Server::start(&dir);
    let kept = server.client(ADMIN).get(&format!("/custom-models/{}", made["id"].as_str().unwrap())).await;
    assert_eq!((kept.status, &kept.body["name"]), (200, &json!("Kept")));
}

#[tokio::test]
async fn a_console_on_another_origin_gets_one_preflight_per_upload_url_and_reads_location() {
    let console = "http://127.0.0.1:8080";
    let server = Server::start_with(&data_dir("cors"), &["--cors-origin", console]);
    let http = reqwest::Client::new();
    let preflight = http
        .request(reqwest::Method::OPTIONS, format!("{}/uploads/up_1", server.base))
        .header("Origin", console)
        .header("Access-Control-Request-Method", "PUT")
        .header("Access-Control-Request-Headers", "authorization,content-digest,upload-chunk,content-type")
        .send()
        .await
        .unwrap();
    assert_eq!(preflight.status(), 204);
    let h = preflight.headers();
    assert_eq!(h["access-control-allow-origin"], console);
    assert_eq!(h["access-control-max-age"], "7200");
    let allowed = h["access-control-allow-headers"].to_str().unwrap().to_ascii_lowercase();
    assert!(["authorization", "content-digest", "upload-chunk", "idempotency-key"].iter().all(|x| allowed.contains(x)));

    let api = server.client(ADMIN);
    let created = api
        .request(reqwest::Method::POST, "/custom-models")
        .header("Origin", console)
        .header("Idempotency-Key", fresh_key())
        .json(&json!({ "name": "Cross-origin", "language": "en-US" }))
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), 201);
    assert_eq!(created.headers()["access-control-allow-origin"], console);
    let exposed = created.headers()["access-control-expose-headers"].to_str().unwrap().to_ascii_lowercase();
    assert!(exposed.contains("location") && exposed.contains("retry-after"));
    assert!(created.headers()["location"].to_str().unwrap().starts_with("/custom-models/cm_"));

    let stranger =
        http.get(format!("{}/me", server.base)).header("Origin", "http://evil.example").send().await.unwrap();
    assert!(stranger.headers().get("access-control-allow-origin").is_none(), "another origin is not allowed");
}

#[tokio::test]
async fn events_reach_only_the_organisation_whose_model_changed() {
    let tokens = ["--token", "a=u_a:ORGADMIN:org_a", "--token", "b=u_b:ORGADMIN:org_b"];
    let server = Server::start_with(&data_dir("orgs"), &tokens);
    let (a, b) = (server.client("a"), server.client("b"));
    let mut heard_by_b = b.request(reqwest::Method::GET, "/events").send().await.unwrap().bytes_stream();
    let ready = tokio::time::timeout(Duration::from_secs(5), heard_by_b.next()).await.unwrap().unwrap().unwrap();
    assert!(String::from_utf8_lossy(&ready).contains("event: ready"));

    let secret = a.create_model("Org A's secret").await;
    a.delete(&format!("/custom-models/{}", secret["id"].as_str().unwrap())).await;
    // Events go out in order: once B hears of its own model, A's would have come before it.
    let own = b.create_model("Org B's own").await;
    let mut seen = String::new();
    while !seen.contains(own["id"].as_str().unwrap()) {
        let next = tokio::time::timeout(Duration::from_secs(10), heard_by_b.next()).await;
        seen.push_str(&String::from_utf8_lossy(&next.expect("B hears its own model").unwrap().unwrap()));
    }
    assert!(!seen.contains(secret["id"].as_str().unwrap()), "B never hears of A's model: {seen}");
    assert_eq!(b.get(&format!("/custom-models/{}", secret["id"].as_str().unwrap())).await.status, 404);
}
