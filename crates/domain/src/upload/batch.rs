//! The files of one New Dataset batch, each with its own state, and the window
//! of chunks one file has in flight. Pure transitions: the browser loop only
//! asks what may happen next.

use super::chunk_range;
use super::retry::Waiting;

/// Where one file of a batch is.
#[derive(Clone, Debug, PartialEq)]
pub enum FileState {
    Queued,
    Sending,
    /// Not moving for now, and why; it carries on by itself (or on Try again for sign-in).
    Waiting(Waiting),
    Done,
    Failed(String),
    Cancelled,
}

impl FileState {
    /// Still to finish: queued, sending or waiting.
    pub fn is_active(&self) -> bool {
        matches!(self, FileState::Queued | FileState::Sending | FileState::Waiting(_))
    }

    /// A file in this state may leave the list.
    pub fn is_removable(&self) -> bool {
        matches!(self, FileState::Queued | FileState::Failed(_) | FileState::Cancelled)
    }

    /// Moves to `next` unless that would undo a finished file: a done file is
    /// never sent again, and only a failed file goes back to the queue.
    pub fn may_become(&self, next: &FileState) -> bool {
        match (self, next) {
            (FileState::Done, _) => false,
            (FileState::Cancelled, next) => matches!(next, FileState::Cancelled),
            (FileState::Failed(_), FileState::Queued | FileState::Cancelled | FileState::Failed(_)) => true,
            (FileState::Failed(_), _) => false,
            _ => true,
        }
    }
}

/// What the dialog's main button does, from the states of the batch's files.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Primary {
    /// Nothing sent yet.
    Create,
    /// Files are on their way.
    Sending,
    /// Nothing moves and some files failed: send those again.
    RetryFailed,
    /// Every file ended.
    Finished,
}

pub fn primary_action<'a>(states: impl IntoIterator<Item = &'a FileState>) -> Primary {
    let states: Vec<&FileState> = states.into_iter().collect();
    if states.iter().all(|s| **s == FileState::Queued) {
        Primary::Create
    } else if states.iter().any(|s| s.is_active()) {
        Primary::Sending
    } else if states.iter().any(|s| matches!(s, FileState::Failed(_))) {
        Primary::RetryFailed
    } else {
        Primary::Finished
    }
}

/// The chunks of one file to send, at most `limit` at a time, and the bytes
/// the server acknowledged: exact and never going back, whatever order the
/// answers come in.
#[derive(Clone, Debug)]
pub struct ChunkWindow {
    to_send: Vec<u64>,
    in_flight: Vec<u64>,
    size: u64,
    chunk_size: u64,
    acked: u64,
    limit: usize,
}

impl ChunkWindow {
    /// `plan` lists the chunks to send; `acked` counts the bytes the server already holds.
    pub fn new(plan: Vec<u64>, size: u64, chunk_size: u64, acked: u64, limit: usize) -> ChunkWindow {
        ChunkWindow { to_send: plan, in_flight: Vec::new(), size, chunk_size, acked, limit: limit.max(1) }
    }

    /// The next chunk to send, unless `limit` are already in flight or none is left.
    pub fn take_next(&mut self) -> Option<u64> {
        if self.in_flight.len() >= self.limit || self.to_send.is_empty() {
            return None;
        }
        let index = self.to_send.remove(0);
        self.in_flight.push(index);
        Some(index)
    }

    /// The server holds chunk `index`.
    pub fn ack(&mut self, index: u64) {
        if let Some(at) = self.in_flight.iter().position(|i| *i == index) {
            self.in_flight.remove(at);
            let (start, end) = chunk_range(index, self.size, self.chunk_size);
            self.acked = (self.acked + (end - start)).min(self.size);
        }
    }

    /// Chunk `index` must go again: it is first in line.
    pub fn retry(&mut self, index: u64) {
        if let Some(at) = self.in_flight.iter().position(|i| *i == index) {
            self.in_flight.remove(at);
            self.to_send.insert(0, index);
        }
    }

    pub fn acked_bytes(&self) -> u64 {
        self.acked
    }

    pub fn is_done(&self) -> bool {
        self.to_send.is_empty() && self.in_flight.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_done_file_is_never_sent_again_and_only_failures_return_to_the_queue() {
        assert!(!FileState::Done.may_become(&FileState::Queued));
        assert!(!FileState::Done.may_become(&FileState::Sending));
        assert!(FileState::Failed("x".into()).may_become(&FileState::Queued));
        assert!(!FileState::Failed("x".into()).may_become(&FileState::Sending));
        assert!(!FileState::Cancelled.may_become(&FileState::Queued));
        assert!(FileState::Queued.may_become(&FileState::Sending));
        assert!(FileState::Sending.may_become(&FileState::Waiting(Waiting::Network)));
        assert!(FileState::Waiting(Waiting::SignIn).may_become(&FileState::Sending));
        assert!(FileState::Failed("x".into()).is_removable() && FileState::Queued.is_removable());
        assert!(!FileState::Done.is_removable() && !FileState::Sending.is_removable());
    }

    #[test]
    fn the_main_button_follows_the_batch() {
        use FileState::*;
        assert_eq!(primary_action(&[Queued, Queued]), Primary::Create);
        assert_eq!(primary_action(&[Done, Sending]), Primary::Sending);
        assert_eq!(primary_action(&[Done, Waiting(super::Waiting::Network)]), Primary::Sending);
        assert_eq!(primary_action(&[Done, Failed("x".into()), Done]), Primary::RetryFailed);
        assert_eq!(primary_action(&[Done, Cancelled]), Primary::Finished);
    }

    #[test]
    fn the_window_keeps_three_in_flight_and_counts_bytes_exactly() {
        let mut w = ChunkWindow::new(vec![0, 1, 2, 3, 4], 4_500, 1_000, 0, 3);
        assert_eq!((w.take_next(), w.take_next(), w.take_next(), w.take_next()), (Some(0), Some(1), Some(2), None));
        w.ack(2);
        assert_eq!(w.acked_bytes(), 1_000);
        w.ack(2);
        assert_eq!(w.acked_bytes(), 1_000, "a second answer for the same chunk counts once");
        w.retry(0);
        assert_eq!(w.take_next(), Some(0), "a chunk to resend goes first");
        assert_eq!((w.take_next(), w.take_next()), (Some(3), None), "three in flight: 1, 0, 3");
        for i in [1, 0] {
            w.ack(i);
        }
        assert_eq!((w.take_next(), w.take_next()), (Some(4), None));
        w.ack(4);
        assert_eq!(w.acked_bytes(), 3_500, "the last chunk is short");
        assert!(!w.is_done());
        w.ack(3);
        assert_eq!(w.acked_bytes(), 4_500);
        assert!(w.is_done());
    }

    #[test]
    fn a_resumed_window_starts_from_what_the_server_holds() {
        let mut w = ChunkWindow::new(vec![3, 4], 5_000, 1_000, 3_000, 3);
        assert_eq!(w.acked_bytes(), 3_000);
        assert_eq!((w.take_next(), w.take_next(), w.take_next()), (Some(3), Some(4), None));
    }
}
