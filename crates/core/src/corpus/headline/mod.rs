//! Which line of a text is its headline, and where its first real paragraph starts.
//!
//! A browser copy opens with page furniture (menus, skip links, section labels, cookie notices),
//! then the headline, a byline and a date, then the article's paragraphs. A clean file opens with
//! the headline, or with the story itself. Rules fitted to one site fail on the next, so the
//! headline is chosen by scoring every candidate line above the first real paragraph on features
//! that hold across sites (events.md §1): how close it is to that paragraph, whether a byline or
//! date sits next to it, whether the page repeats it, its length and case, and whether it reads
//! as furniture. Each feature that counted is kept, so a decision can be explained.
use super::metadata::{
    BULLETS, byline_author, ends_sentence, is_boilerplate, is_footer, is_header_line,
    is_kicker_quote, normalize, normalizes_to, with_lower, word_count, word_count_capped,
};
use super::notices::{is_notice, is_ui_text};
use std::cell::OnceCell;

/// How far above the first paragraph a headline may sit (non-empty lines): bylines, dates,
/// photo captions, share rows and a standfirst come between them.
const REACH: usize = 35;
/// Non-empty lines looked at for the first real paragraph. Some pages put several hundred
/// menu lines above the article.
const SCAN: usize = 1500;
/// A candidate needs at least this score to be the headline; below it the text has no header.
const THRESHOLD: f32 = -0.5;

/// The chosen headline: its index among the non-empty lines, its score and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Headline {
    pub line: usize,
    /// The first paragraph under it (an index among the non-empty lines).
    pub body: usize,
    pub score: f32,
    /// The features that counted, in the order they were weighed (for tooltips and tests).
    pub why: Vec<&'static str>,
}

/// Index (among `lines`, the non-empty lines) of the first real paragraph: the first line of
/// running text that more running text follows closely; else the first line of running text;
/// else the first short story line; else `lines.len()`.
pub fn first_paragraph(lines: &[&str]) -> usize {
    let n = lines.len().min(SCAN);
    // A line of running text with a byline or date right under it is a headline or a
    // standfirst (`Want to travel solo? Social media can help.`), not the story.
    let under_meta = |k: usize| (k + 1..n.min(k + 4)).any(|j| is_meta_line(lines[j]));
    let prose: Vec<bool> = (0..n)
        .map(|k| is_prose(lines[k]) && !under_meta(k))
        .collect();
    let dense = (0..n).find(|&k| prose[k] && prose[k + 1..n.min(k + 7)].iter().any(|&p| p));
    let mut at = dense
        .or_else(|| (0..n).find(|&k| prose[k]))
        .or_else(|| (0..n).find(|&k| is_short_story(lines[k])))
        .unwrap_or(n);
    // Short story lines right above the first long one belong to the story (`Kenya signed a
    // rail deal.` over a longer paragraph).
    while at > 0 && at <= n && is_short_story(lines[at - 1]) && !under_meta(at - 1) {
        at -= 1;
    }
    // A clean text whose lines all read short (hard-wrapped at a narrow width): the story
    // starts under its first line when that line reads as a headline.
    if at >= n && n >= 2 && headline_like(lines[0]) {
        at = 1;
        // Past the byline and date lines under it.
        while at + 1 < n && is_meta_line(lines[at]) {
            at += 1;
        }
    }
    at
}

/// Per-line answers that scoring asks many times (a neighbour of every candidate), each
/// computed once.
/// (Each candidate looks at the lines around it, and neighbouring candidates share them.)
struct Facts<'a> {
    lines: &'a [&'a str],
    meta: Vec<OnceCell<bool>>,
    excluded: Vec<OnceCell<bool>>,
    list_item: Vec<OnceCell<bool>>,
    headline_like: Vec<OnceCell<bool>>,
    prose: Vec<OnceCell<bool>>,
    byline: Vec<OnceCell<bool>>,
    footer: Vec<OnceCell<bool>>,
    counted: Vec<OnceCell<bool>>,
}

