//! What kind of line a line of a text is: boilerplate, a footer marker, a byline, a header
//! field (date, read time, credit, address), running text, a link of a list; and the furniture
//! runs taken out of a body.

use super::*;

pub(crate) static READ_TIME: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^\d+\s*min(?:ute)?s?\s+read"));

pub(crate) static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(?:By|BY|by|Written by|Words by|Author:)\s+(.{2,80}?)\s*(?:[|,]\s*.*)?$")
});

pub(crate) static ARTICLE_BY: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^\[\s*article by\s+(.+?)\.?\s*\]$"));

pub(crate) static CREDIT: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^(?:credits?|photo|image|picture|source)\s*:"));

pub(crate) static ORIGINALLY: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)originally (?:published|appeared|posted) (?:at|on|in|by)\s+(.+?)[.\s]*$")
});

pub(crate) static DOMAIN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?-u:\b)(?:https?://)?(?:www\.)?((?:[a-z0-9-]+\.)+(?:com|org|net|news|co\.uk|uk|ie|com\.au|au|in|co\.in|co\.nz|nz|co\.za|za|ca|de|fr|eu|info|io|sg|hk|jp|kr|cn|tw|ph|my|pk|ng|ke))(?-u:\b)",
    )
});

pub(crate) static YEAR: LazyLock<Regex> = LazyLock::new(|| re(r"(?-u:\b)((?:19|20)\d\d)(?-u:\b)"));

/// Lines a web page puts around an article: navigation, account links, cookie notices.
pub(crate) static BOILERPLATE: std::sync::LazyLock<Vec<&'static str>> =
    crate::word_list::words!("boilerplate.txt");

pub(crate) const FOOTER_PREFIXES: &[&str] = &[
    "about author",
    "about the author",
    "about the writer",
    "share this",
    "related stories",
    "related articles",
    "related news",
    "related coverage",
    "related:",
    "more from",
    "more stories",
    "read more",
    "recommended",
    "you may also like",
    "you might also like",
    "most read",
    "most popular",
    "©",
    "(c) ",
    "copyright",
    "all rights reserved",
    "terms of use",
    "terms of service",
    "terms & conditions",
    "privacy policy",
    "follow us",
    "sign up for",
    "subscribe to",
    "this news was originally published",
    "originally published at",
    "comments",
    "leave a comment",
    "tags:",
    "topics:",
    "filed under",
    "related topics",
    "more on this story",
    "top stories",
    "see also",
    "most watched",
    "editor's picks",
    "editors' picks",
    "latest news",
    "share this story",
    "share on",
    "sign up to",
    // A blog's comment section's neighbours (WordPress and most blog themes; the section's
    // own heading is `closing_heading_lower`).
    "post navigation",
    "related posts",
    "similar posts",
    "you may like",
    "you might like",
    "explore further",
    // The same markers as blog themes and news sites print them in German, French, Spanish,
    // Portuguese, Italian, Dutch and Polish (`Ähnliche Beiträge`, `Lire aussi`, `Czytaj też`).
    "ähnliche beiträge",
    "ähnliche artikel",
    "das könnte dich auch interessieren",
    "das könnte sie auch interessieren",
    "lesen sie auch",
    "mehr zum thema",
    "articles similaires",
    "articles liés",
    "à lire aussi",
    "lire aussi",
    "artículos relacionados",
    "noticias relacionadas",
    "temas relacionados",
    "te puede interesar",
    "artigos relacionados",
    "notícias relacionadas",
    "leia também",
    "veja também",
    "articoli correlati",
    "leggi anche",
    "potrebbe interessarti",
    "gerelateerde berichten",
    "lees ook",
    "czytaj też",
    "czytaj także",
    "zobacz też",
    "zobacz także",
    "podobne wpisy",
    // `Read more`, `You may also like`, `Latest news`, `Most read`, `Follow us`, `Comments`.
    "weiterlesen",
    "mehr lesen",
    "lire la suite",
    "leer más",
    "leia mais",
    "leggi di più",
    "lees meer",
    "czytaj więcej",
    "auch lesen",
    "das könnte ihnen auch gefallen",
    "vous aimerez aussi",
    "vous pourriez aussi aimer",
    "le puede interesar",
    "también te puede interesar",
    "puedes ver",
    "neueste artikel",
    "neueste beiträge",
    "derniers articles",
    "últimas noticias",
    "ultime notizie",
    "meistgelesen",
    "les plus lus",
    "lo más leído",
    "mais lidas",
    "più letti",
    "najczęściej czytane",
    "folgen sie uns",
    "folge uns",
    "suivez-nous",
    "síguenos",
    "siga-nos",
    "seguici",
    "obserwuj nas",
    "kommentare",
    "commentaires",
    "comentarios",
    "comentários",
    "commenti",
    "reacties",
    "komentarze",
];

