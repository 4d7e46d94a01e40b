//! Dataset types, auto-detection and the validation of a selection of files.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::training::TrainingErrorCode;

/// The most files one upload may hold.
pub const MAX_FILES: usize = 10;
/// The largest file that may be uploaded: 10 GB (binary gigabytes, as browsers report sizes in bytes).
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024 * 1024;
/// [`MAX_FILE_BYTES`] as every message says it.
pub const MAX_FILE_SIZE_TEXT: &str = "10 GB";

/// What may be uploaded, in words: "audio (.wav, …), transcripts (.vtt, …) or manifests (.jsonl)".
pub fn accepted_kinds_text() -> String {
    format!(
        "audio ({}), transcripts ({}) or manifests ({})",
        DatasetType::Audio.extension_list(),
        DatasetType::Transcript.extension_list(),
        DatasetType::Manifest.extension_list()
    )
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum DatasetType {
    Transcript,
    Test,
    Audio,
    Manifest,
}

impl crate::named::Label for DatasetType {
    fn label(self) -> &'static str {
        self.name()
    }
}

impl DatasetType {
    pub const ALL: [DatasetType; 4] =
        [DatasetType::Transcript, DatasetType::Test, DatasetType::Audio, DatasetType::Manifest];

    /// The spec's name, which is also the wire name.
    pub fn name(self) -> &'static str {
        match self {
            DatasetType::Transcript => "TRANSCRIPT",
            DatasetType::Test => "TEST",
            DatasetType::Audio => "AUDIO",
            DatasetType::Manifest => "MANIFEST",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.name().eq_ignore_ascii_case(name.trim()))
    }

    /// File extensions (lower case, no dot) this type accepts.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            DatasetType::Transcript | DatasetType::Test => &["vtt", "srt", "txt"],
            DatasetType::Audio => &["wav", "mp3", "m4a", "flac"],
            DatasetType::Manifest => &["jsonl"],
        }
    }

    /// The extensions as a file input's `accept` attribute: ".vtt,.srt,.txt".
    pub fn accept(self) -> String {
        accept_attribute(&[self])
    }

    /// The extensions as people read them: ".vtt, .srt, .txt".
    pub fn extension_list(self) -> String {
        self.extensions().iter().map(|e| format!(".{e}")).collect::<Vec<_>>().join(", ")
    }

    /// Whether the data trains the model; TEST data only measures it.
    pub fn is_training_data(self) -> bool {
        self != DatasetType::Test
    }
}

/// An `accept` attribute for files of any of `types` (each extension once).
pub fn accept_attribute(types: &[DatasetType]) -> String {
    let mut seen: Vec<&str> = Vec::new();
    for ext in types.iter().flat_map(|t| t.extensions()) {
        if !seen.contains(ext) {
            seen.push(ext);
        }
    }
    seen.iter().map(|e| format!(".{e}")).collect::<Vec<_>>().join(",")
}

/// The type the user picked in the New Dataset modal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum TypeChoice {
    #[default]
    AutoDetect,
    Fixed(DatasetType),
}

/// The lower-case extension of a file name, without the dot.
pub fn extension(file_name: &str) -> Option<String> {
    let (stem, ext) = file_name.rsplit_once('.')?;
    (!stem.is_empty() && !ext.is_empty()).then(|| ext.to_ascii_lowercase())
}

/// The type a file's extension suggests, falling back to TRANSCRIPT for anything
/// unknown (the spec's rule; such a file then fails format validation).
pub fn detect_type(file_name: &str) -> DatasetType {
    let ext = extension(file_name);
    [DatasetType::Audio, DatasetType::Manifest, DatasetType::Transcript]
        .into_iter()
        .find(|t| ext.as_deref().is_some_and(|e| t.extensions().contains(&e)))
        .unwrap_or(DatasetType::Transcript)
}

/// A file as the browser describes it before any byte is read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileInfo {
    pub name: String,
    pub size: u64,
}

/// What is wrong with one file of a selection.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileProblem {
    WrongFormat { dataset_type: DatasetType },
    TooLarge,
    Empty,
    OverLimit,
}

