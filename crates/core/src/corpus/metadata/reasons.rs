//! Why a title was taken, kept once per distinct list: every article of a corpus points to one
//! of a few hundred lists of the header model's fixed phrases instead of owning a copy (30 MB
//! at 200k articles).

use std::collections::HashSet;
use std::sync::{Mutex, PoisonError};

/// Lists kept at most; past that a list is still kept, just not shared (a damaged cache
/// cannot grow the table without end).
const MAX_LISTS: usize = 65_536;

/// The shared copy of `reasons`.
pub fn intern(reasons: Vec<&'static str>) -> &'static [&'static str] {
    static LISTS: Mutex<Option<HashSet<&'static [&'static str]>>> = Mutex::new(None);
    if reasons.is_empty() {
        return &[];
    }
    let mut guard = LISTS.lock().unwrap_or_else(PoisonError::into_inner);
    let lists = guard.get_or_insert_with(HashSet::new);
    if let Some(&known) = lists.get(reasons.as_slice()) {
        return known;
    }
    let leaked: &'static [&'static str] = Box::leak(reasons.into_boxed_slice());
    if lists.len() < MAX_LISTS {
        lists.insert(leaked);
    }
    leaked
}

#[cfg(test)]
mod tests {
    use super::intern;

    #[test]
    fn equal_lists_share_one_copy() {
        let a = intern(vec!["a headline's length", "a byline or date right below"]);
        let b = intern(vec!["a headline's length", "a byline or date right below"]);
        assert_eq!(a, b);
        assert!(std::ptr::eq(a.as_ptr(), b.as_ptr()));
        assert!(intern(Vec::new()).is_empty());
    }
}
