//! Word error rate (WER), or character error rate (CER) for languages written
//! without spaces, with the alignment that shows where the errors are.
//!
//! ## What is compared
//!
//! Both texts are reduced by [`normalize`] before counting, so that case,
//! punctuation and the way a character is encoded never count as errors:
//!
//! 1. **Composition**: Unicode NFC, so a precomposed `é` and `e` + `◌́` are one
//!    character. There is no compatibility folding (NFKC): a fullwidth `Ａ` stays.
//! 2. **Lower case**: Unicode's (`ÉCOLE` → `école`, `STRAẞE` → `straße`, `ΟΔΟΣ` →
//!    `οδος`); for Turkish and Azerbaijani (`tr`, `az`) `İ` → `i` and `I` → `ı`.
//! 3. **Punctuation and symbols**: every character of the Unicode general categories
//!    P (punctuation: `.` `،` `؟` `।` `«` `」`) and S (symbols: `$` `€` `%` `+` `©` and
//!    emoji) becomes a word break, with the marks and joiners that follow it (the
//!    variation selector of `❤️`). Two exceptions keep a word whole:
//!    - an apostrophe or hyphen with a letter or digit on both sides (`don't`,
//!      `e-mail`, `covid-19`); `’` and `ʼ` become `'`, `‐` and `‑` become `-`,
//!      so `don’t` matches `don't`;
//!    - a `.` or `,` with a digit on both sides (`3.14`, `1,5`). When the integer
//!      part is grouped (by threes with one separator throughout, `1,000,000` or
//!      `1.000.000`, or the Indian way, `12,34,567`), the group separators are taken
//!      out and any decimal part after the other separator stays: `1,000,000` →
//!      `1000000`, `1.000,5` → `1000,5`. So `1,000,000` matches `1000000`, while `3.14`
//!      and `314` differ by one word. A lone `1.000` is read as grouped too (one
//!      thousand, as German writes it).
//! 4. **Spaces**: whitespace runs (and the zero-width space of Thai or Khmer text)
//!    become one space, none at the ends; a soft hyphen is dropped. Letters, digits,
//!    marks and other characters stay as they are.
//!
//! So `"It costs €5, Ali."` and `"it costs 5 ali"` agree, as do an Arabic reference
//! with `،` and `؟` and the same words without them.
//!
//! ## How errors are counted
//!
//! A Levenshtein alignment of the token sequences (words, or for [`Unit::Characters`]
//! the non-space characters) with unit costs; rate = (S + D + I) / N, N being the
//! reference tokens. This is what jiwer computes on texts reduced as above (jiwer's
//! own default transform only strips and splits on spaces; its `RemovePunctuation`
//! removes category P but not S). NIST sclite aligns with weights 3/3/4 for
//! insertions, deletions and substitutions, so it may split the same differences
//! into other kinds, and now and then count one more error.

mod normalize;
mod unicode;
mod unicode_tables;

use serde::{Deserialize, Serialize};

pub use normalize::{normalize, Case};

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

/// How a language's texts are compared: what is counted and how case is folded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Scoring {
    pub unit: Unit,
    pub case: Case,
}

impl Scoring {
    pub const WORDS: Scoring = Scoring { unit: Unit::Words, case: Case::Unicode };
    pub const CHARACTERS: Scoring = Scoring { unit: Unit::Characters, case: Case::Unicode };

    /// The rules for a base language code: Japanese, Chinese and Thai ("ja-JP", "zh",
    /// "th-TH", any case) count characters, because their words are not separated by
    /// spaces and a "word" would be a whole sentence; every other language counts
    /// words. Turkish and Azerbaijani lower their own `I`s ([`Case::for_language`]).
    pub fn for_language(language: &str) -> Scoring {
        let primary = language.split(['-', '_']).next().unwrap_or_default();
        let unit = if ["ja", "zh", "th"].iter().any(|code| primary.eq_ignore_ascii_case(code)) {
            Unit::Characters
        } else {
            Unit::Words
        };
        Scoring { unit, case: Case::for_language(language) }
    }

    /// `text` as it is compared (what "Show as compared" shows).
    pub fn normalize(self, text: &str) -> String {
        normalize(text, self.case)
    }
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
pub fn align(reference: &str, hypothesis: &str, scoring: Scoring) -> Alignment {
    let (reference, hypothesis) = (scoring.normalize(reference), scoring.normalize(hypothesis));
    let (r, h) = (tokens(&reference, scoring.unit), tokens(&hypothesis, scoring.unit));
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
pub fn count(reference: &str, hypothesis: &str, scoring: Scoring) -> Counts {
    let (reference, hypothesis) = (scoring.normalize(reference), scoring.normalize(hypothesis));
    sweep(&tokens(&reference, scoring.unit), &tokens(&hypothesis, scoring.unit), |_| {})
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
