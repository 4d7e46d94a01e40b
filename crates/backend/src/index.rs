//! Listing models: sort indexes built on first use, search, paging, and the
//! organisation's visibility.

use super::*;

impl Store {
    /// Forgets the sort index; the next list builds it again.
    pub(super) fn reindex(&mut self) {
        *self.index.get_mut().unwrap_or_else(|p| p.into_inner()) = None;
    }

    // Positions: `0..models.len()` are stored models; after them, position
    // `models.len() + i` is generated model `i` (see `generated.rs`).

    pub(super) fn position_count(&self) -> usize {
        self.models.len() + self.generator.as_ref().map_or(0, Generator::count)
    }

    pub(super) fn generated_at(&self, p: usize) -> Option<(&Generator, usize)> {
        Some((self.generator.as_ref()?, p.checked_sub(self.models.len())?))
    }

    pub(super) fn status_at(&self, p: usize) -> TrainingStatus {
        match self.generated_at(p) {
            Some((g, i)) => g.status(i),
            None => self.models[p].model.status,
        }
    }

    /// Last modified, in epoch milliseconds: sorts like the date, costs less to compute.
    pub(super) fn modified_ms_at(&self, p: usize) -> Option<i64> {
        match self.generated_at(p) {
            Some((g, i)) => Some(g.last_modified_ms(i)),
            None => self.models[p].model.last_modified.map(|t| t.timestamp_millis()),
        }
    }

    pub(super) fn language_at(&self, p: usize) -> &str {
        match self.generated_at(p) {
            Some((g, i)) => g.language(i),
            None => &self.models[p].model.language,
        }
    }

    pub(super) fn model_at(&self, p: usize) -> CustomModel {
        match self.generated_at(p) {
            Some((g, i)) => g.model(i),
            None => self.models[p].model.clone(),
        }
    }

    /// Positions of the models `org` may see.
    pub(super) fn visible(&self, org: Option<&str>) -> Vec<u32> {
        let sees = |p: usize| match self.generated_at(p) {
            Some((g, i)) => org == Some(ORG) && g.is_live(i),
            None => org == Some(self.models[p].model.organization_id.as_str()),
        };
        (0..self.position_count() as u32).filter(|&p| sees(p as usize)).collect()
    }

    /// Visible positions sorted by `key`; equal keys keep their positions' order.
    pub(super) fn sorted_by<K: Ord>(&self, org: Option<&str>, key: impl Fn(usize) -> K) -> Vec<u32> {
        let mut order = self.visible(org);
        order.sort_by_key(|&p| key(p as usize));
        order
    }

