//! The shape of the input format: every mapping, its keys and their types, in one table.
//! The readers (load/entities.rs) take their allowed keys from here and `prinsipp schema`
//! renders it as JSON Schema, so the two cannot drift; a test writes a value of every
//! declared type for every key and checks that the reader takes it.

use crate::model::*;

#[derive(Debug, Clone, Copy)]
pub enum Ty {
    /// Any scalar, read as text (`ref: 2023` is the text «2023»).
    Text,
    /// `[a-z0-9-]+`, at most `MAX_ID_CHARS` long.
    Id,
    /// Text that names an id or a rule code (`mot`, `gjelder`): at most `MAX_ID_CHARS` long.
    Ref,
    /// Four digits in quotes.
    Kommunenummer,
    Bool,
    /// A whole number ≥ 0.
    Whole,
    Number,
    /// YYYY-MM-DD
    Date,
    Enum(&'static [&'static str]),
    EnumList(&'static [&'static str]),
    /// A list of names (capabilities, components).
    Names,
    Object(&'static Shape),
    List(&'static Shape),
    /// A `nye_systemer` entry: `- system: id`, or a system written inline.
    NewSystem,
}

#[derive(Debug)]
pub struct Field {
    pub key: &'static str,
    pub ty: Ty,
    pub required: bool,
    /// What the key means, for editors (bokmål).
    pub doc: &'static str,
}

#[derive(Debug)]
pub struct Shape {
    /// The name under `$defs` in the JSON Schema.
    pub name: &'static str,
    /// What it is called in messages: (bokmål, English).
    pub what: (&'static str, &'static str),
    pub fields: &'static [Field],
}

impl Shape {
    /// The field a dotted path names (`ros.dato`: `dato` in the shape of `ros`).
    pub fn resolve(&self, path: &str) -> Option<&'static Field> {
        let (head, rest) = match path.split_once('.') {
            Some((head, rest)) => (head, Some(rest)),
            None => (path, None),
        };
        let field = self.field(head)?;
        match (rest, field.ty) {
            (None, _) => Some(field),
            (Some(rest), Ty::Object(inner)) => inner.resolve(rest),
            _ => None,
        }
    }

    pub fn keys(&self) -> impl Iterator<Item = &'static str> + Clone {
        self.fields.iter().map(|f| f.key)
    }
    pub fn field(&self, key: &str) -> Option<&'static Field> {
        self.fields.iter().find(|f| f.key == key)
    }
}

const fn f(key: &'static str, ty: Ty, doc: &'static str) -> Field {
    Field {
        key,
        ty,
        required: false,
        doc,
    }
}
const fn req(key: &'static str, ty: Ty, doc: &'static str) -> Field {
    Field {
        key,
        ty,
        required: true,
        doc,
    }
}

pub static KOMMUNE_FILE: Shape = Shape {
    name: "kommunefil",
    what: ("kommune.yaml", "kommune.yaml"),
    fields: &[req("kommune", Ty::Object(&KOMMUNE), "Kommunen")],
};

pub static KOMMUNE: Shape = Shape {
    name: "kommune",
    what: ("kommune", "kommune"),
    fields: &[
        req("navn", Ty::Text, "Kommunens navn"),
        req(
            "kommunenummer",
            Ty::Kommunenummer,
            "Fire sifre, i anførselstegn",
        ),
        f(
            "strategi",
            Ty::Text,
            "Strategiprofilen det kontrolleres mot (se `prinsipp rules --strategi`)",
        ),
        f(
            "digitaliseringsfond",
            Ty::Object(&FOND),
            "Digitaliseringsfondet (FOND-01)",
        ),
        f(
            "arkitekturgodkjennere",
            Ty::Names,
            "Hvem som kan godkjenne arkitekturen i et prosjekt, f.eks. Arkitekturforum (ARKF-02)",
        ),
        f(
            "identitetsleverandor",
            Ty::Object(&IDENTITETSLEVERANDOR),
            "Kommunens egen innlogging for ansatte (f.eks. Entra ID): dekker ansatt-autentisering for egne systemer",
        ),
    ],
};

