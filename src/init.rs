//! `prinsipp init`: a commented starter folder that passes `prinsipp check` as written.
//! Files are written to a temporary name and renamed into place, and nothing that exists
//! is overwritten unless the user asked with --force.

use crate::diagnostic::Diagnostic;
use crate::model::Date;
use crate::text::Text;
use std::path::{Path, PathBuf};

/// Writes the starter files; returns the paths written, or why nothing was written.
pub fn write(folder: &Path, force: bool) -> Result<Vec<PathBuf>, Vec<Diagnostic>> {
    let files = starter_files(Date::today());
    let existing: Vec<Diagnostic> = files
        .iter()
        .map(|(name, _)| folder.join(name))
        .filter(|p| p.exists() && !force)
        .map(|p| {
            let shown = p.display().to_string();
            Diagnostic::error(
                &shown,
                0,
                0,
                Text::new(
                    "Fila finnes allerede; ingenting er skrevet",
                    "The file already exists; nothing was written",
                ),
            )
            .with_hint(Text::new(
                "Bruk --force for å overskrive, eller velg en annen mappe",
                "Use --force to overwrite, or choose another folder",
            ))
        })
        .collect();
    if !existing.is_empty() {
        return Err(existing);
    }
    let mut written = Vec::new();
    for (name, content) in &files {
        let path = folder.join(name);
        crate::files::write_output(&path, content, &[])
            .map_err(|e| vec![crate::files::cannot_write(&path, &e)])?;
        written.push(path);
    }
    Ok(written)
}

/// The starter files, with dates relative to `today` so the plan is current when written.
fn starter_files(today: Date) -> Vec<(&'static str, String)> {
    let fill = |text: &str| {
        text.replace("{I_DAG}", &today.to_string())
            .replace("{OM_ETT_AAR}", &today.add_months(12).to_string())
            .replace("{OM_TO_AAR}", &today.add_months(24).to_string())
            .replace("{OM_FEM_AAR}", &today.add_months(60).to_string())
    };
    vec![
        ("kommune.yaml", fill(KOMMUNE)),
        ("systemer/systemer.yaml", fill(SYSTEMER)),
        ("prosjekter/nytt-fagsystem.yaml", fill(PROSJEKT)),
        ("avvik.yaml", fill(AVVIK)),
        ("prinsipp.toml", fill(PRINSIPP_TOML)),
    ]
}

const KOMMUNE: &str = r#"# Kommunen. Formatet er beskrevet i docs/datamodell.md.
kommune:
  navn: Eksempel kommune
  kommunenummer: "3999"            # fire sifre, i anførselstegn
  # strategi: nittedal-2019        # kontroller mot én strategi (se `prinsipp rules --strategi NAVN`)
  digitaliseringsfond:
    budsjettaar: 2026
    saldo_1_januar_nok: 5000000    # fondets verdi 1. januar; FOND-01 bruker den
"#;

const SYSTEMER: &str = r#"# Systemoversikten. Én fil med `systemer:` og en liste, eller ett system per fil.
systemer:
  - id: gammelt-fagsystem          # små bokstaver, sifre og bindestrek; unik
    navn: Gammelt fagsystem
    leverandor: Leverandør AS
    tjenesteomraade: helse
    kapabiliteter: [saksbehandling]
    systemeier: Kommunalsjef helse
    systemforvalter: Digitaliseringsenheten
    programvaretype: hyllevare       # hyllevare | tilpasset_hyllevare | egenutviklet | skreddersom
    kjernesystem: false
    drift: egen_drift                # saas | paas | iaas | privat_sky | fellessky | egen_drift
    livslop: aktiv                   # planlagt | innfasing | aktiv | utfasing | avviklet
    avtale:
      utloper: {OM_FEM_AAR}          # en ny avtale er et tidspunkt for å vurdere sky (SKY-03)
    personopplysninger: vanlige      # ingen | vanlige | saerlige
    behandlingsgrunnlag: "GDPR art. 6 nr. 1 e, med særloven for tjenesten"
    dpia: { dato: {I_DAG}, ref: "26/0001" }
    ros: { dato: {I_DAG} }
    arkiv:
      arkivverdig: true
      metode: deponering
      depot: IKA
