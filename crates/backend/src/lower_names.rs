//! Model names for searching and sorting by name.

/// Every model's lower-cased name in one buffer, NUL-separated: built with one
/// allocation, and searched with one pass instead of one searcher per name.
#[derive(Debug, Default)]
pub(super) struct LowerNames {
    text: String,
    starts: Vec<usize>,
}

impl LowerNames {
    /// `write(i, buffer)` appends the lower-cased name of model `i`.
    pub(super) fn build(count: usize, mut write: impl FnMut(usize, &mut String)) -> Self {
        let mut lower = LowerNames { text: String::with_capacity(count * 24), starts: Vec::with_capacity(count + 1) };
        for i in 0..count {
            lower.starts.push(lower.text.len());
            write(i, &mut lower.text);
            lower.text.push('\0');
        }
        lower.starts.push(lower.text.len());
        lower
    }

    /// Appends `name` lower-cased, the cheap way when it is ASCII.
    pub(super) fn push_lower(name: &str, out: &mut String) {
        if name.is_ascii() {
            let start = out.len();
            out.push_str(name);
            out[start..].make_ascii_lowercase();
        } else {
            out.push_str(&name.to_lowercase());
        }
    }

    pub(super) fn get(&self, i: usize) -> &str {
        match (self.starts.get(i), self.starts.get(i + 1)) {
            (Some(&start), Some(&end)) => &self.text[start..end - 1],
            _ => "",
        }
    }

    /// Which names contain `needle` (already lower-cased).
    pub(super) fn containing(&self, needle: &str) -> Vec<bool> {
        let count = self.starts.len().saturating_sub(1);
        if needle.contains('\0') {
            return (0..count).map(|i| self.get(i).contains(needle)).collect();
        }
        // No match can span two names: a separator lies between them.
        let mut hits = vec![false; count];
        for (at, _) in self.text.match_indices(needle) {
            if let Some(hit) = hits.get_mut(self.starts.partition_point(|&start| start <= at).wrapping_sub(1)) {
                *hit = true;
            }
        }
        hits
    }
}
