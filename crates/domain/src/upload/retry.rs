//! When a request of an upload fails, what happens next: wait and send the same
//! thing again, ask for a fresh token, resend at once, or give up — and for how
//! long to wait (docs/api.md, "Retries and idempotency").

use chrono::{DateTime, Utc};

/// How a request failed, as plain facts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    /// No answer: offline, DNS, connection reset.
    Network,
    /// No answer within the request's time limit.
    Timeout,
    /// An error status, with the error body's code when there was one.
    Status { status: u16, code: Option<String> },
}

/// What to do about a failure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Next {
    /// Wait (backoff or Retry-After), then send the same request again.
    RetryLater,
    /// Ask the host for a fresh token and send again, once.
    RefreshToken,
    /// The bytes arrived damaged: send the same chunk again at once.
    Resend,
    /// A refusal that will not change on retry.
    GiveUp,
}

pub fn classify(failure: &Failure) -> Next {
    match failure {
        Failure::Network | Failure::Timeout => Next::RetryLater,
        Failure::Status { status: 401, .. } => Next::RefreshToken,
        Failure::Status { status: 400, code: Some(code) } if code == "checksum_mismatch" => Next::Resend,
        Failure::Status { status: 408 | 429, .. } => Next::RetryLater,
        // The first request with this key is still running: its Retry-After says when to ask again.
        Failure::Status { status: 409, code: Some(code) } if code == "idempotency_key_in_flight" => Next::RetryLater,
        Failure::Status { status: 500..=599, .. } => Next::RetryLater,
        Failure::Status { .. } => Next::GiveUp,
    }
}

/// Whether the server said it is overloaded (rather than the network failing).
pub fn is_busy(failure: &Failure) -> bool {
    matches!(failure, Failure::Status { status: 429 | 502 | 503 | 504, .. })
}

/// The first wait; each further attempt doubles it, up to [`MAX_BACKOFF_MS`].
pub const FIRST_BACKOFF_MS: u64 = 1_000;
pub const MAX_BACKOFF_MS: u64 = 60_000;
/// A server's Retry-After above this is cut to it, so no answer stalls an upload for ever.
pub const MAX_RETRY_AFTER_MS: u64 = 3_600_000;

/// Exponential backoff with full jitter: a random share (`random` in [0, 1),
/// given by the caller so the schedule is testable) of 1 s, 2 s, 4 s … 60 s.
/// Jitter keeps many browsers that lost the same server from coming back at once.
pub fn backoff_ms(attempt: u32, random: f64) -> u64 {
    let ceiling = FIRST_BACKOFF_MS.saturating_mul(1u64 << attempt.saturating_sub(1).min(16)).min(MAX_BACKOFF_MS);
    let share = if random.is_finite() { random.clamp(0.0, 1.0) } else { 0.0 };
    (ceiling as f64 * share) as u64
}

/// A `Retry-After` header: delay-seconds or an HTTP date, in milliseconds from
/// `now`; a date in the past is 0; junk is `None`.
pub fn parse_retry_after(value: &str, now: DateTime<Utc>) -> Option<u64> {
    let value = value.trim();
    let ms = if let Ok(seconds) = value.parse::<u64>() {
        seconds.saturating_mul(1000)
    } else {
        let at = DateTime::parse_from_rfc2822(value).ok()?.with_timezone(&Utc);
        u64::try_from((at - now).num_milliseconds()).unwrap_or(0)
    };
    Some(ms.min(MAX_RETRY_AFTER_MS))
}

/// How long to wait before `attempt`: the server's Retry-After when it gave
/// one (never sooner), else the backoff.
pub fn wait_ms(attempt: u32, random: f64, retry_after_ms: Option<u64>) -> u64 {
    retry_after_ms.unwrap_or_else(|| backoff_ms(attempt, random))
}

/// A chunk's time limit: `base_ms` plus one second for every 64 KB, so a slow
/// but moving link is not cut off.
pub fn chunk_timeout_ms(bytes: u64, base_ms: u64) -> u64 {
    base_ms.saturating_add(bytes / 65_536 * 1_000)
}