pub static IDENTITETSLEVERANDOR: Shape = Shape {
    name: "identitetsleverandor",
    what: ("identitetsleverandor", "identity provider"),
    fields: &[
        req(
            "id",
            Ty::Id,
            "Id-en systemene bruker om den i felleskomponenter og integrasjoner, f.eks. entra-id",
        ),
        f("navn", Ty::Text, "Navnet, f.eks. Microsoft Entra ID"),
    ],
};

pub static SAMARBEID_FILE: Shape = Shape {
    name: "samarbeidsfil",
    what: ("samarbeid.yaml", "samarbeid.yaml"),
    fields: &[req("samarbeid", Ty::Object(&SAMARBEID), "IKT-samarbeidet")],
};

pub static SAMARBEID: Shape = Shape {
    name: "samarbeid",
    what: ("samarbeid", "samarbeid"),
    fields: &[
        req("navn", Ty::Text, "Samarbeidets navn"),
        req(
            "kommuner",
            Ty::Names,
            "Eierkommunene: navnene på mappene deres ved siden av samarbeid.yaml",
        ),
        f(
            "strategi",
            Ty::Text,
            "Strategiprofilen for eierkommuner som ikke har sin egen i kommune.yaml",
        ),
        f(
            "digitaliseringsfond",
            Ty::Object(&FOND),
            "Et felles digitaliseringsfond for eierkommuner som ikke har sitt eget",
        ),
    ],
};

pub static FOND: Shape = Shape {
    name: "digitaliseringsfond",
    what: ("digitaliseringsfond", "digitaliseringsfond"),
    fields: &[
        f("budsjettaar", Ty::Whole, "Budsjettåret"),
        f(
            "saldo_1_januar_nok",
            Ty::Whole,
            "Fondets verdi 1. januar, i kroner",
        ),
    ],
};

pub static SYSTEM: Shape = Shape {
    name: "system",
    what: ("system", "system"),
    fields: &[
        req("id", Ty::Id, "Unik id: små bokstaver, sifre og bindestrek"),
        req("navn", Ty::Text, "Systemets navn"),
        f("beskrivelse", Ty::Text, "Hva systemet er"),
        f(
            "brukes_av",
            Ty::Names,
            "I et IKT-samarbeid: eierkommunene som bruker det, med navnene fra samarbeid.yaml (uten: alle)",
        ),
        f(
            "merknad",
            Ty::Text,
            "Fri merknad, vist i utdataene slik den er skrevet",
        ),
        f("leverandor", Ty::Text, "Leverandøren"),
        f(
            "tjenesteomraade",
            Ty::Text,
            "Tjenesteområdet som eier systemet",
        ),
        f(
            "kapabiliteter",
            Ty::Names,
            "Hva systemet gjør (kapabiliteter fra katalogen)",
        ),
        f("systemeier", Ty::Text, "Systemeier"),
        f("systemforvalter", Ty::Text, "Systemforvalter"),
        f(
            "programvaretype",
            Ty::Enum(Programvaretype::NAMES),
            "Hyllevare, tilpasset hyllevare, egenutviklet eller skreddersøm",
        ),
        f("kjernesystem", Ty::Bool, "Er dette et kjernesystem?"),
        f(
            "drift",
            Ty::Enum(Drift::NAMES),
            "Driftsform; alt unntatt egen_drift er sky",
        ),
        f(
            "driftes_av",
            Ty::Enum(DriftesAv::NAMES),
            "Hvem som drifter systemet: kommunen, ikt_samarbeid eller leverandor (uavhengig av driftsmodellen)",
        ),
        f(
            "driftspartner",
            Ty::Text,
            "Navnet på IKT-samarbeidet eller leverandøren som drifter",
        ),
        f(
            "eierskap",
            Ty::Enum(Eierskap::NAMES),
            "Kommunens egen, delt med andre, interkommunal eller nasjonal løsning",
        ),
        f(
            "livslop",
            Ty::Enum(Livslop::NAMES),
            "Hvor systemet er i livsløpet (ukjent når oversikten ikke vet)",
        ),
        f("innfort", Ty::Date, "Tatt i bruk"),
        f("utfases", Ty::Date, "Planlagt slutt på bruken"),
        f("avtale", Ty::Object(&AVTALE), "Avtalen om systemet"),
        f(
            "felleskomponenter",
            Ty::Names,
            "Nasjonale og KS-felleskomponenter systemet bruker",
        ),
        f(
            "integrasjoner",
            Ty::List(&INTEGRASJON),
            "Integrasjoner mot andre systemer og komponenter",
        ),
        f(
            "personopplysninger",
            Ty::Enum(Personopplysninger::NAMES),
            "Ingen, vanlige eller særlige kategorier (GDPR art. 9)",
        ),
        f(
            "behandlingsgrunnlag",
            Ty::Text,
            "Rettslig grunnlag for å behandle personopplysningene (GDPR art. 6 og 9), eller henvisning til behandlingsprotokollen",
        ),
        f(
            "hoy_risiko",
            Ty::EnumList(HoyRisiko::NAMES),
            "Hva som gjør behandlingen høyrisiko (GDPR art. 35): barn, stor_skala, ny_teknologi, overvaking",
        ),
        f(
            "dpia",
            Ty::Object(&DPIA),
            "Vurdering av personvernkonsekvenser (GDPR art. 35)",
        ),
        f(
            "databehandleravtale",
            Ty::Object(&DATED_REF),
            "Databehandleravtale (GDPR art. 28)",
        ),
        f(
            "ros",
            Ty::Object(&DATED_REF),
            "Risiko- og sårbarhetsvurdering",
        ),
        f(
            "tilgangsrevisjon",
            Ty::Object(&DATED_REF),
            "Siste gjennomgang av hvem som har tilgang (SIK-02)",
        ),
        f("publikumsrettet", Ty::Bool, "Brukes av innbyggere"),
        f(
            "filomraade",
            Ty::Bool,
            "Et filområde (filserver, fellesområde, dokumentbibliotek), ikke et arkiv- eller fagsystem",
        ),
        f(
            "tilgjengelighetserklaering",
            Ty::Text,
            "Lenke til tilgjengelighetserklæringen (uustatus.no)",
        ),
        f("arkiv", Ty::Object(&ARKIV), "Arkivering av systemets data"),
        f(
            "datasett",
            Ty::List(&DATASETT),
            "Datasett systemet forvalter",
        ),
        f(
            "skyvurdering",
            Ty::Object(&SKYVURDERING),
            "Den skriftlige vurderingen av sky (SKY-01)",
        ),
    ],
};

