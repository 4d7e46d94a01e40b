//! Checks of what a file really holds, run on a bounded prefix before any byte
//! is uploaded: audio must carry its format's signature, VTT its header, SRT
//! well-formed cues, JSONL one JSON object per line.

use crate::dataset::{extension, DatasetType};
use crate::training::TrainingErrorCode;

/// How much of a file the browser reads for these checks.
pub const PREFIX_BYTES: u64 = 64 * 1024;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ContentProblem {
    /// The bytes are not the audio format the extension names.
    NotAudio {
        format: &'static str,
    },
    MissingVttHeader,
    /// A subtitle cue that does not parse, numbered from 1.
    BadSrtCue {
        cue: usize,
        reason: &'static str,
    },
    NoSrtCues,
    /// A manifest line that is not a JSON object, numbered from 1.
    BadJsonlLine {
        line: usize,
        reason: &'static str,
    },
    NotText,
}

impl ContentProblem {
    pub fn message(&self) -> String {
        match self {
            ContentProblem::NotAudio { format } => {
                format!("This is not a {format} audio file: its content does not match its extension.")
            }
            ContentProblem::MissingVttHeader => "Not a WebVTT file: it must start with “WEBVTT”.".into(),
            ContentProblem::BadSrtCue { cue, reason } => {
                format!("Subtitle cue {cue} is malformed: {reason}.")
            }
            ContentProblem::NoSrtCues => "No subtitle cues found.".into(),
            ContentProblem::BadJsonlLine { line, reason } => {
                format!("Line {line} is {reason}; each line must be a JSON object.")
            }
            ContentProblem::NotText => "This is not a text file.".into(),
        }
    }

    /// The training error a backend reports for such a file.
    pub fn error_code(&self) -> TrainingErrorCode {
        match self {
            ContentProblem::NotAudio { .. } => TrainingErrorCode::InvalidAudioFormat,
            ContentProblem::BadJsonlLine { .. } => TrainingErrorCode::ValidationFailed,
            _ => TrainingErrorCode::InvalidTranscriptFormat,
        }
    }
}

/// Checks `bytes`, the start of the file `name` (or all of it when `complete`),
/// against what its extension and dataset type promise.
pub fn check(name: &str, dataset_type: DatasetType, bytes: &[u8], complete: bool) -> Result<(), ContentProblem> {
    match (dataset_type, extension(name).as_deref()) {
        (DatasetType::Audio, Some(ext)) => check_audio(ext, bytes),
        (DatasetType::Manifest, _) => check_jsonl(bytes, complete),
        (_, Some("vtt")) => check_vtt(bytes),
        (_, Some("srt")) => check_srt(bytes, complete),
        (_, Some("txt")) => check_text(bytes, complete).map(drop),
        _ => Ok(()),
    }
}

pub fn check_audio(ext: &str, bytes: &[u8]) -> Result<(), ContentProblem> {
    let ok = match ext {
        "wav" => bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WAVE",
        "flac" => after_id3(bytes).starts_with(b"fLaC"),
        "mp3" => bytes.starts_with(b"ID3") || (bytes.len() >= 2 && bytes[0] == 0xFF && bytes[1] & 0xE0 == 0xE0),
        "m4a" => bytes.len() >= 12 && &bytes[4..8] == b"ftyp",
        _ => true,
    };
    let format = match ext {
        "wav" => "WAV",
        "flac" => "FLAC",
        "mp3" => "MP3",
        _ => "M4A",
    };
    ok.then_some(()).ok_or(ContentProblem::NotAudio { format })
}

/// The bytes after a leading ID3v2 tag, which some encoders put before FLAC data too.
fn after_id3(bytes: &[u8]) -> &[u8] {
    if bytes.len() < 10 || !bytes.starts_with(b"ID3") {
        return bytes;
    }
    // The tag size is "syncsafe": four 7-bit bytes.
    let size = bytes[6..10].iter().fold(0usize, |acc, b| (acc << 7) | usize::from(b & 0x7F));
    let footer = if bytes[5] & 0x10 != 0 { 10 } else { 0 };
    bytes.get(10 + size + footer..).unwrap_or(&[])
}

/// The text of a file, without a UTF-8 BOM. A prefix may end inside a character.
fn check_text(bytes: &[u8], complete: bool) -> Result<&str, ContentProblem> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.contains(&0) {
        return Err(ContentProblem::NotText);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(e) if !complete && e.error_len().is_none() => {
            std::str::from_utf8(&bytes[..e.valid_up_to()]).map_err(|_| ContentProblem::NotText)
        }
        Err(_) => Err(ContentProblem::NotText),
    }
}

/// Lines with any of the three line ends (CRLF, LF, CR alone).
fn lines(text: &str) -> Vec<&str> {
    text.split("\r\n").flat_map(|l| l.split('\n')).flat_map(|l| l.split('\r')).collect()
}

