//! The New Dataset modal's files before they are sent: what was picked, and
//! the content check of each (a bounded prefix, never the whole file).

use domain::content::{self, PREFIX_BYTES};
use domain::dataset::{DatasetType, FileInfo, Selection};
use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::File;

use crate::browser::files::{audio_duration, read_prefix};

#[derive(Clone, PartialEq)]
pub enum Check {
    Pending,
    Passed,
    Failed(String),
}

#[derive(Clone)]
pub struct Picked {
    pub key: usize,
    pub file: File,
    pub info: FileInfo,
    /// The content check, and the type it was checked as.
    pub check: (Option<DatasetType>, Check),
    pub duration: Option<f64>,
}

impl Picked {
    pub fn new(key: usize, file: File) -> Picked {
        let info = FileInfo { name: file.name(), size: file.size().max(0.0) as u64 };
        Picked { key, file, info, check: (None, Check::Pending), duration: None }
    }
}

pub type PickedFiles = RwSignal<Vec<Picked>, LocalStorage>;

fn update(picked: PickedFiles, key: usize, change: impl Fn(&mut Picked)) {
    picked.try_update(|p| p.iter_mut().filter(|f| f.key == key).for_each(&change));
}

/// Checks the content (a bounded prefix, never the whole file) and reads the
/// duration of every file whose name and size pass, under the selection's type.
pub fn check_contents(picked: PickedFiles, selection: Memo<Selection>) {
    Effect::new(move |_| {
        let (dataset_type, problems) = selection.with(|s| (s.dataset_type, s.problems.clone()));
        let todo: Vec<(usize, File)> = picked.with_untracked(|p| {
            p.iter()
                .zip(&problems)
                .filter(|(f, problems)| problems.is_empty() && f.check.0 != Some(dataset_type))
                .map(|(f, _)| (f.key, f.file.clone()))
                .collect()
        });
        for (key, file) in todo {
            update(picked, key, |f| f.check = (Some(dataset_type), Check::Pending));
            spawn_local(async move {
                let complete = file.size() as u64 <= PREFIX_BYTES;
                let verdict = match read_prefix(&file, PREFIX_BYTES).await {
                    Ok(bytes) => match content::check(&file.name(), dataset_type, &bytes, complete) {
                        Ok(()) => Check::Passed,
                        Err(problem) => Check::Failed(problem.message()),
                    },
                    Err(reason) => Check::Failed(format!("The file could not be read: {reason}.")),
                };
                let duration = if dataset_type == DatasetType::Audio && verdict == Check::Passed {
                    audio_duration(&file).await
                } else {
                    None
                };
                // Only if the type did not change meanwhile.
                picked.try_update(|p| {
                    for f in p.iter_mut().filter(|f| f.key == key && f.check.0 == Some(dataset_type)) {
                        f.check = (Some(dataset_type), verdict.clone());
                        f.duration = duration;
                    }
                });
            });
        }
    });
}
