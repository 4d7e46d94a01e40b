//! Ids go into URLs as one path segment each. Encoding makes any text safe
//! inside a segment except the three that are not ids at all: an empty segment,
//! `.` and `..`, which a browser resolves against the path before sending
//! (`/custom-models/m1/datasets/..` would be a request for the model).

/// Whether `id` can be sent as one path segment.
pub fn is_path_segment(id: &str) -> bool {
    !matches!(id, "" | "." | "..")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dot_segments_and_empty_ids_are_refused_and_the_rest_kept() {
        for bad in ["", ".", ".."] {
            assert!(!is_path_segment(bad), "{bad:?}");
        }
        for good in ["cm_42", "...", "a/../b", " ", "%2e%2e", "ds 9"] {
            assert!(is_path_segment(good), "{good:?}");
        }
    }
}
