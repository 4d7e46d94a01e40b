//! Base languages a model can be built on.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Language {
    /// BCP 47 code, e.g. `en-US`.
    pub code: String,
    /// What the user reads, e.g. "English (US)".
    pub name: String,
    /// Whether custom models may be built on it.
    pub trainable: bool,
}

/// The languages a new model may be based on, sorted by display name.
pub fn trainable(languages: &[Language]) -> Vec<&Language> {
    by_name(languages, |l| l.trainable)
}

/// The languages that pass `keep`, sorted by display name, as selects list them.
pub fn by_name(languages: &[Language], keep: impl Fn(&Language) -> bool) -> Vec<&Language> {
    let mut list: Vec<&Language> = languages.iter().filter(|l| keep(l)).collect();
    list.sort_by(|a, b| a.name.cmp(&b.name));
    list
}

/// The display name for a language code; the code itself when the language is unknown,
/// so a model on a retired language still shows something true.
pub fn display_name<'a>(languages: &'a [Language], code: &'a str) -> &'a str {
    languages.iter().find(|l| l.code == code).map_or(code, |l| l.name.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang(code: &str, name: &str, trainable: bool) -> Language {
        Language { code: code.into(), name: name.into(), trainable }
    }

    #[test]
    fn only_trainable_languages_are_offered_by_name() {
        let all = [lang("fr-FR", "French", true), lang("ja-JP", "Japanese", false), lang("de-DE", "German", true)];
        let names: Vec<_> = trainable(&all).iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names, ["French", "German"]);
    }

    #[test]
    fn unknown_codes_show_the_code() {
        let all = [lang("en-US", "English (US)", true)];
        assert_eq!(display_name(&all, "en-US"), "English (US)");
        assert_eq!(display_name(&all, "xx-YY"), "xx-YY");
    }
}
