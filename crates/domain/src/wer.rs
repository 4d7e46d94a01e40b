//! Word error rate (WER), or character error rate (CER) for languages written
//! without spaces, with the alignment that shows where the errors are.
//!
//! Both texts are normalised the way jiwer's default transform does it before
//! counting, so punctuation and case never count as errors:
//!
//! 1. **ToLowerCase**: Unicode lower case (`"ÉCOLE"` → `"école"`, `"STRAẞE"` → `"straße"`,
//!    `"ΟΔΟΣ"` → `"οδος"` with a final `ς`, as recognizers write it).
//! 2. **RemovePunctuation**: punctuation becomes a word break, except an apostrophe
//!    or hyphen with a letter or digit on both sides (`don't`, `e-mail`, `covid-19`);
//!    typographic apostrophes and hyphens (`’`, `‐`) become `'` and `-`, so `don’t`
//!    matches `don't`. "Punctuation" is ASCII punctuation and symbols plus the
//!    Latin-1, General Punctuation, CJK and fullwidth punctuation blocks (`«»`, `–—…`,
//!    `、。「」`, `！？`). Letters, digits, marks and emoji stay.
//! 3. **RemoveMultipleSpaces** and **Strip**: whitespace runs become one space, none at the ends.
//!
//! There is no Unicode composition (NFC) or compatibility folding (NFKC): a
//! decomposed `e` + `◌́` and a fullwidth `Ａ` stay as typed, as they do in jiwer.
//!
//! Errors are counted as in NIST sclite: a Levenshtein alignment of the token
//! sequences with unit costs; rate = (S + D + I) / N, N being the reference tokens.

use serde::{Deserialize, Serialize};

/// What is counted: words, or characters for languages written without spaces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Words,
    Characters,
}

impl Unit {
    /// "word"/"words" or "character"/"characters", for "3 of 20 words".
    pub fn noun(self, plural: bool) -> &'static str {
        match (self, plural) {
            (Unit::Words, false) => "word",
            (Unit::Words, true) => "words",
            (Unit::Characters, false) => "character",
            (Unit::Characters, true) => "characters",
        }
    }

    /// "WER" or "CER", as the column is headed.
    pub fn rate_name(self) -> &'static str {
        match self {
            Unit::Words => "WER",
            Unit::Characters => "CER",
        }
    }
}

/// The unit for a base language code: Japanese, Chinese and Thai ("ja-JP", "zh",
/// "th-TH", any case) count characters, because their words are not separated by
/// spaces and a "word" would be a whole sentence; every other language counts words.
pub fn unit_for(language: &str) -> Unit {
    let primary = language.split(['-', '_']).next().unwrap_or_default();
    if ["ja", "zh", "th"].iter().any(|code| primary.eq_ignore_ascii_case(code)) {
        Unit::Characters
    } else {
        Unit::Words
    }
}

/// `text` normalised as the module documentation describes.
pub fn normalize(text: &str) -> String {
    let lower = text.to_lowercase();
    let mut normalized = String::with_capacity(lower.len());
    let mut pending_break = false;
    let mut previous = None;
    let mut chars = lower.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied();
        let kept = match in_word_joiner(c) {
            Some(joiner) => {
                let between_word_chars =
                    previous.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric);
                between_word_chars.then_some(joiner)
            }
            None => (!c.is_whitespace() && !is_punctuation(c)).then_some(c),
        };
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
    normalized
}

/// The apostrophe or hyphen `c` stands for, if it is one.
fn in_word_joiner(c: char) -> Option<char> {
    match c {
        '\'' | '\u{2019}' | '\u{02bc}' => Some('\''),
        '-' | '\u{2010}' | '\u{2011}' => Some('-'),
        _ => None,
    }
}

fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(c,
            '¡' | '§' | '«' | '¶' | '·' | '»' | '¿'
            | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205e}'
            | '\u{3001}'..='\u{3003}' | '\u{3008}'..='\u{3011}' | '\u{3014}'..='\u{301f}' | '\u{30fb}'
            | '\u{ff01}'..='\u{ff0f}' | '\u{ff1a}'..='\u{ff20}' | '\u{ff3b}'..='\u{ff40}' | '\u{ff5b}'..='\u{ff65}')
}

/// The tokens of already [`normalize`]d text: its words, or for
/// [`Unit::Characters`] each non-space character (a code point, so a Thai tone
/// mark counts on its own). Slices of `normalized`, so counting allocates no token.
pub fn tokens(normalized: &str, unit: Unit) -> Vec<&str> {
    match unit {
        Unit::Words => normalized.split_whitespace().collect(),
        Unit::Characters => normalized.matches(|c: char| !c.is_whitespace()).collect(),
    }
}

