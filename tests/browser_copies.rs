//! Browser copies (select all, copy, paste into a file) in the shapes real news sites give them:
//! menus, skip links, cookie notices, section labels, a standfirst, split bylines, share rows,
//! photo captions with their own dates, teaser lists with dates, embedded posts and footers.
//! The articles are invented for these tests; only their shapes come from real pages.

use std::collections::BTreeSet;
use techdivide::corpus::{ArticleOrigin, PublishedSource, TitleSource, load_bytes};
use techdivide::extract::{ExtractOptions, analyze, gazetteer::gazetteer};

fn load(text: &str) -> techdivide::corpus::Article {
    load_bytes(
        ArticleOrigin::Memory("copy".into()),
        "copy.txt".into(),
        text.as_bytes(),
    )
    .unwrap()
}

fn countries(a: &techdivide::corpus::Article) -> BTreeSet<String> {
    let gaz = gazetteer();
    analyze(a, a.meta.published, ExtractOptions::default())
        .events
        .iter()
        .map(|e| gaz.code(e.country).to_string())
        .collect()
}

fn date(a: &techdivide::corpus::Article) -> String {
    a.meta.published.map(|d| d.to_string()).unwrap_or_default()
}

/// A local TV site: menus, a teaser list with dates above, the byline split over two lines,
/// `Posted:` and `Updated:` stamps, a share row, a "more stories" list with dates after.
const LOCAL_TV: &str = "\
Skip to content
WATCH LIVE
Weather
Traffic
Sports
• Local News
• National
Top Stories
Harbor bridge closes for repairs through spring
Mar 1, 2022 / 06:10 AM EST
Schools add late buses after parent complaints
Feb 28, 2022 / 09:45 PM EST
Local News
Dock workers end strike after Canada and Mexico shippers agree to new terms
by: Maria Lopez
Posted: Mar 2, 2022 / 05:25 PM EST
Updated: Mar 3, 2022 / 07:16 AM EST
Share
Facebook
Twitter
Email
PORTLAND, Ore. (KXYZ) — Dock workers at the city's container port ended a nine-day strike on Wednesday after shipping lines from Canada and Mexico agreed to new terms, the union said.
The strike had stopped most traffic through the port since Feb. 21, and dozens of ships waited offshore.
Union leaders said the new contract raises pay by 6% a year until 2025.
Suggest a Correction
Share this story
More News Stories
Japan trade mission visits city officials
by Staff Report / Mar 1, 2022
A delegation from Japan toured the port on Tuesday and met with city officials about exports.
Copyright 2022 Example Broadcasting. All rights reserved.
";

#[test]
fn a_local_tv_copy_reads_the_headline_under_teasers_and_its_first_publication() {
    let a = load(LOCAL_TV);
    assert_eq!(
        a.meta.title,
        "Dock workers end strike after Canada and Mexico shippers agree to new terms"
    );
    assert_eq!(a.meta.title_source, TitleSource::Header);
    // The decision can be explained: the byline right under it counted.
    assert!(
        a.meta
            .title_reasons
            .contains(&"a byline or date right below"),
        "{:?}",
        a.meta.title_reasons
    );
    // Posted, not Updated, not a teaser's date.
    assert_eq!(date(&a), "2022-03-02");
    assert_eq!(a.meta.published_source, PublishedSource::Header);
    // The article's countries, from its paragraphs (the title's Canada and Mexico are in its
    // first sentence too); the "more stories" teaser's Japan is no event.
    let got = countries(&a);
    assert!(got.contains("CA") && got.contains("MX"), "{got:?}");
    assert!(!got.contains("JP"), "{got:?}");
}

