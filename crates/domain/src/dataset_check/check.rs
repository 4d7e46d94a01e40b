//! What the server says of a dataset it checked: a status and the problems found.

use serde::{Deserialize, Serialize};

use crate::Named;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CheckStatus {
    Validating,
    Valid,
    Invalid,
}

impl crate::named::Label for CheckStatus {
    fn label(self) -> &'static str {
        match self {
            CheckStatus::Validating => "Checking",
            CheckStatus::Valid => "Valid",
            CheckStatus::Invalid => "Invalid",
        }
    }
}

impl CheckStatus {
    pub fn as_wire(self) -> &'static str {
        match self {
            CheckStatus::Validating => "validating",
            CheckStatus::Valid => "valid",
            CheckStatus::Invalid => "invalid",
        }
    }

    pub fn from_wire(raw: &str) -> Option<Self> {
        [CheckStatus::Validating, CheckStatus::Valid, CheckStatus::Invalid]
            .into_iter()
            .find(|s| s.as_wire().eq_ignore_ascii_case(raw.trim()))
    }
}

/// One thing wrong with a file, at a line when the server says which.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DatasetProblem {
    pub line: Option<u32>,
    pub message: String,
}

impl DatasetProblem {
    pub fn text(&self) -> String {
        match self.line {
            Some(line) => format!("Line {line}: {}", self.message),
            None => self.message.clone(),
        }
    }
}

/// A dataset's check. Older backends send none, which means valid.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DatasetCheck {
    pub status: Named<CheckStatus>,
    pub problems: Vec<DatasetProblem>,
}

impl Default for DatasetCheck {
    fn default() -> Self {
        DatasetCheck { status: CheckStatus::Valid.into(), problems: Vec::new() }
    }
}

impl DatasetCheck {
    pub fn is_invalid(&self) -> bool {
        self.status.known() == Some(CheckStatus::Invalid)
    }

    /// The badge colour: blue while checking, green valid, red invalid, gray unknown.
    pub fn badge(&self) -> crate::status::BadgeColour {
        use crate::status::BadgeColour;
        match self.status.known() {
            Some(CheckStatus::Validating) => BadgeColour::Blue,
            Some(CheckStatus::Valid) => BadgeColour::Green,
            Some(CheckStatus::Invalid) => BadgeColour::Red,
            None => BadgeColour::Gray,
        }
    }

    /// Still being checked; a status this console does not know counts too, so
    /// nothing is trained on data the server has not passed.
    pub fn is_validating(&self) -> bool {
        self.status.known().is_none_or(|s| s == CheckStatus::Validating)
    }
}
