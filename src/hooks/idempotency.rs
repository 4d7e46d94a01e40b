//! The `Idempotency-Key` of something the user creates: the same key while they
//! retry the same request (its first answer may have been lost on the way), a
//! new one once it was made or when they ask for something else.

use leptos::prelude::*;

use crate::browser::network::idempotency_key;

pub struct IdempotencyKeys<T: Send + Sync + 'static>(StoredValue<Option<(T, String)>>);

impl<T: Send + Sync + 'static> Clone for IdempotencyKeys<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for IdempotencyKeys<T> {}

impl<T: Clone + PartialEq + Send + Sync + 'static> IdempotencyKeys<T> {
    pub fn new() -> Self {
        IdempotencyKeys(StoredValue::new(None))
    }

    /// The key for `request`.
    pub fn key_for(&self, request: &T) -> String {
        if let Some(key) = self.0.with_value(|last| last.as_ref().filter(|(r, _)| r == request).map(|(_, k)| k.clone()))
        {
            return key;
        }
        let key = idempotency_key();
        self.0.set_value(Some((request.clone(), key.clone())));
        key
    }

    /// The request was made: an equal one later is a new request.
    pub fn made(&self) {
        self.0.set_value(None);
    }
}

impl<T: Clone + PartialEq + Send + Sync + 'static> Default for IdempotencyKeys<T> {
    fn default() -> Self {
        Self::new()
    }
}
