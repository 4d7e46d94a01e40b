//! What every mount into a host page shares: an owner of its own (see [`Mounted`]).
//! The console's `mount` is in `embed_console`, the model select's in `embed_select`.

use std::any::Any;

use leptos::prelude::*;

/// A console (or model select) mounted by a host. Dropping Leptos's mount handle
/// only takes the view out of the page; whatever else still holds its reactive
/// owner (a pending request, a timer) would keep its window listeners alive, and
/// a stale router listener swallows the next console's link clicks. So the mount
/// runs under an owner of our own, cleaned up explicitly.
pub(crate) struct Mounted {
    owner: Owner,
    view: Option<Box<dyn Any>>,
}

impl Mounted {
    pub(crate) fn new(mount: impl FnOnce() -> Box<dyn Any>) -> Self {
        let owner = Owner::new();
        let view = owner.with(mount);
        Mounted { owner, view: Some(view) }
    }

    pub(crate) fn unmount(&mut self) {
        if self.view.take().is_some() {
            self.owner.cleanup();
        }
    }
}
