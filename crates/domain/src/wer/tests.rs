use super::*;

const REFERENCE: &str = "The cat sat on the mat.";

fn ops(alignment: &Alignment) -> Vec<(Op, Option<&str>, Option<&str>)> {
    alignment.pairs.iter().map(|p| (p.op, p.reference.as_deref(), p.hypothesis.as_deref())).collect()
}

fn counts(s: u32, d: u32, i: u32, n: u32) -> Counts {
    Counts { substitutions: s, deletions: d, insertions: i, reference_words: n }
}

#[test]
fn the_classic_examples() {
    let words = |hypothesis| count(REFERENCE, hypothesis, Scoring::WORDS);
    assert_eq!(words("the cat sit on the mat"), counts(1, 0, 0, 6));
    assert_eq!(rate_text(&words("the cat sit on the mat")), "16.7 %");
    assert_eq!(words("the cat on the mat"), counts(0, 1, 0, 6));
    assert_eq!(words("the cat sat on on the mat"), counts(0, 0, 1, 6));
    assert_eq!(words(""), counts(0, 6, 0, 6));
    assert_eq!(rate_text(&words("")), "100.0 %");
    assert_eq!(words("a dog stood under a rug"), counts(6, 0, 0, 6));
    assert_eq!(words("the cat sat on the mat"), counts(0, 0, 0, 6));
    assert_eq!(rate_text(&words("THE CAT SAT ON THE MAT")), "0.0 %");
}

#[test]
fn a_longer_hypothesis_can_pass_100_percent() {
    let c = count("hello world", "hello there big world out there", Scoring::WORDS);
    assert_eq!(c, counts(0, 0, 4, 2));
    assert_eq!(c.rate(), Some(2.0));
    assert_eq!(rate_text(&c), "200.0 %");
}

#[test]
fn pairs_follow_the_reference_with_insertions_in_place() {
    let a = align(REFERENCE, "the cat sat on on the mat", Scoring::WORDS);
    use Op::*;
    assert_eq!(
        ops(&a),
        [
            (Match, Some("the"), Some("the")),
            (Match, Some("cat"), Some("cat")),
            (Match, Some("sat"), Some("sat")),
            (Insertion, None, Some("on")),
            (Match, Some("on"), Some("on")),
            (Match, Some("the"), Some("the")),
            (Match, Some("mat"), Some("mat")),
        ]
    );
    let a = align(REFERENCE, "the cat on the mat", Scoring::WORDS);
    assert_eq!(a.pairs.get(2).map(|p| (p.op, p.reference.as_deref())), Some((Deletion, Some("sat"))));
}

#[test]
fn ties_prefer_the_diagonal_then_deletion_then_insertion_from_the_end() {
    use Op::*;
    // Two substitutions, not a deletion and an insertion around a match.
    let a = align("a b", "b a", Scoring::WORDS);
    assert_eq!(ops(&a), [(Substitution, Some("a"), Some("b")), (Substitution, Some("b"), Some("a"))]);
    // The substitution pairs the last tokens; the deletion comes first.
    let a = align("the cat", "dog", Scoring::WORDS);
    assert_eq!(ops(&a), [(Deletion, Some("the"), None), (Substitution, Some("cat"), Some("dog"))]);
    let a = align("dog", "the cat", Scoring::WORDS);
    assert_eq!(ops(&a), [(Insertion, None, Some("the")), (Substitution, Some("dog"), Some("cat"))]);
    // Of two equal "the"s, the later one is matched.
    let a = align("the the", "the", Scoring::WORDS);
    assert_eq!(ops(&a), [(Deletion, Some("the"), None), (Match, Some("the"), Some("the"))]);
}

fn plain(text: &str) -> String {
    normalize(text, Case::Unicode)
}

