//! Live updates (docs/api.md, "Live updates"): which changes are announced, under
//! which event name and with what data. One rule, two homes: the reference server
//! announces the rows its database saw change, the in-browser demo the rows that
//! changed since it last looked ([`LiveChanges`]); both name them with [`Row::live_event`].

use std::collections::HashMap;

use serde_json::Value;

use super::*;
use crate::rows::Row;

/// One event of the stream: its name (`model`, `dataset`, `test`) and its JSON data.
#[derive(Clone, Debug, PartialEq)]
pub struct LiveEvent {
    pub name: &'static str,
    /// The model it is about (a dataset's or a test's model), so a host tells it
    /// only to that model's organisation.
    pub model_id: String,
    pub data: Value,
}

impl Row {
    /// The event announcing this row's change (`gone`: it was deleted), or `None`
    /// for kinds no one watches. Tests are `evaluation` rows, announced as `test`.
    pub fn live_event(&self, gone: bool) -> Option<LiveEvent> {
        let name = match self.kind {
            "model" => "model",
            "dataset" => "dataset",
            "evaluation" => "test",
            _ => return None,
        };
        let mut data = self.event()?;
        if gone {
            data["deleted"] = Value::Bool(true);
        }
        let model_id = data["model_id"].as_str().unwrap_or_default().to_owned();
        Some(LiveEvent { name, model_id, data })
    }
}

/// What a host without a database remembers between looks: the watched rows as last seen.
#[derive(Debug, Default)]
pub struct LiveChanges {
    seen: HashMap<(&'static str, String), Row>,
}

impl LiveChanges {
    /// Starts from the store as it is: only later changes are announced.
    pub fn new(store: &Store) -> Self {
        let mut changes = LiveChanges::default();
        changes.since(store);
        changes
    }

    /// The events for what changed since the last look, deletions last.
    pub fn since(&mut self, store: &Store) -> Vec<LiveEvent> {
        let now: HashMap<(&'static str, String), Row> =
            store.watched_rows().into_iter().map(|row| ((row.kind, row.key.clone()), row)).collect();
        let mut events: Vec<LiveEvent> = now
            .iter()
            .filter(|(key, row)| self.seen.get(*key).is_none_or(|before| before.body != row.body))
            .filter_map(|(_, row)| row.live_event(false))
            .collect();
        events.extend(
            self.seen.iter().filter(|(key, _)| !now.contains_key(*key)).filter_map(|(_, row)| row.live_event(true)),
        );
        self.seen = now;
        events
    }
}

impl Store {
    /// The rows of the kinds live updates are about (a cheaper [`Store::rows`]).
    fn watched_rows(&self) -> Vec<Row> {
        self.rows_of(true)
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;
    use domain::dataset_check::CheckStatus;
    use domain::evaluation::EvaluationStatus;

    #[test]
    fn changes_since_the_last_look_are_announced_once_and_deletions_say_so() {
        let mut store = Store::empty(1_000);
        let mut live = LiveChanges::new(&store);
        let m = store.create_model("Live", "en-US", now()).unwrap();
        let events = live.since(&store);
        assert_eq!(events.len(), 1);
        assert_eq!((events[0].name, events[0].model_id.as_str()), ("model", m.id.as_str()));
        assert!(live.since(&store).is_empty(), "nothing new: nothing said");
        upload_text(&mut store, &m.id, "a.vtt", DatasetType::Transcript, "WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n");
        let names: Vec<&str> = live.since(&store).iter().map(|e| e.name).collect();
        assert!(names.contains(&"dataset"), "{names:?}");
        store.delete_model(&m.id).unwrap();
        let gone = live.since(&store);
        assert!(gone.iter().any(|e| e.name == "model" && e.data["deleted"] == Value::Bool(true)), "{gone:?}");
    }

    /// The statuses the events of `name` about `id` told, in order.
    fn told(events: &[LiveEvent], name: &str, id: &str) -> Vec<Value> {
        events.iter().filter(|e| e.name == name && e.data["id"] == id).map(|e| e.data["status"].clone()).collect()
    }

    #[test]
    fn what_time_moves_is_announced_as_the_api_then_answers() {
        let start = now();
        let at = |ms: i64| start + Duration::milliseconds(ms);
        let mut store = Store::empty(4_000);
        let m = store.create_model("Walked", "en-US", start).unwrap();
        let file = "WEBVTT\n\n00:01.000 --> 00:02.000\nHello there\n";
        let data = upload_text(&mut store, &m.id, "a.vtt", DatasetType::Transcript, file);
        let mut live = LiveChanges::new(&store);

        store.advance(at(2_000));
        let events = live.since(&store);
        let check = store.list_datasets(&m.id, 1, 25).unwrap().items[0].check.status.clone();
        assert!(!check.known().is_some_and(|s| s == CheckStatus::Validating), "the check ended");
        assert_eq!(told(&events, "dataset", &data.id), [serde_json::to_value(check).unwrap()], "its end is told");

        store.start_training(&m.id, at(2_000)).unwrap();
        live.since(&store);
        store.advance(at(4_000));
        let progress = live.since(&store);
        assert!(progress.iter().any(|e| e.data["id"] == m.id.as_str() && e.data["progress"] == 50), "{progress:?}");
        store.advance(at(6_500));
        let ended = live.since(&store);
        let status = serde_json::to_value(store.model(&m.id).unwrap().status).unwrap();
        assert_eq!(told(&ended, "model", &m.id), [status], "the training's end is told with the status the API gives");

        let test = upload_text(&mut store, &m.id, "t.vtt", DatasetType::Test, file);
        store.advance(at(9_000));
        let e = store.create_evaluation(&m.id, "Walk", &[test.id], at(9_000)).unwrap();
        live.since(&store);
        for (ms, status) in [(9_600, EvaluationStatus::Running), (20_000, EvaluationStatus::Succeeded)] {
            store.advance(at(ms));
            let events = live.since(&store);
            assert_eq!(store.evaluation(&e.id).unwrap().status.known(), Some(status));
            assert_eq!(told(&events, "test", &e.id), [serde_json::to_value(status).unwrap()], "at {ms} ms");
        }
    }
}
