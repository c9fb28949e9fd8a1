//! The two other files a run reads, on their own and fast: arbitrary bytes as prinsipp.toml
//! (parsed and built into the settings of a run, own rules included) and as a baseline
//! (read and applied to the findings of the example kommune). Anything that panics, hangs
//! or runs out of memory is a bug.

#![no_main]

use libfuzzer_sys::fuzz_target;
use prinsipp::baseline::Baseline;
use prinsipp::settings::{ConfigFile, Settings};
use std::sync::OnceLock;

/// The example kommune's findings, once: a baseline is applied to them.
fn findings() -> &'static Vec<prinsipp::finding::Finding> {
    static FINDINGS: OnceLock<Vec<prinsipp::finding::Finding>> = OnceLock::new();
    FINDINGS.get_or_init(|| {
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/eksempel-kommune");
        let loaded = prinsipp::load::load_folder(&folder, &prinsipp::load::LoadOptions::default());
        let portfolio = loaded.portfolio.expect("the example loads");
        let date = prinsipp::model::Date::parse("2026-06-01").expect("a date");
        prinsipp::rules::check(&portfolio, &Settings::builtin(), date)
    })
}

fuzz_target!(|data: &[u8]| {
    // The first byte chooses the file; the rest is its content.
    let Some((&which, bytes)) = data.split_first() else { return };
    if which % 2 == 0 {
        let Ok(text) = std::str::from_utf8(bytes) else { return };
        if let Ok(config) = prinsipp::config::parse(text, "prinsipp.toml") {
            let file = ConfigFile { config: &config, text, display: "prinsipp.toml" };
            let _ = Settings::build(Some(&file), None, None);
        }
    } else if let Ok(baseline) = Baseline::parse(bytes, "baseline.json") {
        let mut findings = findings().clone();
        let resolved = baseline.apply(&mut findings, |_| true);
        std::hint::black_box(resolved);
    }
});