#[test]
fn normalisation_drops_case_and_punctuation_but_not_words() {
    assert_eq!(plain("Hello, world!"), "hello world");
    assert_eq!(plain("  \"Don't\"   send\tthe\n e-mail… "), "don't send the e-mail");
    assert_eq!(plain("Don’t ‘quote’ me"), "don't quote me");
    assert_eq!(plain("'tis rock'n'roll - covid-19"), "tis rock'n'roll covid-19");
    assert_eq!(plain("end.Next word—dash"), "end next word dash");
    assert_eq!(plain("ÉCOLE Straße STRAẞE ΟΔΟΣ"), "école straße straße οδος");
    assert_eq!(plain("«Bonjour», ¿qué? 「今日は」。"), "bonjour qué 今日は");
    assert_eq!(plain(" ,.!? "), "");
    assert_eq!(count("Hello, World!", "hello world", Scoring::WORDS), counts(0, 0, 0, 2));
    assert_eq!(count("don't", "dont", Scoring::WORDS), counts(1, 0, 0, 1));
}

#[test]
fn every_unicode_punctuation_and_symbol_is_a_break() {
    // Arabic comma and question mark, Hindi danda, Armenian and Ethiopic full stops.
    assert_eq!(plain("مرحبا، كيف حالك؟"), "مرحبا كيف حالك");
    assert_eq!(count("مرحبا، كيف حالك؟", "مرحبا كيف حالك", Scoring::WORDS), counts(0, 0, 0, 3));
    assert_eq!(plain("नमस्ते। आप कैसे हैं॥"), "नमस्ते आप कैसे हैं");
    assert_eq!(plain("Բարեւ։ ሰላም። ¡Hola! ‽"), "բարեւ ሰላም hola");
    // Currency and other symbols go alike: `€5` as `$5`, `5%`, `C++`, emoji.
    assert_eq!(plain("€5 $5 £5 ¥5 5% C++ a+b"), "5 5 5 5 5 c a b");
    assert_eq!(count("It costs €5.", "it costs $5", Scoring::WORDS), counts(0, 0, 0, 3));
    assert_eq!(plain("🎉 party!! ©2024 ™"), "party 2024");
    // Marks and joiners that belong to a removed symbol go with it.
    assert_eq!(plain("I ❤\u{fe0f} you 👨\u{200d}👩\u{200d}👧 👍🏽"), "i you");
    // Letters with marks keep them; Devanagari vowel signs are marks of their letter.
    assert_eq!(plain("किताब"), "किताब");
}

#[test]
fn dots_and_commas_between_digits_stay_and_digit_groups_go() {
    assert_eq!(plain("3.14 and 2,5 kg"), "3.14 and 2,5 kg");
    assert_eq!(count("3.14", "314", Scoring::WORDS), counts(1, 0, 0, 1));
    assert_eq!(count("3.14", "3 14", Scoring::WORDS), counts(1, 0, 1, 1));
    assert_eq!(
        plain("1,000,000 1.000.000 12,34,567 1,000 1,000.50 1.000,5"),
        "1000000 1000000 1234567 1000 1000.50 1000,5"
    );
    assert_eq!(count("1,000,000", "1000000", Scoring::WORDS), counts(0, 0, 0, 1));
    assert_eq!(count("$1,000,000.", "1000000", Scoring::WORDS), counts(0, 0, 0, 1));
    // Not grouped: left as written.
    assert_eq!(plain("192.168.0.1 10.30 1,00 1000,000 v1.2.3"), "192.168.0.1 10.30 1,00 1000,000 v1.2.3");
    // A dot or comma without a digit on both sides is punctuation.
    assert_eq!(plain("In 2024, 5. Then .5 and 5, or ,5"), "in 2024 5 then 5 and 5 or 5");
    // Arabic-Indic digits are digits too.
    assert_eq!(plain("١,٠٠٠ ٣.١٤"), "١٠٠٠ ٣.١٤");
}

#[test]
fn composed_and_decomposed_letters_are_the_same() {
    let (composed, decomposed) = ("caf\u{e9}", "cafe\u{301}");
    assert_ne!(composed, decomposed);
    assert_eq!(plain(decomposed), plain(composed));
    assert_eq!(count(composed, decomposed, Scoring::WORDS), counts(0, 0, 0, 1));
    assert_eq!(count("Ångström", "A\u{30a}ngstro\u{308}m", Scoring::WORDS), counts(0, 0, 0, 1));
    // No compatibility folding: a fullwidth letter stays what it is.
    assert_eq!(plain("Ａ"), "ａ");
}

