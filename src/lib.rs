//! prinsipp checks a kommune's IT portfolio and project proposals against the principles of
//! its digitalisation strategy.
//!
//! The pipeline: `load` reads a folder into a `model::Portfolio`, `rules::check` turns it
//! into findings (pure functions, no I/O), `report` renders them. `app` wires the commands.

pub mod app;
pub mod baseline;
pub mod cli;
pub mod config;
pub mod diagnostic;
pub mod figures;
pub mod files;
pub mod finding;
pub mod format;
pub mod history;
pub mod import;
pub mod init;
pub mod input;
pub mod katalog;
pub mod load;
pub mod model;
pub mod report;
pub mod rules;
pub mod schema;
pub mod settings;
pub mod suggest;
pub mod text;
