//! Values a server names from a fixed list that may grow: a newer backend can send
//! a dataset type or session mode this console does not know, and the item must
//! still be shown (as sent) and managed, not make its whole page unreadable.

use serde::{Deserialize, Serialize};

/// A known value, or the text the server sent for one the console does not know.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Named<T> {
    Known(T),
    Other(String),
}

/// What a known value is called on screen.
pub trait Label: Copy {
    fn label(self) -> &'static str;
}

impl<T: Label> Named<T> {
    /// The known value's label, or the server's own text.
    pub fn label(&self) -> &str {
        match self {
            Named::Known(value) => value.label(),
            Named::Other(raw) => raw,
        }
    }

    pub fn known(&self) -> Option<T> {
        match self {
            Named::Known(value) => Some(*value),
            Named::Other(_) => None,
        }
    }

    /// `raw` read with `parse`, or kept as sent.
    pub fn read(raw: &str, parse: impl FnOnce(&str) -> Option<T>) -> Self {
        parse(raw).map_or_else(|| Named::Other(raw.to_owned()), Named::Known)
    }
}

impl<T> From<T> for Named<T> {
    fn from(value: T) -> Self {
        Named::Known(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::DatasetType;

    #[test]
    fn unknown_names_are_kept_as_sent_and_known_ones_read() {
        assert_eq!(Named::read("audio", DatasetType::from_name), Named::Known(DatasetType::Audio));
        let video = Named::read("VIDEO", DatasetType::from_name);
        assert_eq!((video.label(), video.known()), ("VIDEO", None));
        assert_eq!(Named::Known(DatasetType::Manifest).label(), "MANIFEST");
    }

    #[test]
    fn saved_known_values_read_back_as_before() {
        let saved = serde_json::to_string(&Named::Known(DatasetType::Audio)).unwrap();
        assert_eq!(saved, "\"AUDIO\"");
        assert_eq!(serde_json::from_str::<Named<DatasetType>>(&saved).unwrap(), Named::Known(DatasetType::Audio));
        assert_eq!(serde_json::from_str::<Named<DatasetType>>("\"VIDEO\"").unwrap(), Named::Other("VIDEO".into()));
    }
}
