//! `prinsipp import`, cell by cell: values that are present but cannot be read are
//! reported with their place and left out, never guessed or dropped in silence; rows that
//! cannot be written are reported as skipped; a cell's value is shortened when a message
//! echoes it.

mod common;
use common::{body, import, read, scratch};
use std::path::Path;

/// The files of a folder of records, sorted.
fn files(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .unwrap_or_else(|e| panic!("{}: {e}", folder.display()))
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

const GUID: &str = "cda4f1e1-8a3e-4f0b-9c5e-2f1d3c4b5a69";

/// Runs `import <source> <files> --til k` in a fresh folder holding `inputs`; returns the
/// folder. The kommune is given, so the report has no note about kommune.yaml.
fn run_import(name: &str, source: &str, inputs: &[(&str, &str)]) -> std::path::PathBuf {
    let dir = scratch(name);
    let mut args = vec![source];
    for (file, content) in inputs {
        std::fs::write(dir.join(file), content).unwrap();
        args.push(file);
    }
    args.extend(["--til", "k", "--kommune", "K", "--kommunenummer", "3999"]);
    let run = import(&args, &dir);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stderr.lines().count(),
        read(&dir.join("k/import-rapport.md")).lines().count(),
        "the same report on stderr: {}",
        run.stderr
    );
    dir.join("k")
}

fn project(id: &str, name: &str, owner: &str, rest: &str) -> String {
    format!("prosjekt:\n  id: {id}\n  navn: \"{name}\"\n  prosjekteier: \"{owner}\"\n{rest}")
}

/// A Fase or Tjenesteområde cell that holds no label (`-1;#`, `|GUID`) or only a label
/// that fits no phase (`|abc`) is reported and left out.
#[test]
fn pp365_a_term_cell_with_no_label_is_reported() {
    let csv = format!(
        "Tittel,Prosjekteier,Fase,Tjenesteområde
A,Eier A,\"-1;#\",\"-1;#Helse|{GUID}\"
B,Eier B,|abc,
C,Eier C,|{GUID},\"-1;#\"
"
    );
    let k = run_import("cells-term-empty", "pp365-prosjekter", &[("p.csv", &csv)]);
    assert_eq!(files(&k.join("prosjekter")), ["a.yaml", "b.yaml", "c.yaml"]);
    assert_eq!(
        body(&k.join("prosjekter/a.yaml")),
        project("a", "A", "Eier A", "  tjenesteomraade: \"Helse\"\n")
    );
    assert_eq!(
        body(&k.join("prosjekter/b.yaml")),
        project("b", "B", "Eier B", "")
    );
    assert_eq!(
        body(&k.join("prosjekter/c.yaml")),
        project("c", "C", "Eier C", "")
    );
    assert_eq!(
        read(&k.join("import-rapport.md")),
        format!(
            r"# Importrapport (pp365)

Leste 3 rader fra `p.csv`. Skrev 4 nye og 0 endrede filer; 0 uendret; 0 redigert for hånd og latt være; 0 finnes ikke lenger i kilden.

## Verdier som ikke kunne leses (feltet er utelatt) (4)

- `p.csv:2:3`: «-1;\#» har ingen verdi som kan leses (fase); feltet er utelatt
- `p.csv:3:3`: «\|abc» passer ikke til noen verdi av fase; feltet er utelatt
- `p.csv:4:3`: «\|{GUID}» har ingen verdi som kan leses (fase); feltet er utelatt
- `p.csv:4:4`: «-1;\#» har ingen verdi som kan leses (tjenesteomraade); feltet er utelatt
"
        )
    );
}