pub fn check_vtt(bytes: &[u8]) -> Result<(), ContentProblem> {
    let text = check_text(bytes, false).map_err(|_| ContentProblem::MissingVttHeader)?;
    let rest = text.strip_prefix("WEBVTT").ok_or(ContentProblem::MissingVttHeader)?;
    match rest.chars().next() {
        None | Some(' ' | '\t' | '\n' | '\r') => Ok(()),
        Some(_) => Err(ContentProblem::MissingVttHeader),
    }
}

pub fn check_srt(bytes: &[u8], complete: bool) -> Result<(), ContentProblem> {
    let text = check_text(bytes, complete)?;
    let all = lines(text);
    let mut blocks: Vec<Vec<&str>> =
        all.split(|l| l.trim().is_empty()).filter(|b| !b.is_empty()).map(<[&str]>::to_vec).collect();
    // A prefix may cut the last cue short: judge only the cues it holds whole.
    if !complete && blocks.len() > 1 {
        blocks.pop();
    }
    if blocks.is_empty() {
        return Err(ContentProblem::NoSrtCues);
    }
    for (i, block) in blocks.iter().enumerate() {
        let cue = i + 1;
        let bad = |reason| Err(ContentProblem::BadSrtCue { cue, reason });
        if block[0].trim().parse::<u64>().is_err() {
            return bad("it does not start with a cue number");
        }
        let Some(timing) = block.get(1) else {
            return bad("it has no timing line");
        };
        let Some((start, end)) = timing.split_once("-->") else {
            return bad("its timing line has no “-->”");
        };
        let (Some(start), Some(end)) = (srt_time(start.trim()), srt_time(end.split_whitespace().next().unwrap_or("")))
        else {
            return bad("its times are not HH:MM:SS,mmm");
        };
        if end < start {
            return bad("it ends before it starts");
        }
    }
    Ok(())
}

/// Milliseconds of an SRT time `HH:MM:SS,mmm` (a comma, as SRT requires).
fn srt_time(raw: &str) -> Option<u64> {
    let (clock, millis) = raw.split_once(',')?;
    let parts: Vec<&str> = clock.split(':').collect();
    let [h, m, s] = parts.as_slice() else {
        return None;
    };
    let num = |p: &str, max: u64| {
        p.parse::<u64>().ok().filter(|v| *v < max && p.len() >= 2 && p.bytes().all(|b| b.is_ascii_digit()))
    };
    let (h, m, s) = (num(h, 1000)?, num(m, 60)?, num(s, 60)?);
    let ms = millis.parse::<u64>().ok().filter(|_| millis.len() == 3 && millis.bytes().all(|b| b.is_ascii_digit()))?;
    Some(((h * 60 + m) * 60 + s) * 1000 + ms)
}

