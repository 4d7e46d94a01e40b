//! "Download results (CSV)" on a test's page: one row per utterance, as a
//! spreadsheet opens it. The browser writes the file a page of utterances at a
//! time ([`header`] once, then [`rows`] for each page), so these are plain
//! string pieces that can be joined in any number of parts.
//!
//! - RFC 4180: comma-separated, lines end in CRLF, a cell holding a comma, a quote,
//!   CR or LF is quoted and its quotes doubled.
//! - UTF-8 with a byte-order mark ([`BOM`]), so Excel reads accents and scripts
//!   right instead of guessing a code page.
//! - Safe from formula injection: a text cell that starts with `=`, `+`, `-`, `@`,
//!   a tab or CR gets a leading `'`, so a transcript reading `=HYPERLINK(…)` is shown,
//!   not run (OWASP's advice). Numbers are the console's own and never start so.

use std::borrow::Cow;

use crate::evaluation::Compared;
use crate::wer::{Counts, Unit};

/// Put once, before the header: tells spreadsheet apps the file is UTF-8.
pub const BOM: &str = "\u{feff}";

/// The file's media type, for the download.
pub const MEDIA_TYPE: &str = "text/csv;charset=utf-8";

/// The header line: `Base WER (%)`, or `Base CER (%)` for a language counted in characters.
pub fn header(unit: Unit) -> String {
    let rate = unit.rate_name();
    let mut cells = vec![
        "File".to_owned(),
        "Start (s)".into(),
        "End (s)".into(),
        "Reference".into(),
        "Base model".into(),
        "Custom model".into(),
    ];
    for model in ["Base", "Custom"] {
        cells.extend(["S", "D", "I", "N"].map(|kind| format!("{model} {kind}")));
        cells.push(format!("{model} {rate} (%)"));
    }
    line(cells.iter().map(|c| Cow::Borrowed(c.as_str())))
}

/// The lines of some utterances, in the order given: the texts as the test holds
/// them, each model's substitutions, deletions, insertions, reference tokens and rate.
pub fn rows(utterances: &[Compared]) -> String {
    utterances.iter().map(row).collect()
}

fn row(c: &Compared) -> String {
    let u = &c.utterance;
    let mut cells: Vec<Cow<str>> = vec![
        text(&u.file),
        seconds(u.start).into(),
        seconds(u.end).into(),
        text(&u.reference),
        text(&u.base),
        text(&u.custom),
    ];
    for counts in [&c.base.counts, &c.custom.counts] {
        cells.extend(figures(counts).map(Cow::Owned));
    }
    line(cells.into_iter())
}

/// S, D, I, N and the rate in percent with one decimal ("" for an empty reference).
fn figures(counts: &Counts) -> [String; 5] {
    [
        counts.substitutions.to_string(),
        counts.deletions.to_string(),
        counts.insertions.to_string(),
        counts.reference_words.to_string(),
        counts.rate().map_or_else(String::new, |rate| format!("{:.1}", rate * 100.0)),
    ]
}

/// Seconds to the millisecond without trailing zeros ("12", "15.5"); "" when unknown.
fn seconds(value: Option<f64>) -> String {
    match value {
        Some(s) if s.is_finite() => {
            let fixed = format!("{s:.3}");
            fixed.trim_end_matches('0').trim_end_matches('.').to_owned()
        }
        _ => String::new(),
    }
}

/// A cell of text from the server: neutralised, then quoted when it must be.
fn text(value: &str) -> Cow<'_, str> {
    let value: Cow<str> = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{value}"))
    } else {
        Cow::Borrowed(value)
    };
    if value.contains([',', '"', '\r', '\n']) {
        Cow::Owned(format!("\"{}\"", value.replace('"', "\"\"")))
    } else {
        value
    }
}

fn line<'a>(cells: impl Iterator<Item = Cow<'a, str>>) -> String {
    let mut out = cells.collect::<Vec<_>>().join(",");
    out.push_str("\r\n");
    out
}