/// What follows `|` is dropped only when it is a GUID: «Helse | Omsorg» is one service
/// area, and «Planlegge | Gjennomføre» is no phase (reported), not «Planlegge».
#[test]
fn a_bar_is_dropped_only_before_a_guid() {
    let csv = format!(
        "Tittel,Prosjekteier,Fase,Tjenesteområde
B,Eier B,\"-1;#Gjennomføre|{}\",Helse | Omsorg
D,Eier D,Planlegge | Gjennomføre,\"-1;#Skole|{GUID};#3;#Helse|{GUID}\"
E,Eier E,Realisere|abc,Kultur|{GUID}x
",
        GUID.to_uppercase()
    );
    let k = run_import("cells-term-bar", "pp365-prosjekter", &[("p.csv", &csv)]);
    assert_eq!(
        body(&k.join("prosjekter/b.yaml")),
        project(
            "b",
            "B",
            "Eier B",
            "  tjenesteomraade: \"Helse | Omsorg\"\n  fase: gjennomfore\n"
        )
    );
    assert_eq!(
        body(&k.join("prosjekter/d.yaml")),
        project("d", "D", "Eier D", "  tjenesteomraade: \"Skole\"\n")
    );
    assert_eq!(
        body(&k.join("prosjekter/e.yaml")),
        project(
            "e",
            "E",
            "Eier E",
            &format!("  tjenesteomraade: \"Kultur|{GUID}x\"\n")
        )
    );
    assert_eq!(
        read(&k.join("import-rapport.md")),
        r"# Importrapport (pp365)

Leste 3 rader fra `p.csv`. Skrev 4 nye og 0 endrede filer; 0 uendret; 0 redigert for hånd og latt være; 0 finnes ikke lenger i kilden.

## Verdier som ikke kunne leses (feltet er utelatt) (2)

- `p.csv:3:3`: «Planlegge \| Gjennomføre» passer ikke til noen verdi av fase; feltet er utelatt
- `p.csv:4:3`: «Realisere\|abc» passer ikke til noen verdi av fase; feltet er utelatt

## Annet (1)

- `p.csv:3:4`: Flere verdier for tjenesteomraade (Skole, Helse); den første er skrevet
"
    );
}

/// A project row with values right of the last header: they belong to no column and are
/// reported, as for a generic sheet.
#[test]
fn pp365_cells_right_of_the_last_header_are_reported() {
    let csv = "Tittel;Prosjekteier;Fase
Portal;Eier;Planlegge;Gjennomføre;
Tom;Eier;;;
";
    let k = run_import("cells-pp365-beyond", "pp365-prosjekter", &[("p.csv", csv)]);
    assert_eq!(
        body(&k.join("prosjekter/portal.yaml")),
        project("portal", "Portal", "Eier", "  fase: planlegge\n")
    );
    assert_eq!(
        body(&k.join("prosjekter/tom.yaml")),
        project("tom", "Tom", "Eier", "")
    );
    assert_eq!(
        read(&k.join("import-rapport.md")),
        "# Importrapport (pp365)

Leste 2 rader fra `p.csv`. Skrev 3 nye og 0 endrede filer; 0 uendret; 0 redigert for hånd og latt være; 0 finnes ikke lenger i kilden.

## Verdier som ikke kunne leses (feltet er utelatt) (1)

- `p.csv:2:4`: Raden har verdier til høyre for siste overskrift; de er ikke lest
"
    );
}

/// The same for Kartoteket's admin CSV export.
#[test]
fn kartoteket_csv_cells_right_of_the_last_header_are_reported() {
    let csv = "\"id\",\"systemnavn\",\"livslop_status\"
\"1\",\"Elements\",\"3\",\"ekstra\"
\"2\",\"Gerica\",\"5\",\"\"
";
    let k = run_import("cells-kt-beyond", "kartoteket", &[("admin.csv", csv)]);
    assert_eq!(
        body(&k.join("systemer/elements.yaml")),
        "id: elements\nnavn: \"Elements\"\nlivslop: aktiv\n"
    );
    assert_eq!(
        body(&k.join("systemer/gerica.yaml")),
        "id: gerica\nnavn: \"Gerica\"\nlivslop: utfasing\n"
    );
    assert_eq!(
        read(&k.join("import-rapport.md")),
        "# Importrapport (kartoteket)

Leste 2 rader fra `admin.csv`. Skrev 3 nye og 0 endrede filer; 0 uendret; 0 redigert for hånd og latt være; 0 finnes ikke lenger i kilden.

## Verdier som ikke kunne leses (feltet er utelatt) (1)

- `admin.csv:2:4`: Raden har verdier til høyre for siste overskrift; de er ikke lest
"
    );
}

