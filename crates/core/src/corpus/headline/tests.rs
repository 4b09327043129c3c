//! Unit tests of the headline model.

use super::*;

fn headline(text: &str) -> Option<String> {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    choose_headline(&lines).map(|h| lines[h.line].to_string())
}

#[test]
fn a_glued_section_label_is_cut_but_a_separated_one_is_not_glued() {
    assert_eq!(
        without_glued_label("Business|Rolling Blackouts Stump Experts"),
        "Rolling Blackouts Stump Experts"
    );
    // `Title | Site` is a separator, not a glued label; a two-word rest is no headline.
    assert_eq!(
        without_glued_label("Port deal signed | Example News"),
        "Port deal signed | Example News"
    );
    assert_eq!(without_glued_label("News|Sport Today"), "News|Sport Today");
}

#[test]
fn a_captions_last_words_wrapped_onto_their_own_line_are_no_headline() {
    let caption = "From left, union captains Lee Park and Omar Diaz and union negotiator Ana Ruiz lead a cheer for striking dock workers outside the terminal, Friday, Nov.";
    let lines = [caption, "3, 2023, in Chicago."];
    assert!(continues_wrapped(&lines, 1));
    // A headline under a summary that ends its sentence is not a continuation.
    let lines = [caption, "Dock strike ends as union reaches deal"];
    assert!(!continues_wrapped(&lines, 1));
}

#[test]
fn a_short_headline_over_a_short_story() {
    let t = "Gulf deal\n\nSaudi Arabia and Qatar restored ties in 2021.\n";
    assert_eq!(headline(t).as_deref(), Some("Gulf deal"));
    let t = "Brexit\n\nBritain left the European Union in 2020.\n\nTalks went on.\n";
    assert_eq!(headline(t).as_deref(), Some("Brexit"));
}

#[test]
fn a_lone_line_is_the_story() {
    assert_eq!(
        headline("Japan and South Korea agreed on a deal in 2015\n"),
        None
    );
    assert_eq!(
        headline("Japan and South Korea agreed on a deal in 2015.\n"),
        None
    );
}

#[test]
fn a_text_that_starts_with_its_story_has_no_headline() {
    let t = "Japan and India signed a new trade pact in Tokyo on Monday, officials said.\n\
             The pact cuts tariffs on steel and rice over the next five years.\n";
    assert_eq!(headline(t), None);
}

#[test]
fn furniture_above_the_headline_is_passed_over() {
    let t = "Skip to content\nMenu\nSections\nWorld\nPolitics\nBusiness\n\
             Accept all cookies\nWORLD NEWS\n\
             Chile and Peru agree to share a new lithium port\n\
             By Ana Ruiz\nMarch 3, 2022 5:01 AM ET\n\
             Chile and Peru agreed on Tuesday to build and run a lithium port together, \
             the two governments said.\n\
             The port will open in 2025 and ship to buyers in Asia, officials in Lima said.\n";
    assert_eq!(
        headline(t).as_deref(),
        Some("Chile and Peru agree to share a new lithium port")
    );
}

#[test]
fn every_decision_says_why() {
    let lines = [
        "Small ports, big plans",
        "By Ana Ruiz",
        "A long story line that goes on and on for more than ten words.",
    ];
    let h = choose_headline(&lines).unwrap();
    assert_eq!(h.line, 0);
    assert!(
        h.why.contains(&"a byline or date right below"),
        "{:?}",
        h.why
    );
}

/// A headline whose copy sits far below (a share box under the story, in capitals and with
/// other spacing) is one the page repeats; a line one word different is no copy.
#[test]
fn a_copy_of_the_headline_below_the_story_counts_as_a_repeat() {
    let body = "Negotiators from both ports met again on Wednesday and said the deal would be signed within weeks, officials said.";
    let reasons = |copy: &str| {
        let text = format!(
            "Port Deal Signed After Long Talks\nMarch 3, 2022\n{body}\n{body}\n{body}\nShare this\n{copy}\n"
        );
        let lines: Vec<&str> = text.lines().collect();
        let (all, _) = candidates(&lines);
        let best = all.first().expect("a headline");
        assert_eq!(best.line, 0);
        best.why.clone()
    };
    assert!(reasons("PORT  DEAL signed   after long TALKS").contains(&"the page repeats it"));
    assert!(!reasons("Port Deal Signed After Short Talks").contains(&"the page repeats it"));
}

#[test]
fn bylines_with_a_colon_or_a_newsrooms_number_are_never_the_headline() {
    for byline in [
        "By 7 News WHDH",
        "Written by: Ana Ruiz",
        "Words by: Ana Ruiz",
        "By Ana Ruiz",
    ] {
        assert!(is_byline(byline), "{byline}");
        // Above a short navigation line and the story, the headline is the line over the
        // byline, not the byline.
        let text = format!(
            "Menu\nSearch\nDock strike ends after three weeks of talks\n{byline}\nNovember 8, 2023\n\
             The strike at the port ended on Wednesday after three weeks of talks between the \
             union and the operators, who agreed on a new contract for the dock workers there. \
             Both sides said the deal would hold for four years and raise pay in each of them."
        );
        assert_eq!(
            headline(&text).as_deref(),
            Some("Dock strike ends after three weeks of talks"),
            "{byline}"
        );
    }
    // Sentences that open with `By` and a number are not bylines.
    for sentence in [
        "By 2030 the grid will need twice the storage it has",
        "By 5 p.m. the line had reached the river",
    ] {
        assert!(!is_byline(sentence), "{sentence}");
    }
}

/// Links to the site's neighbouring stories (which a copy glues to their headlines) and an
/// editorial credit beside the byline are no headline, though a byline and a date sit right
/// under them.
#[test]
fn neighbouring_story_links_and_fact_check_credits_are_no_headline() {
    let story = "Chip makers in Arizona said on Tuesday that two new plants would open in 2025, \
                 and that the state had agreed to train the workers they need, officials said.\n\
                 The plants will make chips for cars and phones, the companies said in a joint \
                 statement issued in Phoenix on Tuesday afternoon.\n";
    let t = format!(
        "Home\nNews\nArizona wins two chip plants\nShare\n\
         Previous articlePort strike ends after two weeks of talks\n\
         By Jane Roe\nMay 4, 2022\n{story}"
    );
    assert_eq!(
        headline(&t).as_deref(),
        Some("Arizona wins two chip plants")
    );
    let t = format!(
        "Arizona wins two chip plants\nShare\nBy Jane Roe\nUpdated May 4, 2022\n\
         Fact checked by Ann Lee\nMay 5, 2022\n{story}"
    );
    assert_eq!(
        headline(&t).as_deref(),
        Some("Arizona wins two chip plants")
    );
}

/// A breadcrumb that ends with the headline is no headline, its marks spaced or not; a
/// headline quoting with `»…«` is one.
#[test]
fn a_breadcrumb_without_spaces_is_not_the_headline() {
    let story = "The port authority and the dockworkers' union signed a contract on Tuesday that \
                 raises pay by six per cent a year until 2026, both sides said in Valparaíso.";
    let text = format!(
        "You are here:Home»News»Port deal signed after two-year talks\n\
         Port deal signed after two-year talks\n\
         By Ana Ruiz on 11 March 2024\n\
         {story}\n"
    );
    assert_eq!(
        headline(&text).as_deref(),
        Some("Port deal signed after two-year talks")
    );
    let quoted =
        format!("Harbour chief: »We will open« and »We will grow«\nBy Ana Ruiz\n{story}\n");
    assert_eq!(
        headline(&quoted).as_deref(),
        Some("Harbour chief: »We will open« and »We will grow«")
    );
}
