//! What a chart value counts: events, articles, a share of the year's events, or events per 100
//! articles. Each is computed from the columns of the counts export (events, articles,
//! year_articles), so every number the chart draws can be recomputed from that file.

use super::filter::{QueryResult, YearKey};
use crate::extract::gazetteer::CountryId;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Unit {
    /// Events in the (year, country) cell.
    #[default]
    Events,
    /// Distinct articles with an event in the cell (summed over a group's countries).
    Articles,
    /// The cell's events as a percentage of all the year's events.
    Share,
    /// The cell's events per 100 articles with any event that year.
    PerHundredArticles,
}

impl Unit {
    pub const ALL: [Unit; 4] = [
        Unit::Events,
        Unit::Articles,
        Unit::Share,
        Unit::PerHundredArticles,
    ];

    /// The name in the unit switch.
    pub fn label(self) -> &'static str {
        match self {
            Unit::Events => "Events",
            Unit::Articles => "Articles mentioning the country",
            Unit::Share => "Share of the year's events (%)",
            Unit::PerHundredArticles => "Events per 100 articles of the year",
        }
    }

    /// The y axis's title.
    pub fn axis(self) -> &'static str {
        match self {
            Unit::Events => "events",
            Unit::Articles => "articles",
            Unit::Share => "share of the year's events (%)",
            Unit::PerHundredArticles => "events per 100 articles",
        }
    }

    /// The suffix after a value in a tooltip (`42%`).
    pub fn suffix(self) -> &'static str {
        match self {
            Unit::Share => "%",
            _ => "",
        }
    }

    /// Whether values are whole numbers (shown without decimals).
    pub fn is_count(self) -> bool {
        matches!(self, Unit::Events | Unit::Articles)
    }
}

/// Values of one result in one unit.
pub struct UnitValues<'a> {
    result: &'a QueryResult,
    unit: Unit,
    year_events: BTreeMap<YearKey, u32>,
}

impl<'a> UnitValues<'a> {
    pub fn new(result: &'a QueryResult, unit: Unit) -> Self {
        let mut year_events: BTreeMap<YearKey, u32> = BTreeMap::new();
        for ((y, _), n) in &result.counts {
            *year_events.entry(*y).or_insert(0) += n;
        }
        Self {
            result,
            unit,
            year_events,
        }
    }

    /// The value of a group of countries in one year (a country, or "other").
    pub fn value(&self, year: YearKey, countries: &[CountryId]) -> f64 {
        let sum = |table: &super::filter::Counts| -> u32 {
            countries
                .iter()
                .map(|c| table.get(&(year, *c)).copied().unwrap_or(0))
                .sum()
        };
        let events = f64::from(sum(&self.result.counts));
        let ratio = |n: f64, d: u32| {
            if d == 0 {
                0.0
            } else {
                100.0 * n / f64::from(d)
            }
        };
        match self.unit {
            Unit::Events => events,
            Unit::Articles => f64::from(sum(&self.result.articles)),
            Unit::Share => ratio(events, self.year_events.get(&year).copied().unwrap_or(0)),
            Unit::PerHundredArticles => ratio(
                events,
                self.result.year_articles.get(&year).copied().unwrap_or(0),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_are_ratios_of_the_exported_columns() {
        let mut r = QueryResult::default();
        let y = YearKey::Year(2020);
        r.counts.insert((y, 1), 6);
        r.counts.insert((y, 2), 2);
        r.articles.insert((y, 1), 3);
        r.articles.insert((y, 2), 1);
        r.year_articles.insert(y, 4);
        let v = |u| UnitValues::new(&r, u).value(y, &[1]);
        assert_eq!(v(Unit::Events), 6.0);
        assert_eq!(v(Unit::Articles), 3.0);
        assert_eq!(v(Unit::Share), 75.0);
        assert_eq!(v(Unit::PerHundredArticles), 150.0);
        assert_eq!(
            UnitValues::new(&r, Unit::Share).value(YearKey::Undated, &[1]),
            0.0
        );
    }
}