impl<'a> Facts<'a> {
    fn new(lines: &'a [&'a str]) -> Self {
        let cells = || (0..lines.len()).map(|_| OnceCell::new()).collect();
        Self {
            lines,
            meta: cells(),
            excluded: cells(),
            list_item: cells(),
            headline_like: cells(),
            prose: cells(),
            byline: cells(),
            footer: cells(),
            counted: cells(),
        }
    }

    fn headline_like(&self, j: usize) -> bool {
        *self.headline_like[j]
            .get_or_init(|| headline_like_with(self.lines[j], || self.excluded(j)))
    }

    fn prose(&self, j: usize) -> bool {
        *self.prose[j].get_or_init(|| is_prose(self.lines[j]))
    }

    fn byline(&self, j: usize) -> bool {
        *self.byline[j].get_or_init(|| is_byline(self.lines[j]))
    }

    /// A footer marker or a "more stories" marker.
    fn footer(&self, j: usize) -> bool {
        *self.footer[j].get_or_init(|| is_footer(self.lines[j]) || is_more_marker(self.lines[j]))
    }

    /// A line that counts as one for "right below" (a page's controls do not).
    fn counted(&self, j: usize) -> bool {
        *self.counted[j].get_or_init(|| {
            let l = self.lines[j].trim_start_matches(BULLETS).trim_start();
            l.chars().any(char::is_alphanumeric) && (!is_ui_text(l) || self.meta(j))
        })
    }

    fn meta(&self, j: usize) -> bool {
        *self.meta[j].get_or_init(|| is_meta_line(self.lines[j]))
    }

    fn excluded(&self, j: usize) -> bool {
        *self.excluded[j].get_or_init(|| excluded(self.lines[j]))
    }

    fn list_item(&self, j: usize) -> bool {
        *self.list_item[j]
            .get_or_init(|| list_item_like_with(self.lines[j], || self.headline_like(j)))
    }
}

