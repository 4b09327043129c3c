//! Unit tests of the header and body parser.

use super::*;

fn body_start(text: &str, m: &Metadata) -> String {
    m.paragraphs
        .first()
        .map(|r| text[r.range()].chars().take(30).collect())
        .unwrap_or_default()
}

#[test]
fn medium_header_with_glued_read_time() {
    let text = "A Title Here for Testing\n\nJane Roe\n4 min readAug 19, 2021\n\nBeijing said so. More text.\n";
    let m = parse_metadata(text, "x.txt");
    assert_eq!(m.title, "A Title Here for Testing");
    assert_eq!(m.author.as_deref(), Some("Jane Roe"));
    assert_eq!(
        m.published.map(|d| d.to_string()).as_deref(),
        Some("2021-08-19")
    );
    assert_eq!(body_start(text, &m), "Beijing said so. More text.");
}

#[test]
fn repeated_headline_wins_over_a_section_label() {
    let text = "World Affairs\n\nThe Big Headline of the Day\n\nA standfirst that sums up the story.\n\nThe Big Headline of the Day\nCredit: Someone /\n\nBody starts here. Yes.\n";
    let m = parse_metadata(text, "x.txt");
    assert_eq!(m.title, "The Big Headline of the Day");
    assert_eq!(body_start(text, &m), "A standfirst that sums up the ");
    assert_eq!(
        m.paragraphs.len(),
        2,
        "repeated title and credit are not body"
    );
}

#[test]
fn wire_dateline_is_header() {
    let text = "EU and Russia Agree Gas Deal\nBy John Smith\nTue, 3 Mar 1998\n\nBRUSSELS, March 2 (Reuters) - Moscow said on Monday it would sell more gas.\n";
    let m = parse_metadata(text, "x.txt");
    assert_eq!(m.author.as_deref(), Some("John Smith"));
    assert_eq!(
        m.published.map(|d| d.to_string()).as_deref(),
        Some("1998-03-03")
    );
    assert_eq!(m.source.as_deref(), Some("Reuters"));
    assert_eq!(body_start(text, &m), "Moscow said on Monday it would");
    assert!(m.dateline.is_some());
}

#[test]
fn a_file_without_header_is_all_body() {
    let text = "Japan and South Korea agreed on Tuesday to expand their currency swap line, officials in both countries said, in a move meant to calm markets that have fallen sharply since the start of the year across the region.";
    let m = parse_metadata(text, "note.txt");
    assert_eq!(m.title_source, TitleSource::Derived);
    assert_eq!(m.title, "Japan and South Korea agreed on Tuesday to…");
    assert_eq!(m.published, None);
    assert_eq!(m.paragraphs, vec![crate::span::Span::of(&(0..text.len()))]);
}

#[test]
fn browser_paste_skips_navigation_and_footer() {
    let text = "Skip to content\nMenu\nSign in\n• World\n• Business\nMonday, March 19, 2012\n\nBrazil Signs Trade Pact With Argentina\nPublished 03/14/2012\n\nBrazil and Argentina signed a pact. It was long awaited.\n\nShare this article\nRelated stories\nChina grows, March 1, 2012\n© 2012 Example News\n";
    let m = parse_metadata(text, "x.txt");
    assert_eq!(m.title, "Brazil Signs Trade Pact With Argentina");
    assert_eq!(
        m.published.map(|d| d.to_string()).as_deref(),
        Some("2012-03-14")
    );
    assert_eq!(m.paragraphs.len(), 1);
}

#[test]
fn updated_date_loses_to_the_first_publication() {
    let text = "Some Headline About Trade\nUpdated March 20, 2015\nPublished March 3, 2015\n\nText here. More.\n";
    let m = parse_metadata(text, "x.txt");
    assert_eq!(
        m.published.map(|d| d.to_string()).as_deref(),
        Some("2015-03-03")
    );
}