/// How a comment section's heading goes on after its count: `3 thoughts on "Port deal"`,
/// `12 responses to "…"`, `2 replies to …`.
const COUNTED_COMMENTS: &[&str] = &["thoughts on ", "responses to ", "replies to "];

/// What follows a line's opening count and a space (`3 thoughts on …` → `thoughts on …`).
fn after_count(l: &str) -> Option<&str> {
    let rest = l.trim_start_matches(|c: char| c.is_ascii_digit());
    (rest.len() < l.len()).then_some(rest)?.strip_prefix(' ')
}

/// The heading of a section that closes a page's story and holds running text of its own: a
/// comment section (`Leave a Reply`, `3 thoughts on "…"`, `Join the conversation`) or the
/// author's box (`About the author`). A footer marker that the story never goes on after,
/// though the comments or the biography under it read as running text. (A bare count, `12
/// Comments`, is none: it is a link that sits beside a byline or in a share row as often as
/// over the comments.) Given the line lower-cased.
fn closing_heading_lower(l: &str) -> bool {
    const OPENINGS: &[&str] = &[
        "leave a reply",
        "join the conversation",
        "about the author",
        "about the writer",
        "about author",
        // WordPress's `Leave a Reply` and `About the author` in German, French, Spanish,
        // Portuguese, Italian, Dutch and Polish.
        "schreibe einen kommentar",
        "hinterlasse einen kommentar",
        "über den autor",
        "laisser un commentaire",
        "laisser une réponse",
        "à propos de l'auteur",
        "deja un comentario",
        "deja una respuesta",
        "sobre el autor",
        "deixe um comentário",
        "deixe uma resposta",
        "sobre o autor",
        "lascia un commento",
        "lascia una risposta",
        "laat een reactie achter",
        "over de auteur",
        "dodaj komentarz",
        "zostaw komentarz",
        "o autorze",
    ];
    OPENINGS.iter().any(|p| l.starts_with(p))
        || after_count(l).is_some_and(|rest| COUNTED_COMMENTS.iter().any(|p| rest.starts_with(p)))
}

/// [`closing_heading_lower`] of a line.
pub(crate) fn is_closing_heading(line: &str) -> bool {
    line.len() < 120 && with_lower(line, closing_heading_lower)
}

pub(crate) fn lower(s: &str) -> String {
    s.to_lowercase()
}

