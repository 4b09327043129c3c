//! Deterministic synthetic news corpus, shared by `examples/gen_corpus.rs` (writes it to disk)
//! and `benches/pipeline.rs` (keeps it in memory).
//!
//! Every file is a pure function of `(seed, index)`, so files can be generated in any order and
//! in parallel, and the same seed always gives byte-identical corpora. Text is written with
//! `push_str` into one reused buffer per worker: no per-sentence allocation.
//!
//! What a corpus holds (per 1000 files): one PNG dropped with a `.txt` name (index ≡ 500), one
//! empty file every other block (index ≡ 999 in even blocks), about 1% windows-1252 and 1%
//! UTF-16 LE (with BOM) files; the rest UTF-8. About 10% of the articles are undated and about
//! 5% open with a wire dateline (`BRUSSELS, March 2 (Reuters) - `).

use std::fmt::Write as _;

/// Bumped whenever the output changes, so a cached corpus on disk can be recognised as stale.
pub const GEN_VERSION: u32 = 1;

/// Files per sub-folder.
pub const FILES_PER_DIR: usize = 1000;

/// splitmix64: tiny, fast, good enough for synthetic text, and dependency-free.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    /// The generator of file `index` in a corpus with `seed`.
    pub fn for_file(seed: u64, index: usize) -> Self {
        let mut r = Self(seed ^ (index as u64).wrapping_mul(0xA076_1D64_78BD_642F));
        r.next_u64();
        r
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: i32, hi: i32) -> i32 {
        lo + self.below((hi - lo + 1) as usize) as i32
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

/// What kind of file index `i` is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FileKind {
    Utf8,
    /// windows-1252 bytes (Latin-1 plus smart punctuation).
    Latin1,
    /// UTF-16 little endian with a BOM.
    Utf16Le,
    /// A PNG image saved with a `.txt` name.
    Png,
    /// A zero-byte file.
    Empty,
}

impl FileKind {
    pub fn of(seed: u64, index: usize) -> Self {
        if index % 1000 == 500 {
            return FileKind::Png;
        }
        if index % 1000 == 999 && (index / 1000).is_multiple_of(2) {
            return FileKind::Empty;
        }
        let mut r =
            Rng::new(seed.rotate_left(17) ^ (index as u64).wrapping_mul(0xE703_7ED1_A0B4_28DB));
        match r.below(100) {
            0 => FileKind::Latin1,
            1 => FileKind::Utf16Le,
            _ => FileKind::Utf8,
        }
    }

    /// Not an article: the loader must report it as a problem.
    pub fn is_bad(self) -> bool {
        matches!(self, FileKind::Png | FileKind::Empty)
    }
}

/// Sub-folder of file `index` (`d0000`, `d0001`, …).
pub fn dir_name(index: usize) -> String {
    format!("d{:04}", index / FILES_PER_DIR)
}

/// File name of file `index` inside its sub-folder.
pub fn file_name(index: usize) -> String {
    format!("a{index:07}.txt")
}

/// One file of an in-memory corpus.
#[derive(Debug, Clone)]
pub struct GenFile {
    /// `d0000/a0000000.txt`
    pub path: String,
    pub kind: FileKind,
    pub bytes: Vec<u8>,
}