#[test]
fn day_first_site_reads_slash_dates_day_first() {
    let text = "Irish Border Talks Resume\nwww.example.co.uk\n03/04/2015\n\nDublin said talks would resume. Fine.\n";
    let m = parse_metadata(text, "x.txt");
    assert_eq!(
        m.published.map(|d| d.to_string()).as_deref(),
        Some("2015-04-03")
    );
}

#[test]
fn day_first_sites_are_found_anywhere_in_head_or_tail_and_nowhere_else() {
    assert!(names_day_first_site("Source: irishtimes.ie"));
    assert!(names_day_first_site(
        "Read more at https://www.bbc.co.uk/news — São Paulo"
    ));
    assert!(names_day_first_site("smh.com.au"));
    // Dots that end sentences or abbreviations are not addresses; `.com` is not day-first.
    assert!(!names_day_first_site(
        "The U.S. said so. Prices rose 4.3 percent."
    ));
    assert!(!names_day_first_site("Visit example.com or example.io."));
    assert!(!names_day_first_site("site.iexample"));
    // Non-ASCII text around the dot never splits a character.
    assert!(!names_day_first_site(&"é".repeat(40)));
    assert!(names_day_first_site(&format!(
        "{}lemonde.fr",
        "é".repeat(40)
    )));
}

#[test]
fn credit_lines_under_a_byline_are_header_not_body() {
    let text = "Ukraine war: Kyiv says strikes hit grid\nBy Laura Smith\nBBC News, Kyiv\nPublished 17 October 2022\nShare\nUkraine says Russia launched strikes. More text follows here.\n";
    let m = parse_metadata(text, "x.txt");
    assert_eq!(m.author.as_deref(), Some("Laura Smith"));
    assert_eq!(body_start(text, &m), "Ukraine says Russia launched s");
    let guardian = "Xi warns of storms as congress opens\nHelen Davidson in Taipei\nSun 16 Oct 2022 05.37 BST\nXi Jinping has warned of storms ahead as he opened the congress, vowing never to renounce force.\n";
    let m = parse_metadata(guardian, "g.txt");
    assert_eq!(m.author.as_deref(), Some("Helen Davidson"));
    assert_eq!(body_start(guardian, &m), "Xi Jinping has warned of storm");
    let wire = "Mexico and US agree to talks\n\nBy Maria Verza and Elliot Spagat\nAssociated Press\nMarch 8, 2023\n\nMEXICO CITY (AP) — Mexico and the United States agreed Tuesday to talk.\n";
    let m = parse_metadata(wire, "w.txt");
    assert_eq!(body_start(wire, &m), "Mexico and the United States a");
    assert_eq!(m.source.as_deref(), Some("AP"));
    // A heading right under the date (no byline above it) stays body.
    let plain =
        "A Title Of Some Length\n\nMarch 8, 2023\n\nBackground\n\nChina said so. More text.\n";
    let m = parse_metadata(plain, "p.txt");
    assert_eq!(body_start(plain, &m), "Background");
}

#[test]
fn datelines_without_a_dash_or_without_an_agency() {
    let pti = "India, Pakistan trade charges\n\n15/01/2020\n\nNew Delhi, Jan 15 (PTI) India on Wednesday hit out at Pakistan. More.\n";
    let m = parse_metadata(pti, "p.txt");
    assert_eq!(body_start(pti, &m), "India on Wednesday hit out at ");
    assert_eq!(m.source.as_deref(), Some("PTI"));
    let dash = "Kenya to host talks\n\nNairobi — Kenya's President said on Friday that talks would resume.\n";
    let m = parse_metadata(dash, "d.txt");
    assert_eq!(body_start(dash, &m), "Kenya's President said on Frid");
    // Not datelines: an abbreviation in brackets, a dash clause that runs on in lower case.
    let un =
        "A Title For The Test\n\nThe United Nations (UN) said on Friday that talks would resume.\n";
    assert_eq!(
        body_start(un, &parse_metadata(un, "u.txt")),
        "The United Nations (UN) said o"
    );
    let clause =
        "A Title For The Test\n\nChina — the world's second-largest economy — grew. More.\n";
    assert_eq!(
        body_start(clause, &parse_metadata(clause, "c.txt")),
        "China — the world's second-lar"
    );
}

