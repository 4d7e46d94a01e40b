//! The text of the demo's TEST files: subtitles of support calls, so the
//! seeded tests have utterances to show.

const LINES: [&str; 24] = [
    "Thank you for calling, my name is Alex, how can I help you today?",
    "I'd like to check the status of my order from last Tuesday.",
    "Could you read me the order number printed on the receipt?",
    "It's four seven two, nine one, zero eight.",
    "One moment while I pull up your account.",
    "I can see the parcel left our warehouse yesterday evening.",
    "The courier expects to deliver it before noon on Friday.",
    "Can I change the delivery address to my office instead?",
    "Of course, what's the full address including the postcode?",
    "Twenty two Harbour Street, Leeds, LS1 4BR.",
    "I've updated the address and sent you a confirmation email.",
    "My invoice shows a service fee I don't recognise.",
    "That's the express handling charge you selected at checkout.",
    "I'd rather have standard delivery and a refund of the fee.",
    "I've refunded the fee; it reaches your card within five days.",
    "Is there anything else I can help you with today?",
    "Yes, my router keeps dropping the connection every evening.",
    "Have you tried restarting it and checking the firmware version?",
    "The firmware is version three point two, released in March.",
    "Please unplug it for thirty seconds, then plug it back in.",
    "The lights are green now and the connection seems stable.",
    "Great, I'll open a ticket in case it happens again.",
    "Your reference number is CS dash eighty one forty.",
    "Thanks for your patience, and have a lovely afternoon.",
];

/// An SRT file of `cues` support-call lines, starting at line `offset`.
pub(super) fn holdout_srt(offset: usize, cues: usize) -> String {
    let mut out = String::new();
    for n in 0..cues {
        let line = LINES[(offset + n) % LINES.len()];
        let (start, end) = (n * 4 + 1, n * 4 + 4);
        out.push_str(&format!(
            "{}\n00:{:02}:{:02},000 --> 00:{:02}:{:02},500\n{line}\n\n",
            n + 1,
            start / 60,
            start % 60,
            end / 60,
            end % 60
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_demo_srt_is_a_clean_transcript() {
        let text = super::holdout_srt(3, 30);
        assert!(domain::dataset_check::check_transcript(&text).is_empty());
        let cues = domain::dataset_check::cues(&text);
        assert_eq!(cues.len(), 30);
        assert_eq!((cues[1].start, cues[1].end), (Some(5.0), Some(8.5)));
    }
}
