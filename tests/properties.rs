//! Generated portfolios, and mutations of them (keys removed, renamed, retyped, lines
//! duplicated, files truncated, random bytes spliced in): whatever the input, the checker
//! does not panic, answers the same way twice, and every place it reports exists.

mod common;
use prinsipp::load::{FileKind, Source, load_sources};
use prinsipp::model::Date;
use prinsipp::report::{self, Report, Style};
use prinsipp::settings::Settings;
use prinsipp::text::Lang;
use proptest::prelude::*;

const DRIFT: &[&str] = &[
    "saas",
    "paas",
    "iaas",
    "privat_sky",
    "fellessky",
    "egen_drift",
];
const LIVSLOP: &[&str] = &["planlagt", "innfasing", "aktiv", "utfasing", "avviklet"];
const FASE: &[&str] = &[
    "ide",
    "konsept",
    "planlegge",
    "gjennomfore",
    "avslutte",
    "realisere",
];
const PERSON: &[&str] = &["ingen", "vanlige", "saerlige"];
const CAPS: &[&str] = &[
    "saksbehandling",
    "arkiv",
    "varsling",
    "innbygger-autentisering",
    "arkivintegrasjon",
    "okonomi",
];
const COMPONENTS: &[&str] = &["id-porten", "svarut", "fiks-arkiv", "krr"];

/// A generated inventory system: drift, livslop, personal data, capabilities, components,
/// whether it has a cloud assessment, whether it is public-facing.
type SystemSpec = (usize, usize, usize, Vec<usize>, Vec<usize>, bool, bool);

fn system(i: usize, spec: &SystemSpec) -> String {
    let (drift, livslop, person, caps, comps, cloud_assessed, public) = spec;
    let (drift, livslop, person, cloud_assessed, public) =
        (*drift, *livslop, *person, *cloud_assessed, *public);
    let caps: Vec<&str> = caps.iter().map(|c| CAPS[c % CAPS.len()]).collect();
    let comps: Vec<&str> = comps
        .iter()
        .map(|c| COMPONENTS[c % COMPONENTS.len()])
        .collect();
    let mut s = format!(
        "  - id: sys-{i}\n    navn: System {i}\n    systemeier: Eier {i}\n    drift: {}\n    livslop: {}\n    programvaretype: hyllevare\n    personopplysninger: {}\n    kapabiliteter: [{}]\n    felleskomponenter: [{}]\n    avtale: {{ utloper: 2027-0{}-01 }}\n",
        DRIFT[drift % DRIFT.len()],
        LIVSLOP[livslop % LIVSLOP.len()],
        PERSON[person % PERSON.len()],
        caps.join(", "),
        comps.join(", "),
        1 + i % 9
    );
    if cloud_assessed {
        s.push_str("    skyvurdering: { konklusjon: ikke_sky, grunner: [sikkerhet], begrunnelse: Lokal drift, dato: 2025-01-01 }\n");
    }
    if public {
        s.push_str("    publikumsrettet: true\n");
    }
    s
}

fn project(
    i: usize,
    fase: usize,
    systems: usize,
    new: usize,
    retire: Option<usize>,
    plan: bool,
) -> String {
    let mut s = format!(
        "prosjekt:\n  id: prosjekt-{i}\n  navn: Prosjekt {i}\n  prosjekteier: Kari\n  fase: {}\n  behov: [{}]\n",
        FASE[fase % FASE.len()],
        CAPS[i % CAPS.len()]
    );
    if new > 0 {
        s.push_str("  nye_systemer:\n");
        for n in 0..new {
            s.push_str(&format!(
                "    - {{ id: ny-{i}-{n}, navn: Nytt {n}, drift: {} }}\n",
                DRIFT[(i + n) % DRIFT.len()]
            ));
        }
    }
    if let Some(r) = retire.filter(|_| systems > 0) {
        s.push_str(&format!(
            "  utfaser:\n    - {{ system: sys-{}, dato: 2027-01-01, arkivplan: Deponeres }}\n",
            r % systems
        ));
    }
    if plan {
        s.push_str("  gevinstplan:\n    gevinstansvarlig: Kari\n    sist_oppdatert: 2026-01-01\n    gevinster:\n      - { kategori: tid, type: kvantitativ, indikator: Timer, maaleenhet: timer, nullpunkt: { verdi: 10, dato: 2025-01-01 }, maalverdi: 5, realiseres: 2027-01-01, gevinsteier: Ola }\n");
    }
    s
}

