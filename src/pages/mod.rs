//! One file per route.

pub mod home;
pub mod model_details;
pub mod models_list;
pub mod not_found;
pub mod test_details;
