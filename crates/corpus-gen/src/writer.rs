//! Writing one generated file: the header in one of many shapes, the body from sentence
//! templates, the encoding, and the odd bad file.

use super::*;

/// Per-article state: focus countries and the year the text is "about".
pub(crate) struct Ctx {
    focus: [usize; 2],
    base_year: i32,
    published: Option<Ymd>,
}

/// Generates files; holds the reused text buffer.
#[derive(Debug, Default)]
pub struct Generator {
    text: String,
}

impl Generator {
    pub fn new() -> Self {
        Self {
            text: String::with_capacity(16 * 1024),
        }
    }

    /// Write the bytes of file `index` of the corpus `seed` into `out` (cleared first).
    pub fn file(&mut self, seed: u64, index: usize, out: &mut Vec<u8>) -> FileKind {
        out.clear();
        let kind = FileKind::of(seed, index);
        let mut rng = Rng::for_file(seed, index);
        match kind {
            FileKind::Empty => {}
            FileKind::Png => png(&mut rng, out),
            FileKind::Utf8 => {
                self.article(&mut rng, false);
                out.extend_from_slice(self.text.as_bytes());
            }
            FileKind::Latin1 => {
                self.article(&mut rng, true);
                let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&self.text);
                out.extend_from_slice(&bytes);
            }
            FileKind::Utf16Le => {
                self.article(&mut rng, false);
                out.reserve(2 + 2 * self.text.len());
                out.extend_from_slice(&[0xFF, 0xFE]);
                for unit in self.text.encode_utf16() {
                    out.extend_from_slice(&unit.to_le_bytes());
                }
            }
        }
        kind
    }

    /// The text of the last article written (for tests and the bench's sanity checks).
    pub fn text(&self) -> &str {
        &self.text
    }

    fn article(&mut self, rng: &mut Rng, accented: bool) {
        self.text.clear();
        let focus = if rng.chance(50) {
            let a = rng.below(MAJOR);
            let b = (a + 1 + rng.below(MAJOR - 1)) % MAJOR;
            [a, b]
        } else {
            [rng.below(COUNTRIES.len()), rng.below(COUNTRIES.len())]
        };
        let published = (!rng.chance(10)).then(|| {
            let y = rng.range(1995, 2024);
            let m = rng.range(1, 12);
            let d = rng.range(1, days_in_month(y, m));
            Ymd { y, m, d }
        });
        let base_year = published.map_or_else(|| rng.range(1998, 2022), |p| p.y);
        let ctx = Ctx {
            focus,
            base_year,
            published,
        };

        // Header.
        let title = rng.pick(TITLES);
        self.expand(rng, &ctx, title);
        self.text.push('\n');
        if rng.chance(60) {
            self.text.push('\n');
        }
        let style = rng.below(8);
        match (published, style) {
            (None, 0..=3) => {
                self.text.push_str("By ");
                self.name(rng);
                self.text.push('\n');
            }
            (None, _) => {}
            (Some(p), 0) => {
                // Medium: name, then the read time glued to the date.
                self.name(rng);
                let _ = write!(
                    self.text,
                    "\n{} min read{} {}, {}\n",
                    rng.range(2, 12),
                    MONTHS_SHORT[(p.m - 1) as usize],
                    p.d,
                    p.y
                );
            }
            (Some(p), 1) => {
                self.text.push_str("By ");
                self.name(rng);
                let _ = writeln!(
                    self.text,
                    "\n{} {}, {}",
                    MONTHS_SHORT[(p.m - 1) as usize],
                    p.d,
                    p.y
                );
            }
            (Some(p), 2) => {
                self.text.push_str("By ");
                self.name(rng);
                let _ = writeln!(self.text, "\n{:04}-{:02}-{:02}", p.y, p.m, p.d);
            }
            (Some(p), 3) => {
                self.text.push_str("By ");
                self.name(rng);
                let _ = writeln!(
                    self.text,
                    " | {}\n{} {} {}",
                    rng.pick(OUTLETS),
                    p.d,
                    MONTHS[(p.m - 1) as usize],
                    p.y
                );
            }
            (Some(p), 4) => {
                self.text.push_str("By ");
                self.name(rng);
                let _ = writeln!(self.text, "\n{:02}/{:02}/{:04}", p.m, p.d, p.y);
            }
            (Some(p), 5) => {
                self.text.push_str("By ");
                self.name(rng);
                let _ = writeln!(
                    self.text,
                    "\n{}, {} {} {}",
                    WEEKDAYS_SHORT[weekday(p)],
                    p.d,
                    MONTHS_SHORT[(p.m - 1) as usize],
                    p.y
                );
            }
            (Some(p), 6) => {
                let _ = writeln!(self.text, "Published {:02}/{:02}/{:04}", p.m, p.d, p.y);
            }
            (Some(p), _) => {
                self.text.push_str("By ");
                self.name(rng);
                let _ = writeln!(
                    self.text,
                    "\n{}, {} {}, {}",
                    WEEKDAYS[weekday(p)],
                    MONTHS[(p.m - 1) as usize],
                    p.d,
                    p.y
                );
            }
        }
        self.text.push('\n');

        // Body.
        let target = self.text.len() + 2800 + rng.below(2000);
        let mut first = true;
        while self.text.len() < target {
            if first && rng.chance(5) {
                let city = rng.pick(DATELINE_CITIES);
                let (m, d) = match published {
                    Some(p) if p.d > 1 => (p.m, p.d - 1),
                    Some(p) => (p.m, p.d),
                    None => (rng.range(1, 12), rng.range(1, 28)),
                };
                let _ = write!(
                    self.text,
                    "{city}, {} {d} ({}) - ",
                    MONTHS[(m - 1) as usize],
                    rng.pick(AGENCIES)
                );
            }
            let sentences = 2 + rng.below(5);
            for k in 0..sentences {
                if k > 0 {
                    self.text.push(' ');
                }
                let tpl = if accented && first && k == 0 {
                    rng.pick(ACCENTED)
                } else {
                    rng.pick(SENTENCES)
                };
                self.expand(rng, &ctx, tpl);
            }
            self.text.push_str("\n\n");
            first = false;
        }
        if rng.chance(15) {
            let footer = rng.pick(FOOTERS);
            self.expand(rng, &ctx, footer);
            self.text.push('\n');
        }
    }

    fn name(&mut self, rng: &mut Rng) {
        self.text.push_str(rng.pick(FIRST_NAMES));
        self.text.push(' ');
        self.text.push_str(rng.pick(SURNAMES));
    }

    /// A country index: one of the focus pair most of the time.
    fn country(rng: &mut Rng, ctx: &Ctx, second: bool) -> usize {
        if rng.chance(65) {
            ctx.focus[usize::from(second)]
        } else {
            rng.below(COUNTRIES.len())
        }
    }

    fn year(rng: &mut Rng, ctx: &Ctx) -> i32 {
        if rng.chance(75) {
            (ctx.base_year + rng.range(-15, 2)).clamp(1950, 2030)
        } else {
            rng.range(1950, 2030)
        }
    }

    fn expand(&mut self, rng: &mut Rng, ctx: &Ctx, template: &str) {
        let mut rest = template;
        // The year a `{Y2}` follows.
        let mut last_year = ctx.base_year;
        while let Some(open) = rest.find('{') {
            self.text.push_str(&rest[..open]);
            let Some(close) = rest[open..].find('}') else {
                break;
            };
            let key = &rest[open + 1..open + close];
            rest = &rest[open + close + 1..];
            let at_start = self.at_sentence_start();
            match key {
                "C" | "C2" => {
                    let c = Self::country(rng, ctx, key == "C2");
                    let country = &COUNTRIES[c];
                    let name = if !country.aliases.is_empty() && rng.chance(40) {
                        rng.pick(country.aliases)
                    } else {
                        country.name
                    };
                    self.push_capitalised(name, at_start);
                }
                "D" | "D2" => {
                    let c = Self::country(rng, ctx, key == "D2");
                    self.text.push_str(COUNTRIES[c].demonym);
                }
                "G" => {
                    let c = Self::country(rng, ctx, false);
                    self.text.push_str(COUNTRIES[c].capital);
                }
                "P" | "P2" => {
                    let c = Self::country(rng, ctx, key == "P2");
                    self.text.push_str(COUNTRIES[c].capital);
                }
                "I" => {
                    let c = Self::country(rng, ctx, false);
                    let inst = match COUNTRIES[c].institution {
                        "" => COUNTRIES[ctx.focus[0]].institution,
                        i => i,
                    };
                    let inst = if inst.is_empty() {
                        "the foreign ministry"
                    } else {
                        inst
                    };
                    self.push_capitalised(inst, at_start);
                }
                "Y" => {
                    last_year = Self::year(rng, ctx);
                    let _ = write!(self.text, "{last_year}");
                }
                "Y2" => {
                    last_year = (last_year + rng.range(1, 8)).min(2030);
                    let _ = write!(self.text, "{last_year}");
                }
                "YF" => {
                    let y = (ctx.base_year + rng.range(1, 10)).min(2030);
                    let _ = write!(self.text, "{y}");
                }
                "YR" => {
                    let a = Self::year(rng, ctx).min(2027);
                    let b = a + rng.range(1, 3);
                    let _ = match rng.below(4) {
                        0 => write!(self.text, "{a}-{b}"),
                        1 => write!(self.text, "{a}–{:02}", b % 100),
                        2 => write!(self.text, "the period from {a} to {b}"),
                        _ => write!(self.text, "the years between {a} and {b}"),
                    };
                }
                "DEC" => {
                    let decade = (Self::year(rng, ctx) / 10) * 10;
                    let _ = if rng.chance(80) {
                        write!(self.text, "{decade}s")
                    } else {
                        write!(self.text, "’{:02}s", decade % 100)
                    };
                }
                "REL" => self.text.push_str(rng.pick(RELATIVE)),
                "M" => self.text.push_str(rng.pick(MONTHS)),
                "WD" => self.text.push_str(rng.pick(WEEKDAYS)),
                "N" | "N2" => {
                    let _ = write!(self.text, "{}", rng.range(2, 99));
                }
                "DAY" => {
                    let _ = write!(self.text, "{}", rng.range(1, 28));
                }
                "K" => {
                    let _ = write!(self.text, "{:03}", rng.below(1000));
                }
                "X" => {
                    let _ = write!(self.text, "{}.{}", rng.range(1, 60), rng.below(10));
                }
                "NW" => self.text.push_str(rng.pick(NUMBER_WORDS)),
                "ORG" => {
                    let org = rng.pick(ORGS);
                    self.push_capitalised(org, at_start);
                }
                "ORGX" => self.text.push_str(rng.pick(ORG_SUFFIXED)),
                "PER" => {
                    self.text
                        .push_str(rng.pick(&["Mr. ", "Ms. ", "Dr. ", "Prof. "]));
                    self.text.push_str(rng.pick(SURNAMES));
                }
                "SURNAME" => self.text.push_str(rng.pick(SURNAMES)),
                "NAME" => self.name(rng),
                "T" => self.text.push_str(rng.pick(TOPICS)),
                "TT" => self.text.push_str(rng.pick(TITLE_TOPICS)),
                "AG" => self.text.push_str(rng.pick(AGENCY_NAMES)),
                "SAY" => self.text.push_str(rng.pick(SAY)),
                "ACT" => self.text.push_str(rng.pick(ACTIONS)),
                "ADJ" => self.text.push_str(rng.pick(ADJECTIVES)),
                "ORD" => self.text.push_str(rng.pick(ORDINALS)),
                "PY" => {
                    let _ = write!(
                        self.text,
                        "{}",
                        ctx.published.map_or(ctx.base_year, |p| p.y)
                    );
                }
                _ => self.text.push_str(key),
            }
        }
        self.text.push_str(rest);
    }

    /// True where the next word starts a sentence (or the text).
    fn at_sentence_start(&self) -> bool {
        self.text.ends_with('\n')
            || self
                .text
                .trim_end_matches(' ')
                .chars()
                .next_back()
                .is_none_or(|c| matches!(c, '.' | '!' | '?' | '”' | '“' | '-'))
    }

    /// Push `s`, upper-casing a leading `the` at the start of a sentence.
    fn push_capitalised(&mut self, s: &str, at_start: bool) {
        match s.strip_prefix("the ") {
            Some(tail) if at_start => {
                self.text.push_str("The ");
                self.text.push_str(tail);
            }
            _ => self.text.push_str(s),
        }
    }
}

/// A small PNG-looking binary: the magic, an IHDR chunk and noise.
pub(crate) fn png(rng: &mut Rng, out: &mut Vec<u8>) {
    out.extend_from_slice(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0");
    let n = 1024 + rng.below(3072);
    while out.len() < n {
        out.extend_from_slice(&rng.next_u64().to_le_bytes());
    }
}