/// Score line `k` as the headline of a text whose first paragraph is line `body`.
fn score(
    f: &Facts<'_>,
    k: usize,
    body: usize,
    article_start: usize,
    repeated: bool,
) -> (f32, Vec<&'static str>) {
    let lines = f.lines;
    let s = lines[k];
    let mut why = Vec::new();
    let mut total = 1.0;
    let mut add = |w: f32, reason: &'static str, why: &mut Vec<&'static str>| {
        total += w;
        why.push(reason);
    };
    // (Counted up to 31: no test below looks further.)
    let words = word_count_capped(s, 31);
    match words {
        1 => add(-2.5, "one word", &mut why),
        2 | 3 => add(-1.2, "two or three words", &mut why),
        4..=20 => add(1.0, "a headline's length", &mut why),
        21..=30 => add(0.3, "a long headline's length", &mut why),
        _ => add(-1.0, "longer than a headline", &mut why),
    }
    let bare = s.trim_end_matches(['"', '”', '’', '\'', ')']);
    if bare.ends_with("...") || bare.ends_with('…') {
        add(-2.0, "cut short (a teaser in a list)", &mut why);
    }
    if bare.ends_with(':') {
        add(-2.0, "ends with a colon (a label)", &mut why);
    } else if bare.ends_with('.') && !bare.ends_with("..") && words >= 14 {
        add(-3.0, "a sentence of running text", &mut why);
    } else if bare.ends_with('.') && !bare.ends_with("..") && words > 6 {
        add(-1.5, "ends with a full stop (running text)", &mut why);
    }
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() >= 4 && letters.iter().all(|c| c.is_uppercase()) {
        add(-1.0, "all capitals (a kicker or section label)", &mut why);
    }
    // `Contact UsABC13 News TeamCareers`: menu items a copy ran together.
    if glued_words(s) >= 2 {
        add(-2.5, "menu items run together", &mut why);
    }
    if s.starts_with(|c: char| c.is_lowercase()) {
        add(-1.5, "starts in lower case", &mut why);
    }
    if super::dates::parse_date(s, super::dates::DateOrder::MonthFirst).is_some() {
        add(-1.5, "holds a date", &mut why);
    }
    // (Unspaced too, `Home»News»Port deal signed`, when the marks are no quotes: `»…«`.)
    let marks = |mark: char, pair: char| s.matches(mark).count() >= 2 && !s.contains(pair);
    if s.contains(" » ")
        || s.contains(" › ")
        || s.contains(" > ")
        || marks('»', '«')
        || marks('›', '‹')
    {
        add(-2.5, "a breadcrumb", &mut why);
    } else if s.contains(" | ") {
        add(-0.5, "holds a separator", &mut why);
    } else if s.contains('|') {
        add(-1.5, "a section label glued to it", &mut why);
    }
    // A byline or date right under the headline (or one line lower, past a standfirst or a
    // share row) is the strongest sign across sites.
    // (A photo credit is not one: a line over a credit is the photo's caption.)
    // (A page's controls do not count as lines: a share row copies as one bullet per button.)
    let next = |n: usize| (k + 1..lines.len()).filter(|&j| f.counted(j)).take(n);
    let below = next(4)
        .take_while(|&j| j <= body)
        .find(|&j| f.meta(j) && !is_photo_credit(lines[j]));
    if bare.ends_with('.') && lines.get(k + 1).is_some_and(|n| is_photo_credit(n)) {
        add(-2.5, "a photo credit right below (a caption)", &mut why);
    }
    match below {
        Some(j) if j == k + 1 => add(3.0, "a byline or date right below", &mut why),
        Some(j) if j == k + 2 => add(2.6, "a byline or date two lines below", &mut why),
        Some(_) => add(2.0, "a byline or date just below", &mut why),
        None => {}
    }
    // Under a "more stories" or "related" marker, a headline is another story's.
    // (Only after the article's text has begun: menus carry "Trending" and "Most read" too.)
    if (k.saturating_sub(8).max(article_start)..k).any(|j| f.footer(j)) {
        add(-2.0, "under a 'more stories' marker", &mut why);
    }
    // Three or more headline-like lines in a row are a list of links.
    let run_start = (0..=k)
        .rev()
        .take_while(|&j| f.list_item(j))
        .last()
        .unwrap_or(k);
    let run_end = (k..lines.len())
        .take_while(|&j| f.list_item(j))
        .last()
        .unwrap_or(k);
    if run_end - run_start >= 2 {
        add(-1.5, "in a list of headlines", &mut why);
    }
    if below.is_none() {
        if k > 0 && f.meta(k - 1) {
            add(2.0, "a byline or date right above", &mut why);
        } else if k > 1 && f.meta(k - 2) {
            add(1.0, "a byline or date just above", &mut why);
        }
    }
    // A teaser in a list has its date; the article's headline has its author too.
    if next(4).any(|j| f.byline(j)) {
        add(1.0, "a byline below", &mut why);
    } else if below.is_none() && (k.saturating_sub(3)..k).any(|j| f.byline(j)) {
        add(1.0, "a byline above", &mut why);
    }
    // Headline, then standfirst, then byline: the upper of two headline-like lines is the
    // headline.
    if below.is_some_and(|j| j > k + 1) && prose_or_headline_like_in(f, k + 1) {
        add(1.5, "a standfirst below", &mut why);
    }
    // A headline opens the article: running text right above it means the line is inside a
    // story (a wrapped line's end, a caption, a subheading).
    if k > 0 && f.prose(k - 1) && !is_notice(lines[k - 1]) {
        add(-2.0, "running text right above", &mut why);
    }
    if k > 0 && f.headline_like(k - 1) && !f.meta(k - 1) {
        add(-0.5, "under another headline-like line", &mut why);
    }
    if repeated && words >= 3 {
        add(1.0, "the page repeats it", &mut why);
    }
    // Lines between it and the first paragraph (a list's bare bullets aside: a share row
    // copies as one per button).
    let gap = (k + 1..body)
        .filter(|&j| lines[j].chars().any(char::is_alphanumeric))
        .count();
    if gap > 0 {
        add(
            -0.15 * gap as f32,
            "lines between it and the first paragraph",
            &mut why,
        );
    }
    if k + 1 == body {
        add(0.3, "the first paragraph follows it", &mut why);
        if k == 0 {
            // A clean file: its first line, then the story. Even a one-word headline is one.
            add(2.0, "the file's first line, over the story", &mut why);
        }
    }
    (total, why)
}