/// Errors of one hypothesis against its reference, or of many added up.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    pub substitutions: u32,
    pub deletions: u32,
    pub insertions: u32,
    pub reference_words: u32,
}

impl Counts {
    pub fn errors(&self) -> u32 {
        self.substitutions + self.deletions + self.insertions
    }
    /// (S + D + I) / N; `None` when the reference is empty.
    pub fn rate(&self) -> Option<f64> {
        (self.reference_words > 0).then(|| f64::from(self.errors()) / f64::from(self.reference_words))
    }
    pub fn add(&mut self, other: &Counts) {
        self.substitutions += other.substitutions;
        self.deletions += other.deletions;
        self.insertions += other.insertions;
        self.reference_words += other.reference_words;
    }
}

/// What happened to a token on the way from reference to hypothesis.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    Match,
    /// A reference token recognised as a different one.
    Substitution,
    /// A reference token missing from the hypothesis.
    Deletion,
    /// A hypothesis token with no reference token.
    Insertion,
}

/// One step of an alignment: a reference token, a hypothesis token, or both.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pair {
    pub op: Op,
    pub reference: Option<String>,
    pub hypothesis: Option<String>,
}

/// The steps of an [`align`]ment and the errors they add up to.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Alignment {
    pub pairs: Vec<Pair>,
    pub counts: Counts,
}

/// The cheapest alignment of the normalised token sequences, in reference order.
///
/// **Tie rule**: several alignments often cost the same ("a b" against "b a" is two
/// substitutions, or a deletion and an insertion around a match). Walking back from
/// the end, each step prefers the diagonal (match or substitution), then a deletion,
/// then an insertion. So substitutions pair tokens from the end, and the deletions or
/// insertions left over come first: "the cat" against "dog" deletes "the" and
/// substitutes "cat" → "dog".
pub fn align(reference: &str, hypothesis: &str, unit: Unit) -> Alignment {
    let (reference, hypothesis) = (normalize(reference), normalize(hypothesis));
    let (r, h) = (tokens(&reference, unit), tokens(&hypothesis, unit));
    let mut ops: Vec<Vec<Op>> = Vec::with_capacity(r.len() + 1);
    let counts = sweep(&r, &h, |row| ops.push(row.iter().map(|cell| cell.op).collect()));

    let (mut i, mut j) = (r.len(), h.len());
    let mut pairs = Vec::with_capacity(r.len().max(h.len()));
    // Each step leaves at least one token behind, so r + h steps always reach the start.
    for _ in 0..r.len() + h.len() {
        let Some(&op) = ops.get(i).and_then(|row| row.get(j)) else { break };
        let (rt, ht) = match op {
            Op::Match | Op::Substitution => (token_before(&r, i), token_before(&h, j)),
            Op::Deletion => (token_before(&r, i), None),
            Op::Insertion => (None, token_before(&h, j)),
        };
        i -= usize::from(rt.is_some());
        j -= usize::from(ht.is_some());
        pairs.push(Pair { op, reference: rt.map(str::to_owned), hypothesis: ht.map(str::to_owned) });
        if i == 0 && j == 0 {
            break;
        }
    }
    pairs.reverse();
    Alignment { pairs, counts }
}

/// Only the counts, without building the pairs (totals over many utterances):
/// two rows of the table instead of all of them, and no token copied.
pub fn count(reference: &str, hypothesis: &str, unit: Unit) -> Counts {
    let (reference, hypothesis) = (normalize(reference), normalize(hypothesis));
    sweep(&tokens(&reference, unit), &tokens(&hypothesis, unit), |_| {})
}

fn token_before<'a>(tokens: &[&'a str], end: usize) -> Option<&'a str> {
    end.checked_sub(1).and_then(|k| tokens.get(k)).copied()
}

/// A cell of the edit-distance table: the cost of the preferred path into it, its
/// substitutions and its last step. Deletions and insertions need no fields of their
/// own: on any path to cell (i, j), D − I = i − j and D + I = cost − S.
#[derive(Clone, Copy)]
struct Cell {
    op: Op,
    cost: u32,
    substitutions: u32,
}