impl FileProblem {
    pub fn message(&self) -> String {
        match self {
            FileProblem::WrongFormat { dataset_type } => {
                format!("Wrong format for {}: use {}.", dataset_type.name(), dataset_type.extension_list())
            }
            FileProblem::TooLarge => format!("Larger than {MAX_FILE_SIZE_TEXT}, the most a file may be."),
            FileProblem::Empty => "The file is empty.".into(),
            FileProblem::OverLimit => {
                format!("More than {MAX_FILES} files: upload this one separately.")
            }
        }
    }
}

/// A checked selection: the resolved type and each file's problems.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Selection {
    pub dataset_type: DatasetType,
    /// One entry per file, in the order given; empty when the file is fine.
    pub problems: Vec<Vec<FileProblem>>,
}

impl Selection {
    pub fn is_valid(&self) -> bool {
        !self.problems.is_empty() && self.problems.iter().all(Vec::is_empty)
    }
}

/// Checks a selection against the spec: 1–10 files, each non-empty, at most
/// 10 GB, with an extension the (chosen or detected) type accepts.
pub fn validate_selection(choice: TypeChoice, files: &[FileInfo]) -> Selection {
    let dataset_type = match choice {
        TypeChoice::Fixed(t) => t,
        TypeChoice::AutoDetect => files.first().map_or(DatasetType::Transcript, |f| detect_type(&f.name)),
    };
    let problems = files
        .iter()
        .enumerate()
        .map(|(i, file)| {
            let mut found = file_problems(file, dataset_type);
            if i >= MAX_FILES {
                found.push(FileProblem::OverLimit);
            }
            found
        })
        .collect();
    Selection { dataset_type, problems }
}

/// What is wrong with one file for `dataset_type`, from its name and size alone:
/// the extension, empty, over 10 GB. The one per-file rule of every file picker.
pub fn file_problems(file: &FileInfo, dataset_type: DatasetType) -> Vec<FileProblem> {
    let mut found = Vec::new();
    if !extension(&file.name).is_some_and(|e| dataset_type.extensions().contains(&e.as_str())) {
        found.push(FileProblem::WrongFormat { dataset_type });
    }
    if file.size == 0 {
        found.push(FileProblem::Empty);
    }
    if file.size > MAX_FILE_BYTES {
        found.push(FileProblem::TooLarge);
    }
    found
}

/// A file uploaded to a model.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    pub id: String,
    pub model_id: String,
    pub name: String,
    /// The type as the server named it; a type newer than this console is kept as sent.
    pub dataset_type: crate::Named<DatasetType>,
    pub duration_seconds: Option<f64>,
    pub url: Option<String>,
    pub started_at: Option<DateTime<Utc>>,
    pub finished_at: Option<DateTime<Utc>>,
    /// Set by the mock when the browser's content check found the file faulty,
    /// so a later training fails as a real backend would.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_problem: Option<TrainingErrorCode>,
    /// The server's check of the file; valid when the server sends none.
    #[serde(default)]
    pub check: crate::dataset_check::DatasetCheck,
}

/// `h:mm:ss` for a known duration.
pub fn format_duration(seconds: f64) -> Option<String> {
    if !seconds.is_finite() || seconds < 0.0 {
        return None;
    }
    let total = seconds.round() as u64;
    Some(format!("{}:{:02}:{:02}", total / 3600, total / 60 % 60, total % 60))
}

/// The URL to link to, when it is an http(s) URL; anything else (`javascript:`,
/// `data:`, obfuscated with case, spaces or control characters) is shown as text.
pub fn safe_link(url: &str) -> Option<&str> {
    let trimmed = url.trim();
    // Browsers drop tabs and newlines inside a scheme (`java\tscript:`), so any
    // hidden character makes the URL untrustworthy rather than something to clean.
    if trimmed.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return None;
    }
    let lower = trimmed.to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")).then_some(trimmed)
}

#[cfg(test)]
pub(crate) mod tests_support {
    use super::*;