/// A system whose name has no letter or digit to make an id from is a skipped row, from
/// the API and from the CSV export alike.
#[test]
fn kartoteket_a_name_that_makes_no_id_is_a_skipped_row() {
    let json = r#"{"data": [
 {"class": "System", "id": 7, "navn": "!!!", "livslop_status": "3"},
 {"class": "System", "id": 8, "navn": "Elements", "livslop_status": "3"}
]}"#;
    let csv = "\"id\",\"systemnavn\"\n\"9\",\"–\"\n";
    let k = run_import(
        "cells-kt-noid",
        "kartoteket",
        &[("systemer.json", json), ("admin.csv", csv)],
    );
    assert_eq!(files(&k.join("systemer")), ["elements.yaml"]);
    assert_eq!(
        read(&k.join("import-idkart.csv")),
        "kilde;nøkkel;id\nkartoteket;8;elements\n"
    );
    assert_eq!(
        read(&k.join("import-rapport.md")),
        r"# Importrapport (kartoteket)

Leste 3 rader fra `systemer.json`, `admin.csv`. Skrev 2 nye og 0 endrede filer; 0 uendret; 0 redigert for hånd og latt være; 0 finnes ikke lenger i kilden.

## Rader som er hoppet over (2)

- `systemer.json:1`: Kan ikke lage en id av «\!\!\!» (Kartoteket-id 7); systemet er hoppet over
- `admin.csv:2:1`: Kan ikke lage en id av «–» (Kartoteket-id 9); systemet er hoppet over
"
    );
}

/// Livsløpstatus is read from one digit that is the whole value or stands before
/// whitespace, as Kartoteket writes it («3 👌 Moderne og modent», or the code). A word, a
/// date or a number of two digits is reported, never read from its first digit; 0 (not
/// assessed) and 8 (unknown) are left out and said so.
#[test]
fn kartoteket_lifecycle_is_read_from_a_whole_digit_only() {
    let json = r#"{"data": [
 {"class": "System", "id": 1, "navn": "Moderne", "livslop_status": "Moderne"},
 {"class": "System", "id": 2, "navn": "Datert", "livslop_status": "2024-01-01"},
 {"class": "System", "id": 3, "navn": "Modent", "livslop_status": "3 👌 Moderne og modent"},
 {"class": "System", "id": 4, "navn": "Ukjent", "livslop_status": "8 ❓ Ukjent"},
 {"class": "System", "id": 5, "navn": "Kode", "livslop_status": 5},
 {"class": "System", "id": 6, "navn": "Ikke vurdert", "livslop_status": "0"},
 {"class": "System", "id": 7, "navn": "Tabulator", "livslop_status": "1\tPlanlagt"},
 {"class": "System", "id": 8, "navn": "Tom", "livslop_status": null}
]}"#;
    let csv = "\"id\",\"systemnavn\",\"livslop_status\"
\"11\",\"Ti\",\"10\"
\"12\",\"Avviklet\",\"6 Avviklet\"
\"13\",\"Ingen\",\"None\"
\"14\",\"Stjerne\",\"7*\"
";
    let k = run_import(
        "cells-kt-lifecycle",
        "kartoteket",
        &[("systemer.json", json), ("admin.csv", csv)],
    );
    let lifecycle = |id: &str| {
        body(&k.join(format!("systemer/{id}.yaml")))
            .lines()
            .find_map(|l| l.strip_prefix("livslop: ").map(str::to_string))
    };
    for (id, expected) in [
        ("moderne", None),
        ("datert", None),
        ("modent", Some("aktiv")),
        ("ukjent", None),
        ("kode", Some("utfasing")),
        ("ikke-vurdert", None),
        ("tabulator", Some("planlagt")),
        ("tom", None),
        ("ti", None),
        ("avviklet", Some("avviklet")),
        ("ingen", None),
        ("stjerne", None),
    ] {
        assert_eq!(lifecycle(id).as_deref(), expected, "{id}");
    }
    assert_eq!(
        body(&k.join("systemer/datert.yaml")),
        "id: datert\nnavn: \"Datert\"\n"
    );
    assert_eq!(
        body(&k.join("systemer/modent.yaml")),
        "id: modent\nnavn: \"Modent\"\nlivslop: aktiv\n"
    );
    assert_eq!(
        read(&k.join("import-rapport.md")),
        r"# Importrapport (kartoteket)

Leste 12 rader fra `systemer.json`, `admin.csv`. Skrev 13 nye og 0 endrede filer; 0 uendret; 0 redigert for hånd og latt være; 0 finnes ikke lenger i kilden.

## Verdier som ikke kunne leses (feltet er utelatt) (6)

- `systemer.json:1`: «Moderne» er ikke en livsløpstatus fra Kartoteket (ett siffer 0–8, alene eller foran teksten); den er utelatt
- `systemer.json:2`: «2024-01-01» er ikke en livsløpstatus fra Kartoteket (ett siffer 0–8, alene eller foran teksten); den er utelatt
- `systemer.json:4`: «8 ❓ Ukjent» sier ikke hvilket livsløp (8 er ukjent i Kartoteket); livslop er utelatt
- `systemer.json:6`: «0» sier ikke hvilket livsløp (0 er ikke vurdert i Kartoteket); livslop er utelatt
- `admin.csv:2:3`: «10» er ikke en livsløpstatus fra Kartoteket (ett siffer 0–8, alene eller foran teksten); den er utelatt
- `admin.csv:5:3`: «7\*» er ikke en livsløpstatus fra Kartoteket (ett siffer 0–8, alene eller foran teksten); den er utelatt
"
    );
}