/// Call `f` with `s.to_lowercase()`: a short line (most lines these tests see) is lower-cased
/// on the stack, without an allocation.
pub(crate) fn with_lower<R>(s: &str, f: impl FnOnce(&str) -> R) -> R {
    const SHORT: usize = 512;
    // A word (an abbreviation before a full stop, asked at every sentence end) gets a buffer of
    // its size: zeroing a line's buffer would cost more than lower-casing it.
    const WORD: usize = 32;
    if s.len() <= WORD && s.is_ascii() {
        return f(ascii_lowered(s, &mut [0u8; WORD]));
    }
    if s.len() <= SHORT {
        // Room for twice the line: no character's lower case takes more than one and a half
        // times its bytes (`Ⱥ`, 2 bytes, becomes `ⱥ`, 3); a line that did not fit would go to
        // the heap.
        let mut buf = [0u8; 2 * SHORT];
        if s.is_ascii() {
            return f(ascii_lowered(s, &mut buf));
        }
        // `Σ` is the one character `str::to_lowercase` maps by its context (a word's final
        // sigma); every other character on its own.
        if !s.contains('Σ')
            && let Some(n) = lower_chars_into(s, &mut buf)
            && let Ok(l) = std::str::from_utf8(&buf[..n])
        {
            return f(l);
        }
    }
    f(&lower(s))
}

/// `s`, ASCII and at most `buf`'s length, lower-cased into `buf`.
fn ascii_lowered<'a>(s: &str, buf: &'a mut [u8]) -> &'a str {
    let out = &mut buf[..s.len()];
    out.copy_from_slice(s.as_bytes());
    out.make_ascii_lowercase();
    // ASCII stays ASCII: always valid UTF-8.
    std::str::from_utf8(out).unwrap_or_default()
}

/// Each character of `s` lower-cased into `buf` (ASCII bytes directly): the bytes written, or
/// `None` when they do not fit.
fn lower_chars_into(s: &str, buf: &mut [u8]) -> Option<usize> {
    let mut n = 0;
    for c in s.chars() {
        if c.is_ascii() {
            *buf.get_mut(n)? = c.to_ascii_lowercase() as u8;
            n += 1;
        } else {
            for l in c.to_lowercase() {
                let k = l.len_utf8();
                l.encode_utf8(buf.get_mut(n..n + k)?);
                n += k;
            }
        }
    }
    Some(n)
}

/// Glyphs that open a list item in a copy (browsers and text dumps render `<li>` with them).
pub(crate) const BULLETS: &[char] = &[
    '•', '*', '·', '|', '▸', '►', '→', '□', '■', '▪', '◦', '○', '●', '◆', '◇', '✓', '➤',
];

pub(crate) fn is_boilerplate(line: &str) -> bool {
    let bullet = line.starts_with(BULLETS) || line.starts_with("- ");
    // Navigation, menus and cookie notices are short; running text is not lower-cased at all.
    if bullet || line.len() > 400 {
        return bullet;
    }
    with_lower(line.trim_end_matches([':', '.', '›', '»', '>']), |l| {
        boilerplate_lower(line, l)
    })
}

/// Phrases of mastheads' and skip links' lines (`The Guardian - Back to home`).
pub(super) const SKIP_LINKS: &[&str] = &[
    "back to home",
    "back to top",
    "jump to ",
    "go to main",
    "main navigation",
    "open navigation",
    "close navigation",
];

/// Words every phrase of [`SKIP_LINKS`] holds one of.
pub(super) const SKIP_LINK_WORDS: &[&str] = &["to ", "navigation"];

/// [`is_boilerplate`] of `line`, a line of at most 400 bytes with no bullet, given `l`: the
/// line lower-cased without its closing punctuation.
fn boilerplate_lower(line: &str, l: &str) -> bool {
    // Mastheads and skip links: `The Guardian - Back to home`, `Jump to navigation`.
    // (Each phrase holds one of the words: most lines hold neither, and are not searched for
    // each phrase.)
    if l.len() < 80
        && SKIP_LINK_WORDS.iter().any(|w| l.contains(w))
        && SKIP_LINKS.iter().any(|p| l.contains(p))
    {
        return true;
    }
    if BOILERPLATE.contains(&l) {
        return true;
    }
    // Breadcrumbs and menus on one line: `News | Politics | Ireland`, `Home › World`.
    // (A byte search first: `›` and `»` end in 0xBA and 0xBB, and most lines hold none of
    // the three.)
    if memchr::memchr3(b'|', 0xBA, 0xBB, line.as_bytes()).is_some()
        && line.contains(['|', '›', '»'])
    {
        let parts: Vec<&str> = line
            .split(['|', '›', '»'])
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        if parts.len() >= 2
            && parts
                .iter()
                .all(|p| word_count(p) <= 3 && !ends_sentence(p))
        {
            return true;
        }
    }
    let cookie = l.contains("cookie")
        && (l.contains("we use") || l.contains("accept") || l.contains("consent"));
    cookie || l.starts_with("skip to ") || (l.starts_with("advertisement") && l.len() < 40)
}

