//! The one-way flow, kept by a test: load → model → rules → findings → figures → report,
//! with the outside world only in app, load, input, files, init, import and history. Each
//! layer's files are read for the modules they name (`crate::x`), and a name across the
//! flow's direction fails the test with the file that wrote it.

use std::path::{Path, PathBuf};

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for entry in entries {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// The modules `crate::NAME` that a file names, also inside `crate::{a, b::c}`.
fn named(text: &str) -> Vec<String> {
    let ident = |s: &str| -> String {
        s.trim_start()
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    };
    let mut out: Vec<String> = Vec::new();
    for (i, _) in text.match_indices("crate::") {
        let rest = &text[i + "crate::".len()..];
        let names = match rest.strip_prefix('{') {
            Some(group) => {
                let mut depth = 0;
                let end = group
                    .char_indices()
                    .find(|(_, c)| {
                        match c {
                            '{' => depth += 1,
                            '}' if depth == 0 => return true,
                            '}' => depth -= 1,
                            _ => {}
                        }
                        false
                    })
                    .map_or(group.len(), |(i, _)| i);
                // Top-level items only: split on commas outside inner braces.
                let (mut items, mut depth, mut start) = (Vec::new(), 0, 0);
                for (i, c) in group[..end].char_indices() {
                    match c {
                        '{' => depth += 1,
                        '}' => depth -= 1,
                        ',' if depth == 0 => {
                            items.push(ident(&group[start..i]));
                            start = i + 1;
                        }
                        _ => {}
                    }
                }
                items.push(ident(&group[start..end]));
                items
            }
            None => vec![ident(rest)],
        };
        for name in names.into_iter().filter(|n| !n.is_empty()) {
            if !out.contains(&name) {
                out.push(name);
            }
        }
    }
    out
}

#[test]
fn names_are_found_in_paths_and_groups() {
    assert_eq!(
        named(
            "use crate::model::X;\nuse crate::{load::{a, b}, text::Text};\nlet x = crate::rules::check();"
        ),
        ["model", "load", "text", "rules"]
    );
}

/// Every file under src/LAYER (or the file src/LAYER.rs) that names one of `forbidden`.
fn breaches(layer: &str, forbidden: &[&str]) -> Vec<String> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut list = files(&src.join(layer));
    let single = src.join(format!("{layer}.rs"));
    if single.is_file() {
        list.push(single);
    }
    assert!(!list.is_empty(), "no src/{layer}");
    let mut out = Vec::new();
    for file in list {
        let text = std::fs::read_to_string(&file).unwrap();
        for name in named(&text) {
            if forbidden.contains(&name.as_str()) {
                out.push(format!("{} names crate::{name}", file.display()));
            }
        }
    }
    out
}

/// The modules that touch the outside world (files, processes, the terminal).
const OUTSIDE: &[&str] = &["app", "load", "input", "files", "init", "import", "history"];

#[test]
fn the_model_knows_nothing_but_itself() {
    let mut forbidden = OUTSIDE.to_vec();
    forbidden.extend([
        "rules", "report", "figures", "settings", "config", "katalog", "finding", "baseline",
    ]);
    assert_eq!(breaches("model", &forbidden), Vec::<String>::new());
}

#[test]
fn rules_do_no_io_and_know_no_output() {
    let mut forbidden = OUTSIDE.to_vec();
    forbidden.extend(["report", "figures", "baseline", "config"]);
    assert_eq!(breaches("rules", &forbidden), Vec::<String>::new());
}

#[test]
fn figures_and_output_know_no_yaml_and_do_no_io() {
    let mut forbidden = OUTSIDE.to_vec();
    forbidden.push("config");
    assert_eq!(breaches("figures", &forbidden), Vec::<String>::new());
    assert_eq!(breaches("report", &forbidden), Vec::<String>::new());
}

#[test]
fn the_loader_knows_no_rule_and_no_output() {
    let forbidden = [
        "rules", "report", "figures", "app", "baseline", "import", "history",
    ];
    assert_eq!(breaches("load", &forbidden), Vec::<String>::new());
}

#[test]
fn settings_and_the_format_reach_no_loader() {
    // Own rules are read against the format's shape (src/format.rs), which the loader and
    // the JSON Schema use too: the settings, and so the rules that use them, reach no
    // loader code.
    let mut forbidden = OUTSIDE.to_vec();
    forbidden.extend(["report", "figures", "rules"]);
    assert_eq!(breaches("settings", &forbidden), Vec::<String>::new());
    assert_eq!(breaches("format", &forbidden), Vec::<String>::new());
}
