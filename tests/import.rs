//! `prinsipp import`: real exports (CSV as Norwegian Excel saves it, .xlsx written by a
//! real xlsx writer) into a kommune folder; the exact YAML, the exact report, re-import
//! with an edited file, and every kind of bad input.

mod common;
use common::{body, import, prinsipp, read, scratch, write_rows};
use std::path::Path;

/// An inventory as a kommune keeps it: Norwegian headers with a non-breaking space and odd
/// case, `;`, a BOM, dates in three forms, a vague «Sky», a row with no name, a duplicate
/// name, a column the format has no place for, and integrations by name.
const INVENTORY: &str = "\u{feff}Systemnavn;Leverandør;SYSTEMEIER;Driftsmodell;Livsløp;Personopplysninger;Tatt\u{a0}i  bruk;Avtale utløper;Integrasjoner;Kommentar
Elements;Sikri;Kommunalsjef organisasjon;SaaS;I bruk;Ja;15.1.2019;2027-06-30;Visma Flyt Skole, Folkeregisteret;intern
Visma Flyt Skole;Visma;Kommunalsjef oppvekst;Sky;i drift;Særlige;01.08.2020;;;
Gerica;Tieto;Kommunalsjef helse;On-prem;Skal fases ut;Helseopplysninger;1/15/2018;;Elements;
;Tom rad;;;;;;;;
Elements;Sikri;Arkivet;Egen drift;Avviklet;Nei;;;;gammel versjon
";

#[test]
fn a_sheet_becomes_a_checked_folder_with_a_report() {
    let dir = scratch("import-sheet");
    std::fs::write(dir.join("systemer.csv"), INVENTORY).unwrap();
    let run = import(
        &[
            "regneark",
            "systemer.csv",
            "--til",
            "kommune",
            "--kommune",
            "Fjordvik kommune",
            "--kommunenummer",
            "3999",
        ],
        &dir,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let folder = dir.join("kommune");
    assert_eq!(
        read(&folder.join("systemer/elements.yaml")),
        "# Importert av prinsipp fra systemer.csv, rad 2.
# prinsipp-import: kilde=regneark sha256=HASH
id: elements
navn: \"Elements\"
merknad: \"intern\"
leverandor: \"Sikri\"
systemeier: \"Kommunalsjef organisasjon\"
drift: saas
livslop: aktiv
innfort: 2019-01-15
avtale:
  utloper: 2027-06-30
integrasjoner:
  - mot: visma-flyt-skole
  - mot: folkeregisteret
personopplysninger: vanlige
"
        .replace("HASH", &hash_of(&folder.join("systemer/elements.yaml")))
    );
    assert_eq!(
        body(&folder.join("systemer/visma-flyt-skole.yaml")),
        "id: visma-flyt-skole
navn: \"Visma Flyt Skole\"
leverandor: \"Visma\"
systemeier: \"Kommunalsjef oppvekst\"
livslop: aktiv
innfort: 2020-08-01
personopplysninger: saerlige
"
    );
    assert_eq!(
        body(&folder.join("systemer/elements-2.yaml")),
        "id: elements-2
navn: \"Elements\"
merknad: \"gammel versjon\"
leverandor: \"Sikri\"
systemeier: \"Arkivet\"
drift: egen_drift
livslop: avviklet
personopplysninger: ingen
"
    );
    assert_eq!(
        read(&folder.join("import-idkart.csv")),
        "kilde;nøkkel;id\nregneark;navn:elements;elements\nregneark;navn:elements#2;elements-2\nregneark;navn:gerica;gerica\nregneark;navn:visma flyt skole;visma-flyt-skole\n"
    );
    let report = read(&folder.join("import-rapport.md"));
    assert_eq!(
        report,
        "# Importrapport (regneark)

Leste 5 rader fra `systemer.csv`. Skrev 5 nye og 0 endrede filer; 0 uendret; 0 redigert for hånd og latt være; 0 finnes ikke lenger i kilden.

## Rader som er hoppet over (1)

- `systemer.csv:5`: Raden har ikke noe navn; den er hoppet over

## Verdier som ikke kunne leses (feltet er utelatt) (3)

- `systemer.csv:3:4`: «Sky» passer ikke til noen verdi av drift; feltet er utelatt
- `systemer.csv:4:7`: «1/15/2018» er ikke en dato som kan leses sikkert (innfort); feltet er utelatt
- `systemer.csv:4:9`: «Elements» passer til flere systemer; integrasjonen er utelatt

## Id-er som er endret (1)

- `systemer.csv:6`: Id-en «elements» er allerede brukt i denne importen; denne fikk «elements-2»
"
    );
    assert_eq!(run.stderr, report, "the same report on stderr");
    // The folder loads and is checked as any other.
    let check = prinsipp(&[
        "check",
        folder.to_str().unwrap(),
        "--dato",
        "2026-06-01",
        "--format",
        "json",
    ]);
    assert_eq!(check.code, 1, "{}", check.stderr);
}

fn hash_of(path: &Path) -> String {
    let text = read(path);
    let mark = text.lines().nth(1).unwrap_or("");
    mark.rsplit("sha256=").next().unwrap_or("").to_string()
}

/// The monthly routine: import again after one row changed and one file was edited by
/// hand. Ids stay; the changed row's file is updated; the edited file is kept and
/// reported; a system gone from the sheet is reported, not deleted.
#[test]
fn re_import_keeps_ids_and_what_people_edited() {
    let dir = scratch("import-again");
    std::fs::write(dir.join("systemer.csv"), INVENTORY).unwrap();
    let first = import(
        &[
            "regneark",
            "systemer.csv",
            "--til",
            "k",
            "--kommune",
            "Fjordvik kommune",
            "--kommunenummer",
            "3999",
        ],
        &dir,
    );
    assert_eq!(first.code, 0, "{}", first.stderr);
    let folder = dir.join("k");
    // Checked as imported: «Sky» was not guessed, so INV-01 asks for Visma's drift.
    let findings = || {
        let check = prinsipp(&[
            "check",
            folder.to_str().unwrap(),
            "--dato",
            "2026-06-01",
            "--format",
            "json",
        ]);
        assert_eq!(check.code, 1, "{}", check.stderr);
        let json: serde_json::Value = serde_json::from_str(&check.stdout).unwrap();
        let mut lines: Vec<String> = json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                format!(
                    "{} {}",
                    f["code"].as_str().unwrap(),
                    f["message"].as_str().unwrap()
                )
            })
            .collect();
        lines.sort();
        lines
    };
    let before = findings();
    assert!(
        before.contains(
            &"INV-01 Systemoversikten mangler drift og programvaretype for visma-flyt-skole"
                .to_string()
        ),
        "{before:#?}"
    );
    assert_eq!(before.len(), 17, "{before:#?}");
    let edited = folder.join("systemer/gerica.yaml");
    let by_hand = read(&edited).replace("navn: \"Gerica\"", "navn: \"Gerica omsorg\"");
    std::fs::write(&edited, &by_hand).unwrap();
    // Visma's owner changes; Elements (the first) leaves the sheet.
    let next = INVENTORY
        .replace("Kommunalsjef oppvekst", "Oppvekstsjef")
        .replace(
            "Elements;Sikri;Kommunalsjef organisasjon;SaaS;I bruk;Ja;15.1.2019;2027-06-30;Visma Flyt Skole, Folkeregisteret;intern\n",
            "",
        );
    std::fs::write(dir.join("systemer.csv"), next).unwrap();
    let second = import(&["regneark", "systemer.csv", "--til", "k"], &dir);
    assert_eq!(second.code, 0, "{}", second.stderr);
    assert!(
        body(&folder.join("systemer/visma-flyt-skole.yaml"))
            .contains("systemeier: \"Oppvekstsjef\"")
    );
    assert_eq!(read(&edited), by_hand, "the hand edit is kept");
    // Rows are known by name when the sheet has no id column: the Elements row left is now
    // the only one of that name, so it takes «elements» (updated), and «elements-2» is gone.
    let report = read(&folder.join("import-rapport.md"));
    assert!(report.contains("## Redigert for hånd, ikke overskrevet (bruk --overskriv)\n\n- `systemer/gerica.yaml`\n"), "{report}");
    assert!(
        report.contains("## Ikke lenger i kilden (ikke slettet)\n\n- `systemer/elements-2.yaml`\n"),
        "{report}"
    );
    assert!(report.contains("Skrev 0 nye og 2 endrede filer; 0 uendret; 1 redigert for hånd og latt være; 1 finnes ikke lenger i kilden."), "{report}");
    assert!(
        folder.join("systemer/elements-2.yaml").is_file(),
        "nothing is deleted"
    );
    // Checked again: the folder as this month's sheet and the hand edit leave it.
    let after = findings();
    assert_eq!(
        after,
        [
            "INV-01 Systemoversikten mangler drift og programvaretype for visma-flyt-skole",
            "INV-01 Systemoversikten mangler programvaretype for gerica",
            "PVN-01 gerica behandler personopplysninger med høy risiko (særlige kategorier) uten vurdering av personvernkonsekvenser (dpia)",
            "PVN-01 visma-flyt-skole behandler personopplysninger med høy risiko (særlige kategorier) uten vurdering av personvernkonsekvenser (dpia)",
            "PVN-05 gerica behandler personopplysninger uten oppgitt behandlingsgrunnlag",
            "PVN-05 visma-flyt-skole behandler personopplysninger uten oppgitt behandlingsgrunnlag",
            "SIK-01 gerica har personopplysninger, men ingen risiko- og sårbarhetsvurdering (ros)",
            "SIK-01 visma-flyt-skole har personopplysninger, men ingen risiko- og sårbarhetsvurdering (ros)",
            "SIK-02 gerica har særlige kategorier personopplysninger, men ingen gjennomgang av tilgangene (tilgangsrevisjon)",
            "SIK-02 visma-flyt-skole har særlige kategorier personopplysninger, men ingen gjennomgang av tilgangene (tilgangsrevisjon)",
        ],
        "the Elements left is the old, retired version (and so is elements-2): nothing to report on them"
    );
    // With --overskriv the edit gives way.
    let third = import(
        &["regneark", "systemer.csv", "--til", "k", "--overskriv"],
        &dir,
    );
    assert_eq!(third.code, 0, "{}", third.stderr);
    assert!(body(&edited).contains("navn: \"Gerica\""));
}