pub(crate) fn is_footer(line: &str) -> bool {
    // Footer markers are short lines (the "originally published" line aside).
    if line.len() > 160 && !line.contains("riginally") {
        return false;
    }
    with_lower(line, |l| footer_lower(line, l))
}

/// [`is_footer`] of `line` given `l`, the line lower-cased.
fn footer_lower(line: &str, l: &str) -> bool {
    if matches!(
        l.trim_end_matches(':'),
        "related"
            | "share"
            | "more"
            | "advertisement"
            | "topics"
            | "tags"
            | "explore more on these topics"
            | "most viewed"
            | "most read"
    ) {
        return true;
    }
    if line.chars().all(|c| matches!(c, '-' | '—' | '–' | '_')) && !line.is_empty() {
        return true;
    }
    (FOOTER_PREFIXES.iter().any(|p| l.starts_with(p)) || closing_heading_lower(l))
        && (l.len() < 120 || l.contains("originally published"))
}

/// The number of words of `s`, as `s.split_whitespace().count()` counts them (Unicode white
/// space), in one pass over the bytes: ASCII bytes are classified directly and only a
/// non-ASCII character is decoded. This runs for most lines of every article, many times.
pub(crate) fn word_count(s: &str) -> usize {
    word_count_capped(s, usize::MAX)
}

