//! The report as a person sees it: the shipped example's report rendered by a real browser
//! (Debian's headless Chromium, which .ci/run installs), its DOM checked for the key
//! sections and figures, axe-core's WCAG 2.1 A/AA rules run in the same page, and a
//! screenshot checked for not being blank. With PRINSIPP_UPDATE_SCREENSHOT=1 the
//! screenshot is also written to docs/rapport.png, the picture in the README.

mod common;
use common::*;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

/// CHROMIUM, or Debian's /usr/bin/chromium.
fn chromium() -> PathBuf {
    let path = std::env::var_os("CHROMIUM")
        .map_or_else(|| PathBuf::from("/usr/bin/chromium"), PathBuf::from);
    assert!(
        path.exists(),
        "{} not found: install Debian's chromium (`apt-get install chromium`, as .ci/run does) or set CHROMIUM",
        path.display()
    );
    path
}

/// Runs headless Chromium with the flags a closed sandbox needs, and `args`.
fn headless(profile: &Path, args: &[&str]) -> String {
    let output = Command::new(chromium())
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--force-device-scale-factor=1",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .output()
        .expect("chromium runs");
    assert!(
        output.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn example_report(dir: &Path) -> PathBuf {
    let file = dir.join("rapport.html");
    let run = prinsipp(&[
        "report",
        &repo("examples/eksempel-kommune"),
        "--dato",
        "2026-06-01",
        "--html",
        file.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    file
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

/// The report with axe-core and the probe injected, as Chromium's DOM after they ran.
fn probe(report: &Path, dir: &Path) -> Value {
    let axe = repo("tests/browser/node_modules/axe-core/axe.min.js");
    let axe = std::fs::read_to_string(&axe).unwrap_or_else(|e| {
        panic!("{axe}: {e}: run `npm ci --prefix tests/browser` (as .ci/run does)")
    });
    let probe = read(Path::new(&repo("tests/browser/probe.js")));
    let html = read(report).replace(
        "</body>",
        &format!("<script>{axe}</script><script>{probe}</script></body>"),
    );
    let probed = dir.join("probed.html");
    std::fs::write(&probed, html).unwrap();
    let dom = headless(
        &dir.join("profile-dom"),
        &[
            "--virtual-time-budget=60000",
            "--dump-dom",
            &format!("file://{}", probed.display()),
        ],
    );
    let start = dom.rfind("<pre id=\"probe-result\">").unwrap_or_else(|| {
        panic!(
            "the probe did not run; the DOM ends: {}",
            &dom[dom.len().saturating_sub(500)..]
        )
    }) + "<pre id=\"probe-result\">".len();
    let end = start + dom[start..].find("</pre>").unwrap();
    let json = unescape(&dom[start..end]);
    serde_json::from_str(&json)
        .unwrap_or_else(|e| panic!("the probe's JSON: {e}: {}", &json[..json.len().min(300)]))
}

#[test]
fn the_report_in_a_real_browser_has_its_sections_figures_and_no_serious_wcag_violation() {
    let dir = scratch("report-browser");
    let report = example_report(&dir);
    let p = probe(&report, &dir);
    assert_eq!(p["lang"], "nb");
    assert_eq!(p["title"], "Porteføljerapport: Fjordvik kommune");
    assert_eq!(p["links_out"], Value::Array(Vec::new()));
    assert_eq!(
        p["sections"],
        serde_json::json!(["nokkeltall", "utvikling", "matrise", "funn", "avvik"])
    );
    // Headings in order: one h1, and no level skipped on the way down.
    let levels: Vec<u64> = p["headings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h[0].as_u64().unwrap())
        .collect();
    assert_eq!(levels[0], 1);
    assert_eq!(levels.iter().filter(|l| **l == 1).count(), 1);
    for pair in levels.windows(2) {
        assert!(
            pair[1] <= pair[0] + 1,
            "a heading level is skipped: {levels:?}"
        );
    }
    // The key figures, as the reader sees them (counted independently in tests/report.rs).
    let cards: Vec<&str> = p["cards"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    assert!(
        cards.contains(&"33 systemer i bruk (av 36 i oversikten)"),
        "{cards:?}"
    );
    assert!(
        cards.contains(&"69,7 % i sky (23 av 33 systemer i bruk)"),
        "{cards:?}"
    );
    assert!(
        cards
            .contains(&"+8 / −4 nye systemer mot utfasinger i åpne prosjekter: porteføljen vokser"),
        "{cards:?}"
    );
    assert!(
        cards.contains(&"2 avvik som er utløpt eller utløper snart"),
        "{cards:?}"
    );
    // Every chart is drawn, titled and described.
    let charts = p["charts"].as_array().unwrap();
    assert!(charts.len() >= 6);
    for chart in charts {
        assert!(
            chart["title"].as_str().is_some_and(|t| !t.is_empty()),
            "{chart}"
        );
        assert!(
            chart["desc"].as_str().is_some_and(|d| !d.is_empty()),
            "{chart}"
        );
        assert!(chart["width"].as_f64().unwrap() > 100.0, "{chart}");
    }
    assert_eq!(p["tables_without_header"], 0);
    // 36 systems, 9 judged projects and the portfolio, against 21 principles.
    assert_eq!(p["matrix_rows"], 46);
    let m = &p["matrix"];
    let cells: u64 = ["ok", "brudd", "avvik", "ir"]
        .iter()
        .map(|c| m[c].as_u64().unwrap())
        .sum();
    assert_eq!(cells, 46 * 21);
    assert_eq!(m["avvik"], 2);
    // One row per finding: 63 in the example at this date; 5 register entries.
    assert_eq!(p["finding_rows"], 63);
    assert_eq!(p["deviation_rows"], 5);
    let serious: Vec<&Value> = p["axe"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| matches!(v["impact"].as_str(), Some("serious" | "critical")))
        .collect();
    assert!(
        serious.is_empty(),
        "axe-core finds serious WCAG violations: {serious:#?}"
    );
    assert!(p["axe_passes"].as_u64().unwrap() > 10, "axe-core ran: {p}");
}

#[test]
fn the_screenshot_of_the_report_is_not_blank() {
    let dir = scratch("report-screenshot");
    let report = example_report(&dir);
    let shot = dir.join("rapport.png");
    headless(
        &dir.join("profile-shot"),
        &[
            "--window-size=1280,1600",
            &format!("--screenshot={}", shot.display()),
            &format!("file://{}", report.display()),
        ],
    );
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&shot).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut buffer = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buffer).unwrap();
    assert_eq!((info.width, info.height), (1280, 1600));
    let channels = info.color_type.samples();
    let pixels = &buffer[..info.buffer_size()];
    let mut colours = std::collections::HashSet::new();
    let mut inked = 0usize;
    for px in pixels.chunks(channels) {
        colours.insert(px[..3].to_vec());
        if px[..3].iter().any(|c| *c < 200) {
            inked += 1;
        }
    }
    let total = (info.width * info.height) as usize;
    // Text, bars and borders: a blank or broken page has a colour or two and no ink.
    assert!(colours.len() > 50, "{} colours", colours.len());
    assert!(
        inked * 100 > total,
        "only {inked} of {total} pixels are drawn"
    );
    // The report's blue bars are there.
    assert!(colours.contains(&vec![0x1f, 0x5f, 0xa8]), "no bar drawn");
    if std::env::var_os("PRINSIPP_UPDATE_SCREENSHOT").is_some() {
        std::fs::copy(&shot, repo("docs/rapport.png")).unwrap();
    }
}

#[test]
fn printed_to_pdf_the_report_is_a4_pages() {
    let dir = scratch("report-pdf");
    let report = example_report(&dir);
    let pdf = dir.join("rapport.pdf");
    headless(
        &dir.join("profile-pdf"),
        &[
            "--no-pdf-header-footer",
            &format!("--print-to-pdf={}", pdf.display()),
            &format!("file://{}", report.display()),
        ],
    );
    let bytes = std::fs::read(&pdf).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    let boxes: Vec<&str> = text
        .match_indices("/MediaBox [")
        .map(|(i, _)| &text[i..i + 40])
        .collect();
    // The page boxes are A4: 210 × 297 mm is 595.3 × 841.9 points (Chromium rounds to
    // its own unit, 594.96 × 841.92).
    assert!(!boxes.is_empty());
    for b in &boxes {
        let numbers: Vec<f64> = b["/MediaBox [".len()..]
            .split(']')
            .next()
            .unwrap()
            .split_whitespace()
            .map(|n| n.parse().unwrap())
            .collect();
        assert!(
            (numbers[2] - 595.3).abs() < 1.0 && (numbers[3] - 841.9).abs() < 1.0,
            "{b}"
        );
    }
    // The CSS starts each of the five sections on a new page.
    assert!(boxes.len() >= 5, "{} pages", boxes.len());
}
