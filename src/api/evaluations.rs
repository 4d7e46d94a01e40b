//! Tests of trained models and new versions (docs/api.md, "Evaluations" and
//! "Versions"), on whichever implementation this is.

use domain::evaluation::{Evaluation, Utterance, UtteranceFilter, UtteranceSort};
use domain::{CustomModel, Page};

use super::{check_ids, Api, ApiResult};

impl Api {
    /// Starts a test of a trained model on its TEST datasets; `key` makes a
    /// retry after a lost answer start no second one.
    pub async fn create_evaluation(
        &self,
        model_id: &str,
        name: &str,
        dataset_ids: &[String],
        key: &str,
    ) -> ApiResult<Evaluation> {
        check_ids(&[model_id])?;
        delegate!(self.create_evaluation(model_id, name, dataset_ids, key))
    }

    /// A model's tests, newest first.
    pub async fn list_evaluations(&self, model_id: &str, page: u32, page_size: u32) -> ApiResult<Page<Evaluation>> {
        check_ids(&[model_id])?;
        delegate!(self.list_evaluations(model_id, page, page_size))
    }

    pub async fn evaluation(&self, id: &str) -> ApiResult<Evaluation> {
        check_ids(&[id])?;
        delegate!(self.evaluation(id))
    }

    pub async fn delete_evaluation(&self, id: &str) -> ApiResult<()> {
        check_ids(&[id])?;
        delegate!(self.delete_evaluation(id))
    }

    pub async fn utterances(
        &self,
        id: &str,
        page: u32,
        page_size: u32,
        filter: UtteranceFilter,
        sort: UtteranceSort,
    ) -> ApiResult<Page<Utterance>> {
        check_ids(&[id])?;
        delegate!(self.utterances(id, page, page_size, filter, sort))
    }

    /// A new model on the same language with `from_model_id`'s datasets copied.
    pub async fn create_version(&self, from_model_id: &str, name: &str, key: &str) -> ApiResult<CustomModel> {
        check_ids(&[from_model_id])?;
        delegate!(self.create_version(from_model_id, name, key))
    }

    /// The models made from `model_id`.
    pub async fn versions(&self, model_id: &str) -> ApiResult<Page<CustomModel>> {
        check_ids(&[model_id])?;
        delegate!(self.versions(model_id))
    }
}
