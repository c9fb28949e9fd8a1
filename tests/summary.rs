//! `check --oppsummering`: counts over the subjects checked, per principle, rule and missing
//! key, per service area and per owner, worst first. The fixture's figures are counted by
//! hand in the comments.

mod common;
use common::*;

/// Four systems: journal and timebok (helse) lack systemeier and drift; kart (no area)
/// lacks livslop; skole (oppvekst) is complete. No project, no register.
const SYSTEMS: &str = "systemer:
  - id: journal
    navn: Journal
    tjenesteomraade: helse
    programvaretype: hyllevare
    livslop: aktiv
    personopplysninger: ingen
  - id: timebok
    navn: Timebok
    tjenesteomraade: helse
    programvaretype: hyllevare
    livslop: aktiv
    personopplysninger: ingen
  - id: skole
    navn: Skole
    tjenesteomraade: oppvekst
    systemeier: Kommunalsjef oppvekst
    programvaretype: hyllevare
    drift: saas
    livslop: aktiv
    personopplysninger: ingen
  - id: kart
    navn: Kart
    systemeier: Teknisk sjef
    programvaretype: hyllevare
    drift: saas
    personopplysninger: ingen
";

fn fixture() -> std::path::PathBuf {
    kommune(
        "summary",
        &[
            ("kommune.yaml", KOMMUNE),
            ("systemer/systemer.yaml", SYSTEMS.as_bytes()),
        ],
    )
}