/// Line `j` may be a standfirst: six words or more of a headline's shape or of running text.
fn prose_or_headline_like_in(f: &Facts<'_>, j: usize) -> bool {
    let s = f.lines[j];
    let six_words = word_count_capped(s, 6) >= 6;
    let sentence = six_words && ends_sentence(s) && !f.excluded(j);
    (f.headline_like(j) && six_words) || f.prose(j) || sentence
}

/// Lines that may stand between two paragraphs of one article (a caption, an ad label, a
/// subheading, a share row) without ending its run of running text.
const GAP: usize = 4;
/// Words of running text that make a run the article's body rather than a teaser's summary.
const MIN_RUN_WORDS: usize = 60;

/// Runs of running text: (first line, words of running text in the run), in text order, up to
/// the first of [`MIN_RUN_WORDS`] words (its count may stop there).
/// Paragraphs at most [`GAP`] lines apart are one run.
fn prose_runs(f: &Facts<'_>) -> Vec<(usize, usize)> {
    let lines = f.lines;
    let n = lines.len().min(SCAN);
    // Each line's "byline or date?" is asked at most once (the scoring asks it again).
    let under_meta = |k: usize| ((k + 1).min(n)..n.min(k + 4)).any(|j| f.meta(j));
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut adjacent: Vec<bool> = Vec::new();
    let mut last: Option<usize> = None;
    for (k, s) in lines[..n].iter().enumerate() {
        if !(f.prose(k) || is_wrapped(lines, k) || continues_wrapped(lines, k)) || under_meta(k) {
            continue;
        }
        let words = word_count(s);
        match (last, runs.last_mut()) {
            (Some(l), Some(run)) if k - l <= GAP + 1 => {
                run.1 += words;
                // Two paragraphs in a row: an article's body. A teaser list alternates a
                // headline and a line of summary.
                if l + 1 == k
                    && let Some(adj) = adjacent.last_mut()
                {
                    *adj = true;
                }
            }
            _ => {
                // Short story lines right above belong to the run.
                let mut start = k;
                while start > 0 && is_short_story(lines[start - 1]) && !under_meta(start - 1) {
                    start -= 1;
                }
                runs.push((start, words));
                adjacent.push(false);
            }
        }
        last = Some(k);
        // The first run of substantial length is the article's body: nothing below it is
        // needed (this keeps long articles cheap).
        if runs.last().is_some_and(|r| r.1 >= MIN_RUN_WORDS) && adjacent.last() == Some(&true) {
            break;
        }
    }
    // A run counts as a body only with two paragraphs in a row: others keep their start but
    // not their length.
    for (run, adj) in runs.iter_mut().zip(&adjacent) {
        if !adj {
            run.1 = run.1.min(MIN_RUN_WORDS - 1);
        }
    }
    runs
}