pub static SYSTEM_FILE: Shape = Shape {
    name: "systemfil",
    what: ("systemer", "systemer"),
    fields: &[f(
        "systemer",
        Ty::List(&SYSTEM),
        "Systemene i systemoversikten",
    )],
};

pub static AVTALE: Shape = Shape {
    name: "avtale",
    what: ("avtale", "agreement"),
    fields: &[f("utloper", Ty::Date, "Når avtalen utløper")],
};

pub static INTEGRASJON: Shape = Shape {
    name: "integrasjon",
    what: ("integrasjon", "integration"),
    fields: &[
        f("mot", Ty::Ref, "System-id eller felleskomponent"),
        f(
            "motpart",
            Ty::Text,
            "En ekstern part som verken er et system eller en felleskomponent (NAV, apotek)",
        ),
        f(
            "standard",
            Ty::Text,
            "Standard fra katalogen, eller proprietaer / filoverforing",
        ),
    ],
};

pub static DPIA: Shape = Shape {
    name: "dpia",
    what: ("dpia", "dpia"),
    fields: &[
        f("dato", Ty::Date, "Datert"),
        f("ref", Ty::Text, "Saksnummer"),
        f(
            "register",
            Ty::Text,
            "Registeret som holder den, f.eks. Draftit (datoen følges opp der)",
        ),
        f(
            "type",
            Ty::Enum(DpiaType::NAMES),
            "full (standard) eller forvurdering: vurderingen av om en full DPIA trengs",
        ),
    ],
};

pub static DATED_REF: Shape = Shape {
    name: "dokument",
    what: ("dokument", "document"),
    fields: &[
        f("dato", Ty::Date, "Datert"),
        f("ref", Ty::Text, "Saksnummer"),
        f(
            "register",
            Ty::Text,
            "Registeret som holder den, f.eks. Draftit (datoen følges opp der)",
        ),
    ],
};

