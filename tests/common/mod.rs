//! Scoring extraction against a gold file in the format of `../shared/gold/seeds.json`, the same
//! way `score_events.py` does: sentences matched on their first 40 characters after whitespace
//! is collapsed, (sentence, country) pairs scored for precision and recall.

#![allow(dead_code)]

use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use techdivide::export::EventRow;

#[derive(Debug, Deserialize)]
pub struct Gold {
    pub articles: Vec<GoldArticle>,
}

#[derive(Debug, Deserialize)]
pub struct GoldArticle {
    pub file: String,
    pub title: String,
    pub author: Option<String>,
    pub published: Option<String>,
    pub source: Option<String>,
    pub body_starts_with: String,
    pub sentences: Vec<GoldSentence>,
}

#[derive(Debug, Deserialize)]
pub struct GoldSentence {
    pub starts_with: String,
    pub countries: Vec<String>,
    pub years: Vec<GoldYear>,
}

#[derive(Debug, Deserialize)]
pub struct GoldYear {
    pub year: i32,
}

pub fn load_gold(path: &str) -> Gold {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

pub fn norm(s: &str) -> String {
    let collapsed = s
        .replace('\u{a0}', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    collapsed
        .chars()
        .take(40)
        .collect::<String>()
        .trim_end()
        .to_string()
}

#[derive(Debug, Default)]
pub struct Score {
    pub tp: usize,
    pub predicted: usize,
    pub gold: usize,
    pub per_country: BTreeMap<String, (usize, usize, usize)>,
    pub years_right: usize,
    pub years_matched: usize,
    pub report: Vec<String>,
}

impl Score {
    pub fn precision(&self) -> f64 {
        if self.predicted == 0 {
            1.0
        } else {
            self.tp as f64 / self.predicted as f64
        }
    }
    pub fn recall(&self) -> f64 {
        if self.gold == 0 {
            1.0
        } else {
            self.tp as f64 / self.gold as f64
        }
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    pub fn year_accuracy(&self) -> f64 {
        if self.years_matched == 0 {
            0.0
        } else {
            self.years_right as f64 / self.years_matched as f64
        }
    }
}

/// Score export rows against the gold (only files the gold knows).
pub fn score(gold: &Gold, rows: &[EventRow]) -> Score {
    let files: BTreeSet<&str> = gold.articles.iter().map(|a| a.file.as_str()).collect();
    let mut g_pairs = BTreeSet::new();
    let mut g_years: BTreeMap<(String, String), BTreeSet<i32>> = BTreeMap::new();
    for a in &gold.articles {
        for s in &a.sentences {
            let key = (a.file.clone(), norm(&s.starts_with));
            g_years.insert(key.clone(), s.years.iter().map(|y| y.year).collect());
            for c in &s.countries {
                g_pairs.insert((key.0.clone(), key.1.clone(), c.clone()));
            }
        }
    }
    let mut p_pairs = BTreeSet::new();
    let mut p_years: BTreeMap<(String, String), BTreeSet<i32>> = BTreeMap::new();
    for r in rows.iter().filter(|r| files.contains(r.file.as_str())) {
        let key = (r.file.clone(), norm(&r.sentence));
        p_pairs.insert((key.0.clone(), key.1.clone(), r.country.clone()));
        let entry = p_years.entry(key).or_default();
        if let Ok(y) = r.year.parse() {
            entry.insert(y);
        }
    }
    let mut s = Score {
        gold: g_pairs.len(),
        predicted: p_pairs.len(),
        ..Score::default()
    };
    for x in &g_pairs {
        let e = s.per_country.entry(x.2.clone()).or_default();
        e.1 += 1;
        if p_pairs.contains(x) {
            s.tp += 1;
            e.0 += 1;
        } else {
            s.report.push(format!(
                "missed: {} {} {:?}",
                &x.0[..x.0.len().min(12)],
                x.2,
                x.1
            ));
        }
    }
    for x in &p_pairs {
        s.per_country.entry(x.2.clone()).or_default().2 += 1;
        if !g_pairs.contains(x) {
            s.report.push(format!(
                "extra:  {} {} {:?}",
                &x.0[..x.0.len().min(12)],
                x.2,
                x.1
            ));
        }
    }
    for (k, years) in &g_years {
        if let Some(p) = p_years.get(k) {
            s.years_matched += 1;
            if p == years {
                s.years_right += 1;
            } else {
                s.report.push(format!(
                    "year differs: {} {:?}: gold {years:?} got {p:?}",
                    &k.0[..k.0.len().min(12)],
                    k.1
                ));
            }
        }
    }
    s
}
