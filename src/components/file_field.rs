//! One file, chosen by click or drop, checked before it is used: the caller's
//! rule on name and size first, then the content of a bounded prefix.

use domain::content::{self, PREFIX_BYTES};
use domain::DatasetType;
use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::File;

use super::drop_zone::DropZone;

use crate::browser::files::read_prefix;
use domain::size::human_size;

/// The picked file and what is wrong with it, if anything (`None` while checking).
#[derive(Clone)]
pub struct Picked {
    pub file: File,
    pub verdict: Option<Result<(), String>>,
}

#[component]
pub fn FileField(
    #[prop(into)] label: String,
    /// The kind of content the file must hold.
    kind: DatasetType,
    /// A problem with the name or size, found without reading the file.
    rule: fn(&str, u64) -> Option<String>,
    picked: RwSignal<Option<Picked>, LocalStorage>,
) -> impl IntoView {
    let choose = move |file: File| {
        let (name, size) = (file.name(), file.size().max(0.0) as u64);
        if let Some(problem) = rule(&name, size) {
            picked.set(Some(Picked { file, verdict: Some(Err(problem)) }));
            return;
        }
        picked.set(Some(Picked { file: file.clone(), verdict: None }));
        spawn_local(async move {
            let verdict = match read_prefix(&file, PREFIX_BYTES).await {
                Ok(bytes) => content::check(&name, kind, &bytes, size <= PREFIX_BYTES).map_err(|p| p.message()),
                Err(reason) => Err(format!("The file could not be read: {reason}.")),
            };
            picked.try_update(|p| {
                if let Some(p) = p.as_mut().filter(|p| p.file == file) {
                    p.verdict = Some(verdict);
                }
            });
        });
    };
    let on_files = Callback::new(move |files: Vec<File>| {
        if let Some(file) = files.into_iter().next() {
            choose(file);
        }
    });
    let summary = move || {
        picked.with(|p| {
            p.as_ref().map(|p| {
                let name = p.file.name();
                let size = human_size(p.file.size().max(0.0) as u64);
                match &p.verdict {
                    None => view! { <p class="cm-hint">{format!("{name} · {size} · Checking…")}</p> }.into_any(),
                    Some(Ok(())) => view! { <p class="cm-hint">{format!("{name} · {size}")}</p> }.into_any(),
                    Some(Err(problem)) => {
                        view! { <p class="cm-field__error">{format!("{name}: {problem}")}</p> }.into_any()
                    }
                }
            })
        })
    };
    view! {
        <div class="cm-field">
            <DropZone title=label hint="Click to choose or drop a file here" accept=kind.accept() small=true on_files />
            {summary}
        </div>
    }
}