/// A workbook as Excel writes it: real dates, numbers, yes/no, a second sheet that is not
/// an inventory but is empty, and a date as an Excel serial number.
#[test]
fn an_xlsx_inventory_is_read_with_its_dates() {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let dir = scratch("import-xlsx");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("Systemer").unwrap();
    let date = Format::new().set_num_format("dd.mm.yyyy");
    for (column, header) in [
        "Systemnavn",
        "Kjernesystem",
        "Tatt i bruk",
        "ROS dato",
        "Livsløpsstatus",
    ]
    .iter()
    .enumerate()
    {
        sheet.write_string(0, column as u16, *header).unwrap();
    }
    sheet.write_string(1, 0, "Public 360").unwrap();
    sheet.write_boolean(1, 1, true).unwrap();
    sheet
        .write_datetime_with_format(1, 2, ExcelDateTime::from_ymd(2021, 3, 1).unwrap(), &date)
        .unwrap();
    sheet.write_number(1, 3, 46_402.0).unwrap();
    sheet.write_string(1, 4, "Under innføring").unwrap();
    sheet.write_string(2, 0, "Arkivsystem 2").unwrap();
    sheet.write_string(2, 1, "nei").unwrap();
    sheet.write_number(2, 3, 2023.0).unwrap();
    book.add_worksheet().set_name("Tomt").unwrap();
    book.save(dir.join("oversikt.xlsx")).unwrap();
    let run = import(&["regneark", "oversikt.xlsx", "--til", "k"], &dir);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        body(&dir.join("k/systemer/public-360.yaml")),
        "id: public-360\nnavn: \"Public 360\"\nkjernesystem: true\nlivslop: innfasing\ninnfort: 2021-03-01\nros:\n  dato: 2027-01-15\n"
    );
    assert_eq!(
        body(&dir.join("k/systemer/arkivsystem-2.yaml")),
        "id: arkivsystem-2\nnavn: \"Arkivsystem 2\"\nkjernesystem: false\n"
    );
    assert!(
        run.stderr.contains("- `oversikt.xlsx[Systemer]:3:4`: «2023» er ikke en dato som kan leses sikkert (ros.dato); feltet er utelatt"),
        "{}",
        run.stderr
    );
}

