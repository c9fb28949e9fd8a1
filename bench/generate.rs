//! A deterministic synthetic portfolio generator: kommune folders in the YAML format of
//! docs/datamodell.md, for benchmarks that time `prinsipp` on a national set or on one
//! large folder, and for tests that want every rule to fire.
//!
//! ```text
//! cargo run --release --example generate -- --out DIR [--seed N] [--scale F]
//! cargo run --release --example generate -- --out DIR [--seed N] --systems N
//! ```
//!
//! `--seed` (default 1) fixes everything: the same seed and scale give byte-identical files,
//! on any machine and with any version of Rust. `--scale F` (default 1.0) writes a national
//! set, `--systems N` one kommune folder. A benchmark or test includes this file as a module
//! (`#[path = "../bench/generate.rs"] mod generate;`) and calls:
//!
//! - `write_country(dir, seed, scale)`: round(357 × scale) kommune folders (at least one),
//!   `dir/k3001/` … `dir/k3357/`, kommunenummer "3001" … "3357". Each has kommune.yaml,
//!   `systemer/` with one file per tjenesteområde (administrasjon, oppvekst, helse, teknisk,
//!   kultur, fellestjenester), `prosjekter/` with one file per project, and in about 60 %
//!   of them avvik.yaml. Scale 1.0 is about 126,000 systems and 10,300 projects, 157 MB
//!   in 13,000 files, written in 1–6 s (every kommune is built as strings and each file is
//!   written once; kommuner are built on all cores, each from its own seed, so the thread
//!   count does not change the output).
//! - `write_kommune(dir, seed, n)`: one kommune folder written to `dir` itself, with exactly
//!   n systems in its inventory and n / 10 projects (n up to 32,000 and beyond), to time
//!   one large folder. It carries no deliberate instances (below), only the random ones.
//!   vurderte_eksisterende stops at 60 systems to keep files linear in size, so in a folder
//!   of thousands of systems most projects with new systems get a GJEN-01 finding.
//!
//! Distributions (per kommune of a national set): the inventory has 150 + 450·u^1.1 systems
//! and 10 + 50·(0.7·u^1.4 + 0.3·w²) projects (u, w uniform; the same u, so large kommuner
//! have more projects): skewed towards small kommuner, from 150 to 600 systems and 10 to 60
//! projects. A skew that keeps most kommuner small cannot also reach an average of 420
//! systems inside 150–600, so the national total is about 126,000 rather than 150,000.
//!
//! Content is modelled on examples/ryddig-kommune (a clean kommune) and
//! examples/eksempel-kommune: some 70 real products a Norwegian kommune runs (Public 360,
//! Visma Flyt Skole, Gerica, KOMTEK, …) in families of alternatives; a product used again
//! gets a numbered variant (`visma-flyt-skole-2`, «Visma Flyt Skole 2») so ids stay unique.
//! Drift is mostly saas (55 %), then egen_drift (23 %, with a skyvurdering), privat_sky,
//! fellessky, iaas and paas; livslop aktiv 90 %, utfasing 5 %, avviklet 5 %, and planlagt or
//! innfasing for the systems that projects bring in. Capabilities and components come from
//! rules/katalog/felleskomponenter.toml, so a capability the catalogue maps to a component
//! comes with that component. Each system integrates with at most two others of the same
//! kommune (mostly nearby in the list), and with the national components it uses, so the
//! number of integrations grows with the inventory, never with its square. Projects are in
//! every fase (ide 10 %, konsept 15 %, planlegge 20 %, gjennomfore 25 %, avslutte 10 %,
//! realisere 20 %); most replace one or two systems with another product of the same family
//! (as an inline new system or a planlagt system of the inventory), retire them (utfaser,
//! with date and arkivplan), list the active systems with the same general capability in
//! vurderte_eksisterende (at most 60), and carry finansiering, gevinstplan, styring,
//! kost_nytte, samarbeids- and miljøvurdering, brukerinnsikt and arkitekturgodkjenning.
//! Closed projects have retired their systems (avviklet, archived); ideas have a
//! gevinstpotensial. Dates are set against the assessment date 2026-06-01
//! (`prinsipp check … --dato 2026-06-01`): ROS within two years, DPIA within three, access
//! reviews within one, contracts running to 2027–2033.
//!
//! Violations: a few percent of the fields a principle asks for are missing or wrong (the
//! constant `V`, 3 %, scaled per field), the way a real inventory is untidy; some of them
//! are covered by approved deviations in avvik.yaml, valid, expired or about to expire.
//! Random rates do not reach every rule in a small set, so a national set also carries one
//! deliberate instance per rule code (`apply_triggers`): kommune i of n carries the codes
//! whose number in `prinsipp rules` order is i mod n. Every code thus occurs at any scale,
//! and with a single kommune all 55 occur in that one. A deliberate instance is a system
//! nothing else has touched, changed so that the rule fires, or a project of its own; its
//! YAML comment says «Bærer et funn for CODE med vilje.».
//!
//! Every folder loads: `prinsipp check DIR --dato 2026-06-01` exits 0 or 1, never 2.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

// ---------------------------------------------------------------------------------------
// Random numbers: splitmix64, written out by hand. Not the `rand` crate: its streams may
// change between versions, and the generated files must stay byte-identical for a seed.
// ---------------------------------------------------------------------------------------

struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in 0..n (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (((self.next_u64() >> 32) * n as u64) >> 32) as usize
    }

    /// Uniform in lo..=hi.
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.below((hi - lo + 1) as usize) as u64
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    fn one(&mut self, xs: &[&'static str]) -> &'static str {
        xs[self.below(xs.len())]
    }

    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
}

/// A seed for one part (a kommune) of a run, independent of the other parts.
fn derive(seed: u64, part: u64) -> u64 {
    let mut r = Rng::new(seed ^ part.wrapping_mul(0xD1B5_4A32_D192_ED03));
    r.next_u64();
    r.next_u64()
}

// ---------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Date(i64); // days since 1970-01-01

impl Date {
    fn ymd(y: i64, m: i64, d: i64) -> Date {
        // Howard Hinnant's days_from_civil.
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Date(era * 146_097 + doe - 719_468)
    }

    fn civil(self) -> (i64, i64, i64) {
        let z = self.0 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        (
            if m <= 2 {
                yoe + era * 400 + 1
            } else {
                yoe + era * 400
            },
            m,
            d,
        )
    }

    fn plus(self, days: i64) -> Date {
        Date(self.0 + days)
    }

    fn year(self) -> i64 {
        self.civil().0
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (y, m, d) = self.civil();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

fn between(rng: &mut Rng, a: Date, b: Date) -> Date {
    Date(a.0 + rng.below((b.0 - a.0 + 1) as usize) as i64)
}

/// A day in the month given as "YYYY-MM" ago/ahead: the end of a month, as contracts run.
fn month_end(y: i64, m: i64) -> Date {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    Date::ymd(ny, nm, 1).plus(-1)
}

/// The date the generated portfolios are written for (`--dato 2026-06-01`).
fn today() -> Date {
    Date::ymd(2026, 6, 1)
}

fn d(y: i64, m: i64, dd: i64) -> Date {
    Date::ymd(y, m, dd)
}

// ---------------------------------------------------------------------------------------
// YAML text
// ---------------------------------------------------------------------------------------

/// A free-text scalar: plain when YAML reads it back as the same text, quoted otherwise.
fn q(s: &str) -> String {
    let plain = !s.is_empty()
        && s.chars().next().is_some_and(|c| c.is_alphabetic())
        && !s.contains(": ")
        && !s.contains(" #")
        && !s.ends_with(':')
        && !s.contains([
            '"', '\'', '{', '}', '[', ']', ',', '&', '*', '!', '|', '>', '%', '@', '`',
        ])
        && !matches!(
            s.to_ascii_lowercase().as_str(),
            "true" | "false" | "null" | "yes" | "no" | "on" | "off" | "y" | "n"
        );
    if plain {
        s.to_string()
    } else {
        let mut out = String::with_capacity(s.len() + 2);
        out.push('"');
        for c in s.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                _ => out.push(c),
            }
        }
        out.push('"');
        out
    }
}

fn list(xs: &[&str]) -> String {
    let mut s = String::from("[");
    for (i, x) in xs.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        s.push_str(x);
    }
    s.push(']');
    s
}

// ---------------------------------------------------------------------------------------
// Catalogue: capabilities that rules/katalog/felleskomponenter.toml maps to components.
// ---------------------------------------------------------------------------------------

const CAP_COMPONENTS: &[(&str, &[&str])] = &[
    ("innbygger-autentisering", &["id-porten"]),
    ("ansatt-autentisering", &["ansattporten"]),
    ("maskin-autentisering", &["maskinporten"]),
    ("elev-autentisering", &["feide"]),
    ("foresatt-autentisering", &["id-porten", "feide"]),
    ("helsepersonell-autentisering", &["helseid"]),
    ("fullmakt", &["altinn-autorisasjon", "fiks-fullmakt"]),
    ("signering", &["esignering"]),
    ("kontaktinformasjon", &["krr"]),
    ("post-til-innbygger", &["digital-postkasse", "svarut"]),
    (
        "post-mellom-virksomheter",
        &["eformidling", "svarut", "svarinn"],
    ),
    ("varsling", &["altinn-varsling", "fiks-sms", "krr"]),
    ("arkivintegrasjon", &["fiks-arkiv"]),
    (
        "personopplysninger-oppslag",
        &["folkeregisteret", "fiks-folkeregister"],
    ),
    ("virksomhetsoppslag", &["enhetsregisteret"]),
    ("eiendomsoppslag", &["matrikkelen"]),
    (
        "skatteopplysninger-oppslag",
        &["skatteetaten-deling", "fiks-skatt-og-inntekt"],
    ),
    ("sosialhjelp-soknad", &["fiks-digisos"]),
    ("innsyn-postjournal", &["einnsyn"]),
    ("datadeling", &["felles-datakatalog"]),
    ("elektronisk-faktura", &["elma-peppol"]),
    ("innbyggerportal", &["fiks-minside"]),
    ("a-melding", &["a-ordningen"]),
    ("inntektsmelding", &["nav-inntektsmelding"]),
    ("sykmelding", &["nav-sykmelding"]),
    ("helsenett-tilknytning", &["norsk-helsenett"]),
    ("helsemeldinger", &["nhn-edi", "norsk-helsenett"]),
    ("helseadresse-oppslag", &["nhn-adresseregisteret"]),
    ("kjernejournal-oppslag", &["kjernejournal"]),
    ("resept", &["e-resept", "sfm"]),
];

fn components_for(cap: &str) -> Option<&'static [&'static str]> {
    CAP_COMPONENTS
        .iter()
        .find(|(c, _)| *c == cap)
        .map(|(_, v)| *v)
}

/// The standard an integration with a national component is normally made with.
fn standard_for_component(c: &str) -> &'static str {
    match c {
        "fiks-folkeregister" => "fiks-folkeregister",
        "fiks-arkiv" => "fiks-arkiv",
        "svarut" | "svarinn" | "fiks-digisos" | "fiks-skatt-og-inntekt" => "fiks-io",
        "einnsyn" => "noark5",
        "elma-peppol" => "peppol",
        "matrikkelen" => "fiks-matrikkelforing",
        "id-porten" | "feide" | "helseid" | "ansattporten" => "openid-connect",
        "maskinporten" => "oauth2",
        "nhn-edi" => "plo-meldinger",
        "e-resept" | "sfm" => "e-resept-meldinger",
        "nav-sykmelding" => "dialogmelding",
        "eformidling" => "ebxml-rammeverk",
        _ => "openapi",
    }
}

// ---------------------------------------------------------------------------------------
// System templates: real products a Norwegian kommune runs. `fam` groups alternatives
// (a project replaces one with another of the same family).
// ---------------------------------------------------------------------------------------

struct Tpl {
    area: usize,
    fam: &'static str,
    id: &'static str,
    navn: &'static str,
    beskr: &'static str,
    lev: &'static str,
    kap: Vec<&'static str>,
    /// 0 ingen, 1 vanlige, 2 saerlige
    pers: u8,
    kjerne: bool,
    publikum: bool,
    arkiv: bool,
    ds: &'static str,
    barn: bool,
}

const AREAS: &[&str] = &[
    "administrasjon",
    "oppvekst",
    "helse",
    "teknisk",
    "kultur",
    "fellestjenester",
];

const OWNERS: &[&str] = &[
    "Kommunalsjef organisasjon",
    "Kommunalsjef oppvekst",
    "Kommunalsjef helse",
    "Kommunalsjef teknisk",
    "Kultursjef",
    "IKT-sjef",
];

const FORVALTERE: &[&[&str]] = &[
    &[
        "Arkivleder",
        "Økonomiavdelingen",
        "Personalavdelingen",
        "Dokumentsenteret",
    ],
    &[
        "Skolefaglig rådgiver",
        "Barnehagefaglig rådgiver",
        "Oppvekstkontoret",
    ],
    &[
        "Fagsystemforvalter helse",
        "Leder helsestasjonen",
        "Fagleder NAV kommune",
    ],
    &[
        "VA-ingeniør",
        "Byggesaksleder",
        "Kart- og oppmålingsleder",
        "Eiendomssjef",
    ],
    &["Biblioteksjef", "Kulturkonsulent", "Rektor kulturskolen"],
    &[
        "Digitaliseringsenheten",
        "IKT-driftsleder",
        "Informasjonssikkerhetsleder",
    ],
];

