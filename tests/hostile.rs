//! Hostile input: one case per class of attack on a CI run over a pull request anyone can
//! open (memory, time, symbolic links, special files, output targets, escaping,
//! fingerprints). Each runs the binary under rlimits and asserts the exit code, the
//! diagnostic and what the run cost: no input under 1 MB may use more than 256 MB of
//! memory or 5 s of CPU (`common::assert_cheap`).

#![cfg(unix)]

mod common;
use common::{KOMMUNE, assert_cheap, kommune, prinsipp_bounded, scratch};
use std::os::unix::fs::{FileTypeExt, symlink};
use std::path::Path;

fn check(dir: &Path, extra: &[&str]) -> (common::Run, common::Cost) {
    let mut args = vec!["check", dir.to_str().unwrap(), "--dato", "2026-06-01"];
    args.extend_from_slice(extra);
    prinsipp_bounded(&args, dir)
}

/// Runs `check` as [`check`] does and asserts that the run was cheap.
fn check_cheap(dir: &Path, extra: &[&str], what: &str) -> common::Run {
    let (run, cost) = check(dir, extra);
    assert_cheap(&cost, what);
    run
}

/// A kommune folder with one systems file.
fn with_systems(name: &str, systems: &str) -> std::path::PathBuf {
    kommune(
        name,
        &[
            ("kommune.yaml", KOMMUNE),
            ("systemer/a.yaml", systems.as_bytes()),
        ],
    )
}

fn mkfifo(path: &Path) {
    let c = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0, "mkfifo");
}

/// A file outside the kommune folder that a link could make prinsipp read and repeat.
const SECRET: &str = "HEMMELIG_TOKEN_7f3a";

fn secret_file() -> std::path::PathBuf {
    let dir = scratch("secret");
    let path = dir.join("secret.yaml");
    std::fs::write(&path, format!("{SECRET}: x\nkommune:\n  {SECRET}_2: y\n")).unwrap();
    path
}

fn assert_not_leaked(run: &common::Run) {
    assert!(
        !run.stdout.contains(SECRET) && !run.stderr.contains(SECRET),
        "the linked file was read: {}{}",
        run.stdout,
        run.stderr
    );
}

// ---- memory and time ----

#[test]
fn a_forty_thousand_character_reference_costs_nothing() {
    // Before: «did you mean» built a 40,000 × n matrix per candidate (7.7 GB, abort).
    let long = "a".repeat(40_000);
    let avvik = format!(
        "avvik:\n  - regel: SKY-01\n    gjelder: {long}\n    begrunnelse: x\n    vedtatt_av: y\n    dato: 2026-01-01\n"
    );
    let dir = kommune(
        "long-reference",
        &[
            ("kommune.yaml", KOMMUNE),
            ("avvik.yaml", avvik.as_bytes()),
            ("systemer/a.yaml", b"systemer:\n  - id: a\n    navn: A\n"),
        ],
    );
    let run = check_cheap(&dir, &[], "40,000-character reference");
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "feil: avvik.yaml:3:5: `gjelder` er for lang (40000 tegn): den skal nevne en id, og en id har høyst 100 tegn"
        ),
        "{}",
        run.stderr
    );
    assert!(run.stderr.len() < 1_000, "{}", run.stderr);
}

