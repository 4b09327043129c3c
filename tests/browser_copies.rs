#![allow(clippy::unwrap_used)] // test helpers fail loudly on broken fixtures
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

/// A tabloid's sport page: the share row copies as one bullet per button, the byline sits under
/// it, and a video player's controls and a newsletter box stand between the header and the
/// story. A photo's caption over its credit is no headline.
const TABLOID_SPORT: &str = "\
  1. Home
  2. Sport
  3. Football
Sport
Harbour FC set striker contract deadline by Lisbon club
The Portuguese side want an answer on their top target before the end of next month
  • Share
  •
  •
  •
  •
  •  Comments
By
Sam Ortega
  • 22:30, 9 MAY 2020
  • Updated22:38, 9 MAY 2020
Sport
Video Loading
Video Unavailable
Click to playTap to play
The video will start in 8Cancel
Play now
Sign up to FREE email alerts from Example Daily - football
Subscribe
When you subscribe we will use the information you provide to send you these newsletters. You can unsubscribe at any time.
The striker has a year left on his contract and the club will not offer him a new deal.
Image: JANE ROE / EXAMPLE DAILY
Benfica have given Harbour FC until June 15 to decide whether their striker will move to Portugal this summer.
The club's manager said in April that he wanted to keep the forward, but the board wants to sell before his value falls.
A fee of about 40 million euros has been discussed, and talks are expected to resume next week.
";

#[test]
fn a_share_row_and_a_video_player_between_header_and_story_do_not_hide_the_headline() {
    let a = load(TABLOID_SPORT);
    assert_eq!(
        a.meta.title,
        "Harbour FC set striker contract deadline by Lisbon club"
    );
    assert_eq!(date(&a), "2020-05-09");
    assert_eq!(a.meta.author.as_deref(), Some("Sam Ortega"));
    assert!(countries(&a).contains("PT"), "{:?}", countries(&a));
}

/// A wire story on a local paper's site: photo captions in a gallery, one of them wrapped by the
/// copy so that its last words (`3, 2023, in Chicago.`) stand alone on a line.
const WIRE_GALLERY: &str = "\
  • Print
  • Email
    Business
Dock strike ends as union reaches tentative deal with ports
  •
    Union negotiator Ana Ruiz, left, speaks to striking dock workers outside the container terminal, Friday, Nov. 3, in Chicago. Associated Press, Nov. 3
  •
    From left, union captains Lee Park and Omar Diaz and union negotiator Ana Ruiz lead a cheer for striking dock workers outside the container terminal, Friday, Nov.
    3, 2023, in Chicago.
By JANE ROE
AP Business Writer
Updated 11/8/2023 10:46 PM
CHICAGO (AP) -- The dock workers' union reached a tentative deal with port operators Wednesday to end a strike that had stopped most shipping from Canada for a month.
The three-year contract must still be approved by the union's members, but its leaders said the strike would end at midnight.
Shippers in Mexico said they expected traffic to return to normal within two weeks.
";

#[test]
fn the_end_of_a_wrapped_caption_is_not_a_headline() {
    let a = load(WIRE_GALLERY);
    assert_eq!(
        a.meta.title,
        "Dock strike ends as union reaches tentative deal with ports"
    );
    // Month first, as US pages write it: the captions' November 3 is near November 8.
    assert_eq!(date(&a), "2023-11-08");
}

/// A news portal's copy of a British paper's story: the date is written `04/11/2021`, which
/// reads as 11 April month first; the story's own dates show it is 4 November.
const PORTAL_UK: &str = "\
Example Portal
News
Council approves new tram line after years of delay
The Courier 04/11/2021 Jane Roe
Councillors voted on 2 November 2021 to approve a tram line linking the station to the airport, ending a decade of delays.
The line will be built with help from a French engineering firm, and the first trams are due to run in 2025.
Critics said the council had underestimated the cost, which was put at 400 million pounds in the vote on 2 November.
";

#[test]
fn an_ambiguous_slash_date_takes_the_reading_near_the_storys_dates() {
    let a = load(PORTAL_UK);
    assert_eq!(
        a.meta.title,
        "Council approves new tram line after years of delay"
    );
    assert_eq!(date(&a), "2021-11-04");
}

/// A big paper's copy: the section label glued to the headline, the author's name twice with
/// a bio line under it, a row of social network names, a date line marked `Published on`
/// whose city stands in brackets, and a caption with the photo's older date.
const BIG_PAPER: &str = "\
Sections
SEARCH
Business|Port of Busan Reopens After Typhoon Damage
By
Min-jun Park
Min-jun Park
Asia correspondent covering trade and shipping in South Korea and Japan
Email Bio Follow
Facebook Twitter Instagram Telegram Google News
Published on October 29, 2023, at 4:28 am (Seoul)
Cranes at the container terminal in Busan, South Korea, Monday, October 23, 2023. JANE ROE / EXAMPLE AGENCY
The port of Busan reopened on Saturday after a typhoon damaged three of its cranes, South Korea's shipping ministry said.
Ships bound for Japan and China had waited offshore for four days, and officials said the backlog would take a week to clear.
The ministry said repairs to the damaged cranes would cost about 20 million dollars.
";

