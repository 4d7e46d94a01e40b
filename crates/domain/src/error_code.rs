//! The stable error codes of `docs/api.md` ("Errors"), parsed once at the API
//! edge so the rest of the code matches on variants, never on strings.

use crate::training::TrainingErrorCode;

/// A machine code from an error body's `error` field.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ErrorCode {
    NotFound,
    Forbidden,
    NoOrganization,
    InvalidName,
    InvalidLanguage,
    ModelNotUsable,
    TrainingRunning,
    AlreadyTrained,
    ChecksumMismatch,
    /// A session's `audio_upload_id` names no completed audio it may take.
    AudioUploadUnknown,
    /// A session's audio upload is not completed yet.
    AudioUploadIncomplete,
    /// `validation_failed`, `invalid_audio_format`, `invalid_transcript_format`
    /// and `no-claims-available`: the codes a training can fail with.
    Training(TrainingErrorCode),
    /// A code this console does not know; the server's message is shown instead.
    Other(String),
}

const NAMED: [(&str, ErrorCode); 11] = [
    ("not_found", ErrorCode::NotFound),
    ("forbidden", ErrorCode::Forbidden),
    ("no_organization", ErrorCode::NoOrganization),
    ("invalid_name", ErrorCode::InvalidName),
    ("invalid_language", ErrorCode::InvalidLanguage),
    ("model_not_usable", ErrorCode::ModelNotUsable),
    ("training_running", ErrorCode::TrainingRunning),
    ("already_trained", ErrorCode::AlreadyTrained),
    ("checksum_mismatch", ErrorCode::ChecksumMismatch),
    ("audio_upload_unknown", ErrorCode::AudioUploadUnknown),
    ("audio_upload_incomplete", ErrorCode::AudioUploadIncomplete),
];

impl ErrorCode {
    pub fn from_wire(code: &str) -> ErrorCode {
        let code = code.trim();
        if let Some((_, named)) = NAMED.iter().find(|(name, _)| *name == code) {
            return named.clone();
        }
        match TrainingErrorCode::from_code(code) {
            TrainingErrorCode::Other(other) => ErrorCode::Other(other),
            training => ErrorCode::Training(training),
        }
    }

    pub fn as_wire(&self) -> &str {
        match self {
            ErrorCode::Training(code) => code.code(),
            ErrorCode::Other(code) => code,
            named => NAMED.iter().find(|(_, n)| n == named).map_or("", |(name, _)| name),
        }
    }

    /// The training error this is, when it is one.
    pub fn training(&self) -> Option<&TrainingErrorCode> {
        match self {
            ErrorCode::Training(code) => Some(code),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_documented_code_round_trips() {
        for code in [
            "not_found",
            "forbidden",
            "no_organization",
            "invalid_name",
            "invalid_language",
            "model_not_usable",
            "training_running",
            "already_trained",
            "checksum_mismatch",
            "audio_upload_unknown",
            "audio_upload_incomplete",
            "validation_failed",
            "invalid_audio_format",
            "invalid_transcript_format",
            "no-claims-available",
        ] {
            let parsed = ErrorCode::from_wire(code);
            assert!(!matches!(parsed, ErrorCode::Other(_)), "{code} is documented");
            assert_eq!(parsed.as_wire(), code);
        }
    }

    #[test]
    fn training_codes_are_told_apart_and_unknown_codes_kept() {
        assert_eq!(
            ErrorCode::from_wire(" no-claims-available ").training(),
            Some(&TrainingErrorCode::NoClaimsAvailable)
        );
        assert_eq!(ErrorCode::from_wire("forbidden").training(), None);
        assert_eq!(ErrorCode::from_wire("rate_limited"), ErrorCode::Other("rate_limited".into()));
        assert_eq!(ErrorCode::from_wire("rate_limited").as_wire(), "rate_limited");
    }
}