/// `word_count(s).min(cap)`, stopping at the `cap`-th word (most tests ask "at most n words?"
/// of long lines).
///
/// Eight ASCII bytes at a time (see [`crate::byte_lanes`]); a run of bytes with a non-ASCII
/// one is read a character at a time, as `char::is_whitespace` classifies it.
pub(crate) fn word_count_capped(s: &str, cap: usize) -> usize {
    use crate::byte_lanes::{ascii_prefix, first_lanes, lanes_in, last_of, run_starts, whitespace};
    // The scalar loop's answer once `words` reach `cap`: it stops at the first word at or
    // past the cap.
    let capped = cap.max(1);
    let bytes = s.as_bytes();
    let mut words = 0;
    // Whether the byte before `i` is white space (the text's start counts as one).
    let mut after_space = true;
    let mut i = 0;
    while i < bytes.len() {
        // Up to eight ASCII bytes at a time: those before the next non-ASCII byte.
        if let Some((w, n)) = ascii_prefix(bytes, i) {
            let lanes = first_lanes(n);
            let space = whitespace(w) & lanes;
            // A word starts at a byte that is not white space after one that is.
            let starts = run_starts(!space & lanes, !after_space);
            words += lanes_in(starts);
            if starts != 0 && words >= cap {
                return capped;
            }
            after_space = last_of(space, n);
            i += n;
            continue;
        }
        let b = bytes[i];
        let (space, len) = if b < 0x80 {
            (matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r'), 1)
        } else {
            let c = s[i..].chars().next().unwrap_or(' ');
            (c.is_whitespace(), c.len_utf8())
        };
        if !space && after_space {
            words += 1;
            if words >= cap {
                return capped;
            }
        }
        after_space = space;
        i += len;
    }
    words
}

pub(crate) fn ends_sentence(s: &str) -> bool {
    let s = s.trim_end_matches(['"', '”', '’', '\'', ')', ']']);
    s.ends_with(['.', '!', '?', '…', ':', ';'])
}

/// A line that reads as running text, not as a headline.
pub(crate) fn is_paragraph(s: &str) -> bool {
    // Headlines seldom end with a full stop: a long line that does is running text, and so is a
    // line that opens with a wire dateline.
    let full_stop = s.trim_end_matches(['"', '”', '’', ')']).ends_with('.') && !s.ends_with("...");
    ends_sentence(s)
        && ((s.len() > PARAGRAPH_CHARS && s.chars().count() > PARAGRAPH_CHARS)
            || word_count_capped(s, PARAGRAPH_WORDS + 1) > PARAGRAPH_WORDS
            || (full_stop && word_count_capped(s, 15) > 14)
            || DATELINE.is_match(s)
            || DATELINE_MIXED.is_match(s))
}

pub(crate) fn is_kicker_quote(s: &str) -> bool {
    (s.starts_with(['“', '"']) && s.ends_with(['”', '"'])) && word_count(s) < 30
}

/// `normalize(s) == norm`, without making the string: word by word, stopping at the first
/// that differs (most lines a headline is compared with differ at their first word).
pub(crate) fn normalizes_to(s: &str, norm: &str) -> bool {
    let norm = norm.as_bytes();
    let mut at = 0;
    for (n, word) in s.split_whitespace().enumerate() {
        if n > 0 {
            if norm.get(at) != Some(&b' ') {
                return false;
            }
            at += 1;
        }
        let Some(rest) = norm.get(at..) else {
            return false;
        };
        let len = if word.is_ascii() {
            let w = word.as_bytes();
            if rest.len() < w.len() || !rest[..w.len()].eq_ignore_ascii_case(w) {
                return false;
            }
            w.len()
        } else {
            let lower = word.to_lowercase();
            if !rest.starts_with(lower.as_bytes()) {
                return false;
            }
            lower.len()
        };
        at += len;
    }
    at == norm.len()
}

/// Lower case with runs of whitespace folded to one space: how a repeated headline is compared.
pub(crate) fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        if word.is_ascii() {
            let at = out.len();
            out.push_str(word);
            out[at..].make_ascii_lowercase();
        } else {
            out.push_str(&word.to_lowercase());
        }
    }
    out
}

/// A short line that is a person's name (`Joseph Dana`), used above Medium's read-time line.
pub(crate) fn is_name_like(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (1..=5).contains(&words.len())
        && !ends_sentence(s)
        && words.iter().all(|w| {
            w.chars().next().is_some_and(|c| c.is_uppercase())
                || matches!(*w, "de" | "van" | "von" | "da" | "bin" | "al" | "and")
        })
}

pub(crate) fn byline_author(s: &str) -> Option<String> {
    // Cheap gate before the regexes: most lines that start with `B` or `A` are running text.
    // (A space here is any a copy gives: a tab, or the no-break space of `By\u{a0}Jane Roe`.)
    const OPENERS: &[&str] = &["by ", "written by", "words by", "author:", "["];
    let opens = |o: &&str| {
        let mut rest = s.as_bytes();
        o.bytes().all(|b| {
            let next = if b == b' ' {
                [&b" "[..], b"\t", "\u{a0}".as_bytes()]
                    .iter()
                    .find_map(|space| rest.strip_prefix(*space))
            } else {
                rest.split_first()
                    .filter(|(c, _)| c.eq_ignore_ascii_case(&b))
                    .map(|(_, r)| r)
            };
            next.map(|r| rest = r).is_some()
        })
    };
    if s.len() > 120 || !OPENERS.iter().any(opens) {
        return None;
    }
    if let Some(c) = ARTICLE_BY.captures(s) {
        return Some(c[1].trim().to_string());
    }
    let c = BYLINE.captures(s)?;
    let name = c[1].trim().trim_end_matches('.');
    let byline = |name: &str| is_name_like(name) || is_staff_credit(name);
    if byline(name) {
        return Some(without_glued_title(name).to_string());
    }
    // `by Jane Roe on January 20, 2020`, `By Jane Roe - 3 hours ago`: the name, then when.
    [" on ", " - ", " — ", " – ", " • ", " · "]
        .iter()
        .find_map(|sep| {
            let (head, when) = name.split_once(sep)?;
            (when.contains(|c: char| c.is_ascii_digit()) && byline(head.trim()))
                .then(|| without_glued_title(head.trim()).to_string())
        })
}