#[test]
fn a_date_line_above_a_headerless_story_and_a_closing_publication_line() {
    let text = "Tue, 3 Mar 1998\n\nBELGRADE, Yugoslavia (AP) -- Serbian police sealed off villages in Kosovo on Monday after clashes that left at least 20 people dead in the province.\n";
    let m = parse_metadata(text, "b.txt");
    assert_eq!(
        m.published.map(|d| d.to_string()).as_deref(),
        Some("1998-03-03")
    );
    assert_eq!(body_start(text, &m), "Serbian police sealed off vill");
    assert!(m.title.starts_with("Serbian police"), "{}", m.title);
    let closing = "Kenya to host talks\n\nKenya said on Friday that talks would resume next month.\n\nThis article was originally published on 3 February 2023.\n";
    let m = parse_metadata(closing, "k.txt");
    assert_eq!(
        m.published.map(|d| d.to_string()).as_deref(),
        Some("2023-02-03")
    );
    assert_eq!(m.source, None, "a date is not a source");
}

#[test]
fn article_by_and_closing_source() {
    let text = "Headline Words Go Here\n\n[Article by Josh Bramble.]\n\nBody text. Here.\n\nThis news was originally published at eastasiaforum.org";
    let m = parse_metadata(text, "x.txt");
    assert_eq!(m.author.as_deref(), Some("Josh Bramble"));
    assert_eq!(m.source.as_deref(), Some("eastasiaforum.org"));
    assert_eq!(m.paragraphs.len(), 1);
}

#[test]
fn mixed_case_dateline_with_agency_gives_the_date() {
    let text = "Nairobi, 12 March 2009 (IRIN) - Kenya and Uganda have agreed to settle their dispute over Migingo island, officials said on Thursday, ending a long row.";
    let m = parse_metadata(text, "irin.txt");
    assert_eq!(
        m.published.map(|d| d.to_string()).as_deref(),
        Some("2009-03-12")
    );
    assert_eq!(m.source.as_deref(), Some("IRIN"));
    assert_eq!(body_start(text, &m), "Kenya and Uganda have agreed t");
    assert!(m.title.starts_with("Kenya and Uganda"));
}

#[test]
fn a_date_line_under_a_headerless_text_is_the_published_date() {
    let text = "WASHINGTON — The administration on Monday imposed new restrictions on exports of advanced chips to China, escalating a campaign that began last year.\n\nChina said the rules broke trade law.\n\nOct. 7, 2022\n";
    let m = parse_metadata(text, "x.txt");
    assert_eq!(
        m.published.map(|d| d.to_string()).as_deref(),
        Some("2022-10-07")
    );
    assert!(
        m.title.starts_with("The administration on Monday"),
        "{}",
        m.title
    );
}

#[test]
fn masthead_menus_and_kicker_labels_are_not_the_title() {
    let text = "The Guardian - Back to home\nWorld\nEurope\nUS\nAsia\n\nIran nuclear deal\nIran says it will resume enrichment if Europe fails to deliver\n\nTehran sets a deadline for EU signatories\n\nPatrick Wintour\nWed 8 May 2019 17.09 BST\nLast modified on Wed 8 May 2019 18.20 BST\n\nIran has said it will stop complying with parts of the deal. Tehran was not withdrawing.\n\nTopics\nIran\nNuclear weapons\n";
    let m = parse_metadata(text, "g.txt");
    assert_eq!(
        m.title,
        "Iran says it will resume enrichment if Europe fails to deliver"
    );
    assert_eq!(
        m.published.map(|d| d.to_string()).as_deref(),
        Some("2019-05-08")
    );
    assert_eq!(body_start(text, &m), "Tehran sets a deadline for EU ");
    let last = m.paragraphs.last().map(|r| &text[r.range()]).unwrap_or("");
    assert!(
        last.starts_with("Iran has said"),
        "footer topics are not body: {last}"
    );
}

