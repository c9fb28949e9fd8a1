//! `prinsipp import` on input built to break it: paths in flags, quotes that never close,
//! links inside the kommune folder, an id map that cannot be read, ids other files hold,
//! numbers too large to write, workbooks that count days from 1904 or hold error cells,
//! sheets too large to hold, and reports of many thousand notes.

mod common;
use common::{body, import, prinsipp, read, scratch, write_rows};
use std::io::{Read, Write};
use std::path::Path;

const SHEET: &str = "Systemnavn;Driftsmodell\nElements;SaaS\n";

#[test]
fn a_project_id_that_is_not_a_file_name_is_refused() {
    let dir = scratch("hostile-prosjekt");
    std::fs::write(
        dir.join("g.csv"),
        "ID;Gevinst;Gevinsttype\n1;Spart tid;Indirekte\n",
    )
    .unwrap();
    for id in ["../../utenfor", "", "a/b", ".."] {
        let run = import(
            &["pp365-gevinster", "g.csv", "--prosjekt", id, "--til", "k"],
            &dir,
        );
        assert_eq!(run.code, 2, "{id}: {}", run.stderr);
        assert_eq!(
            run.stderr,
            format!(
                "feil: --prosjekt: «{id}» er ikke en prosjekt-id\n  tips: Gi id-en til et prosjekt i mappa: navnet på fila i prosjekter/ uten .yaml (bokstaver, sifre, - og _)\n1 feil: ingenting er importert.\n"
            )
        );
    }
    assert!(!dir.join("k").exists(), "nothing written");
}

/// The CSV reader would take the rest of the file into one cell, or join `"a"b` to `ab`.
#[test]
fn a_quote_that_does_not_close_right_is_refused_at_its_place() {
    let dir = scratch("hostile-quote");
    for (content, expected) in [
        (
            "Systemnavn;Beskrivelse\nA;\"line 1\nline 2\"\nB;\"never closed\nC;x\n",
            "feil: s.csv:4:3: Cellen begynner med et anførselstegn som aldri lukkes; resten av fila ville blitt én celle",
        ),
        (
            "Systemnavn;Beskrivelse\nA;\"unclosed;SaaS\nB;x\nC;\"a \"\"q\"\" b\";SaaS\n",
            "feil: s.csv:2:3: Cellen begynner med et anførselstegn, men det som lukker det følges av mer tekst; hvilket anførselstegn var ment?",
        ),
    ] {
        std::fs::write(dir.join("s.csv"), content).unwrap();
        let run = import(&["regneark", "s.csv", "--til", "k"], &dir);
        assert_eq!(run.code, 2, "{}", run.stderr);
        assert_eq!(
            run.stderr,
            format!(
                "{expected}\n  tips: Lukk anførselstegnet, eller skriv et anførselstegn inne i en celle som to (\"\")\n1 feil: ingenting er importert.\n"
            )
        );
    }
    // A cell over two lines, and quotes written as two, are read as they are.
    std::fs::write(
        dir.join("s.csv"),
        "Systemnavn;Beskrivelse\nA;\"line 1\nline \"\"2\"\"\"\n",
    )
    .unwrap();
    let run = import(&["regneark", "s.csv", "--til", "k"], &dir);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        body(&dir.join("k/systemer/a.yaml")),
        "id: a\nnavn: \"A\"\nbeskrivelse: \"line 1\\nline \\\"2\\\"\"\n"
    );
}

/// Whatever the way to the kommune folder (here an absolute path outside the working
/// directory), nothing inside it is written through a link.
#[test]
fn a_link_inside_the_kommune_folder_is_not_written_through() {
    let dir = scratch("hostile-link");
    let (cwd, outside, folder) = (dir.join("cwd"), dir.join("outside"), dir.join("k"));
    for d in [&cwd, &outside, &folder] {
        std::fs::create_dir_all(d).unwrap();
    }
    std::os::unix::fs::symlink(&outside, folder.join("systemer")).unwrap();
    std::fs::write(dir.join("s.csv"), SHEET).unwrap();
    let run = import(
        &[
            "regneark",
            dir.join("s.csv").to_str().unwrap(),
            "--til",
            folder.to_str().unwrap(),
        ],
        &cwd,
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        format!(
            "feil: {}: Mappa er en symbolsk lenke; prinsipp skriver ikke gjennom lenker i kommunemappa\n1 feil: ingenting er importert.\n",
            folder.join("systemer").display()
        )
    );
    assert_eq!(
        std::fs::read_dir(&outside).unwrap().count(),
        0,
        "nothing written outside"
    );
}

