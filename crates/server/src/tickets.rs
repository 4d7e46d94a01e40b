//! Tickets for `GET /events` (docs/api.md, "Live updates"): a browser's
//! EventSource cannot send `Authorization`, and a token in a URL ends up in logs
//! and histories. So a client asks `POST /events/tickets` with its token and
//! opens the stream with `?ticket=…`: good once, for [`TICKET_TTL`], for that user.

use std::collections::HashMap;
use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use base64::Engine;
use domain::User;
use sha2::{Digest, Sha256};

/// How long a ticket may wait to be used.
pub const TICKET_TTL: Duration = Duration::from_secs(60);

#[derive(Default)]
pub struct Tickets {
    issued: Mutex<HashMap<String, (User, Instant)>>,
    count: AtomicU64,
}

impl Tickets {
    /// A new ticket for `user`.
    pub fn issue(&self, user: User) -> String {
        let ticket = self.fresh();
        let mut issued = self.issued.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        // Tickets nobody used are forgotten as new ones are asked for.
        issued.retain(|_, (_, at)| at.elapsed() < TICKET_TTL);
        issued.insert(ticket.clone(), (user, Instant::now()));
        ticket
    }

    /// The user a ticket was issued to, once: a used or expired ticket is no one's.
    pub fn redeem(&self, ticket: &str) -> Option<User> {
        let mut issued = self.issued.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let (user, at) = issued.remove(ticket)?;
        (at.elapsed() < TICKET_TTL).then_some(user)
    }

    /// 256 unguessable bits: std's hasher keys are seeded from the operating
    /// system's randomness, and each ticket hashes a new key with a counter and the time.
    fn fresh(&self) -> String {
        let mut digest = Sha256::new();
        for _ in 0..4 {
            let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
            hasher.write_u64(self.count.fetch_add(1, Ordering::Relaxed));
            hasher.write_u128(std::time::SystemTime::UNIX_EPOCH.elapsed().map_or(0, |d| d.as_nanos()));
            digest.update(hasher.finish().to_le_bytes());
        }
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(digest.finalize())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ana() -> User {
        User { id: "u1".into(), name: "Ana".into(), role: domain::Role::Member, organization_id: None }
    }

    #[test]
    fn a_ticket_signs_in_once_and_tickets_differ() {
        let tickets = Tickets::default();
        let (a, b) = (tickets.issue(ana()), tickets.issue(ana()));
        assert_ne!(a, b);
        assert_eq!(tickets.redeem(&a).map(|u| u.id), Some("u1".into()));
        assert!(tickets.redeem(&a).is_none(), "used once");
        assert!(tickets.redeem("made-up").is_none());
    }
}