/// The whole corpus in memory (parallel; same bytes as the files on disk).
pub fn generate_in_memory(seed: u64, articles: usize) -> Vec<GenFile> {
    use rayon::prelude::*;
    (0..articles)
        .into_par_iter()
        .map_init(Generator::new, |g, i| {
            let mut bytes = Vec::new();
            let kind = g.file(seed, i, &mut bytes);
            GenFile {
                path: format!("{}/{}", dir_name(i), file_name(i)),
                kind,
                bytes,
            }
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Word lists. Everything here is encodable in windows-1252 (Latin-1 files are made from it).

/// One country as the text names it.
struct Country {
    name: &'static str,
    /// Other names a writer uses (`the U.S.`, `Britain`).
    aliases: &'static [&'static str],
    demonym: &'static str,
    capital: &'static str,
    /// A central institution standing for the government, or "".
    institution: &'static str,
}

const fn c(
    name: &'static str,
    demonym: &'static str,
    capital: &'static str,
    institution: &'static str,
) -> Country {
    Country {
        name,
        aliases: &[],
        demonym,
        capital,
        institution,
    }
}

const fn ca(
    name: &'static str,
    aliases: &'static [&'static str],
    demonym: &'static str,
    capital: &'static str,
    institution: &'static str,
) -> Country {
    Country {
        name,
        aliases,
        demonym,
        capital,
        institution,
    }
}

/// The first [`MAJOR`] entries are the countries most tech-divide stories are about: an
/// article's focus pair is drawn from them half of the time.
const COUNTRIES: &[Country] = &[
    ca(
        "the United States",
        &["the U.S.", "America", "the US"],
        "American",
        "Washington",
        "the White House",
    ),
    c("China", "Chinese", "Beijing", "Zhongnanhai"),
    c("Russia", "Russian", "Moscow", "the Kremlin"),
    ca(
        "the United Kingdom",
        &["Britain", "the U.K."],
        "British",
        "London",
        "Downing Street",
    ),
    c("France", "French", "Paris", "the Élysée Palace"),
    c("Germany", "German", "Berlin", "the Bundestag"),
    c("Japan", "Japanese", "Tokyo", "the Diet"),
    c("India", "Indian", "New Delhi", ""),
    c("Brazil", "Brazilian", "Brasília", "the Planalto Palace"),
    ca(
        "South Korea",
        &["Korea"],
        "South Korean",
        "Seoul",
        "the Blue House",
    ),
    c("Taiwan", "Taiwanese", "Taipei", ""),
    c("Turkey", "Turkish", "Ankara", ""),
    c("Canada", "Canadian", "Ottawa", ""),
    c("Australia", "Australian", "Canberra", ""),
    c("North Korea", "North Korean", "Pyongyang", ""),
    c("Italy", "Italian", "Rome", ""),
    c("Spain", "Spanish", "Madrid", ""),
    c("Mexico", "Mexican", "Mexico City", ""),
    c("Argentina", "Argentine", "Buenos Aires", "the Casa Rosada"),
    c("Chile", "Chilean", "Santiago", ""),
    c("Colombia", "Colombian", "Bogotá", ""),
    c("Peru", "Peruvian", "Lima", ""),
    c("Venezuela", "Venezuelan", "Caracas", ""),
    c("Cuba", "Cuban", "Havana", ""),
    c("South Africa", "South African", "Pretoria", ""),
    c("Nigeria", "Nigerian", "Abuja", ""),
    c("Kenya", "Kenyan", "Nairobi", ""),
    c("Egypt", "Egyptian", "Cairo", ""),
    c("Ethiopia", "Ethiopian", "Addis Ababa", ""),
    c("Morocco", "Moroccan", "Rabat", ""),
    c("Algeria", "Algerian", "Algiers", ""),
    c("Ghana", "Ghanaian", "Accra", ""),
    ca(
        "Côte d'Ivoire",
        &["Ivory Coast"],
        "Ivorian",
        "Yamoussoukro",
        "",
    ),
    c("Iran", "Iranian", "Tehran", ""),
    c("Iraq", "Iraqi", "Baghdad", ""),
    c("Israel", "Israeli", "Jerusalem", "the Knesset"),
    c("Saudi Arabia", "Saudi", "Riyadh", ""),
    ca(
        "the United Arab Emirates",
        &["the UAE"],
        "Emirati",
        "Abu Dhabi",
        "",
    ),
    c("Qatar", "Qatari", "Doha", ""),
    c("Pakistan", "Pakistani", "Islamabad", ""),
    c("Bangladesh", "Bangladeshi", "Dhaka", ""),
    c("Afghanistan", "Afghan", "Kabul", ""),
    c("Indonesia", "Indonesian", "Jakarta", ""),
    c("Malaysia", "Malaysian", "Kuala Lumpur", ""),
    c("Singapore", "Singaporean", "Singapore", ""),
    c("Thailand", "Thai", "Bangkok", ""),
    c("Vietnam", "Vietnamese", "Hanoi", ""),
    c("the Philippines", "Filipino", "Manila", "Malacañang"),
    c("New Zealand", "Kiwi", "Wellington", ""),
    c("Poland", "Polish", "Warsaw", ""),
    c("Ukraine", "Ukrainian", "Kyiv", ""),
    c("Sweden", "Swedish", "Stockholm", ""),
    c("Norway", "Norwegian", "Oslo", ""),
    c("Finland", "Finnish", "Helsinki", ""),
    c("Denmark", "Danish", "Copenhagen", ""),
    ca("the Netherlands", &["Holland"], "Dutch", "Amsterdam", ""),
    c("Belgium", "Belgian", "Brussels", ""),
    c("Switzerland", "Swiss", "Bern", ""),
    c("Austria", "Austrian", "Vienna", ""),
    c("Greece", "Greek", "Athens", ""),
    c("Portugal", "Portuguese", "Lisbon", ""),
    c("Ireland", "Irish", "Dublin", ""),
    c("Hungary", "Hungarian", "Budapest", ""),
    ca("the Czech Republic", &["Czechia"], "Czech", "Prague", ""),
    c("Romania", "Romanian", "Bucharest", ""),
    c("Serbia", "Serbian", "Belgrade", ""),
    c("Belarus", "Belarusian", "Minsk", ""),
    c("Kazakhstan", "Kazakh", "Astana", ""),
    c("Syria", "Syrian", "Damascus", ""),
    c("Lebanon", "Lebanese", "Beirut", ""),
    c("Jordan", "Jordanian", "Amman", ""),
    c("Sri Lanka", "Sri Lankan", "Colombo", ""),
    c("Myanmar", "Burmese", "Naypyidaw", ""),
    c("Nepal", "Nepalese", "Kathmandu", ""),
    c("Zimbabwe", "Zimbabwean", "Harare", ""),
    c("Tanzania", "Tanzanian", "Dodoma", ""),
    c("Uganda", "Ugandan", "Kampala", ""),
    c("Senegal", "Senegalese", "Dakar", ""),
    c("Estonia", "Estonian", "Tallinn", ""),
];
const MAJOR: usize = 12;

/// Capitals for wire datelines (ASCII only: datelines are upper-cased).
const DATELINE_CITIES: &[&str] = &[
    "BRUSSELS",
    "WASHINGTON",
    "BEIJING",
    "MOSCOW",
    "LONDON",
    "PARIS",
    "BERLIN",
    "TOKYO",
    "NEW DELHI",
    "SEOUL",
    "TAIPEI",
    "SINGAPORE",
    "GENEVA",
    "NAIROBI",
    "CAIRO",
    "JAKARTA",
    "HANOI",
    "WARSAW",
    "KYIV",
    "ANKARA",
    "OTTAWA",
    "CANBERRA",
    "SHANGHAI",
    "HONG KONG",
];
const AGENCIES: &[&str] = &["Reuters", "AP", "AFP", "Bloomberg", "Xinhua", "dpa"];

const FIRST_NAMES: &[&str] = &[
    "Joseph", "Maria", "Wei", "Anna", "David", "Priya", "Kenji", "Olga", "Ahmed", "Sophie",
    "Lucas", "Amara", "Hannah", "Rahul", "Elena", "Tomás", "Grace", "Min-jun", "Fatima", "Pierre",
    "Jack", "Ngozi", "Lars", "Isabel", "Omar", "Yuki", "Carlos", "Leila", "Patrick", "Mei",
];
const SURNAMES: &[&str] = &[
    "Smith",
    "Chen",
    "Müller",
    "Kumar",
    "Okafor",
    "Silva",
    "Tanaka",
    "Kim",
    "Ivanova",
    "Dubois",
    "Rossi",
    "García",
    "Nguyen",
    "Haddad",
    "Cohen",
    "Novak",
    "Johansson",
    "O'Brien",
    "Dana",
    "Mensah",
    "Kowalski",
    "Petrov",
    "Sato",
    "Andersen",
    "Fernández",
    "Park",
    "Zhang",
    "Wright",
    "Ibrahim",
    "Moreau",
    "Costa",
    "Hughes",
    "Yilmaz",
    "Santos",
    "Lindqvist",
    "Barker",
];
const OUTLETS: &[&str] = &[
    "The Diplomat",
    "Asia Times",
    "TechCrunch",
    "Nikkei Asia",
    "Rest of World",
    "Foreign Policy",
    "The Register",
    "Al Jazeera",
    "Deutsche Welle",
    "The Straits Times",
    "Mail & Guardian",
];
const ORGS: &[&str] = &[
    "Huawei",
    "Samsung",
    "TSMC",
    "Nokia",
    "Ericsson",
    "Alibaba",
    "Tencent",
    "Infosys",
    "ZTE",
    "SMIC",
    "ASML",
    "Intel",
    "Qualcomm",
    "Baidu",
    "ByteDance",
    "Xiaomi",
    "Foxconn",
    "SK Hynix",
    "Gartner",
    "IDC",
    "Counterpoint",
    "the World Bank",
    "the IMF",
    "the OECD",
    "the WTO",
];
const ORG_SUFFIXED: &[&str] = &[
    "Meridian Semiconductor Corp.",
    "Apex Networks Inc.",
    "Northwind Data Ltd.",
    "Bluewater Cable Co.",
    "Helix Microsystems Inc.",
    "Orion Telecom Corp.",
    "Sable Robotics Inc.",
    "Kestrel Cloud Ltd.",
];
const TOPICS: &[&str] = &[
    "semiconductors",
    "chip-making equipment",
    "5G networks",
    "artificial intelligence",
    "undersea cables",
    "data centres",
    "rare earths",
    "lithium batteries",
    "electric vehicles",
    "satellite internet",
    "cloud computing",
    "facial recognition",
    "quantum computing",
    "mobile payments",
    "solar panels",
    "smartphones",
    "fibre broadband",
    "cybersecurity",
    "export controls",
    "digital currencies",
    "supercomputers",
    "memory chips",
];
const TITLE_TOPICS: &[&str] = &[
    "Chips",
    "5G",
    "AI",
    "Undersea Cables",
    "Data Centres",
    "Rare Earths",
    "Batteries",
    "Electric Cars",
    "Satellites",
    "Cloud",
    "Surveillance Tech",
    "Quantum",
    "Payments",
    "Solar",
    "Smartphones",
    "Broadband",
    "Cyber Security",
    "Export Controls",
];
const AGENCY_NAMES: &[&str] = &[
    "Commerce Department",
    "Ministry of Industry",
    "trade ministry",
    "central bank",
    "Ministry of Science and Technology",
    "competition regulator",
    "telecoms regulator",
    "finance ministry",
    "foreign ministry",
];
const SAY: &[&str] = &[
    "said",
    "warned",
    "announced",
    "insisted",
    "complained",
    "signalled",
    "argued",
    "confirmed",
    "denied",
    "hinted",
];
const ACTIONS: &[&str] = &[
    "restrict exports of",
    "subsidise",
    "invest heavily in",
    "ban imports of",
    "review foreign ownership of",
    "expand research into",
    "tighten rules on",
    "open its market for",
    "build a domestic supply of",
    "cooperate on",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_SHORT: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const WEEKDAYS_SHORT: &[&str] = &["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const NUMBER_WORDS: &[&str] = &[
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several",
];
const ORDINALS: &[&str] = &["second", "third", "fourth", "fifth", "sixth", "seventh"];
const ADJECTIVES: &[&str] = &[
    "unacceptable",
    "a provocation",
    "a step in the right direction",
    "deeply regrettable",
    "long overdue",
    "a violation of trade rules",
    "an act of economic coercion",
];
/// Relative time expressions (events.md §4): resolved against the publication date.
const RELATIVE: &[&str] = &[
    "last year",
    "this year",
    "next year",
    "earlier this year",
    "later this year",
    "three years ago",
    "two years ago",
    "a year ago",
    "last month",
    "next month",
    "in recent months",
    "last week",
    "on Tuesday",
    "on Friday",
    "yesterday",
    "the following year",
    "a year earlier",
    "in July",
    "in March",
    "last February",
    "next May",
    "this September",
    "by the end of the year",
    "in the first quarter",
];

/// Sentence templates. Slots: `{C}` country (focus-biased), `{C2}` another country, `{D}` /
/// `{D2}` demonyms, `{G}` capital standing for its government, `{P}` / `{P2}` capital as a
/// place, `{I}` institution, `{Y}` year, `{Y2}` a later year, `{YF}` a future year, `{YR}` a
/// year range, `{DEC}` decade, `{REL}` relative time, `{M}` month, `{WD}` weekday, `{N}` /
/// `{N2}` integers, `{DAY}` day of month, `{K}` three digits, `{X}` decimal, `{NW}` number word, `{ORG}` organisation, `{ORGX}` company
/// with a suffix, `{PER}` title and surname, `{NAME}` full name, `{T}` topic, `{AG}` government
/// agency, `{SAY}` verb of saying, `{ACT}` action, `{ADJ}` verdict, `{ORD}` ordinal.
const SENTENCES: &[&str] = &[
    "{G} {SAY} on {WD} that it would {ACT} {T} with {C2} by {YF}.",
    "{D} officials met their {D2} counterparts in {P} {REL} to discuss {T}.",
    "{I} declined to comment on reports that {C} had moved to {ACT} {T} in {Y}.",
    "Exports of {T} from {C} to {C2} rose {X} percent between {Y} and {Y2}, according to {ORG}.",
    "{PER}, who has advised the {D} government since {Y}, said the {DEC} were a turning point.",
    "{ORGX} said its No. {N} plant near {P} would reopen in {M}.",
    "In {Y}, {C} accounted for {X}% of global output of {T}, up from {N}% {NW} years earlier.",
    "{C} imposed sanctions on {D2} makers of {T} {REL}, a move {G} called “{ADJ}.”",
    "The U.S. Commerce Department added {N} {D} companies to its entity list in {M} {Y}.",
    "Analysts at {ORG} expect {C} to spend ${X} billion on {T} from {Y} to {Y2}.",
    "“We will not accept this,” a spokesperson for {I} told reporters in {P} on {WD}.",
    "Tensions have simmered since the {DEC}, when {C} and {C2} first clashed over {T}.",
    "Trade between the two countries fell to ${X} billion {REL}, the lowest since {Y}.",
    "The company did not respond to a request for comment.",
    "Critics say the plan is too little, too late.",
    "Shares of {ORG} rose {X} percent in early trading in {P}.",
    "It is not clear whether the measures will work, or how long they will last.",
    "{P}-based {ORG} plans to open a research centre in {P2} next year.",
    "Delegates gathered in {P} for the {ORD} round of talks on {T}.",
    "Dr. {SURNAME} of the University of {P} said the data, published {REL}, show a gap of {X} points.",
    "{C}'s share of patents on {T} grew from {N}% in {Y} to {N2}% in {Y2}.",
    "By {YF}, the government hopes, {N}% of households in {C} will have access to {T}.",
    "{C} and {C2} signed a memorandum on {T} in {P} on {M} {DAY}, {Y}.",
    "Asked about the decision, {G} said it would “respond firmly.”",
    "Officials in {P} said figures for {YR} would be released in {M}.",
    "The sanctions, first imposed in {Y}, were extended {REL} after talks in {P} broke down.",
    "Mr. {SURNAME} told the {D} parliament that {C} had fallen behind in {T} during the {DEC}.",
    "Why would {C} give up its lead now?",
    "Ms. {SURNAME}, a former adviser to {I}, called the deal “{ADJ}.”",
    "The {D} {AG} has approved {N} projects worth {X} billion since {Y}.",
    "{ORGX} and {ORG} agreed {REL} to share {T} research, e.g. on standards, until {YF}.",
    "During {YR}, investment from {C} in {C2} more than doubled, to ${X} billion.",
    "Not everyone in {P} is convinced.",
    "The South China Sea dispute has complicated plans for cables linking {C} and {C2}.",
    "Turkish Airlines and Air China will offer satellite internet on long-haul flights from {YF}.",
    "{D} carmakers shipped {N},{K} units {REL}, {ORG} estimated.",
    "A report by {ORG} ranked {C} No. {N} in the world for {T} in {Y}, behind {C2}.",
    "The {D} embassy in {P} said the ambassador had been summoned {REL}.",
    "In the {DEC}, {C} imported almost all of its {T}; today it exports them to {C2}.",
    "{G} has repeatedly accused {C2} of using {T} to spy on its citizens.",
    "“This is about who writes the rules for the next {NW} decades,” said {NAME}, an analyst in {P}.",
    "The Middle East and Latin America are now the fastest-growing markets for {T}.",
    "Prices for {T} have fallen by roughly {X}% {REL}, according to {ORG}.",
    "The talks ended without agreement!",
    "{C} joined the initiative in {Y} but left it {NW} years ago, citing costs of {X} billion.",
    "Under the {Y} agreement, {D} firms may hold no more than {N}% of any venture in {C2}.",
    "The Kremlin and the White House both declined to comment on {T} {REL}.",
];

/// Sentences put into Latin-1 files so they carry bytes that are not ASCII.
const ACCENTED: &[&str] = &[
    "Le Monde’s correspondent in Bogotá noted that officials from Côte d'Ivoire, Brasília and São Paulo attended the forum in {Y}.",
    "At a café near the Élysée Palace, Mr. Müller and Señora García discussed {T} with Zürich bankers {REL}.",
];

const TITLES: &[&str] = &[
    "{D} {TT} Push Tests Ties With {C2}",
    "Why {C} Is Betting on {TT}",
    "{C} and {C2} Sign Deal on {TT}",
    "Sanctions Bite as {C} Races to Build Its Own {TT}",
    "The {Y} {TT} Gap: How {C} Fell Behind",
    "Inside {C}'s Plan to Dominate {TT}",
    "{G} Tightens Grip on {TT} Sector",
    "What the {TT} Rivalry Means for {C2}",
    "{C} Smashes Its {TT} Sector to Build a New Model",
    "Can {C} Close the {TT} Divide?",
];

const FOOTERS: &[&str] = &[
    "Related stories",
    "Share this article",
    "© {PY} Example News. All rights reserved.",
    "This news was originally published at example-news.com",
    "About the author",
];

// ---------------------------------------------------------------------------------------------

/// Calendar date of an article.
#[derive(Debug, Clone, Copy)]
struct Ymd {
    y: i32,
    m: i32,
    d: i32,
}

fn days_in_month(y: i32, m: i32) -> i32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// 0 = Monday (Sakamoto's method).
fn weekday(Ymd { y, m, d }: Ymd) -> usize {
    const T: [i32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let y = if m < 3 { y - 1 } else { y };
    let sunday0 = (y + y / 4 - y / 100 + y / 400 + T[(m - 1) as usize] + d) % 7;
    ((sunday0 + 6) % 7) as usize
}

/// Per-article state: focus countries and the year the text is "about".
struct Ctx {
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
fn png(rng: &mut Rng, out: &mut Vec<u8>) {
    out.extend_from_slice(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0");
    let n = 1024 + rng.below(3072);
    while out.len() < n {
        out.extend_from_slice(&rng.next_u64().to_le_bytes());
    }
}