pub static ARKIV: Shape = Shape {
    name: "arkiv",
    what: ("arkiv", "archive"),
    fields: &[
        f("arkivverdig", Ty::Bool, "Er dataene arkivverdige?"),
        f(
            "metode",
            Ty::Enum(ArkivMetode::NAMES),
            "Deponering, avlevering, migrering eller kassasjon",
        ),
        f("depot", Ty::Text, "Arkivdepotet, f.eks. IKA"),
        f(
            "data_slettet",
            Ty::Date,
            "Når dataene ble slettet fra systemet (etter deponering, avlevering eller migrering)",
        ),
    ],
};

pub static DATASETT: Shape = Shape {
    name: "datasett",
    what: ("datasett", "dataset"),
    fields: &[
        f(
            "id",
            Ty::Ref,
            "Datasettets faste id, f.eks. D1 (valgfri): funnene på datasettet beholder identiteten sin når navnet endres",
        ),
        f("navn", Ty::Text, "Datasettets navn"),
        f("opphav", Ty::Text, "Hvor dataene kommer fra"),
        f(
            "kvalitet",
            Ty::Text,
            "Hvor fullstendige og pålitelige de er",
        ),
        f("oppdatert", Ty::Text, "Hvor ofte de oppdateres"),
        f("datakatalog", Ty::Text, "Lenke til datakatalogen"),
    ],
};

pub static SKYVURDERING: Shape = Shape {
    name: "skyvurdering",
    what: ("skyvurdering", "cloud assessment"),
    fields: &[
        f(
            "konklusjon",
            Ty::Enum(Konklusjon::NAMES),
            "sky eller ikke_sky",
        ),
        f(
            "grunner",
            Ty::EnumList(Grunn::NAMES),
            "Grunnene for å drifte selv",
        ),
        f("begrunnelse", Ty::Text, "Begrunnelsen, i klartekst"),
        f("dato", Ty::Date, "Når vurderingen ble gjort"),
    ],
};

pub static PROJECT_FILE: Shape = Shape {
    name: "prosjektfil",
    what: ("prosjekter", "prosjekter"),
    fields: &[
        f("prosjekt", Ty::Object(&PROJECT), "Ett prosjekt"),
        f("prosjekter", Ty::List(&PROJECT), "Flere prosjekter"),
    ],
};

pub static PROJECT: Shape = Shape {
    name: "prosjekt",
    what: ("prosjekt", "project"),
    fields: &[
        req("id", Ty::Id, "Unik id: små bokstaver, sifre og bindestrek"),
        req("navn", Ty::Text, "Prosjektets navn"),
        req("prosjekteier", Ty::Text, "Prosjekteier"),
        f("prosjektleder", Ty::Text, "Prosjektleder"),
        f(
            "brukes_av",
            Ty::Names,
            "I et IKT-samarbeid: eierkommunene som bruker det, med navnene fra samarbeid.yaml (uten: alle)",
        ),
        f(
            "merknad",
            Ty::Text,
            "Fri merknad, vist i utdataene slik den er skrevet",
        ),
        f("tjenesteomraade", Ty::Text, "Tjenesteområdet"),
        f(
            "fase",
            Ty::Enum(Fase::NAMES),
            "Fase i Prosjektveiviseren; ide vurderes ikke",
        ),
        f("budsjett_nok", Ty::Whole, "Budsjett i kroner"),
        f(
            "finansiering",
            Ty::List(&FINANSIERING),
            "Finansieringskilder",
        ),
        f(
            "arkitekturgodkjenning",
            Ty::Object(&APPROVAL),
            "Godkjenning i arkitekturforumet (ARKF-01)",
        ),
        f(
            "prosesskartlegging",
            Ty::Object(&APPROVAL),
            "Prosesskartleggingen (PROS-01)",
        ),
        f(
            "miljovurdering",
            Ty::Object(&VURDERING),
            "Om løsningens virkning på miljøet er vurdert, og hva det ble til (MIL-01)",
        ),
        f(
            "gevinstpotensial",
            Ty::Text,
            "For en idé: vurderingen av gevinstpotensialet (GEV-07), eller lenke til den",
        ),
        f(
            "brukerinnsikt",
            Ty::Object(&APPROVAL),
            "Innsikten i brukernes behov løsningen bygger på (PROS-02): dato, av, ref",
        ),
        f(
            "vurderte_eksisterende",
            Ty::List(&VURDERT),
            "Eksisterende systemer vurdert før nytt kjøpes (GJEN-01)",
        ),
        f(
            "samarbeidsvurdering",
            Ty::Object(&VURDERING),
            "Om samarbeid med andre kommuner er vurdert, og hva det ble til (SAM-01)",
        ),
        f("behov", Ty::Names, "Kapabiliteter prosjektet trenger"),
        f(
            "felleskomponenter",
            Ty::Names,
            "Felleskomponenter prosjektet bruker",
        ),
        f("nye_systemer", Ty::NewSystem, "Systemer prosjektet tar inn"),
        f(
            "utfaser",
            Ty::List(&UTFASER),
            "Systemer prosjektet faser ut (INNUT)",
        ),
        f(
            "kost_nytte",
            Ty::Object(&KOST_NYTTE),
            "Kost/nytte for enheten og kommunen",
        ),
        f(
            "styring",
            Ty::Object(&STYRING),
            "Det hvert prosjekt må kunne vise (PV-01)",
        ),
        f(
            "gevinstplan",
            Ty::Object(&GEVINSTPLAN),
            "Gevinstrealiseringsplanen (GEV)",
        ),
    ],
};

