//! Behaviour of the window, driven through egui_kittest as a user (or a screen reader) would:
//! by accessible names, clicks and typing. No display or GPU is needed.

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use std::collections::BTreeSet;
use techdivide::app::picker::{FakePicker, PickOutcome};
use techdivide::app::{App, Command};
use techdivide::extract::gazetteer::gazetteer;
use techdivide::query::units::Unit;
use techdivide::query::{Filter, YearKey};

fn app_with(
    answers: Vec<PickOutcome>,
    data_dir: Option<std::path::PathBuf>,
) -> Harness<'static, App> {
    let mut harness = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |cc| {
            App::new(
                Some(cc.egui_ctx.clone()),
                Vec::new(),
                true,
                data_dir,
                Box::new(FakePicker::new(answers)),
            )
        });
    harness.run_steps(3);
    harness
}

/// Step until the background load and the search for copies after it are done (bounded).
fn wait_for_load(harness: &mut Harness<'_, App>) {
    for _ in 0..500 {
        harness.step();
        // Settled: the files are in, and so are the copies found among them (their search runs
        // on a thread of its own once the files are in, and changes the counts).
        if !harness.state().is_loading() && !harness.state().is_finding_copies() {
            harness.run_steps(2);
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("loading did not finish");
}

/// Step until a background filter has answered (bounded).
fn wait_for_refresh(harness: &mut Harness<'_, App>) {
    for _ in 0..200 {
        harness.step();
        if !harness.state().is_searching() {
            harness.run_steps(2);
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    panic!("the background filter did not answer");
}

#[test]
fn starts_on_the_five_seeds_with_a_chart() {
    let harness = app_with(vec![], None);
    let app = harness.state();
    assert_eq!(app.corpus.len(), 5);
    assert_eq!(app.view.sorted.len(), 5);
    assert!(
        app.view.result.total_events() > 100,
        "the chart has the seed events"
    );
    harness.get_by_label_contains("China’s Quest to Oust Foreign Tech Firms,");
    harness.get_by_label("5 of 5 articles");
}

#[test]
fn typing_a_filter_narrows_the_list_and_the_chart() {
    let mut harness = app_with(vec![], None);
    let before = harness.state().view.result.total_events();
    harness.get_by_label("Filter:").click();
    harness.run_steps(2);
    harness.get_by_label("Filter:").type_text("WeChat");
    harness.run_steps(3);
    let app = harness.state();
    assert_eq!(app.settings.filter.text, "WeChat");
    assert_eq!(app.view.sorted.len(), 2, "two seeds mention WeChat");
    assert!(app.view.result.total_events() < before);
    harness.get_by_label("2 of 5 articles");
}

#[test]
fn selecting_an_article_shows_it_in_the_reader() {
    let mut harness = app_with(vec![], None);
    harness
        .get_by_label_contains("Nobody Got Won In Us & China Technology Divide,")
        .click();
    harness.run_steps(2);
    let app = harness.state();
    let selected = app.selected.expect("an article is selected");
    assert_eq!(
        app.corpus.entries[selected].article.meta.title,
        "Nobody Got Won In Us & China Technology Divide"
    );
    // The heading and the source are visible in the reader.
    assert!(
        harness
            .query_all_by_label("Nobody Got Won In Us & China Technology Divide")
            .count()
            >= 1
    );
    harness.get_by_label("Source: eastasiaforum.org");
}

#[test]
fn a_country_filter_gives_the_cores_aggregate() {
    let mut harness = app_with(vec![], None);
    harness
        .state_mut()
        .push(Command::ToggleCountry("US".into()));
    harness.run_steps(3);
    let app = harness.state();
    let core = Filter {
        countries: BTreeSet::from(["US".to_string()]),
        ..Filter::default()
    }
    .run(&app.corpus, None);
    assert_eq!(app.view.result.counts, core.counts);
    let us = gazetteer().id("US").unwrap();
    assert!(app.view.result.counts.keys().all(|(_, c)| *c == us));
    assert!(
        app.view.sorted.len() < 5,
        "the article without a US mention is filtered out"
    );
}

#[test]
fn a_bar_segment_lists_its_sentences_and_opens_the_article() {
    let mut harness = app_with(vec![], None);
    let cn = gazetteer().id("CN").unwrap();
    harness.state_mut().push(Command::SelectCell {
        year: YearKey::Year(2021),
        countries: vec![cn],
    });
    harness.run_steps(2);
    let expected = harness.state().view.result.counts[&(YearKey::Year(2021), cn)] as usize;
    let cell = harness.state().cell.as_ref().expect("a cell is selected");
    assert_eq!(
        cell.events.len(),
        expected,
        "one sentence per event of the bar"
    );
    harness.get_by_label(&format!("{expected} sentences behind China, 2021"));
    // Click the first listed sentence: the reader opens that article.
    let (row, _) = cell.events[0];
    // (The reader shows the article too: its paragraph is a node with that text as well; the
    // sentence list's item is the one labelled with the article's title after a dash.)
    let title = harness.state().corpus.entries[row]
        .article
        .meta
        .title
        .clone();
    harness
        .get_all_by_label_contains("Beijing has been cracking down")
        .find(|n| {
            n.accesskit_node()
                .label()
                .is_some_and(|l| l.ends_with(&format!(" — {title}")))
        })
        .expect("the sentence is listed under the chart")
        .click();
    harness.run_steps(2);
    assert_eq!(harness.state().selected, Some(row));
}

#[test]
fn opening_files_through_the_picker_adds_articles_and_reports_bad_ones() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("kenya.txt");
    std::fs::write(&good, "Kenya Signs Power Deal\n\nJune 12, 2019\n\nKenya and Ethiopia signed a deal on Tuesday. Nairobi said it would pay in 2020.\n").unwrap();
    let bad = dir.path().join("photo.txt");
    std::fs::write(&bad, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0").unwrap();
    let missing = dir.path().join("missing.txt");
    let mut harness = app_with(
        vec![PickOutcome::Picked(vec![
            good.clone(),
            bad,
            missing,
            good.clone(),
        ])],
        None,
    );
    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness.get_by_label("Open files…  (Ctrl+O)").click();
    harness.run_steps(2);
    wait_for_load(&mut harness);
    let app = harness.state();
    assert_eq!(
        app.corpus.len(),
        6,
        "one new article, the duplicate not counted twice"
    );
    let texts: Vec<&str> = app.notifications.iter().map(|n| n.text.as_str()).collect();
    assert!(
        texts
            .iter()
            .any(|t| t.contains("photo.txt") && t.contains("PNG")),
        "{texts:?}"
    );
    assert!(
        texts
            .iter()
            .any(|t| t.contains("missing.txt") && t.contains("not found")),
        "{texts:?}"
    );
    assert!(
        texts.iter().any(|t| t.contains("already loaded")),
        "{texts:?}"
    );
    assert!(
        app.corpus
            .entries
            .iter()
            .any(|e| e.article.meta.title == "Kenya Signs Power Deal")
    );
}

#[test]
fn without_a_dialog_the_app_says_how_else_to_add_files() {
    let mut harness = app_with(vec![PickOutcome::Unavailable], None);
    harness.state_mut().push(Command::PickFiles);
    harness.run_steps(3);
    let app = harness.state();
    assert!(
        app.notifications
            .iter()
            .any(|n| n.text.contains("drag them onto the window"))
    );
}

#[test]
fn correcting_a_date_moves_the_publication_dated_events() {
    let mut harness = app_with(vec![], None);
    let row = harness
        .state()
        .corpus
        .entries
        .iter()
        .position(|e| e.article.file.starts_with("003"))
        .unwrap();
    let before_2020 = harness.state().corpus.entries[row]
        .analysis
        .events
        .iter()
        .filter(|e| e.year == Some(2020))
        .count();
    harness.state_mut().push(Command::SelectArticle(row));
    harness.run_steps(2);
    harness.get_by_label("Published:").click();
    harness.run_steps(1);
    harness.get_by_label("Published:").type_text("2020-09-01");
    harness.run_steps(1);
    harness.get_by_label("Set date").click();
    harness.run_steps(3);
    let app = harness.state();
    let entry = &app.corpus.entries[row];
    assert_eq!(
        entry.published().map(|d| d.to_string()).as_deref(),
        Some("2020-09-01")
    );
    let after_2020 = entry
        .analysis
        .events
        .iter()
        .filter(|e| e.year == Some(2020))
        .count();
    assert!(
        after_2020 > before_2020 + 10,
        "undated events moved to 2020: {before_2020} → {after_2020}"
    );
    assert!(
        app.view
            .result
            .counts
            .get(&(YearKey::Year(2020), gazetteer().id("US").unwrap()))
            .copied()
            .unwrap_or(0)
            > 16
    );
    // An invalid date is refused with a message, not applied.
    harness.get_by_label("Published:").click();
    harness.run_steps(1);
    harness.state_mut().date_input = "2021-02-30".into();
    harness.get_by_label("Set date").click();
    harness.run_steps(2);
    assert!(harness.state().date_error.is_some());
    assert_eq!(
        harness.state().corpus.entries[row]
            .published()
            .map(|d| d.to_string())
            .as_deref(),
        Some("2020-09-01")
    );
}

#[test]
fn settings_and_corrections_survive_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("note.txt");
    std::fs::write(
        &file,
        "Japan and Korea agreed a deal in 2015 after long talks in Seoul and Tokyo.",
    )
    .unwrap();
    {
        let mut harness = app_with(vec![], Some(dir.path().to_path_buf()));
        harness
            .state_mut()
            .push(Command::OpenPaths(vec![file.clone()]));
        harness.run_steps(2);
        wait_for_load(&mut harness);
        let row = harness
            .state()
            .corpus
            .entries
            .iter()
            .position(|e| e.article.file == "note.txt")
            .unwrap();
        harness.state_mut().push(Command::SetPublished {
            row,
            date: Some("2016-01-02".parse().unwrap()),
        });
        harness.state_mut().settings.filter.text = "deal".into();
        harness.state_mut().settings.chart.unit = Unit::Share;
        harness.run_steps(2);
        harness.state_mut().save_settings();
    }
    let mut harness = app_with(vec![], Some(dir.path().to_path_buf()));
    wait_for_load(&mut harness);
    let app = harness.state();
    assert_eq!(app.settings.filter.text, "deal");
    assert_eq!(app.settings.chart.unit, Unit::Share);
    let entry = app
        .corpus
        .entries
        .iter()
        .find(|e| e.article.file == "note.txt")
        .expect("the opened file is re-loaded");
    assert_eq!(
        entry.published().map(|d| d.to_string()).as_deref(),
        Some("2016-01-02")
    );
}

#[test]
fn removing_an_article_takes_its_events_out() {
    let mut harness = app_with(vec![], None);
    let total = harness.state().corpus.event_count();
    let events0 = harness.state().corpus.entries[0].event_count();
    harness.state_mut().push(Command::SelectArticle(0));
    harness.run_steps(1);
    harness.get_by_label("Remove from corpus").click();
    harness.run_steps(3);
    let app = harness.state();
    assert_eq!(app.corpus.len(), 4);
    assert_eq!(app.view.result.total_events() as usize, total - events0);
}

#[test]
fn keyboard_moves_through_the_list() {
    let mut harness = app_with(vec![], None);
    let first = harness.state().view.sorted[0];
    let second = harness.state().view.sorted[1];
    assert_eq!(harness.state().selected, Some(first));
    harness.key_press(eframe::egui::Key::ArrowDown);
    harness.run_steps(2);
    assert_eq!(harness.state().selected, Some(second));
    harness.key_press(eframe::egui::Key::ArrowUp);
    harness.run_steps(2);
    assert_eq!(harness.state().selected, Some(first));
}

#[test]
fn every_input_widget_has_an_accessible_name() {
    let harness = app_with(vec![], None);
    for role in [
        eframe::egui::accesskit::Role::TextInput,
        eframe::egui::accesskit::Role::Button,
        eframe::egui::accesskit::Role::CheckBox,
    ] {
        for node in harness.get_all_by_role(role) {
            let label = node.accesskit_node().label().unwrap_or_default();
            let named =
                !label.trim().is_empty() || node.accesskit_node().labelled_by().next().is_some();
            assert!(named, "a {role:?} without an accessible name: {node:?}");
        }
    }
}

#[test]
fn a_large_corpus_is_searched_in_the_background() {
    let mut harness = app_with(vec![], None);
    // Pretend the seeds are a large corpus: every search goes to the background thread.
    harness.state_mut().view.async_search_bytes = 0;
    harness.state_mut().settings.filter.text = "Huawei".into();
    harness.step();
    assert!(harness.state().is_searching() || harness.state().view.sorted.len() == 3);
    wait_for_refresh(&mut harness);
    let app = harness.state();
    let expected = app
        .corpus
        .entries
        .iter()
        .filter(|e| e.article.text.contains("Huawei"))
        .count();
    assert_eq!(app.view.sorted.len(), expected);
    assert!((2..5).contains(&expected));
}

#[test]
fn counts_merged_while_loading_equal_a_full_recomputation() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..40 {
        let text = format!(
            "Story {i} About Trade\n\nMarch {}, 2019\n\nChina and Japan met in {}. Germany said the talks would resume last year.\n",
            1 + i % 28,
            2000 + i
        );
        std::fs::write(dir.path().join(format!("s{i:02}.txt")), text).unwrap();
    }
    let mut harness = app_with(vec![], None);
    harness
        .state_mut()
        .settings
        .filter
        .countries
        .insert("CN".into());
    harness
        .state_mut()
        .push(Command::OpenPaths(vec![dir.path().to_path_buf()]));
    harness.run_steps(1);
    wait_for_load(&mut harness);
    let app = harness.state();
    assert_eq!(app.corpus.len(), 45);
    let full = app.settings.filter.run(&app.corpus, None);
    assert_eq!(app.view.result.counts, full.counts);
    let mut rows = app.view.result.rows.clone();
    rows.sort_unstable();
    assert_eq!(rows, full.rows);
    assert_eq!(
        app.window_title(),
        format!(
            "Tech Divide Explorer — 45 articles, {} events",
            app.corpus.event_count()
        )
    );
}

#[test]
fn a_country_filter_on_a_large_corpus_is_computed_in_the_background() {
    let mut harness = app_with(vec![], None);
    harness.state_mut().view.async_search_bytes = 0;
    harness.state_mut().view.background_refresh_bytes = 0;
    let before = harness.state().view.result.clone();
    harness
        .state_mut()
        .push(Command::ToggleCountry("SE".into()));
    harness.step();
    // The previous list and chart stay on screen until the answer arrives.
    assert!(harness.state().is_searching());
    assert_eq!(harness.state().view.result, before);
    wait_for_refresh(&mut harness);
    let app = harness.state();
    let core = app.settings.filter.run(&app.corpus, None);
    assert_eq!(app.view.result.counts, core.counts);
    assert_eq!(app.view.sorted.len(), 1, "one seed mentions Sweden");
}

#[test]
fn the_legend_switches_a_country_off_and_on_again() {
    let mut harness = app_with(vec![], None);
    let series_in_chart = |h: &Harness<'_, App>| -> usize {
        let node = h.get_by_label_contains("Chart of events per year and country");
        let label = node.accesskit_node().label().unwrap_or_default();
        let words: Vec<&str> = label.split_whitespace().collect();
        let at = words.iter().position(|w| w.starts_with("series")).unwrap();
        words[at - 1].parse().unwrap()
    };
    let before = series_in_chart(&harness);
    harness.get_by_label("China (CN)").click();
    harness.run_steps(2);
    assert!(harness.state().settings.chart.hidden.contains("CN"));
    assert_eq!(
        series_in_chart(&harness),
        before - 1,
        "China's bars are gone"
    );
    // Switching it off does not change the counts, only what is drawn.
    assert!(harness.state().view.result.total_events() > 100);
    harness.get_by_label("China (CN)").click();
    harness.run_steps(2);
    assert!(harness.state().settings.chart.hidden.is_empty());
    assert_eq!(series_in_chart(&harness), before);
}

#[test]
fn sorting_a_large_corpus_happens_in_the_background_and_gives_the_title_order() {
    let mut harness = app_with(vec![], None);
    // Pretend the seeds are a large corpus: the sort goes to the background thread.
    harness.state_mut().view.async_search_bytes = 0;
    harness.state_mut().view.background_refresh_bytes = 0;
    harness.get_by_label("Sort by Title").click();
    harness.run_steps(1);
    wait_for_refresh(&mut harness);
    let app = harness.state();
    let titles: Vec<String> = app
        .view
        .sorted
        .iter()
        .map(|&i| app.corpus.entries[i].article.meta.title.to_lowercase())
        .collect();
    assert_eq!(titles.len(), 5);
    assert!(
        titles.windows(2).all(|w| w[0] <= w[1]),
        "not in title order: {titles:?}"
    );
    // A second click reverses it.
    harness.get_by_label("Sort by Title").click();
    harness.run_steps(1);
    wait_for_refresh(&mut harness);
    let app = harness.state();
    let first = &app.corpus.entries[app.view.sorted[0]]
        .article
        .meta
        .title
        .to_lowercase();
    assert_eq!(titles.last(), Some(first));
}

/// Step until the background re-count after an option change is done (bounded).
fn wait_for_recount(harness: &mut Harness<'_, App>) {
    for _ in 0..500 {
        harness.step();
        if harness.state().recount.is_none() {
            harness.run_steps(2);
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("the re-count did not finish");
}

#[test]
fn a_date_set_in_the_window_is_on_disk_at_once() {
    // Nothing calls save or quits: a kill right after "Set date" must not lose it.
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app_with(vec![], Some(dir.path().to_path_buf()));
    let row = harness
        .state()
        .corpus
        .entries
        .iter()
        .position(|e| e.article.file.starts_with("001"))
        .unwrap();
    harness.state_mut().push(Command::SelectArticle(row));
    harness.run_steps(2);
    harness.get_by_label("Published:").click();
    harness.run_steps(1);
    harness.get_by_label("Published:").type_text("2019-03-04");
    harness.run_steps(1);
    harness.get_by_label("Set date").click();
    harness.run_steps(2);
    let on_disk = std::fs::read_to_string(dir.path().join("settings.json"))
        .expect("the settings file is written when the date is set");
    assert!(on_disk.contains("2019-03-04"), "{on_disk}");
    drop(harness);
    // A new start (as after a kill) shows the corrected date.
    let harness = app_with(vec![], Some(dir.path().to_path_buf()));
    let entry = &harness.state().corpus.entries[row];
    assert_eq!(
        entry.published().map(|d| d.to_string()).as_deref(),
        Some("2019-03-04")
    );
}

#[test]
fn anchoring_decades_recounts_in_the_background_and_changes_the_counts() {
    let mut harness = app_with(vec![], None);
    let undated_before = harness.state().view.result.total_events();
    harness.get_by_label("View").click();
    harness.run_steps(3);
    harness
        .get_by_label("Anchor decades at their first year")
        .click();
    harness.run_steps(1);
    // The option is on at once; the counts follow when the background re-count answers.
    assert!(harness.state().settings.anchor_decades);
    wait_for_recount(&mut harness);
    wait_for_refresh(&mut harness);
    let app = harness.state();
    assert!(app.corpus.stale_entries().is_empty());
    // The same counts as a corpus analysed with the option from the start.
    let mut direct = techdivide::query::Corpus::new(
        app.corpus.entries.clone(),
        techdivide::extract::ExtractOptions::default(),
    );
    for e in &mut direct.entries {
        std::sync::Arc::make_mut(e).recompute(techdivide::extract::ExtractOptions::default());
    }
    direct.set_options(app.corpus.options);
    let cells =
        |c: &techdivide::query::Corpus| c.entries.iter().map(|e| e.cells()).collect::<Vec<_>>();
    assert_eq!(cells(&app.corpus), cells(&direct));
    assert!(app.view.result.total_events() >= undated_before);
}

#[test]
fn a_screen_reader_finds_the_articles_text() {
    let mut harness = app_with(vec![], None);
    harness.state_mut().push(Command::SelectArticle(0));
    harness.run_steps(3);
    let entry = &harness.state().corpus.entries[0];
    // Every paragraph of the body is an accessible node holding its whole text.
    for para in &entry.article.meta.paragraphs {
        let text: String = entry.article.text[para.range()]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        // (A static text node keeps its text in AccessKit's `value`, which AT-SPI reads.)
        let found = harness.query_all_by(|n| {
            n.value()
                .is_some_and(|v| v.split_whitespace().collect::<Vec<_>>().join(" ") == text)
        });
        assert!(found.count() >= 1, "no node holds the paragraph {text:?}");
    }
}

#[test]
fn a_saved_correction_that_is_not_a_date_is_reported_not_silently_undated() {
    let dir = tempfile::tempdir().unwrap();
    let key = {
        let harness = app_with(vec![], None);
        let e = &harness.state().corpus.entries[0];
        techdivide::corpus::article_key(&e.article.origin)
    };
    let settings = serde_json::json!({ "date_corrections": { key.clone(): "2020-13-45" } });
    std::fs::write(dir.path().join("settings.json"), settings.to_string()).unwrap();
    let harness = app_with(vec![], Some(dir.path().to_path_buf()));
    let app = harness.state();
    assert!(
        app.notifications
            .iter()
            .any(|n| n.text.contains("not dates") && n.text.contains("2020-13-45")),
        "{:?}",
        app.notifications
            .iter()
            .map(|n| &n.text)
            .collect::<Vec<_>>()
    );
    // The article keeps its header date, and the entry stays in the settings as written.
    assert!(app.corpus.entries[0].corrected.is_none());
    assert_eq!(
        app.settings.date_corrections.get(&key),
        Some(&Some("2020-13-45".to_string()))
    );
}

/// The child process of `a_date_correction_survives_sigterm_and_sigkill`: set a date through
/// the window, then keep the window running until killed.
#[test]
#[ignore = "run by a_date_correction_survives_sigterm_and_sigkill as a child process"]
fn child_sets_a_date_and_waits_to_be_killed() {
    let Some(dir) = std::env::var_os("TD_KILL_TEST_DIR") else {
        return;
    };
    let mut harness = app_with(vec![], Some(dir.into()));
    harness.state_mut().push(Command::SelectArticle(1));
    harness.run_steps(2);
    harness.get_by_label("Published:").click();
    harness.run_steps(1);
    harness.get_by_label("Published:").type_text("2018-06-07");
    harness.run_steps(1);
    harness.get_by_label("Set date").click();
    harness.run_steps(1);
    println!("date set");
    loop {
        harness.step();
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

#[test]
fn a_date_correction_survives_sigterm_and_sigkill() {
    for signal in ["TERM", "KILL"] {
        let dir = tempfile::tempdir().unwrap();
        let mut child = std::process::Command::new(std::env::current_exe().unwrap())
            .args([
                "--ignored",
                "--exact",
                "child_sets_a_date_and_waits_to_be_killed",
                "--nocapture",
            ])
            .env("TD_KILL_TEST_DIR", dir.path())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // Wait until the child says the date is set, then one second more, then kill it.
        let mut out = std::io::BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        loop {
            line.clear();
            let n = std::io::BufRead::read_line(&mut out, &mut line).unwrap();
            assert!(n > 0, "the child ended before setting the date");
            if line.contains("date set") {
                break;
            }
        }
        std::thread::sleep(std::time::Duration::from_secs(1));
        let killed = std::process::Command::new("kill")
            .args([format!("-{signal}"), child.id().to_string()])
            .status()
            .unwrap();
        assert!(killed.success());
        let status = child.wait().unwrap();
        assert!(!status.success(), "the child was killed by SIG{signal}");
        // The next start shows the corrected date.
        let harness = app_with(vec![], Some(dir.path().to_path_buf()));
        assert_eq!(
            harness.state().corpus.entries[1]
                .published()
                .map(|d| d.to_string())
                .as_deref(),
            Some("2018-06-07"),
            "lost after SIG{signal}"
        );
    }
}

#[test]
fn an_empty_window_says_how_to_add_articles() {
    // No seeds, nothing opened: the reader explains what to do (and every glyph of it exists in
    // the window's fonts: the harness fails on a missing one).
    let mut harness = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(|cc| {
            App::new(
                Some(cc.egui_ctx.clone()),
                Vec::new(),
                false,
                None,
                Box::new(FakePicker::new(Vec::new())),
            )
        });
    harness.run_steps(3);
    harness.get_by_label_contains("No article selected");
    assert!(harness.state().corpus.is_empty());
}

/// A window over `files` with an analysis cache in `cache_dir`, loaded.
fn cached_app(
    files: Vec<std::path::PathBuf>,
    cache_dir: &std::path::Path,
) -> Harness<'static, App> {
    let cache = techdivide::cache::AnalysisCache::open(cache_dir).expect("the cache opens");
    let mut harness = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |cc| {
            App::with_cache(
                Some(cc.egui_ctx.clone()),
                files,
                false,
                None,
                Box::new(FakePicker::new(vec![])),
                Some(cache),
            )
        });
    harness.run_steps(3);
    wait_for_load(&mut harness);
    harness
}

#[test]
fn a_second_window_reads_the_cache_and_about_clears_it() {
    let corpus = tempfile::tempdir().expect("corpus");
    let cache_dir = tempfile::tempdir().expect("cache");
    let mut files = Vec::new();
    for i in 0..3 {
        let path = corpus.path().join(format!("story{i}.txt"));
        std::fs::write(
            &path,
            format!("Story {i} about chips\n\nMay {}, 2020\n\nChina and Japan met in 2019, and India said the talks would resume next year.\n", i + 1),
        )
        .expect("write");
        // An hour old: a file written in the instant it is cached is never served from it.
        std::fs::File::options()
            .write(true)
            .open(&path)
            .expect("open")
            .set_modified(std::time::SystemTime::now() - std::time::Duration::from_secs(3600))
            .expect("mtime");
        files.push(path);
    }
    let first_counts = {
        let harness = cached_app(files.clone(), cache_dir.path());
        assert_eq!(harness.state().cached_files(), Some(3));
        harness.state().view.result.counts.clone()
    };
    let mut harness = cached_app(files, cache_dir.path());
    assert_eq!(harness.state().corpus.len(), 3);
    assert_eq!(harness.state().view.result.counts, first_counts);
    assert!(!first_counts.is_empty());
    harness.state_mut().push(Command::ToggleAbout);
    harness.run_steps(3);
    harness.get_by_label_contains("Analysis cache: ");
    harness.get_by_label("Clear cache").click();
    harness.run_steps(3);
    assert_eq!(harness.state().cached_files(), Some(0));
    assert!(
        harness
            .query_all_by_label_contains("The analysis cache is cleared")
            .next()
            .is_some()
    );
}

/// Step until the background search for copies is done (bounded).
fn wait_for_copies(harness: &mut Harness<'_, App>) {
    for _ in 0..500 {
        harness.step();
        if !harness.state().is_loading() && !harness.state().is_finding_copies() {
            harness.run_steps(3);
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("the search for copies did not finish");
}

#[test]
fn a_syndicated_copy_counts_once_shows_its_copies_and_can_be_counted_again() {
    let dir = tempfile::tempdir().unwrap();
    let body = "The ministry said on Tuesday that exports of memory chips to Vietnam rose by a third in 2023, as suppliers moved assembly out of China.\n\nOfficials in Hanoi said two new plants would open next year near the port of Haiphong, and that talks with Japan on a third were under way.\n\nAnalysts said the shift had been faster than expected, and that South Korea's largest makers were likely to follow before the end of 2025.";
    let original = format!("Vietnam Chip Exports Jump\n\nMarch 4, 2024\n\n{body}\n");
    let copy = format!(
        "Skip to content\nHarbour Ledger\nNews | World | Tech\n\nVietnam chip exports jump\n\n4 March 2024\n\n{}\n\n(Reporting by Ana Lopes; editing by Tom Reed)\n\n© 2024 Harbour Ledger. All rights reserved.\n",
        body.replace(" said ", " says ").replace('\'', "’")
    );
    std::fs::write(dir.path().join("original.txt"), original).unwrap();
    std::fs::write(dir.path().join("ledger-copy.txt"), copy).unwrap();
    let mut harness = app_with(
        vec![PickOutcome::Picked(vec![dir.path().to_path_buf()])],
        None,
    );
    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness.get_by_label("Open folder…").click();
    harness.run_steps(2);
    wait_for_copies(&mut harness);
    wait_for_refresh(&mut harness);
    assert_eq!(harness.state().corpus.len(), 7);
    // One row for the story, with its badge; the status bar says what was merged.
    harness.get_by_label("6 of 7 articles");
    let row = harness.get_by_label_contains(" · 2 copies");
    assert!(
        row.accesskit_node()
            .label()
            .unwrap_or_default()
            .contains("Vietnam")
    );
    harness.get_by_label("1 copy of 1 story merged");
    let once = harness.state().view.result.total_events();
    // The reader lists the other copy with its source and date.
    row.click();
    harness.run_steps(3);
    harness.get_by_label_contains("2 copies of this story (this copy is counted)");
    let (copy, link) = {
        let app = harness.state();
        let selected = app.selected.unwrap();
        let members = app.corpus.story_members(selected);
        assert_eq!(members.len(), 2, "the story has the original and its copy");
        let m = *members.iter().find(|&&m| m != selected).unwrap();
        let e = &app.corpus.entries[m];
        let source = e
            .article
            .meta
            .site
            .clone()
            .or(e.article.meta.source.clone());
        let date = e.published().map(|d| d.to_string());
        assert_eq!(
            date.as_deref(),
            Some("2024-03-04"),
            "the other copy's own date"
        );
        let source = source.unwrap_or_else(|| e.article.file.clone());
        (m, format!("{source}, 2024-03-04"))
    };
    harness.get_by_label(&link).click();
    harness.run_steps(3);
    assert_eq!(
        harness.state().selected,
        Some(copy),
        "the link opens the copy"
    );
    harness.get_by_label_contains("2 copies of this story (the most complete copy is counted)");
    // Counting every copy brings the copy's events back.
    harness.get_by_label("Count every copy").click();
    harness.run_steps(2);
    wait_for_refresh(&mut harness);
    harness.get_by_label("7 of 7 articles");
    let every = harness.state().view.result.total_events();
    assert!(
        every > once,
        "{every} events with every copy, {once} without"
    );
    assert!(harness.state().settings.count_every_copy);
}

#[test]
fn the_charts_numbers_are_saved_with_a_manifest_of_the_filter_and_the_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("numbers.csv");
    let mut harness = app_with(vec![PickOutcome::Picked(vec![csv.clone()])], None);
    harness.get_by_label("Filter:").click();
    harness.run_steps(2);
    harness.get_by_label("Filter:").type_text("China");
    harness.run_steps(3);
    wait_for_refresh(&mut harness);
    harness.get_by_label("Export CSV…").click();
    let manifest = techdivide::manifest::manifest_path(&csv);
    for _ in 0..300 {
        harness.step();
        if manifest.exists() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    let text = std::fs::read_to_string(&csv).expect("the chart's numbers");
    let sum: u64 = text
        .lines()
        .skip(1)
        .map(|l| l.split(',').nth(2).unwrap().parse::<u64>().unwrap())
        .sum();
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&manifest).expect("its manifest")).unwrap();
    assert_eq!(json["export"], "chart_csv");
    assert_eq!(json["filter"]["text"], "China");
    assert_eq!(json["totals"]["events"], sum);
    assert_eq!(
        json["inputs"].as_array().unwrap().len(),
        5,
        "the five seeds"
    );
    assert!(
        json["inputs"][0]["article"]
            .as_str()
            .unwrap()
            .starts_with("seed:")
    );
}