/// Every candidate headline with its score, best first (for explanations and tests), and the
/// index of the first paragraph under the best one.
///
/// The article's body is the first run of running text of substantial length ([`MIN_RUN_WORDS`]:
/// a menu's teaser has a line of summary, and "related" lists come after the article). The
/// headline is looked for up to [`REACH`] lines above it, and above any shorter run that
/// starts within that reach (a standfirst, a first short paragraph, a caption): each candidate
/// is weighed against the run right below it.
pub fn candidates(lines: &[&str]) -> (Vec<Headline>, usize) {
    let mut all = Vec::new();
    let facts = Facts::new(lines);
    let mut runs = prose_runs(&facts);
    if runs.is_empty() {
        runs.push((first_paragraph(lines), 0));
    }
    let main = runs
        .iter()
        .position(|r| r.1 >= MIN_RUN_WORDS)
        .unwrap_or_else(|| {
            (0..runs.len())
                .max_by_key(|&i| (runs[i].1, std::cmp::Reverse(runs[i].0)))
                .unwrap_or(0)
        });
    // Nothing reads as the story, or the story starts on the first line: no header. (A lone
    // line is the story, never a headline over nothing.)
    if runs[main].0 == 0 || runs[main].0 >= lines.len() {
        return (all, runs[main].0.min(lines.len()));
    }
    // Walk up through shorter runs that start within reach of the one below.
    let mut top = main;
    while top > 0 && runs[top].0 - runs[top - 1].0 <= REACH && runs[top - 1].0 > 0 {
        top -= 1;
    }
    let from = runs[top].0.saturating_sub(REACH);
    let to = runs[main].0;
    // Headlines the page repeats (a breadcrumb, a share box, the `<title>` text): each short
    // line of the window in normal form, and whether another short line of the page has it.
    // Only the window's lines are normalised: the page's other lines are compared with them
    // word by word, and most differ at their first word.
    let page = lines.len().min(SCAN + 200);
    let norms: Vec<Option<String>> = (from..to)
        .map(|k| {
            let s = lines[k];
            (s.len() < 300 && word_count_capped(s, 3) >= 3).then(|| normalize(s))
        })
        .collect();
    // (For a line of the window.)
    let norm_at = |k: usize| norms[k - from].as_deref();
    let repeated_on_page = |norm: &str| {
        (0..page)
            .filter(|&j| {
                if (from..to).contains(&j) {
                    norm_at(j) == Some(norm)
                } else {
                    lines[j].len() < 300 && normalizes_to(lines[j], norm)
                }
            })
            .nth(1)
            .is_some()
    };
    let mut best: Option<(f32, usize)> = None;
    for k in from..to {
        let s = lines[k];
        // The length first: it is the cheapest test, and a paragraph is too long for a
        // headline before any of the others is asked.
        if (s.len() >= 180 && s.chars().count() >= 180)
            || facts.excluded(k)
            || is_wrapped(lines, k)
            || continues_wrapped(lines, k)
            || is_author_bio(lines, k)
        {
            continue;
        }
        // The first paragraph under this candidate: the start of the next run below it.
        let Some(body) = runs[top..=main].iter().map(|r| r.0).find(|&r| r > k) else {
            continue;
        };
        let repeated = norm_at(k).is_some_and(repeated_on_page);
        // A breadcrumb glued to the headline (`HomeNewsPort deal signed`) repeats it too.
        let in_breadcrumb = word_count(s) >= 3
            && (k.saturating_sub(3)..(k + 3).min(lines.len()))
                .any(|j| j != k && lines[j].len() > s.len() && lines[j].ends_with(s));
        let (score, why) = score(&facts, k, body, runs[0].0, repeated || in_breadcrumb);
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, body));
        }
        all.push(Headline {
            line: k,
            body,
            score,
            why,
        });
    }
    all.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.line.cmp(&b.line)));
    // A headline the page repeats is the first of its copies (the later ones sit in a photo
    // caption or a share box, and what lies between them is the article's).
    if let Some(best) = all.first_mut()
        && let Some(norm) = norm_at(best.line)
        && let Some(first) = (from..best.line).find(|&j| norm_at(j) == Some(norm))
    {
        best.line = first;
        best.why.push("the first of the page's copies of it");
    }
    (all, best.map_or(to, |(_, body)| body))
}

/// The headline among `lines` (the text's non-empty lines), or `None` when the text has no
/// header: its first line is already the story, or no line above the story reads as one.
pub fn choose_headline(lines: &[&str]) -> Option<Headline> {
    candidates(lines)
        .0
        .into_iter()
        .next()
        .filter(|h| h.score >= THRESHOLD)
}

mod line_shapes;
pub(crate) use line_shapes::*;

#[cfg(test)]
mod tests;