prop_compose! {
    fn portfolio()(
        systems in prop::collection::vec((0..6usize, 0..5usize, 0..3usize, prop::collection::vec(0..6usize, 0..3), prop::collection::vec(0..4usize, 0..3), any::<bool>(), any::<bool>()), 0..5),
        projects in prop::collection::vec((0..6usize, 0..3usize, prop::option::of(0..5usize), any::<bool>()), 0..4),
        avvik in any::<bool>(),
    ) -> Vec<(String, FileKind, String)> {
        let mut files = vec![("kommune.yaml".to_string(), FileKind::Kommune, "kommune:\n  navn: Prop kommune\n  kommunenummer: \"3999\"\n  digitaliseringsfond: { saldo_1_januar_nok: 1000000 }\n".to_string())];
        let mut inventory = String::from("systemer:\n");
        for (i, spec) in systems.iter().enumerate() {
            inventory.push_str(&system(i, spec));
        }
        files.push(("systemer/systemer.yaml".to_string(), FileKind::Systems, inventory));
        for (i, (fase, new, retire, plan)) in projects.iter().enumerate() {
            files.push((format!("prosjekter/p{i}.yaml"), FileKind::Projects, project(i, *fase, systems.len(), *new, *retire, *plan)));
        }
        if avvik {
            files.push(("avvik.yaml".to_string(), FileKind::Avvik, "avvik:\n  - { regel: SKY-01, gjelder: prosjekt-0, begrunnelse: Krav, vedtatt_av: Styret, dato: 2026-01-01, gyldig_til: 2026-06-15, ref: \"1\" }\n".to_string()));
        }
        files
    }
}

#[derive(Debug, Clone)]
enum Mutation {
    RemoveLine(usize),
    DuplicateLine(usize),
    RenameKey(usize),
    Retype(usize, usize),
    Truncate(usize),
    Splice(usize, Vec<u8>),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<usize>().prop_map(Mutation::RemoveLine),
        any::<usize>().prop_map(Mutation::DuplicateLine),
        any::<usize>().prop_map(Mutation::RenameKey),
        (any::<usize>(), 0..6usize).prop_map(|(l, t)| Mutation::Retype(l, t)),
        any::<usize>().prop_map(Mutation::Truncate),
        (any::<usize>(), prop::collection::vec(any::<u8>(), 1..12))
            .prop_map(|(at, b)| Mutation::Splice(at, b)),
    ]
}

fn mutate(text: &str, m: &Mutation) -> Vec<u8> {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let n = lines.len().max(1);
    match m {
        Mutation::RemoveLine(i) => {
            if !lines.is_empty() {
                lines.remove(i % n);
            }
        }
        Mutation::DuplicateLine(i) => {
            if !lines.is_empty() {
                let line = lines[i % n].clone();
                lines.insert(i % n, line);
            }
        }
        Mutation::RenameKey(i) => {
            if let Some(line) = lines.get_mut(i % n) {
                if let Some(colon) = line.find(':') {
                    line.insert(colon, 'x');
                }
            }
        }
        Mutation::Retype(i, t) => {
            if let Some(line) = lines.get_mut(i % n) {
                if let Some(colon) = line.find(": ") {
                    let value = ["[1, 2]", "{}", "ja", "\"tekst\"", "-5", "2026-02-30"][*t];
                    line.truncate(colon + 2);
                    line.push_str(value);
                }
            }
        }
        Mutation::Truncate(at) => {
            let bytes = text.as_bytes();
            return bytes[..at % (bytes.len() + 1)].to_vec();
        }
        Mutation::Splice(at, junk) => {
            let mut bytes = text.as_bytes().to_vec();
            let at = at % (bytes.len() + 1);
            bytes.splice(at..at, junk.iter().copied());
            return bytes;
        }
    }
    (lines.join("\n") + "\n").into_bytes()
}