pub fn check_jsonl(bytes: &[u8], complete: bool) -> Result<(), ContentProblem> {
    let text = check_text(bytes, complete).map_err(|_| ContentProblem::BadJsonlLine { line: 1, reason: "not text" })?;
    let mut all = lines(text);
    if !complete && all.len() > 1 {
        all.pop();
    }
    for (i, line) in all.iter().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<serde_json::Value>(line) {
            Ok(serde_json::Value::Object(_)) => {}
            Ok(serde_json::Value::Array(_)) => {
                return Err(ContentProblem::BadJsonlLine { line: i + 1, reason: "an array" })
            }
            Ok(_) => return Err(ContentProblem::BadJsonlLine { line: i + 1, reason: "not an object" }),
            Err(_) => return Err(ContentProblem::BadJsonlLine { line: i + 1, reason: "not valid JSON" }),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wav() -> Vec<u8> {
        let mut b = b"RIFF\x24\x00\x00\x00WAVEfmt ".to_vec();
        b.extend([0u8; 20]);
        b
    }

    #[test]
    fn audio_signatures() {
        assert_eq!(check_audio("wav", &wav()), Ok(()));
        assert_eq!(check_audio("flac", b"fLaC\x00\x00\x00\x22"), Ok(()));
        assert_eq!(check_audio("mp3", b"ID3\x04\x00\x00\x00\x00\x00\x00"), Ok(()));
        assert_eq!(check_audio("mp3", &[0xFF, 0xFB, 0x90, 0x64]), Ok(()));
        assert_eq!(check_audio("m4a", b"\x00\x00\x00\x20ftypM4A \x00\x00\x00\x00"), Ok(()));
    }

    #[test]
    fn disguised_files_are_not_audio() {
        assert_eq!(check_audio("wav", b"hello, I am text pretending"), Err(ContentProblem::NotAudio { format: "WAV" }));
        assert_eq!(
            check_audio("wav", b"RIFF\x24\x00\x00\x00AVI LIST"),
            Err(ContentProblem::NotAudio { format: "WAV" })
        );
        assert!(check_audio("wav", b"RIFF").is_err());
        assert!(check_audio("mp3", b"\xFF\x00").is_err());
        assert!(check_audio("m4a", b"\x00\x00\x00\x20moov").is_err());
        assert!(check_audio("flac", b"").is_err());
        assert_eq!(ContentProblem::NotAudio { format: "WAV" }.error_code(), TrainingErrorCode::InvalidAudioFormat);
    }

    #[test]
    fn flac_behind_an_id3_tag() {
        let mut b = b"ID3\x04\x00\x00\x00\x00\x00\x05".to_vec();
        b.extend(b"TAG!!fLaC\x00");
        assert_eq!(check_audio("flac", &b), Ok(()));
        let mut wrong = b"ID3\x04\x00\x00\x00\x00\x00\x05".to_vec();
        wrong.extend(b"TAG!!OggS");
        assert!(check_audio("flac", &wrong).is_err());
        assert!(check_audio("flac", b"ID3\x04\x00\x00\x7f\x7f\x7f\x7f").is_err());
    }

    #[test]
    fn vtt_needs_its_header_after_an_optional_bom() {
        assert_eq!(check_vtt(b"WEBVTT\n\n00:01.000 --> 00:02.000\nHi"), Ok(()));
        assert_eq!(check_vtt(b"\xEF\xBB\xBFWEBVTT - title\r\n"), Ok(()));
        assert_eq!(check_vtt(b"WEBVTT"), Ok(()));
        assert_eq!(check_vtt(b"00:01.000 --> 00:02.000\nHi"), Err(ContentProblem::MissingVttHeader));
        assert_eq!(check_vtt(b"WEBVTTX"), Err(ContentProblem::MissingVttHeader));
        assert_eq!(check_vtt(b"webvtt\n"), Err(ContentProblem::MissingVttHeader));
        assert_eq!(check_vtt(b""), Err(ContentProblem::MissingVttHeader));
    }

    const SRT: &str = "1\n00:00:01,000 --> 00:00:02,500\nHello\n\n2\n00:00:03,000 --> 00:00:04,000\nWorld\n";

    #[test]
    fn srt_cues_parse_with_any_line_ends_and_a_bom() {
        assert_eq!(check_srt(SRT.as_bytes(), true), Ok(()));
        assert_eq!(check_srt(SRT.replace('\n', "\r\n").as_bytes(), true), Ok(()));
        assert_eq!(check_srt(SRT.replace('\n', "\r").as_bytes(), true), Ok(()));
        assert_eq!(check_srt(format!("\u{FEFF}{SRT}").as_bytes(), true), Ok(()));
    }

    #[test]
    fn malformed_srt_is_refused_with_the_cue() {
        let dot = SRT.replace("00:00:03,000", "00:00:03.000");
        assert_eq!(
            check_srt(dot.as_bytes(), true),
            Err(ContentProblem::BadSrtCue { cue: 2, reason: "its times are not HH:MM:SS,mmm" })
        );
        let backwards = SRT.replace("00:00:02,500", "00:00:00,500");
        assert_eq!(
            check_srt(backwards.as_bytes(), true),
            Err(ContentProblem::BadSrtCue { cue: 1, reason: "it ends before it starts" })
        );
        assert!(check_srt(b"Hello\nthere", true).is_err());
        assert_eq!(check_srt(b"\n\n", true), Err(ContentProblem::NoSrtCues));
        assert!(check_srt(b"1\n00:00:01,000 00:00:02,000\nx", true).is_err());
        assert!(check_srt(b"1\n00:00:61,000 --> 00:01:02,000\nx", true).is_err());
        assert_eq!(check_srt(b"\x00\x01binary", true), Err(ContentProblem::NotText));
    }

    #[test]
    fn a_prefix_may_cut_the_last_cue() {
        let cut = &SRT.as_bytes()[..SRT.len() - 20];
        assert_eq!(check_srt(cut, false), Ok(()));
        assert!(check_srt(cut, true).is_err());
    }

    #[test]
    fn jsonl_lines_must_be_objects() {
        assert_eq!(check_jsonl(b"{\"audio\":\"a.wav\"}\n\n{\"audio\":\"b.wav\"}\n", true), Ok(()));
        assert_eq!(check_jsonl(b"{\"a\":1}\r\n{\"a\":2}", true), Ok(()));
        assert_eq!(
            check_jsonl(b"{\"a\":1}\n[1,2]\n", true),
            Err(ContentProblem::BadJsonlLine { line: 2, reason: "an array" })
        );
        assert_eq!(
            check_jsonl(b"\"text\"\n", true),
            Err(ContentProblem::BadJsonlLine { line: 1, reason: "not an object" })
        );
        assert_eq!(
            check_jsonl(b"{\"a\":\n", true),
            Err(ContentProblem::BadJsonlLine { line: 1, reason: "not valid JSON" })
        );
        assert_eq!(check_jsonl(b"{\"a\":1}\n{\"b\":", false), Ok(()));
    }

    #[test]
    fn text_prefixes_may_end_mid_character() {
        let text = "héllo".as_bytes();
        assert!(check_text(&text[..2], false).is_ok());
        assert!(check_text(&text[..2], true).is_err());
    }

    #[test]
    fn check_dispatches_on_type_and_extension() {
        assert!(check("a.wav", DatasetType::Audio, b"text", true).is_err());
        assert!(check("a.vtt", DatasetType::Test, b"nope", true).is_err());
        assert!(check("m.jsonl", DatasetType::Manifest, b"[]", true).is_err());
        assert!(check("notes.txt", DatasetType::Transcript, b"plain words", true).is_ok());
    }
}