"#;

const PROSJEKT: &str = r#"# Ett prosjekt per fil (`prosjekt:`), eller en liste (`prosjekter:`).
prosjekt:
  id: nytt-fagsystem
  navn: Nytt fagsystem for helse
  prosjekteier: Kommunalsjef helse
  prosjektleder: Kari Nordmann
  tjenesteomraade: helse
  fase: planlegge                    # ide | konsept | planlegge | gjennomfore | avslutte | realisere
  budsjett_nok: 1200000
  finansiering:
    - { kilde: digitaliseringsfond, belop_nok: 400000, vedtak: "26/0006" }   # høyst 10 % av fondet (FOND-01), med vedtak (FOND-02)
    - { kilde: drift, belop_nok: 800000 }
  arkitekturgodkjenning: { dato: {I_DAG}, av: Arkitekturforum }
  prosesskartlegging: { dato: {I_DAG}, ref: "26/0002" }
  vurderte_eksisterende:             # det vi har, er vurdert før vi kjøper nytt (GJEN-01)
    - { system: gammelt-fagsystem, konklusjon: "Kan ikke utvides til digital dialog" }
  brukerinnsikt: { dato: {I_DAG}, av: Fagavdelingen, ref: "26/0005" }   # brukernes behov (PROS-02)
  miljovurdering: { dato: {I_DAG}, konklusjon: "Skytjeneste med fornybar strøm; papir spares" }   # (MIL-01)
  samarbeidsvurdering:               # andre kommuner og IKT-samarbeidet er spurt (SAM-01)
    { dato: {I_DAG}, konklusjon: "Ingen felles løsning i regionen nå; vi går alene" }
  behov: [innbygger-autentisering]   # dekkes av ID-porten (FK-01)
  felleskomponenter: [id-porten]
  nye_systemer:
    - id: nytt-fagsystem-sky
      navn: Nytt fagsystem
      kapabiliteter: [saksbehandling]
      systemeier: Kommunalsjef helse
      programvaretype: hyllevare
      drift: saas                    # sky er førstevalget; lokal drift krever skyvurdering (SKY-01)
      personopplysninger: vanlige
      behandlingsgrunnlag: "GDPR art. 6 nr. 1 e, med særloven for tjenesten"
      dpia: { dato: {I_DAG}, ref: "26/0003" }
      databehandleravtale: { ref: "26/0004" }
      ros: { dato: {I_DAG} }
  utfaser:                           # ett nytt system inn betyr ett system ut (INNUT-01)
    - system: gammelt-fagsystem
      dato: {OM_ETT_AAR}
      arkivplan: "Noark 5-uttrekk deponeres hos IKA"
  kost_nytte:
    enheten: "Mindre dobbeltføring i helsetjenesten"
    kommunen: "Færre systemer å drifte og lisensiere"
  styring:
    ressurser: "1 årsverk avtalt med linjen"
    metodikk: prosjektveiviseren
    organisering: "Prosjekteier, styringsgruppe med tjenesteområdet og IKT, prosjektleder og arbeidsgruppe"
    plan: "26/0005"
    rapportering: "Månedlig til porteføljestyret"
    kommunikasjon: "26/0006"
    endringsstyring: "Endringslogg i prosjektrommet"
    overforing_til_linje: "Forvaltning overtas av systemforvalter"
  gevinstplan:
    gevinstansvarlig: Kommunalsjef helse   # den samme som prosjekteier (GEV-04)
    sist_oppdatert: {I_DAG}
    gevinster:
      - id: G1
        beskrivelse: Mindre tid brukt på manuell registrering
        kategori: tid                # tid | kostnad | kvalitet
        type: kvantitativ            # kvantitativ | kvalitativ
        indikator: Timer per måned brukt på registrering
        maaleenhet: timer
        nullpunkt: { verdi: 80, dato: {I_DAG} }
        maalverdi: 30
        realiseres: {OM_TO_AAR}
        gevinsteier: Leder helsetjenesten
      - id: G2                       # det tallene ikke fanger (GEV-08)
        beskrivelse: Tryggere dokumentasjon der tjenesten gis
        kategori: kvalitet
        type: kvalitativ
        indikator: Tilbakemeldinger fra ansatte og brukere
        realiseres: {OM_TO_AAR}
        gevinsteier: Leder helsetjenesten
