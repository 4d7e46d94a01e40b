//! The text both sides are reduced to before they are compared (see the module
//! documentation of [`crate::wer`] for the rules, with examples).

use super::unicode::{compose, is_digit, is_mark, is_punctuation_or_symbol};

/// How upper case becomes lower case.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Case {
    /// Unicode's default lower case, as for every language without its own rule.
    #[default]
    Unicode,
    /// Turkish and Azerbaijani: dotted `İ` → `i` and dotless `I` → `ı`.
    Turkic,
}

impl Case {
    /// [`Case::Turkic`] for Turkish and Azerbaijani ("tr-TR", "az", any case), else Unicode's.
    pub fn for_language(language: &str) -> Case {
        let primary = language.split(['-', '_']).next().unwrap_or_default();
        if ["tr", "az"].iter().any(|code| primary.eq_ignore_ascii_case(code)) {
            Case::Turkic
        } else {
            Case::Unicode
        }
    }

    fn lower(self, text: &str) -> String {
        match self {
            Case::Unicode => text.to_lowercase(),
            // Only the two letters differ; the rest is Unicode's lower case.
            Case::Turkic => text.replace('I', "ı").replace('İ', "i").to_lowercase(),
        }
    }
}

/// `text` as it is compared: the steps of the module documentation, in order.
pub fn normalize(text: &str, case: Case) -> String {
    let lower = case.lower(&compose(text));
    let mut normalized = String::with_capacity(lower.len());
    let mut pending_break = false;
    // Whether the last character was punctuation or a symbol, whose marks and
    // joiners go with it (the variation selector of `❤️`, the joiners of `👨‍👩‍👧`).
    let mut after_removed = false;
    let mut previous: Option<char> = None;
    let mut chars = lower.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied();
        let kept = if is_break(c) {
            None
        } else if matches!(c, '\u{ad}' | '\u{feff}') {
            // Invisible and meaningless here: neither a character nor a break.
            continue;
        } else if let Some(joiner) = in_word_joiner(c) {
            let between = previous.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric);
            between.then_some(joiner)
        } else if matches!(c, '.' | ',') {
            (previous.is_some_and(is_digit) && next.is_some_and(is_digit)).then_some(c)
        } else if after_removed && (c == '\u{200d}' || is_mark(c)) {
            None
        } else {
            (!is_punctuation_or_symbol(c)).then_some(c)
        };
        after_removed = kept.is_none() && !is_break(c);
        previous = Some(c);
        match kept {
            Some(k) => {
                if pending_break && !normalized.is_empty() {
                    normalized.push(' ');
                }
                pending_break = false;
                normalized.push(k);
            }
            None => pending_break = true,
        }
    }
    if normalized.contains([',', '.']) {
        normalized = normalized.split(' ').map(without_digit_groups).collect::<Vec<_>>().join(" ");
    }
    normalized
}

/// Whitespace, and the zero-width space that separates words in Thai or Khmer text.
fn is_break(c: char) -> bool {
    c.is_whitespace() || c == '\u{200b}'
}

/// The apostrophe or hyphen `c` stands for, if it is one.
fn in_word_joiner(c: char) -> Option<char> {
    match c {
        '\'' | '\u{2019}' | '\u{02bc}' => Some('\''),
        '-' | '\u{2010}' | '\u{2011}' => Some('-'),
        _ => None,
    }
}

/// `word` with the group separators of its numbers taken out: `1,000,000` →
/// `1000000`, `12,34,567` → `1234567`, `1.000,5` → `1000,5`; other numbers
/// (`3.14`, `192.168.0.1`, `1,5`) stay as they are.
fn without_digit_groups(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut rest = word;
    while let Some(start) = rest.find(is_digit) {
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        // The number: digits, and `.` or `,` with a digit on both sides (as normalize kept them).
        let end = rest.find(|c: char| !(is_digit(c) || c == '.' || c == ',')).unwrap_or(rest.len());
        let number = &rest[..end];
        match grouping(number) {
            Some(separator) => out.extend(ungrouped(number, separator)),
            None => out.push_str(number),
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// The group separator of `number` when its integer part is grouped by threes
/// (`1,000,000`) or the Indian way (`12,34,567`), one separator throughout, and
/// whatever follows is one decimal part after the other separator (`1,000.5`).
fn grouping(number: &str) -> Option<char> {
    let separator = number.chars().find(|c| matches!(c, '.' | ','))?;
    let (integer, decimals) = match number.split_once(if separator == '.' { ',' } else { '.' }) {
        Some((integer, decimals)) => (integer, Some(decimals)),
        None => (number, None),
    };
    if decimals.is_some_and(|d| d.is_empty() || d.contains(['.', ','])) {
        return None;
    }
    let groups: Vec<usize> = integer.split(separator).map(|g| g.chars().count()).collect();
    let (first, rest) = groups.split_first()?;
    let (last, middle) = rest.split_last()?;
    let by_threes = *first <= 3 && middle.iter().all(|&n| n == 3);
    let indian = *first <= 2 && !middle.is_empty() && middle.iter().all(|&n| n == 2);
    (*first >= 1 && *last == 3 && (by_threes || indian)).then_some(separator)
}

fn ungrouped(number: &str, separator: char) -> impl Iterator<Item = char> + '_ {
    number.chars().filter(move |&c| c != separator)
}