#[test]
fn a_dateline_takes_its_year_from_the_header_or_copyright_never_the_story() {
    let text = "SOVIETS WARN PEKING ON BORDER\n\nMOSCOW, Jan. 5 (UPI) -- The Soviet Union today accused Peking of massing troops.\n\nDiplomats said it was the sharpest since the 1969 clashes.\n\nCopyright 1974 United Press International\n";
    let m = parse_metadata(text, "upi.txt");
    assert_eq!(
        m.published.map(|d| d.to_string()).as_deref(),
        Some("1974-01-05")
    );
    assert_eq!(m.source.as_deref(), Some("UPI"));
}

#[test]
fn hard_wrapped_paragraphs_are_joined() {
    let text = "Title Of A Wrapped Story\n\nThis is a paragraph that was wrapped by an old\nmail program at a fixed width of about fifty\ncharacters per line.\nA second paragraph starts here and it is also\nwrapped.\n";
    let m = parse_metadata(text, "x.txt");
    assert_eq!(m.paragraphs.len(), 2, "{:?}", m.paragraphs);
}

#[test]
fn a_collective_byline_is_header_and_the_dateline_under_it_is_cut() {
    let text = "GRAIN TALKS RESUME IN GENEVA\nPublished: March 3, 2022\nBy Staff and wire reports\n\nGENEVA, March 2 — Negotiators from Ukraine and Turkey met again on Wednesday to discuss how grain could leave the ports of the Black Sea before the harvest.\n\nThey said a deal on grain shipments was close, and that the first ships could sail within weeks if the insurers agreed to cover them.\n\nThe talks, the third round this year, were held behind closed doors at a hotel near the lake.\n";
    let m = parse_metadata(text, "wire.txt");
    assert_eq!(body_start(text, &m), "Negotiators from Ukraine and T");
    // A sentence that opens with `By` is not a byline.
    assert!(super::line_kinds::byline_author("By then the staff had left.").is_none());
    assert!(super::line_kinds::byline_author("By the way, wire reports said so").is_none());
}

#[test]
fn a_credit_line_is_not_body() {
    let text = "Grain Talks Resume in Geneva\n\nMarch 3, 2022\n\nNegotiators from Ukraine and Turkey met again on Wednesday.\n\nThey said a deal on grain shipments was close.\n\n(Reporting by Ana Lopes in Moscow; editing by Tom Reed)\n";
    let m = parse_metadata(text, "wire.txt");
    let last = m.paragraphs.last().map(|r| &text[r.range()]).unwrap_or("");
    assert!(last.starts_with("They said"), "{last}");
}

proptest::proptest! {
    /// The eight-bytes-at-a-time word count agrees with `split_whitespace` on any mix of ASCII
    /// and Unicode white space, letters and controls, at every cap (a cap of 0 stops at the
    /// first word, as the count always did).
    #[test]
    fn word_count_capped_counts_as_split_whitespace_does(
        s in "[a-z .,\t\n\u{0B}\u{0C}\r\u{1F}\u{21}\u{85}\u{A0}\u{2003}\u{2028}\u{3000}é中]{0,80}",
        cap in 0usize..30,
    ) {
        let n = s.split_whitespace().count();
        let expected = if n == 0 { 0 } else { n.min(cap.max(1)) };
        proptest::prop_assert_eq!(line_kinds::word_count_capped(&s, cap), expected);
        proptest::prop_assert_eq!(line_kinds::word_count(&s), n);
    }
}