pub static NEW_SYSTEM_REF: Shape = Shape {
    name: "systemhenvisning",
    what: ("nye_systemer-oppføring", "nye_systemer entry"),
    fields: &[req(
        "system",
        Ty::Id,
        "Id-en til et system i systemoversikten",
    )],
};

pub static FINANSIERING: Shape = Shape {
    name: "finansiering",
    what: ("finansiering", "financing"),
    fields: &[
        f("kilde", Ty::Text, "Kilden, f.eks. digitaliseringsfond"),
        f("belop_nok", Ty::Whole, "Beløp i kroner"),
        f(
            "vedtak",
            Ty::Text,
            "Saksnummeret for vedtaket som ga pengene (FOND-02)",
        ),
    ],
};

pub static APPROVAL: Shape = Shape {
    name: "vedtak",
    what: ("vedtak", "decision"),
    fields: &[
        f("dato", Ty::Date, "Dato"),
        f("av", Ty::Text, "Hvem"),
        f("ref", Ty::Text, "Saksnummer"),
    ],
};

/// A dated assessment and what it came to (samarbeidsvurdering, miljovurdering).
pub static VURDERING: Shape = Shape {
    name: "vurdering",
    what: ("vurdering", "assessment"),
    fields: &[
        f("dato", Ty::Date, "Når vurderingen ble gjort"),
        f(
            "konklusjon",
            Ty::Text,
            "Hva den endte med, også når svaret er nei, og hvorfor",
        ),
        f("ref", Ty::Text, "Saksnummer"),
    ],
};

pub static VURDERT: Shape = Shape {
    name: "vurdert_system",
    what: ("vurderte_eksisterende", "vurderte_eksisterende"),
    fields: &[
        f("system", Ty::Ref, "Id-en til systemet som ble vurdert"),
        f("konklusjon", Ty::Text, "Hva vurderingen konkluderte med"),
    ],
};

pub static UTFASER: Shape = Shape {
    name: "utfasing",
    what: ("utfaser", "utfaser"),
    fields: &[
        f("system", Ty::Ref, "Id-en til systemet som fases ut"),
        f("dato", Ty::Date, "Når det er ute av bruk"),
        f("arkivplan", Ty::Text, "Hvordan dataene tas vare på"),
    ],
};

pub static KOST_NYTTE: Shape = Shape {
    name: "kost_nytte",
    what: ("kost_nytte", "kost_nytte"),
    fields: &[
        f("enheten", Ty::Text, "For enheten som eier tiltaket"),
        f("kommunen", Ty::Text, "For kommunen samlet"),
        f(
            "andre_forvaltningsnivaa",
            Ty::Text,
            "Kjente virkninger for fylke eller stat",
        ),
    ],
};

pub static STYRING: Shape = Shape {
    name: "styring",
    what: ("styring", "styring"),
    fields: &[
        f("ressurser", Ty::Text, "Ressursene som er avtalt"),
        f("metodikk", Ty::Text, "Prosjektmetodikken"),
        f(
            "organisering",
            Ty::Text,
            "Prosjektorganiseringen: eier, styringsgruppe, leder, deltakere",
        ),
        f("plan", Ty::Text, "Prosjektplanen"),
        f("rapportering", Ty::Text, "Hvordan det rapporteres"),
        f("kommunikasjon", Ty::Text, "Kommunikasjonsplanen"),
        f("endringsstyring", Ty::Text, "Hvordan endringer styres"),
        f("overforing_til_linje", Ty::Text, "Overføringen til linjen"),
    ],
};

