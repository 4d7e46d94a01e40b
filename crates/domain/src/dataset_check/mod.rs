//! The server's check of an uploaded dataset (`status` and `problems` of a
//! dataset in `docs/api.md`), and the transcript cues it reads. The browser's
//! own check before upload (`content`) looks at the shape of a file; this one
//! reads every cue, so it finds what only a full read shows, with line numbers.

mod check;

pub use check::{CheckStatus, DatasetCheck, DatasetProblem};

/// Why the datasets stop a training, naming them: any still being checked,
/// then any the server found invalid.
pub fn dataset_block(datasets: &[crate::Dataset]) -> Option<String> {
    let names = |keep: fn(&DatasetCheck) -> bool| {
        datasets.iter().filter(|d| keep(&d.check)).map(|d| d.name.as_str()).collect::<Vec<_>>().join(", ")
    };
    let checking = names(DatasetCheck::is_validating);
    if !checking.is_empty() {
        return Some(format!("Wait until the datasets are checked (still checking: {checking})."));
    }
    let invalid = names(DatasetCheck::is_invalid);
    (!invalid.is_empty()).then(|| format!("Fix or delete the invalid datasets first: {invalid}."))
}

/// One cue of a transcript: its text and, for VTT and SRT, its times in seconds.
#[derive(Clone, Debug, PartialEq)]
pub struct Cue {
    /// The 1-based line of the cue's timing line (or of the text, for plain text).
    pub line: u32,
    pub start: Option<f64>,
    pub end: Option<f64>,
    pub text: String,
}

/// The cues of a VTT, SRT or plain-text transcript. A timing line starts a cue,
/// the lines after it up to a blank line are its text; without any timing
/// line, each non-empty line is a cue.
pub fn cues(text: &str) -> Vec<Cue> {
    let lines: Vec<&str> = text.lines().collect();
    let timed = lines.iter().any(|l| l.contains("-->"));
    let mut found = Vec::new();
    if !timed {
        for (i, line) in lines.iter().enumerate() {
            let trimmed = line.trim();
            if !trimmed.is_empty() {
                found.push(Cue { line: line_number(i), start: None, end: None, text: trimmed.to_owned() });
            }
        }
        return found;
    }
    let mut i = 0;
    while i < lines.len() {
        let Some((start, end)) = lines[i].split_once("-->") else {
            i += 1;
            continue;
        };
        let line = line_number(i);
        let mut words = Vec::new();
        i += 1;
        while i < lines.len() && !lines[i].trim().is_empty() && !lines[i].contains("-->") {
            words.push(lines[i].trim());
            i += 1;
        }
        let end = end.split_whitespace().next().unwrap_or_default();
        found.push(Cue { line, start: timestamp(start.trim()), end: timestamp(end), text: words.join(" ") });
    }
    found
}

/// What the server finds in a transcript's text: cues whose times are
/// unreadable or run backwards, and cues without words.
pub fn check_transcript(text: &str) -> Vec<DatasetProblem> {
    let mut problems = Vec::new();
    for cue in cues(text) {
        let line = Some(cue.line);
        let timed = cue.start.is_some() || cue.end.is_some() || text.contains("-->");
        match (cue.start, cue.end) {
            (Some(start), Some(end)) if end < start => {
                problems.push(DatasetProblem { line, message: "cue ends before it starts".into() })
            }
            (None, _) | (_, None) if timed => {
                problems.push(DatasetProblem { line, message: "the cue's times cannot be read".into() })
            }
            _ => {}
        }
        if cue.text.is_empty() {
            problems.push(DatasetProblem { line, message: "the cue has no text".into() });
        }
    }
    if problems.is_empty() && !text.chars().any(char::is_alphanumeric) {
        problems.push(DatasetProblem { line: None, message: "the file holds no transcript text".into() });
    }
    problems
}

fn line_number(index: usize) -> u32 {
    u32::try_from(index + 1).unwrap_or(u32::MAX)
}

/// `hh:mm:ss.mmm`, `mm:ss.mmm`, or SRT's `hh:mm:ss,mmm`, in seconds.
fn timestamp(raw: &str) -> Option<f64> {
    let raw = raw.replace(',', ".");
    let mut seconds = 0.0;
    let parts: Vec<&str> = raw.split(':').collect();
    if !(2..=3).contains(&parts.len()) {
        return None;
    }
    for part in &parts {
        let value: f64 = part.parse().ok().filter(|v: &f64| v.is_finite() && *v >= 0.0)?;
        seconds = seconds * 60.0 + value;
    }
    Some(seconds)
}

#[cfg(test)]
mod tests {
    use super::*;

    const VTT: &str = "WEBVTT\n\n00:00:01.000 --> 00:00:02.500\nHello there.\n\n00:03.000 --> 00:04.000 align:start\nSecond cue\non two lines\n";

    #[test]
    fn reads_vtt_srt_and_plain_cues() {
        let found = cues(VTT);
        assert_eq!(found.len(), 2);
        assert_eq!((found[0].line, found[0].start, found[0].end), (3, Some(1.0), Some(2.5)));
        assert_eq!(found[1].text, "Second cue on two lines");
        let srt = cues("1\n00:00:01,000 --> 00:00:02,000\nUno\n\n2\n00:00:03,000 --> 00:00:04,000\nDos\n");
        assert_eq!(srt.iter().map(|c| c.text.as_str()).collect::<Vec<_>>(), ["Uno", "Dos"]);
        let plain = cues("first line\n\n  second line  \n");
        assert_eq!((plain[1].line, plain[1].text.as_str(), plain[1].start), (3, "second line", None));
    }

    #[test]
    fn finds_backwards_unreadable_and_empty_cues_by_line() {
        assert!(check_transcript(VTT).is_empty());
        let bad = "WEBVTT\n\n00:00:05.000 --> 00:00:02.000\nBackwards\n\n00:xx --> 00:00:09.000\nOdd\n\n00:00:10.000 --> 00:00:11.000\n\n";
        let texts: Vec<String> = check_transcript(bad).iter().map(DatasetProblem::text).collect();
        assert_eq!(
            texts,
            [
                "Line 3: cue ends before it starts",
                "Line 6: the cue's times cannot be read",
                "Line 9: the cue has no text"
            ]
        );
        assert_eq!(check_transcript("  \n\n")[0].text(), "the file holds no transcript text");
    }

    #[test]
    fn checking_or_invalid_datasets_block_training_by_name() {
        let mut a = crate::dataset::tests_support::dataset("a.vtt");
        let mut b = crate::dataset::tests_support::dataset("b.srt");
        assert_eq!(dataset_block(&[a.clone(), b.clone()]), None);
        b.check.status = CheckStatus::Invalid.into();
        assert_eq!(dataset_block(&[a.clone(), b.clone()]).unwrap(), "Fix or delete the invalid datasets first: b.srt.");
        a.check.status = crate::Named::Other("scanning".into());
        assert_eq!(dataset_block(&[a, b]).unwrap(), "Wait until the datasets are checked (still checking: a.vtt).");
    }
}
