//! A pattern searched only inside the trigger windows of [`super::triggers`], with the few
//! methods of `regex`'s matches and captures that [`super::find_times`] reads. Positions are
//! those of the whole text.

use regex_automata::Input;
use regex_automata::meta::Regex;
use regex_automata::util::captures::Captures;
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

/// Every match of `re` inside `windows` of `text`, in text order.
pub(super) fn find_in<'h>(
    re: &'h Regex,
    text: &'h str,
    windows: &'h [Range<usize>],
) -> impl Iterator<Item = Found<'h>> + 'h {
    windows.iter().flat_map(move |w| {
        re.find_iter(Input::new(text).span(w.clone()))
            .map(move |m| Found {
                text,
                start: m.start(),
                end: m.end(),
            })
    })
}

/// Every match of `re` inside `windows` of `text` with its groups, in text order.
pub(super) fn captures_in<'h>(
    re: &'h Regex,
    text: &'h str,
    windows: &'h [Range<usize>],
) -> impl Iterator<Item = Groups<'h>> + 'h {
    windows.iter().flat_map(move |w| {
        re.captures_iter(Input::new(text).span(w.clone()))
            .map(move |caps| Groups { text, caps })
    })
}