#[test]
fn bad_input_is_refused_with_its_place_and_nothing_is_written() {
    let dir = scratch("import-bad");
    // Windows-1252 bytes (ø = 0xF8) in a file that is not UTF-8.
    std::fs::write(
        dir.join("latin.csv"),
        b"Systemnavn;Leverand\xf8r\nElements;Sikri\n",
    )
    .unwrap();
    let run = import(&["regneark", "latin.csv", "--til", "k"], &dir);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("feil: latin.csv:1:20: Fila er ikke UTF-8"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("--windows-1252"), "{}", run.stderr);
    assert!(!dir.join("k").exists(), "nothing is written");
    let run = import(
        &["regneark", "latin.csv", "--til", "k", "--windows-1252"],
        &dir,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(body(&dir.join("k/systemer/elements.yaml")).contains("leverandor: \"Sikri\""));

    // Not an inventory: the headers found are named.
    std::fs::write(dir.join("budsjett.csv"), "Post;Beløp\nLønn;1 200 000\n").unwrap();
    let run = import(&["regneark", "budsjett.csv", "--til", "k2"], &dir);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("feil: budsjett.csv:1: Arket ser ikke ut som en systemoversikt: ingen kolonne for systemets navn. Fant: ingen kjente kolonner"),
        "{}",
        run.stderr
    );

    // A corrupt workbook, and a zip that unpacks to far more than it says.
    std::fs::write(dir.join("ødelagt.xlsx"), b"PK\x03\x04 not really a zip").unwrap();
    let run = import(&["regneark", "ødelagt.xlsx", "--til", "k3"], &dir);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("feil: ødelagt.xlsx: Fila er ikke en gyldig Excel-arbeidsbok (.xlsx)"),
        "{}",
        run.stderr
    );

    // An empty file, and a file type that is not a sheet.
    std::fs::write(dir.join("tom.csv"), "\n\n").unwrap();
    std::fs::write(dir.join("gammel.xls"), "x").unwrap();
    let run = import(&["regneark", "tom.csv", "gammel.xls", "--til", "k4"], &dir);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("feil: tom.csv: Fila er tom: ingen overskrifter og ingen rader"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("feil: gammel.xls: Ukjent filtype: ventet .csv eller .xlsx"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_column_map_names_what_the_defaults_do_not() {
    let dir = scratch("import-map");
    std::fs::write(
        dir.join("liste.csv"),
        "Løsning,Hvor,Start\nSvarUt-klient,Azure,1/31/2024\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("kart.toml"),
        "datoformat = \"MM/DD/YYYY\"\n[kolonner]\n\"Løsning\" = \"navn\"\n\"Hvor\" = \"drift\"\n\"Start\" = \"innfort\"\n[verdier.drift]\n\"Azure\" = \"iaas\"\n",
    )
    .unwrap();
    let run = import(
        &[
            "regneark",
            "liste.csv",
            "--til",
            "k",
            "--kolonner",
            "kart.toml",
        ],
        &dir,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        body(&dir.join("k/systemer/svarut-klient.yaml")),
        "id: svarut-klient\nnavn: \"SvarUt-klient\"\ndrift: iaas\ninnfort: 2024-01-31\n"
    );
    std::fs::write(
        dir.join("feil.toml"),
        "[kolonner]\n\"Løsning\" = \"nanv\"\n",
    )
    .unwrap();
    let run = import(
        &[
            "regneark",
            "liste.csv",
            "--til",
            "k",
            "--kolonner",
            "feil.toml",
        ],
        &dir,
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("feil: feil.toml:2:13: Ukjent felt «nanv». Mente du `navn`?"),
        "{}",
        run.stderr
    );
}

/// Whatever a cell holds, the YAML written reads back as the same text: quotes, colons,
/// a leading dash, YAML's own signs, line breaks and hidden characters.
#[test]
fn any_cell_text_reads_back_exactly() {
    let dir = scratch("import-text");
    let nasty = "- &a *b !c: \"sitat\" # ikke kommentar\u{202e}";
    let csv = format!(
        "Systemnavn;Beskrivelse\nA;\"{}\nandre linje\"\n",
        nasty.replace('"', "\"\"")
    );
    std::fs::write(dir.join("s.csv"), csv).unwrap();
    let run = import(
        &[
            "regneark",
            "s.csv",
            "--til",
            "k",
            "--kommune",
            "K",
            "--kommunenummer",
            "3999",
        ],
        &dir,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        body(&dir.join("k/systemer/a.yaml")),
        "id: a\nnavn: \"A\"\nbeskrivelse: \"- &a *b !c: \\\"sitat\\\" # ikke kommentar\\u202E\\nandre linje\"\n"
    );
    let check = prinsipp(&[
        "check",
        dir.join("k").to_str().unwrap(),
        "--fail-on",
        "never",
    ]);
    assert_eq!(check.code, 0, "the folder loads: {}", check.stderr);
    let loaded =
        prinsipp::load::load_folder(&dir.join("k"), &prinsipp::load::LoadOptions::default());
    let portfolio = loaded.portfolio.expect("it loads");
    assert_eq!(
        portfolio.systems[0].description.as_deref(),
        Some(format!("{nasty}\nandre linje").as_str())
    );
}

/// Kartoteket: the API's endpoint dumps and the admin CSV export together (the shipped
/// example), joined on Kartoteket's id.
#[test]
fn kartoteket_api_and_csv_become_systems() {
    let dir = scratch("import-kartoteket");
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/import/kartoteket");
    let files = [
        "systemer.json",
        "virksomheter.json",
        "leverandorer.json",
        "driftsplattformer.json",
        "systemintegrasjoner.json",
        "admin-eksport-system.csv",
    ];
    for f in files {
        std::fs::copy(example.join(f), dir.join(f)).unwrap();
    }
    let mut args = vec!["kartoteket"];
    args.extend(files);
    args.extend([
        "--til",
        "k",
        "--kommune",
        "Fjordvik kommune",
        "--kommunenummer",
        "3999",
    ]);
    let run = import(&args, &dir);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let folder = dir.join("k");
    assert_eq!(
        body(&folder.join("systemer/elements.yaml")),
        "id: elements
navn: \"Elements\"
beskrivelse: \"Sak- og arkivsystem for hele kommunen\"
leverandor: \"Sikri AS\"
systemeier: \"Kommunaldirektørens stab\"
systemforvalter: \"Dokumentsenteret\"
programvaretype: hyllevare
drift: saas
livslop: aktiv
innfort: 2019-05-01
ros:
  dato: 2025-03-01
  ref: \"https://ros.example.no/101\"
arkiv:
  arkivverdig: true
"
    );
    assert_eq!(
        body(&folder.join("systemer/gerica.yaml")),
        "id: gerica
navn: \"Gerica\"
beskrivelse: \"Pasientjournal og vedtak i pleie og omsorg\"
leverandor: \"Tietoevry\"
systemeier: \"Helse og omsorg\"
systemforvalter: \"Helse og omsorg\"
programvaretype: tilpasset_hyllevare
livslop: utfasing
innfort: 2008-01-01
utfases: 2027-12-31
integrasjoner:
  - mot: elements
"
    );
    // Only in the CSV: the organisation's abbreviation is dropped, the dates are read.
    assert_eq!(
        body(&folder.join("systemer/budsjettmodell.yaml")),
        "id: budsjettmodell
navn: \"Budsjettmodell\"
beskrivelse: \"Regneark-basert budsjettverktøy\"
systemeier: \"Økonomi\"
programvaretype: egenutviklet
livslop: aktiv
"
    );
    let report = read(&folder.join("import-rapport.md"));
    for line in [
        "Leste 8 rader fra",
        "- `admin-eksport-system.csv:1`: Kolonnen sikkerhetsnivaa har ingen plass i formatet og er ikke lest",
        "- `admin-eksport-system.csv:4:6`: «Vår 2015» er ikke en dato (innfort); feltet er utelatt",
        "- `systemer.json:2`: Plattformen «Serverrom rådhuset» (Privat datasenter) sier ikke sikkert hvilken drift; feltet er utelatt",
        "- `systemer.json:3`: Plattformen «Azure - felles» (Offentlig datasenter) sier ikke sikkert hvilken drift; feltet er utelatt",
        "- `systemer.json:5`: systemeier viser til virksomhet 9, som ikke er i noen av filene (ta med /api/virksomheter/); feltet er utelatt",
        "- `systemintegrasjoner.json:4`: Integrasjonen mellom Kartoteket-id 101 og 999 nevner et system som ikke er importert; den er utelatt",
        "- `systemer.json:4`: «ID-porten» er en nasjonal felleskomponent i Kartoteket",
        "- `systemintegrasjoner.json:2`: 1 avhengighet av typen «Federert pålogging» er ikke en integrasjon i prinsipps forstand og er ikke tatt med",
    ] {
        assert!(report.contains(line), "{line}\n{report}");
    }
    assert!(
        !report.contains("Heuristikker"),
        "no heuristic without --heuristikk"
    );
    // With --heuristikk: the public platform and the personal data, each reported.
    let mut with = args.clone();
    with.extend(["--heuristikk", "--overskriv"]);
    let run = import(&with, &dir);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(body(&folder.join("systemer/byggesak-app.yaml")).contains("drift: iaas\n"));
    assert!(body(&folder.join("systemer/gerica.yaml")).contains("personopplysninger: vanlige\n"));
    let report = read(&folder.join("import-rapport.md"));
    assert!(report.contains("## Heuristikker som er brukt (2)\n\n- `systemer.json:3`: drift: iaas for plattformen «Azure - felles» (offentlig plattform (kan være paas))\n- `systemintegrasjoner.json:1`: personopplysninger: vanlige, fordi en integrasjon fra systemet overfører personopplysninger\n"), "{report}");
    assert_eq!(
        read(&folder.join("import-idkart.csv")),
        "kilde;nøkkel;id\nkartoteket;101;elements\nkartoteket;102;gerica\nkartoteket;103;byggesak-app\nkartoteket;104;id-porten\nkartoteket;105;gammelt-lonnssystem\nkartoteket;106;budsjettmodell\n"
    );
    let check = prinsipp(&[
        "check",
        folder.to_str().unwrap(),
        "--dato",
        "2026-06-01",
        "--fail-on",
        "advarsel",
    ]);
    assert_eq!(
        check.code, 1,
        "the folder loads and has findings: {}",
        check.stderr
    );
    assert!(
        check
            .stdout
            .contains("0 feil, 11 advarsler — 6 systemer, 0 prosjekter kontrollert"),
        "{}",
        check.stdout
    );
}

/// Prosjektportalen 365: the portfolio overview's «Eksporter til Excel» (one sheet named
/// after the web part, the view's display names as headers, dates as text, currency as
/// whole numbers), in an English-language installation.
#[test]
fn pp365_portfolio_overview_becomes_projects() {
    use rust_xlsxwriter::Workbook;
    let dir = scratch("import-pp365");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("Porteføljeoversikt").unwrap();
    let rows: [[&str; 8]; 4] = [
        [
            "Title",
            "Project Number",
            "Phase",
            "Project Owner",
            "Project Manager",
            "Service area",
            "Project Status",
            "Gains responsible",
        ],
        [
            "Nytt sak- og arkivsystem",
            "P-2025-01",
            "Initiating",
            "Kommunalsjef organisasjon",
            "Kari Nordmann",
            "Administrasjon og IKT",
            "Active",
            "Kommunalsjef organisasjon",
        ],
        [
            "Ny skoleplattform",
            "P-2023-02",
            "Benefits realization",
            "Kommunalsjef oppvekst",
            "",
            "Skole og oppvekst",
            "Closed",
            "",
        ],
        [
            "Velferdsteknologi",
            "P-2024-07",
            "Directing",
            "Kommunalsjef helse",
            "Ola Hansen",
            "Helse og velferd",
            "Active",
            "",
        ],
    ];
    write_rows(sheet, &rows);
    sheet
        .write_string(0, 8, "Total budget for the project")
        .unwrap();
    sheet.write_number(1, 8, 4_200_000.0).unwrap();
    book.save(dir.join("Porteføljeoversikt-2026-11-30T10-00-00.xlsx"))
        .unwrap();
    let run = import(
        &[
            "pp365-prosjekter",
            "Porteføljeoversikt-2026-11-30T10-00-00.xlsx",
            "--til",
            "k",
            "--kommune",
            "K",
            "--kommunenummer",
            "3999",
        ],
        &dir,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        body(&dir.join("k/prosjekter/nytt-sak-og-arkivsystem.yaml")),
        "prosjekt:
  id: nytt-sak-og-arkivsystem
  navn: \"Nytt sak- og arkivsystem\"
  prosjekteier: \"Kommunalsjef organisasjon\"
  prosjektleder: \"Kari Nordmann\"
  tjenesteomraade: \"Administrasjon og IKT\"
  fase: planlegge
  budsjett_nok: 4200000
  gevinstplan:
    gevinstansvarlig: \"Kommunalsjef organisasjon\"
"
    );
    assert_eq!(
        body(&dir.join("k/prosjekter/velferdsteknologi.yaml")),
        "prosjekt:
  id: velferdsteknologi
  navn: \"Velferdsteknologi\"
  prosjekteier: \"Kommunalsjef helse\"
  prosjektleder: \"Ola Hansen\"
  tjenesteomraade: \"Helse og velferd\"
  fase: gjennomfore
"
    );
    assert!(!dir.join("k/prosjekter/ny-skoleplattform.yaml").exists());
    assert!(
        run.stderr.contains("- `Porteføljeoversikt-2026-11-30T10-00-00.xlsx[Porteføljeoversikt]:3`: «Ny skoleplattform» er avsluttet; avsluttede prosjekter er ikke tatt med"),
        "{}",
        run.stderr
    );
    assert_eq!(
        read(&dir.join("k/import-idkart.csv")),
        "kilde;nøkkel;id\npp365;nummer:P-2024-07;velferdsteknologi\npp365;nummer:P-2025-01;nytt-sak-og-arkivsystem\n"
    );
    // The folder loads and is checked; an imported project always lacks what PP365 does not
    // hold (benefits, process mapping …), so it has findings.
    let check = prinsipp(&[
        "check",
        dir.join("k").to_str().unwrap(),
        "--dato",
        "2026-06-01",
    ]);
    assert_eq!(check.code, 1, "{}", check.stderr);
    assert!(check.stdout.contains("GEV-01"), "{}", check.stdout);
}

/// The hub list «Prosjekter» exported to CSV (the shipped example): taxonomy values with
/// their GUIDs, several service areas, a closed project, one with no owner, «Flere faser».
#[test]
fn pp365_hub_list_csv_becomes_projects() {
    let dir = scratch("import-pp365-csv");
    let example =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/import/pp365/prosjekter.csv");
    std::fs::copy(example, dir.join("prosjekter.csv")).unwrap();
    let run = import(&["pp365-prosjekter", "prosjekter.csv", "--til", "k"], &dir);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        body(&dir.join("k/prosjekter/digital-byggesak.yaml")),
        "prosjekt:
  id: digital-byggesak
  navn: \"Digital byggesak\"
  prosjekteier: \"Kommunalsjef teknisk\"
  prosjektleder: \"Per Berg\"
  tjenesteomraade: \"Plan, bygg og geodata\"
"
    );
    assert!(
        body(&dir.join("k/prosjekter/velferdsteknologi-i-hjemmetjenesten.yaml"))
            .contains("  fase: gjennomfore\n  budsjett_nok: 1250000\n")
    );
    let report = read(&dir.join("k/import-rapport.md"));
    assert_eq!(
        report,
        "# Importrapport (pp365)

Leste 5 rader fra `prosjekter.csv`. Skrev 3 nye og 0 endrede filer; 0 uendret; 0 redigert for hånd og latt være; 0 finnes ikke lenger i kilden.

## Rader som er hoppet over (2)

- `prosjekter.csv:4`: «Ny skoleplattform» er avsluttet; avsluttede prosjekter er ikke tatt med
- `prosjekter.csv:6`: «Chatbot for innbyggere» har ingen prosjekteier, som formatet krever; prosjektet er ikke skrevet

## Kolonner uten plass i formatet (1)

- `prosjekter.csv:1:7`: «Prosjekttype» har ingen plass i formatet; kolonnen er ikke lest

## Verdier som ikke kunne leses (feltet er utelatt) (2)

- `prosjekter.csv:5:3`: «Flere faser» passer ikke til noen verdi av fase; feltet er utelatt
- `prosjekter.csv:5:10`: «ca. 2 mill» er ikke et beløp som kan leses (budsjett\\_nok); feltet er utelatt

## Annet (2)

- `prosjekter.csv:3:6`: Flere verdier for tjenesteomraade (Helse og velferd, Skole og oppvekst); den første er skrevet
- `k/kommune.yaml`: Mappa har ingen kommune.yaml: gi --kommune og --kommunenummer, eller lag den med \\`prinsipp init\\`
"
    );
}

/// The projects, then a project's three benefit lists (the shipped example): one benefit
/// per indicator, joined on the ID columns, the baseline's date from the first
/// measurement that has the start value, a measurement with no date and one whose
/// indicator is gone reported, not guessed.
#[test]
fn pp365_benefit_lists_become_the_projects_benefit_plan() {
    let dir = scratch("import-gevinster");
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/import/pp365");
    for f in [
        "prosjekter.csv",
        "gevinster.csv",
        "maleindikatorer.csv",
        "gevinstoppfolging.csv",
    ] {
        std::fs::copy(example.join(f), dir.join(f)).unwrap();
    }
    let run = import(
        &[
            "pp365-prosjekter",
            "prosjekter.csv",
            "--til",
            "k",
            "--kommune",
            "K",
            "--kommunenummer",
            "3999",
        ],
        &dir,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    // Without --prosjekt the lists cannot be placed.
    let run = import(
        &[
            "pp365-gevinster",
            "gevinster.csv",
            "maleindikatorer.csv",
            "gevinstoppfolging.csv",
            "--til",
            "k",
        ],
        &dir,
    );
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("feil: gevinster.csv: Listene fra et prosjektområde har ingen prosjektkolonne: si hvilket prosjekt de hører til med --prosjekt ID"), "{}", run.stderr);
    let run = import(
        &[
            "pp365-gevinster",
            "gevinstoppfolging.csv",
            "maleindikatorer.csv",
            "gevinster.csv",
            "--prosjekt",
            "nytt-sak-og-arkivsystem",
            "--til",
            "k",
        ],
        &dir,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let project = body(&dir.join("k/prosjekter/nytt-sak-og-arkivsystem.yaml"));
    assert_eq!(
        project,
        "prosjekt:
  id: nytt-sak-og-arkivsystem
  navn: \"Nytt sak- og arkivsystem\"
  prosjekteier: \"Kommunalsjef organisasjon\"
  prosjektleder: \"Kari Nordmann\"
  tjenesteomraade: \"Administrasjon og IKT\"
  fase: planlegge
  budsjett_nok: 4200000
  gevinstplan:
    gevinstansvarlig: \"Kommunalsjef organisasjon\"
    sist_oppdatert: 2026-03-02
    gevinster:
      - id: G1
        beskrivelse: \"Mindre tid til journalføring\"
        kategori: tid
        type: kvantitativ
        indikator: \"Timer per måned brukt på journalføring\"
        maaleenhet: timer
        nullpunkt:
          verdi: 120
          dato: 2025-09-01
        maalverdi: 40
        realiseres: 2027-12-31
        gevinsteier: \"Leder dokumentsenteret\"
        maalinger:
          - dato: 2026-03-01
            verdi: 95
      - id: G2-11
        beskrivelse: \"Færre papirutskrifter\"
        kategori: kostnad
        type: kvantitativ
        indikator: \"Sider skrevet ut per måned\"
        maaleenhet: antall
        nullpunkt:
          verdi: 12000
        maalverdi: 3000
        realiseres: 2028-06-30
        gevinsteier: \"Leder dokumentsenteret\"
      - id: G2-12
        beskrivelse: \"Færre papirutskrifter\"
        kategori: kostnad
        type: kvantitativ
        indikator: \"Kostnad til papir og toner\"
        maaleenhet: kroner
        nullpunkt:
          verdi: 85000
        maalverdi: 20000
        realiseres: 2028-06-30
        gevinsteier: \"Leder dokumentsenteret\"
      - id: G3
        beskrivelse: \"Bedre tilgjengelighet for innbyggere\"
        kategori: kvalitet
        type: kvalitativ
        gevinsteier: \"Kommunikasjonssjef\"
"
    );
    assert!(read(&dir.join("k/prosjekter/nytt-sak-og-arkivsystem.yaml")).starts_with(
        "# Importert av prinsipp fra prosjekter.csv, rad 2; gevinster fra gevinstoppfolging.csv, maleindikatorer.csv, gevinster.csv.\n"
    ));
    let report = read(&dir.join("k/import-rapport.md"));
    assert!(report.contains("- `gevinstoppfolging.csv:4`: Målingen av «Sider skrevet ut per måned» mangler dato eller verdi (eller de kan ikke leses); den er hoppet over\n- `gevinstoppfolging.csv:5`: Målingen viser til måleindikatoren «Papirforbruk totalt», som ikke er i lista over indikatorer; den er hoppet over\n"), "{report}");
    // The rules read the plan: G2's baselines have no date, and G3 has neither an indicator
    // nor a date; GEV-02 says so for each.
    let check = prinsipp(&[
        "check",
        dir.join("k").to_str().unwrap(),
        "--dato",
        "2026-06-01",
        "--format",
        "json",
    ]);
    let json: serde_json::Value = serde_json::from_str(&check.stdout).unwrap();
    let gev02: Vec<&str> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "GEV-02" && f["subject_id"] == "nytt-sak-og-arkivsystem")
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(
        gev02,
        [
            "/prosjekt/gevinstplan/gevinster/G2-11",
            "/prosjekt/gevinstplan/gevinster/G2-12",
            "/prosjekt/gevinstplan/gevinster/G3"
        ],
        "{}",
        check.stdout
    );
    // Next month the projects are imported again, with a new project manager: the benefits
    // the lists gave stay, and so does the note of where they came from.
    let before = body(&dir.join("k/prosjekter/nytt-sak-og-arkivsystem.yaml"));
    let projects = read(&dir.join("prosjekter.csv"));
    assert!(projects.contains("Kari Nordmann"), "{projects}");
    std::fs::write(
        dir.join("prosjekter.csv"),
        projects.replacen("Kari Nordmann", "Per Hansen", 1),
    )
    .unwrap();
    let run = import(&["pp365-prosjekter", "prosjekter.csv", "--til", "k"], &dir);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("Skrev 0 nye og 1 endrede filer; 2 uendret;"),
        "{}",
        run.stderr
    );
    let after = read(&dir.join("k/prosjekter/nytt-sak-og-arkivsystem.yaml"));
    assert!(after.starts_with(
        "# Importert av prinsipp fra prosjekter.csv, rad 2; gevinster fra gevinstoppfolging.csv, maleindikatorer.csv, gevinster.csv.\n"
    ), "{after}");
    assert_eq!(
        body(&dir.join("k/prosjekter/nytt-sak-og-arkivsystem.yaml")),
        before.replace("Kari Nordmann", "Per Hansen")
    );
}