/// Why a file is not moving, in the words its line in the list shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Waiting {
    /// The browser is offline; sending resumes at its `online` event.
    Network,
    /// A retry is due in `seconds`; `busy` when the server said it is overloaded.
    Retrying { seconds: u64, busy: bool },
    /// The token expired and no fresh one came: the user must sign in again.
    SignIn,
}

impl Waiting {
    pub fn message(&self) -> String {
        match self {
            Waiting::Network => "Waiting for the network…".into(),
            Waiting::Retrying { seconds, busy: true } => format!("Server busy — retrying in {seconds} s"),
            Waiting::Retrying { seconds, busy: false } => format!("Connection lost — retrying in {seconds} s"),
            Waiting::SignIn => "Your session has expired — sign in again, then choose Try again.".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(status: u16) -> Failure {
        Failure::Status { status, code: None }
    }

    #[test]
    fn transient_failures_wait_and_refusals_end_the_upload() {
        for f in [
            Failure::Network,
            Failure::Timeout,
            status(408),
            status(429),
            status(500),
            status(502),
            status(503),
            status(504),
        ] {
            assert_eq!(classify(&f), Next::RetryLater, "{f:?}");
        }
        for s in [400, 403, 404, 409, 413, 422] {
            assert_eq!(classify(&status(s)), Next::GiveUp, "{s}");
        }
        assert_eq!(classify(&status(401)), Next::RefreshToken);
        let damaged = Failure::Status { status: 400, code: Some("checksum_mismatch".into()) };
        assert_eq!(classify(&damaged), Next::Resend);
        let running = Failure::Status { status: 409, code: Some("idempotency_key_in_flight".into()) };
        assert_eq!(classify(&running), Next::RetryLater, "the first request with the key is still running");
        assert!(is_busy(&status(429)) && is_busy(&status(503)) && !is_busy(&Failure::Network));
    }

    #[test]
    fn backoff_doubles_to_a_minute_with_full_jitter() {
        let ceilings: Vec<u64> = (1..=9).map(|a| backoff_ms(a, 0.999_999)).collect();
        assert_eq!(ceilings, [999, 1999, 3999, 7999, 15999, 31999, 59999, 59999, 59999]);
        assert_eq!(backoff_ms(3, 0.5), 2000);
        assert_eq!(backoff_ms(u32::MAX, 0.5), 30_000);
        assert_eq!(backoff_ms(0, 0.5), 500);
        assert_eq!(backoff_ms(2, f64::NAN), 0);
        assert_eq!(backoff_ms(2, 7.0), 2000);
        assert_eq!(backoff_ms(2, -1.0), 0);
    }

    #[test]
    fn retry_after_reads_seconds_and_dates_and_is_capped() {
        let now = DateTime::parse_from_rfc3339("2015-10-21T07:28:00Z").unwrap().with_timezone(&Utc);
        assert_eq!(parse_retry_after(" 3 ", now), Some(3_000));
        assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:28:12 GMT", now), Some(12_000));
        assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:27:00 GMT", now), Some(0));
        assert_eq!(parse_retry_after("999999", now), Some(MAX_RETRY_AFTER_MS));
        assert_eq!(parse_retry_after("-5", now), None);
        assert_eq!(parse_retry_after("soon", now), None);
        assert_eq!(wait_ms(1, 0.0, Some(3_000)), 3_000);
        assert_eq!(wait_ms(2, 0.5, None), 1_000);
    }

    #[test]
    fn chunk_time_limits_grow_with_size() {
        assert_eq!(chunk_timeout_ms(1024, 30_000), 30_000);
        assert_eq!(chunk_timeout_ms(8 * 1024 * 1024, 30_000), 158_000);
        assert_eq!(chunk_timeout_ms(u64::MAX, u64::MAX), u64::MAX);
    }

    #[test]
    fn waiting_says_why_in_words() {
        assert_eq!(Waiting::Network.message(), "Waiting for the network…");
        assert_eq!(Waiting::Retrying { seconds: 12, busy: true }.message(), "Server busy — retrying in 12 s");
        assert_eq!(Waiting::Retrying { seconds: 3, busy: false }.message(), "Connection lost — retrying in 3 s");
        assert!(Waiting::SignIn.message().contains("sign in again"));
    }
}