/// A system that names itself among its integrations: reported, not written (and not
/// dropped in silence), in a generic sheet and in Kartoteket.
#[test]
fn an_integration_with_itself_is_reported() {
    let csv = "Systemnavn;Integrasjoner
Elements;Elements, Gerica
Gerica;gerica
";
    let k = run_import("cells-self-sheet", "regneark", &[("s.csv", csv)]);
    assert_eq!(
        body(&k.join("systemer/elements.yaml")),
        "id: elements\nnavn: \"Elements\"\nintegrasjoner:\n  - mot: gerica\n"
    );
    assert_eq!(
        body(&k.join("systemer/gerica.yaml")),
        "id: gerica\nnavn: \"Gerica\"\n"
    );
    assert_eq!(
        read(&k.join("import-rapport.md")),
        "# Importrapport (regneark)

Leste 2 rader fra `s.csv`. Skrev 3 nye og 0 endrede filer; 0 uendret; 0 redigert for hånd og latt være; 0 finnes ikke lenger i kilden.

## Verdier som ikke kunne leses (feltet er utelatt) (2)

- `s.csv:2:2`: «Elements» er systemet selv; et system kan ikke integrere med seg selv, så integrasjonen er utelatt
- `s.csv:3:2`: «gerica» er systemet selv; et system kan ikke integrere med seg selv, så integrasjonen er utelatt
"
    );

    let systems = r#"{"data": [
 {"class": "System", "id": 1, "navn": "Elements"},
 {"class": "System", "id": 2, "navn": "Gerica"}
]}"#;
    let integrations = r#"{"data": [
 {"class": "SystemIntegration", "id": 10, "system_kilde": {"id": 1}, "system_destinasjon": {"id": 1}, "integrasjonstype": {"navn": "Informasjonsoverføring"}},
 {"class": "SystemIntegration", "id": 11, "system_kilde": {"id": 1}, "system_destinasjon": {"id": 2}, "integrasjonstype": {"navn": "Informasjonsoverføring"}}
]}"#;
    let k = run_import(
        "cells-self-kt",
        "kartoteket",
        &[
            ("systemer.json", systems),
            ("systemintegrasjoner.json", integrations),
        ],
    );
    assert_eq!(
        body(&k.join("systemer/elements.yaml")),
        "id: elements\nnavn: \"Elements\"\nintegrasjoner:\n  - mot: gerica\n"
    );
    assert_eq!(
        read(&k.join("import-rapport.md")),
        "# Importrapport (kartoteket)

Leste 2 rader fra `systemer.json`, `systemintegrasjoner.json`. Skrev 3 nye og 0 endrede filer; 0 uendret; 0 redigert for hånd og latt være; 0 finnes ikke lenger i kilden.

## Verdier som ikke kunne leses (feltet er utelatt) (1)

- `systemintegrasjoner.json:1`: Integrasjonen går fra Kartoteket-id 1 til seg selv; et system kan ikke integrere med seg selv, så integrasjonen er utelatt
"
    );
}