/// `name` without the job title a copy glued to it (`Evan HalperStaff Writer`: the name's last
/// letter and the title's first, with no space between): cut where a lower-case letter is
/// followed by a capital for the last time in a word, when what follows names a newsroom job.
/// Names with a capital inside (`McDonald`, `DeSantis`) stay whole.
pub(crate) fn without_glued_title(name: &str) -> &str {
    let b = name.as_bytes();
    let glued = |i: usize| b[i - 1].is_ascii_lowercase() && b[i].is_ascii_uppercase();
    (1..b.len())
        .filter(|&i| glued(i))
        .find(|&i| {
            // (`McDonaldSenior Reporter`: from `Donald…` on the word is glued again.)
            let word_end = name[i..]
                .find(char::is_whitespace)
                .map_or(b.len(), |e| i + e);
            !(i + 1..word_end).any(glued) && crate::corpus::headline::is_job_line(&name[i..])
        })
        .map_or(name, |i| &name[..i])
}

/// Words of a newsroom's collective byline (`By Staff and wire reports`, `By Times staff
/// writers`, `By The Associated Press`), lower-cased.
const STAFF_WORDS: &[&str] = &[
    "staff",
    "staffers",
    "wire",
    "wires",
    "report",
    "reports",
    "service",
    "services",
    "writer",
    "writers",
    "reporter",
    "reporters",
    "correspondent",
    "correspondents",
    "agencies",
    "desk",
    "and",
    "the",
    "of",
    "from",
];

/// A collective byline: at most six words, capitalised names or newsroom words, one of them
/// `staff`, `wire`, `reports`, `writers` … (a byline of running text ends a sentence or has
/// other lower-case words).
fn is_staff_credit(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    let staff = |w: &str| STAFF_WORDS.contains(&w.to_lowercase().as_str());
    (1..=6).contains(&words.len())
        && !ends_sentence(s)
        && words.iter().any(|w| {
            staff(w) && !matches!(w.to_lowercase().as_str(), "and" | "the" | "of" | "from")
        })
        && words
            .iter()
            .all(|w| staff(w) || w.chars().next().is_some_and(char::is_uppercase))
}

/// Header-only lines: bylines, dates, read times, credits, bare addresses.
pub(crate) fn is_header_line(s: &str) -> bool {
    // Header lines are short; long lines are running text (and skipping them early matters: this
    // runs for many lines of every article).
    if s.len() > 200 {
        return false;
    }
    // The header model asks it of a line from several places (its own header lines, a headline
    // candidate's exclusions, the meta lines beside a headline).
    crate::corpus::recent_lines::remembered(&HEADER_LINES, s, (), || header_line_shape(s))
}

thread_local! {
    /// [`is_header_line`]'s answers for the last lines asked on this thread.
    static HEADER_LINES: std::cell::RefCell<crate::corpus::recent_lines::RecentLines<(), bool>> =
        const { std::cell::RefCell::new(crate::corpus::recent_lines::RecentLines::new()) };
}

