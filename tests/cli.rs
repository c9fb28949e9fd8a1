//! The binary as a user runs it: exit codes, the table, JSON, `rules` and `explain`.

mod common;
use common::{KOMMUNE, kommune, only, prinsipp, repo, scratch};

#[test]
fn the_table_lists_findings_sorted_by_place_with_a_summary() {
    let run = prinsipp(&[
        "check",
        &repo("tests/rules/INNUT-03/fails"),
        "--config",
        &only(&["INNUT-03"]),
        "--dato",
        "2026-06-01",
    ]);
    assert_eq!(run.code, 1);
    // Places are shown from the root of the repository the folder is in.
    let expected = [
        " Alvorlighet | Regel    | Gjelder             | Funn                                                       | Sted",
        "-------------+----------+---------------------+------------------------------------------------------------+------------------------------------------------------------",
        " feil        | INNUT-03 | prosjekt ny-booking | Utfasingen av gammel-booking mangler arkivplan             | tests/rules/INNUT-03/fails/prosjekter/ny-booking.yaml:11:7",
        " feil        | INNUT-03 | prosjekt ny-sak     | Utfasingen av websak mangler dato                          | tests/rules/INNUT-03/fails/prosjekter/ny-sak.yaml:14:7",
        " feil        | INNUT-03 | prosjekt ny-sak     | Utfasingen av gammel-kart mangler arkivplan                | tests/rules/INNUT-03/fails/prosjekter/ny-sak.yaml:16:7",
        "3 feil, 0 advarsler — 4 systemer, 2 prosjekter kontrollert",
        "",
    ]
    .join("\n");
    assert_eq!(run.stdout, expected);
    assert_eq!(run.stderr, "");
}

#[test]
fn the_table_in_english_and_quiet() {
    let run = prinsipp(&[
        "check",
        &repo("tests/rules/INNUT-03/fails"),
        "--config",
        &only(&["INNUT-03"]),
        "--dato",
        "2026-06-01",
        "--lang",
        "en",
        "--quiet",
    ]);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout.starts_with(" Severity | Rule     | Subject"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains(
            " error    | INNUT-03 | prosjekt ny-sak     | The phase-out of websak lacks dato"
        ),
        "{}",
        run.stdout
    );
    assert!(
        !run.stdout.contains("checked"),
        "quiet leaves out the summary: {}",
        run.stdout
    );
}

#[test]
fn the_table_fits_a_narrow_terminal() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_prinsipp"))
        .args([
            "check",
            &repo("tests/rules/INNUT-03/fails"),
            "--rot",
            &repo("tests/rules/INNUT-03/fails"),
            "--config",
            &only(&["INNUT-03"]),
            "--dato",
            "2026-06-01",
        ])
        .env("COLUMNS", "80")
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    for line in stdout.lines() {
        assert!(line.chars().count() <= 80, "line wider than 80: {line:?}");
    }
    assert!(stdout.contains("→ prosjekter/ny-sak.yaml:14:7"), "{stdout}");
}

