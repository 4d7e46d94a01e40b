//! Page sizes, page counts and the controls under a paginated table.

/// The page sizes a user may pick (spec: 25, 50, 75, 100).
pub const PAGE_SIZES: [u32; 4] = [25, 50, 75, 100];
pub const DEFAULT_PAGE_SIZE: u32 = 25;

/// The page size asked for when it is one of [`PAGE_SIZES`], else the default.
pub fn page_size_or_default(asked: Option<u32>) -> u32 {
    asked.filter(|s| PAGE_SIZES.contains(s)).unwrap_or(DEFAULT_PAGE_SIZE)
}

/// The smallest of [`PAGE_SIZES`] that holds `wanted` items (the largest when none
/// does): a list that shows fewer rows than a page, such as the Home page's recent
/// sessions, still asks a page size the backend accepts, and shows the first rows.
pub fn page_size_holding(wanted: u32) -> u32 {
    PAGE_SIZES.iter().copied().find(|s| *s >= wanted).unwrap_or(PAGE_SIZES[PAGE_SIZES.len() - 1])
}

/// How many pages `total` items fill; an empty list still has one (empty) page.
pub fn page_count(total: u64, page_size: u32) -> u32 {
    let size = u64::from(page_size.max(1));
    u32::try_from(total.div_ceil(size)).unwrap_or(u32::MAX).max(1)
}

/// The nearest existing page to `page` (1-based).
pub fn clamp_page(page: u32, total: u64, page_size: u32) -> u32 {
    page.clamp(1, page_count(total, page_size))
}

/// "x–y of N" under a table: the 1-based positions of the first and last row shown.
pub fn range_label(page: u32, page_size: u32, total: u64) -> String {
    if total == 0 {
        return "0 of 0".into();
    }
    let page = clamp_page(page, total, page_size);
    let first = u64::from(page - 1) * u64::from(page_size) + 1;
    let last = (first + u64::from(page_size) - 1).min(total);
    format!("{first}–{last} of {total}")
}

/// One control in the row of page buttons.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageItem {
    Page(u32),
    /// Pages left out between two shown ones.
    Gap,
}

/// The page buttons to show: first, last, and the current page with a
/// neighbour on each side, gaps where pages are left out. At most seven items,
/// so the row never wraps however many pages there are.
pub fn page_items(current: u32, count: u32) -> Vec<PageItem> {
    if count <= 7 {
        return (1..=count).map(PageItem::Page).collect();
    }
    let current = current.clamp(1, count);
    let (lo, hi) = if current <= 4 {
        (2, 5)
    } else if current >= count - 3 {
        (count - 4, count - 1)
    } else {
        (current - 1, current + 1)
    };
    let mut items = vec![PageItem::Page(1)];
    if lo > 2 {
        items.push(PageItem::Gap);
    }
    items.extend((lo..=hi).map(PageItem::Page));
    if hi < count - 1 {
        items.push(PageItem::Gap);
    }
    items.push(PageItem::Page(count));
    items
}

#[cfg(test)]
mod tests {
    use super::*;
    use PageItem::{Gap, Page};

    #[test]
    fn a_short_list_asks_the_smallest_size_that_holds_it() {
        assert_eq!(page_size_holding(5), 25);
        assert_eq!(page_size_holding(25), 25);
        assert_eq!(page_size_holding(26), 50);
        assert_eq!(page_size_holding(500), 100);
    }

    #[test]
    fn only_offered_sizes_are_accepted() {
        assert_eq!(page_size_or_default(Some(50)), 50);
        assert_eq!(page_size_or_default(Some(30)), 25);
        assert_eq!(page_size_or_default(None), 25);
    }

    #[test]
    fn counts_and_clamps_pages() {
        assert_eq!(page_count(0, 25), 1);
        assert_eq!(page_count(25, 25), 1);
        assert_eq!(page_count(26, 25), 2);
        assert_eq!(page_count(100_000, 100), 1000);
        assert_eq!(clamp_page(0, 60, 25), 1);
        assert_eq!(clamp_page(9, 60, 25), 3);
        assert_eq!(clamp_page(2, 60, 25), 2);
    }

    #[test]
    fn range_labels_read_naturally() {
        assert_eq!(range_label(1, 25, 60), "1–25 of 60");
        assert_eq!(range_label(3, 25, 60), "51–60 of 60");
        assert_eq!(range_label(7, 25, 60), "51–60 of 60");
        assert_eq!(range_label(1, 25, 0), "0 of 0");
    }

    #[test]
    fn page_buttons_stay_short() {
        assert_eq!(page_items(1, 3), [Page(1), Page(2), Page(3)]);
        assert_eq!(page_items(1, 20), [Page(1), Page(2), Page(3), Page(4), Page(5), Gap, Page(20)]);
        assert_eq!(page_items(10, 20), [Page(1), Gap, Page(9), Page(10), Page(11), Gap, Page(20)]);
        assert_eq!(page_items(20, 20), [Page(1), Gap, Page(16), Page(17), Page(18), Page(19), Page(20)]);
        for count in 1..40 {
            for current in 1..=count {
                let items = page_items(current, count);
                assert!(items.len() <= 7);
                assert!(items.contains(&Page(current)), "{current}/{count}");
            }
        }
    }
}
