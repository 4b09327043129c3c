//! Tech Divide Explorer: the window (`app`), the command line (`cli`), desktop integration and
//! the log. The work itself (files → articles → events → counts, and the exports) is the
//! egui-free core crate, `techdivide_core`, re-exported here under its module names.

pub mod app;
pub mod cli;
pub mod desktop;
pub mod logfile;

pub use techdivide_core::{
    Analysis, Article, Event, Evidence, LoadError, atomic_write, cache, corpus, export, extract,
    manifest, query, stories,
};
