//! Tech Divide Explorer core: files → articles → sentences, country mentions and years → events
//! → year × country counts. Nothing in here knows about egui; the window (`app`) and the CLI
//! (`cli`) only call into it.

pub mod app;
pub mod cli;
pub mod corpus;
pub mod desktop;
pub mod export;
pub mod extract;
pub mod logfile;
pub mod query;

pub use corpus::{Article, LoadError, LoadReport};
pub use extract::{Analysis, Event, Evidence};
