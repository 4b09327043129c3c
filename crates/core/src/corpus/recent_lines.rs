//! [`RecentLines`]: the answers of a pure function of a short line for the last few lines asked,
//! known by their text. The header model asks the same questions of a line from several places
//! (is it a header line? what date does it hold?), and the answers are kept per thread, for a
//! handful of lines, rather than threaded through every caller.

/// The last [`RecentLines::KEPT`] lines asked, each with its key (what else the answer depends
/// on) and its answer.
pub(crate) struct RecentLines<K, V> {
    lines: Vec<(String, K, V)>,
    /// The slot the next new line takes (the oldest).
    next: usize,
}

impl<K: Copy + Eq, V: Clone> RecentLines<K, V> {
    pub(crate) const KEPT: usize = 8;

    pub(crate) const fn new() -> Self {
        Self {
            lines: Vec::new(),
            next: 0,
        }
    }

    /// The remembered answer for `text` and `key`, if it is one of the last lines asked.
    pub(crate) fn get(&self, text: &str, key: K) -> Option<V> {
        self.lines
            .iter()
            .find(|(line, k, _)| *k == key && line == text)
            .map(|(_, _, answer)| answer.clone())
    }

    /// Remember `answer` for `text` and `key`, in place of the oldest line once full (whose
    /// string keeps its buffer: no allocation then).
    pub(crate) fn keep(&mut self, text: &str, key: K, answer: V) {
        if self.lines.len() < Self::KEPT {
            self.lines.push((text.to_string(), key, answer));
        } else {
            let slot = &mut self.lines[self.next];
            slot.0.clear();
            slot.0.push_str(text);
            slot.1 = key;
            slot.2 = answer;
        }
        self.next = (self.next + 1) % Self::KEPT;
    }
}

/// Texts up to this long are remembered (a header line is shorter; a paragraph is asked once).
const LONGEST: usize = 200;

/// `f(text)` through `memo` (a thread-local [`RecentLines`]): remembered when `text` was one of
/// the last lines asked with `key`; a text longer than [`LONGEST`] is asked afresh, never
/// kept. `f` runs with the memo released, so it may ask other memos.
pub(crate) fn remembered<K: Copy + Eq + 'static, V: Clone + 'static>(
    memo: &'static std::thread::LocalKey<std::cell::RefCell<RecentLines<K, V>>>,
    text: &str,
    key: K,
    f: impl FnOnce() -> V,
) -> V {
    if text.len() > LONGEST {
        return f();
    }
    if let Some(answer) = memo.with_borrow(|m| m.get(text, key)) {
        return answer;
    }
    let answer = f();
    memo.with_borrow_mut(|m| m.keep(text, key, answer.clone()));
    answer
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each line keeps its own answer, per key, and the oldest line is forgotten first.
    #[test]
    fn answers_are_kept_per_line_and_key_for_the_last_lines() {
        let mut memo: RecentLines<u8, usize> = RecentLines::new();
        for i in 0..RecentLines::<u8, usize>::KEPT {
            memo.keep(&format!("line {i}"), 0, i);
        }
        assert_eq!(memo.get("line 3", 0), Some(3));
        assert_eq!(
            memo.get("line 3", 1),
            None,
            "another key is another question"
        );
        assert_eq!(memo.get("line 3 ", 0), None, "another text is another line");
        memo.keep("line new", 1, 99);
        assert_eq!(memo.get("line 0", 0), None, "the oldest line gave way");
        assert_eq!(memo.get("line 1", 0), Some(1));
        assert_eq!(memo.get("line new", 1), Some(99));
    }

    thread_local! {
        static MEMO: std::cell::RefCell<RecentLines<(), usize>> =
            const { std::cell::RefCell::new(RecentLines::new()) };
    }

    /// A short line asked twice is answered once; a text past [`LONGEST`] is asked each time.
    #[test]
    fn short_lines_are_remembered_and_long_texts_asked_afresh() {
        let asked = std::cell::Cell::new(0);
        let ask = |text: &str| {
            remembered(&MEMO, text, (), || {
                asked.set(asked.get() + 1);
                text.len()
            })
        };
        let short = "By Jane Roe";
        let long = "word ".repeat(LONGEST / 5 + 1);
        assert_eq!((ask(short), ask(short)), (short.len(), short.len()));
        assert_eq!(asked.get(), 1);
        assert_eq!((ask(&long), ask(&long)), (long.len(), long.len()));
        assert_eq!(asked.get(), 3);
    }
}