    pub fn dataset(name: &str) -> Dataset {
        Dataset {
            id: format!("id-{name}"),
            model_id: "m".into(),
            name: name.into(),
            dataset_type: detect_type(name).into(),
            duration_seconds: None,
            url: None,
            started_at: None,
            finished_at: None,
            content_problem: None,
            check: Default::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_attributes_list_each_extension_once() {
        assert_eq!(DatasetType::Transcript.accept(), ".vtt,.srt,.txt");
        assert_eq!(
            accept_attribute(&[DatasetType::Audio, DatasetType::Transcript, DatasetType::Test, DatasetType::Manifest]),
            ".wav,.mp3,.m4a,.flac,.vtt,.srt,.txt,.jsonl"
        );
        assert_eq!(DatasetType::Audio.extension_list(), ".wav, .mp3, .m4a, .flac");
    }
    use DatasetType::*;

    fn file(name: &str, size: u64) -> FileInfo {
        FileInfo { name: name.into(), size }
    }

    #[test]
    fn detection_follows_the_extension_case_insensitively() {
        assert_eq!(detect_type("call.WAV"), Audio);
        assert_eq!(detect_type("a.mp3"), Audio);
        assert_eq!(detect_type("a.m4a"), Audio);
        assert_eq!(detect_type("a.flac"), Audio);
        assert_eq!(detect_type("lines.jsonl"), Manifest);
        assert_eq!(detect_type("x.vtt"), Transcript);
        assert_eq!(detect_type("x.srt"), Transcript);
        assert_eq!(detect_type("x.txt"), Transcript);
    }

    #[test]
    fn unknown_extensions_fall_back_to_transcript_and_then_fail() {
        assert_eq!(detect_type("slides.pdf"), Transcript);
        assert_eq!(detect_type("README"), Transcript);
        assert_eq!(detect_type(".wav"), Transcript);
        let sel = validate_selection(TypeChoice::AutoDetect, &[file("slides.pdf", 10)]);
        assert_eq!(sel.dataset_type, Transcript);
        assert_eq!(sel.problems[0], [FileProblem::WrongFormat { dataset_type: Transcript }]);
        assert!(!sel.is_valid());
    }

    #[test]
    fn the_first_file_decides_the_detected_type() {
        let sel = validate_selection(TypeChoice::AutoDetect, &[file("a.wav", 5), file("b.srt", 5)]);
        assert_eq!(sel.dataset_type, Audio);
        assert!(sel.problems[0].is_empty());
        assert_eq!(sel.problems[1], [FileProblem::WrongFormat { dataset_type: Audio }]);
    }

    #[test]
    fn a_chosen_type_overrides_detection() {
        let sel = validate_selection(TypeChoice::Fixed(Test), &[file("eval.vtt", 5)]);
        assert_eq!(sel.dataset_type, Test);
        assert!(sel.is_valid());
    }

    #[test]
    fn each_offending_file_gets_its_own_problems() {
        let sel = validate_selection(
            TypeChoice::Fixed(Audio),
            &[
                file("ok.wav", 1),
                file("empty.wav", 0),
                file("huge.wav", MAX_FILE_BYTES + 1),
                file("exact.wav", MAX_FILE_BYTES),
            ],
        );
        assert!(sel.problems[0].is_empty());
        assert_eq!(sel.problems[1], [FileProblem::Empty]);
        assert_eq!(sel.problems[2], [FileProblem::TooLarge]);
        assert!(sel.problems[3].is_empty());
    }

    #[test]
    fn eleven_files_mark_the_eleventh() {
        let files: Vec<_> = (0..11).map(|i| file(&format!("{i}.txt"), 3)).collect();
        let sel = validate_selection(TypeChoice::AutoDetect, &files);
        assert!(sel.problems[..10].iter().all(Vec::is_empty));
        assert_eq!(sel.problems[10], [FileProblem::OverLimit]);
        assert!(!sel.is_valid());
    }

    #[test]
    fn an_empty_selection_is_not_valid() {
        assert!(!validate_selection(TypeChoice::AutoDetect, &[]).is_valid());
    }

    #[test]
    fn durations_read_as_clock_time() {
        assert_eq!(format_duration(0.0).as_deref(), Some("0:00:00"));
        assert_eq!(format_duration(3725.4).as_deref(), Some("1:02:05"));
        assert_eq!(format_duration(f64::NAN), None);
        assert_eq!(format_duration(-1.0), None);
    }

    #[test]
    fn only_http_urls_become_links() {
        assert_eq!(safe_link(" https://cdn.example/a.wav "), Some("https://cdn.example/a.wav"));
        assert_eq!(safe_link("HTTP://cdn.example/a.wav"), Some("HTTP://cdn.example/a.wav"));
        for hostile in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "data:text/html,hi",
            "//evil.example",
            "ht\ttps://x",
            "",
        ] {
            assert_eq!(safe_link(hostile), None, "{hostile:?}");
        }
    }
}