/// The id map keeps ids from one import to the next: one that is there but cannot be read
/// stops the import rather than give every system a new id.
#[test]
fn an_id_map_that_cannot_be_read_stops_the_import() {
    let dir = scratch("hostile-idmap");
    std::fs::write(dir.join("s.csv"), SHEET).unwrap();
    std::fs::create_dir_all(dir.join("k")).unwrap();
    std::fs::write(dir.join("k/import-idkart.csv"), b"kilde;n\xf8kkel;id\n").unwrap();
    let run = import(&["regneark", "s.csv", "--til", "k"], &dir);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "feil: k/import-idkart.csv: Fila er ikke UTF-8\n1 feil: ingenting er importert.\n"
    );
    std::fs::remove_file(dir.join("k/import-idkart.csv")).unwrap();
    std::fs::write(dir.join("elsewhere.csv"), "kilde;nøkkel;id\n").unwrap();
    std::os::unix::fs::symlink(dir.join("elsewhere.csv"), dir.join("k/import-idkart.csv")).unwrap();
    let run = import(&["regneark", "s.csv", "--til", "k"], &dir);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.starts_with("feil: k/import-idkart.csv: "),
        "{}",
        run.stderr
    );
    assert!(!dir.join("k/systemer").exists(), "nothing written");
    assert_eq!(read(&dir.join("elsewhere.csv")), "kilde;nøkkel;id\n");
}

/// A file written by hand may hold the id the import would give: the import gives the next
/// one and says so, so that the folder still loads. An id YAML would read as something
/// else («null») is written quoted.
#[test]
fn an_id_another_file_holds_is_not_given_again() {
    let dir = scratch("hostile-ids");
    std::fs::create_dir_all(dir.join("k/systemer")).unwrap();
    std::fs::write(
        dir.join("k/kommune.yaml"),
        "kommune:\n  navn: Fjordvik kommune\n  kommunenummer: \"3999\"\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("k/systemer/sak-arkiv.yaml"),
        "id: elements\nnavn: Sak og arkiv\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("s.csv"),
        "Systemnavn;Driftsmodell\nElements;SaaS\nNull;SaaS\n",
    )
    .unwrap();
    let run = import(&["regneark", "s.csv", "--til", "k"], &dir);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("## Id-er som er endret (1)\n\n- `s.csv:2`: Id-en «elements» er allerede brukt i systemer/sak-arkiv.yaml; denne fikk «elements-2»\n"),
        "{}",
        run.stderr
    );
    assert_eq!(
        body(&dir.join("k/systemer/elements-2.yaml")),
        "id: elements-2\nnavn: \"Elements\"\ndrift: saas\n"
    );
    assert_eq!(
        body(&dir.join("k/systemer/null.yaml")),
        "id: \"null\"\nnavn: \"Null\"\ndrift: saas\n"
    );
    let check = prinsipp(&[
        "check",
        dir.join("k").to_str().unwrap(),
        "--dato",
        "2026-06-01",
    ]);
    assert_eq!(
        check.code, 0,
        "the folder loads and is checked: {}{}",
        check.stdout, check.stderr
    );
    assert!(check.stdout.contains("3 systemer"), "{}", check.stdout);
    // Importing again keeps elements-2: the id map has it.
    let run = import(&["regneark", "s.csv", "--til", "k"], &dir);
    assert!(
        run.stderr.contains("0 nye og 0 endrede filer; 2 uendret"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_number_too_large_to_be_an_amount_is_reported_not_written() {
    let dir = scratch("hostile-number");
    let huge = "9".repeat(400);
    std::fs::write(
        dir.join("p.csv"),
        format!("Tittel,Prosjekteier,Totalbudsjett for prosjektet\nP,Eier,{huge}\n"),
    )
    .unwrap();
    let run = import(&["pp365-prosjekter", "p.csv", "--til", "k"], &dir);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        body(&dir.join("k/prosjekter/p.yaml")),
        "prosjekt:\n  id: p\n  navn: \"P\"\n  prosjekteier: \"Eier\"\n"
    );
    assert!(
        run.stderr.contains(&format!(
            "- `p.csv:2:3`: «{}…» er ikke et beløp som kan leses (budsjett_nok); feltet er utelatt\n",
            "9".repeat(80)
        )),
        "{}",
        run.stderr
    );
}

/// Rewrites one part of a workbook (a zip), as old Mac Excel or another tool would have
/// written it.
fn patch_workbook(path: &Path, part: &str, change: impl Fn(String) -> String) {
    let bytes = std::fs::read(path).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        let name = file.name().to_string();
        let mut text = Vec::new();
        file.read_to_end(&mut text).unwrap();
        if name == part {
            text = change(String::from_utf8(text).unwrap()).into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&text).unwrap();
    }
    std::fs::write(path, out.finish().unwrap().into_inner()).unwrap();
}

