//! Browser tests of the WASM side: configuration, storage, the mock API and
//! components mounted in a real DOM. Run by `make test` in headless Chromium.

#![cfg(target_arch = "wasm32")]

use custom_models_console::api::{Api, ApiError, Backend, HttpApi, MockApi};
use custom_models_console::browser::storage;
use custom_models_console::components::status_badge::StatusBadge;
use custom_models_console::config::{ApiMode, Config, MockOptions};
use custom_models_console::App;
use domain::{ListQuery, Role, TrainingStatus};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn mock_options(key: &str) -> MockOptions {
    storage::remove(key);
    MockOptions { latency_ms: 0, training_ms: 50, storage_key: key.into(), ..MockOptions::default() }
}

async fn sleep(ms: u32) {
    gloo_timers::future::TimeoutFuture::new(ms).await;
}

fn container() -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let div = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div.unchecked_into()
}

#[wasm_bindgen_test]
fn config_without_a_base_url_is_the_mock_and_a_malformed_one_is_fatal() {
    assert!(matches!(Config::from_json("{}").api, ApiMode::Mock(_)));
    let http = Config::from_json(r#"{"apiBaseUrl":"https://api.example/v1/","token":"t","basePath":"workspace/"}"#);
    assert_eq!(
        http.api,
        ApiMode::Http { base_url: "https://api.example/v1".into(), token: Some("t".into()), token_provider: None }
    );
    assert_eq!(http.base_path, "/workspace");
    assert!(Config::from_json(r#"{"apiBaseUrl":42}"#).is_fatal());
    assert!(Config::from_js(&wasm_bindgen::JsValue::from_str("junk")).is_fatal());
    // A token callback that is not a function must not mean requests without a token.
    let odd = js_sys::JSON::parse(r#"{"apiBaseUrl":"/api","getToken":"secret"}"#).unwrap();
    assert!(Config::from_js(&odd).is_fatal());
    let mock = Config::from_json(r#"{"mock":{"role":"member","latencyMs":5,"seed":"empty"}}"#);
    match mock.api {
        ApiMode::Mock(m) => assert_eq!((m.role, m.latency_ms, m.empty), (Some(Role::Member), 5, true)),
        other => panic!("expected the mock, got {other:?}"),
    }
}

#[wasm_bindgen_test]
fn storage_round_trips_and_tolerates_absence() {
    storage::remove("cm-test-key");
    assert_eq!(storage::get("cm-test-key"), None);
    storage::set("cm-test-key", "value").unwrap();
    assert_eq!(storage::get("cm-test-key").as_deref(), Some("value"));
    storage::remove("cm-test-key");
    assert_eq!(storage::get("cm-test-key"), None);
}

#[wasm_bindgen_test]
async fn the_mock_persists_its_state_across_loads() {
    let options = mock_options("cm-test-persist");
    let api = MockApi::load(&options, None, None);
    let created = api.create_model("Persisted", "en-US", "k-persisted").await.unwrap();
    let reloaded = MockApi::load(&MockOptions { ..options.clone() }, None, None);
    assert_eq!(reloaded.model(&created.id).await.unwrap().name, "Persisted");
    storage::set(&options.storage_key, "{not json").unwrap();
    let reseeded = MockApi::load(&options, None, None);
    assert!(reseeded.model(&created.id).await.unwrap_err().is_not_found());
}

#[wasm_bindgen_test]
async fn the_mock_enforces_roles_and_runs_training_to_an_end() {
    let api = MockApi::load(&MockOptions { role: Some(Role::Member), ..mock_options("cm-test-roles") }, None, None);
    let page = api.list_models(&ListQuery::default()).await.unwrap();
    let victim = &page.items[0];
    let refused = api.delete_model(&victim.id).await.unwrap_err();
    assert_eq!(refused.status(), Some(403));
    assert!(refused.user_message().contains("Only organization admins"));

    let running = page.items.iter().find(|m| m.status == TrainingStatus::ReadyToRun).unwrap();
    let started = api.start_training(&running.id, "k-train").await.unwrap();
    assert_eq!(started.status, TrainingStatus::Running);
    let not_yours = api.cancel_training(&started.id).await.unwrap_err();
    assert_eq!(not_yours.status(), Some(403), "a member may not cancel a training");
    sleep(80).await;
    assert_eq!(api.model(&running.id).await.unwrap().status, TrainingStatus::Success);
}

#[wasm_bindgen_test]
async fn training_error_texts_belong_to_the_training_call() {
    let api =
        Api::Mock(MockApi::load(&MockOptions { credits: Some(0), ..mock_options("cm-test-credits") }, None, None));
    let page = api.list_models(&ListQuery::default()).await.unwrap();
    let ready = page.items.iter().find(|m| m.status == TrainingStatus::ReadyToRun).unwrap();
    let err = api.start_training(&ready.id, "k-none").await.unwrap_err();
    assert!(err.user_message().contains("no training credits"), "{}", err.user_message());
    // The same code from another endpoint is that server's business: its own words stand.
    let elsewhere = ApiError::Http {
        status: 402,
        code: Some(domain::ErrorCode::from_wire("no-claims-available")),
        message: Some("Your plan does not include this.".into()),
        retry_after_ms: None,
    };
    assert_eq!(elsewhere.user_message(), "Your plan does not include this.");
    let err = ApiError::Http { status: 502, code: None, message: None, retry_after_ms: None };
    assert!(err.user_message().contains("HTTP 502"));
}

#[wasm_bindgen_test]
async fn both_backends_refuse_an_id_that_is_not_one_path_segment_before_sending() {
    let mock = MockApi::load(&mock_options("cm-test-ids"), None, None);
    assert_eq!(mock.model("..").await.unwrap_err(), ApiError::BadId("..".into()));
    // Nothing listens on port 9: a request would fail as a network error, not BadId.
    let http = HttpApi::new("http://127.0.0.1:9".into(), None);
    assert_eq!(http.delete_dataset("cm_1", ".").await.unwrap_err(), ApiError::BadId(".".into()));
    assert_eq!(http.versions("").await.unwrap_err(), ApiError::BadId(String::new()));
}

#[wasm_bindgen_test]
async fn the_status_badge_shows_label_colour_and_progress() {
    let el = container();
    let status = RwSignal::new(TrainingStatus::Running);
    let _handle = leptos::mount::mount_to(el.clone(), move || view! { <StatusBadge status /> });
    let badge = el.query_selector(".cm-badge").unwrap().unwrap();
    assert_eq!(badge.text_content().unwrap(), "Running");
    assert!(badge.class_name().contains("cm-badge--blue"));
    assert!(badge.query_selector(".cm-spinner").unwrap().is_some());
    status.set(TrainingStatus::Success);
    sleep(0).await;
    assert_eq!(badge.text_content().unwrap(), "Success");
    assert!(badge.class_name().contains("cm-badge--green"));
    assert!(badge.query_selector(".cm-spinner").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn the_app_mounts_and_lists_models_from_the_mock() {
    let el = container();
    let window = web_sys::window().unwrap();
    window.history().unwrap().push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("/custom-models")).unwrap();
    let config = Config { api: ApiMode::Mock(mock_options("cm-test-app")), ..Config::default() };
    let _handle = leptos::mount::mount_to(el.clone(), move || view! { <App config=config.clone() /> });
    let mut rows = 0;
    for _ in 0..50 {
        sleep(20).await;
        rows = el.query_selector_all("table tbody tr").unwrap().length();
        if rows > 0 {
            break;
        }
    }
    assert_eq!(rows, 25);
    assert!(el.text_content().unwrap().contains("Demo data"));
}

fn blob_of(bytes: &[u8]) -> web_sys::File {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    web_sys::File::new_with_u8_array_sequence(&parts, "upload.txt").unwrap()
}

#[wasm_bindgen_test]
async fn uploads_go_in_chunks_with_exact_rising_progress_and_can_be_cancelled() {
    use custom_models_console::api::Api;
    use custom_models_console::services::uploads::send::{send_file, Destination, Hooks, Sent, Stop, Target};
    use domain::upload::UploadRequest;
    use domain::DatasetType;
    use std::cell::RefCell;
    use std::rc::Rc;

    let api =
        Api::Mock(MockApi::load(&MockOptions { chunk_latency_ms: 0, ..mock_options("cm-test-upload") }, None, None));
    let model = api.create_model("Uploads", "en-US", "k-uploads").await.unwrap();
    let size = 2 * 1024 * 1024 + 10;
    let file = blob_of(&vec![b'a'; size]);
    let target = |key: &str| Target {
        destination: Destination::Dataset {
            model_id: model.id.clone(),
            request: UploadRequest {
                file_name: "words.txt".into(),
                size: size as u64,
                dataset_type: DatasetType::Transcript,
                duration_seconds: None,
            },
        },
        upload_id: None,
        start_key: format!("start-{key}"),
        complete_key: format!("complete-{key}"),
    };
    let seen = Rc::new(RefCell::new(Vec::new()));
    let log = seen.clone();
    let hooks = Hooks {
        state: Box::new(|_| {}),
        progress: Box::new(move |sent| log.borrow_mut().push(sent)),
        started: Box::new(|_, _| {}),
    };
    let cancel = web_sys::AbortController::new().unwrap();
    let sent = send_file(&api, &file, &target("a"), &cancel.signal(), 30_000, &hooks).await;
    let Ok(Sent::Dataset(dataset)) = sent else { panic!("a dataset comes of a model's upload") };
    assert_eq!(dataset.name, "words.txt");
    let sent = seen.borrow().clone();
    assert!(sent.windows(2).all(|w| w[0] <= w[1]), "progress never goes back: {sent:?}");
    assert_eq!(sent.last(), Some(&(size as u64)));
    assert_eq!(api.model(&model.id).await.unwrap().status, TrainingStatus::ReadyToRun);

    cancel.abort();
    let outcome = send_file(&api, &file, &target("b"), &cancel.signal(), 30_000, &hooks).await;
    assert_eq!(outcome.err(), Some(Stop::Cancelled));
    assert_eq!(api.list_datasets(&model.id, 1, 25).await.unwrap().total, 1);
}

#[wasm_bindgen_test]
fn routes_write_only_what_differs_and_keep_ids_one_segment() {
    use custom_models_console::routes::Route;
    use domain::ListQuery;

    assert_eq!(Route::Home.path(), "/");
    assert_eq!(Route::models().path(), "/custom-models");
    let searched = ListQuery { page: 2, search: "call centre".into(), ..ListQuery::default() };
    assert_eq!(Route::Models(searched).path(), "/custom-models?page=2&search=call%20centre");
    assert_eq!(Route::model("a/../b").path(), "/custom-models/a%2F..%2Fb");
}

#[wasm_bindgen_test]
async fn a_session_is_started_only_with_its_audio_uploaded_by_the_same_protocol() {
    use custom_models_console::services::uploads::send::{send_file, Destination, Hooks, Sent, Target};
    use domain::stt::{SessionMode, SessionRequest};
    use domain::upload::session_audio::SessionAudioRequest;

    let api = Api::Mock(MockApi::load(
        &MockOptions { chunk_latency_ms: 0, ..mock_options("cm-test-session-audio") },
        None,
        None,
    ));
    let mut wav = b"RIFF\x24\x00\x00\x00WAVEfmt ".to_vec();
    wav.resize(1024 * 1024 + 7, 0);
    let request = |audio_upload_id: &str| SessionRequest {
        mode: SessionMode::Transcription,
        language: "en-US".into(),
        model_id: None,
        audio_upload_id: audio_upload_id.into(),
        transcript_file_name: None,
    };
    let refused = api.create_session(&request("up_none"), "k-none").await.unwrap_err();
    assert_eq!(refused.status(), Some(422), "no session without its audio");
    let target = Target {
        destination: Destination::SessionAudio(SessionAudioRequest::new("call.wav".into(), wav.len() as u64)),
        upload_id: None,
        start_key: "start-audio".into(),
        complete_key: "complete-audio".into(),
    };
    let hooks = Hooks { state: Box::new(|_| {}), progress: Box::new(|_| {}), started: Box::new(|_, _| {}) };
    let cancel = web_sys::AbortController::new().unwrap();
    let sent = send_file(&api, &blob_of(&wav), &target, &cancel.signal(), 30_000, &hooks).await;
    let Ok(Sent::SessionAudio(audio)) = sent else { panic!("session audio completes as such") };
    let session = api.create_session(&request(&audio.upload_id), "k-audio").await.unwrap();
    assert_eq!(session.audio_file_name, "call.wav");
    let again = api.create_session(&request(&audio.upload_id), "k-again").await.unwrap_err();
    assert_eq!(again.status(), Some(422), "each audio serves one session");
}
