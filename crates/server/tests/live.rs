//! Live updates from a browser's point of view: an EventSource sends no
//! `Authorization`, so it opens `GET /events?ticket=…` with a ticket its token
//! bought from `POST /events/tickets` (docs/api.md, "Live updates").

mod common;

use std::time::Duration;

use common::*;
use futures_util::StreamExt;

#[tokio::test]
async fn a_ticket_opens_the_event_stream_once_and_a_token_in_the_url_does_not() {
    let server = Server::start(&data_dir("tickets"));
    let api = server.client(ADMIN);
    let http = reqwest::Client::new();
    let bought = api.post("/events/tickets", None, None).await;
    assert_eq!(bought.status, 201, "{}", bought.body);
    assert_eq!(bought.headers["cache-control"], "no-store");
    assert_eq!(bought.body["expires_in"], 60);
    let ticket = bought.body["ticket"].as_str().unwrap().to_owned();
    assert!(ticket.len() >= 40, "unguessable: {ticket}");

    let stream = http.get(format!("{}/events?ticket={ticket}", server.base)).send().await.unwrap();
    assert_eq!(stream.status(), 200);
    assert_eq!(stream.headers()["content-type"], "text/event-stream");
    let mut events = stream.bytes_stream();
    let ready = tokio::time::timeout(Duration::from_secs(5), events.next()).await.unwrap().unwrap().unwrap();
    assert!(String::from_utf8_lossy(&ready).contains("event: ready"));
    let made = api.create_model("Heard through a ticket").await;
    let heard = tokio::time::timeout(Duration::from_secs(5), events.next()).await.unwrap().unwrap().unwrap();
    let heard = String::from_utf8_lossy(&heard);
    assert!(heard.contains("event: model") && heard.contains(made["id"].as_str().unwrap()), "{heard}");

    let again = answer(http.get(format!("{}/events?ticket={ticket}", server.base)).send().await.unwrap()).await;
    assert_eq!((again.status, again.code()), (401, "unauthorized"), "a ticket is good once");
    let made_up = answer(http.get(format!("{}/events?ticket=made-up", server.base)).send().await.unwrap()).await;
    assert_eq!(made_up.status, 401);
    let token_in_url =
        answer(http.get(format!("{}/events?access_token={ADMIN}", server.base)).send().await.unwrap()).await;
    assert_eq!(token_in_url.status, 401, "a token never travels in a URL");
    let elsewhere =
        answer(http.get(format!("{}/custom-models?ticket={ticket}", server.base)).send().await.unwrap()).await;
    assert_eq!(elsewhere.status, 401, "a ticket opens only the stream");
    let anonymous = answer(http.post(format!("{}/events/tickets", server.base)).send().await.unwrap()).await;
    assert_eq!(anonymous.status, 401, "a ticket is bought with a token");
}

/// Reads the stream until an event named `name` whose data `wanted` accepts has been heard (10 s at most).
async fn hear<S, B, E>(events: &mut S, name: &str, wanted: impl Fn(&serde_json::Value) -> bool)
where
    S: futures_util::Stream<Item = Result<B, E>> + Unpin,
    B: AsRef<[u8]>,
    E: std::fmt::Debug,
{
    let mut seen = String::new();
    loop {
        let heard = seen.split("\n\n").any(|event| {
            let line = |field: &str| event.lines().find_map(|l| l.strip_prefix(field)).map(str::trim);
            let data = line("data:").and_then(|d| serde_json::from_str(d).ok()).unwrap_or_default();
            line("event:") == Some(name) && wanted(&data)
        });
        if heard {
            return;
        }
        let next = tokio::time::timeout(Duration::from_secs(10), events.next()).await;
        let chunk =
            next.unwrap_or_else(|_| panic!("no {name} event as wanted in: {seen}")).expect("open").expect("bytes");
        seen.push_str(&String::from_utf8_lossy(chunk.as_ref()));
    }
}

#[tokio::test]
async fn what_time_moves_is_told_with_no_request_asking() {
    let server = Server::start(&data_dir("time-told"));
    let api = server.client(ADMIN);
    let mut events = api.request(reqwest::Method::GET, "/events").send().await.unwrap().bytes_stream();
    hear(&mut events, "ready", |_| true).await;
    let model = api.create_model("Left alone").await;
    let id = model["id"].as_str().unwrap().to_owned();
    let data = api.upload(&id, "train.vtt", "TRANSCRIPT", vtt(4).as_bytes()).await;
    assert_eq!(data["status"], "validating");
    // From here on nobody asks: the server's tick alone ends the check and the training.
    hear(&mut events, "dataset", |d| d["id"] == data["id"] && d["status"] == "valid").await;
    let running = api.post(&format!("/custom-models/{id}/train"), None, None).await;
    assert_eq!(running.status, 200, "{}", running.body);
    hear(&mut events, "model", |m| m["id"] == id.as_str() && m["progress"].as_u64().is_some_and(|p| p > 0)).await;
    hear(&mut events, "model", |m| m["id"] == id.as_str() && m["status"] == 4).await;
}
