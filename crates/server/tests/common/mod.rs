//! A `cm-server` process on a free port with its own data directory, and a
//! client that speaks the API as the console does.
#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use base64::Engine;
use reqwest::{Method, RequestBuilder, Response};
use serde_json::Value;
use sha2::{Digest, Sha256};

pub const ADMIN: &str = "dev-admin";
pub const MEMBER: &str = "dev-member";

pub struct Server {
    child: Child,
    pub base: String,
    pub data_dir: PathBuf,
}

/// A fresh, empty data directory for one test.
pub fn data_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("cm-server-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

impl Server {
    /// Starts the binary on port 0 and reads the address it prints first.
    pub fn start(data_dir: &Path) -> Server {
        Server::start_with(data_dir, &[])
    }

    /// [`Server::start`] with more flags.
    pub fn start_with(data_dir: &Path, flags: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_cm-server"))
            .args(["--addr", "127.0.0.1:0", "--seed", "empty", "--training-ms", "1500"])
            .args(flags)
            .arg("--data-dir")
            .arg(data_dir)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("cm-server starts");
        let stdout = child.stdout.take().expect("stdout is piped");
        let mut first = String::new();
        BufReader::new(stdout).read_line(&mut first).expect("the address is printed");
        let addr = first.trim().to_owned();
        assert!(addr.starts_with("127.0.0.1:"), "first line is the address, got {addr:?}");
        Server { child, base: format!("http://{addr}/v1"), data_dir: data_dir.to_owned() }
    }

    /// Kills the process at once, as a crash or a power cut would.
    pub fn kill(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// Asks the process to stop (SIGTERM) and waits for it; whether it stopped within `limit`.
    pub fn terminate(mut self, limit: Duration) -> bool {
        let sent = Command::new("kill").arg("-TERM").arg(self.child.id().to_string()).status();
        if !sent.is_ok_and(|s| s.success()) {
            return false;
        }
        let start = Instant::now();
        while start.elapsed() < limit {
            if let Ok(Some(_)) = self.child.try_wait() {
                return true;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        false
    }

    pub fn client(&self, token: &str) -> Client {
        Client { http: reqwest::Client::new(), base: self.base.clone(), token: token.to_owned() }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[derive(Clone)]
pub struct Client {
    pub http: reqwest::Client,
    pub base: String,
    pub token: String,
}

/// A response's status and JSON body (`Null` when it has none).
pub struct Answer {
    pub status: u16,
    pub body: Value,
    pub headers: reqwest::header::HeaderMap,
}

impl Answer {
    /// The error code of a refusal, after checking it has the documented shape.
    pub fn code(&self) -> &str {
        assert!(self.body["message"].is_string(), "an error has a message: {}", self.body);
        self.body["error"].as_str().unwrap_or_else(|| panic!("an error has a code: {}", self.body))
    }
}

pub async fn answer(response: Response) -> Answer {
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let text = response.text().await.unwrap_or_default();
    let body = if text.is_empty() { Value::Null } else { serde_json::from_str(&text).unwrap_or(Value::String(text)) };
    Answer { status, body, headers }
}

pub fn digest(bytes: &[u8]) -> String {
    format!("sha-256=:{}:", base64::engine::general_purpose::STANDARD.encode(Sha256::digest(bytes)))
}

impl Client {
    pub fn request(&self, method: Method, path: &str) -> RequestBuilder {
        self.http.request(method, format!("{}{path}", self.base)).bearer_auth(&self.token)
    }

    pub async fn get(&self, path: &str) -> Answer {
        answer(self.request(Method::GET, path).send().await.expect("the server answers")).await
    }

    pub async fn delete(&self, path: &str) -> Answer {
        answer(self.request(Method::DELETE, path).send().await.expect("the server answers")).await
    }

    /// A creating POST, with a fresh Idempotency-Key unless `key` is given.
    pub async fn post(&self, path: &str, body: Option<Value>, key: Option<&str>) -> Answer {
        let key = key.map(str::to_owned).unwrap_or_else(fresh_key);
        let mut request = self.request(Method::POST, path).header("Idempotency-Key", key);
        if let Some(body) = body {
            request = request.json(&body);
        }
        answer(request.send().await.expect("the server answers")).await
    }

    pub async fn create_model(&self, name: &str) -> Value {
        let a = self.post("/custom-models", Some(serde_json::json!({ "name": name, "language": "en-US" })), None).await;
        assert_eq!(a.status, 201, "{}", a.body);
        a.body
    }

    pub async fn start_upload(&self, model_id: &str, name: &str, kind: &str, size: usize) -> Value {
        let body = serde_json::json!({ "file_name": name, "size": size, "type": kind });
        let a = self.post(&format!("/custom-models/{model_id}/uploads"), Some(body), None).await;
        assert_eq!(a.status, 201, "{}", a.body);
        a.body
    }

    /// Sends chunk `index` of `file` to the upload's one URL.
    pub async fn send_chunk(&self, upload_id: &str, index: usize, bytes: &[u8]) -> Answer {
        let request = self
            .request(Method::PUT, &format!("/uploads/{upload_id}"))
            .header("Content-Type", "application/octet-stream")
            .header("Upload-Chunk", index.to_string())
            .header("Content-Digest", digest(bytes))
            .body(bytes.to_vec());
        answer(request.send().await.expect("the server answers")).await
    }

    /// Uploads `file` whole: start, every chunk, complete. Answers the dataset.
    pub async fn upload(&self, model_id: &str, name: &str, kind: &str, file: &[u8]) -> Value {
        let ticket = self.start_upload(model_id, name, kind, file.len()).await;
        let (id, size) = (ticket["upload_id"].as_str().unwrap_or_default(), chunk_size(&ticket));
        for (index, chunk) in file.chunks(size).enumerate() {
            assert_eq!(self.send_chunk(id, index, chunk).await.status, 204);
        }
        let done = self.post(&format!("/uploads/{id}/complete"), None, None).await;
        assert_eq!(done.status, 201, "{}", done.body);
        done.body
    }
}

pub fn chunk_size(ticket: &Value) -> usize {
    ticket["chunk_size"].as_u64().unwrap_or(1) as usize
}

pub fn fresh_key() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static N: AtomicU64 = AtomicU64::new(0);
    format!("key-{}-{}", std::process::id(), N.fetch_add(1, Ordering::Relaxed))
}

/// Asks `probe` until it gives a value, for at most `limit`.
pub async fn eventually<T, F: std::future::Future<Output = Option<T>>>(
    limit: Duration,
    what: &str,
    mut probe: impl FnMut() -> F,
) -> T {
    let start = Instant::now();
    loop {
        if let Some(value) = probe().await {
            return value;
        }
        assert!(start.elapsed() < limit, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// A valid WAV file of `size` bytes (a header, then silence).
pub fn wav(size: usize) -> Vec<u8> {
    let mut bytes = b"RIFF\0\0\0\0WAVEfmt ".to_vec();
    bytes.resize(size, 0);
    bytes
}

/// A WebVTT transcript of `cues` cues.
pub fn vtt(cues: usize) -> String {
    let mut text = String::from("WEBVTT\n\n");
    for i in 0..cues {
        text.push_str(&format!("00:{:02}.000 --> 00:{:02}.500\nplease send the invoice number {i}\n\n", i, i));
    }
    text
}