/// One product a line: area | family | id | navn | beskrivelse | leverandør | kapabiliteter |
/// personopplysninger (0 ingen, 1 vanlige, 2 særlige) | flags (k kjernesystem,
/// p publikumsrettet, a arkivverdig, b data about children) | datasett (or empty).
const TEMPLATE_TABLE: &str = "\
0|sak|public-360|Public 360|Sak- og arkivsystem (Noark 5) og politisk saksbehandling|Tietoevry|saksbehandling,arkiv,arkivintegrasjon,post-til-innbygger,innsyn-postjournal|2|ka|Saker og journalposter\n\
0|sak|elements|Elements|Sak- og arkivsystem (Noark 5)|Sikri|saksbehandling,arkiv,arkivintegrasjon,post-til-innbygger,innsyn-postjournal|2|ka|Saker og journalposter\n\
0|sak|websak|WebSak|Sak- og arkivsystem for kommunen og politiske utvalg|ACOS|saksbehandling,arkiv,arkivintegrasjon,post-til-innbygger|2|ka|Saker og journalposter\n\
0|okonomi|visma-enterprise|Visma Enterprise|Økonomi, lønn og personal|Visma|okonomi,lonn,personal,elektronisk-faktura,a-melding|2|ka|Lønns- og personaldata\n\
0|okonomi|unit4-erp|Unit4 ERP|Regnskap, innkjøp og fakturabehandling|Unit4|okonomi,fakturabehandling,elektronisk-faktura|1|ka|Regnskap og reskontro\n\
0|okonomi|xledger|Xledger|Skybasert økonomisystem med fakturabehandling|Xledger|okonomi,fakturabehandling,elektronisk-faktura|1|ka|Regnskap og reskontro\n\
0|turnus|visma-ressursstyring|Visma Ressursstyring (GAT)|Turnus og vaktplanlegging|Visma|personal|1|-|\n\
0|turnus|tidbank|Tidbank|Registrering av arbeidstid og fravær|Tidbank|personal|1|-|\n\
0|politisk|first-agenda|First Agenda Prepare|Møteportal for folkevalgte|First Agenda|politisk-saksbehandling|1|-|\n\
0|politisk|opengov-moteportal|OpenGov Møteportal|Publisering av møter og saksdokumenter|OpenGov|politisk-saksbehandling,innbyggerdialog|0|p|\n\
0|innkjop|mercell|Mercell TendSign|Konkurransegjennomføring og kontraktsoppfølging|Mercell|innkjop,virksomhetsoppslag|0|a|\n\
0|innkjop|eu-supply|EU-Supply CTM|Konkurransegjennomføring|Mercell|innkjop|0|-|\n\
0|styring|kf-bedre-styring|KF Bedre Styring|Mål- og resultatstyring, internkontroll|Kommuneforlaget|analyse-og-styring|0|-|\n\
0|styring|framsikt|Framsikt|Budsjett, økonomiplan og rapportering|Framsikt|analyse-og-styring|0|-|\n\
0|skjema|acos-skjema|Acos Interact skjema|Digitale skjema for innbyggere med innlogging|ACOS|skjema,innbygger-autentisering,arkivintegrasjon|1|p|\n\
0|skjema|kf-skjema|KF Digitale skjema|Skjemaløsning med innsending til arkivet|Kommuneforlaget|skjema,innbygger-autentisering,arkivintegrasjon|1|p|\n\
1|skole|visma-flyt-skole|Visma Flyt Skole|Skoleadministrasjon og elevdokumentasjon|Visma|skoleadministrasjon,elev-autentisering|2|kab|Elevdata\n\
1|skole|ist-skole|IST Skole|Skoleadministrasjon, fravær og karakterer|IST|skoleadministrasjon,elev-autentisering|2|kab|Elevdata\n\
1|barnehage|visma-flyt-barnehage|Visma Flyt Barnehage|Barnehageopptak og foreldrebetaling|Visma|barnehageadministrasjon,foresatt-autentisering,skatteopplysninger-oppslag|1|kpab|Barnehageplasser og opptak\n\
1|barnehage|ist-barnehage|IST Barnehage|Barnehageadministrasjon og opptak|IST|barnehageadministrasjon,foresatt-autentisering|1|kpab|Barnehageplasser og opptak\n\
1|laering|itslearning|itslearning|Læringsplattform for grunnskolen|itslearning|laeringsplattform,elev-autentisering|1|b|\n\
1|laering|google-workspace-skole|Google Workspace for Education|Læringsplattform og elevkontoer|Google|laeringsplattform,elev-autentisering|1|b|\n\
1|laering|teams-skole|Microsoft Teams for skole|Undervisning og samarbeid i klasserommet|Microsoft|laeringsplattform,elev-autentisering|1|b|\n\
1|foresatt|vigilo|Vigilo|Kommunikasjon mellom skole, barnehage og foresatte|Vigilo|innbyggerdialog,foresatt-autentisering,varsling|1|pb|\n\
1|foresatt|sms-skole|Skole-SMS (LINK Mobility)|SMS-utsending fra skolene til foresatte|LINK Mobility|varsling|1|b|\n\
1|foresatt|transponder|Transponder|Meldinger og fravær mellom hjem og skole|Transponder|innbyggerdialog,foresatt-autentisering,varsling|1|pb|\n\
1|ppt|visma-flyt-ppt|Visma Flyt PPT|Saksbehandling for pedagogisk-psykologisk tjeneste|Visma|skoleadministrasjon,personopplysninger-oppslag|2|ab|\n\
2|pleie|gerica|Gerica|Elektronisk pasientjournal for pleie og omsorg|Tietoevry|pleie-og-omsorg,personopplysninger-oppslag,helsemeldinger|2|ka|Vedtak om helse- og omsorgstjenester\n\
2|pleie|profil|Profil|Journal og tjenesteplanlegging i pleie og omsorg|CGI|pleie-og-omsorg,personopplysninger-oppslag,helsemeldinger|2|ka|Tjenestevedtak\n\
2|pleie|lifecare|Lifecare Pleie og omsorg|Fagsystem for pleie og omsorg som skytjeneste|Tietoevry|pleie-og-omsorg,personopplysninger-oppslag,helsemeldinger|2|ka|Tjenestevedtak\n\
2|lege|infodoc|Infodoc Plenario|Journalsystem for legekontor og legevakt|Infodoc|pasientjournal,legevakt,resept,sykmelding|2|ka|Pasientjournaler\n\
2|lege|cgm-allmenn|CGM Allmenn|Journalsystem for fastleger og legevakt|CompuGroup Medical|pasientjournal,legevakt,resept,sykmelding|2|ka|Pasientjournaler\n\
2|lege|system-x|System X|Journalsystem for kommunale legekontor|Datakvalitet|pasientjournal,resept,sykmelding|2|ka|Pasientjournaler\n\
2|helsestasjon|visma-flyt-helsestasjon|Visma Flyt Helsestasjon|Journal for helsestasjon og skolehelsetjeneste|Visma|helsestasjon,personopplysninger-oppslag,varsling|2|kab|Helsekort for barn og unge\n\
2|helsestasjon|hspro|HsPro|Journal for helsestasjon|CGI|helsestasjon,personopplysninger-oppslag|2|kab|Helsekort for barn og unge\n\
2|barnevern|familia|Familia|Fagsystem for barneverntjenesten|ACOS|barnevern,personopplysninger-oppslag|2|kab|Barnevernssaker\n\
2|barnevern|modulus-barn|Modulus Barn|Fagsystem for barnevern|Visma|barnevern,personopplysninger-oppslag|2|kab|Barnevernssaker\n\
2|barnevern|digibarnevern|DigiBarnevern|Nasjonal fagløsning for barnevernet (KS)|KS Digital|barnevern,personopplysninger-oppslag,arkivintegrasjon|2|kab|Barnevernssaker\n\
2|sosial|socio|Socio|Saksbehandling av økonomisk sosialhjelp|Visma|sosialtjeneste,sosialhjelp-soknad,skatteopplysninger-oppslag|2|ka|Saker om økonomisk sosialhjelp\n\
2|sosial|visma-flyt-sampro|Visma Flyt Sampro|Individuell plan og samhandling|Visma|sosialtjeneste,samhandling|2|a|\n\
2|velferd|safemate|Safemate|Digitale trygghetsalarmer og lokaliseringsteknologi|Safemate|velferdsteknologi|2|-|\n\
2|velferd|tunstall-lifeline|Tunstall Lifeline|Responssenter for trygghetsalarmer|Tunstall|velferdsteknologi|2|-|\n\
2|velferd|imatis-visit|Imatis Visit|Digitalt tilsyn og varsling i sykehjem|Imatis|velferdsteknologi|2|-|\n\
3|byggesak|komtek|KOMTEK|Byggesak, oppmåling og gebyrer|Norkart|byggesak,eiendomsoppslag|1|ka|Byggesaker\n\
3|byggesak|ebyggesak|eByggesak|Saksbehandling av byggesøknader|Norkart|byggesak,eiendomsoppslag,arkivintegrasjon|1|ka|Byggesaker\n\
3|kart|isy-winmap|ISY WinMap|Kartforvaltning og planregister|Norkart|kart-og-geodata,plan,eiendomsoppslag|0|k|Kartdata og planregister\n\
3|kart|kommunekart|Kommunekart|Kartinnsyn for innbyggere|Norkart|kart-og-geodata|0|p|\n\
3|va|gemini-va|Gemini VA|Ledningskartverk og driftsstøtte for vann og avløp|Volue|vann-og-avlop,kart-og-geodata|0|k|Ledningsnett for vann og avløp\n\
3|va|gemini-portal|Gemini Portal+|Driftskontroll og avvik i VA-anleggene|Volue|vann-og-avlop,teknisk-drift|0|-|\n\
3|renovasjon|min-renovasjon|MinRenovasjon|Tømmekalender og varsling om avfall|Norkart|renovasjon,innbyggerdialog|0|p|\n\
3|renovasjon|isy-avfall|ISY Avfall|Renovasjonsregister og gebyrer|Norkart|renovasjon,eiendomsoppslag|1|a|Abonnenter og tømmeordninger\n\
3|eiendom|famac|Famac|Forvaltning, drift og vedlikehold av kommunale bygg|Famac|eiendomsforvaltning|0|-|\n\
3|eiendom|plania|Plania|Vedlikeholdsplanlegging for eiendom|Plania|eiendomsforvaltning,teknisk-drift|0|-|\n\
3|eiendom|eiendomsskatteregister|Eiendomsskatteregister|Taksering og utskriving av eiendomsskatt|Norkart|eiendomsforvaltning,eiendomsoppslag|1|a|Eiendomsskattelister\n\
4|bibliotek|bibliofil|Bibliofil|Biblioteksystem med utlån og katalog|Bibliotek-Systemer|bibliotek|1|p|\n\
4|bibliotek|quria|Quria|Biblioteksystem med meråpent bibliotek|Axiell|bibliotek,adgangskontroll|1|p|\n\
4|kultur|friskus|Friskus|Aktivitetskalender og frivillighet|Friskus|kultur,booking|1|p|\n\
4|kultur|speedadmin|Speedadmin|Elevadministrasjon for kulturskolen|Speedadmin|kultur,betaling,innbygger-autentisering|1|pb|\n\
4|kultur|aktiv-kommune|Aktiv kommune|Utleie av lokaler og anlegg|Aktiv kommune|booking,betaling,innbygger-autentisering|1|p|\n\
5|kontor|microsoft-365|Microsoft 365|E-post, dokumenter og samhandling|Microsoft|e-post,kontorstotte,samhandling|1|k|Dokumenter og e-post\n\
5|kontor|sharepoint-intranett|Intranett i SharePoint Online|Intranett for ansatte|Microsoft|intranett|0|-|\n\
5|kontor|acos-interact|Acos Interact intranett|Intranett og kvalitetshåndbok|ACOS|intranett|0|-|\n\
5|servicedesk|topdesk|TOPdesk|Brukerstøtte og endringshåndtering for IKT|TOPdesk|samhandling|1|-|\n\
5|servicedesk|easit|Easit GO|Servicedesk og saksoppfølging|Easit|samhandling|1|-|\n\
5|kvalitet|compilo|Compilo|Kvalitetssystem og avviksmeldinger|Compilo|samhandling,analyse-og-styring|1|-|\n\
5|nettsted|enonic-xp|Kommunens nettsted (Enonic XP)|Kommunens nettsted med tjenestebeskrivelser|Enonic|nettsted,innbyggerdialog|0|p|\n\
5|nettsted|chatbot-kommune|Chatbot for innbyggere|Chatbot på nettstedet for vanlige spørsmål|Boost.ai|innbyggerdialog|1|p|\n\
5|adgang|arx-adgang|ARX adgangskontroll|Nøkkelkort og adgangskontroll i kommunale bygg|ASSA ABLOY|adgangskontroll|1|-|\n\
5|analyse|power-bi|Power BI|Rapporter og styringsdata|Microsoft|analyse-og-styring,datadeling|0|-|\n\
5|filomraade|fellesomrade|Fellesområde (K:)|Delt filområde på kommunens filserver|Microsoft|kontorstotte|0|-|";

/// The products of TEMPLATE_TABLE, parsed once.
fn templates() -> &'static [Tpl] {
    static T: std::sync::OnceLock<Vec<Tpl>> = std::sync::OnceLock::new();
    T.get_or_init(|| {
        TEMPLATE_TABLE
            .lines()
            .map(|line| {
                let f: Vec<&'static str> = line.split('|').collect();
                assert_eq!(f.len(), 10, "template line: {line}");
                Tpl {
                    area: f[0].parse().unwrap(),
                    fam: f[1],
                    id: f[2],
                    navn: f[3],
                    beskr: f[4],
                    lev: f[5],
                    kap: f[6].split(',').collect(),
                    pers: f[7].parse().unwrap(),
                    kjerne: f[8].contains('k'),
                    publikum: f[8].contains('p'),
                    arkiv: f[8].contains('a'),
                    barn: f[8].contains('b'),
                    ds: f[9],
                }
            })
            .collect()
    })
}

// ---------------------------------------------------------------------------------------
// The model that is written out
// ---------------------------------------------------------------------------------------

#[derive(Clone, Default)]
struct Datasett {
    navn: String,
    opphav: Option<String>,
    kvalitet: Option<&'static str>,
    oppdatert: Option<&'static str>,
    katalog: Option<String>,
}

#[derive(Clone, Default)]
struct Sky {
    konklusjon: Option<&'static str>,
    grunner: Vec<&'static str>,
    begrunnelse: Option<&'static str>,
    dato: Option<Date>,
}

#[derive(Clone, Default)]
struct Arkiv {
    metode: Option<&'static str>,
    depot: Option<&'static str>,
    data_slettet: Option<Date>,
}