/// [`is_header_line`] for a line of at most 200 bytes, asked afresh.
pub(super) fn header_line_shape(s: &str) -> bool {
    let short = s.len() < 100;
    let starts = |p: &str| {
        s.len() >= p.len() && s.is_char_boundary(p.len()) && s[..p.len()].eq_ignore_ascii_case(p)
    };
    // Each regex only where its literal can be: a read time opens with a digit, a credit has a
    // colon, an address a dot.
    (s.starts_with(char::is_numeric) && READ_TIME.is_match(s))
        || byline_author(s).is_some()
        || (s.contains(':') && CREDIT.is_match(s))
        || (short && !ends_sentence(s) && parse_date(s, DateOrder::MonthFirst).is_some())
        || (short
            && (starts("published")
                || starts("updated")
                || starts("last updated")
                || starts("last modified")))
        || (s.contains('.')
            && word_count_capped(s, 4) <= 3
            && DOMAIN.find(s).is_some_and(|m| m.len() + 12 >= s.len()))
}

/// How many short link-like lines in a row make a list of links (menus, "related" and "most
/// read" lists): an article's own subheadings never come four in a row.
pub(crate) const LINK_RUN: usize = 4;

/// A line that reads as a link in a list: short, no sentence, no date line.
pub(crate) fn is_link_like(s: &str) -> bool {
    // Cheapest test first: most body lines end a sentence.
    // (A line of at most 120 bytes has at most 120 characters: those are not counted.)
    !ends_sentence(s) && s.len() <= 480 && (s.len() <= 120 || s.chars().count() <= 120) && {
        let words = word_count_capped(s, 17);
        (1..=16).contains(&words)
    }
}

/// A rule drawn with characters: `━━━━`, `-----`, `* * *` (three or more of them, nothing
/// else but spaces).
pub(crate) fn is_rule(s: &str) -> bool {
    const DRAWING: &[char] = &[
        '━', '─', '═', '—', '–', '-', '_', '=', '*', '~', '·', '+', '#',
    ];
    // (The shape first: it stops at a line's first letter.)
    s.chars().all(|c| c.is_whitespace() || DRAWING.contains(&c))
        && s.chars().filter(|c| !c.is_whitespace()).count() >= 3
}

/// Body lines without the page furniture a copy leaves between and after the paragraphs:
/// notices (cookies, subscriptions, copyright), credit lines, menu and share lines, and runs of
/// [`LINK_RUN`] or more link-like lines, photo captions with their credits
/// ([`super::captions`]), lines without a letter or digit. Everything else stays body.
pub(crate) fn without_furniture(lines: &[Line<'_>], body: Vec<usize>) -> Vec<usize> {
    // A caption and its credit are furniture, and in a run of links they are links: a gallery's
    // labels and dates around its captions, a standfirst and a byline around a lead photo's.
    // A line without a letter or digit holds no words of the story; a rule (`━━━━` between a
    // box's links) is no line of a run either, it neither makes nor breaks one.
    let caption = super::captions::caption_lines(lines, &body);
    let mut keep: Vec<bool> = (0..body.len())
        .map(|n| !caption[n] && lines[body[n]].text.chars().any(char::is_alphanumeric))
        .collect();
    let mut run: Vec<usize> = Vec::new();
    for n in 0..=body.len() {
        if n < body.len() && is_rule(lines[body[n]].text) {
            continue;
        }
        if n < body.len() && (caption[n] || is_link_like(lines[body[n]].text)) {
            run.push(n);
            continue;
        }
        if run.len() >= LINK_RUN {
            run.iter().for_each(|&m| keep[m] = false);
        }
        run.clear();
    }
    for (n, &i) in body.iter().enumerate() {
        let s = lines[i].text;
        // The phrase tests before the word counts: most lines hold no phrase, and a count
        // reads up to the whole line.
        let menu = !ends_sentence(s) && word_count_capped(s, 9) <= 8 && is_boilerplate(s);
        let notice = (crate::corpus::notices::is_credit_line(s)
            || crate::corpus::notices::is_notice(s))
            && word_count_capped(s, 61) <= 60;
        if menu || notice {
            keep[n] = false;
        }
    }
    body.into_iter()
        .zip(keep)
        .filter_map(|(i, k)| k.then_some(i))
        .collect()
}