"#;

const AVVIK: &str = r#"# Registeret over godkjente avvik fra prinsippene. Eies av den som godkjenner avvik
# (porteføljestyret, arkitekturforumet), ikke av prosjektene.
#
# avvik:
#   - regel: SKY-01                  # regelkoden avviket gjelder
#     gjelder: nytt-fagsystem        # system-id, prosjekt-id eller portefolje
#     begrunnelse: "Statlig krav om lokal lagring"
#     vedtatt_av: Porteføljestyret
#     dato: 2026-01-20
#     gyldig_til: 2027-01-20         # valgfri, til og med denne dagen
#     ref: "26/0042"
avvik: []
"#;

const PRINSIPP_TOML: &str = r#"# Innstillinger for prinsipp. Alt her er valgfritt; `prinsipp check --show-config`
# viser hva som faktisk gjelder.

# Kontroller mot én strategis profil (se `prinsipp rules --strategi NAVN`), eller "alle".
# strategi = "nittedal-2019"

[regler]
# Bare disse reglene eller prinsippene (f.eks. i en CI-jobb som bare vokter gevinstplanene):
# kun = ["GEV"]
# Slå av regler eller hele prinsipper (kode eller prefiks):
# av = ["HYL-01", "DATA"]
# Slå på regler som strategiprofilen ikke tar med:
# paa = ["UU-01"]

[alvorlighet]
# Per regel eller per prinsipp (en kode vinner over sitt prefiks): feil | advarsel | info
# GEV = "advarsel"
# SKY-03 = "feil"

[parametere]
# [parametere.SKY-03]
# varsel_maaneder = 12      # måneder før avtalen utløper
# gyldighet_maaneder = 24   # hvor gammel en skyvurdering kan være
# [parametere.INNUT-01]
# forhold = 1.0             # systemer ut per nytt system inn
# [parametere.GEV-06]
# maaneder = 12             # hvor gammel gevinstplanen kan være
# [parametere.FOND-01]
# andel = 0.10              # største andel av fondet per prosjekt
# [parametere.SIK-01]
# maaneder = 24             # hvor gammel ROS-vurderingen kan være
# [parametere.AVV-03]
# dager = 30                # varsel før et avvik utløper

[katalog]
# Utvid katalogen med egne navn:
# kapabiliteter = ["gravemelding"]
# standarder = ["sosi"]
# [[katalog.felleskomponent]]
# id = "fiks-gravemelding"
# navn = "Fiks Gravemelding"
# dekker = ["gravemelding"]

# Kommunens egne regler. Eksempel: publikumsrettede systemer skal ha ROS-vurdering.
# [[egen_regel]]
# kode = "EGEN-01"
# alvorlighet = "feil"
# tittel = "Publikumsrettede systemer skal ha ROS-vurdering"
# forklaring = "Systemer innbyggerne bruker, skal ha en risiko- og sårbarhetsvurdering."
# gjelder = "system"                                  # system | prosjekt
# hvis = { felt = "publikumsrettet", er = true }      # er | en_av | finnes | mangler
# krav = [{ felt = "ros", finnes = true }]
"#;
