//! Prints the models the demo backend generates for `mock.generate: N`, as the JSON of
//! docs/api.md, so the benchmark's vanilla page renders the very same rows.
//!
//!     cargo run -p backend --example generate_models -- 100000 > models-100000.json

use backend::Store;
use chrono::{DateTime, Utc};

fn main() {
    let count = std::env::args().nth(1).and_then(|n| n.parse().ok()).unwrap_or(100);
    // A fixed clock: dates are relative to it, and the benchmark compares orders, not dates.
    let now = DateTime::parse_from_rfc3339("2026-11-24T12:00:00Z").map(|t| t.with_timezone(&Utc)).unwrap_or_default();
    let store = Store::generated(count, 0, now, 0);
    let models = store.all_models();
    match serde_json::to_string(&models) {
        Ok(json) => println!("{json}"),
        Err(e) => eprintln!("could not encode the models: {e}"),
    }
}