#[test]
fn a_glued_section_label_an_authors_bio_and_a_share_row_are_not_the_headline() {
    let a = load(BIG_PAPER);
    assert_eq!(a.meta.title, "Port of Busan Reopens After Typhoon Damage");
    assert!(
        a.meta
            .title_reasons
            .contains(&"the section label the copy glued to it is cut"),
        "{:?}",
        a.meta.title_reasons
    );
    // `Published on`, not the caption's October 23.
    assert_eq!(date(&a), "2023-10-29");
    let got = countries(&a);
    assert!(got.contains("KR") && got.contains("JP"), "{got:?}");
}

/// An ad label, a "Read more" link and a newsletter box inside the story: the story goes on
/// under them, and its later paragraphs' events count. The "More stories" list at the end is
/// not the story's.
const INLINE_INSERTS: &str = "\
World
Ministers agree on a grain corridor through the Black Sea
By Ana Ruiz
March 4, 2022
Ministers from Turkey and Ukraine agreed on Friday to open a corridor for grain ships through the Black Sea, officials said after talks in Ankara.
Advertisement
The corridor will be watched by naval patrols from both countries, and insurers said they would cover ships that use it from next month.
Read more: Shipping rates climb as ports close along the coast
Sign up for our morning newsletter
Farmers in Egypt, which buys much of its wheat from the region, welcomed the deal and said bread prices had risen by a third since January.
Officials in Romania said the corridor would also ease pressure on their own port at Constanta, which has handled extra cargo for weeks.
More stories
Japan opens a new rail line
Tokyo's newest line links the airport to the city centre in nineteen minutes.
";

#[test]
fn a_story_goes_on_under_an_ad_label_and_a_read_more_link() {
    let a = load(INLINE_INSERTS);
    assert_eq!(
        a.meta.title,
        "Ministers agree on a grain corridor through the Black Sea"
    );
    let got = countries(&a);
    // Egypt and Romania are named only below the inserts.
    for c in ["TR", "UA", "EG", "RO"] {
        assert!(got.contains(c), "{c} missing from {got:?}");
    }
    assert!(!got.contains("JP"), "{got:?}");
    // The inserts themselves are not the story's text.
    let body: String = a
        .meta
        .paragraphs
        .iter()
        .map(|p| &a.text[p.range()])
        .collect();
    assert!(!body.contains("Read more"), "{body}");
}

/// A paper's copy with its photos' captions between the paragraphs: a lead photo's caption
/// that ends with its credit, a gallery's captions each over a credit line of its own, and a
/// photo with a credit and no caption under a paragraph. The captions' places are the
/// pictures' (as on the saved page, where they are `<figcaption>`s); the story's are counted.
const CAPTIONED_PHOTOS: &str = "\
News
Harbour strike ends after nine days
By Ana Ruiz
March 4, 2022
Dockworkers walk past idle cranes in Lisbon, where a strike closed the port last week. (Getty Images)
Dockworkers in Portugal ended a nine-day strike on Friday after the port's operators agreed to raise pay by 6% a year until 2025, the union said.

The strike had stopped most traffic through the port since Feb. 21, and dozens of ships waited offshore for a berth.

Harbour strikes around Europe in pictures

Commuters wait for a ferry at the port of Piraeus in Greece during a dockworkers' strike

Reuters

A lorry driver sleeps in his cab at the border crossing near Irun in Spain as the queue grew

PA

Shipping lines said they expected the backlog in Portugal to clear within two weeks.

Image: Jane Roe

Exporters in Portugal said they had lost orders during the strike and asked the government for help.
";

#[test]
fn photo_captions_between_the_paragraphs_are_not_the_story() {
    let a = load(CAPTIONED_PHOTOS);
    assert_eq!(a.meta.title, "Harbour strike ends after nine days");
    let got = countries(&a);
    assert_eq!(got, BTreeSet::from(["PT".to_string()]), "{got:?}");
    let body: Vec<&str> = a
        .meta
        .paragraphs
        .iter()
        .map(|p| &a.text[p.range()])
        .collect();
    // The paragraph over a photo's bare credit stays, and so does the story's last one.
    assert!(
        body.iter().any(|p| p.starts_with("Shipping lines said")),
        "{body:?}"
    );
    assert!(
        body.last().is_some_and(|p| p.starts_with("Exporters in")),
        "{body:?}"
    );
    assert!(!body.iter().any(|p| p.contains("Getty") || *p == "Reuters"));
}
