//! A pattern searched only inside the trigger windows of [`super::triggers`], with the few
//! methods of `regex`'s matches and captures that [`super::find_times`] reads. Positions are
//! those of the whole text.

use regex_automata::Input;
use regex_automata::meta::{Cache, Regex};
use regex_automata::util::captures::Captures;
use std::cell::RefCell;
use std::ops::Range;

/// Compile one time pattern (the same syntax and Unicode rules as the `regex` crate).
pub(super) fn compile(pattern: &str) -> Regex {
    Regex::new(pattern).unwrap_or_else(|e| panic!("bad time pattern {pattern}: {e}"))
}

/// A matched span of the text.
#[derive(Debug, Clone, Copy)]
pub(super) struct Found<'h> {
    text: &'h str,
    start: usize,
    end: usize,
}

impl<'h> Found<'h> {
    pub(super) fn as_str(&self) -> &'h str {
        &self.text[self.start..self.end]
    }
    pub(super) fn start(&self) -> usize {
        self.start
    }
    pub(super) fn end(&self) -> usize {
        self.end
    }
    pub(super) fn range(&self) -> Range<usize> {
        self.start..self.end
    }
    pub(super) fn len(&self) -> usize {
        self.end - self.start
    }
}

/// One match with its groups.
pub(super) struct Groups<'h> {
    text: &'h str,
    caps: Captures,
}

impl<'h> Groups<'h> {
    /// Group `i` (0: the whole match).
    pub(super) fn get(&self, i: usize) -> Option<Found<'h>> {
        self.caps.get_group(i).map(|s| self.found(s.range()))
    }
    /// The named group.
    pub(super) fn name(&self, name: &str) -> Option<Found<'h>> {
        self.caps
            .get_group_by_name(name)
            .map(|s| self.found(s.range()))
    }
    fn found(&self, r: Range<usize>) -> Found<'h> {
        Found {
            text: self.text,
            start: r.start,
            end: r.end,
        }
    }
}

thread_local! {
    /// Each thread's search cache of each pattern: the `regex` crate's shared pool hands a
    /// cache out per search, which costs more than a window's search on the threads that do
    /// not own the pool.
    static CACHES: RefCell<Vec<(usize, Cache, Captures)>> = const { RefCell::new(Vec::new()) };
}

/// Run `f` with this thread's cache and groups of `re` (a pattern of a `static`: its address
/// is its key).
fn with_cache<R>(re: &'static Regex, f: impl FnOnce(&mut Cache, &mut Captures) -> R) -> R {
    CACHES.with(|caches| {
        let mut caches = caches.borrow_mut();
        let key = std::ptr::from_ref(re) as usize;
        let at = match caches.iter().position(|(k, _, _)| *k == key) {
            Some(at) => at,
            None => {
                caches.push((key, re.create_cache(), re.create_captures()));
                caches.len() - 1
            }
        };
        let (_, cache, caps) = &mut caches[at];
        f(cache, caps)
    })
}

/// The next match of `re` in `input` and the input moved past it (no pattern here matches
/// the empty string; an empty match would end the window's search).
fn next_in(input: &mut Input<'_>, found: Option<Range<usize>>) -> Option<Range<usize>> {
    let m = found?;
    if m.is_empty() {
        input.set_start(input.end());
    } else {
        input.set_start(m.end);
    }
    Some(m)
}

/// Every match of `re` inside `windows` of `text`, in text order.
pub(super) fn find_in<'h>(
    re: &'static Regex,
    text: &'h str,
    windows: &[Range<usize>],
) -> Vec<Found<'h>> {
    with_cache(re, |cache, _| {
        let mut out = Vec::new();
        for w in windows {
            let mut input = Input::new(text).span(w.clone());
            while let Some(m) = {
                let found = re.search_with(cache, &input).map(|m| m.range());
                next_in(&mut input, found)
            } {
                out.push(Found {
                    text,
                    start: m.start,
                    end: m.end,
                });
            }
        }
        out
    })
}

/// Every match of `re` inside `windows` of `text` with its groups, in text order.
pub(super) fn captures_in<'h>(
    re: &'static Regex,
    text: &'h str,
    windows: &[Range<usize>],
) -> Vec<Groups<'h>> {
    with_cache(re, |cache, caps| {
        let mut out = Vec::new();
        for w in windows {
            let mut input = Input::new(text).span(w.clone());
            loop {
                re.search_captures_with(cache, &input, caps);
                let found = caps.get_match().map(|m| m.range());
                if next_in(&mut input, found).is_none() {
                    break;
                }
                out.push(Groups {
                    text,
                    caps: caps.clone(),
                });
            }
        }
        out
    })
}