#[test]
fn a_reference_with_hidden_characters_is_refused() {
    // A separator or an override in `gjelder` could make two subjects one fingerprint, or
    // one name read as another.
    let avvik = "avvik:\n  - regel: SKY-01\n    gjelder: \"a\\x1fb\\u202e\"\n    begrunnelse: x\n    vedtatt_av: y\n    dato: 2026-01-01\n";
    let dir = kommune(
        "hidden-reference",
        &[("kommune.yaml", KOMMUNE), ("avvik.yaml", avvik.as_bytes())],
    );
    let run = check_cheap(&dir, &[], "hidden characters in a reference");
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "feil: avvik.yaml:3:5: `gjelder` har kontroll- eller retningstegn: den skal nevne en id"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn a_forty_thousand_character_key_is_cut_and_gets_no_suggestion() {
    // An explicit key (`? key`): a plain key is at most 1,024 characters in YAML.
    let system = format!(
        "systemer:\n  - id: a\n    navn: A\n    ? {}\n    : x\n",
        "a".repeat(40_000)
    );
    let dir = with_systems("long-key", &system);
    let run = check_cheap(&dir, &[], "40,000-character key");
    assert_eq!(run.code, 2, "{}", run.stderr);
    let cut = format!(
        "feil: systemer/a.yaml:4:7: Ukjent felt `{}…` i system",
        "a".repeat(80)
    );
    assert!(run.stderr.contains(&cut), "{}", run.stderr);
    assert!(!run.stderr.contains("Mente du"), "{}", run.stderr);
    assert!(run.stderr.len() < 1_000, "{}", run.stderr);
}

#[test]
fn thousands_of_unknown_targets_among_thousands_of_systems_are_cheap() {
    // 4,000 systems, each integrated with a misspelt target: 4,000 suggestions among
    // 4,000 ids (before: 244 s for this size).
    let mut systems = String::from("systemer:\n");
    for i in 0..4_000 {
        let target = (i * 7_919) % 4_000;
        systems.push_str(&format!(
            "  - id: system-{i:05}\n    navn: S\n    integrasjoner:\n      - mot: systen-{target:05}\n"
        ));
    }
    assert!(systems.len() < 1_000_000);
    let dir = with_systems("many-targets", &systems);
    let run = check_cheap(
        &dir,
        &["--format", "json", "--fail-on", "never"],
        "4,000 unknown targets",
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains(
            "«systen-00000» er ikke et system eller en felleskomponent; mente du «system-00000»?"
        ),
        "the suggestion is still made"
    );
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let fk03 = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "FK-03")
        .count();
    assert_eq!(fk03, 4_000);
}

/// Ids made so that every three-letter prefix exists and the misspelt targets are long:
/// the index cannot cut much away, so its work budget is what bounds the run (before the
/// budget: 5.6 s of CPU for 1,000 of them, 49 s for 4,096 unknown capabilities).
#[test]
fn names_built_to_defeat_the_index_are_cheap() {
    let letters: Vec<char> = "abcdefghij".chars().collect();
    let mut systems = String::from("systemer:\n");
    let mut n = 0;
    for a in &letters {
        for b in &letters {
            for c in &letters {
                let target = format!("{n:048}");
                systems.push_str(&format!(
                    "  - id: {a}{b}{c}{}\n    navn: S\n    integrasjoner: [{{ mot: \"{target}\" }}]\n    kapabiliteter: [\"{target}\"]\n",
                    "z".repeat(45)
                ));
                n += 1;
            }
        }
    }
    assert!(systems.len() < 1_000_000);
    let dir = with_systems("defeat-index", &systems);
    let run = check_cheap(
        &dir,
        &["--format", "json", "--fail-on", "never"],
        "names built to defeat the index",
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let fk03 = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "FK-03")
        .count();
    assert_eq!(fk03, 2_000, "every unknown name is still reported");
}

/// prinsipp.toml is input too: a list of 100,000 codes is refused before anything compares
/// its entries with each other.
#[test]
fn a_long_list_in_the_settings_is_refused() {
    let codes: Vec<String> = (0..100_000).map(|i| format!("\"X{i}\"")).collect();
    let toml = format!("[regler]\nav = [{}]\n", codes.join(", "));
    assert!(toml.len() < 1_000_000);
    let dir = kommune(
        "long-settings",
        &[
            ("kommune.yaml", KOMMUNE),
            ("prinsipp.toml", toml.as_bytes()),
        ],
    );
    let run = check_cheap(&dir, &[], "100,000 codes in prinsipp.toml");
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("For mange koder i `av` (høyst 1000); innstillingene er ikke lest videre"),
        "{}",
        run.stderr
    );
    assert_eq!(
        run.stderr
            .lines()
            .filter(|l| l.starts_with("feil:"))
            .count(),
        1
    );
}

