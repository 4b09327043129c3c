//! Keeping the list and the chart in step with the filter and the corpus, through the core's
//! live view (merged, recomputed or computed in the background).

use super::*;

/// What the view should show: the corpus at its (version, full version), with the settings'
/// filter and order.
pub(super) fn view_request<'a>(
    corpus: &'a Corpus,
    settings: &'a Settings,
    (version, full_version): (u64, u64),
    loading: bool,
) -> ViewRequest<'a> {
    ViewRequest {
        corpus,
        filter: &settings.filter,
        sort: (settings.sort, settings.sort_descending),
        version,
        full_version,
        loading,
    }
}

impl App {
    /// Bring the list and the chart up to the filter and the corpus (the core decides whether to
    /// merge, recompute or compute in the background).
    pub fn refresh_view(&mut self) {
        let started = std::time::Instant::now();
        let req = view_request(
            &self.corpus,
            &self.settings,
            (self.corpus_version, self.corpus_full_version),
            self.load.is_some(),
        );
        match self.view.refresh(&req) {
            Ok(Refreshed::Updated) => {
                if let Some(t) = &mut self.frame_timer {
                    t.refresh(started.elapsed());
                }
                self.reselect_cell();
            }
            Ok(Refreshed::Unchanged) => {}
            Err(e) => self.notify(Level::Error, format!("Could not start filtering: {e}")),
        }
    }

    /// A finished background refresh: installed if it is still what the user asked for.
    pub(super) fn poll_search(&mut self) {
        let req = view_request(
            &self.corpus,
            &self.settings,
            (self.corpus_version, self.corpus_full_version),
            self.load.is_some(),
        );
        if self.view.poll(&req) == Refreshed::Updated {
            self.reselect_cell();
        }
    }

    /// The selected bar segment's sentences, again for the new rows.
    pub(super) fn reselect_cell(&mut self) {
        if let Some(cell) = &self.cell {
            let (year, countries) = (cell.year, cell.countries.clone());
            self.select_cell(year, countries);
        }
    }

    /// Is a background filter running?
    pub fn is_searching(&self) -> bool {
        self.view.is_computing()
    }

    /// Put the list in the order the settings ask for.
    pub fn resort(&mut self) {
        self.view.resort(
            &self.corpus,
            (self.settings.sort, self.settings.sort_descending),
        );
    }
}