/// Fills the edit-distance table row by row, keeping two rows, shows each row to
/// `visit`, and returns the counts of the whole alignment. `align` and `count` both
/// run on it, so they cannot disagree about ties.
fn sweep(r: &[&str], h: &[&str], mut visit: impl FnMut(&[Cell])) -> Counts {
    let mut previous: Vec<Cell> =
        (0..=h.len() as u32).map(|j| Cell { op: Op::Insertion, cost: j, substitutions: 0 }).collect();
    let mut current = Vec::with_capacity(previous.len());
    visit(&previous);
    for (i, rt) in (1..).zip(r) {
        let mut left = Cell { op: Op::Deletion, cost: i, substitutions: 0 };
        current.clear();
        current.push(left);
        for (ht, (diagonal, above)) in h.iter().zip(previous.iter().zip(previous.iter().skip(1))) {
            left = cheapest(diagonal, rt == ht, above, &left);
            current.push(left);
        }
        visit(&current);
        std::mem::swap(&mut previous, &mut current);
    }
    let (n, m) = (r.len() as u32, h.len() as u32);
    let (cost, substitutions) = previous.last().map_or((0, 0), |cell| (cell.cost, cell.substitutions));
    let deletions = (cost - substitutions + n).saturating_sub(m) / 2;
    Counts { substitutions, deletions, insertions: cost - substitutions - deletions, reference_words: n }
}

/// The cheapest step into a cell; on equal cost the diagonal wins over the deletion
/// (from `above`), and the deletion over the insertion (from `left`): the tie rule.
fn cheapest(diagonal: &Cell, same: bool, above: &Cell, left: &Cell) -> Cell {
    let mut best = if same {
        Cell { op: Op::Match, ..*diagonal }
    } else {
        Cell { op: Op::Substitution, cost: diagonal.cost + 1, substitutions: diagonal.substitutions + 1 }
    };
    if above.cost + 1 < best.cost {
        best = Cell { op: Op::Deletion, cost: above.cost + 1, ..*above };
    }
    if left.cost + 1 < best.cost {
        best = Cell { op: Op::Insertion, cost: left.cost + 1, ..*left };
    }
    best
}

/// How an error rate compares with what custom models are expected to reach.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grade {
    Good,
    Acceptable,
    NeedsWork,
}

impl Grade {
    /// The badge colour: green good, amber acceptable, red needs work.
    pub fn badge(self) -> crate::status::BadgeColour {
        use crate::status::BadgeColour;
        match self {
            Grade::Good => BadgeColour::Green,
            Grade::Acceptable => BadgeColour::Amber,
            Grade::NeedsWork => BadgeColour::Red,
        }
    }

    /// Good under 10 %, Acceptable from 10 % to under 30 %, Needs work from 30 %
    /// (`rate` as a fraction). Azure's guidance: 5–10 % is good, about 20 % is
    /// acceptable, 30 % or more needs work. A rate that is not a number needs work.
    pub fn of(rate: f64) -> Grade {
        if rate < 0.10 {
            Grade::Good
        } else if rate < 0.30 {
            Grade::Acceptable
        } else {
            Grade::NeedsWork
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Grade::Good => "Good",
            Grade::Acceptable => "Acceptable",
            Grade::NeedsWork => "Needs work",
        }
    }
}

/// `custom`'s error rate relative to `base`'s, minus one: -0.31 is 31 % fewer errors.
/// `None` when either has no rate or the base has none to compare with (0 %);
/// sorting by it puts the biggest improvement first.
pub fn relative_change(base: &Counts, custom: &Counts) -> Option<f64> {
    let (base, custom) = (base.rate()?, custom.rate()?);
    (base > 0.0).then(|| custom / base - 1.0)
}

/// "31 % fewer errors", "12 % more errors", "Same error rate"; `None` without a base rate.
/// From a base of 0 % there is no percentage to give: "Same error rate" or "More errors".
pub fn change_text(base: &Counts, custom: &Counts) -> Option<String> {
    let (base_rate, custom_rate) = (base.rate()?, custom.rate()?);
    if base_rate == 0.0 {
        return Some(if custom_rate == 0.0 { "Same error rate" } else { "More errors" }.into());
    }
    let percent = (relative_change(base, custom)? * 100.0).round();
    Some(if percent < 0.0 {
        format!("{:.0} % fewer errors", -percent)
    } else if percent > 0.0 {
        format!("{percent:.0} % more errors")
    } else {
        "Same error rate".into()
    })
}

/// A rate as people read it: "12.5 %", or "—" for an empty reference.
pub fn rate_text(counts: &Counts) -> String {
    counts.rate().map_or_else(|| "—".into(), |rate| format!("{:.1} %", rate * 100.0))
}

#[cfg(test)]
mod tests;