    pub fn list_models(&self, query: &ListQuery) -> Page<CustomModel> {
        let org = self.user.organization_id.as_deref();
        let mut guard = self.index.lock().unwrap_or_else(|p| p.into_inner());
        if guard.as_ref().is_some_and(|index| index.org.as_deref() != org) {
            *guard = None;
        }
        let index = guard.get_or_insert_with(|| SortIndex { org: org.map(str::to_owned), ..SortIndex::default() });
        let needs_names = query.sort == SortKey::Name || !query.search.is_empty();
        if needs_names && index.lower_names.is_none() {
            index.lower_names = Some(LowerNames::build(self.position_count(), |p, out| match self.generated_at(p) {
                Some((g, i)) => g.push_lower_name(i, out),
                None => LowerNames::push_lower(&self.models[p].model.name, out),
            }));
        }
        let order: &[u32] = match query.sort {
            SortKey::Name => {
                let lower = index.lower_names.get_or_insert_with(LowerNames::default);
                index.by_name.get_or_insert_with(|| self.sorted_by(org, |p| lower.get(p)))
            }
            SortKey::Status => index.by_status.get_or_insert_with(|| self.sorted_by(org, |p| self.status_at(p))),
            SortKey::LastModified => {
                index.by_modified.get_or_insert_with(|| self.sorted_by(org, |p| self.modified_ms_at(p)))
            }
        };
        let size = query.page_size.max(1) as usize;
        let skip = (query.page.max(1) as usize - 1).saturating_mul(size);
        let at = |k: usize| match query.dir {
            SortDir::Asc => order[k] as usize,
            SortDir::Desc => order[order.len() - 1 - k] as usize,
        };
        let unfiltered = query.search.is_empty() && query.status.is_none() && query.language.is_none();
        if unfiltered {
            // The common case costs one page, however many models there are.
            let items = (skip.min(order.len())..(skip.saturating_add(size)).min(order.len()))
                .map(|k| self.model_at(at(k)))
                .collect();
            return Page { items, total: order.len() as u64, page: query.page, page_size: query.page_size, skipped: 0 };
        }
        let needle = query.search.to_lowercase();
        let named =
            (!needle.is_empty()).then(|| index.lower_names.as_ref().map(|l| l.containing(&needle)).unwrap_or_default());
        let keep = |p: usize| {
            named.as_ref().is_none_or(|named| named.get(p).copied().unwrap_or(false))
                && query.status.is_none_or(|s| self.status_at(p) == s)
                && query.language.as_deref().is_none_or(|l| self.language_at(p) == l)
        };
        let mut total = 0u64;
        let mut items = Vec::with_capacity(size);
        for p in (0..order.len()).map(at).filter(|&p| keep(p)) {
            if total as usize >= skip && items.len() < size {
                items.push(self.model_at(p));
            }
            total += 1;
        }
        Page { items, total, page: query.page, page_size: query.page_size, skipped: 0 }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::super::*;

    #[test]
    fn lists_search_sort_and_page() {
        let store = Store::seeded(now(), 8000);
        let q = ListQuery { search: "PODCAST".into(), sort: SortKey::Name, dir: SortDir::Asc, ..ListQuery::default() };
        let page = store.list_models(&q);
        assert_eq!(page.total, 6);
        assert!(page.items.iter().all(|m| m.name.starts_with("Podcast")));
        assert!(page.items.windows(2).all(|w| w[0].name.to_lowercase() <= w[1].name.to_lowercase()));
        let newest = store.list_models(&ListQuery::default());
        assert!(newest.items.windows(2).all(|w| w[0].last_modified >= w[1].last_modified));
        let last = store.list_models(&ListQuery { page: 3, ..ListQuery::default() });
        assert_eq!(last.items.len(), 10);
        assert!(store.list_models(&ListQuery { page: 9, ..ListQuery::default() }).items.is_empty());
    }

    #[test]
    fn name_search_finds_each_name_once_and_never_across_two() {
        let names = ["ab", "ABAB", "Ärzte bab", "b", "a\0bab"];
        let lower = LowerNames::build(names.len(), |i, out| LowerNames::push_lower(names[i], out));
        assert_eq!(lower.get(2), "ärzte bab");
        assert_eq!(lower.containing("bab"), [false, true, true, false, true]);
        assert_eq!(lower.containing("bb"), [false; 5]);
        assert_eq!(lower.containing("ärz"), [false, false, true, false, false]);
        assert_eq!(lower.containing("a\0b"), [false, false, false, false, true]);
    }

    #[test]
    fn a_hundred_thousand_models_page_sort_and_search_from_the_index() {
        let store = Store::generated(100_000, 10_000, now(), 0);
        let first = store.list_models(&ListQuery::default());
        assert_eq!((first.total, first.items.len()), (100_000, 25));
        assert!(first.items.windows(2).all(|w| w[0].last_modified >= w[1].last_modified));
        let by_name = store.list_models(&ListQuery {
            sort: SortKey::Name,
            dir: SortDir::Asc,
            page: 4000,
            ..ListQuery::default()
        });
        assert_eq!(by_name.items.len(), 25);
        assert!(by_name.items.windows(2).all(|w| w[0].name.to_lowercase() <= w[1].name.to_lowercase()));
        let hit = store.list_models(&ListQuery { search: "042424".into(), ..ListQuery::default() });
        assert_eq!(hit.total, 1);
        assert_eq!(store.list_datasets("gm_0", 400, 25).unwrap().items.len(), 25);
        assert_eq!(store.list_models(&ListQuery::default()).items[0].status, TrainingStatus::Running);
    }

    #[test]
    fn only_the_users_organisation_is_listed_even_from_a_built_index() {
        let mut store = Store::generated(30, 0, now(), 0);
        let last = store.list_models(&ListQuery { page: 2, ..ListQuery::default() });
        assert_eq!((last.total, last.items.len()), (30, 5));
        store.user.organization_id = Some("org_other".into());
        let other = store.list_models(&ListQuery::default());
        assert_eq!((other.total, other.items.len()), (0, 0));
        store.user.organization_id = None;
        assert_eq!(store.list_models(&ListQuery { sort: SortKey::Name, ..ListQuery::default() }).total, 0);
    }

    #[test]
    fn the_index_follows_changes() {
        let mut store = Store::generated(50, 0, now(), 0);
        let newest = store.create_model("Zzz newest", "en-US", now() + Duration::days(1)).unwrap();
        assert_eq!(store.list_models(&ListQuery::default()).items[0].id, newest.id);
        store.rename_model(&newest.id, "Aaa renamed", now() + Duration::days(1)).unwrap();
        let by_name = store.list_models(&ListQuery { sort: SortKey::Name, dir: SortDir::Asc, ..ListQuery::default() });
        assert_eq!(by_name.items[0].name, "Aaa renamed");
        store.delete_model(&newest.id).unwrap();
        assert_eq!(store.list_models(&ListQuery::default()).total, 50);
    }
}