proptest::proptest! {
    /// A line lower-cased on the stack is the line `str::to_lowercase` gives, whatever its
    /// characters: curly quotes, accents, `İ` (two bytes to three), a final sigma, CJK.
    #[test]
    fn a_line_lowered_on_the_stack_is_to_lowercase(
        s in "[a-zA-Z .’“”éÉİȺΣσΑ中-]{0,300}",
    ) {
        let lowered = line_kinds::with_lower(&s, str::to_string);
        proptest::prop_assert_eq!(lowered, s.to_lowercase());
    }
}

proptest::proptest! {
    /// A line is compared with a normalised headline word by word exactly as its own
    /// normalised form would be: any case, runs of white space, accents, `İ` (whose lower case
    /// is longer), lines that are the headline's start or go on past it.
    #[test]
    fn a_line_normalizes_to_a_headline_as_its_normal_form_equals_it(
        headline in "[a-cA-C İé]{0,12}",
        line in "[a-cA-C \t İé]{0,14}",
    ) {
        let norm = normalize(&headline);
        proptest::prop_assert_eq!(normalizes_to(&line, &norm), normalize(&line) == norm);
        // The headline itself, in other case and spacing, always does.
        let respaced = format!("  {}\t", headline.to_uppercase().replace(' ', "   "));
        proptest::prop_assert_eq!(normalizes_to(&respaced, &norm), normalize(&respaced) == norm);
        proptest::prop_assert!(normalizes_to(&headline, &norm));
    }
}

/// A header line asked again (after other lines, after more new lines than are remembered) is
/// still what it is: the remembered answers are the answers.
#[test]
fn a_line_asked_again_is_the_same_kind_of_line() {
    let lines = [
        "By Jane Roe",
        "Beijing said so on Tuesday.",
        "4 min read",
        "Aug 19, 2021",
        "Photo: Reuters",
        "example.com",
        "A plain sentence of the story, long enough to be one.",
        "Updated 2021-08-19",
        "By the way, wire reports said so",
        "Published March 3, 2020",
        "China and Japan",
        "By Jane Roe",
    ];
    let fresh: Vec<bool> = lines
        .iter()
        .map(|s| line_kinds::header_line_shape(s))
        .collect();
    assert!(fresh.iter().any(|&h| h) && fresh.iter().any(|&h| !h));
    for round in 0..3 {
        for (s, &expected) in lines.iter().zip(&fresh) {
            assert_eq!(
                line_kinds::is_header_line(s),
                expected,
                "round {round}: {s:?}"
            );
        }
    }
}

#[test]
fn every_skip_link_phrase_holds_a_word_the_lines_are_first_searched_for() {
    for p in line_kinds::SKIP_LINKS {
        assert!(
            line_kinds::SKIP_LINK_WORDS.iter().any(|w| p.contains(w)),
            "{p:?} would never be looked for"
        );
    }
    assert!(is_boilerplate("The Guardian - Back to home"));
    assert!(is_boilerplate("Jump to navigation"));
    assert!(!is_boilerplate("Talks go on in Geneva"));
}

/// A blog's comment section ends the story: its heading (`3 thoughts on "…"`, `Leave a
/// Reply`) is a footer marker, and the comments under it are no paragraphs of the story,
/// though they read as running text. A bare count (`12 Comments`, a link beside the byline)
/// and a sentence that opens with a number of comments are neither.
#[test]
fn a_blogs_comment_section_ends_the_story() {
    let story = "Port workers in Santos ended their strike on Friday after the union and the \
                 terminal operators agreed on a new contract, the union said in a statement.";
    let comment = "I worked at that terminal for ten years and the contract they signed is \
                   the best the union has had since the port was sold to the operators.";
    for heading in [
        "3 thoughts on “Santos strike ends”",
        "Leave a Reply",
        // The same in other languages blog themes are set in.
        "Schreibe einen Kommentar",
        "Laisser un commentaire",
        "Deixe um comentário",
        "Über den Autor",
    ] {
        let text = format!(
            "Santos strike ends\nBy Ana Ruiz\nMay 4, 2022\n\n{story}\n\n{heading}\n\n{comment}\n"
        );
        let m = parse_metadata(&text, "x.txt");
        assert_eq!(m.paragraphs.len(), 1, "{heading}");
        assert_eq!(&text[m.paragraphs[0].range()], story, "{heading}");
    }
    assert!(!is_footer("12 Comments") && !is_closing_heading("12 Comments"));
    assert!(!is_footer("200 comments were filed by the deadline."));
    assert!(!is_footer("3 thoughtful answers"));
    // Related-story markers in other languages are footer markers like `Read more`.
    for marker in [
        "Ähnliche Beiträge",
        "Lire aussi",
        "Czytaj też",
        "Temas relacionados",
    ] {
        assert!(is_footer(marker) && !is_closing_heading(marker), "{marker}");
    }
}