pub static GEVINSTPLAN: Shape = Shape {
    name: "gevinstplan",
    what: ("gevinstplan", "benefit plan"),
    fields: &[
        f(
            "gevinstansvarlig",
            Ty::Text,
            "Den som tar ut gevinstene; samme som prosjekteier (GEV-04)",
        ),
        f(
            "sist_oppdatert",
            Ty::Date,
            "Sist planen ble oppdatert (GEV-06)",
        ),
        f("gevinster", Ty::List(&GEVINST), "Gevinstene"),
    ],
};

pub static GEVINST: Shape = Shape {
    name: "gevinst",
    what: ("gevinst", "benefit"),
    fields: &[
        f("id", Ty::Ref, "Gevinstens id, f.eks. G1"),
        f("beskrivelse", Ty::Text, "Hva gevinsten er"),
        f(
            "kategori",
            Ty::Enum(Kategori::NAMES),
            "Tid, kostnad eller kvalitet",
        ),
        f(
            "type",
            Ty::Enum(GevinstType::NAMES),
            "Kvantitativ eller kvalitativ",
        ),
        f("indikator", Ty::Text, "Hva som måles"),
        f(
            "maaleenhet",
            Ty::Text,
            "Måleenheten, f.eks. timer, kroner, prosent",
        ),
        f("nullpunkt", Ty::Object(&NULLPUNKT), "Utgangspunktet"),
        f("maalverdi", Ty::Number, "Målet"),
        f("realiseres", Ty::Date, "Når gevinsten skal være tatt ut"),
        f("gevinsteier", Ty::Text, "Den som eier gevinsten"),
        f("maalinger", Ty::List(&MAALING), "Målinger underveis"),
    ],
};

pub static NULLPUNKT: Shape = Shape {
    name: "nullpunkt",
    what: ("nullpunkt", "baseline"),
    fields: &[
        f("verdi", Ty::Number, "Verdien"),
        f("dato", Ty::Date, "Målt"),
    ],
};

pub static MAALING: Shape = Shape {
    name: "maaling",
    what: ("måling", "measurement"),
    fields: &[
        f("dato", Ty::Date, "Målt"),
        f("verdi", Ty::Number, "Verdien"),
    ],
};

pub static AVVIK_FILE: Shape = Shape {
    name: "avviksregister",
    what: ("avvik", "avvik"),
    fields: &[f(
        "avvik",
        Ty::List(&AVVIK),
        "Godkjente avvik fra prinsippene",
    )],
};

pub static AVVIK: Shape = Shape {
    name: "avvik",
    what: ("avvik", "deviation"),
    fields: &[
        req(
            "regel",
            Ty::Ref,
            "Regelkoden avviket gjelder, f.eks. SKY-01",
        ),
        req(
            "gjelder",
            Ty::Ref,
            "System-id, prosjekt-id eller portefolje",
        ),
        f("begrunnelse", Ty::Text, "Hvorfor avviket er godkjent"),
        f("vedtatt_av", Ty::Text, "Hvem som vedtok det"),
        f("dato", Ty::Date, "Når det ble vedtatt"),
        f("gyldig_til", Ty::Date, "Til og med denne dagen"),
        f("ref", Ty::Text, "Saksnummeret for vedtaket"),
    ],
};

/// Every mapping of the format, for the schema's `$defs` and the shape tests.
pub static ALL: &[&Shape] = &[
    &KOMMUNE,
    &SAMARBEID,
    &FOND,
    &IDENTITETSLEVERANDOR,
    &SYSTEM,
    &AVTALE,
    &INTEGRASJON,
    &DPIA,
    &DATED_REF,
    &ARKIV,
    &DATASETT,
    &SKYVURDERING,
    &PROJECT,
    &NEW_SYSTEM_REF,
    &FINANSIERING,
    &APPROVAL,
    &VURDERING,
    &VURDERT,
    &UTFASER,
    &KOST_NYTTE,
    &STYRING,
    &GEVINSTPLAN,
    &GEVINST,
    &NULLPUNKT,
    &MAALING,
    &AVVIK,
];
