//! What every page needs about the signed-in user's workspace, fetched once:
//! who they are and which languages exist.

use domain::{Language, User};
use leptos::prelude::*;

use crate::api::{Api, ApiResult};

#[derive(Clone, Copy)]
pub struct Workspace {
    pub user: LocalResource<ApiResult<User>>,
    pub languages: LocalResource<ApiResult<Vec<Language>>>,
}

impl Workspace {
    pub fn new(api: Api) -> Workspace {
        let user_api = api.clone();
        Workspace {
            user: LocalResource::new(move || {
                let api = user_api.clone();
                async move { api.current_user().await }
            }),
            languages: LocalResource::new(move || {
                let api = api.clone();
                async move { api.languages().await }
            }),
        }
    }

    /// The display name of a language code, once languages have loaded.
    pub fn language_name(&self, code: &str) -> String {
        self.languages.with(|langs| match langs {
            Some(Ok(langs)) => domain::language::display_name(langs, code).to_owned(),
            _ => code.to_owned(),
        })
    }
}

pub fn use_workspace() -> Workspace {
    expect_context::<Workspace>()
}
