//! The demo's tests and versions, served from the store.

use domain::evaluation::{Evaluation, Utterance, UtteranceFilter, UtteranceSort};
use domain::{CustomModel, Page};

use super::MockApi;
use crate::api::ApiResult;

impl MockApi {
    pub async fn create_evaluation(
        &self,
        model_id: &str,
        name: &str,
        dataset_ids: &[String],
        key: &str,
    ) -> ApiResult<Evaluation> {
        self.call(true, |s, now| s.create_evaluation_once(model_id, name, dataset_ids, now, key)).await
    }

    pub async fn list_evaluations(&self, model_id: &str, page: u32, page_size: u32) -> ApiResult<Page<Evaluation>> {
        self.call(false, |s, _| s.list_evaluations(model_id, page, page_size)).await
    }

    pub async fn evaluation(&self, id: &str) -> ApiResult<Evaluation> {
        self.call(false, |s, _| s.evaluation(id)).await
    }

    pub async fn delete_evaluation(&self, id: &str) -> ApiResult<()> {
        self.call(true, |s, _| s.delete_evaluation(id)).await
    }

    pub async fn utterances(
        &self,
        id: &str,
        page: u32,
        page_size: u32,
        filter: UtteranceFilter,
        sort: UtteranceSort,
    ) -> ApiResult<Page<Utterance>> {
        self.call(false, |s, _| s.utterances(id, page, page_size, filter, sort)).await
    }

    pub async fn create_version(&self, from_model_id: &str, name: &str, key: &str) -> ApiResult<CustomModel> {
        self.call(true, |s, now| s.create_version_once(from_model_id, name, now, key)).await
    }

    pub async fn versions(&self, model_id: &str) -> ApiResult<Page<CustomModel>> {
        self.call(false, |s, _| s.versions(model_id)).await
    }
}