#[derive(Clone, Default)]
struct Sys {
    tpl: usize,
    id: String,
    navn: String,
    beskrivelse: Option<String>,
    leverandor: Option<&'static str>,
    area: usize,
    kap: Vec<&'static str>,
    systemeier: Option<String>,
    systemforvalter: Option<&'static str>,
    programvaretype: Option<&'static str>,
    kjerne: bool,
    datasett: Vec<Datasett>,
    drift: Option<&'static str>,
    driftes_av: Option<&'static str>,
    livslop: Option<&'static str>,
    innfort: Option<Date>,
    utfases: Option<Date>,
    avtale: Option<Date>,
    fk: Vec<&'static str>,
    integ: Vec<(String, Option<&'static str>)>,
    pers: Option<&'static str>,
    hoy_risiko: Vec<&'static str>,
    grunnlag: Option<&'static str>,
    tilgang: Option<Date>,
    dpia: Option<(Date, String, Option<&'static str>)>,
    dba: Option<String>,
    ros: Option<Date>,
    publikum: bool,
    filomraade: bool,
    uu: Option<String>,
    arkiv: Option<Arkiv>,
    sky: Option<Sky>,
    comment: Option<String>,
}

#[derive(Clone)]
enum Nye {
    Ref(usize),
    Inline(Box<Sys>),
}

#[derive(Clone)]
struct Utf {
    system: String,
    dato: Option<Date>,
    arkivplan: Option<&'static str>,
}

#[derive(Clone)]
struct Fin {
    kilde: &'static str,
    belop: Option<u64>,
    vedtak: Option<String>,
}

#[derive(Clone)]
struct Gev {
    beskrivelse: &'static str,
    kategori: Option<&'static str>,
    kvantitativ: bool,
    indikator: Option<&'static str>,
    maaleenhet: Option<&'static str>,
    nullpunkt: Option<(u64, Date)>,
    maalverdi: Option<u64>,
    realiseres: Option<Date>,
    eier: Option<String>,
    maalinger: Vec<(Date, u64)>,
}

#[derive(Clone)]
struct Gevinstplan {
    ansvarlig: Option<String>,
    sist: Option<Date>,
    gev: Vec<Gev>,
}

const STYRING_KEYS: [&str; 8] = [
    "ressurser",
    "metodikk",
    "organisering",
    "plan",
    "rapportering",
    "kommunikasjon",
    "endringsstyring",
    "overforing_til_linje",
];

#[derive(Clone)]
struct Proj {
    id: String,
    navn: String,
    eier: String,
    leder: &'static str,
    area: usize,
    fase: Option<&'static str>,
    budsjett: Option<u64>,
    fin: Vec<Fin>,
    godkjenning: Option<(Date, &'static str)>,
    prosess: Option<(Date, String)>,
    vurderte: Vec<usize>,
    behov: Vec<&'static str>,
    fk: Vec<&'static str>,
    samarbeid: Option<(Date, Option<&'static str>)>,
    innsikt: Option<(Date, String)>,
    miljo: Option<(Date, Option<&'static str>)>,
    nye: Vec<Nye>,
    utfaser: Vec<Utf>,
    kost_nytte: Option<[Option<&'static str>; 3]>,
    styring: Option<[Option<String>; 8]>,
    gevinstplan: Option<Gevinstplan>,
    potensial: Option<&'static str>,
    extra_vurderte: Vec<String>,
    /// Skip the computed vurderte_eksisterende (a GJEN-01 violation).
    skip_vurderte: bool,
    comment: Option<String>,
}

struct Avvik {
    regel: &'static str,
    gjelder: String,
    begrunnelse: Option<&'static str>,
    vedtatt_av: Option<&'static str>,
    dato: Option<Date>,
    gyldig_til: Option<Date>,
    r#ref: String,
}

struct Kommune {
    nr: u32,
    navn: String,
    fond: Option<u64>,
    godkjennere: bool,
    idp: bool,
    sys: Vec<Sys>,
    proj: Vec<Proj>,
    avvik: Vec<Avvik>,
    write_avvik: bool,
    /// (rule, subject) of violations injected on purpose: candidates for approved deviations.
    viol: Vec<(&'static str, String)>,
    used_names: std::collections::HashMap<&'static str, usize>,
    slug: String,
}

// ---------------------------------------------------------------------------------------
// Generation
// ---------------------------------------------------------------------------------------

/// Rate of a missing or wrong field where a principle asks for it.
const V: f64 = 0.03;

const PREFIX: &[&str] = &[
    "Bakke", "Elv", "Fjord", "Fjell", "Nord", "Sør", "Øst", "Vest", "Sol", "Å", "Berg", "Dal",
    "Hav", "Lys", "Mo", "Ny", "Ros", "Sand", "Skog", "Stein", "Strand", "Tind", "Vik", "Ås", "Eik",
    "Furu", "Lund", "Myr", "Nes", "Å",
];
const SUFFIX: &[&str] = &[
    "vik", "dal", "by", "nes", "sund", "berg", "fjord", "heim", "land", "stad", "vang", "ås", "øy",
    "eid", "bygd", "voll", "mo", "li", "haug", "set",
];

fn kommune_navn(i: u32) -> String {
    let n = PREFIX.len() * SUFFIX.len();
    let k = (i as usize * 7919) % n;
    format!(
        "{}{} kommune",
        PREFIX[k / SUFFIX.len()],
        SUFFIX[k % SUFFIX.len()]
    )
}

fn slug(navn: &str) -> String {
    navn.trim_end_matches(" kommune")
        .to_lowercase()
        .replace('æ', "ae")
        .replace('ø', "o")
        .replace('å', "aa")
}

const LEDERE: &[&str] = &[
    "Kari Nordmann",
    "Ola Hansen",
    "Ingrid Johansen",
    "Per Olsen",
    "Eva Lund",
    "Jonas Berg",
    "Sigrid Larsen",
    "Anders Nilsen",
    "Marte Pedersen",
    "Lars Kristiansen",
    "Hilde Karlsen",
    "Erik Andersen",
    "Silje Haugen",
    "Morten Solberg",
    "Nina Bakken",
];

const DEPOTER: &[&str] = &[
    "IKA Østlandet",
    "IKA Kongsberg",
    "IKA Vestfold",
    "Interkommunalt arkiv i Buskerud",
    "Arkiv Øst",
];

fn new_kommune(nr: u32, idx: u32, rng: &mut Rng, n_sys: usize) -> Kommune {
    let navn = kommune_navn(idx);
    let fond = if rng.chance(0.8) {
        Some((n_sys as u64 * 12_000 + rng.range(0, 40) * 50_000) / 100_000 * 100_000)
    } else {
        None
    };
    Kommune {
        nr,
        slug: slug(&navn),
        navn,
        fond,
        godkjennere: rng.chance(0.6),
        idp: rng.chance(0.5),
        sys: Vec::new(),
        proj: Vec::new(),
        avvik: Vec::new(),
        write_avvik: rng.chance(0.6),
        viol: Vec::new(),
        used_names: std::collections::HashMap::new(),
    }
}

/// A fresh id and name for a product: the second Visma Flyt Skole is visma-flyt-skole-2.
fn variant(k: &mut Kommune, t: &Tpl) -> (String, String) {
    let c = k.used_names.entry(t.id).or_insert(0);
    *c += 1;
    if *c == 1 {
        (t.id.to_string(), t.navn.to_string())
    } else {
        (format!("{}-{}", t.id, c), format!("{} {}", t.navn, c))
    }
}

fn case_ref(rng: &mut Rng, year: i64) -> String {
    format!("{:02}/{:04}", year % 100, rng.range(1, 3999))
}

/// A system made from a template, in service and clean, with `livslop` given.
fn make_sys(rng: &mut Rng, k: &mut Kommune, ti: usize, livslop: &'static str) -> Sys {
    let t = &templates()[ti];
    let (id, navn) = variant(k, t);
    let now = today();
    let drift = {
        let x = rng.unit();
        if x < 0.55 {
            "saas"
        } else if x < 0.65 {
            "privat_sky"
        } else if x < 0.70 {
            "fellessky"
        } else if x < 0.73 {
            "paas"
        } else if x < 0.77 {
            "iaas"
        } else {
            "egen_drift"
        }
    };
    // A file share stands on the kommune's own file server.
    let drift = if t.fam == "filomraade" {
        "egen_drift"
    } else {
        drift
    };
    let driftes_av = if t.fam == "filomraade" {
        None
    } else if drift == "egen_drift" {
        let x = rng.unit();
        if x < 0.5 {
            None
        } else if x < 0.8 {
            Some("ikt_samarbeid")
        } else {
            Some("leverandor")
        }
    } else if rng.chance(0.2) {
        Some("leverandor")
    } else {
        None
    };
    let pers = match t.pers {
        0 => "ingen",
        1 => "vanlige",
        _ => "saerlige",
    };
    let innfort = between(rng, d(2005, 1, 1), d(2024, 12, 31));
    let innfort = Date::ymd(innfort.year(), (innfort.civil().1 / 3) * 3 + 1, 1);
    let avtale = {
        let y = rng.range(2027, 2033) as i64;
        month_end(y, rng.range(1, 12) as i64)
    };
    let mut fk: Vec<&'static str> = Vec::new();
    let mut integ = Vec::new();
    for cap in &t.kap {
        if let Some(cs) = components_for(cap) {
            if *cap == "ansatt-autentisering" && k.idp {
                integ.push(("entra-id".to_string(), Some("openid-connect")));
                continue;
            }
            let c = cs[rng.below(cs.len())];
            if !fk.contains(&c) {
                fk.push(c);
            }
        }
    }
    for c in &fk {
        if matches!(
            *c,
            "fiks-folkeregister"
                | "fiks-arkiv"
                | "einnsyn"
                | "elma-peppol"
                | "matrikkelen"
                | "nhn-edi"
        ) && rng.chance(0.6)
        {
            integ.push((c.to_string(), Some(standard_for_component(c))));
        }
    }
    let personal = pers != "ingen";
    let high = pers == "saerlige" || (t.barn && personal);
    let dpia_date = between(rng, d(2023, 9, 1), now.plus(-20));
    let ros_date = between(rng, d(2024, 9, 1), now.plus(-10));
    let year = dpia_date.year();
    let mut s = Sys {
        tpl: ti,
        id,
        navn,
        beskrivelse: Some(t.beskr.to_string()),
        leverandor: Some(t.lev),
        area: t.area,
        kap: t.kap.to_vec(),
        systemeier: Some(OWNERS[t.area].to_string()),
        systemforvalter: Some(*rng.pick(FORVALTERE[t.area])),
        programvaretype: Some(if t.kjerne {
            if rng.chance(0.85) {
                "hyllevare"
            } else {
                "tilpasset_hyllevare"
            }
        } else {
            match rng.below(10) {
                0 => "egenutviklet",
                1 => "tilpasset_hyllevare",
                _ => "hyllevare",
            }
        }),
        kjerne: t.kjerne,
        datasett: Vec::new(),
        drift: Some(drift),
        driftes_av,
        livslop: Some(livslop),
        innfort: Some(innfort),
        utfases: None,
        avtale: Some(avtale),
        fk,
        integ,
        pers: Some(pers),
        hoy_risiko: Vec::new(),
        grunnlag: None,
        tilgang: None,
        dpia: None,
        dba: None,
        ros: Some(ros_date),
        publikum: t.publikum,
        filomraade: t.fam == "filomraade",
        uu: None,
        arkiv: None,
        sky: None,
        comment: None,
    };
    if !t.ds.is_empty() {
        let sid = s.id.clone();
        s.datasett.push(Datasett {
            navn: t.ds.to_string(),
            katalog: Some(format!("https://data.norge.no/datasets/{}-{}", k.slug, sid)),
            opphav: Some(sid),
            kvalitet: Some(*rng.pick(&["God", "God", "Middels"])),
            oppdatert: Some(*rng.pick(&["Løpende", "Daglig", "Ukentlig"])),
        });
    }
    if personal {
        if t.barn {
            s.hoy_risiko.push("barn");
        }
        s.grunnlag = Some(if pers == "saerlige" {
            "GDPR art. 6 nr. 1 e og art. 9 nr. 2 h, med særloven for tjenesten"
        } else {
            "GDPR art. 6 nr. 1 e, med særloven for tjenesten"
        });
        s.dpia = Some((
            dpia_date,
            case_ref(rng, year),
            if high || rng.chance(0.5) {
                None
            } else {
                Some("forvurdering")
            },
        ));
        if drift != "egen_drift" || driftes_av.is_some() {
            let y = innfort.year().max(2018);
            s.dba = Some(case_ref(rng, y));
        }
        if pers == "saerlige" {
            s.tilgang = Some(between(rng, now.plus(-330), now.plus(-5)));
        }
    }
    if t.publikum {
        s.uu = Some(format!(
            "https://uustatus.no/nb/erklaringer/publisert/{:08x}-{:04x}",
            rng.next_u64() as u32,
            rng.next_u64() as u16
        ));
    }
    if t.arkiv {
        s.arkiv = Some(Arkiv {
            metode: Some(if rng.chance(0.6) {
                "deponering"
            } else {
                "avlevering"
            }),
            depot: Some(DEPOTER[(k.nr as usize) % DEPOTER.len()]),
            data_slettet: None,
        });
    }
    if drift == "egen_drift" {
        s.sky = Some(Sky {
            konklusjon: Some("ikke_sky"),
            grunner: vec![*rng.pick(&[
                "funksjonell",
                "responstid",
                "kostnad",
                "sikkerhet",
                "juridisk",
            ])],
            begrunnelse: Some(*rng.pick(&[
                "Leverandørens skyversjon mangler integrasjon mot lokale fagsystemer",
                "Lokal drift i IKT-samarbeidet er rimeligere ut avtaleperioden",
                "Krav til responstid i driftskontrollen",
                "Skytjenesten er ikke vurdert som tilstrekkelig sikret for disse dataene",
            ])),
            dato: Some(between(rng, now.plus(-600), now.plus(-10))),
        });
    }
    s
}

/// Inject a few percent of missing or wrong fields into a system in the inventory.
fn spoil_sys(rng: &mut Rng, k: &mut Kommune, i: usize) {
    let now = today();
    let s = &mut k.sys[i];
    let id = s.id.clone();
    let mut viol: Vec<&'static str> = Vec::new();
    if rng.chance(V * 0.6) {
        s.systemeier = None;
        viol.push("INV-01");
    }
    if rng.chance(V * 0.3) {
        s.drift = None;
        s.sky = None;
    }
    if rng.chance(V * 0.3) {
        s.programvaretype = None;
    }
    if rng.chance(V * 0.2) {
        s.livslop = Some("ukjent");
    }
    if rng.chance(V * 0.2) {
        s.pers = None;
    }
    let personal = matches!(s.pers, Some("vanlige" | "saerlige"));
    if personal {
        if rng.chance(V) {
            s.dpia = None;
            viol.push("PVN-01");
        } else if s.pers == Some("saerlige") && rng.chance(V) {
            if let Some(dp) = &mut s.dpia {
                dp.0 = between(rng, d(2019, 1, 1), d(2023, 3, 1));
                viol.push("PVN-03");
            }
        }
        if s.dba.is_some() && rng.chance(V) {
            s.dba = None;
            viol.push("PVN-02");
        }
        if rng.chance(V * 0.7) {
            s.grunnlag = None;
            viol.push("PVN-05");
        }
        if rng.chance(V) {
            s.ros = if rng.chance(0.5) {
                None
            } else {
                Some(between(rng, d(2021, 1, 1), d(2024, 4, 30)))
            };
            viol.push("SIK-01");
        }
        if s.tilgang.is_some() && rng.chance(V * 1.5) {
            s.tilgang = if rng.chance(0.5) {
                None
            } else {
                Some(between(rng, d(2023, 1, 1), d(2025, 4, 30)))
            };
            viol.push("SIK-02");
        }
        if s.filomraade && rng.chance(0.3) {
            viol.push("PVN-04");
        }
    } else if s.filomraade && rng.chance(0.3) {
        s.pers = Some("vanlige");
        s.grunnlag = Some("GDPR art. 6 nr. 1 e");
        s.dpia = Some((
            between(rng, d(2024, 1, 1), now.plus(-30)),
            case_ref(rng, 2024),
            Some("forvurdering"),
        ));
        viol.push("PVN-04");
    }
    if s.publikum && rng.chance(V * 1.5) {
        s.uu = if rng.chance(0.5) {
            None
        } else {
            Some("under arbeid".to_string())
        };
        viol.push("UU-01");
    }
    if s.kjerne && rng.chance(V * 0.5) {
        s.programvaretype = Some(if rng.chance(0.5) {
            "egenutviklet"
        } else {
            "skreddersom"
        });
        viol.push("HYL-01");
    }
    if s.kjerne && !s.datasett.is_empty() && rng.chance(V) {
        s.datasett.clear();
        viol.push("DATA-03");
    }
    if let Some(ds) = s.datasett.first_mut() {
        if rng.chance(V) {
            ds.katalog = None;
            viol.push("DATA-02");
        }
        if rng.chance(V * 0.5) {
            match rng.below(3) {
                0 => ds.opphav = None,
                1 => ds.kvalitet = None,
                _ => ds.oppdatert = None,
            }
            viol.push("DATA-01");
        }
    }
    if rng.chance(V * 0.5) {
        s.avtale = Some(month_end(
            rng.range(2024, 2025) as i64,
            rng.range(1, 12) as i64,
        ));
        viol.push("INV-02");
    }
    if s.drift == Some("egen_drift") && rng.chance(0.15) {
        // Contract ends within a year: a cloud decision point.
        s.avtale = Some(month_end(2026, rng.range(7, 12) as i64));
        if rng.chance(0.3) {
            s.sky = None;
            viol.push("SKY-03");
        }
    }
    if s.drift != Some("egen_drift") && s.drift.is_some() && rng.chance(V * 0.2) {
        s.sky = Some(Sky {
            konklusjon: Some("ikke_sky"),
            grunner: vec!["juridisk"],
            begrunnelse: Some("Vurdert før overgangen til leverandørens skytjeneste"),
            dato: Some(d(2022, 5, 10)),
        });
        viol.push("SKY-02");
    }
    for (mot, st) in s.integ.iter_mut() {
        if !mot.is_empty() && rng.chance(V * 0.3) {
            *st = None;
        }
    }
    if !s.fk.is_empty() && rng.chance(V * 0.5) {
        s.fk.pop();
        viol.push("FK-02");
    }
    if !s.fk.is_empty() && rng.chance(V * 0.2) {
        let c = s.fk[0];
        s.fk[0] = match c {
            "id-porten" => "idporten",
            "fiks-arkiv" => "fiksarkiv",
            "krr" => "kontaktregisteret",
            "feide" => "feide-innlogging",
            _ => "svar-ut",
        };
        viol.push("FK-03");
    }
    for v in viol {
        k.viol.push((v, id.clone()));
    }
}

/// Integrations to a few other systems of the same kommune: each system names at most two
/// earlier systems, so the count grows with the inventory, never with its square.
fn link(rng: &mut Rng, k: &mut Kommune) {
    let n = k.sys.len();
    for i in 1..n {
        let m = match rng.below(10) {
            0..=3 => 0,
            4..=7 => 1,
            _ => 2,
        };
        for _ in 0..m {
            // Prefer a system in the same area, close by in the list.
            let j = if rng.chance(0.6) && i > 1 {
                i - 1 - rng.below(i.min(40))
            } else {
                rng.below(i)
            };
            if k.sys[j].livslop == Some("avviklet") {
                continue;
            }
            let mot = k.sys[j].id.clone();
            if k.sys[i].integ.iter().any(|(x, _)| *x == mot) {
                continue;
            }
            let area = k.sys[i].area;
            let st = if rng.chance(V * 1.5) {
                if rng.chance(0.6) {
                    "proprietaer"
                } else {
                    "filoverforing"
                }
            } else {
                match area {
                    0 => *rng.pick(&["fiks-arkiv", "noark5", "openapi", "fiks-io"]),
                    2 => *rng.pick(&["hl7-fhir", "plo-meldinger", "openapi", "fiks-io"]),
                    3 => *rng.pick(&["sosi", "gml", "wfs", "openapi", "fiks-matrikkelforing"]),
                    _ => *rng.pick(&["openapi", "fiks-io", "oauth2"]),
                }
            };
            if st == "proprietaer" || st == "filoverforing" {
                let id = k.sys[i].id.clone();
                k.viol.push(("STD-01", id));
            }
            k.sys[i].integ.push((mot, Some(st)));
        }
    }
}

fn pick_template(rng: &mut Rng) -> usize {
    rng.below(templates().len())
}

/// Another product of the same family: what a project replaces `ti` with.
fn alternative(rng: &mut Rng, ti: usize) -> usize {
    let fam = templates()[ti].fam;
    let alts: Vec<usize> = (0..templates().len())
        .filter(|&j| j != ti && templates()[j].fam == fam)
        .collect();
    if alts.is_empty() {
        ti
    } else {
        alts[rng.below(alts.len())]
    }
}

fn pick_fase(rng: &mut Rng) -> &'static str {
    let x = rng.unit();
    if x < 0.10 {
        "ide"
    } else if x < 0.25 {
        "konsept"
    } else if x < 0.45 {
        "planlegge"
    } else if x < 0.70 {
        "gjennomfore"
    } else if x < 0.80 {
        "avslutte"
    } else {
        "realisere"
    }
}

fn is_open(f: Option<&str>) -> bool {
    matches!(f, None | Some("konsept" | "planlegge" | "gjennomfore"))
}

fn is_closed(f: Option<&str>) -> bool {
    matches!(f, Some("avslutte" | "realisere"))
}

/// Plan of one project before the inventory exists: its phase and how many systems it
/// brings in, and whether they stand in the inventory (`Ref`) or in the project file.
struct Plan {
    fase: &'static str,
    new: usize,
    inline: bool,
    retire_only: bool,
}

fn plan_projects(rng: &mut Rng, n: usize) -> Vec<Plan> {
    (0..n)
        .map(|_| {
            let fase = pick_fase(rng);
            let new = if fase == "ide" {
                0
            } else {
                match rng.below(20) {
                    0..=5 => 0,
                    6..=16 => 1,
                    _ => 2,
                }
            };
            let inline = !is_closed(Some(fase)) && rng.chance(0.5);
            let retire_only = new == 0 && fase != "ide" && rng.chance(0.2);
            Plan {
                fase,
                new,
                inline,
                retire_only,
            }
        })
        .collect()
}

const PROSJEKT_NAVN: &[(&str, &str)] = &[
    ("nytt-{}", "Nytt {}"),
    ("anskaffelse-{}", "Anskaffelse av {}"),
    ("innforing-{}", "Innføring av {}"),
];

const IDE_NAVN: &[(&str, &str, &str)] = &[
    (
        "chatbot",
        "Chatbot for innbyggerdialog",
        "Færre telefoner til servicetorget; svar utenom åpningstid",
    ),
    (
        "droner",
        "Droner i teknisk drift",
        "Raskere tilsyn av ledningsnett og tak; færre timer i lift",
    ),
    (
        "sensorer-skole",
        "Sensorer for inneklima i skolene",
        "Bedre inneklima og lavere energibruk",
    ),
    (
        "ki-referat",
        "KI-støtte til møtereferat",
        "Mindre tid til referat i politiske møter",
    ),
    (
        "digital-tilsyn",
        "Digitalt tilsyn om natten",
        "Færre vekkinger og mer tid til brukerne",
    ),
    (
        "apen-data",
        "Åpne data fra kommunen",
        "Gjenbruk av kommunens data i næringslivet",
    ),
];

const FORBEDRING: &[(&str, &str)] = &[
    ("digital-post", "Digital post til innbyggere"),
    ("automatisering-faktura", "Automatisering av fakturamottak"),
    ("min-side", "Min side for innbyggere"),
    ("digitale-skjema", "Digitale skjema for byggesak"),
    (
        "informasjonssikkerhet",
        "Styringssystem for informasjonssikkerhet",
    ),
    ("konsolidering-fagsystemer", "Konsolidering av fagsystemer"),
    ("opprydding-filomrader", "Opprydding i filområder"),
    ("kompetanseloft", "Digitalt kompetanseløft for ansatte"),
];

fn gevinster(rng: &mut Rng, eier: &str, fase: &str) -> Vec<Gev> {
    let now = today();
    let realiseres = if fase == "realisere" {
        between(rng, d(2025, 6, 30), d(2027, 12, 31))
    } else {
        between(rng, d(2027, 1, 1), d(2029, 12, 31))
    };
    let realiseres = month_end(realiseres.year(), realiseres.civil().1);
    let nullpunkt_dato = between(rng, d(2024, 1, 1), now.plus(-60));
    let base = rng.range(20, 400);
    let maal = base * rng.range(30, 80) / 100;
    let mut v = vec![
        Gev {
            beskrivelse: rng.one(&[
                "Mindre tid til manuell registrering",
                "Færre henvendelser til servicetorget",
                "Kortere saksbehandlingstid",
                "Lavere lisens- og driftskostnader",
            ]),
            kategori: Some(*rng.pick(&["tid", "kostnad"])),
            kvantitativ: true,
            indikator: Some(*rng.pick(&[
                "Timer per måned brukt på registrering",
                "Henvendelser per måned",
                "Dager fra søknad til vedtak",
                "Kroner per år i lisenser",
            ])),
            maaleenhet: Some(*rng.pick(&["timer", "antall", "dager", "kroner"])),
            nullpunkt: Some((base, nullpunkt_dato)),
            maalverdi: Some(maal),
            realiseres: Some(realiseres),
            eier: Some(format!(
                "Leder {}",
                *rng.pick(&[
                    "dokumentsenteret",
                    "servicetorget",
                    "hjemmetjenesten",
                    "byggesak",
                    "økonomiavdelingen"
                ])
            )),
            maalinger: Vec::new(),
        },
        Gev {
            beskrivelse: rng.one(&[
                "Bedre kvalitet i tjenesten",
                "Mer tid hos brukeren",
                "Enklere tilgang for innbyggerne",
            ]),
            kategori: Some("kvalitet"),
            kvantitativ: false,
            indikator: Some("Tilbakemeldinger fra brukere og ansatte"),
            maaleenhet: None,
            nullpunkt: None,
            maalverdi: None,
            realiseres: Some(realiseres),
            eier: Some(eier.to_string()),
            maalinger: Vec::new(),
        },
    ];
    if fase == "realisere" && realiseres < now {
        for g in &mut v {
            if g.kvantitativ {
                g.maalinger.push((realiseres.plus(15), (base + maal) / 2));
            } else {
                g.maalinger.push((realiseres.plus(15), 1));
            }
        }
    }
    if rng.chance(0.3) {
        v.push(Gev {
            beskrivelse: "Færre avvik",
            kategori: Some("kvalitet"),
            kvantitativ: true,
            indikator: Some("Avvik per kvartal"),
            maaleenhet: Some("antall"),
            nullpunkt: Some((rng.range(10, 60), nullpunkt_dato)),
            maalverdi: Some(rng.range(2, 9)),
            realiseres: Some(realiseres),
            eier: v[0].eier.clone(),
            maalinger: if fase == "realisere" && realiseres < now {
                vec![(realiseres.plus(20), 8)]
            } else {
                Vec::new()
            },
        });
    }
    v
}

/// A complete, clean project (no systems yet).
fn make_proj(
    rng: &mut Rng,
    k: &Kommune,
    id: String,
    navn: String,
    area: usize,
    fase: &'static str,
) -> Proj {
    let now = today();
    let eier = OWNERS[area].to_string();
    let start = between(rng, d(2023, 1, 1), now.plus(-90));
    let budsjett = rng.range(2, 120) * 50_000;
    let mut fin = Vec::new();
    if let Some(saldo) = k.fond {
        if rng.chance(0.5) {
            let tak = saldo / 10;
            let b = (rng.range(20, 100) * tak / 100 / 10_000 * 10_000).min(budsjett);
            if b > 0 {
                fin.push(Fin {
                    kilde: "digitaliseringsfond",
                    belop: Some(b),
                    vedtak: Some(case_ref(rng, start.year())),
                });
            }
        }
    }
    let used: u64 = fin.iter().filter_map(|f| f.belop).sum();
    if used < budsjett {
        fin.push(Fin {
            kilde: rng.one(&["drift", "investering", "tilskudd"]),
            belop: Some(budsjett - used),
            vedtak: None,
        });
    }
    let y = start.year();
    let styring = [
        Some(format!("Prosjektleder {} %, superbrukere fra linjen", rng.range(2, 10) * 10)),
        Some(if rng.chance(0.8) { "prosjektveiviseren".to_string() } else { "Prosjektveiviseren med smidig gjennomføring".to_string() }),
        Some("Prosjekteier, styringsgruppe med tjenesteområdet og IKT, prosjektleder og arbeidsgruppe".to_string()),
        Some(case_ref(rng, y)),
        Some(rng.pick(&["Månedlig til porteføljestyret", "Kvartalsvis til porteføljestyret"]).to_string()),
        Some(case_ref(rng, y)),
        Some("Endringslogg i Prosjektportalen".to_string()),
        Some(format!("{} overtar etter innføring", rng.pick(FORVALTERE[area]))),
    ];
    let gp = Gevinstplan {
        ansvarlig: Some(eier.clone()),
        sist: Some(between(rng, now.plus(-300), now.plus(-7))),
        gev: gevinster(rng, &eier, fase),
    };
    Proj {
        id,
        navn,
        eier,
        leder: rng.one(LEDERE),
        area,
        fase: Some(fase),
        budsjett: Some(budsjett),
        fin,
        godkjenning: Some((start.plus(rng.range(20, 80) as i64), "Arkitekturforum")),
        prosess: Some((start.plus(rng.range(0, 40) as i64), case_ref(rng, y))),
        vurderte: Vec::new(),
        behov: Vec::new(),
        fk: Vec::new(),
        samarbeid: Some((
            start.plus(rng.range(0, 60) as i64),
            Some(*rng.pick(&[
                "Felles anskaffelse i IKT-samarbeidet",
                "Vurdert med nabokommunene; ingen felles behov nå",
                "Bruker rammeavtalen til KS",
            ])),
        )),
        innsikt: Some((start.plus(rng.range(0, 60) as i64), case_ref(rng, y))),
        miljo: Some((
            start.plus(rng.range(0, 60) as i64),
            Some(*rng.pick(&[
                "Skytjeneste med fornybar strøm; mindre papir",
                "Mindre kjøring mellom enhetene",
                "Ingen vesentlig miljøvirkning",
            ])),
        )),
        nye: Vec::new(),
        utfaser: Vec::new(),
        kost_nytte: Some([
            Some("Mindre manuelt arbeid i enheten"),
            Some("Lavere driftskostnader og bedre tjenester for innbyggerne"),
            if rng.chance(0.3) {
                Some("Bedre datagrunnlag for statlige registre")
            } else {
                None
            },
        ]),
        styring: Some(styring),
        gevinstplan: Some(gp),
        potensial: None,
        extra_vurderte: Vec::new(),
        skip_vurderte: false,
        comment: None,
    }
}

fn add_caps_needs(p: &mut Proj, kap: &[&'static str], fk_of_new: &[&'static str]) {
    for c in kap {
        if !p.behov.contains(c) {
            p.behov.push(c);
        }
    }
    for c in fk_of_new {
        if !p.fk.contains(c) {
            p.fk.push(c);
        }
    }
}

/// One kommune's whole portfolio: `n_sys` systems in the inventory, `n_proj` projects.
fn gen_kommune(
    seed: u64,
    nr: u32,
    idx: u32,
    n_sys: usize,
    n_proj: usize,
    triggers: &[usize],
) -> Kommune {
    let mut rng = Rng::new(seed);
    let mut k = new_kommune(nr, idx, &mut rng, n_sys);
    let now = today();
    let plans = plan_projects(&mut rng, n_proj);
    let reserved: usize = plans.iter().filter(|p| !p.inline).map(|p| p.new).sum();
    let n_base = n_sys.saturating_sub(reserved).max(n_sys / 2);
    // Base inventory.
    for _ in 0..n_base {
        let ti = pick_template(&mut rng);
        let x = rng.unit();
        let livslop = if x < 0.90 {
            "aktiv"
        } else if x < 0.95 {
            "utfasing"
        } else {
            "avviklet"
        };
        let mut s = make_sys(&mut rng, &mut k, ti, livslop);
        match livslop {
            "utfasing" => {
                s.utfases = Some(month_end(
                    rng.range(2026, 2028) as i64,
                    rng.range(7, 12) as i64,
                ));
                s.comment = Some("Skal fases ut; erstatning vurderes".to_string());
                if let Some(a) = &mut s.arkiv {
                    if rng.chance(V * 3.0) {
                        a.depot = None;
                        k.viol.push(("ARK-01", s.id.clone()));
                    }
                }
            }
            "avviklet" => {
                s.utfases = Some(month_end(
                    rng.range(2021, 2025) as i64,
                    rng.range(1, 12) as i64,
                ));
                if let Some(a) = &mut s.arkiv {
                    if rng.chance(0.5) {
                        a.data_slettet = s.utfases.map(|u| u.plus(rng.range(30, 200) as i64));
                    }
                }
            }
            _ => {
                if rng.chance(V * 0.3) {
                    // Bought this year outside the portfolio (ARKF-03).
                    s.innfort = Some(between(&mut rng, now.plus(-300), now.plus(-30)));
                    k.viol.push(("ARKF-03", s.id.clone()));
                }
            }
        }
        k.sys.push(s);
    }
    // Projects.
    let mut pool: Vec<usize> = (0..k.sys.len())
        .filter(|&i| k.sys[i].livslop == Some("aktiv"))
        .collect();
    // Shuffle the pool (Fisher-Yates): systems are retired in random order.
    for i in (1..pool.len()).rev() {
        let j = rng.below(i + 1);
        pool.swap(i, j);
    }
    let mut ideas = 0usize;
    let mut forb = 0usize;
    for (pi, plan) in plans.iter().enumerate() {
        let area;
        let (id, navn);
        let mut retire: Vec<usize> = Vec::new();
        let take = if plan.retire_only { 1 } else { plan.new };
        for _ in 0..take {
            if let Some(i) = pool.pop() {
                retire.push(i);
            }
        }
        if plan.fase == "ide" {
            let (a, b, _) = IDE_NAVN[ideas % IDE_NAVN.len()];
            let n = ideas / IDE_NAVN.len();
            id = if n == 0 {
                a.to_string()
            } else {
                format!("{a}-{}", n + 1)
            };
            navn = if n == 0 {
                b.to_string()
            } else {
                format!("{b} {}", n + 1)
            };
            ideas += 1;
            area = rng.below(AREAS.len());
        } else if let Some(&r) = retire.first() {
            let t = &templates()[k.sys[r].tpl];
            area = t.area;
            let (a, b) = PROSJEKT_NAVN[pi % PROSJEKT_NAVN.len()];
            let fam_navn = match t.fam {
                "sak" => "sak- og arkivsystem",
                "okonomi" => "økonomisystem",
                "turnus" => "turnussystem",
                "politisk" => "møteportal for folkevalgte",
                "innkjop" => "konkurranseverktøy",
                "styring" => "styringssystem",
                "skjema" => "skjemaløsning",
                "skole" => "skoleadministrativt system",
                "barnehage" => "barnehagesystem",
                "laering" => "læringsplattform",
                "foresatt" => "løsning for foreldrekommunikasjon",
                "ppt" => "fagsystem for PPT",
                "pleie" => "fagsystem for pleie og omsorg",
                "lege" => "journalsystem for legetjenesten",
                "helsestasjon" => "journal for helsestasjonen",
                "barnevern" => "fagsystem for barnevern",
                "sosial" => "fagsystem for NAV kommune",
                "velferd" => "trygghetsalarm",
                "byggesak" => "byggesaksystem",
                "kart" => "kartsystem",
                "va" => "VA-system",
                "renovasjon" => "renovasjonssystem",
                "eiendom" => "FDV-system",
                "bibliotek" => "biblioteksystem",
                "kultur" => "bookingsystem",
                "kontor" => "intranett",
                "servicedesk" => "servicedesksystem",
                "kvalitet" => "kvalitetssystem",
                "nettsted" => "nettsted",
                "adgang" => "adgangskontrollsystem",
                "analyse" => "analyseverktøy",
                _ => "dokumentlagring",
            };
            let mut word = String::new();
            for c in fam_navn.to_lowercase().chars() {
                match c {
                    'a'..='z' | '0'..='9' => word.push(c),
                    'æ' => word.push_str("ae"),
                    'ø' => word.push('o'),
                    'å' => word.push_str("aa"),
                    _ if !word.ends_with('-') => word.push('-'),
                    _ => {}
                }
            }
            id = format!("{}-{}", a.replace("{}", &word), pi + 1);
            navn = format!("{}, erstatter {}", b.replace("{}", fam_navn), k.sys[r].navn);
        } else {
            let (a, b) = FORBEDRING[forb % FORBEDRING.len()];
            let n = forb / FORBEDRING.len();
            id = if n == 0 {
                a.to_string()
            } else {
                format!("{a}-{}", n + 1)
            };
            navn = if n == 0 {
                b.to_string()
            } else {
                format!("{b} {}", n + 1)
            };
            forb += 1;
            area = rng.below(AREAS.len());
        }
        let mut p = make_proj(&mut rng, &k, id, navn, area, plan.fase);
        if plan.fase == "ide" {
            p = Proj {
                fase: Some("ide"),
                budsjett: None,
                fin: Vec::new(),
                godkjenning: None,
                prosess: None,
                samarbeid: None,
                innsikt: None,
                miljo: None,
                kost_nytte: None,
                styring: None,
                gevinstplan: None,
                potensial: Some(IDE_NAVN[(ideas - 1) % IDE_NAVN.len()].2),
                ..p
            };
            k.proj.push(p);
            continue;
        }
        if plan.fase == "konsept" {
            p.godkjenning = None;
            p.innsikt = None;
            if rng.chance(0.5) {
                p.prosess = None;
            }
        }
        let closed = is_closed(Some(plan.fase));
        let utfas_dato = if closed {
            // Some months after the architecture was approved, and in the past.
            let start = p.godkjenning.map_or(d(2024, 1, 1), |g| g.0);
            let from = start.plus(150).min(now.plus(-60));
            between(&mut rng, from, now.plus(-60))
        } else {
            between(&mut rng, now.plus(120), d(2029, 6, 30))
        };
        let utfas_dato = month_end(utfas_dato.year(), utfas_dato.civil().1);
        for (j, &r) in retire.iter().enumerate() {
            // The new system replaces r (a system of the same family).
            if j < plan.new {
                let ti = alternative(&mut rng, k.sys[r].tpl);
                let livslop = if closed {
                    "aktiv"
                } else if plan.fase == "gjennomfore" && rng.chance(0.5) {
                    "innfasing"
                } else {
                    "planlagt"
                };
                let mut s = make_sys(&mut rng, &mut k, ti, livslop);
                s.innfort = if closed {
                    Some(utfas_dato.plus(-(rng.range(30, 200) as i64)))
                } else {
                    None
                };
                if !closed {
                    // Open projects buy cloud services, or document why not.
                    if s.drift == Some("egen_drift") && rng.chance(0.5) {
                        s.drift = Some("saas");
                        s.driftes_av = None;
                        s.sky = None;
                    }
                    s.avtale = Some(month_end(rng.range(2030, 2035) as i64, 12));
                    s.ros = Some(between(&mut rng, now.plus(-200), now.plus(-5)));
                    s.tilgang = None;
                    s.dpia = s
                        .dpia
                        .map(|(_, r, t)| (between(&mut rng, now.plus(-200), now.plus(-5)), r, t));
                    s.datasett.clear();
                }
                add_caps_needs(&mut p, &s.kap.clone(), &s.fk.clone());
                if plan.inline && !closed {
                    p.nye.push(Nye::Inline(Box::new(s)));
                } else {
                    k.sys.push(s);
                    p.nye.push(Nye::Ref(k.sys.len() - 1));
                }
            }
            let arkiv_plan = *rng.pick(&[
                "Noark 5-uttrekk deponeres hos arkivdepotet",
                "Aktive saker migreres; historikken deponeres som Noark 5-uttrekk",
                "Data migreres til det nye systemet; ingen arkivverdige data",
            ]);
            p.utfaser.push(Utf {
                system: k.sys[r].id.clone(),
                dato: Some(utfas_dato),
                arkivplan: Some(arkiv_plan),
            });
            let old = &mut k.sys[r];
            if closed {
                old.livslop = Some("avviklet");
                old.utfases = Some(utfas_dato);
                if let Some(a) = &mut old.arkiv {
                    a.metode = Some("deponering");
                    if rng.chance(0.5) {
                        a.data_slettet =
                            Some(utfas_dato.plus(rng.range(30, 120) as i64).min(now.plus(-1)));
                    }
                }
            } else if rng.chance(0.5) {
                old.livslop = Some("utfasing");
                old.utfases = Some(utfas_dato);
            }
            p.vurderte.push(r);
        }
        if p.nye.is_empty() {
            // No new systems: the documents about procurement are not needed.
            if rng.chance(0.5) {
                p.samarbeid = None;
                p.miljo = None;
            }
        }
        if p.behov.is_empty() {
            let caps = [
                "post-til-innbygger",
                "kontaktinformasjon",
                "arkivintegrasjon",
                "innbygger-autentisering",
            ];
            let c = *rng.pick(&caps);
            p.behov.push(c);
            p.fk.push(components_for(c).unwrap()[0]);
        }
        k.proj.push(p);
    }
    // Exactly n_sys systems, also when the pool of systems to replace ran dry.
    while k.sys.len() < n_sys {
        let ti = pick_template(&mut rng);
        let s = make_sys(&mut rng, &mut k, ti, "aktiv");
        k.sys.push(s);
    }
    // Spoil a few percent of the inventory and the projects.
    for i in 0..k.sys.len() {
        spoil_sys(&mut rng, &mut k, i);
    }
    for i in 0..k.proj.len() {
        spoil_proj(&mut rng, &mut k, i);
    }
    link(&mut rng, &mut k);
    compute_vurderte(&mut k);
    gen_avvik(&mut rng, &mut k);
    apply_triggers(&mut rng, &mut k, triggers);
    compute_vurderte(&mut k);
    k
}

// ---------------------------------------------------------------------------------------
// Deliberate instances: one per rule code, spread over the kommuner of a national set, so
// that every code occurs by construction and not by chance.
// ---------------------------------------------------------------------------------------

/// The rule codes in the order of `prinsipp rules`.
const CODES: [&str; 55] = [
    "SKY-01", "SKY-02", "SKY-03", "INNUT-01", "INNUT-02", "INNUT-03", "INNUT-04", "INNUT-05",
    "INNUT-06", "FK-01", "FK-02", "FK-03", "GEV-01", "GEV-02", "GEV-03", "GEV-04", "GEV-05",
    "GEV-06", "GEV-07", "GEV-08", "GJEN-01", "SAM-01", "MIL-01", "PROS-01", "PROS-02", "ARKF-01",
    "ARKF-02", "ARKF-03", "PV-01", "PV-02", "PV-03", "KN-01", "FOND-01", "FOND-02", "PVN-01",
    "PVN-02", "PVN-03", "PVN-04", "PVN-05", "SIK-01", "SIK-02", "UU-01", "STD-01", "HYL-01",
    "ARK-01", "INV-01", "INV-02", "DATA-01", "DATA-02", "DATA-03", "REF-01", "AVV-01", "AVV-02",
    "AVV-03", "AVV-04",
];

/// The codes kommune `i` of `n` carries a deliberate instance of: every code lands in
/// exactly one kommune, whatever n is (one kommune carries all 55).
fn triggers_for(i: u32, n: u32) -> Vec<usize> {
    (0..CODES.len())
        .filter(|c| *c as u32 % n == i % n.max(1))
        .collect()
}

/// Project themes for the deliberate instances (not used by the random projects).
const TILTAK: &[(&str, &str)] = &[
    ("velferdsteknologi", "Velferdsteknologi i hjemmetjenesten"),
    ("digital-innbyggerdialog", "Digital innbyggerdialog"),
    ("selvbetjening", "Selvbetjening for innbyggere"),
    ("digital-byggesak", "Digital byggesøknad"),
    ("datadrevet-styring", "Datadrevet styring"),
    (
        "digital-arbeidsflate",
        "Ny digital arbeidsflate for ansatte",
    ),
];

/// An active system no random violation, project or earlier instance has touched.
fn fresh(k: &Kommune, used: &mut Vec<usize>, start: usize) -> usize {
    let n = k.sys.len();
    let busy = |i: usize| {
        let s = &k.sys[i];
        used.contains(&i)
            || s.livslop != Some("aktiv")
            || s.systemeier.is_none()
            || s.drift.is_none()
            || s.pers.is_none()
            || s.programvaretype.is_none()
            || s.filomraade
            || k.viol.iter().any(|(_, id)| *id == s.id)
            || k.avvik.iter().any(|a| a.gjelder == s.id)
            || k.proj.iter().any(|p| {
                p.utfaser.iter().any(|u| u.system == s.id)
                    || p.nye.iter().any(|x| matches!(x, Nye::Ref(j) if *j == i))
            })
    };
    let i = (0..n)
        .map(|j| (start + j) % n)
        .find(|&i| !busy(i))
        .expect("an untouched active system");
    used.push(i);
    i
}

/// A clean project for a deliberate instance, with one new system (replacing a fresh one)
/// when `with_new`.
fn trigger_proj(
    rng: &mut Rng,
    k: &mut Kommune,
    used: &mut Vec<usize>,
    code: usize,
    fase: &'static str,
    with_new: bool,
) -> Proj {
    let (a, b) = TILTAK[code % TILTAK.len()];
    let area = rng.below(AREAS.len());
    let mut p = make_proj(
        rng,
        k,
        format!("{a}-{}", code + 1),
        format!("{b} {}", code + 1),
        area,
        fase,
    );
    p.comment = Some(format!("Bærer et funn for {} med vilje.", CODES[code]));
    let c = *rng.pick(&[
        "post-til-innbygger",
        "kontaktinformasjon",
        "arkivintegrasjon",
    ]);
    p.behov.push(c);
    p.fk.push(components_for(c).unwrap()[0]);
    if with_new {
        let start = rng.below(k.sys.len());
        let r = fresh(k, used, start);
        let ti = alternative(rng, k.sys[r].tpl);
        let mut s = make_sys(rng, k, ti, "planlagt");
        let now = today();
        s.drift = Some("saas");
        s.driftes_av = None;
        s.sky = None;
        s.innfort = None;
        s.avtale = Some(month_end(2032, 12));
        s.ros = Some(between(rng, now.plus(-200), now.plus(-5)));
        s.tilgang = None;
        s.dpia = s
            .dpia
            .map(|(_, r, t)| (between(rng, now.plus(-200), now.plus(-5)), r, t));
        s.datasett.clear();
        add_caps_needs(&mut p, &s.kap.clone(), &s.fk.clone());
        p.nye.push(Nye::Inline(Box::new(s)));
        p.utfaser.push(Utf {
            system: k.sys[r].id.clone(),
            dato: Some(month_end(2028, 6)),
            arkivplan: Some("Noark 5-uttrekk deponeres hos arkivdepotet"),
        });
        p.vurderte.push(r);
    }
    p
}

fn open_balance(k: &Kommune) -> (usize, usize) {
    let mut new = 0;
    let mut out: Vec<&str> = Vec::new();
    for p in k.proj.iter().filter(|p| is_open(p.fase)) {
        new += p.nye.len();
        for u in &p.utfaser {
            let live = k
                .sys
                .iter()
                .any(|s| s.id == u.system && s.livslop != Some("avviklet"));
            if live && !out.contains(&u.system.as_str()) {
                out.push(&u.system);
            }
        }
    }
    (new, out.len())
}

fn apply_triggers(rng: &mut Rng, k: &mut Kommune, triggers: &[usize]) {
    if triggers.is_empty() {
        return;
    }
    let now = today();
    let mut used: Vec<usize> = Vec::new();
    // INNUT-05 counts the whole portfolio: it goes after every other project is in place.
    let mut order: Vec<usize> = triggers.to_vec();
    order.sort_by_key(|&c| (CODES[c] == "INNUT-05", CODES[c].starts_with("AVV"), c));
    for c in order {
        let code = CODES[c];
        let start = rng.below(k.sys.len());
        let sys_trigger = matches!(
            code,
            "SKY-02"
                | "SKY-03"
                | "INNUT-06"
                | "FK-02"
                | "FK-03"
                | "PVN-01"
                | "PVN-02"
                | "PVN-03"
                | "PVN-04"
                | "PVN-05"
                | "SIK-01"
                | "SIK-02"
                | "UU-01"
                | "STD-01"
                | "HYL-01"
                | "ARK-01"
                | "INV-01"
                | "INV-02"
                | "DATA-01"
                | "DATA-02"
                | "DATA-03"
                | "ARKF-03"
        );
        if sys_trigger {
            let i = fresh(k, &mut used, start);
            let other = k.sys[(i + 1) % k.sys.len()].id.clone();
            let s = &mut k.sys[i];
            s.comment = Some(format!("Bærer et funn for {code} med vilje."));
            let personal = |s: &mut Sys, p: &'static str| {
                s.pers = Some(p);
                s.grunnlag = Some("GDPR art. 6 nr. 1 e, med særloven for tjenesten");
                if s.dpia.is_none() {
                    s.dpia = Some((now.plus(-100), "26/0101".to_string(), None));
                }
                if s.ros.is_none() {
                    s.ros = Some(now.plus(-100));
                }
                if s.dba.is_none() {
                    s.dba = Some("24/0555".to_string());
                }
                if p == "saerlige" && s.tilgang.is_none() {
                    s.tilgang = Some(now.plus(-60));
                }
            };
            match code {
                "SKY-02" => {
                    s.drift = Some("saas");
                    s.sky = Some(Sky {
                        konklusjon: Some("ikke_sky"),
                        grunner: vec!["juridisk"],
                        begrunnelse: Some("Vurdert før leverandøren flyttet tjenesten til sky"),
                        dato: Some(now.plus(-200)),
                    });
                }
                "SKY-03" => {
                    s.drift = Some("egen_drift");
                    s.driftes_av = None;
                    s.dba = None;
                    s.sky = None;
                    s.avtale = Some(month_end(2026, 11));
                }
                "INNUT-06" => s.utfases = Some(month_end(2026, 2)),
                "FK-02" => {
                    if !s.kap.contains(&"innbygger-autentisering") {
                        s.kap.push("innbygger-autentisering");
                    }
                    s.fk.retain(|c| *c != "id-porten");
                    s.integ.retain(|(m, _)| m != "id-porten");
                }
                "FK-03" => s.fk.push("idporten"),
                "PVN-01" => {
                    personal(s, "vanlige");
                    s.hoy_risiko.clear();
                    s.dpia = None;
                }
                "PVN-02" => {
                    personal(s, "vanlige");
                    s.drift = Some("saas");
                    s.sky = None;
                    s.dba = None;
                }
                "PVN-03" => {
                    personal(s, "saerlige");
                    s.dpia = Some((d(2021, 3, 15), "21/0412".to_string(), None));
                }
                "PVN-04" => {
                    personal(s, "vanlige");
                    s.filomraade = true;
                }
                "PVN-05" => {
                    personal(s, "vanlige");
                    s.grunnlag = None;
                }
                "SIK-01" => {
                    personal(s, "vanlige");
                    s.ros = None;
                }
                "SIK-02" => {
                    personal(s, "saerlige");
                    s.tilgang = None;
                }
                "UU-01" => {
                    s.publikum = true;
                    s.uu = Some("Under arbeid".to_string());
                }
                "STD-01" => s.integ.push((other, Some("proprietaer"))),
                "HYL-01" => {
                    s.kjerne = true;
                    s.programvaretype = Some("egenutviklet");
                    if s.datasett.is_empty() {
                        s.datasett.push(Datasett {
                            navn: "Registerdata".to_string(),
                            opphav: Some(s.id.clone()),
                            kvalitet: Some("God"),
                            oppdatert: Some("Løpende"),
                            katalog: Some(format!(
                                "https://data.norge.no/datasets/{}-{}",
                                k.slug, s.id
                            )),
                        });
                    }
                }
                "ARK-01" => {
                    s.livslop = Some("utfasing");
                    s.utfases = Some(month_end(2027, 6));
                    s.arkiv = Some(Arkiv {
                        metode: None,
                        depot: None,
                        data_slettet: None,
                    });
                }
                "INV-01" => s.systemeier = None,
                "INV-02" => s.avtale = Some(month_end(2025, 12)),
                "DATA-01" | "DATA-02" => {
                    s.datasett = vec![Datasett {
                        navn: "Registerdata".to_string(),
                        opphav: Some(s.id.clone()),
                        kvalitet: if code == "DATA-01" { None } else { Some("God") },
                        oppdatert: Some("Løpende"),
                        katalog: if code == "DATA-02" {
                            None
                        } else {
                            Some(format!(
                                "https://data.norge.no/datasets/{}-{}",
                                k.slug, s.id
                            ))
                        },
                    }];
                }
                "DATA-03" => {
                    s.kjerne = true;
                    s.programvaretype = Some("hyllevare");
                    s.datasett.clear();
                }
                "ARKF-03" => {
                    s.livslop = Some("planlagt");
                    s.innfort = None;
                }
                _ => unreachable!("{code}"),
            }
            let id = s.id.clone();
            k.viol.push((code, id));
            continue;
        }
        if code.starts_with("AVV") {
            k.write_avvik = true;
            let (regel, gjelder) = match code {
                "AVV-04" => {
                    // Covers nothing: SKY-01 is about new systems, this one is in service.
                    let i = fresh(k, &mut used, start);
                    ("SKY-01", k.sys[i].id.clone())
                }
                _ => {
                    let i = fresh(k, &mut used, start);
                    k.sys[i].systemeier = None;
                    ("INV-01", k.sys[i].id.clone())
                }
            };
            k.avvik.push(Avvik {
                regel,
                gjelder,
                begrunnelse: if code == "AVV-01" {
                    None
                } else {
                    Some("Systemoversikten ryddes når ny forvaltningsmodell er vedtatt")
                },
                vedtatt_av: Some("Porteføljestyret"),
                dato: Some(d(2025, 11, 20)),
                gyldig_til: Some(match code {
                    "AVV-02" => d(2026, 3, 31),
                    "AVV-03" => now.plus(12),
                    _ => d(2027, 6, 30),
                }),
                r#ref: "25/2210".to_string(),
            });
            continue;
        }
        let (fase, with_new) = match code {
            "SKY-01" | "INNUT-03" | "GJEN-01" | "SAM-01" | "MIL-01" | "PROS-02" => {
                ("planlegge", true)
            }
            "INNUT-01" => ("konsept", true),
            "PROS-01" | "ARKF-01" => ("gjennomfore", true),
            "GEV-05" => ("realisere", false),
            "GEV-06" => ("gjennomfore", false),
            "GEV-07" => ("ide", false),
            "FK-01" | "KN-01" | "REF-01" | "INNUT-05" => ("konsept", false),
            _ => ("planlegge", false),
        };
        let mut p = trigger_proj(rng, k, &mut used, c, fase, with_new);
        match code {
            "SKY-01" => {
                if let Some(Nye::Inline(s)) = p.nye.first_mut() {
                    s.drift = Some("egen_drift");
                    s.sky = None;
                }
            }
            "INNUT-01" => p.utfaser.clear(),
            "INNUT-02" => p.utfaser.push(Utf {
                system: "gammelt-fagsystem".to_string(),
                dato: Some(month_end(2027, 12)),
                arkivplan: Some("Deponeres hos arkivdepotet"),
            }),
            "INNUT-03" => p.utfaser[0].arkivplan = None,
            "INNUT-04" => {
                let gone = match k.sys.iter().position(|s| s.livslop == Some("avviklet")) {
                    Some(i) => i,
                    None => {
                        let i = fresh(k, &mut used, start);
                        k.sys[i].livslop = Some("avviklet");
                        k.sys[i].utfases = Some(month_end(2024, 12));
                        i
                    }
                };
                p.utfaser.push(Utf {
                    system: k.sys[gone].id.clone(),
                    dato: Some(month_end(2027, 12)),
                    arkivplan: Some("Deponeres hos arkivdepotet"),
                });
            }
            "INNUT-05" => {
                let (new, out) = open_balance(k);
                for _ in 0..(out + 1).saturating_sub(new).max(1) {
                    let ti = pick_template(rng);
                    let mut s = make_sys(rng, k, ti, "planlagt");
                    s.drift = Some("saas");
                    s.driftes_av = None;
                    s.sky = None;
                    s.innfort = None;
                    s.datasett.clear();
                    s.tilgang = None;
                    add_caps_needs(&mut p, &s.kap.clone(), &s.fk.clone());
                    p.nye.push(Nye::Inline(Box::new(s)));
                }
            }
            "FK-01" => {
                p.behov = vec!["innbygger-autentisering"];
                p.fk.clear();
            }
            "GEV-01" => p.gevinstplan = None,
            "GEV-02" | "GEV-03" | "GEV-04" | "GEV-05" | "GEV-06" | "GEV-08" => {
                let gp = p.gevinstplan.as_mut().unwrap();
                match code {
                    "GEV-02" => gp.gev[0].indikator = None,
                    "GEV-03" => gp.gev.retain(|g| !g.kvantitativ),
                    "GEV-04" => gp.ansvarlig = Some("Rådmannen".to_string()),
                    "GEV-05" => {
                        for g in &mut gp.gev {
                            g.realiseres = Some(d(2025, 12, 31));
                            g.maalinger.clear();
                        }
                    }
                    "GEV-06" => gp.sist = Some(d(2024, 2, 1)),
                    _ => gp.gev.retain(|g| g.kvantitativ),
                }
            }
            "GEV-07" => {
                p = Proj {
                    budsjett: None,
                    fin: Vec::new(),
                    godkjenning: None,
                    prosess: None,
                    samarbeid: None,
                    innsikt: None,
                    miljo: None,
                    kost_nytte: None,
                    styring: None,
                    gevinstplan: None,
                    potensial: None,
                    ..p
                }
            }
            "GJEN-01" => p.skip_vurderte = true,
            "SAM-01" => p.samarbeid = None,
            "MIL-01" => p.miljo = None,
            "PROS-01" => p.prosess = None,
            "PROS-02" => p.innsikt = None,
            "ARKF-01" => p.godkjenning = None,
            "ARKF-02" => {
                k.godkjennere = true;
                p.godkjenning = Some((now.plus(-150), "Rådmannen"));
            }
            "PV-01" => p.styring.as_mut().unwrap()[3] = None,
            "PV-02" => p.budsjett = p.budsjett.map(|b| b + 500_000),
            "PV-03" => p.styring.as_mut().unwrap()[1] = Some("Scrum".to_string()),
            "KN-01" => p.kost_nytte = Some([Some("Mindre manuelt arbeid i enheten"), None, None]),
            "FOND-01" | "FOND-02" => {
                let saldo = *k.fond.get_or_insert(3_000_000);
                let fond = if code == "FOND-01" {
                    saldo / 10 + 100_000
                } else {
                    saldo / 20
                };
                let other = p.budsjett.unwrap_or(1_000_000);
                p.budsjett = Some(fond + other);
                p.fin = vec![
                    Fin {
                        kilde: "digitaliseringsfond",
                        belop: Some(fond),
                        vedtak: if code == "FOND-02" {
                            None
                        } else {
                            Some("26/0311".to_string())
                        },
                    },
                    Fin {
                        kilde: "investering",
                        belop: Some(other),
                        vedtak: None,
                    },
                ];
            }
            "REF-01" => p.extra_vurderte.push("gammelt-fagsystem".to_string()),
            _ => unreachable!("{code}"),
        }
        k.viol.push((code, p.id.clone()));
        k.proj.push(p);
    }
}

fn spoil_proj(rng: &mut Rng, k: &mut Kommune, i: usize) {
    let fond = k.fond;
    let p = &mut k.proj[i];
    if p.fase == Some("ide") {
        if rng.chance(0.2) {
            p.potensial = None;
        }
        return;
    }
    let id = p.id.clone();
    let mut viol: Vec<&'static str> = Vec::new();
    if rng.chance(V * 0.5) {
        p.fase = None;
    }
    if rng.chance(V) {
        p.gevinstplan = None;
        viol.push("GEV-01");
    }
    if let Some(gp) = &mut p.gevinstplan {
        if rng.chance(V) {
            gp.ansvarlig = Some("Rådmannen".to_string());
            viol.push("GEV-04");
        }
        if rng.chance(V) {
            gp.sist = Some(between(rng, d(2023, 1, 1), d(2025, 3, 1)));
        }
        if rng.chance(V) {
            gp.gev[0].indikator = None;
            viol.push("GEV-02");
        }
        if rng.chance(V * 0.5) {
            gp.gev.retain(|g| !g.kvantitativ);
            viol.push("GEV-03");
        }
        if rng.chance(V * 0.5) {
            gp.gev.retain(|g| g.kvantitativ);
            viol.push("GEV-08");
        }
        if rng.chance(V * 2.0) {
            for g in &mut gp.gev {
                g.maalinger.clear();
            }
        }
    }
    if rng.chance(V) {
        if let Some(st) = &mut p.styring {
            let j = rng.below(8);
            st[j] = None;
            viol.push("PV-01");
        }
    }
    if rng.chance(V * 0.5) {
        if let Some(st) = &mut p.styring {
            st[1] = Some("Smidig med Scrum".to_string());
            viol.push("PV-03");
        }
    }
    if rng.chance(V) {
        if let Some(b) = p.budsjett {
            p.budsjett = Some(b + rng.range(1, 10) * 100_000);
            viol.push("PV-02");
        }
    }
    if rng.chance(V) {
        p.kost_nytte = Some([Some("Mindre manuelt arbeid i enheten"), None, None]);
        viol.push("KN-01");
    }
    if let Some(f) = p.fin.iter_mut().find(|f| f.kilde == "digitaliseringsfond") {
        if rng.chance(V) {
            f.vedtak = None;
            viol.push("FOND-02");
        }
        if rng.chance(V * 0.5) {
            if let Some(s) = fond {
                f.belop = Some(s / 10 + rng.range(1, 20) * 10_000);
                viol.push("FOND-01");
            }
        }
    } else if fond.is_none() && rng.chance(V * 0.3) {
        p.fin.push(Fin {
            kilde: "Digitaliseringsfondet",
            belop: Some(150_000),
            vedtak: Some("25/1001".to_string()),
        });
    }
    if !p.nye.is_empty() {
        if rng.chance(V) {
            p.godkjenning = None;
        }
        if rng.chance(V) {
            p.prosess = None;
        }
        if rng.chance(V) {
            p.innsikt = None;
        }
        if rng.chance(V) {
            p.samarbeid = if rng.chance(0.5) {
                None
            } else {
                p.samarbeid.map(|(d, _)| (d, None))
            };
        }
        if rng.chance(V) {
            p.miljo = None;
        }
        if rng.chance(V) {
            p.skip_vurderte = true;
        }
        if rng.chance(V * 0.5) && !p.utfaser.is_empty() {
            p.utfaser.pop();
            viol.push("INNUT-01");
        }
    }
    if let Some(u) = p.utfaser.first_mut() {
        if rng.chance(V) {
            u.arkivplan = None;
        }
        if rng.chance(V * 0.3) {
            // A typo in the id of the system to retire (INNUT-02).
            u.system.push_str("-gammel");
        }
    }
    if rng.chance(V * 0.3) {
        p.extra_vurderte.push("gammelt-fagsystem".to_string());
    }
    if rng.chance(V) {
        if let Some((dt, _)) = p.godkjenning {
            p.godkjenning = Some((dt, "Rådmannens ledergruppe"));
        }
    }
    if !p.behov.is_empty() && rng.chance(V * 0.5) {
        p.fk.clear();
        for n in &mut p.nye {
            if let Nye::Inline(s) = n {
                s.fk.clear();
                s.integ.clear();
            }
        }
    }
    for v in viol {
        k.viol.push((v, id.clone()));
    }
}

/// vurderte_eksisterende: every active system that shares a general capability with a new
/// system of the project (GJEN-01), besides the systems it retires.
fn compute_vurderte(k: &mut Kommune) {
    const GENERAL_MAX: usize = 60;
    let mut by_cap: std::collections::HashMap<&'static str, Vec<usize>> =
        std::collections::HashMap::new();
    for (i, s) in k.sys.iter().enumerate() {
        if s.livslop != Some("aktiv") {
            continue;
        }
        for c in &s.kap {
            if components_for(c).is_none() {
                by_cap.entry(c).or_default().push(i);
            }
        }
    }
    for pi in 0..k.proj.len() {
        if k.proj[pi].skip_vurderte {
            continue;
        }
        let mut want: Vec<usize> = k.proj[pi].vurderte.clone();
        for n in &k.proj[pi].nye {
            let (kap, self_id) = match n {
                Nye::Ref(i) => (k.sys[*i].kap.clone(), Some(*i)),
                Nye::Inline(s) => (s.kap.clone(), None),
            };
            for c in kap {
                if let Some(v) = by_cap.get(c) {
                    for &i in v {
                        if Some(i) != self_id && !want.contains(&i) && want.len() < GENERAL_MAX {
                            want.push(i);
                        }
                    }
                }
            }
        }
        k.proj[pi].vurderte = want;
    }
}

fn gen_avvik(rng: &mut Rng, k: &mut Kommune) {
    if !k.write_avvik {
        return;
    }
    let now = today();
    let n = rng.range(1, 6) as usize;
    for _ in 0..n.min(k.viol.len()) {
        let (regel, gjelder) = k.viol[rng.below(k.viol.len())].clone();
        if k.avvik
            .iter()
            .any(|a| a.regel == regel && a.gjelder == gjelder)
        {
            continue;
        }
        let dato = between(rng, d(2025, 1, 1), now.plus(-14));
        let x = rng.unit();
        let gyldig = if x < 0.7 {
            Some(month_end(rng.range(2026, 2028) as i64, 12))
        } else if x < 0.8 {
            Some(between(rng, now.plus(-120), now.plus(-1)))
        } else if x < 0.85 {
            Some(between(rng, now.plus(1), now.plus(29)))
        } else {
            None
        };
        k.avvik.push(Avvik {
            regel,
            gjelder,
            begrunnelse: Some(*rng.pick(&[
                "Systemet erstattes i løpet av avtaleperioden; tiltaket gjøres ved utskifting",
                "Leverandøren leverer funksjonen i neste versjon",
                "Midlertidig løsning til det nye systemet er innført",
            ])),
            vedtatt_av: Some(*rng.pick(&["Porteføljestyret", "Arkitekturforum"])),
            dato: Some(dato),
            gyldig_til: gyldig,
            r#ref: case_ref(rng, dato.year()),
        });
    }
}

// ---------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------

fn render_sys(o: &mut String, s: &Sys, ind: &str, k: &Kommune) {
    let f = format!("{ind}  ");
    let _ = writeln!(o, "{ind}- id: {}", s.id);
    let _ = writeln!(o, "{f}navn: {}", q(&s.navn));
    if let Some(b) = &s.beskrivelse {
        let _ = writeln!(o, "{f}beskrivelse: {}", q(b));
    }
    if let Some(l) = s.leverandor {
        let _ = writeln!(o, "{f}leverandor: {}", q(l));
    }
    let _ = writeln!(o, "{f}tjenesteomraade: {}", AREAS[s.area]);
    if !s.kap.is_empty() {
        let _ = writeln!(o, "{f}kapabiliteter: {}", list(&s.kap));
    }
    if let Some(e) = &s.systemeier {
        let _ = writeln!(o, "{f}systemeier: {}", q(e));
    }
    if let Some(e) = s.systemforvalter {
        let _ = writeln!(o, "{f}systemforvalter: {}", q(e));
    }
    if let Some(p) = s.programvaretype {
        let _ = writeln!(o, "{f}programvaretype: {p}");
    }
    let _ = writeln!(o, "{f}kjernesystem: {}", s.kjerne);
    for (i, ds) in s.datasett.iter().enumerate() {
        if i == 0 {
            let _ = writeln!(o, "{f}datasett:");
        }
        let _ = writeln!(o, "{f}  - navn: {}", q(&ds.navn));
        if let Some(x) = &ds.opphav {
            let _ = writeln!(o, "{f}    opphav: {x}");
        }
        if let Some(x) = ds.kvalitet {
            let _ = writeln!(o, "{f}    kvalitet: {x}");
        }
        if let Some(x) = ds.oppdatert {
            let _ = writeln!(o, "{f}    oppdatert: {x}");
        }
        if let Some(x) = &ds.katalog {
            let _ = writeln!(o, "{f}    datakatalog: {}", q(x));
        }
    }
    if let Some(x) = s.drift {
        let _ = writeln!(o, "{f}drift: {x}");
    }
    if let Some(x) = s.driftes_av {
        let _ = writeln!(o, "{f}driftes_av: {x}");
    }
    if let Some(x) = s.livslop {
        let _ = writeln!(o, "{f}livslop: {x}");
    }
    if let Some(x) = s.innfort {
        let _ = writeln!(o, "{f}innfort: {x}");
    }
    if let Some(x) = s.utfases {
        let _ = writeln!(o, "{f}utfases: {x}");
    }
    if let Some(x) = s.avtale {
        let _ = writeln!(o, "{f}avtale:\n{f}  utloper: {x}");
    }
    if !s.fk.is_empty() {
        let _ = writeln!(o, "{f}felleskomponenter: {}", list(&s.fk));
    }
    if !s.integ.is_empty() {
        let _ = writeln!(o, "{f}integrasjoner:");
        for (mot, st) in &s.integ {
            let _ = writeln!(o, "{f}  - mot: {mot}");
            if let Some(st) = st {
                let _ = writeln!(o, "{f}    standard: {st}");
            }
        }
    }
    if let Some(x) = s.pers {
        let _ = writeln!(o, "{f}personopplysninger: {x}");
    }
    if !s.hoy_risiko.is_empty() {
        let _ = writeln!(o, "{f}hoy_risiko: {}", list(&s.hoy_risiko));
    }
    if let Some(x) = s.grunnlag {
        let _ = writeln!(o, "{f}behandlingsgrunnlag: {}", q(x));
    }
    if let Some(x) = s.tilgang {
        let _ = writeln!(o, "{f}tilgangsrevisjon: {{ dato: {x} }}");
    }
    if let Some((dt, r, t)) = &s.dpia {
        match t {
            Some(t) => {
                let _ = writeln!(o, "{f}dpia: {{ dato: {dt}, ref: \"{r}\", type: {t} }}");
            }
            None => {
                let _ = writeln!(o, "{f}dpia: {{ dato: {dt}, ref: \"{r}\" }}");
            }
        }
    }
    if let Some(x) = &s.dba {
        let _ = writeln!(o, "{f}databehandleravtale: {{ ref: \"{x}\" }}");
    }
    if let Some(x) = s.ros {
        let _ = writeln!(o, "{f}ros: {{ dato: {x} }}");
    }
    if s.publikum {
        let _ = writeln!(o, "{f}publikumsrettet: true");
    }
    if s.filomraade {
        let _ = writeln!(o, "{f}filomraade: true");
    }
    if let Some(x) = &s.uu {
        let _ = writeln!(o, "{f}tilgjengelighetserklaering: {}", q(x));
    }
    if let Some(a) = &s.arkiv {
        let _ = writeln!(o, "{f}arkiv:\n{f}  arkivverdig: true");
        if let Some(m) = a.metode {
            let _ = writeln!(o, "{f}  metode: {m}");
        }
        if let Some(dp) = a.depot {
            let _ = writeln!(o, "{f}  depot: {}", q(dp));
        }
        if let Some(ds) = a.data_slettet {
            let _ = writeln!(o, "{f}  data_slettet: {ds}");
        }
    }
    if let Some(sk) = &s.sky {
        let _ = writeln!(o, "{f}skyvurdering:");
        if let Some(c) = sk.konklusjon {
            let _ = writeln!(o, "{f}  konklusjon: {c}");
        }
        if !sk.grunner.is_empty() {
            let _ = writeln!(o, "{f}  grunner: {}", list(&sk.grunner));
        }
        if let Some(b) = sk.begrunnelse {
            let _ = writeln!(o, "{f}  begrunnelse: {}", q(b));
        }
        if let Some(dt) = sk.dato {
            let _ = writeln!(o, "{f}  dato: {dt}");
        }
    }
    let _ = k;
}

fn render_systems(k: &Kommune, area: usize) -> Option<String> {
    let mut o = String::new();
    let mut any = false;
    for s in k.sys.iter().filter(|s| s.area == area) {
        if !any {
            let _ = writeln!(
                o,
                "# Systemoversikt for {}: {}.\n# Generert av bench/generate.rs.\nsystemer:",
                k.navn, AREAS[area]
            );
            any = true;
        } else {
            o.push('\n');
        }
        if let Some(c) = &s.comment {
            let _ = writeln!(o, "  # {c}");
        }
        render_sys(&mut o, s, "  ", k);
    }
    any.then_some(o)
}

fn render_proj(k: &Kommune, p: &Proj) -> String {
    let mut o = String::with_capacity(4096);
    let _ = writeln!(o, "# {}\nprosjekt:", p.navn);
    if let Some(c) = &p.comment {
        let _ = writeln!(o, "  # {c}");
    }
    let _ = writeln!(o, "  id: {}", p.id);
    let _ = writeln!(o, "  navn: {}", q(&p.navn));
    let _ = writeln!(o, "  prosjekteier: {}", q(&p.eier));
    let _ = writeln!(o, "  prosjektleder: {}", p.leder);
    let _ = writeln!(o, "  tjenesteomraade: {}", AREAS[p.area]);
    if let Some(f) = p.fase {
        let _ = writeln!(o, "  fase: {f}");
    }
    if let Some(g) = p.potensial {
        let _ = writeln!(o, "  gevinstpotensial: {}", q(g));
    }
    if let Some(b) = p.budsjett {
        let _ = writeln!(o, "  budsjett_nok: {b}");
    }
    if !p.fin.is_empty() {
        let _ = writeln!(o, "  finansiering:");
        for f in &p.fin {
            let _ = write!(o, "    - {{ kilde: {}", f.kilde);
            if let Some(b) = f.belop {
                let _ = write!(o, ", belop_nok: {b}");
            }
            if let Some(v) = &f.vedtak {
                let _ = write!(o, ", vedtak: \"{v}\"");
            }
            o.push_str(" }\n");
        }
    }
    if let Some((dt, av)) = p.godkjenning {
        let _ = writeln!(o, "  arkitekturgodkjenning: {{ dato: {dt}, av: {av} }}");
    }
    if let Some((dt, r)) = &p.prosess {
        let _ = writeln!(o, "  prosesskartlegging: {{ dato: {dt}, ref: \"{r}\" }}");
    }
    if !p.vurderte.is_empty() || !p.extra_vurderte.is_empty() {
        let _ = writeln!(o, "  vurderte_eksisterende:");
        for &i in &p.vurderte {
            let s = &k.sys[i];
            let why = if p.utfaser.iter().any(|u| u.system == s.id) {
                "Erstattes; dekker ikke behovene fremover"
            } else {
                "Vurdert; dekker ikke behovet i prosjektet"
            };
            let _ = writeln!(o, "    - {{ system: {}, konklusjon: \"{why}\" }}", s.id);
        }
        for x in &p.extra_vurderte {
            let _ = writeln!(o, "    - {{ system: {x}, konklusjon: \"Vurdert\" }}");
        }
    }
    if !p.behov.is_empty() {
        let _ = writeln!(o, "  behov: {}", list(&p.behov));
    }
    if !p.fk.is_empty() {
        let _ = writeln!(o, "  felleskomponenter: {}", list(&p.fk));
    }
    if let Some((dt, konk)) = p.samarbeid {
        match konk {
            Some(c) => {
                let _ = writeln!(
                    o,
                    "  samarbeidsvurdering: {{ dato: {dt}, konklusjon: \"{c}\" }}"
                );
            }
            None => {
                let _ = writeln!(o, "  samarbeidsvurdering: {{ dato: {dt} }}");
            }
        }
    }
    if let Some((dt, r)) = &p.innsikt {
        let _ = writeln!(
            o,
            "  brukerinnsikt: {{ dato: {dt}, av: {}, ref: \"{r}\" }}",
            q(FORVALTERE[p.area][0])
        );
    }
    if let Some((dt, konk)) = p.miljo {
        match konk {
            Some(c) => {
                let _ = writeln!(o, "  miljovurdering: {{ dato: {dt}, konklusjon: \"{c}\" }}");
            }
            None => {
                let _ = writeln!(o, "  miljovurdering: {{ dato: {dt} }}");
            }
        }
    }
    if !p.nye.is_empty() {
        let _ = writeln!(o, "  nye_systemer:");
        for n in &p.nye {
            match n {
                Nye::Ref(i) => {
                    let _ = writeln!(o, "    - system: {}", k.sys[*i].id);
                }
                Nye::Inline(s) => render_sys(&mut o, s, "    ", k),
            }
        }
    }
    if !p.utfaser.is_empty() {
        let _ = writeln!(o, "  utfaser:");
        for u in &p.utfaser {
            let _ = writeln!(o, "    - system: {}", u.system);
            if let Some(dt) = u.dato {
                let _ = writeln!(o, "      dato: {dt}");
            }
            if let Some(a) = u.arkivplan {
                let _ = writeln!(o, "      arkivplan: {}", q(a));
            }
        }
    }
    if let Some(kn) = &p.kost_nytte {
        let _ = writeln!(o, "  kost_nytte:");
        for (key, v) in ["enheten", "kommunen", "andre_forvaltningsnivaa"]
            .iter()
            .zip(kn)
        {
            if let Some(v) = v {
                let _ = writeln!(o, "    {key}: {}", q(v));
            }
        }
    }
    if let Some(st) = &p.styring {
        let _ = writeln!(o, "  styring:");
        for (key, v) in STYRING_KEYS.iter().zip(st) {
            if let Some(v) = v {
                if v.contains('/') && v.chars().next().is_some_and(|c| c.is_ascii_digit()) {
                    let _ = writeln!(o, "    {key}: \"{v}\"");
                } else {
                    let _ = writeln!(o, "    {key}: {}", q(v));
                }
            }
        }
    }
    if let Some(gp) = &p.gevinstplan {
        let _ = writeln!(o, "  gevinstplan:");
        if let Some(a) = &gp.ansvarlig {
            let _ = writeln!(o, "    gevinstansvarlig: {}", q(a));
        }
        if let Some(s) = gp.sist {
            let _ = writeln!(o, "    sist_oppdatert: {s}");
        }
        if !gp.gev.is_empty() {
            let _ = writeln!(o, "    gevinster:");
        }
        for (i, g) in gp.gev.iter().enumerate() {
            let _ = writeln!(o, "      - id: g{}", i + 1);
            let _ = writeln!(o, "        beskrivelse: {}", q(g.beskrivelse));
            if let Some(x) = g.kategori {
                let _ = writeln!(o, "        kategori: {x}");
            }
            let _ = writeln!(
                o,
                "        type: {}",
                if g.kvantitativ {
                    "kvantitativ"
                } else {
                    "kvalitativ"
                }
            );
            if let Some(x) = g.indikator {
                let _ = writeln!(o, "        indikator: {}", q(x));
            }
            if let Some(x) = g.maaleenhet {
                let _ = writeln!(o, "        maaleenhet: {x}");
            }
            if let Some((v, dt)) = g.nullpunkt {
                let _ = writeln!(o, "        nullpunkt: {{ verdi: {v}, dato: {dt} }}");
            }
            if let Some(x) = g.maalverdi {
                let _ = writeln!(o, "        maalverdi: {x}");
            }
            if let Some(x) = g.realiseres {
                let _ = writeln!(o, "        realiseres: {x}");
            }
            if let Some(x) = &g.eier {
                let _ = writeln!(o, "        gevinsteier: {}", q(x));
            }
            if !g.maalinger.is_empty() {
                let _ = writeln!(o, "        maalinger:");
                for (dt, v) in &g.maalinger {
                    let _ = writeln!(o, "          - {{ dato: {dt}, verdi: {v} }}");
                }
            }
        }
    }
    o
}

fn render_kommune_yaml(k: &Kommune) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "# {}: generert av bench/generate.rs.\nkommune:", k.navn);
    let _ = writeln!(o, "  navn: {}", q(&k.navn));
    let _ = writeln!(o, "  kommunenummer: \"{:04}\"", k.nr);
    if let Some(s) = k.fond {
        let _ = writeln!(
            o,
            "  digitaliseringsfond:\n    budsjettaar: 2026\n    saldo_1_januar_nok: {s}"
        );
    }
    if k.godkjennere {
        let _ = writeln!(
            o,
            "  arkitekturgodkjennere: [Arkitekturforum, Digital arkitekt]"
        );
    }
    if k.idp {
        let _ = writeln!(
            o,
            "  identitetsleverandor:\n    id: entra-id\n    navn: Microsoft Entra ID"
        );
    }
    o
}

fn render_avvik(k: &Kommune) -> String {
    let mut o = String::from(
        "# Register over godkjente avvik fra prinsippene. Eies av porteføljestyret.\n",
    );
    if k.avvik.is_empty() {
        o.push_str("avvik: []\n");
        return o;
    }
    o.push_str("avvik:\n");
    for a in &k.avvik {
        let _ = writeln!(o, "  - regel: {}", a.regel);
        let _ = writeln!(o, "    gjelder: {}", a.gjelder);
        if let Some(b) = a.begrunnelse {
            let _ = writeln!(o, "    begrunnelse: \"{b}\"");
        }
        if let Some(v) = a.vedtatt_av {
            let _ = writeln!(o, "    vedtatt_av: {v}");
        }
        if let Some(dt) = a.dato {
            let _ = writeln!(o, "    dato: {dt}");
        }
        if let Some(dt) = a.gyldig_til {
            let _ = writeln!(o, "    gyldig_til: {dt}");
        }
        let _ = writeln!(o, "    ref: \"{}\"", a.r#ref);
    }
    o
}

fn write_file(path: &Path, text: &str) {
    fs::write(path, text).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
}

/// Writes one kommune into `dir` (created if missing). Returns the bytes written.
fn write_out(dir: &Path, k: &Kommune) -> u64 {
    let sys_dir = dir.join("systemer");
    let proj_dir = dir.join("prosjekter");
    fs::create_dir_all(&sys_dir)
        .unwrap_or_else(|e| panic!("cannot create {}: {e}", sys_dir.display()));
    fs::create_dir_all(&proj_dir)
        .unwrap_or_else(|e| panic!("cannot create {}: {e}", proj_dir.display()));
    let mut bytes = 0u64;
    let t = render_kommune_yaml(k);
    bytes += t.len() as u64;
    write_file(&dir.join("kommune.yaml"), &t);
    for (a, area) in AREAS.iter().enumerate() {
        if let Some(t) = render_systems(k, a) {
            bytes += t.len() as u64;
            write_file(&sys_dir.join(format!("{area}.yaml")), &t);
        }
    }
    for p in &k.proj {
        let t = render_proj(k, p);
        bytes += t.len() as u64;
        write_file(&proj_dir.join(format!("{}.yaml", p.id)), &t);
    }
    if k.write_avvik {
        let t = render_avvik(k);
        bytes += t.len() as u64;
        write_file(&dir.join("avvik.yaml"), &t);
    }
    bytes
}

// ---------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------

/// Sizes of kommune `i` of a national set: skewed, most small, a few large.
fn sizes(seed: u64, i: u32) -> (usize, usize) {
    let mut r = Rng::new(derive(seed, 0x5153_0000 + i as u64));
    let u = r.unit();
    let systems = 150 + (450.0 * u.powf(1.1)).round() as usize;
    let v = (0.7 * u.powf(1.4) + 0.3 * r.unit().powi(2)).min(1.0);
    let projects = 10 + (50.0 * v).round() as usize;
    (systems, projects)
}

/// How many kommuner a national set at `scale` has.
fn kommuner_at(scale: f64) -> u32 {
    ((357.0 * scale).round() as u32).max(1)
}

/// A national set: round(357 × scale) kommune folders `dir/k3001/`, `dir/k3002/`, ….
pub fn write_country(dir: &Path, seed: u64, scale: f64) {
    let n = kommuner_at(scale);
    fs::create_dir_all(dir).unwrap_or_else(|e| panic!("cannot create {}: {e}", dir.display()));
    let next = std::sync::atomic::AtomicU32::new(0);
    let threads = std::thread::available_parallelism()
        .map_or(4, |n| n.get())
        .min(16);
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    if i >= n {
                        break;
                    }
                    let (systems, projects) = sizes(seed, i);
                    let nr = 3001 + i;
                    let trig = triggers_for(i, n);
                    let k =
                        gen_kommune(derive(seed, i as u64 + 1), nr, i, systems, projects, &trig);
                    write_out(&dir.join(format!("k{nr:04}")), &k);
                }
            });
        }
    });
}