/// Lists exported without their ID columns are joined by title; a title two benefits share
/// cannot be joined with certainty, so its indicator is reported, not guessed.
#[test]
fn pp365_lists_without_ids_are_joined_by_title_or_not_at_all() {
    let dir = scratch("import-gevinster-titles");
    std::fs::create_dir_all(dir.join("k/prosjekter")).unwrap();
    std::fs::write(
        dir.join("k/prosjekter/p.yaml"),
        "prosjekt:\n  id: p\n  navn: \"P\"\n  prosjekteier: \"Eier\"\n",
    )
    .unwrap();
    std::fs::write(dir.join("g.csv"), "Gevinst;Gevinsttype;Gevinsteier\nSpart tid;Indirekte;A\nSpart tid;Direkte;B\nBedre kvalitet;Kvalitativ;C\n").unwrap();
    std::fs::write(dir.join("m.csv"), "Tittel;Gevinst;Startverdi;Ønsket verdi;Måleenhet\nTimer;Spart tid;10;5;Timer\nAvvik;Bedre kvalitet;4;1;Stk\n").unwrap();
    let run = import(
        &[
            "pp365-gevinster",
            "g.csv",
            "m.csv",
            "--prosjekt",
            "p",
            "--til",
            "k",
            "--overskriv",
        ],
        &dir,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let project = body(&dir.join("k/prosjekter/p.yaml"));
    assert!(
        project.contains(
            "      - id: G1\n        beskrivelse: \"Spart tid\"\n        kategori: tid\n"
        ),
        "{project}"
    );
    assert!(project.contains("      - id: G3\n        beskrivelse: \"Bedre kvalitet\"\n        kategori: kvalitet\n        type: kvalitativ\n        indikator: \"Avvik\"\n        nullpunkt:\n          verdi: 4\n        maalverdi: 1\n"), "{project}");
    let report = read(&dir.join("k/import-rapport.md"));
    assert!(report.contains("- `m.csv:2`: Måleindikatoren «Timer» viser til «Spart tid», som 2 gevinster heter; den kan ikke kobles sikkert (ta med ID-kolonnene) og er hoppet over"), "{report}");
    assert!(
        report.contains(
            "- `m.csv:3:5`: «Stk» er ikke en måleenhet fra Prosjektportalen; feltet er utelatt"
        ),
        "{report}"
    );
    assert!(report.contains("- `g.csv:2`: Gevinstene i p har ikke hver sin ID; de er nummerert G1, G2 … i radenes rekkefølge"), "{report}");
    // The project file was written by a person, so the import needed --overskriv.
    std::fs::write(
        dir.join("k/prosjekter/q.yaml"),
        "prosjekt:\n  id: q\n  navn: \"Q\"\n  prosjekteier: \"Eier\"\n",
    )
    .unwrap();
    let run = import(
        &["pp365-gevinster", "g.csv", "--prosjekt", "q", "--til", "k"],
        &dir,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "Redigert for hånd, ikke overskrevet (bruk --overskriv)\n\n- `prosjekter/q.yaml`"
        ),
        "{}",
        run.stderr
    );
}