/// A `Read more` box inside a story, its links set apart by rules (`━━━━`), does not end the
/// story: the rules are not lines of the box, so the paragraph after its four links is within
/// reach. A box that closes the story still ends it.
#[test]
fn a_read_more_box_with_rules_between_its_links_inside_a_story() {
    let rule = "━━━━━━━━━━━━━━━━━━━━";
    let first = "The harbour authority in Valparaíso said on Tuesday that the new container \
                 terminal would open in March, two years later than planned, after a dispute \
                 over the dredging contract.";
    let second = "The port handled more cargo last year than in any year before, and the \
                  authority expects the terminal to double what it can take by the end of the \
                  decade, its director told reporters.";
    let links = [
        "Dockworkers vote on a new contract",
        "Copper prices fall for a third week",
        "Dredging firm wins a second contract",
        "Opinion: the port needs a second road",
    ];
    let boxed = links.map(|l| format!("{l}\n\n{rule}\n")).join("\n");
    let text = format!(
        "Harbour terminal opens two years late\nBy Ana Ruiz\nMay 4, 2022\n\n{first}\n\n\
         READ MORE\n\n{boxed}\n{second}\n"
    );
    let body = |text: &str| -> Vec<String> {
        let m = parse_metadata(text, "x.txt");
        m.paragraphs
            .iter()
            .map(|p| text[p.range()].to_string())
            .collect()
    };
    // (The box's links and rules are furniture: a run of links.)
    assert_eq!(body(&text), [first, second]);

    let closing = format!(
        "Harbour terminal opens two years late\nBy Ana Ruiz\nMay 4, 2022\n\n{first}\n\n\
         READ MORE\n\n{boxed}\n"
    );
    assert_eq!(
        body(&closing),
        [first],
        "a closing box is no part of the story"
    );
}

/// A job title a copy glued to the byline's name is no part of the author; a capital inside a
/// name is.
#[test]
fn a_job_title_glued_to_the_bylined_name_is_cut_off() {
    for (line, author) in [
        ("By Evan HalperStaff Writer", "Evan Halper"),
        ("By Kate McDonaldSenior Reporter", "Kate McDonald"),
        ("By Kate McDonald", "Kate McDonald"),
        ("By Ana DeSantis", "Ana DeSantis"),
    ] {
        assert_eq!(byline_author(line).as_deref(), Some(author), "{line}");
    }
}

/// A byline that says when after the name (`by Jane Roe on January 20, 2020`) names the author,
/// and so does one with a no-break space or a tab after `By`; one that goes on in words is
/// running text.
#[test]
fn a_byline_with_its_date_after_the_name() {
    for line in [
        "by Jane Roe on January 20, 2020",
        "By Jane Roe - 3 hours ago",
        "By Jane Roe • Jan 20, 2020 10:04 am",
        // A no-break space after `By`, as copies often give it.
        "By\u{a0}Jane Roe",
        "by\tJane Roe",
    ] {
        assert_eq!(byline_author(line).as_deref(), Some("Jane Roe"), "{line}");
    }
    assert_eq!(
        byline_author("By Jane Roe on the day the talks ended"),
        None
    );
    assert_eq!(
        byline_author("By 2030 - the grid will need 40% more power"),
        None
    );
}