/// One kommune folder with exactly `systems` systems in its inventory and `systems / 10`
/// projects, written to `dir` itself.
pub fn write_kommune(dir: &Path, seed: u64, systems: usize) {
    let k = gen_kommune(derive(seed, 0xB16), 3999, 0, systems, systems / 10, &[]);
    write_out(dir, &k);
}

#[allow(dead_code)]
fn main() {
    let mut seed = 1u64;
    let mut out: Option<std::path::PathBuf> = None;
    let mut scale = 1.0f64;
    let mut systems: Option<usize> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut val = |name: &str| {
            args.next()
                .unwrap_or_else(|| die(&format!("{name} needs a value")))
        };
        match a.as_str() {
            "--seed" => {
                seed = val("--seed")
                    .parse()
                    .unwrap_or_else(|_| die("--seed takes a whole number"))
            }
            "--out" => out = Some(val("--out").into()),
            "--scale" => {
                scale = val("--scale")
                    .parse()
                    .unwrap_or_else(|_| die("--scale takes a number"))
            }
            "--systems" => {
                systems = Some(
                    val("--systems")
                        .parse()
                        .unwrap_or_else(|_| die("--systems takes a whole number")),
                )
            }
            "-h" | "--help" => {
                println!("usage: generate [--seed N] --out DIR [--scale F | --systems N]");
                return;
            }
            other => die(&format!("unknown argument {other}")),
        }
    }
    let out = out.unwrap_or_else(|| die("--out DIR is required"));
    // Nothing the user wrote is overwritten: the folder must be new or empty.
    let occupied = std::fs::read_dir(&out).is_ok_and(|mut entries| entries.next().is_some());
    if occupied {
        die(&format!(
            "{} is not empty: give a new or empty folder (nothing in it is overwritten)",
            out.display()
        ));
    }
    let start = std::time::Instant::now();
    match systems {
        Some(n) => write_kommune(&out, seed, n),
        None => write_country(&out, seed, scale),
    }
    eprintln!(
        "wrote {} in {:.1} s",
        out.display(),
        start.elapsed().as_secs_f64()
    );
}

fn die(msg: &str) -> ! {
    eprintln!("generate: {msg}");
    std::process::exit(2)
}
