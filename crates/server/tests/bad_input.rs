//! Malformed and hostile requests: each is answered with the documented error
//! shape (`{ "error", "message" }`) and its status, never a 500 or a dropped
//! connection, and none leaves a trace where it should not.

mod common;

use common::*;
use reqwest::Method;
use serde_json::json;

#[tokio::test]
async fn tokens_routes_and_methods() {
    let server = Server::start(&data_dir("auth"));
    let none = Client { token: String::new(), ..server.client(ADMIN) };
    let missing = answer(none.http.get(format!("{}/me", server.base)).send().await.unwrap()).await;
    assert_eq!((missing.status, missing.code()), (401, "unauthorized"));
    assert_eq!(missing.headers["www-authenticate"], "Bearer");
    let wrong = server.client("not-a-token").get("/custom-models").await;
    assert_eq!((wrong.status, wrong.code()), (401, "unauthorized"));

    let api = server.client(ADMIN);
    let nowhere = api.get("/no/such/path").await;
    assert_eq!((nowhere.status, nowhere.code()), (404, "not_found"));
    let outside = answer(api.http.get(server.base.replace("/v1", "/etc/passwd")).send().await.unwrap()).await;
    assert_eq!((outside.status, outside.code()), (404, "not_found"));
    let method = answer(api.request(Method::PATCH, "/credits").send().await.unwrap()).await;
    assert_eq!((method.status, method.code()), (405, "method_not_allowed"));
}

#[tokio::test]
async fn path_traversal_in_ids_names_nothing() {
    let server = Server::start(&data_dir("traversal"));
    let api = server.client(ADMIN);
    for path in [
        "/custom-models/..%2F..%2Fcm.sqlite3",
        "/custom-models/%2e%2e",
        "/custom-models/%FF%FE",
        "/uploads/..%2Fcm.sqlite3",
        "/uploads/up_1%2F..%2F..%2Fdatasets",
        "/evaluations/..%5C..%5Cboot.ini",
    ] {
        let a = api.get(path).await;
        assert_eq!((a.status, a.code()), (404, "not_found"), "{path}");
    }
    let put = api.send_chunk("..%2F..%2Fescape", 0, b"x").await;
    assert_eq!((put.status, put.code()), (404, "not_found"));
    assert!(!server.data_dir.join("escape").exists() && !server.data_dir.parent().unwrap().join("escape").exists());
}

