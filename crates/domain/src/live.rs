//! Live updates as the console reads them (docs/api.md, "Live updates"): each
//! event of `GET /events` names what changed, so a page refetches only what it
//! shows. Untrusted input: an event that cannot be read is skipped, never a panic.

use serde::Deserialize;

/// What an event is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LiveKind {
    Model,
    Dataset,
    /// A test of a model (the contract's evaluation).
    Test,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LiveEvent {
    pub kind: LiveKind,
    /// The model's, dataset's or test's id.
    pub id: String,
    /// The model it belongs to (a model's own id for a model).
    pub model_id: String,
    pub deleted: bool,
}

/// What a subscriber hears of the stream.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StreamNews {
    /// Listening (`event: ready`): changes from now on are told.
    Open,
    Event(LiveEvent),
    /// The stream failed or ended; nothing more is told on it.
    Closed,
}

#[derive(Deserialize)]
struct Data {
    id: String,
    #[serde(default)]
    model_id: Option<String>,
    #[serde(default)]
    deleted: bool,
}

/// The event named `name` with JSON `data`, or `None` for names this console
/// does not know (a newer backend's) and data it cannot read.
pub fn decode_event(name: &str, data: &str) -> Option<LiveEvent> {
    let kind = match name {
        "model" => LiveKind::Model,
        "dataset" => LiveKind::Dataset,
        "test" => LiveKind::Test,
        _ => return None,
    };
    let data: Data = serde_json::from_str(data).ok()?;
    let model_id = match (kind, data.model_id) {
        (_, Some(model_id)) if !model_id.is_empty() => model_id,
        (LiveKind::Model, _) => data.id.clone(),
        _ => return None,
    };
    (!data.id.is_empty()).then_some(LiveEvent { kind, id: data.id, model_id, deleted: data.deleted })
}

#[derive(Deserialize)]
struct Ticket {
    ticket: String,
}

/// The ticket of `POST /events/tickets`, which opens `GET /events?ticket=…` once.
pub fn decode_ticket(body: &str) -> Option<String> {
    serde_json::from_str::<Ticket>(body).ok().map(|t| t.ticket).filter(|t| !t.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_name_what_changed_and_unreadable_ones_are_skipped() {
        let model = decode_event("model", r#"{"id":"cm_1","model_id":"cm_1","status":3,"progress":40}"#);
        assert_eq!(
            model,
            Some(LiveEvent { kind: LiveKind::Model, id: "cm_1".into(), model_id: "cm_1".into(), deleted: false })
        );
        let gone = decode_event("test", r#"{"id":"ev_2","model_id":"cm_1","status":"failed","deleted":true}"#);
        assert!(gone.is_some_and(|e| e.kind == LiveKind::Test && e.deleted));
        assert_eq!(decode_event("model", r#"{"id":"cm_1"}"#).map(|e| e.model_id), Some("cm_1".into()));
        for (name, data) in [
            ("dataset", r#"{"id":"ds_1"}"#),
            ("billing", r#"{"id":"x","model_id":"cm_1"}"#),
            ("model", "not json"),
            ("model", r#"{"id":""}"#),
            ("model", r#"{"id":7}"#),
        ] {
            assert_eq!(decode_event(name, data), None, "{name} {data}");
        }
    }

    #[test]
    fn a_ticket_is_text() {
        assert_eq!(decode_ticket(r#"{"ticket":"abc","expires_in":60}"#), Some("abc".into()));
        assert_eq!(decode_ticket(r#"{"ticket":" "}"#), None);
        assert_eq!(decode_ticket(r#"{"ticket":1}"#), None);
    }
}