/// A workbook that counts days from 1904 means another day by the same serial number; a
/// cell Excel holds as an error (`#N/A`) is read as empty and reported.
#[test]
fn a_workbook_from_1904_and_error_cells() {
    use rust_xlsxwriter::Workbook;
    let dir = scratch("hostile-1904");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("Systemer").unwrap();
    for (c, h) in ["Systemnavn", "Tatt i bruk", "Leverandør"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    sheet.write_string(1, 0, "Elements").unwrap();
    sheet.write_number(1, 1, 45000.0).unwrap();
    sheet.write_number(1, 2, 777.0).unwrap();
    book.save(dir.join("s.xlsx")).unwrap();
    patch_workbook(&dir.join("s.xlsx"), "xl/workbook.xml", |xml| {
        xml.replacen("<workbookPr", "<workbookPr date1904=\"1\"", 1)
    });
    patch_workbook(&dir.join("s.xlsx"), "xl/worksheets/sheet1.xml", |xml| {
        xml.replacen(
            "<c r=\"C2\"><v>777</v></c>",
            "<c r=\"C2\" t=\"e\"><v>#N/A</v></c>",
            1,
        )
    });
    let run = import(&["regneark", "s.xlsx", "--til", "k"], &dir);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        body(&dir.join("k/systemer/elements.yaml")),
        "id: elements\nnavn: \"Elements\"\ninnfort: 2027-03-16\n",
        "45000 days after 1 January 1904"
    );
    assert!(
        run.stderr.contains(
            "- `s.xlsx[Systemer]:2:3`: Cellen er en feil i regnearket (#N/A); den er lest som tom\n"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn a_sheet_too_large_to_hold_is_refused() {
    let dir = scratch("hostile-large");
    let wide = format!("Systemnavn{}\nA\n", ";x".repeat(1_000));
    std::fs::write(dir.join("s.csv"), wide).unwrap();
    let run = import(&["regneark", "s.csv", "--til", "k"], &dir);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "feil: s.csv:1:1001: Arket er for stort: prinsipp leser høyst 4000000 celler og 1000 kolonner\n  tips: Fjern tomme rader og kolonner (de kan ha et innhold som ikke synes), eller del arket\n1 feil: ingenting er importert.\n"
    );
    // 1.5 million rows of three empty cells: more cells than any inventory.
    std::fs::write(
        dir.join("s.csv"),
        format!("Systemnavn;a;b\n{}", ";;\n".repeat(1_500_000)),
    )
    .unwrap();
    let (run, cost) =
        common::prinsipp_bounded(&["import", "regneark", "s.csv", "--til", "k"], &dir);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .starts_with("feil: s.csv:1333334:3: Arket er for stort"),
        "{}",
        run.stderr
    );
    common::assert_cheap(&cost, "a sheet of 4.5 million cells");
}

/// A sheet with thousands of unreadable values gets a report a person can read: the first
/// thousand of each kind, and the rest counted.
#[test]
fn a_report_of_many_notes_shows_a_thousand_and_counts_the_rest() {
    let dir = scratch("hostile-notes");
    let mut sheet = String::from("Systemnavn;Driftsmodell\n");
    for i in 0..1_500 {
        sheet.push_str(&format!("System {i};Sky\n"));
    }
    std::fs::write(dir.join("s.csv"), sheet).unwrap();
    let run = import(
        &["regneark", "s.csv", "--til", "k", "--format", "json"],
        &dir,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let report: serde_json::Value = serde_json::from_str(&run.stderr).unwrap();
    assert_eq!(report["unread_values"].as_array().unwrap().len(), 1_000);
    assert_eq!(report["left_out"]["unread_values"], 500);
    let run = import(&["regneark", "s.csv", "--til", "k"], &dir);
    let markdown = read(&dir.join("k/import-rapport.md"));
    assert_eq!(run.stderr.lines().count(), markdown.lines().count());
    assert!(
        markdown.contains("## Verdier som ikke kunne leses (feltet er utelatt) (1500)\n"),
        "{markdown}"
    );
    assert!(markdown.contains("- `s.csv:1001:2`: «Sky» passer ikke til noen verdi av drift; feltet er utelatt\n- … og 500 til av samme slag (de første 1000 er vist)\n\n## Annet"), "{markdown}");
}

/// Two titles of the Gevinstoversikt that lead to one project: whose benefits are they?
/// Neither is written. Benefit IDs given twice are not used.
#[test]
fn benefits_that_cannot_be_placed_with_certainty_are_not_written() {
    use rust_xlsxwriter::Workbook;
    let dir = scratch("hostile-benefits");
    std::fs::copy(
        common::repo("examples/import/pp365/prosjekter.csv"),
        dir.join("p.csv"),
    )
    .unwrap();
    assert_eq!(
        import(&["pp365-prosjekter", "p.csv", "--til", "k"], &dir).code,
        0
    );
    let before = read(&dir.join("k/prosjekter/digital-byggesak.yaml"));
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("Gevinstoversikt").unwrap();
    let rows = [
        ["Prosjekt", "Tittel", "Måleindikator", "Startverdi"],
        ["Digital byggesak", "Raskere behandling", "Dager", "30"],
        ["Digital-byggesak", "Færre klager", "Klager", "12"],
    ];
    write_rows(sheet, &rows);
    book.save(dir.join("o.xlsx")).unwrap();
    let run = import(&["pp365-gevinster", "o.xlsx", "--til", "k"], &dir);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("- `o.xlsx[Gevinstoversikt]:3`: «Digital-byggesak» fører til prosjektet digital-byggesak, som også andre rader fører til; gevinstene kan ikke skilles sikkert, og ingen av dem er skrevet for digital-byggesak\n"), "{}", run.stderr);
    assert_eq!(
        read(&dir.join("k/prosjekter/digital-byggesak.yaml")),
        before
    );
    // The same ID twice: the benefits are numbered by row.
    std::fs::write(
        dir.join("g.csv"),
        "ID;Gevinst;Gevinsttype\n4;Spart tid;Indirekte\n4;Bedre kvalitet;Kvalitativ\n",
    )
    .unwrap();
    let run = import(
        &[
            "pp365-gevinster",
            "g.csv",
            "--prosjekt",
            "digital-byggesak",
            "--til",
            "k",
        ],
        &dir,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let project = body(&dir.join("k/prosjekter/digital-byggesak.yaml"));
    assert!(
        project.contains("      - id: G1\n        beskrivelse: \"Spart tid\"\n"),
        "{project}"
    );
    assert!(
        project.contains("      - id: G2\n        beskrivelse: \"Bedre kvalitet\"\n"),
        "{project}"
    ); // A blank ID likewise.
    std::fs::write(
        dir.join("g.csv"),
        "ID;Gevinst;Gevinsttype\n;Spart tid;Indirekte\n5;Bedre kvalitet;Kvalitativ\n",
    )
    .unwrap();
    let run = import(
        &[
            "pp365-gevinster",
            "g.csv",
            "--prosjekt",
            "digital-byggesak",
            "--til",
            "k",
        ],
        &dir,
    );
    assert!(run.stderr.contains("- `g.csv:2`: Gevinstene i digital-byggesak har ikke hver sin ID; de er nummerert G1, G2 … i radenes rekkefølge\n"), "{}", run.stderr);
    let project = body(&dir.join("k/prosjekter/digital-byggesak.yaml"));
    assert!(
        project.contains("      - id: G1\n        beskrivelse: \"Spart tid\"\n"),
        "{project}"
    );
}

/// Eight thousand rows of one name, and lists of twenty thousand benefits and indicators
/// of one title: ids are counted and joins looked up, so the work stays linear in the rows.
/// (Fewer systems than benefits: each system is a file, and creating files costs what the
/// disk makes it cost.)
#[test]
fn rows_named_alike_are_cheap() {
    let dir = scratch("hostile-alike");
    let systems = 8_000;
    std::fs::write(
        dir.join("s.csv"),
        format!(
            "Systemnavn;Integrasjoner\n{}",
            "Samme;Samme\n".repeat(systems)
        ),
    )
    .unwrap();
    let (run, cost) =
        common::prinsipp_bounded(&["import", "regneark", "s.csv", "--til", "k"], &dir);
    assert_eq!(run.code, 0, "{}", run.stderr);
    common::assert_cheap(&cost, "8,000 rows of one name");
    assert!(
        dir.join(format!("k/systemer/samme-{systems}.yaml"))
            .is_file()
    );
    assert!(
        run.stderr.contains("## Id-er som er endret (7999)\n"),
        "{}",
        run.stderr
    );
    std::fs::create_dir_all(dir.join("k/prosjekter")).unwrap();
    std::fs::write(
        dir.join("k/prosjekter/p.yaml"),
        "prosjekt:\n  id: p\n  navn: P\n",
    )
    .unwrap();
    let rows = 20_000;
    std::fs::write(
        dir.join("g.csv"),
        format!("Gevinst;Gevinsttype\n{}", "Samme;Direkte\n".repeat(rows)),
    )
    .unwrap();
    std::fs::write(
        dir.join("m.csv"),
        format!(
            "Tittel;Gevinst;Startverdi\n{}",
            "Samme;Samme;1\n".repeat(rows)
        ),
    )
    .unwrap();
    let (run, cost) = common::prinsipp_bounded(
        &[
            "import",
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
    common::assert_cheap(&cost, "lists of 20,000 benefits of one title");
    assert!(run.stderr.contains("## Rader som er hoppet over (20000)\n\n- `m.csv:2`: Måleindikatoren «Samme» viser til «Samme», som 20000 gevinster heter"), "{}", &run.stderr[..2000]);
}
