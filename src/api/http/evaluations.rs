//! Tests of trained models and new versions over HTTP (docs/api.md).

use domain::evaluation::{Evaluation, Utterance, UtteranceFilter, UtteranceSort};
use domain::{wire, CustomModel, Page};
use gloo_net::http::Method;
use serde_json::json;

use super::{encode, model_path, Body, Extra, HttpApi};
use crate::api::ApiResult;

fn evaluation_path(id: &str) -> String {
    format!("/evaluations/{}", encode(id))
}

impl HttpApi {
    pub async fn create_evaluation(
        &self,
        model_id: &str,
        name: &str,
        dataset_ids: &[String],
        key: &str,
    ) -> ApiResult<Evaluation> {
        let path = format!("{}/evaluations", model_path(model_id));
        let body = Body::Json(json!({ "name": name, "dataset_ids": dataset_ids }));
        Ok(wire::decode_evaluation(
            &self.send_body(Method::POST, &path, &[], Some(body), Extra::idempotent(key)).await?,
        )?)
    }

    pub async fn list_evaluations(&self, model_id: &str, page: u32, page_size: u32) -> ApiResult<Page<Evaluation>> {
        let path = format!("{}/evaluations", model_path(model_id));
        let query = [("page", page.to_string()), ("page_size", page_size.to_string())];
        Ok(wire::decode_evaluation_page(&self.get(&path, &query).await?)?)
    }

    pub async fn evaluation(&self, id: &str) -> ApiResult<Evaluation> {
        Ok(wire::decode_evaluation(&self.get(&evaluation_path(id), &[]).await?)?)
    }

    pub async fn delete_evaluation(&self, id: &str) -> ApiResult<()> {
        self.send(Method::DELETE, &evaluation_path(id), &[], None).await.map(drop)
    }

    pub async fn utterances(
        &self,
        id: &str,
        page: u32,
        page_size: u32,
        filter: UtteranceFilter,
        sort: UtteranceSort,
    ) -> ApiResult<Page<Utterance>> {
        let path = format!("{}/utterances", evaluation_path(id));
        let query = [
            ("page", page.to_string()),
            ("page_size", page_size.to_string()),
            ("filter", filter.as_wire().to_owned()),
            ("sort", sort.as_wire().to_owned()),
        ];
        Ok(wire::decode_utterance_page(&self.get(&path, &query).await?)?)
    }

    pub async fn create_version(&self, from_model_id: &str, name: &str, key: &str) -> ApiResult<CustomModel> {
        let body = Body::Json(json!({ "name": name, "from_model_id": from_model_id }));
        let text = self.send_body(Method::POST, "/custom-models", &[], Some(body), Extra::idempotent(key)).await?;
        Ok(wire::decode_model(&text)?)
    }

    pub async fn versions(&self, model_id: &str) -> ApiResult<Page<CustomModel>> {
        let query = [("from_model_id", model_id.to_owned()), ("page", "1".into()), ("page_size", "100".into())];
        Ok(wire::decode_model_page(&self.get("/custom-models", &query).await?)?)
    }
}
