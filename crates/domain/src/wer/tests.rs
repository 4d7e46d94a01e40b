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
    let words = |hypothesis| count(REFERENCE, hypothesis, Unit::Words);
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
    let c = count("hello world", "hello there big world out there", Unit::Words);
    assert_eq!(c, counts(0, 0, 4, 2));
    assert_eq!(c.rate(), Some(2.0));
    assert_eq!(rate_text(&c), "200.0 %");
}

#[test]
fn pairs_follow_the_reference_with_insertions_in_place() {
    let a = align(REFERENCE, "the cat sat on on the mat", Unit::Words);
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
    let a = align(REFERENCE, "the cat on the mat", Unit::Words);
    assert_eq!(a.pairs.get(2).map(|p| (p.op, p.reference.as_deref())), Some((Deletion, Some("sat"))));
}

#[test]
fn ties_prefer_the_diagonal_then_deletion_then_insertion_from_the_end() {
    use Op::*;
    // Two substitutions, not a deletion and an insertion around a match.
    let a = align("a b", "b a", Unit::Words);
    assert_eq!(ops(&a), [(Substitution, Some("a"), Some("b")), (Substitution, Some("b"), Some("a"))]);
    // The substitution pairs the last tokens; the deletion comes first.
    let a = align("the cat", "dog", Unit::Words);
    assert_eq!(ops(&a), [(Deletion, Some("the"), None), (Substitution, Some("cat"), Some("dog"))]);
    let a = align("dog", "the cat", Unit::Words);
    assert_eq!(ops(&a), [(Insertion, None, Some("the")), (Substitution, Some("dog"), Some("cat"))]);
    // Of two equal "the"s, the later one is matched.
    let a = align("the the", "the", Unit::Words);
    assert_eq!(ops(&a), [(Deletion, Some("the"), None), (Match, Some("the"), Some("the"))]);
}

#[test]
fn normalisation_drops_case_and_punctuation_but_not_words() {
    assert_eq!(normalize("Hello, world!"), "hello world");
    assert_eq!(normalize("  \"Don't\"   send\tthe\n e-mail… "), "don't send the e-mail");
    assert_eq!(normalize("Don’t ‘quote’ me"), "don't quote me");
    assert_eq!(normalize("'tis rock'n'roll - covid-19"), "tis rock'n'roll covid-19");
    assert_eq!(normalize("end.Next word—dash"), "end next word dash");
    assert_eq!(normalize("ÉCOLE Straße STRAẞE ΟΔΟΣ"), "école straße straße οδος");
    assert_eq!(normalize("«Bonjour», ¿qué? 「今日は」。"), "bonjour qué 今日は");
    assert_eq!(normalize("🎉 party!!"), "🎉 party");
    assert_eq!(normalize(" ,.!? "), "");
    assert_eq!(count("Hello, World!", "hello world", Unit::Words), counts(0, 0, 0, 2));
    assert_eq!(count("don't", "dont", Unit::Words), counts(1, 0, 0, 1));
}

#[test]
fn languages_without_spaces_count_characters() {
    assert_eq!(unit_for("ja-JP"), Unit::Characters);
    assert_eq!(unit_for("ZH"), Unit::Characters);
    assert_eq!(unit_for("th_TH"), Unit::Characters);
    assert_eq!(unit_for("en-US"), Unit::Words);
    assert_eq!(unit_for("jv-ID"), Unit::Words);
    assert_eq!(unit_for(""), Unit::Words);
    assert_eq!((Unit::Characters.rate_name(), Unit::Characters.noun(true)), ("CER", "characters"));
    assert_eq!((Unit::Words.rate_name(), Unit::Words.noun(false)), ("WER", "word"));

    use Op::*;
    let a = align("今日は晴れです。", "今日は 雨です", Unit::Characters);
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
    let a = align("", "Hello there", Unit::Words);
    assert_eq!(ops(&a), [(Op::Insertion, None, Some("hello")), (Op::Insertion, None, Some("there"))]);
    assert_eq!(a.counts, counts(0, 0, 2, 0));
    assert_eq!(a.counts.rate(), None);
    assert_eq!(rate_text(&a.counts), "—");
    assert_eq!(align("", "", Unit::Words), Alignment::default());
    assert_eq!(align("?!", "…", Unit::Characters), Alignment::default());
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

fn check(reference: &str, hypothesis: &str, unit: Unit) {
    let a = align(reference, hypothesis, unit);
    let c = count(reference, hypothesis, unit);
    assert_eq!(a.counts, c, "{reference:?} / {hypothesis:?}");
    let (nr, nh) = (normalize(reference), normalize(hypothesis));
    let (r, h) = (tokens(&nr, unit), tokens(&nh, unit));
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
            check(reference, hypothesis, Unit::Words);
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
        check(english, &crate::hypothesis::degrade(english, seed, rate, Unit::Words), Unit::Words);
        let japanese = "今日は晴れです。明日は雨が降るでしょう。";
        check(japanese, &crate::hypothesis::degrade(japanese, seed, rate, Unit::Characters), Unit::Characters);
    }
}