#[tokio::test]
async fn json_bodies_that_break_the_contract() {
    let server = Server::start(&data_dir("json"));
    let api = server.client(ADMIN);
    let send = |body: &'static str, content_type: &'static str| {
        let api = api.clone();
        async move {
            let request = api
                .request(Method::POST, "/custom-models")
                .header("Idempotency-Key", fresh_key())
                .header("Content-Type", content_type)
                .body(body);
            answer(request.send().await.unwrap()).await
        }
    };
    for (body, why) in [
        ("{\"name\": \"A\", \"language\": \"en-US\", \"admin\": true}", "an unknown field"),
        ("{\"name\": \"A\", \"language\": ", "malformed JSON"),
        ("{\"name\": 7, \"language\": \"en-US\"}", "a mistyped field"),
        ("{\"language\": \"en-US\"}", "a missing field"),
        ("[]", "not an object"),
        ("{\"name\": \"A\"}", "neither a language nor a model to version"),
    ] {
        let a = send(body, "application/json").await;
        assert_eq!((a.status, a.code()), (400, "invalid_request"), "{why}: {}", a.body);
    }
    let a = send("{\"name\": \"A\", \"language\": \"en-US\"}", "text/plain").await;
    assert_eq!((a.status, a.code()), (415, "unsupported_media_type"));
    let rule = api.post("/custom-models", Some(json!({ "name": " ", "language": "en-US" })), None).await;
    assert_eq!((rule.status, rule.code()), (400, "invalid_name"), "the backend's own rule");

    let huge = format!("{{\"name\": \"{}\", \"language\": \"en-US\"}}", "a".repeat(3 * 1024 * 1024));
    let request = api
        .request(Method::POST, "/custom-models")
        .header("Idempotency-Key", fresh_key())
        .header("Content-Type", "application/json");
    let a = answer(request.body(huge).send().await.unwrap()).await;
    assert_eq!((a.status, a.code()), (413, "payload_too_large"));

    let no_key = answer(
        api.request(Method::POST, "/custom-models")
            .json(&json!({ "name": "A", "language": "en-US" }))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!((no_key.status, no_key.code()), (400, "invalid_request"), "an Idempotency-Key is required");
    let first = api.post("/custom-models", Some(json!({ "name": "A", "language": "en-US" })), Some("same")).await;
    let other = api.post("/custom-models", Some(json!({ "name": "B", "language": "en-US" })), Some("same")).await;
    assert_eq!(first.status, 201);
    assert_eq!((other.status, other.code()), (422, "idempotency_key_reused"));
    for query in ["?page_size=7", "?page=0", "?page=x", "?sort=owner", "?order=up", "?status=9"] {
        let a = api.get(&format!("/custom-models{query}")).await;
        assert_eq!((a.status, a.code()), (400, "invalid_request"), "{query}");
    }
}

#[tokio::test]
async fn chunks_out_of_range_of_the_wrong_size_or_damaged_are_refused_and_not_kept() {
    let server = Server::start(&data_dir("chunks"));
    let api = server.client(ADMIN);
    let model = api.create_model("Chunks").await;
    let id = model["id"].as_str().unwrap();

    let too_big = json!({ "file_name": "huge.wav", "size": 10u64 * 1024 * 1024 * 1024 + 1, "type": "AUDIO" });
    let a = api.post(&format!("/custom-models/{id}/uploads"), Some(too_big), None).await;
    assert_eq!((a.status, a.code()), (400, "validation_failed"), "the 10 GiB rule");

    let file = wav(1024 * 1024 + 10);
    let ticket = api.start_upload(id, "a.wav", "AUDIO", file.len()).await;
    let (upload, size) = (ticket["upload_id"].as_str().unwrap(), chunk_size(&ticket));
    let (first, last) = file.split_at(size);

    let past = api.send_chunk(upload, 2, last).await;
    assert_eq!((past.status, past.code()), (400, "validation_failed"), "past the end");
    let short = api.send_chunk(upload, 0, &first[..100]).await;
    assert_eq!((short.status, short.code()), (400, "validation_failed"), "the wrong size");
    let mut long = first.to_vec();
    long.extend_from_slice(b"more");
    let over = api.send_chunk(upload, 0, &long).await;
    assert_eq!((over.status, over.code()), (413, "payload_too_large"));

    assert_eq!(api.send_chunk(upload, 0, first).await.status, 204);
    let mut damaged = first.to_vec();
    damaged[500] ^= 1;
    let request = api
        .request(Method::PUT, &format!("/uploads/{upload}"))
        .header("Content-Type", "application/octet-stream")
        .header("Upload-Chunk", "0")
        .header("Content-Digest", digest(first))
        .body(damaged);
    let a = answer(request.send().await.unwrap()).await;
    assert_eq!((a.status, a.code()), (400, "checksum_mismatch"));

    let headers = |ct: &'static str, chunk: Option<&'static str>, digest: Option<String>| {
        let mut r =
            api.request(Method::PUT, &format!("/uploads/{upload}")).header("Content-Type", ct).body(last.to_vec());
        if let Some(chunk) = chunk {
            r = r.header("Upload-Chunk", chunk);
        }
        if let Some(digest) = digest {
            r = r.header("Content-Digest", digest);
        }
        r
    };
    for (request, status, code) in [
        (headers("text/plain", Some("1"), Some(digest(last))), 415, "unsupported_media_type"),
        (headers("application/octet-stream", None, Some(digest(last))), 400, "invalid_request"),
        (headers("application/octet-stream", Some("-1"), Some(digest(last))), 400, "invalid_request"),
        (headers("application/octet-stream", Some("1"), None), 400, "invalid_request"),
        (headers("application/octet-stream", Some("1"), Some("md5=:x:".into())), 400, "invalid_request"),
    ] {
        let a = answer(request.send().await.unwrap()).await;
        assert_eq!((a.status, a.code()), (status, code));
    }

    let status = api.get(&format!("/uploads/{upload}")).await;
    assert_eq!(status.body["received"], json!([0]), "only the good chunk counts");
    assert_eq!(api.send_chunk(upload, 1, last).await.status, 204);
    let done = api.post(&format!("/uploads/{upload}/complete"), None, None).await;
    assert_eq!(done.status, 201);
    let stored = server.data_dir.join("datasets").join(done.body["id"].as_str().unwrap());
    assert_eq!(std::fs::read(stored).unwrap(), file, "the refused chunk never replaced the kept one");
}
