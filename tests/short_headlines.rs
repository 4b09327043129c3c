//! A short headline over a short story keeps both (events.md §1): 240 generated articles with a
//! 1–4 word headline over one to three one-sentence paragraphs, with and without a date line.

use techdivide::corpus::{ArticleOrigin, TitleSource, load_bytes};
use techdivide::extract::{ExtractOptions, analyze, gazetteer::gazetteer};

const HEADLINES: &[&str] = &[
    "Gulf deal",
    "Ports",
    "Steel tariffs rise",
    "A new border pact",
    "Drought",
    "Rail link opens",
    "Rice exports fall again",
    "Talks stall",
    "Fishing rights",
    "Chip plant",
];

/// One-sentence paragraphs, each with its countries.
const PARAGRAPHS: &[(&str, &[&str])] = &[
    (
        "Saudi Arabia and Qatar restored ties in 2021.",
        &["SA", "QA"],
    ),
    (
        "Kenya signed a rail deal with Uganda in 2019.",
        &["KE", "UG"],
    ),
    (
        "Officials in Chile said exports to Japan rose by a fifth in 2018.",
        &["CL", "JP"],
    ),
    ("Brazil cut its rice imports.", &["BR"]),
    (
        "Talks between Norway and Iceland resumed in 2022.",
        &["NO", "IS"],
    ),
    ("Vietnam will open the plant in 2024.", &["VN"]),
];

#[test]
fn every_short_headline_and_every_paragraph_is_kept() {
    let gaz = gazetteer();
    let mut checked = 0;
    for (h, headline) in HEADLINES.iter().enumerate() {
        for n in 1..=3 {
            for start in 0..4 {
                for dated in [false, true] {
                    let paras: Vec<&(&str, &[&str])> = (0..n)
                        .map(|i| &PARAGRAPHS[(start + i + h) % PARAGRAPHS.len()])
                        .collect();
                    let mut text = format!("{headline}\n\n");
                    if dated {
                        text.push_str("March 3, 2022\n\n");
                    }
                    for (p, _) in &paras {
                        text.push_str(p);
                        text.push_str("\n\n");
                    }
                    let a = load_bytes(
                        ArticleOrigin::Memory("gen".into()),
                        "gen.txt".into(),
                        text.as_bytes(),
                    )
                    .unwrap();
                    assert_eq!(a.meta.title, *headline, "title of:\n{text}");
                    assert_eq!(a.meta.title_source, TitleSource::Header, "{text}");
                    assert_eq!(a.meta.paragraphs.len(), n, "paragraphs of:\n{text}");
                    let analysis = analyze(&a, a.meta.published, ExtractOptions::default());
                    let mut got: Vec<String> = analysis
                        .events
                        .iter()
                        .map(|e| gaz.code(e.country).to_string())
                        .collect();
                    got.sort();
                    let mut want: Vec<String> = paras
                        .iter()
                        .flat_map(|(_, cs)| cs.iter().map(|c| c.to_string()))
                        .collect();
                    want.sort();
                    assert_eq!(got, want, "events of:\n{text}");
                    checked += 1;
                }
            }
        }
    }
    assert_eq!(checked, 240);
}

#[test]
fn a_one_sentence_file_is_all_story() {
    let gaz = gazetteer();
    for text in [
        "Japan and South Korea agreed on a deal in 2015.\n",
        "Japan and South Korea agreed on a deal in 2015\n",
        "  Japan and South Korea agreed on a deal in 2015.  \r\n\r\n",
    ] {
        let a = load_bytes(
            ArticleOrigin::Memory("one".into()),
            "one.txt".into(),
            text.as_bytes(),
        )
        .unwrap();
        assert_eq!(a.meta.title_source, TitleSource::Derived, "{text:?}");
        let analysis = analyze(&a, a.meta.published, ExtractOptions::default());
        let mut got: Vec<&str> = analysis
            .events
            .iter()
            .map(|e| gaz.code(e.country))
            .collect();
        got.sort();
        assert_eq!(got, ["JP", "KR"], "{text:?}");
    }
}
