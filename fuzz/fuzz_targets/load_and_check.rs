//! The load-and-check path on arbitrary bytes: split at NUL bytes into kommune.yaml, a
//! systems file, a projects file and avvik.yaml; load them, run every rule and render every
//! output format. Anything that panics, hangs or runs out of memory is a bug.

#![no_main]

use libfuzzer_sys::fuzz_target;
use prinsipp::load::{FileKind, Source, load_sources};
use prinsipp::model::Date;
use prinsipp::report::{self, Report, Style};
use prinsipp::settings::Settings;
use prinsipp::text::Lang;

const FILES: [(&str, FileKind); 4] = [
    ("kommune.yaml", FileKind::Kommune),
    ("systemer/systemer.yaml", FileKind::Systems),
    ("prosjekter/p.yaml", FileKind::Projects),
    ("avvik.yaml", FileKind::Avvik),
];

fuzz_target!(|data: &[u8]| {
    let sources: Vec<Source> = data
        .splitn(FILES.len(), |b| *b == 0)
        .zip(FILES)
        .map(|(bytes, (display, kind))| Source { display: display.to_string(), kind, bytes: bytes.to_vec() })
        .collect();
    let loaded = load_sources(&sources);
    let Some(portfolio) = loaded.portfolio else { return };
    let settings = Settings::builtin();
    let date = Date::parse("2026-06-01").expect("a date");
    let findings = prinsipp::rules::check(&portfolio, &settings, date);
    let r = Report { portfolio: &portfolio, findings: &findings, settings: &settings, date, fail_on: None, resolved: None, known: None, lang: Lang::Nb };
    let style = Style::plain(Lang::Nb);
    for text in [
        report::table::render(&r, &style, false),
        report::json::render(&r),
        report::sarif::render(&r),
        report::junit::render(&r),
        report::github::render(&r),
        report::gitlab::render(&r),
        report::markdown::render(&r),
    ] {
        std::hint::black_box(text);
    }
});