/// The hub's Gevinstoversikt «Eksporter til Excel»: all projects in one sheet, the
/// measurements' sheet left out because its dates cannot be trusted.
#[test]
fn pp365_gevinstoversikt_becomes_benefits_of_each_project() {
    use rust_xlsxwriter::Workbook;
    let dir = scratch("import-gevinstoversikt");
    std::fs::create_dir_all(dir.join("k")).unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/import/pp365/prosjekter.csv"),
        dir.join("prosjekter.csv"),
    )
    .unwrap();
    let run = import(&["pp365-prosjekter", "prosjekter.csv", "--til", "k"], &dir);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("Gevinstoversikt").unwrap();
    let rows: [[&str; 8]; 6] = [
        [
            "Prosjekt",
            "Tittel",
            "Gevinstansvarlig",
            "Gevinsteier",
            "Måleenhet",
            "Måleindikator",
            "Gevinsttype",
            "Realiseringstidspunkt",
        ],
        [
            "Velferdsteknologi i hjemmetjenesten",
            "Færre nattbesøk",
            "Enhetsleder hjemmetjenester",
            "Avdelingsleder natt",
            "Antall",
            "Nattbesøk per uke",
            "Indirekte",
            "2027-06-30",
        ],
        [
            "Et prosjekt som ikke er importert",
            "Noe",
            "",
            "",
            "Antall",
            "Noe",
            "",
            "",
        ],
        [
            "Velferdsteknologi i hjemmetjenesten",
            "Mindre reisetid",
            "Enhetsleder hjemmetjenester",
            "Avdelingsleder dag",
            "Minutter",
            "Reisetid per dag",
            "Økonomisk",
            "Q4 2027",
        ],
        [
            "Velferdsteknologi i hjemmetjenesten",
            "",
            "",
            "",
            "Antall",
            "Alarmer per uke",
            "",
            "",
        ],
        [
            "",
            "Kortere ventetid",
            "",
            "",
            "Antall",
            "Dager på venteliste",
            "",
            "",
        ],
    ];
    write_rows(sheet, &rows);
    sheet.write_string(0, 8, "Startverdi").unwrap();
    sheet.write_string(0, 9, "Ønsket verdi").unwrap();
    sheet.write_number(1, 8, 140.0).unwrap();
    sheet.write_number(1, 9, 90.0).unwrap();
    sheet.write_string(3, 8, "ca. 300").unwrap();
    sheet.write_number(3, 9, 200.0).unwrap();
    let measurements = book.add_worksheet().set_name("Målinger").unwrap();
    for (c, h) in ["Tittel", "Måling", "Målt verdi", "Dato for måling"]
        .iter()
        .enumerate()
    {
        measurements.write_string(0, c as u16, *h).unwrap();
    }
    measurements.write_string(1, 0, "Færre nattbesøk").unwrap();
    measurements
        .write_string(1, 1, "Nattbesøk per uke")
        .unwrap();
    measurements.write_number(1, 2, 120.0).unwrap();
    measurements.write_string(1, 3, "2026-05-01").unwrap();
    book.save(dir.join("Gevinstoversikt.xlsx")).unwrap();
    let run = import(
        &["pp365-gevinster", "Gevinstoversikt.xlsx", "--til", "k"],
        &dir,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let project = body(&dir.join("k/prosjekter/velferdsteknologi-i-hjemmetjenesten.yaml"));
    assert!(
        project.ends_with("  gevinstplan:\n    gevinstansvarlig: \"Enhetsleder hjemmetjenester\"\n    gevinster:\n      - id: G1\n        beskrivelse: \"Færre nattbesøk\"\n        kategori: tid\n        type: kvantitativ\n        indikator: \"Nattbesøk per uke\"\n        maaleenhet: antall\n        nullpunkt:\n          verdi: 140\n        maalverdi: 90\n        realiseres: 2027-06-30\n        gevinsteier: \"Avdelingsleder natt\"\n      - id: G2\n        beskrivelse: \"Mindre reisetid\"\n        indikator: \"Reisetid per dag\"\n        maalverdi: 200\n        gevinsteier: \"Avdelingsleder dag\"\n"),
        "{project}"
    );
    assert_eq!(
        run.stderr,
        "# Importrapport (pp365)

Leste 5 rader fra `Gevinstoversikt.xlsx`. Skrev 0 nye og 1 endrede filer; 0 uendret; 0 redigert for hånd og latt være; 0 finnes ikke lenger i kilden.

## Rader som er hoppet over (3)

- `Gevinstoversikt.xlsx[Gevinstoversikt]:3`: Fant ingen prosjektfil for «Et prosjekt som ikke er importert»; gevinstene er ikke skrevet (importer pp365-prosjekter først)
- `Gevinstoversikt.xlsx[Gevinstoversikt]:5`: Raden har ingen gevinst (Tittel); den er hoppet over
- `Gevinstoversikt.xlsx[Gevinstoversikt]:6`: Raden nevner ikke noe prosjekt; den er hoppet over

## Verdier som ikke kunne leses (feltet er utelatt) (4)

- `Gevinstoversikt.xlsx[Gevinstoversikt]:4:5`: «Minutter» er ikke en måleenhet fra Prosjektportalen; feltet er utelatt
- `Gevinstoversikt.xlsx[Gevinstoversikt]:4:7`: «Økonomisk» er ikke en gevinsttype (Direkte, Indirekte, Kvalitativ); kategori og type er utelatt
- `Gevinstoversikt.xlsx[Gevinstoversikt]:4:8`: «Q4 2027» er ikke en dato som kan leses sikkert (realiseres); feltet er utelatt
- `Gevinstoversikt.xlsx[Gevinstoversikt]:4:9`: «ca. 300» er ikke et tall (nullpunkt.verdi); feltet er utelatt

## Id-er som er endret (1)

- `Gevinstoversikt.xlsx[Gevinstoversikt]:2`: Gevinstene i velferdsteknologi-i-hjemmetjenesten har ikke hver sin ID; de er nummerert G1, G2 … i radenes rekkefølge

## Annet (3)

- `Gevinstoversikt.xlsx[Målinger]:1`: Arket «Målinger» er ikke lest: Prosjektportalen skriver datoene i det slik at dag og måned kan bytte plass
- `Gevinstoversikt.xlsx[Gevinstoversikt]:2`: velferdsteknologi-i-hjemmetjenesten: Gevinstoversikten har ikke gevinster uten måleindikator, og datoene i arket «Målinger» er upålitelige; målinger er ikke tatt med (eksporter listene til CSV for dem)
- `Gevinstoversikt.xlsx[Gevinstoversikt]:2`: velferdsteknologi-i-hjemmetjenesten: Gevinstoversikten kan skrive Realiseringstidspunkt én dag for tidlig (datoen går gjennom UTC); realiseres er tatt med som eksportert, men bør sjekkes mot prosjektområdet
"
    );
}

