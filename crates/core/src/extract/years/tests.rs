//! Unit tests of time expressions and their resolution to years.

use super::*;

fn years(s: &str, published: Option<&str>) -> Vec<i16> {
    let p = published.map(|d| d.parse::<Date>().unwrap());
    let t = find_times(s, 0);
    let mut y: Vec<i16> = resolve(&t, p, Tense::of(s, 0), false)
        .into_iter()
        .map(|a| a.year)
        .collect();
    y.sort();
    y.dedup();
    y
}

#[test]
fn explicit_years_and_non_years() {
    assert_eq!(years("in 2019 and by 2020", None), vec![2019, 2020]);
    assert_eq!(
        years("since 2015, January 2020, May 22, 1995", None),
        vec![1995, 2015, 2020]
    );
    assert_eq!(
        years("summer 2020 and 2010 levels and the 2000 Olympics", None),
        vec![2000, 2010, 2020]
    );
    assert_eq!(
        years("it cost $2021 and 12,2019 units", None),
        Vec::<i16>::new()
    );
    assert_eq!(
        years("Windows 8 and 5G and Orion 1980 shares", None),
        Vec::<i16>::new()
    );
    assert_eq!(years("2000 people marched", None), Vec::<i16>::new());
    assert_eq!(years("In 2019, China grew", None), vec![2019]);
    assert_eq!(years("Qualifying for Euro 2000 begins", None), vec![2000]);
}

#[test]
fn ranges_give_both_ends() {
    assert_eq!(years("the 1979-1989 war", None), vec![1979, 1989]);
    assert_eq!(years("the 2000-01 financial year", None), vec![2000, 2001]);
}

#[test]
fn decades_are_time_expressions_without_a_year() {
    assert_eq!(years("in the late 1970s", None), Vec::<i16>::new());
    let t = find_times("in the 1990s", 0);
    assert!(matches!(t[0].kind, TimeKind::Decade(1990)));
    assert_eq!(resolve(&t, None, Tense::default(), true)[0].year, 1990);
}

#[test]
fn relative_years() {
    let p = Some("2020-08-07");
    assert_eq!(years("this year", p), vec![2020]);
    assert_eq!(years("last year", p), vec![2019]);
    assert_eq!(years("next year", p), vec![2021]);
    assert_eq!(years("three years ago", p), vec![2017]);
    assert_eq!(years("in recent months", p), vec![2020]);
    assert_eq!(years("last week", Some("2020-01-03")), vec![2019]);
    assert_eq!(years("yesterday", Some("2020-01-01")), vec![2019]);
    assert_eq!(years("last month", Some("2020-01-15")), vec![2019]);
    assert_eq!(years("the first quarter", p), vec![2020]);
    assert_eq!(years("by the end of the month", p), vec![2020]);
    assert_eq!(years("last quarter", Some("2020-02-01")), vec![2019]);
    assert_eq!(
        years("relative years are unknown without a date: last year", None),
        Vec::<i16>::new()
    );
}

#[test]
fn months_without_a_year() {
    let p = Some("2020-08-07");
    assert_eq!(years("in August", p), vec![2020]);
    assert_eq!(years("in November", p), vec![2019]);
    assert_eq!(
        years("it will be banned starting from September", p),
        vec![2020]
    );
    assert_eq!(years("he will be elected in November", p), vec![2020]);
    assert_eq!(years("by July", p), vec![2021]);
    assert_eq!(years("last February", Some("1998-03-01")), vec![1997]);
    assert_eq!(years("last January", Some("1998-03-01")), vec![1998]);
    assert_eq!(years("in April next year", Some("1998-12-05")), vec![1999]);
    assert_eq!(years("Back in May", Some("2014-06-01")), vec![2014]);
    assert_eq!(years("Theresa May said", p), Vec::<i16>::new());
    assert_eq!(
        years(
            "it said it would expand the plant in March",
            Some("2021-08-19")
        ),
        vec![2022]
    );
    assert_eq!(
        years("a deal is not expected before January", Some("1998-03-03")),
        vec![1999]
    );
    assert_eq!(years("it may rain", p), Vec::<i16>::new());
}

#[test]
fn seasons_prefixed_years_and_fiscal_years() {
    let p = Some("2021-03-03");
    assert_eq!(years("China grew in mid-2019", p), vec![2019]);
    assert_eq!(years("before the pre-2020 rules", p), vec![2020]);
    assert_eq!(years("India grew in FY2021", p), vec![2021]);
    assert_eq!(years("Mexico grew in H1 2021", p), vec![2021]);
    // Still not years: a minus, a model number.
    assert_eq!(years("the range was 10-2019", p), Vec::<i16>::new());
    assert_eq!(years("the F-2000 rifle", p), Vec::<i16>::new());
    // Seasons: the most recent one that has ended for `last`; `this past` is `last`.
    assert_eq!(years("Chad grew last summer", p), vec![2020]);
    assert_eq!(
        years("Chad grew last summer", Some("2021-08-15")),
        vec![2020]
    );
    assert_eq!(
        years("Chad grew last summer", Some("2021-11-15")),
        vec![2021]
    );
    assert_eq!(
        years("it rained this past spring", Some("2021-07-01")),
        vec![2021]
    );
    assert_eq!(years("Israel will grow next spring", p), vec![2022]);
    assert_eq!(years("exports rose in the autumn", p), vec![2020]);
    assert_eq!(years("talks will resume in the fall", p), vec![2021]);
    assert_eq!(years("in the summer of 2018", p), vec![2018]);
    // Not seasons: the verb, a name.
    assert_eq!(years("prices fall", p), Vec::<i16>::new());
    assert_eq!(years("the Arab Spring", p), Vec::<i16>::new());
    assert_eq!(years("this past weekend", Some("2021-01-15")), vec![2021]);
}

#[test]
fn would_and_could_look_ahead_only_for_what_follows_them() {
    // Reported speech: the month or day before `would` is past.
    assert_eq!(
        years(
            "In February the government refused because Washington would not say",
            Some("1985-05-05")
        ),
        vec![1985]
    );
    assert_eq!(
        years(
            "the rupiah has lost 80 per cent since January, and the IMF said on Tuesday that the package would be revised",
            Some("1998-08-19")
        ),
        vec![1998]
    );
    assert_eq!(
        years(
            "In March, the party said it would demand a vote",
            Some("2015-04-03")
        ),
        vec![2015]
    );
    // After `would`, the month is still to come; `will` looks ahead for the whole sentence.
    assert_eq!(
        years(
            "Bogota said it would host a summit in February",
            Some("2023-03-08")
        ),
        vec![2024]
    );
    assert_eq!(
        years(
            "In February, voters will elect a new parliament",
            Some("2023-03-08")
        ),
        vec![2024]
    );
}

#[test]
fn following_year_counts_from_the_explicit_year() {
    assert_eq!(
        years("on May 22, 1995 and the following year", Some("2010-01-01")),
        vec![1995, 1996]
    );
    assert_eq!(years("a year later", Some("2010-01-01")), vec![2011]);
}

#[test]
fn weekdays_resolve_to_the_most_recent_one() {
    // 2020-01-02 is a Thursday; the Tuesday before it is 2019-12-31.
    assert_eq!(years("on Tuesday", Some("2020-01-02")), vec![2019]);
    assert_eq!(years("on Wednesday", Some("2020-01-02")), vec![2020]);
}
