//! The list's sorts as one menu, for the card layout of phones, where the
//! table's sortable headers are hidden: each column both ways, in words.

use crate::query::{SortDir, SortKey};

/// Every sort the column headers offer, column by column, each column's
/// natural direction (what its first click sorts by) first.
pub const SORT_CHOICES: [(SortKey, SortDir); 6] = [
    (SortKey::Name, SortDir::Asc),
    (SortKey::Name, SortDir::Desc),
    (SortKey::Status, SortDir::Asc),
    (SortKey::Status, SortDir::Desc),
    (SortKey::LastModified, SortDir::Desc),
    (SortKey::LastModified, SortDir::Asc),
];

/// How a choice reads: "Name (A–Z)", "Last Modified (newest first)".
pub fn label(key: SortKey, dir: SortDir) -> &'static str {
    match (key, dir) {
        (SortKey::Name, SortDir::Asc) => "Name (A–Z)",
        (SortKey::Name, SortDir::Desc) => "Name (Z–A)",
        (SortKey::Status, SortDir::Asc) => "Training Status (ascending)",
        (SortKey::Status, SortDir::Desc) => "Training Status (descending)",
        (SortKey::LastModified, SortDir::Desc) => "Last Modified (newest first)",
        (SortKey::LastModified, SortDir::Asc) => "Last Modified (oldest first)",
    }
}

/// The form value of a choice, "name-asc": the URL's `sort` and `order` joined.
pub fn value(key: SortKey, dir: SortDir) -> String {
    format!("{}-{}", key.as_param(), dir.as_param())
}

/// Reads a form value back; `None` for anything that is not one of the choices.
pub fn parse(raw: &str) -> Option<(SortKey, SortDir)> {
    SORT_CHOICES.into_iter().find(|(key, dir)| value(*key, *dir) == raw)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_choice_reads_back_and_names_its_column_and_direction() {
        for (key, dir) in SORT_CHOICES {
            assert_eq!(parse(&value(key, dir)), Some((key, dir)));
        }
        assert_eq!(value(SortKey::LastModified, SortDir::Desc), "last_modified-desc");
        assert_eq!(label(SortKey::Name, SortDir::Desc), "Name (Z–A)");
        assert_eq!(parse("name"), None);
        assert_eq!(parse("size-asc"), None);
    }

    #[test]
    fn each_column_offers_its_natural_direction_first() {
        for pair in SORT_CHOICES.chunks(2) {
            assert_eq!(pair[0].0, pair[1].0);
            assert_eq!(pair[0].1, pair[0].0.natural_dir());
            assert_eq!(pair[1].1, pair[0].1.flipped());
        }
    }
}