/// Every format's output for one run, or the diagnostics when the input is unreadable.
fn run(sources: &[Source]) -> (String, Vec<(String, u32, u32, String)>) {
    let loaded = load_sources(sources);
    let mut places: Vec<(String, u32, u32, String)> = loaded
        .diagnostics
        .iter()
        .map(|d| (d.file.clone(), d.line, d.column, d.message.en.clone()))
        .collect();
    let Some(portfolio) = loaded.portfolio else {
        let text = loaded
            .diagnostics
            .iter()
            .map(|d| format!("{}: {}\n", d.place(), d.message.nb))
            .collect();
        return (text, places);
    };
    let settings = Settings::builtin();
    let findings =
        prinsipp::rules::check(&portfolio, &settings, Date::parse("2026-06-01").unwrap());
    places.extend(findings.iter().map(|f| {
        (
            portfolio.file_name(f.at.file).to_string(),
            f.at.line,
            f.at.column,
            format!("{} {}", f.code, f.message.en),
        )
    }));
    let report = Report {
        portfolio: &portfolio,
        findings: &findings,
        settings: &settings,
        date: Date::parse("2026-06-01").unwrap(),
        fail_on: None,
        resolved: None,
        known: None,
        diagnostics: &[],
        lang: Lang::Nb,
        collapse_above: None,
    };
    let style = Style::plain(Lang::Nb);
    let text = [
        report::table::render(&report, &style, false),
        report::json::render(&report),
        report::sarif::render(&report),
        report::junit::render(&report),
        report::github::render(&report),
        report::gitlab::render(&report),
        report::markdown::render(&report),
    ]
    .concat();
    (text, places)
}

/// A reported place exists: line 0 means the whole file; otherwise the line is in the file
/// and the column at most one past its end.
fn place_exists(sources: &[Source], (file, line, column, _): &(String, u32, u32, String)) -> bool {
    if *line == 0 {
        return true;
    }
    let Some(source) = sources.iter().find(|s| &s.display == file) else {
        return file == "kommune.yaml";
    };
    let text = String::from_utf8_lossy(&source.bytes);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    // Lines as YAML counts them: CR LF, a lone CR and LF each end a line.
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<&str> = text.split('\n').collect();
    match lines.get(*line as usize - 1) {
        Some(l) => *column >= 1 && *column as usize <= l.chars().count() + 1,
        None => false,
    }
}

fn check_case(sources: Vec<Source>) -> Result<(), TestCaseError> {
    let first = std::panic::catch_unwind(|| run(&sources));
    prop_assert!(
        first.is_ok(),
        "panicked on {:?}",
        sources
            .iter()
            .map(|s| String::from_utf8_lossy(&s.bytes).into_owned())
            .collect::<Vec<_>>()
    );
    let (text, places) = first.unwrap();
    let (again, _) = run(&sources);
    prop_assert_eq!(&text, &again, "the same input gave different output");
    for place in &places {
        prop_assert!(
            place_exists(&sources, place),
            "reported place {:?} does not exist in {:?}",
            place,
            sources
                .iter()
                .find(|s| s.display == place.0)
                .map(|s| String::from_utf8_lossy(&s.bytes).into_owned())
        );
    }
    Ok(())
}

fn sources(files: Vec<(String, FileKind, String)>) -> Vec<Source> {
    files
        .into_iter()
        .map(|(display, kind, text)| Source {
            display,
            kind,
            bytes: text.into_bytes(),
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, failure_persistence: None, .. ProptestConfig::default() })]

    #[test]
    fn generated_portfolios_check_cleanly(files in portfolio()) {
        let sources = sources(files);
        let loaded = load_sources(&sources);
        prop_assert!(loaded.portfolio.is_some(), "a generated portfolio is valid input: {:?}", loaded.diagnostics.iter().map(|d| format!("{}: {}", d.place(), d.message.en)).collect::<Vec<_>>());
        check_case(sources)?;
    }

    #[test]
    fn mutated_portfolios_never_crash(files in portfolio(), which in any::<usize>(), mutations in prop::collection::vec(mutation(), 1..4)) {
        let mut sources = sources(files);
        let index = which % sources.len();
        for m in &mutations {
            let text = String::from_utf8_lossy(&sources[index].bytes).into_owned();
            sources[index].bytes = mutate(&text, m);
        }
        check_case(sources)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, failure_persistence: None, .. ProptestConfig::default() })]

    /// Through the binary: the exit code is always 0, 1 or 2.
    #[test]
    fn the_binary_exits_0_1_or_2(files in portfolio(), m in mutation()) {
        let dir = common::scratch("prop-bin");
        for (i, (display, _, text)) in files.iter().enumerate() {
            let bytes = if i == 1 { mutate(text, &m) } else { text.clone().into_bytes() };
            let path = dir.join(display);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, bytes).unwrap();
        }
        let run = common::prinsipp(&["check", dir.to_str().unwrap(), "--dato", "2026-06-01"]);
        prop_assert!([0, 1, 2].contains(&run.code), "exit {} with {}", run.code, run.stderr);
    }
}