/// A national paper: a cookie banner, breadcrumbs, a kicker, a standfirst under the headline, a
/// byline with a job title, a photo caption with an older date, an "Updated" printed before
/// "First published".
const NATIONAL_PAPER: &str = "\
We use cookies to personalise content and ads, and to analyse our traffic. By continuing you accept our use of cookies.
Accept all cookies
Manage preferences
Home › World › Asia
Sections
Subscribe
ASIA
Vietnam and Laos sign a river treaty after a decade of talks
The deal sets shared limits on dams along the Mekong and creates a joint commission to settle disputes
Thi Nguyen, Southeast Asia Correspondent, in Hanoi
Last updated: 14 June 2021 | First published: 12 June 2021
Fishing boats on the Mekong near Luang Prabang on 3 May 2019. Photograph: Jane Roe/Example Agency
Vietnam and Laos signed a treaty on Saturday that sets shared limits on dams along the Mekong, ending a decade of talks between the two governments.
The treaty creates a joint commission that will meet twice a year, officials in Hanoi said, and it takes effect in 2022.
Cambodia, which lies downstream, welcomed the deal and said it would ask to join the commission.
Most read
Brazil's central bank raises rates again
Why Kenya's tea farmers are switching crops
Five things to know about Norway's budget
About us
Privacy policy
© 2021 Example News Group
";

#[test]
fn a_national_paper_copy_skips_the_kicker_and_standfirst_and_reads_the_first_date() {
    let a = load(NATIONAL_PAPER);
    assert_eq!(
        a.meta.title,
        "Vietnam and Laos sign a river treaty after a decade of talks"
    );
    assert_eq!(date(&a), "2021-06-12");
    let got = countries(&a);
    for c in ["VN", "LA", "KH"] {
        assert!(got.contains(c), "{c} missing from {got:?}");
    }
    for c in ["BR", "KE", "NO"] {
        assert!(!got.contains(c), "{c} from the 'most read' list in {got:?}");
    }
}

/// A magazine: the byline label glued to the name, a date run into a time, a headline that is
/// a question ending in a full stop, an embedded post with its own date.
const MAGAZINE: &str = "\
Menu
Search
Newsletters
Culture
Is the office lunch back? Cafes near business parks say yes.
Workers are returning three days a week, and sandwich shops are hiring again
ByPriya Shah
November 8, 20235:01 AM ET
Cafe owners in business districts from Chicago to Toronto say lunchtime sales have doubled since the spring, as employers bring staff back to the office.
A chain based in Ireland opened four new shops this autumn, its founder said in an interview.
Lunch is back! Our new menu starts Monday. pic.example/abc
— Example Cafe (@examplecafe) November 1, 2023
Some owners worry the recovery will stall if hybrid schedules become permanent next year.
Related
Tokyo's tiny restaurants adapt to delivery
";

#[test]
fn a_magazine_copy_reads_glued_bylines_and_dates_and_skips_the_embedded_posts_date() {
    let a = load(MAGAZINE);
    assert_eq!(
        a.meta.title,
        "Is the office lunch back? Cafes near business parks say yes."
    );
    assert_eq!(date(&a), "2023-11-08");
}

/// A site that shows only an `Updated` stamp: it is taken, as the only date there is.
const UPDATED_ONLY: &str = "\
Home
News
Rail union and ministry agree on a new timetable
Staff Writer
Updated 7:12 am PDT, Wednesday, May 6, 2020
Train drivers in Chile will work shorter night shifts under a timetable agreed on Tuesday, the rail union said.
The ministry said the change would take effect before the end of the year.
";

#[test]
fn an_update_stamp_alone_is_the_date() {
    let a = load(UPDATED_ONLY);
    assert_eq!(
        a.meta.title,
        "Rail union and ministry agree on a new timetable"
    );
    assert_eq!(date(&a), "2020-05-06");
}

/// A masthead shows the day the page was saved, above the menus; the article's own date line
/// is under the headline.
const MASTHEAD: &str = "\
Thursday, October 12, 2023
Today's Paper
Subscribe
Politics
State senate passes a water bill
By Dana Wu
October 3, 2023
Lawmakers passed a bill on Tuesday that caps water use by farms during droughts, sending it to the governor.
The bill was backed by growers in the south of the state and opposed by two cities.
";

#[test]
fn a_masthead_date_is_not_the_publication() {
    let a = load(MASTHEAD);
    assert_eq!(a.meta.title, "State senate passes a water bill");
    assert_eq!(date(&a), "2023-10-03");
    assert_eq!(a.meta.author.as_deref(), Some("Dana Wu"));
}