#[test]
fn a_string_alias_bomb_is_refused_at_the_alias() {
    // One 500 KB string, aliased 2,000 times: a 1 MB file that would be 1 GB in memory.
    let mut bomb = format!(
        "felles: &s \"{}\"\nsystemer:\n  - id: a\n    navn: A\n    beskrivelse: [",
        "x".repeat(500_000)
    );
    bomb.push_str(&vec!["*s"; 2_000].join(", "));
    bomb.push_str("]\n");
    assert!(bomb.len() < 1_000_000);
    let dir = with_systems("string-bomb", &bomb);
    let run = check_cheap(&dir, &[], "string alias bomb");
    assert_eq!(run.code, 2, "{}", run.stderr);
    // At the alias that would pass the bound (4 × the file's size, the anchor's own copy
    // included): the fourth.
    assert!(
        run.stderr.contains(
            "feil: systemer/a.yaml:5:31: YAML-aliasene (*navn) ville gjort fila mange ganger større enn den er; fila avvises"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn a_node_alias_bomb_is_refused() {
    let mut bomb = String::from(
        "systemer:\n  - id: a\n    navn: A\n    a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n",
    );
    for i in 1..12 {
        let p = i - 1;
        bomb.push_str(&format!(
            "    a{i}: &a{i} [{}]\n",
            vec![format!("*a{p}"); 10].join(", ")
        ));
    }
    let dir = with_systems("node-bomb", &bomb);
    let run = check_cheap(&dir, &[], "node alias bomb");
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("YAML-aliasene (*navn) ville gjort fila")
    );
}

#[test]
fn two_hundred_thousand_unknown_keys_are_counted_not_described() {
    // 2.6 MB, yet within the bounds for 1 MB: unknown keys past the hundredth cost a count.
    let mut text = String::from("systemer:\n  - id: a\n    navn: A\n");
    for i in 0..200_000 {
        text.push_str(&format!("    k{i}: x\n"));
    }
    let dir = with_systems("many-keys", &text);
    let run = check_cheap(&dir, &[], "200,000 unknown keys");
    assert_eq!(run.code, 2);
    assert_eq!(run.stderr.matches("Ukjent felt").count(), 100);
    assert!(
        run.stderr
            .contains("feil: systemer/a.yaml: … og 199900 feil til i denne fila"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_long_bad_value_is_cut_in_the_diagnostic() {
    let text = format!(
        "systemer:\n  - id: a\n    navn: A\n    drift: {}\n",
        "x".repeat(900_000)
    );
    let dir = with_systems("long-value", &text);
    let run = check_cheap(&dir, &[], "900 KB enum value");
    assert_eq!(run.code, 2);
    let shown = format!("Ugyldig verdi «{}…» for `drift`", "x".repeat(80));
    assert!(
        run.stderr.contains(&shown),
        "{}",
        &run.stderr[..500.min(run.stderr.len())]
    );
    assert!(run.stderr.len() < 2_000);
}

#[test]
fn tags_are_refused_with_one_message() {
    let dir = kommune(
        "tags",
        &[
            ("kommune.yaml", KOMMUNE),
            (
                "systemer/a.yaml",
                b"systemer:\n  - id: a\n    navn: !!binary aGVsbG8=\n",
            ),
            (
                "systemer/b.yaml",
                b"systemer:\n  - id: b\n    navn: !!python/object/apply:os.system [\"ls\"]\n",
            ),
        ],
    );
    let run = check_cheap(&dir, &[], "tags");
    assert_eq!(run.code, 2);
    let errors: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("feil:"))
        .collect();
    assert_eq!(
        errors,
        [
            "feil: systemer/a.yaml:3:11: YAML-taggen `!!binary` er ikke en del av formatet; fila avvises",
            "feil: systemer/b.yaml:3:11: YAML-taggen `!!python/object/apply:os.system` er ikke en del av formatet; fila avvises",
        ],
        "{}",
        run.stderr
    );
}

// ---- symbolic links and special files ----

#[test]
fn no_top_level_file_is_read_through_a_link() {
    let secret = secret_file();
    for name in [
        "kommune.yaml",
        "avvik.yaml",
        "systemer.yaml",
        "prosjekter.yaml",
        "prinsipp.toml",
    ] {
        let dir = kommune(
            "top-link",
            &[
                ("kommune.yaml", KOMMUNE),
                ("systemer/a.yaml", b"id: a\nnavn: A\n"),
            ],
        );
        let _ = std::fs::remove_file(dir.join(name));
        symlink(&secret, dir.join(name)).unwrap();
        let (run, cost) = check(&dir, &[]);
        assert_cheap(&cost, name);
        assert_eq!(run.code, 2, "{name}: {}", run.stderr);
        // Every file of the folder is named from the root, prinsipp.toml too.
        let shown = name;
        assert!(
            run.stderr.contains(&format!(
                "feil: {shown}: Symbolsk lenke; prinsipp følger ikke lenker, så den er ikke lest"
            )),
            "{name}: {}",
            run.stderr
        );
        assert!(
            !run.stderr.contains("Mappa mangler kommune.yaml"),
            "{name}: a link is not a missing file"
        );
        assert_not_leaked(&run);
    }
}

#[test]
fn a_linked_folder_is_refused_not_read() {
    let outside = scratch("outside");
    std::fs::write(outside.join("x.yaml"), format!("{SECRET}: x\n")).unwrap();
    let dir = kommune("folder-link", &[("kommune.yaml", KOMMUNE)]);
    symlink(&outside, dir.join("systemer")).unwrap();
    let run = check_cheap(&dir, &[], "linked folder");
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("feil: systemer: Symbolsk lenke; prinsipp følger ikke lenker"),
        "{}",
        run.stderr
    );
    assert_not_leaked(&run);
    // Nor a folder on the way to a relative path (inside the working directory, where a
    // pull request could have put it): the kommune folder's, or a flag's.
    let work = scratch("link-on-the-way");
    symlink(&outside, work.join("org")).unwrap();
    std::fs::create_dir(work.join("ekte")).unwrap();
    std::fs::write(work.join("ekte/kommune.yaml"), KOMMUNE).unwrap();
    for args in [
        vec!["check", "org/kommune"],
        vec!["check", "ekte", "--config", "org/x.yaml"],
        vec!["check", "ekte", "--systemer", "org/x.yaml"],
    ] {
        let (run, _) = prinsipp_bounded(&args, &work);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert!(
            run.stderr.contains(
                "Mappa org på veien hit er en symbolsk lenke; prinsipp følger ikke lenker, så dette er ikke lest"
            ),
            "{args:?}: {}",
            run.stderr
        );
        assert_not_leaked(&run);
    }
    // The kommune folder itself may not be a link either.
    let link = scratch("kommune-link").join("kommune");
    symlink(&dir, &link).unwrap();
    let (run, _) = check(&link, &[]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("er en symbolsk lenke; prinsipp følger ikke lenker"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_pipe_or_folder_where_a_file_belongs_is_an_error_at_its_path() {
    let dir = kommune(
        "fifo-avvik",
        &[
            ("kommune.yaml", KOMMUNE),
            ("systemer/a.yaml", b"id: a\nnavn: A\n"),
        ],
    );
    mkfifo(&dir.join("avvik.yaml"));
    let run = check_cheap(&dir, &[], "avvik.yaml as a pipe");
    assert_eq!(
        run.code, 2,
        "the register is not silently dropped: {}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("feil: avvik.yaml: Ventet en fil, fant et rør (FIFO); den er ikke lest"),
        "{}",
        run.stderr
    );

    for (name, found) in [
        ("kommune.yaml", "et rør (FIFO)"),
        ("kommune.yaml", "en mappe"),
    ] {
        let dir = kommune(
            "special-kommune",
            &[("systemer/a.yaml", b"id: a\nnavn: A\n")],
        );
        if found == "en mappe" {
            std::fs::create_dir(dir.join(name)).unwrap();
        } else {
            mkfifo(&dir.join(name));
        }
        let (run, cost) = check(&dir, &[]);
        assert_cheap(&cost, name);
        assert_eq!(run.code, 2);
        assert!(
            run.stderr.contains(&format!(
                "feil: {name}: Ventet en fil, fant {found}; den er ikke lest"
            )),
            "{}",
            run.stderr
        );
        assert!(
            !run.stderr.contains("Mappa mangler kommune.yaml"),
            "{}",
            run.stderr
        );
    }
}

#[test]
fn flags_naming_a_pipe_or_a_device_are_refused() {
    let dir = kommune("flag-special", &[("kommune.yaml", KOMMUNE)]);
    let fifo = dir.join("rør");
    mkfifo(&fifo);
    let fifo = fifo.to_str().unwrap();
    for (flag, path, found) in [
        ("--systemer", "/dev/zero", "en enhet"),
        ("--prosjekter", fifo, "et rør (FIFO)"),
        ("--baseline", fifo, "et rør (FIFO)"),
        ("--baseline", "/dev/zero", "en enhet"),
        ("--config", "/dev/zero", "en enhet"),
    ] {
        let (run, cost) = check(&dir, &[flag, path]);
        assert_cheap(&cost, &format!("{flag} {path}"));
        assert_eq!(run.code, 2, "{flag} {path}: {}", run.stderr);
        assert!(
            run.stderr.contains(&format!("Ventet en fil, fant {found}")),
            "{flag} {path}: {}",
            run.stderr
        );
    }
    // A baseline or settings file over the size limit is refused before it is read whole.
    let big = dir.join("stor.json");
    std::fs::write(&big, vec![b' '; 2 * 1024 * 1024]).unwrap();
    let (run, _) = check(
        &dir,
        &["--baseline", big.to_str().unwrap(), "--max-file-size", "1"],
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("Fila er for stor (2.0 MiB; grensen er 1 MiB)"),
        "{}",
        run.stderr
    );
}

// ---- output targets ----

#[test]
fn an_output_never_replaces_a_device_a_pipe_or_an_input() {
    let dir = kommune("outputs", &[("kommune.yaml", KOMMUNE)]);
    // /dev/null is written through and stays a device (as root, it used to be replaced;
    // so this step is left out when the suite runs an older build, see PRINSIPP_BIN).
    if std::env::var_os("PRINSIPP_BIN").is_none() {
        let (run, _) = check(&dir, &["--format", "json=/dev/null"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert!(
            std::fs::metadata("/dev/null")
                .unwrap()
                .file_type()
                .is_char_device(),
            "/dev/null is still a device"
        );
    }
    // A pipe nobody reads is refused; one that is read gets the report.
    let fifo = dir.join("rapport.json");
    mkfifo(&fifo);
    let run = check_cheap(
        &dir,
        &["--format", "json=rapport.json"],
        "a pipe with no reader",
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("Kan ikke skrive rapporten: det er et rør som ingen leser fra"),
        "{}",
        run.stderr
    );
    // The read end is open before the run starts (opened without blocking), and a second
    // writer of ours holds the pipe open until the run is over, so the reading thread
    // waits for prinsipp's report instead of seeing the end at once: no race, no sleep.
    let (reader, holder) = {
        use std::io::Read;
        use std::os::unix::fs::OpenOptionsExt;
        use std::os::unix::io::AsRawFd;
        let mut pipe = std::fs::OpenOptions::new()
            .read(true)
            .custom_flags(libc::O_NONBLOCK)
            .open(&fifo)
            .unwrap();
        let holder = std::fs::OpenOptions::new().write(true).open(&fifo).unwrap();
        // SAFETY: the descriptor is open; clearing O_NONBLOCK makes reads wait again.
        unsafe { libc::fcntl(pipe.as_raw_fd(), libc::F_SETFL, 0) };
        let reader = std::thread::spawn(move || {
            let mut text = String::new();
            // Returns at end of file: when every writer has closed its end.
            pipe.read_to_string(&mut text).unwrap();
            text
        });
        (reader, holder)
    };
    let (run, _) = check(&dir, &["--format", "json=rapport.json"]);
    drop(holder);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(reader.join().unwrap().contains("\"format_version\": 2"));
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
    // An input is refused, and left as it was.
    let (run, _) = check(&dir, &["--format", "json=kommune.yaml"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains(
            "feil: kommune.yaml: Kan ikke skrive rapporten: det er en av filene denne kjøringen leser; prinsipp overskriver ikke inndata"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(std::fs::read(dir.join("kommune.yaml")).unwrap(), KOMMUNE);
    // `-` and /dev/stdout are standard output.
    for stdout in ["json=-", "json=/dev/stdout"] {
        let (run, _) = check(&dir, &["--format", stdout]);
        assert_eq!(run.code, 0);
        assert!(run.stdout.contains("\"format_version\": 2"), "{stdout}");
    }
}

#[test]
fn an_output_is_never_written_through_a_planted_link() {
    let dir = kommune("planted", &[("kommune.yaml", KOMMUNE)]);
    let victim = scratch("victim").join("viktig.txt");
    std::fs::write(&victim, "urørt").unwrap();
    symlink(&victim, dir.join("prinsipp.sarif")).unwrap();
    let (run, _) = check(&dir, &["--format", "sarif=prinsipp.sarif"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains(
            "feil: prinsipp.sarif: Kan ikke skrive rapporten: det er en symbolsk lenke; prinsipp skriver ikke gjennom lenker"
        ),
        "{}",
        run.stderr
    );
    // A folder on the way that is a link: the same.
    symlink(victim.parent().unwrap(), dir.join("rapporter")).unwrap();
    let (run, _) = check(&dir, &["--format", "sarif=rapporter/ny.sarif"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("mappa rapporter på veien dit er en symbolsk lenke"),
        "{}",
        run.stderr
    );
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "urørt");
    assert!(!victim.parent().unwrap().join("ny.sarif").exists());
}

// ---- escaping ----

/// What must never reach a person raw: C0 and C1 controls, DEL, bidi overrides, line
/// separators, and line breaks that would start a CI workflow command.
const HIDDEN: [char; 8] = [
    '\u{1b}', '\u{8}', '\u{7f}', '\u{85}', '\u{9b}', '\u{202e}', '\u{2028}', '\u{2066}',
];

fn assert_nothing_hidden(what: &str, text: &str) {
    for c in HIDDEN {
        assert!(!text.contains(c), "{what} carries {c:?}");
    }
    for line in text.lines() {
        assert!(
            !line.trim_start().starts_with("::"),
            "{what}: a line a CI log would run as a command: {line}"
        );
    }
}

/// A file name with hidden characters is refused where it is found, never read.
#[test]
fn a_file_name_with_hidden_characters_is_refused() {
    let dir = kommune(
        "odd-name",
        &[
            ("kommune.yaml", KOMMUNE),
            ("systemer/a\n::error::x\u{202e}.yaml", b"id: a\nnavn: A\n"),
        ],
    );
    let (run, _) = check(&dir, &[]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "feil: systemer/a ::error::x\u{fffd}.yaml: Navnet har tegn som ikke kan vises som de er"
        ),
        "{}",
        run.stderr
    );
    assert_nothing_hidden("stderr", &run.stderr);
}

/// A folder path, a capability name and a kommune's own rule full of what must never reach
/// a person raw: every format, stderr, --show-config and explain.
#[test]
fn nothing_hidden_reaches_any_output() {
    let work = scratch("escaping");
    // The top of a repository: paths are shown from here.
    std::fs::create_dir(work.join(".git")).unwrap();
    // The folder is the user's own path, so it is read: its name reaches every output.
    let folder = "k\n::error::mappe \u{202e}\u{85}";
    let system = "systemer:\n  - id: a\n    navn: A\n    kapabiliteter: [\"x\\e[2J\\b\\x7f\\u202e\\N\\x9b\\u2028\\u2066\\n::error::fra-navn\"]\n";
    let toml = "[[egen_regel]]\nkode = \"EGEN-01\"\nalvorlighet = \"advarsel\"\ntittel = \"T\\n::error::tittel \\u202e\"\nforklaring = \"F\\n  ::warning::forklaring \\u0085\"\ngjelder = \"system\"\nkrav = [{ felt = \"ros\", finnes = true }]\n";
    for (path, content) in [
        ("kommune.yaml", KOMMUNE),
        ("systemer/a.yaml", system.as_bytes()),
        ("prinsipp.toml", toml.as_bytes()),
    ] {
        let path = work.join(folder).join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, content).unwrap();
    }
    let run = |args: &[&str]| {
        let mut all = vec![
            "check",
            folder,
            "--dato",
            "2026-06-01",
            "--fail-on",
            "never",
        ];
        all.extend_from_slice(args);
        prinsipp_bounded(&all, &work).0
    };
    for format in [
        "table", "json", "sarif", "junit", "github", "gitlab", "markdown",
    ] {
        let out = run(&["--format", format]);
        assert_eq!(out.code, 0, "{format}: {}", out.stderr);
        assert!(out.stdout.contains("FK-03"), "{format}: {}", out.stdout);
        assert!(out.stdout.contains("EGEN-01"), "{format}: {}", out.stdout);
        if format == "github" {
            // Every line is one of prinsipp's own commands, one per finding.
            for line in out.stdout.lines() {
                assert!(
                    ["::error file=", "::warning file=", "::notice file="]
                        .iter()
                        .any(|start| line.starts_with(start)),
                    "{line}"
                );
                assert!(!HIDDEN.iter().any(|c| line.contains(*c)), "{line}");
            }
        } else {
            assert_nothing_hidden(format, &out.stdout);
        }
        assert_nothing_hidden(&format!("{format} (stderr)"), &out.stderr);
    }
    let shown = run(&["--show-config"]);
    assert_eq!(shown.code, 0, "{}", shown.stderr);
    assert!(
        shown
            .stdout
            .contains("tittel = \"T\\n::error::tittel \\u202E\""),
        "{}",
        shown.stdout
    );
    assert_nothing_hidden("--show-config", &shown.stdout);
    let config = work.join(folder).join("prinsipp.toml");
    let explained = prinsipp_bounded(
        &["explain", "EGEN-01", "--config", config.to_str().unwrap()],
        &work,
    )
    .0;
    assert_eq!(explained.code, 0, "{}", explained.stderr);
    assert_nothing_hidden("explain", &explained.stdout);
    // SARIF names the file by a percent-encoded URI; JSON keeps the exact value.
    let sarif = run(&["--format", "sarif"]);
    assert!(
        sarif
            .stdout
            .contains("\"uri\": \"k%0A%3A%3Aerror%3A%3Amappe%20%E2%80%AE%C2%85/systemer/a.yaml\""),
        "{}",
        sarif.stdout
    );
    let json = run(&["--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let fk03 = value["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "FK-03")
        .unwrap();
    let message = fk03["message"].as_str().unwrap();
    assert!(
        message.contains('\u{202e}'),
        "JSON keeps the value: {message}"
    );
    assert!(json.stdout.contains("\\u202e"));
}

// ---- fingerprints ----

const TWO_INTEGRATIONS: &str = "systemer:\n  - id: arkiv\n    navn: Arkiv\n  - id: sak\n    navn: Sak\n    integrasjoner:\n      - { mot: arkiv, standard: proprietaer }\n";

#[test]
fn a_second_integration_to_the_same_target_is_a_new_finding() {
    let dir = with_systems("two-integrations", TWO_INTEGRATIONS);
    let only = common::only(&["STD-01"]);
    let (run, _) = check(&dir, &["--config", &only, "--format", "json=baseline.json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // The same system gets a second proprietary integration with the same target.
    let two = format!("{TWO_INTEGRATIONS}      - {{ mot: arkiv, standard: proprietaer }}\n");
    std::fs::write(dir.join("systemer/a.yaml"), two).unwrap();
    let (run, _) = check(
        &dir,
        &[
            "--config",
            &only,
            "--baseline",
            "baseline.json",
            "--fail-on",
            "advarsel",
            "--format",
            "gitlab",
        ],
    );
    assert_eq!(
        run.code, 1,
        "the new integration fails the run: {}",
        run.stderr
    );
    let issues: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let fingerprints: Vec<&str> = issues
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["fingerprint"].as_str().unwrap())
        .collect();
    assert_eq!(fingerprints.len(), 2);
    assert_ne!(fingerprints[0], fingerprints[1], "GitLab shows both");
    let (run, _) = check(
        &dir,
        &[
            "--config",
            &only,
            "--baseline",
            "baseline.json",
            "--format",
            "json",
        ],
    );
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let states: Vec<(&str, &str)> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["path"].as_str().unwrap(), f["status"].as_str().unwrap()))
        .collect();
    assert_eq!(
        states,
        [
            ("/system/integrasjoner/arkiv/standard", "baseline"),
            ("/system/integrasjoner/arkiv/standard~2", "open"),
        ]
    );
}

#[test]
fn a_renamed_dataset_keeps_its_finding() {
    let dataset = |name: &str| {
        format!(
            "systemer:\n  - id: a\n    navn: A\n    datasett:\n      - navn: {name}\n        opphav: x\n      - id: bygg\n        navn: {name} 2\n"
        )
    };
    let dir = kommune(
        "dataset",
        &[
            ("kommune.yaml", KOMMUNE),
            ("systemer/a.yaml", dataset("Byggesaker").as_bytes()),
        ],
    );
    let only = common::only(&["DATA-01"]);
    let (before, _) = check(&dir, &["--config", &only, "--format", "json"]);
    std::fs::write(dir.join("systemer/a.yaml"), dataset("Byggesaksarkivet")).unwrap();
    let (after, _) = check(&dir, &["--config", &only, "--format", "json"]);
    let paths = |run: &common::Run| {
        let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
        json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                (
                    f["path"].as_str().unwrap().to_string(),
                    f["fingerprint"].as_str().unwrap().to_string(),
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(paths(&before), paths(&after));
    let paths: Vec<String> = paths(&before).into_iter().map(|(p, _)| p).collect();
    assert_eq!(paths, ["/system/datasett/#1", "/system/datasett/bygg"]);
}

/// Over every shipped example and rule fixture, with every rule on: no two findings of a
/// run share a fingerprint.
#[test]
fn fingerprints_are_unique_in_every_example_and_fixture() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut folders = Vec::new();
    for entry in std::fs::read_dir(root.join("examples")).unwrap() {
        let path = entry.unwrap().path();
        if path.join("kommune.yaml").is_file() {
            folders.push(path);
        }
    }
    for rule in std::fs::read_dir(root.join("tests/rules")).unwrap() {
        for case in ["fails", "passes"] {
            folders.push(rule.as_ref().unwrap().path().join(case));
        }
    }
    let settings = prinsipp::settings::Settings::builtin();
    let date = prinsipp::model::Date::parse("2026-06-01").unwrap();
    let mut checked = 0;
    for folder in &folders {
        let loaded = prinsipp::load::load_folder(folder, &prinsipp::load::LoadOptions::default());
        let Some(portfolio) = loaded.portfolio else {
            panic!("{} does not load", folder.display());
        };
        let findings = prinsipp::rules::check(&portfolio, &settings, date);
        let mut seen = std::collections::HashSet::new();
        for f in &findings {
            assert!(
                seen.insert(f.fingerprint.clone()),
                "{}: {} {} {} shares its fingerprint",
                folder.display(),
                f.code,
                f.subject.label(),
                f.path
            );
        }
        checked += findings.len();
    }
    assert!(checked > 300, "{checked} findings checked");
}

#[test]
fn a_new_system_like_thousands_of_active_ones_is_cheap_and_its_message_short() {
    // 6,000 active systems share «saksbehandling» with 50 new systems: GJEN-01 once looked
    // at every pair, and listed every overlap in one message.
    let mut systems = String::from("systemer:\n");
    for i in 0..6_000 {
        systems.push_str(&format!(
            "  - {{ id: s-{i:05}, navn: S, livslop: aktiv, kapabiliteter: [saksbehandling] }}\n"
        ));
    }
    let mut project = String::from(
        "prosjekt:\n  id: p\n  navn: P\n  prosjekteier: K\n  fase: planlegge\n  nye_systemer:\n",
    );
    for i in 0..50 {
        project.push_str(&format!(
            "    - {{ id: ny-{i:02}, navn: N, kapabiliteter: [saksbehandling] }}\n"
        ));
    }
    assert!(systems.len() < 1_000_000);
    let dir = kommune(
        "many-overlaps",
        &[
            ("kommune.yaml", KOMMUNE),
            ("systemer/a.yaml", systems.as_bytes()),
            ("prosjekter/p.yaml", project.as_bytes()),
        ],
    );
    let only = common::only(&["GJEN-01"]);
    let run = check_cheap(
        &dir,
        &["--config", &only, "--format", "json"],
        "6,000 overlaps",
    );
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let findings = json["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 50);
    assert_eq!(
        findings[0]["message"],
        "Nytt system ny-00 gjør det samme som s-00000, s-00001, s-00002, s-00003, s-00004, s-00005, s-00006, s-00007, s-00008, s-00009 og 5990 til, som ikke er vurdert i vurderte_eksisterende"
    );
}

#[test]
fn a_long_message_wraps_in_the_table_instead_of_padding_every_row() {
    // Twelve active systems with 90-character ids overlap a new system: GJEN-01's message
    // names ten of them, some 1,000 characters; the other rows must not be padded to it.
    let long = |i: usize| format!("{}-{i:02}", "x".repeat(86));
    let mut systems = String::from("systemer:\n");
    for i in 0..12 {
        systems.push_str(&format!(
            "  - {{ id: {}, navn: S, livslop: aktiv, kapabiliteter: [saksbehandling] }}\n",
            long(i)
        ));
    }
    let project = "prosjekt:\n  id: p\n  navn: P\n  prosjekteier: K\n  fase: planlegge\n  nye_systemer:\n    - { id: ny, navn: N, kapabiliteter: [saksbehandling] }\n    - { id: annen, navn: A, kapabiliteter: [kart] }\n";
    let dir = kommune(
        "long-message",
        &[
            ("kommune.yaml", KOMMUNE),
            ("systemer/a.yaml", systems.as_bytes()),
            ("prosjekter/p.yaml", project.as_bytes()),
        ],
    );
    let only = common::only(&["GJEN-01", "FK-03"]);
    let run = check_cheap(&dir, &["--config", &only], "a long message");
    let widest = run.stdout.lines().map(|l| l.chars().count()).max().unwrap();
    assert!(
        widest < 400,
        "a row {widest} characters wide:\n{}",
        run.stdout
    );
    assert!(run.stdout.contains("og 2 til"), "{}", run.stdout);
}
