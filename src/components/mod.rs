//! Building blocks shared by the pages. Each displays what it is given and
//! reports through callbacks; pages do the fetching.

pub mod header;
pub mod status_badge;
