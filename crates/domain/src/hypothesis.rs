//! The mock's recognizer output: a reference with seeded errors, so the mock can
//! show believable error rates that stay the same from one visit to the next.

use crate::wer::{tokens, Scoring, Unit};

/// Words a recognizer plausibly puts in the wrong place: short, common, unstressed.
const WORDS: [&str; 24] = [
    "the", "a", "and", "to", "of", "in", "is", "it", "that", "for", "on", "with", "as", "at", "this", "but", "or",
    "an", "so", "then", "there", "they", "uh", "um",
];
/// Common kana and kanji, for Japanese and Chinese references.
const CJK_CHARS: [&str; 14] = ["の", "は", "が", "を", "に", "で", "と", "も", "人", "日", "大", "年", "中", "一"];
/// Common Thai consonants and vowels, so a degraded Thai reference stays Thai.
const THAI_CHARS: [&str; 10] = ["ก", "น", "ม", "ร", "ส", "า", "เ", "ว", "ด", "ท"];

/// `reference` with about `error_rate` of its tokens substituted, deleted or
/// with words inserted; the same inputs always give the same text.
///
/// The output reads like recognizer output: normalised ([`Scoring::normalize`]), tokens joined by spaces
/// (or, for [`Unit::Characters`], by nothing). Of the errors about half are
/// substitutions, 30 % deletions and 20 % insertions after the token, so the WER
/// of the result comes out close to `error_rate`. `error_rate` 0 (or not a number)
/// gives the normalised reference.
pub fn degrade(reference: &str, seed: u64, error_rate: f64, scoring: Scoring) -> String {
    let (normalized, unit) = (scoring.normalize(reference), scoring.unit);
    if error_rate.is_nan() || error_rate <= 0.0 {
        return normalized;
    }
    // Seeding from the text too makes each utterance of a test set err differently
    // under the one seed a model has.
    let mut rng = SplitMix64(seed ^ fnv1a(&normalized));
    let mut out: Vec<&str> = Vec::new();
    for token in tokens(&normalized, unit) {
        if rng.unit_interval() >= error_rate {
            out.push(token);
            continue;
        }
        let fillers = fillers(token, unit);
        match rng.unit_interval() {
            kind if kind < 0.5 => out.push(rng.pick(fillers, token)),
            kind if kind < 0.8 => {}
            _ => {
                out.push(token);
                out.push(rng.pick(fillers, ""));
            }
        }
    }
    out.join(match unit {
        Unit::Words => " ",
        Unit::Characters => "",
    })
}

fn fillers(token: &str, unit: Unit) -> &'static [&'static str] {
    match unit {
        Unit::Words => &WORDS,
        Unit::Characters if token.chars().any(|c| ('\u{0e00}'..='\u{0e7f}').contains(&c)) => &THAI_CHARS,
        Unit::Characters => &CJK_CHARS,
    }
}

/// FNV-1a: a fixed hash, unlike std's `DefaultHasher`, which may change between releases.
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3))
}

/// Sebastiano Vigna's splitmix64: tiny, and good enough to scatter errors.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1), from the top 53 bits.
    fn unit_interval(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// A random entry of `list` other than `avoid`, so a substitution is always an error.
    fn pick(&mut self, list: &[&'static str], avoid: &str) -> &'static str {
        let start = (self.next_u64() % list.len().max(1) as u64) as usize;
        list.iter().cycle().skip(start).take(list.len()).find(|w| **w != avoid).copied().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wer::count;

    const TEXT: &str = "Custom speech models learn the vocabulary of one domain, so that product names, \
                        people's names and jargon are recognised. ";

    fn long_text() -> String {
        TEXT.repeat(40)
    }

    #[test]
    fn the_same_inputs_give_the_same_text() {
        let text = long_text();
        assert_eq!(degrade(&text, 7, 0.3, Scoring::WORDS), degrade(&text, 7, 0.3, Scoring::WORDS));
        assert_ne!(degrade(&text, 7, 0.3, Scoring::WORDS), degrade(&text, 8, 0.3, Scoring::WORDS));
    }

    #[test]
    fn rate_zero_gives_the_normalised_reference() {
        assert_eq!(degrade("Hello, World!", 1, 0.0, Scoring::WORDS), "hello world");
        assert_eq!(degrade("Hello, World!", 1, f64::NAN, Scoring::WORDS), "hello world");
        assert_eq!(degrade("今日は 晴れ。", 1, 0.0, Scoring::CHARACTERS), "今日は 晴れ");
    }

    #[test]
    fn the_error_rate_comes_out_near_the_one_asked_for() {
        let text = long_text();
        for seed in 0..5 {
            let wer = count(&text, &degrade(&text, seed, 0.3, Scoring::WORDS), Scoring::WORDS).rate().unwrap_or(0.0);
            assert!((0.15..0.45).contains(&wer), "seed {seed}: {wer}");
        }
        let japanese = "今日は晴れです。明日は雨が降るでしょう。".repeat(30);
        let cer = count(&japanese, &degrade(&japanese, 3, 0.3, Scoring::CHARACTERS), Scoring::CHARACTERS).rate();
        assert!(cer.is_some_and(|cer| (0.15..0.45).contains(&cer)), "{cer:?}");
    }

    #[test]
    fn errors_are_recognizer_like() {
        let out = degrade(&long_text(), 11, 0.5, Scoring::WORDS);
        assert!(out.split(' ').all(|w| !w.is_empty() && w == Scoring::WORDS.normalize(w)));
        let thai = degrade("สวัสดีครับ", 2, 1.0, Scoring::CHARACTERS);
        assert!(thai.chars().all(|c| ('\u{0e00}'..='\u{0e7f}').contains(&c)), "{thai}");
    }

    #[test]
    fn odd_input_never_panics() {
        let huge = "word ".repeat(100_000);
        for text in ["", " ", "!!!", "🎉🎉 🎊", "é\u{301}", huge.as_str()] {
            for scoring in [Scoring::WORDS, Scoring::CHARACTERS] {
                for rate in [0.0, 0.3, 1.0, 7.0, -1.0, f64::INFINITY] {
                    let _ = degrade(text, u64::MAX, rate, scoring);
                }
            }
        }
        assert_eq!(degrade("", 1, 1.0, Scoring::WORDS), "");
    }
}