/// The README's command on the shipped sample sheet: a checked folder in one go; --sjekk
/// gives the check's exit code, and --format json the report as JSON.
#[test]
fn the_readme_import_command_gives_a_checked_folder() {
    let dir = scratch("import-readme");
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/import/systemoversikt.csv");
    let run = import(
        &[
            "regneark",
            sample.to_str().unwrap(),
            "--til",
            "fjordvik",
            "--kommune",
            "Fjordvik kommune",
            "--kommunenummer",
            "3999",
            "--sjekk",
            "--dato",
            "2026-06-01",
        ],
        &dir,
    );
    assert_eq!(run.code, 1, "the sample breaks principles: {}", run.stderr);
    assert!(
        run.stdout
            .contains("5 feil, 28 advarsler — 5 systemer, 0 prosjekter kontrollert"),
        "{}",
        run.stdout
    );
    let mut names: Vec<String> = std::fs::read_dir(dir.join("fjordvik/systemer"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "elements.yaml",
            "gerica.yaml",
            "kartportal.yaml",
            "profil.yaml",
            "visma-flyt-skole.yaml"
        ]
    );
    assert!(
        read(&dir.join("fjordvik/kommune.yaml"))
            .ends_with("kommune:\n  navn: \"Fjordvik kommune\"\n  kommunenummer: \"3999\"\n")
    );
    // The report as JSON, on stderr and beside the files.
    let run = import(
        &[
            "regneark",
            sample.to_str().unwrap(),
            "--til",
            "fjordvik",
            "--format",
            "json",
        ],
        &dir,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let report: serde_json::Value =
        serde_json::from_str(&read(&dir.join("fjordvik/import-rapport.json"))).unwrap();
    assert_eq!(report["source"], "regneark");
    assert_eq!(report["rows"], 6);
    // Five systems; kommune.yaml is left alone when --kommune is not given again.
    assert_eq!(report["written"]["unchanged"].as_array().unwrap().len(), 5);
    assert_eq!(report["skipped_rows"][0]["place"]["row"], 7);
    let unread: Vec<&str> = report["unread_values"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["message"].as_str().unwrap())
        .collect();
    assert_eq!(
        unread,
        [
            "«Sky» passer ikke til noen verdi av drift; feltet er utelatt",
            "«1/15/2008» er ikke en dato som kan leses sikkert (innfort); feltet er utelatt",
            "«Azure» passer ikke til noen verdi av drift; feltet er utelatt",
        ]
    );
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&run.stderr).unwrap(),
        report
    );
}

