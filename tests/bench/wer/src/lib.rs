//! Aligns every utterance of a test the way the test page does: each line of
//! `references` against the same line of `base` and of `custom`, word by word,
//! with the pairs a table row marks. Returns the total errors, so nothing is
//! optimised away and the JS floor's answer can be compared.

use domain::wer::{align, Scoring};
use wasm_bindgen::prelude::wasm_bindgen;

#[wasm_bindgen]
pub fn align_all(references: &str, base: &str, custom: &str) -> u32 {
    let mut errors = 0;
    for ((reference, base), custom) in references.lines().zip(base.lines()).zip(custom.lines()) {
        for hypothesis in [base, custom] {
            let alignment = align(reference, hypothesis, Scoring::WORDS);
            errors += alignment.counts.errors();
        }
    }
    errors
}
