//! Limits that keep hostile or mistaken input cheap, each with its diagnostic. (The YAML
//! limits — nesting, duplicate keys, several documents, BOM, CRLF, tabs, empty files,
//! non-UTF-8 — are in bad_input.rs; alias bombs and the resource bounds in hostile.rs.)

mod common;
use common::{KOMMUNE, kommune, prinsipp};

#[test]
fn a_file_over_the_size_cap_is_refused_and_the_others_still_read() {
    let big = format!("systemer:\n{}", "  - { id: s, navn: S }\n".repeat(60_000));
    let dir = kommune(
        "too-big",
        &[
            ("kommune.yaml", KOMMUNE),
            ("systemer/a.yaml", big.as_bytes()),
            ("systemer/b.yaml", b"id: b\nnavn: B\ndrfit: saas\n"),
        ],
    );
    let run = prinsipp(&["check", dir.to_str().unwrap(), "--max-file-size", "1"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("feil: systemer/a.yaml: Fila er for stor (1.3 MiB; grensen er 1 MiB)"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("feil: systemer/b.yaml:3:1: Ukjent felt `drfit`"),
        "the other file is still read: {}",
        run.stderr
    );
}

#[test]
fn too_many_files_are_refused() {
    let dir = common::scratch("many-files");
    std::fs::write(dir.join("kommune.yaml"), KOMMUNE).unwrap();
    std::fs::create_dir_all(dir.join("systemer")).unwrap();
    for i in 0..30 {
        std::fs::write(
            dir.join(format!("systemer/s{i:02}.yaml")),
            format!("id: s{i}\nnavn: S\n"),
        )
        .unwrap();
    }
    let run = prinsipp(&[
        "check",
        dir.to_str().unwrap(),
        "--rot",
        dir.to_str().unwrap(),
        "--max-files",
        "20",
    ]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("feil: systemer: Mappa har flere enn 20 YAML-filer; ingen av dem er lest"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("--max-files"));
    assert_eq!(
        prinsipp(&[
            "check",
            dir.to_str().unwrap(),
            "--max-files",
            "30",
            "--fail-on",
            "never"
        ])
        .code,
        0
    );
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_is_refused_not_followed() {
    let dir = kommune(
        "symlink-loop",
        &[
            ("kommune.yaml", KOMMUNE),
            ("systemer/a.yaml", b"id: a\nnavn: A\n"),
        ],
    );
    std::os::unix::fs::symlink(dir.join("systemer"), dir.join("systemer/loop")).unwrap();
    std::os::unix::fs::symlink(dir.join("systemer/a.yaml"), dir.join("systemer/lenke.yaml"))
        .unwrap();
    let run = prinsipp(&["check", dir.to_str().unwrap(), "--fail-on", "never"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    for link in ["systemer/loop", "systemer/lenke.yaml"] {
        assert!(
            run.stderr.contains(&format!(
                "feil: {link}: Symbolsk lenke; prinsipp følger ikke lenker, så den er ikke lest"
            )),
            "{}",
            run.stderr
        );
    }
}

#[cfg(target_os = "linux")]
#[test]
fn an_unreadable_file_is_reported_and_the_run_goes_on() {
    // /proc/self/mem is a regular file that refuses to be read from offset 0, even for root.
    let dir = kommune(
        "unreadable",
        &[
            ("kommune.yaml", KOMMUNE),
            (
                "prosjekter/p.yaml",
                b"prosjekt:\n  id: p\n  navn: P\n  prosjekteier: Kari\n  fasee: ide\n",
            ),
        ],
    );
    let run = prinsipp(&[
        "check",
        dir.to_str().unwrap(),
        "--systemer",
        "/proc/self/mem",
    ]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("feil: /proc/self/mem: Kan ikke lese fila:"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("feil: prosjekter/p.yaml:5:3: Ukjent felt `fasee`"),
        "the other files are read: {}",
        run.stderr
    );
}

#[cfg(unix)]
#[test]
fn a_socket_or_pipe_named_yaml_is_not_read() {
    let dir = kommune(
        "socket",
        &[
            ("kommune.yaml", KOMMUNE),
            ("systemer/a.yaml", b"id: a\nnavn: A\n"),
        ],
    );
    let _listener =
        std::os::unix::net::UnixListener::bind(dir.join("systemer/sokkel.yaml")).unwrap();
    let run = prinsipp(&["check", dir.to_str().unwrap()]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains(
            "feil: systemer/sokkel.yaml: Ventet en fil, fant en sokkel; den er ikke lest"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn folders_nested_too_deep_are_refused() {
    let deep = format!("systemer/{}a.yaml", "d/".repeat(17));
    let dir = kommune(
        "too-deep",
        &[
            ("kommune.yaml", KOMMUNE),
            (deep.as_str(), b"id: a\nnavn: A\n"),
            ("systemer/b.yaml", b"id: b\nnavn: B\ndrfit: saas\n"),
        ],
    );
    let run = prinsipp(&["check", dir.to_str().unwrap()]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains(&format!(
            "feil: systemer/{}: Mappene er nestet dypere enn 16 nivåer; denne er ikke lest",
            "d/".repeat(16) + "d"
        )),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("feil: systemer/b.yaml:3:1: Ukjent felt `drfit`")
    );
}