/// An ID column holds SharePoint's whole numbers; anything else (here text that would
/// write a key of its own into the YAML) is reported and not used, and the benefits are
/// numbered by row.
#[test]
fn a_benefit_id_that_is_not_a_number_is_not_used() {
    let dir = scratch("import-gevinster-ids");
    std::fs::create_dir_all(dir.join("k/prosjekter")).unwrap();
    std::fs::write(
        dir.join("k/prosjekter/p.yaml"),
        "prosjekt:\n  id: p\n  navn: \"P\"\n  prosjekteier: \"Eier\"\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("g.csv"),
        "ID;Gevinst;Gevinsttype\n\"7\n        maalverdi: 0\";Spart tid;Indirekte\n8;Bedre kvalitet;Kvalitativ\n",
    )
    .unwrap();
    let run = import(
        &[
            "pp365-gevinster",
            "g.csv",
            "--prosjekt",
            "p",
            "--til",
            "k",
            "--overskriv",
        ],
        &dir,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        body(&dir.join("k/prosjekter/p.yaml")),
        "prosjekt:
  id: p
  navn: \"P\"
  prosjekteier: \"Eier\"
  gevinstplan:
    gevinster:
      - id: G1
        beskrivelse: \"Spart tid\"
        kategori: tid
        type: kvantitativ
      - id: G2
        beskrivelse: \"Bedre kvalitet\"
        kategori: kvalitet
        type: kvalitativ
"
    );
    assert!(
        run.stderr.contains("- `g.csv:2:1`: «7         maalverdi: 0» er ikke en ID fra SharePoint (et heltall); den er ikke brukt\n"),
        "{}",
        run.stderr
    );
}