#[test]
fn turkish_and_azerbaijani_lower_their_own_is() {
    let turkish = Scoring::for_language("tr-TR");
    assert_eq!(turkish.case, Case::Turkic);
    assert_eq!(Scoring::for_language("AZ").case, Case::Turkic);
    assert_eq!(Scoring::for_language("en-US").case, Case::Unicode);
    assert_eq!(turkish.normalize("İSTANBUL IŞIK Iğdır"), "istanbul ışık ığdır");
    assert_eq!(count("İstanbul'da", "istanbul'da", turkish), counts(0, 0, 0, 1));
    assert_eq!(count("KIRMIZI", "kırmızı", turkish), counts(0, 0, 0, 1));
    // A decomposed `İ` is composed first, so it lowers the same way.
    assert_eq!(turkish.normalize("I\u{307}zmir"), "izmir");
    // Elsewhere Unicode's rule: `I` → `i`.
    assert_eq!(Scoring::WORDS.normalize("IŞIK"), "işik");
}

#[test]
fn invisible_characters_neither_count_nor_join() {
    assert_eq!(plain("co\u{ad}operate"), "cooperate");
    assert_eq!(plain("\u{feff}hello"), "hello");
    assert_eq!(plain("สวัสดี\u{200b}ครับ"), "สวัสดี ครับ");
    assert_eq!(count("สวัสดี\u{200b}ครับ", "สวัสดีครับ", Scoring::for_language("th")), counts(0, 0, 0, 10));
    // The zero-width non-joiner is part of a Persian word.
    assert_eq!(plain("می\u{200c}خواهم"), "می\u{200c}خواهم");
}

#[test]
fn languages_without_spaces_count_characters() {
    assert_eq!(Scoring::for_language("ja-JP"), Scoring::CHARACTERS);
    assert_eq!(Scoring::for_language("ZH"), Scoring::CHARACTERS);
    assert_eq!(Scoring::for_language("th_TH"), Scoring::CHARACTERS);
    assert_eq!(Scoring::for_language("en-US"), Scoring::WORDS);
    assert_eq!(Scoring::for_language("jv-ID"), Scoring::WORDS);
    assert_eq!(Scoring::for_language(""), Scoring::WORDS);
    assert_eq!((Unit::Characters.rate_name(), Unit::Characters.noun(true)), ("CER", "characters"));
    assert_eq!((Unit::Words.rate_name(), Unit::Words.noun(false)), ("WER", "word"));

    use Op::*;
    let a = align("今日は晴れです。", "今日は 雨です", Scoring::CHARACTERS);
    assert_eq!(a.counts, counts(1, 1, 0, 7));
    assert_eq!(rate_text(&a.counts), "28.6 %");
    assert_eq!(
        a.pairs.iter().map(|p| p.op).collect::<Vec<_>>(),
        [Match, Match, Match, Deletion, Substitution, Match, Match]
    );
    assert_eq!(a.pairs.get(4).and_then(|p| p.hypothesis.as_deref()), Some("雨"));
}

#[test]
fn an_empty_reference_has_insertions_but_no_rate() {
    let a = align("", "Hello there", Scoring::WORDS);
    assert_eq!(ops(&a), [(Op::Insertion, None, Some("hello")), (Op::Insertion, None, Some("there"))]);
    assert_eq!(a.counts, counts(0, 0, 2, 0));
    assert_eq!(a.counts.rate(), None);
    assert_eq!(rate_text(&a.counts), "—");
    assert_eq!(align("", "", Scoring::WORDS), Alignment::default());
    assert_eq!(align("?!", "…", Scoring::CHARACTERS), Alignment::default());
}

#[test]
fn grades_change_at_10_and_30_percent() {
    assert_eq!(Grade::of(0.0), Grade::Good);
    assert_eq!(Grade::of(0.0999), Grade::Good);
    assert_eq!(Grade::of(0.10), Grade::Acceptable);
    assert_eq!(Grade::of(0.2999), Grade::Acceptable);
    assert_eq!(Grade::of(0.30), Grade::NeedsWork);
    assert_eq!(Grade::of(1.5), Grade::NeedsWork);
    assert_eq!(Grade::of(f64::NAN), Grade::NeedsWork);
    assert_eq!(Grade::NeedsWork.label(), "Needs work");
}