#[test]
fn no_findings_says_so_in_one_line_and_exits_0() {
    let run = prinsipp(&[
        "check",
        &repo("tests/rules/INNUT-03/passes"),
        "--config",
        &only(&["INNUT-03"]),
        "--dato",
        "2026-06-01",
    ]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert_eq!(run.stdout.lines().count(), 1);
    assert!(run.stdout.starts_with("Ingen funn — "), "{}", run.stdout);
}

#[test]
fn fail_on_decides_the_exit_code() {
    // GEV-03 is a warning only.
    let folder = repo("tests/rules/GEV-03/fails");
    let config = only(&["GEV-03"]);
    let at = |level: &str| {
        prinsipp(&[
            "check",
            &folder,
            "--config",
            &config,
            "--dato",
            "2026-06-01",
            "--fail-on",
            level,
        ])
        .code
    };
    assert_eq!(at("feil"), 0);
    assert_eq!(at("advarsel"), 1);
    assert_eq!(at("info"), 1);
    assert_eq!(at("never"), 0);
    let errors = repo("tests/rules/INNUT-03/fails");
    let config = only(&["INNUT-03"]);
    assert_eq!(
        prinsipp(&[
            "check",
            &errors,
            "--config",
            &config,
            "--dato",
            "2026-06-01",
            "--fail-on",
            "never"
        ])
        .code,
        0
    );
}

#[test]
fn an_approved_avvik_keeps_the_finding_visible_but_not_failing() {
    let folder = repo("tests/rules/AVV-03/passes");
    let config = only(&["AVV", "GEV-04"]);
    let args = |extra: &[&'static str]| {
        let mut a = vec![
            "check",
            &folder,
            "--config",
            &config,
            "--dato",
            "2026-06-01",
            "--fail-on",
            "advarsel",
        ];
        a.extend_from_slice(extra);
        prinsipp(&a)
    };
    // Both GEV-04 warnings are covered: with --fail-on advarsel they would fail the run if open.
    let run = args(&["--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    let findings: serde_json::Value =
        serde_json::from_str::<serde_json::Value>(&run.stdout).unwrap()["findings"].clone();
    let covered: Vec<(&str, &str, &str)> = findings
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["status"] == "avvik")
        .map(|f| {
            (
                f["code"].as_str().unwrap(),
                f["avvik_ref"].as_str().unwrap(),
                f["avvik_gyldig_til"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        covered,
        [
            ("GEV-04", "26/0042", "2027-06-01"),
            ("GEV-04", "26/0042", "2026-07-02")
        ],
        "{}",
        run.stdout
    );
    let table = args(&[]);
    assert!(
        table
            .stdout
            .contains("(godkjent avvik 26/0042 til 2026-07-02)"),
        "{}",
        table.stdout
    );
    assert!(
        table.stdout.contains("2 godkjente avvik"),
        "{}",
        table.stdout
    );
    // Without the register the same findings fail the run.
    let bare = common::scratch("no-register");
    for entry in ["kommune.yaml", "systemer", "prosjekter"] {
        let from = std::path::Path::new(&folder).join(entry);
        let to = bare.join(entry);
        if from.is_dir() {
            std::fs::create_dir_all(&to).unwrap();
            for f in std::fs::read_dir(&from).unwrap().flatten() {
                std::fs::copy(f.path(), to.join(f.file_name())).unwrap();
            }
        } else {
            std::fs::copy(&from, &to).unwrap();
        }
    }
    let open = prinsipp(&[
        "check",
        bare.to_str().unwrap(),
        "--config",
        &config,
        "--dato",
        "2026-06-01",
        "--fail-on",
        "advarsel",
    ]);
    assert_eq!(open.code, 1, "{}", open.stdout);
}

#[test]
fn json_has_every_field_of_every_finding() {
    let run = prinsipp(&[
        "check",
        &repo("tests/rules/SKY-01/fails"),
        "--config",
        &only(&["SKY-01"]),
        "--dato",
        "2026-06-01",
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 1);
    let findings: serde_json::Value =
        serde_json::from_str::<serde_json::Value>(&run.stdout).unwrap()["findings"].clone();
    let list = findings.as_array().unwrap();
    assert_eq!(list.len(), 7);
    let keys = [
        "fingerprint",
        "code",
        "severity",
        "subject_kind",
        "subject_id",
        "system",
        "message",
        "file",
        "line",
        "column",
        "path",
        "status",
        "avvik_ref",
        "avvik_gyldig_til",
        "strategi_avsnitt",
        "merknad",
        "kommune",
        "kommunenummer",
        "felles_for",
    ];
    assert_eq!(list[0].as_object().unwrap().len(), keys.len());
    // Keys stand in this fixed order in the text.
    let start = run.stdout.find("\"findings\": [").unwrap();
    let first_object = &run.stdout[start..start + run.stdout[start..].find('}').unwrap()];
    let positions: Vec<usize> = keys
        .iter()
        .map(|k| first_object.find(&format!("\"{k}\":")).unwrap())
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{first_object}");
    let standalone = list.iter().find(|f| f["subject_kind"] == "system").unwrap();
    assert_eq!(standalone["code"], "SKY-01");
    assert_eq!(standalone["subject_id"], "lokal-adgang");
    assert_eq!(
        standalone["file"],
        "tests/rules/SKY-01/fails/systemer/systemer.yaml"
    );
    assert_eq!(standalone["line"], 28);
    assert!(
        list.iter()
            .all(|f| f["path"].as_str().unwrap().starts_with('/'))
    );
}

#[test]
fn same_input_gives_the_same_bytes() {
    let folder = repo("examples/eksempel-kommune");
    for format in [
        "table", "json", "sarif", "junit", "github", "gitlab", "markdown",
    ] {
        let a = prinsipp(&["check", &folder, "--dato", "2026-06-01", "--format", format]);
        let b = prinsipp(&["check", &folder, "--dato", "2026-06-01", "--format", format]);
        assert_eq!(a.stdout, b.stdout);
    }
}

#[test]
fn the_shipped_examples_behave_as_the_readme_says() {
    let run = prinsipp(&[
        "check",
        &repo("examples/eksempel-kommune"),
        "--dato",
        "2026-06-01",
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let findings: serde_json::Value =
        serde_json::from_str::<serde_json::Value>(&run.stdout).unwrap()["findings"].clone();
    let codes: std::collections::BTreeSet<&str> = findings
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    let all: Vec<String> = prinsipp::katalog::Katalog::builtin()
        .rules()
        .map(|r| r.code.clone())
        .collect();
    let missing: Vec<&String> = all.iter().filter(|c| !codes.contains(c.as_str())).collect();
    assert!(
        missing.is_empty(),
        "eksempel-kommune triggers no {missing:?}"
    );
    assert!(
        findings
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["status"] == "avvik")
    );

    let clean = prinsipp(&[
        "check",
        &repo("examples/ryddig-kommune"),
        "--dato",
        "2026-06-01",
    ]);
    assert_eq!(clean.code, 0, "{}{}", clean.stdout, clean.stderr);
    assert!(
        clean.stdout.starts_with("Ingen funn — "),
        "{}",
        clean.stdout
    );
}

#[test]
fn rules_lists_every_code_in_both_languages_and_as_json() {
    let run = prinsipp(&["rules"]);
    assert_eq!(run.code, 0);
    for rule in prinsipp::katalog::Katalog::builtin().rules() {
        assert!(
            run.stdout.contains(&format!(" {} ", rule.code)),
            "{} missing",
            rule.code
        );
        assert!(run.stdout.contains(rule.title.nb.as_str()));
    }
    let en = prinsipp(&["rules", "--lang", "en"]);
    assert!(en.stdout.contains("Severity"));
    let json = prinsipp(&["rules", "--format", "json"]);
    let list: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 55);
    let sky03 = list
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["code"] == "SKY-03")
        .unwrap();
    assert_eq!(sky03["params"][1]["name"], "varsel_maaneder");
    assert_eq!(sky03["params"][1]["default"], 12);
}

#[test]
fn explain_tells_the_whole_story_of_a_rule() {
    let run = prinsipp(&["explain", "sky-03"]);
    assert_eq!(run.code, 0);
    for part in [
        "SKY-03 — ",
        "Prinsipp: Sky er førstevalget",
        "Hva som sjekkes:",
        "Slik følger du regelen:",
        "Eksempel:",
        "varsel_maaneder = 12",
        "Kilder:",
        "AH §4.1",
    ] {
        assert!(
            run.stdout.contains(part),
            "missing {part:?} in\n{}",
            run.stdout
        );
    }
    let en = prinsipp(&["explain", "GEV-01", "--lang", "en"]);
    assert!(en.stdout.contains("What is checked:"), "{}", en.stdout);
    assert!(en.stdout.contains("How to comply:"));
}

#[test]
fn explain_of_an_unknown_code_suggests_the_nearest() {
    let run = prinsipp(&["explain", "SKY-10"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("feil: Ukjent regel «SKY-10». Mente du SKY-01?"),
        "{}",
        run.stderr
    );
}

#[test]
fn bad_flags_exit_2() {
    assert_eq!(prinsipp(&["check", "--dato", "2026-13-01"]).code, 2);
    assert_eq!(prinsipp(&["check", "--fail-on", "alt"]).code, 2);
    assert_eq!(prinsipp(&["sjekk"]).code, 2);
    let help = prinsipp(&["check", "--help"]);
    assert_eq!(help.code, 0);
    assert!(help.stdout.contains("Exit codes:"));
}

#[test]
fn systemer_and_prosjekter_flags_override_the_layout() {
    let dir = kommune("override", &[
        ("kommune.yaml", KOMMUNE),
        ("annet/systemer.yaml", b"systemer:\n  - id: websak\n    navn: WebSak\n    livslop: aktiv\n"),
        ("forslag/p.yaml", b"prosjekt:\n  id: p\n  navn: P\n  fase: konsept\n  prosjekteier: Kari\n  utfaser:\n    - system: websak\n      dato: 2027-01-01\n      arkivplan: Deponeres hos IKA\n"),
    ]);
    let d = dir.to_str().unwrap();
    let config = only(&["GEV-01", "INNUT-02"]);
    let run = prinsipp(&[
        "check",
        d,
        "--config",
        &config,
        "--dato",
        "2026-06-01",
        "--systemer",
        &format!("{d}/annet/systemer.yaml"),
        "--prosjekter",
        &format!("{d}/forslag"),
        "--format",
        "json",
    ]);
    let findings: serde_json::Value =
        serde_json::from_str::<serde_json::Value>(&run.stdout).unwrap()["findings"].clone();
    let codes: Vec<&str> = findings
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    // The project was read (GEV-01 in konsept) and websak was found (no INNUT-02).
    assert_eq!(codes, ["GEV-01"], "{}", run.stdout);
}

#[test]
fn the_example_kommune_gives_exactly_its_documented_findings() {
    // Shown from the kommune folder (`--rot`), as the list names them.
    let run = prinsipp(&[
        "check",
        &repo("examples/eksempel-kommune"),
        "--rot",
        &repo("examples/eksempel-kommune"),
        "--dato",
        "2026-06-01",
        "--format",
        "json",
    ]);
    let findings: serde_json::Value =
        serde_json::from_str::<serde_json::Value>(&run.stdout).unwrap()["findings"].clone();
    let got: Vec<String> = findings
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let id = f["subject_id"].as_str().unwrap_or("-");
            format!(
                "{} {} {} {} {id} {}:{}",
                f["code"].as_str().unwrap(),
                f["severity"].as_str().unwrap(),
                f["status"].as_str().unwrap(),
                f["subject_kind"].as_str().unwrap(),
                f["file"].as_str().unwrap(),
                f["line"]
            )
        })
        .collect();
    let expected = std::fs::read_to_string(repo("tests/expected/eksempel-kommune.txt")).unwrap();
    let want: Vec<&str> = expected
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .collect();
    assert_eq!(got, want);
}

/// The completions, sourced in a real bash, complete subcommands and flag values.
#[test]
fn bash_completions_complete_commands_and_values() {
    let complete = |words: &str, cword: usize| {
        let script = format!(
            "source <(\"$PRINSIPP\" completions bash); COMP_WORDS=({words}); COMP_CWORD={cword}; _prinsipp prinsipp \"${{COMP_WORDS[$COMP_CWORD]}}\" \"${{COMP_WORDS[$COMP_CWORD-1]}}\"; echo \"${{COMPREPLY[@]}}\""
        );
        let out = std::process::Command::new("bash")
            .args(["-c", &script])
            .env("PRINSIPP", env!("CARGO_BIN_EXE_prinsipp"))
            .output()
            .expect("bash runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    };
    assert_eq!(complete("prinsipp ch", 1), "check");
    assert_eq!(
        complete("prinsipp check --fail-on ''", 3),
        "feil advarsel info never"
    );
    for shell in ["zsh", "fish", "elvish", "powershell"] {
        let run = prinsipp(&["completions", shell]);
        assert_eq!(run.code, 0, "{shell}");
        assert!(run.stdout.contains("check"), "{shell}");
    }
}

/// The manual page reads in man-db's `man`, with every subcommand in it.
#[test]
fn the_man_page_reads_in_man() {
    let run = prinsipp(&["man"]);
    assert_eq!(run.code, 0);
    assert!(run.stdout.starts_with(".ie"), "{}", &run.stdout[..40]);
    let page = scratch("man").join("prinsipp.1");
    std::fs::write(&page, &run.stdout).unwrap();
    let out = std::process::Command::new("man")
        .arg("-l")
        .arg(&page)
        .env("MANWIDTH", "100")
        .env("MANPAGER", "cat")
        .env("PAGER", "cat")
        .output()
        .expect("man-db's man is installed (.ci/run installs it)");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(text.contains("NAME"), "{text}");
    for command in [
        "check",
        "report",
        "rules",
        "explain",
        "schema",
        "init",
        "import",
        "completions",
    ] {
        assert!(text.contains(command), "{command} in\n{text}");
    }
}

/// `--quiet` on a clean run prints nothing at all, for one kommune and for several.
#[test]
fn quiet_is_silent_on_a_clean_run() {
    let one = prinsipp(&[
        "check",
        &repo("examples/ryddig-kommune"),
        "--dato",
        "2026-06-01",
        "--quiet",
    ]);
    assert_eq!(one.code, 0, "{}", one.stderr);
    assert_eq!((one.stdout.as_str(), one.stderr.as_str()), ("", ""));
    let several = prinsipp(&[
        "check",
        &repo("examples/ryddig-kommune"),
        &repo("examples/ryddig-kommune"),
        "--dato",
        "2026-06-01",
        "--quiet",
    ]);
    // The same folder twice is one kommunenummer twice: an error, but no table.
    assert_eq!(several.code, 2);
    assert_eq!(several.stdout, "");
}

/// Colours are decided per stream: a terminal on stdout and a file on stderr give a
/// coloured table and a plain error log; CLICOLOR_FORCE and FORCE_COLOR force them, and
/// `--color never` wins over both.
#[test]
fn colour_is_decided_for_each_stream() {
    let dir = kommune(
        "colour",
        &[
            ("kommune.yaml", KOMMUNE),
            ("systemer/tom.yaml", b""),
            ("systemer.yaml", b"systemer:\n  - id: a\n    navn: A\n"),
        ],
    );
    let err_log = scratch("colour-err").join("err.log");
    let command = format!(
        "{} check {} --dato 2026-06-01 --config {} 2>{}",
        env!("CARGO_BIN_EXE_prinsipp"),
        dir.display(),
        only(&["INV-01"]),
        err_log.display()
    );
    let typescript = scratch("colour-tty").join("typescript");
    let status = std::process::Command::new("script")
        .args(["-qec", &command])
        .arg(&typescript)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("FORCE_COLOR")
        .status()
        .expect("script (util-linux) runs");
    assert!(status.success());
    let screen = std::fs::read_to_string(&typescript).unwrap();
    assert!(
        screen.contains("\u{1b}["),
        "the terminal gets colours: {screen}"
    );
    let log = std::fs::read_to_string(&err_log).unwrap();
    assert!(
        log.contains("advarsel: systemer/tom.yaml: Fila er tom"),
        "{log}"
    );
    assert!(!log.contains('\u{1b}'), "the log gets none: {log:?}");

    let piped = |envs: &[(&str, &str)], extra: &[&str]| {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_prinsipp"));
        command
            .args(["check", dir.to_str().unwrap(), "--dato", "2026-06-01"])
            .args(["--config", &only(&["INV-01"])])
            .args(extra)
            .env_remove("NO_COLOR")
            .env_remove("CLICOLOR_FORCE")
            .env_remove("FORCE_COLOR");
        for (k, v) in envs {
            command.env(k, v);
        }
        let out = command.output().unwrap();
        let all = [out.stdout, out.stderr].concat();
        String::from_utf8_lossy(&all).contains('\u{1b}')
    };
    assert!(!piped(&[], &[]), "a pipe gets no colours");
    assert!(piped(&[("CLICOLOR_FORCE", "1")], &[]));
    assert!(piped(&[("FORCE_COLOR", "1"), ("NO_COLOR", "1")], &[]));
    assert!(!piped(&[("FORCE_COLOR", "0")], &[]));
    assert!(!piped(&[("NO_COLOR", "1")], &[]));
    assert!(!piped(&[("FORCE_COLOR", "1")], &["--color", "never"]));
}