/// The name the file is saved as: the test's name with the characters file
/// systems refuse replaced, "Holdout Nov results.csv".
pub fn file_name(test_name: &str) -> String {
    let safe: String = test_name
        .trim()
        .chars()
        .map(|c| if c.is_control() || r#"\/:*?"<>|"#.contains(c) { '_' } else { c })
        .take(100)
        .collect();
    let stem = safe.trim_matches(['.', ' ']);
    if stem.is_empty() {
        "test results.csv".into()
    } else {
        format!("{stem} results.csv")
    }
}

/// Utterances asked for per request: the contract's largest page.
pub const PAGE_SIZE: u32 = 100;

/// What the download is doing: "Preparing the first page…", then "Preparing 3 of 12 pages…".
pub fn progress_text(page: u32, pages: Option<u32>) -> String {
    match pages {
        Some(pages) if pages > 1 => format!("Preparing {page} of {pages} pages…"),
        Some(_) => "Preparing the file…".into(),
        None => "Preparing the first page…".into(),
    }
}

/// What was saved: "Saved 1,234 utterances to Holdout results.csv.", and how
/// many the server sent that could not be read (they are not in the file).
pub fn saved_text(rows: u64, skipped: u64, file_name: &str) -> String {
    let noun = |n: u64| if n == 1 { "utterance" } else { "utterances" };
    let mut text = format!("Saved {} {} to {file_name}.", thousands(rows), noun(rows));
    if skipped > 0 {
        text.push_str(&format!(
            " {} {} could not be read and {} left out.",
            thousands(skipped),
            noun(skipped),
            if skipped == 1 { "is" } else { "are" }
        ));
    }
    text
}

fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evaluation::Utterance;
    use crate::wer::Scoring;

    fn utterance(file: &str, reference: &str, base: &str, custom: &str) -> Compared {
        let u = Utterance {
            file: file.into(),
            start: Some(12.0),
            end: Some(15.5),
            reference: reference.into(),
            base: base.into(),
            custom: custom.into(),
        };
        Compared::new(u, Scoring::WORDS)
    }

    #[test]
    fn the_header_names_every_column_and_the_unit() {
        assert_eq!(
            header(Unit::Words),
            "File,Start (s),End (s),Reference,Base model,Custom model,Base S,Base D,Base I,Base N,Base WER (%),\
             Custom S,Custom D,Custom I,Custom N,Custom WER (%)\r\n"
        );
        assert!(header(Unit::Characters).contains("Base CER (%)"));
    }

    #[test]
    fn a_row_has_the_texts_as_held_and_both_models_figures() {
        let row = rows(&[utterance("holdout.srt", "The cat sat.", "the cat sit", "the cat sat")]);
        assert_eq!(row, "holdout.srt,12,15.5,The cat sat.,the cat sit,the cat sat,1,0,0,3,33.3,0,0,0,3,0.0\r\n");
        let mut empty = utterance("a.txt", "", "uh", "");
        empty.utterance.start = None;
        empty.utterance.end = Some(f64::NAN);
        assert_eq!(rows(&[empty]), "a.txt,,,,uh,,0,0,1,0,,0,0,0,0,\r\n");
    }

    #[test]
    fn cells_are_quoted_as_rfc_4180_says() {
        let row = rows(&[utterance("a,b.srt", "say \"hi\", then\nleave", "x\r\ny", "plain")]);
        assert!(row.starts_with("\"a,b.srt\",12,15.5,\"say \"\"hi\"\", then\nleave\",\"x\r\ny\",plain,"), "{row}");
        assert_eq!(text("no quotes needed"), "no quotes needed");
    }

    #[test]
    fn formulas_are_neutralised_in_text_cells() {
        for hostile in ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"] {
            assert!(text(hostile).trim_start_matches('"').starts_with('\''), "{hostile:?}");
        }
        assert_eq!(text("=1,2"), "\"'=1,2\"");
        assert_eq!(text("a = b"), "a = b");
        let row = rows(&[utterance("=evil.srt", "=HYPERLINK(\"x\")", "ok", "ok")]);
        assert!(row.starts_with("'=evil.srt,12,15.5,\"'=HYPERLINK(\"\"x\"\")\",ok,ok,"), "{row}");
    }

    #[test]
    fn many_pages_join_into_one_file() {
        let page = |n: usize| (0..n).map(|i| utterance(&format!("f{i}"), "a b", "a", "a b")).collect::<Vec<_>>();
        let file = format!("{BOM}{}{}{}", header(Unit::Words), rows(&page(100)), rows(&page(7)));
        assert!(file.starts_with("\u{feff}File,"));
        assert_eq!(file.matches("\r\n").count(), 1 + 107);
        assert_eq!(&file.as_bytes()[..3], [0xef, 0xbb, 0xbf]);
    }

    #[test]
    fn progress_and_outcome_read_as_sentences() {
        assert_eq!(progress_text(1, None), "Preparing the first page…");
        assert_eq!(progress_text(3, Some(12)), "Preparing 3 of 12 pages…");
        assert_eq!(progress_text(1, Some(1)), "Preparing the file…");
        assert_eq!(saved_text(1234, 0, "a.csv"), "Saved 1,234 utterances to a.csv.");
        assert_eq!(
            saved_text(1, 1, "a.csv"),
            "Saved 1 utterance to a.csv. 1 utterance could not be read and is left out."
        );
        assert_eq!(thousands(1_000_000), "1,000,000");
        assert_eq!(thousands(999), "999");
    }

    #[test]
    fn file_names_are_safe_everywhere() {
        assert_eq!(file_name("Holdout Nov"), "Holdout Nov results.csv");
        assert_eq!(file_name("a/b:c*?\"<>|\u{7}"), "a_b_c_______ results.csv");
        assert_eq!(file_name(" .. "), "test results.csv");
        assert_eq!(file_name(&"x".repeat(300)).chars().count(), 100 + " results.csv".len());
    }
}