#[test]
fn change_text_words_the_relative_change() {
    let rate = |errors| counts(errors, 0, 0, 10_000);
    let change = |base, custom| change_text(&rate(base), &rate(custom));
    assert_eq!(change(1000, 690).as_deref(), Some("31 % fewer errors"));
    assert_eq!(change(1000, 1120).as_deref(), Some("12 % more errors"));
    assert_eq!(change(1000, 1004).as_deref(), Some("Same error rate"));
    assert_eq!(change(1000, 996).as_deref(), Some("Same error rate"));
    assert_eq!(change(1000, 0).as_deref(), Some("100 % fewer errors"));
    assert_eq!(change(0, 0).as_deref(), Some("Same error rate"));
    assert_eq!(change(0, 5).as_deref(), Some("More errors"));
    assert_eq!(change_text(&Counts::default(), &rate(5)), None);

    let relative = relative_change(&rate(1000), &rate(690)).unwrap_or(f64::NAN);
    assert!((relative + 0.31).abs() < 1e-9);
    assert_eq!(relative_change(&rate(0), &rate(5)), None);
    assert_eq!(relative_change(&rate(5), &Counts::default()), None);
}

/// Every sequence over `alphabet` up to `max_len` tokens, as text.
fn all_texts(alphabet: &[&str], max_len: usize) -> Vec<String> {
    let mut texts = vec![String::new()];
    let mut last = vec![String::new()];
    for _ in 0..max_len {
        last = last.iter().flat_map(|t| alphabet.iter().map(move |a| format!("{t} {a}"))).collect();
        texts.extend(last.iter().cloned());
    }
    texts
}

/// Plain Levenshtein distance, written independently of `sweep`.
fn distance(r: &[&str], h: &[&str]) -> u32 {
    let mut previous: Vec<u32> = (0..=h.len() as u32).collect();
    for (i, rt) in r.iter().enumerate() {
        let mut current = vec![i as u32 + 1];
        for (j, ht) in h.iter().enumerate() {
            current.push((previous[j] + u32::from(rt != ht)).min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[h.len()]
}

fn check(reference: &str, hypothesis: &str, scoring: Scoring) {
    let a = align(reference, hypothesis, scoring);
    let c = count(reference, hypothesis, scoring);
    assert_eq!(a.counts, c, "{reference:?} / {hypothesis:?}");
    let (nr, nh) = (scoring.normalize(reference), scoring.normalize(hypothesis));
    let (r, h) = (tokens(&nr, scoring.unit), tokens(&nh, scoring.unit));
    assert_eq!(c.errors(), distance(&r, &h), "{reference:?} / {hypothesis:?}");
    assert_eq!(c.reference_words as usize, r.len());
    let tally = |op| a.pairs.iter().filter(|p| p.op == op).count() as u32;
    assert_eq!(
        (tally(Op::Substitution), tally(Op::Deletion), tally(Op::Insertion)),
        (c.substitutions, c.deletions, c.insertions)
    );
    let rebuilt_r: Vec<&str> = a.pairs.iter().filter_map(|p| p.reference.as_deref()).collect();
    let rebuilt_h: Vec<&str> = a.pairs.iter().filter_map(|p| p.hypothesis.as_deref()).collect();
    assert_eq!((rebuilt_r, rebuilt_h), (r.clone(), h.clone()));
    assert!(a.pairs.iter().all(|p| (p.op == Op::Match) == (p.reference.is_some() && p.reference == p.hypothesis)));
}

#[test]
fn count_agrees_with_align_on_every_short_case() {
    let texts = all_texts(&["a", "b", "c"], 4);
    for reference in &texts {
        for hypothesis in &texts {
            check(reference, hypothesis, Scoring::WORDS);
        }
    }
}

#[test]
fn count_agrees_with_align_on_generated_long_cases() {
    let english = "Speech to text turns spoken audio into text, and a custom model learns the words of one domain. \
                   Don't forget: the e-mail said the meeting moved to Tuesday at ten.";
    for seed in 0..60u32 {
        let rate = f64::from(seed % 6) / 10.0;
        let seed = u64::from(seed);
        check(english, &crate::hypothesis::degrade(english, seed, rate, Scoring::WORDS), Scoring::WORDS);
        let japanese = "今日は晴れです。明日は雨が降るでしょう。";
        check(japanese, &crate::hypothesis::degrade(japanese, seed, rate, Scoring::CHARACTERS), Scoring::CHARACTERS);
    }
}