#[test]
fn the_summary_counts_subjects_per_principle_missing_key_area_and_owner() {
    let dir = fixture();
    let run = prinsipp(&[
        "check",
        dir.to_str().unwrap(),
        "--dato",
        "2026-06-01",
        "--oppsummering",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "Oppsummering: Test kommune (3999), 2026-06-01

Per prinsipp, verst først

Orden i eget hus: en fullstendig systemoversikt (INV): 3 av 4 systemer med brudd (3 funn)
  INV-01 Systemet mangler grunnopplysninger i systemoversikten: 3 av 4 systemer
      2 av 4 systemer mangler systemeier og drift
      1 av 4 systemer mangler livslop

Uten brudd
  Sky er førstevalget (SKY): 4 systemer kontrollert
  Ett nytt system inn betyr ett system ut (INNUT): 4 systemer, porteføljen kontrollert
  Vi bruker nasjonale felleskomponenter (FK): 4 systemer kontrollert
  Arkitekturfunksjonen godkjenner nye løsninger (ARKF): 4 systemer kontrollert
  Personvernvennlig digitalisering (PVN): 4 systemer kontrollert
  Informasjonssikkerhet og risikostyring (SIK): 4 systemer kontrollert
  Universell utforming av IKT-løsninger (UU): 4 systemer kontrollert
  Integrasjoner bruker standardiserte grensesnitt (STD): 4 systemer kontrollert
  Kjernesystemene er standard hyllevare (HYL): 4 systemer kontrollert
  Arkivverdige data tas vare på når systemer fases ut (ARK): 4 systemer kontrollert
  Datasettene er beskrevet med metadata (DATA): 4 systemer kontrollert

Ingenting å kontrollere: GEV, GJEN, SAM, MIL, PROS, PV, KN, FOND, REF og AVV

Per tjenesteområde, verst først
 Tjenesteområde | Kontrollert | Med brudd  | Funn
----------------+-------------+------------+------
 helse          | 2 systemer  | 2 systemer | 2
 (ikke oppgitt) | 1 system    | 1 system   | 1
 oppvekst       | 1 system    | 0          | 0

Per eier (systemeier eller prosjekteier), verst først
 Eier                  | Kontrollert | Med brudd  | Funn
-----------------------+-------------+------------+------
 (ikke oppgitt)        | 2 systemer  | 2 systemer | 2
 Teknisk sjef          | 1 system    | 1 system   | 1
 Kommunalsjef oppvekst | 1 system    | 0          | 0

0 feil, 3 advarsler — 4 systemer, 0 prosjekter kontrollert
"
    );
}

#[test]
fn the_summary_as_markdown_in_english() {
    let dir = fixture();
    let run = prinsipp(&[
        "check",
        dir.to_str().unwrap(),
        "--dato",
        "2026-06-01",
        "--summary",
        "--format",
        "markdown",
        "--lang",
        "en",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let head = "<!-- prinsipp -->\n## Summary: Test kommune (3999), 2026-06-01

### Per principle, worst first

- **Our own house in order: a complete system inventory (INV)**: 3 of 4 systems in breach (3 findings)
  - `INV-01` Inventory system lacks basic facts: 3 of 4 systems
    - 2 of 4 systems lack systemeier and drift
    - 1 of 4 systems lack livslop

No breaches:
";
    assert!(run.stdout.starts_with(head), "{}", run.stdout);
    let tail = "### Per service area, worst first

| Service area | Checked | In breach | Findings |
|---|---|---|---:|
| helse | 2 systems | 2 systems | 2 |
| (not stated) | 1 system | 1 system | 1 |
| oppvekst | 1 system | 0 | 0 |
";
    assert!(run.stdout.contains(tail), "{}", run.stdout);
    assert!(
        run.stdout
            .ends_with("\n0 errors, 3 warnings — 4 systems, 0 projects checked\n")
    );
}

#[test]
fn approved_deviations_are_counted_apart_from_breaches() {
    // The example: SKY-03 on one system is covered by an approved deviation (26/0117),
    // INNUT-05 on the portfolio by another (26/0041).
    let run = prinsipp(&[
        "check",
        &repo("examples/eksempel-kommune"),
        "--dato",
        "2026-06-01",
        "--oppsummering",
    ]);
    assert_eq!(run.code, 1);
    for line in [
        "Sky er førstevalget (SKY): 2 av 36 systemer og 1 av 8 prosjekter med brudd (3 funn, 1 godkjent avvik)\n",
        "  SKY-03 Avtalen utløper uten fersk skyvurdering: 1 av 36 systemer (1 godkjent avvik)\n",
        "  INNUT-05 Åpne prosjekter tar inn flere systemer enn de faser ut: 0 av 1 portefølje (1 godkjent avvik)\n",
        "      1 av 33 systemer mangler systemeier, programvaretype og personopplysninger\n",
        "Avviksregisteret (AVV): 4 av 5 avvik med brudd (4 funn)\n",
    ] {
        assert!(
            run.stdout.contains(line),
            "missing {line:?} in\n{}",
            run.stdout
        );
    }
    // Worst first: GEV has the most projects in breach (7; its GEV-07 looks at the idea too).
    let first = run.stdout.lines().nth(4).unwrap();
    assert!(
        first.starts_with("Gevinstplan foreligger (GEV): 7 av 10 prosjekter"),
        "{first}"
    );
}

#[test]
fn user_text_in_the_summary_is_escaped() {
    let systems = "systemer:\n  - id: a\n    navn: A\n    tjenesteomraade: \"helse | <b>x</b>\\u001b[31m\"\n    livslop: aktiv\n";
    let dir = kommune(
        "summary-escape",
        &[
            ("kommune.yaml", KOMMUNE),
            ("systemer/a.yaml", systems.as_bytes()),
        ],
    );
    let md = prinsipp(&[
        "check",
        dir.to_str().unwrap(),
        "--oppsummering",
        "--format",
        "markdown",
    ]);
    assert!(
        md.stdout.contains("| helse \\| &lt;b&gt;x&lt;/b&gt;"),
        "{}",
        md.stdout
    );
    let text = prinsipp(&["check", dir.to_str().unwrap(), "--oppsummering"]);
    assert!(!text.stdout.contains('\u{1b}'), "{}", text.stdout);
}

#[test]
fn samle_collapses_findings_that_say_the_same_into_one_row() {
    // Eight systems lack systemeier and drift; t lacks only livslop.
    let mut systems = String::from("systemer:\n");
    for i in 0..8 {
        systems.push_str(&format!(
            "  - id: s{i}\n    navn: S{i}\n    livslop: aktiv\n    programvaretype: hyllevare\n    personopplysninger: ingen\n"
        ));
    }
    systems.push_str("  - id: t\n    navn: T\n    drift: saas\n    systemeier: X\n    programvaretype: hyllevare\n    personopplysninger: ingen\n");
    let dir = kommune(
        "samle",
        &[
            ("kommune.yaml", KOMMUNE),
            ("systemer/s.yaml", systems.as_bytes()),
        ],
    );
    let folder = dir.to_str().unwrap();
    let run = prinsipp(&["check", folder, "--dato", "2026-06-01", "--samle", "3"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        " Alvorlighet | Regel  | Gjelder    | Funn                                        | Sted
-------------+--------+------------+---------------------------------------------+------------------------------
 advarsel    | INV-01 | 8 systemer | mangler systemeier og drift (8 funn samlet) | systemer/s.yaml:2:5 og 7 til
 advarsel    | INV-01 | system t   | Systemoversikten mangler livslop for t      | systemer/s.yaml:42:5
0 feil, 9 advarsler — 9 systemer, 0 prosjekter kontrollert
"
    );
    // Eight is not more than eight: every finding keeps its row.
    let run = prinsipp(&["check", folder, "--dato", "2026-06-01", "--samle", "8"]);
    assert_eq!(
        run.stdout.lines().filter(|l| l.contains("INV-01")).count(),
        9
    );
    let md = prinsipp(&[
        "check",
        folder,
        "--dato",
        "2026-06-01",
        "--samle",
        "3",
        "--format",
        "markdown",
        "--lang",
        "en",
    ]);
    // Places in markdown are from the repository root (here the kommune folder's own).
    assert!(
        md.stdout.contains("| 🟡 warning | INV-01 | 8 systems | lack systemeier and drift (8 findings collapsed) | `"),
        "{}",
        md.stdout
    );
    assert!(
        md.stdout.contains("| `systemer/s.yaml:2` and 7 more |"),
        "{}",
        md.stdout
    );
    // Nothing to collapse in less than two; --samle 0 would make one finding a group.
    let zero = prinsipp(&["check", folder, "--samle", "0"]);
    assert_eq!(zero.code, 2);
    assert!(zero.stderr.contains("--samle"), "{}", zero.stderr);
    // JSON, SARIF and the other machine formats always hold every finding.
    let json = prinsipp(&[
        "check",
        folder,
        "--dato",
        "2026-06-01",
        "--samle",
        "3",
        "--format",
        "json",
    ]);
    let json: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(json["findings"].as_array().unwrap().len(), 9);
}

#[test]
fn samle_keeps_apart_findings_whose_messages_differ() {
    // Three integrations without a standard on one system and three on another: STD-01
    // lists no missing keys, so only findings with the same message are collapsed.
    let mut systems = String::from("systemer:\n");
    for (id, targets) in [("a", ["x", "y", "z"]), ("b", ["x", "y", "z"])] {
        systems.push_str(&format!(
            "  - id: {id}\n    navn: {id}\n    systemeier: E\n    drift: saas\n    livslop: aktiv\n    programvaretype: hyllevare\n    personopplysninger: ingen\n    integrasjoner:\n"
        ));
        for t in targets {
            systems.push_str(&format!("      - mot: {t}\n"));
        }
    }
    for t in ["x", "y", "z"] {
        systems.push_str(&format!(
            "  - id: {t}\n    navn: {t}\n    systemeier: E\n    drift: saas\n    livslop: aktiv\n    programvaretype: hyllevare\n    personopplysninger: ingen\n"
        ));
    }
    let dir = kommune(
        "samle-messages",
        &[
            ("kommune.yaml", KOMMUNE),
            ("systemer/s.yaml", systems.as_bytes()),
        ],
    );
    let run = prinsipp(&[
        "check",
        dir.to_str().unwrap(),
        "--dato",
        "2026-06-01",
        "--samle",
        "1",
    ]);
    let rows: Vec<&str> = run
        .stdout
        .lines()
        .filter(|l| l.contains("STD-01"))
        .collect();
    assert_eq!(rows.len(), 6, "{}", run.stdout);
    assert!(rows.iter().all(|r| !r.contains("samlet")), "{}", run.stdout);
}