/// A workbook's header row with merged cells is refused; a formula is read as the value
/// Excel last computed.
#[test]
fn merged_headers_are_refused_and_formulas_give_their_values() {
    use rust_xlsxwriter::{Format, Formula, Workbook};
    let dir = scratch("import-merged");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("Ark1").unwrap();
    sheet
        .merge_range(0, 0, 0, 1, "Systemnavn", &Format::new())
        .unwrap();
    sheet.write_string(1, 0, "A").unwrap();
    book.save(dir.join("flettet.xlsx")).unwrap();
    let run = import(&["regneark", "flettet.xlsx", "--til", "k"], &dir);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("feil: flettet.xlsx[Ark1]:1:1: Overskriftsraden har sammenslåtte celler; kolonnene under kan ikke skilles"),
        "{}",
        run.stderr
    );
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "Systemnavn").unwrap();
    sheet.write_string(0, 1, "Leverandør").unwrap();
    sheet.write_string(1, 0, "Elements").unwrap();
    sheet
        .write_formula(1, 1, Formula::new("=\"Sik\"&\"ri\"").set_result("Sikri"))
        .unwrap();
    book.save(dir.join("formel.xlsx")).unwrap();
    let run = import(&["regneark", "formel.xlsx", "--til", "k2"], &dir);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(body(&dir.join("k2/systemer/elements.yaml")).contains("leverandor: \"Sikri\"\n"));
}

#[test]
fn a_sheet_says_who_operates_whose_solution_and_what_is_unknown() {
    let dir = scratch("import-operator");
    std::fs::write(
        dir.join("systemer.csv"),
        "Systemnavn;Driftes av;Eierskap;Livsløp;Kommentar\nSak;IKT-samarbeidet;interkommunal;vet ikke;Flyttes til ny plattform i 2027\n",
    )
    .unwrap();
    let run = import(&["regneark", "systemer.csv", "--til", "k"], &dir);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        body(&dir.join("k/systemer/sak.yaml")),
        "id: sak\nnavn: \"Sak\"\nmerknad: \"Flyttes til ny plattform i 2027\"\ndriftes_av: ikt_samarbeid\neierskap: interkommunal\nlivslop: ukjent\n"
    );
}