/// A message that echoes a cell shows at most 80 characters of it: a 100 000-character
/// cell does not become a 100 000-character report.
#[test]
fn echoed_values_are_shortened() {
    let long = |c: &str| c.repeat(100_000);
    let cut = |c: &str| format!("{}…", c.repeat(80));
    // A generic sheet: header, name, drift, capability, integration, term.
    let csv = format!(
        "Systemnavn;Driftsmodell;Kapabiliteter;Integrasjoner;{}\nElements;{};{};{};\n{};;;;\n",
        long("H"),
        long("s"),
        long("k"),
        long("i"),
        long("!"),
    );
    let k = run_import("cells-long-sheet", "regneark", &[("s.csv", &csv)]);
    assert_eq!(
        body(&k.join("systemer/elements.yaml")),
        "id: elements\nnavn: \"Elements\"\n"
    );
    assert_eq!(
        read(&k.join("import-rapport.md")),
        format!(
            r"# Importrapport (regneark)

Leste 2 rader fra `s.csv`. Skrev 2 nye og 0 endrede filer; 0 uendret; 0 redigert for hånd og latt være; 0 finnes ikke lenger i kilden.

## Rader som er hoppet over (1)

- `s.csv:3`: Kan ikke lage en id av «{}»; raden er hoppet over

## Kolonner uten plass i formatet (1)

- `s.csv:1:5`: «{}» har ingen plass i formatet; kolonnen er ikke lest

## Verdier som ikke kunne leses (feltet er utelatt) (3)

- `s.csv:2:2`: «{}» passer ikke til noen verdi av drift; feltet er utelatt
- `s.csv:2:3`: «{}» er ikke et navn i katalogen (kapabiliteter); det er utelatt
- `s.csv:2:4`: «{}» er verken et system i importen eller en felleskomponent; integrasjonen er utelatt
",
            cut(r"\!"),
            cut("H"),
            cut("s"),
            cut("k"),
            cut("i"),
        )
    );

    // A project's phase and title.
    let csv = format!(
        "Tittel,Prosjekteier,Fase,Prosjektstatus\nP,Eier,{},\n{},Eier,,Avsluttet\n",
        long("f"),
        long("T"),
    );
    let k = run_import("cells-long-pp365", "pp365-prosjekter", &[("p.csv", &csv)]);
    assert_eq!(
        body(&k.join("prosjekter/p.yaml")),
        project("p", "P", "Eier", "")
    );
    assert_eq!(
        read(&k.join("import-rapport.md")),
        format!(
            "# Importrapport (pp365)

Leste 2 rader fra `p.csv`. Skrev 2 nye og 0 endrede filer; 0 uendret; 0 redigert for hånd og latt være; 0 finnes ikke lenger i kilden.

## Rader som er hoppet over (1)

- `p.csv:3`: «{}» er avsluttet; avsluttede prosjekter er ikke tatt med

## Verdier som ikke kunne leses (feltet er utelatt) (1)

- `p.csv:2:3`: «{}» passer ikke til noen verdi av fase; feltet er utelatt
",
            cut("T"),
            cut("f"),
        )
    );

    // Kartoteket: a name that makes no id, a lifecycle, a date, a platform, a header.
    let json = format!(
        r#"{{"data": [
 {{"class": "System", "id": 1, "navn": "{}"}},
 {{"class": "System", "id": 2, "navn": "Elements", "livslop_status": "{}"}}
]}}"#,
        long("-"),
        long("L"),
    );
    let csv = format!(
        "\"id\",\"systemnavn\",\"dato_etablert\",\"driftsmodell_foreignkey\",\"{}\"\n\"2\",\"Elements\",\"{}\",\"{}\",\"\"\n",
        long("c"),
        long("d"),
        long("p"),
    );
    let k = run_import(
        "cells-long-kt",
        "kartoteket",
        &[("systemer.json", &json), ("admin.csv", &csv)],
    );
    assert_eq!(
        body(&k.join("systemer/elements.yaml")),
        "id: elements\nnavn: \"Elements\"\n"
    );
    assert_eq!(
        read(&k.join("import-rapport.md")),
        format!(
            "# Importrapport (kartoteket)

Leste 3 rader fra `systemer.json`, `admin.csv`. Skrev 2 nye og 0 endrede filer; 0 uendret; 0 redigert for hånd og latt være; 0 finnes ikke lenger i kilden.

## Rader som er hoppet over (1)

- `systemer.json:1`: Kan ikke lage en id av «{}» (Kartoteket-id 1); systemet er hoppet over

## Kolonner uten plass i formatet (1)

- `admin.csv:1`: Kolonnen {} har ingen plass i formatet og er ikke lest

## Verdier som ikke kunne leses (feltet er utelatt) (3)

- `systemer.json:2`: «{}» er ikke en livsløpstatus fra Kartoteket (ett siffer 0–8, alene eller foran teksten); den er utelatt
- `admin.csv:2:3`: «{}» er ikke en dato (innfort); feltet er utelatt
- `admin.csv:2:4`: Driftsplattformen «{}» sier ikke hvilken drift; feltet er utelatt (gi den i \\[verdier.drift\\] i --kolonner)
",
            cut("-"),
            cut("c"),
            cut("L"),
            cut("d"),
            cut("p"),
        )
    );
}
