//! Readers for each kind of entry in the input format, key by key as datamodell.md lists them.

use super::read::{Fields, MAX_ID_CHARS, Reader, What};
use super::shape;
use super::yaml::{Node, Value};
use crate::model::*;
use crate::text::{Text, shorten};

const SYSTEM: What = ("system", "system");
const PROJECT: What = ("prosjekt", "project");

/// A plain id: lower-case a–z, digits and `-`, not empty, at most `MAX_ID_CHARS` long.
fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.chars().count() <= MAX_ID_CHARS
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Ids name systems and projects in references and messages: lower-case ASCII, digits, `-`,
/// at most `MAX_ID_CHARS` long.
fn check_id(r: &mut Reader, f: &Fields, id: &str) {
    if id.chars().count() > MAX_ID_CHARS {
        let at = f.spans.key("id");
        r.error(
            at.line,
            at.column,
            Text::new(
                format!(
                    "Id-en «{}» er for lang ({} tegn; høyst {MAX_ID_CHARS})",
                    shorten(id),
                    id.chars().count()
                ),
                format!(
                    "The id «{}» is too long ({} characters; at most {MAX_ID_CHARS})",
                    shorten(id),
                    id.chars().count()
                ),
            ),
            Some(Text::new(
                "En id er et kort navn til bruk i referanser; navnet står i `navn`",
                "An id is a short name for references; the full name goes in `navn`",
            )),
        );
        return;
    }
    if !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        return;
    }
    let at = f.spans.key("id");
    let suggestion: String = id
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'a'..='z' | '0'..='9' | '-' => c.to_string(),
            'æ' => "ae".into(),
            'ø' => "o".into(),
            'å' => "aa".into(),
            _ => "-".into(),
        })
        .collect();
    let id = shorten(id);
    r.error(
        at.line,
        at.column,
        Text::new(
            format!("Ugyldig id «{id}»: bruk bare små bokstaver a–z, sifre og bindestrek"),
            format!("Invalid id «{id}»: use only lower-case a–z, digits and hyphens"),
        ),
        Some(Text::new(
            format!("For eksempel `id: {suggestion}`"),
            format!("For example `id: {suggestion}`"),
        )),
    );
}

pub fn kommune(r: &mut Reader, node: &Node) -> Option<Kommune> {
    // Without the `kommune:` wrapper every key would be "unknown": say the one thing wrong.
    let wrapped =
        matches!(&node.value, Value::Map(entries) if entries.iter().any(|e| e.key == "kommune"));
    let root = if wrapped {
        r.map(node, "kommune.yaml", &shape::KOMMUNE_FILE)?
    } else {
        r.error(
            node.line,
            node.column,
            Text::new(
                "kommune.yaml mangler `kommune:` øverst",
                "kommune.yaml lacks `kommune:` at the top",
            ),
            Some(Text::new(
                "Skriv `kommune:` på første linje og rykk inn navn og kommunenummer under",
                "Write `kommune:` on the first line and indent navn and kommunenummer under it",
            )),
        );
        return None;
    };
    let Some(inner) = root.get("kommune") else {
        r.error(
            node.line,
            node.column,
            Text::new(
                "kommune.yaml mangler `kommune:`",
                "kommune.yaml lacks `kommune:`",
            ),
            Some(Text::new(
                "Start fila med `kommune:` og skriv navn og kommunenummer under",
                "Start the file with `kommune:` and give navn and kommunenummer under it",
            )),
        );
        return None;
    };
    let what = ("kommune", "kommune");
    let f = r.map(inner, "kommune", &shape::KOMMUNE)?;
    let name = r.required(&f, "navn", what);
    let number = kommunenummer(r, &f);
    let strategy = r.text(&f, "strategi");
    let fund = fund(r, &f);
    let identity_provider = r.nested(&f, "identitetsleverandor", |r, n| {
        let f = r.map(n, "identitetsleverandor", &shape::IDENTITETSLEVERANDOR)?;
        let id = r.required(&f, "id", ("identitetsleverandor", "identity provider"));
        if let Some(id) = &id {
            check_id(r, &f, id);
        }
        Some(IdentityProvider {
            id: id?,
            name: r.text(&f, "navn"),
        })
    });
    // Findings on the whole portfolio point at `kommune:`; the keys inside are kept too.
    let mut spans = f.spans.clone();
    spans.at = root.spans.key("kommune");
    Some(Kommune {
        name: name?,
        number: number?,
        strategy,
        fund,
        identity_provider,
        architecture_approvers: r.names(&f, "arkitekturgodkjennere"),
        spans,
    })
}

/// `digitaliseringsfond:` in kommune.yaml or samarbeid.yaml.
fn fund(r: &mut Reader, f: &Fields) -> Option<DigitaliseringsFond> {
    r.nested(f, "digitaliseringsfond", |r, n| {
        let f = r.map(n, "digitaliseringsfond", &shape::FOND)?;
        Some(DigitaliseringsFond {
            budget_year: r.whole(&f, "budsjettaar"),
            balance_jan_1_nok: r.whole(&f, "saldo_1_januar_nok"),
        })
    })
}

/// samarbeid.yaml: the samarbeid's name, its owner kommuner (their folders' names, each
/// an id) and what they share unless their own kommune.yaml says otherwise.
pub fn samarbeid(r: &mut Reader, node: &Node) -> Option<Samarbeid> {
    let root = r.map(node, "samarbeid.yaml", &shape::SAMARBEID_FILE)?;
    let Some(inner) = root.get("samarbeid") else {
        r.error(
            node.line,
            node.column,
            Text::new(
                "samarbeid.yaml mangler `samarbeid:`",
                "samarbeid.yaml lacks `samarbeid:`",
            ),
            Some(Text::new(
                "Start fila med `samarbeid:` og skriv navn og kommuner under",
                "Start the file with `samarbeid:` and give navn and kommuner under it",
            )),
        );
        return None;
    };
    let what = ("samarbeid", "samarbeid");
    let f = r.map(inner, "samarbeid", &shape::SAMARBEID)?;
    let name = r.required(&f, "navn", what);
    let members = r.names(&f, "kommuner");
    if f.get("kommuner").is_some() && members.is_empty() {
        let at = f.spans.key("kommuner");
        r.error(
            at.line,
            at.column,
            Text::new(
                "Samarbeidet har ingen eierkommuner",
                "The samarbeid has no owner kommuner",
            ),
            Some(Text::new(
                "List mappene til eierkommunene: kommuner: [elvdal, fjellby]",
                "List the owner kommuner's folders: kommuner: [elvdal, fjellby]",
            )),
        );
    } else if f.get("kommuner").is_none() {
        r.required(&f, "kommuner", what);
    }
    let mut seen: Vec<&str> = Vec::new();
    for (member, at) in &members.0 {
        if seen.contains(&member.as_str()) {
            r.error(
                at.line,
                at.column,
                Text::new(
                    format!("Kommunen {member} står to ganger"),
                    format!("The kommune {member} is listed twice"),
                ),
                None,
            );
        } else if !valid_id(member) {
            r.error(
                at.line,
                at.column,
                Text::new(
                    format!("«{member}» er ikke et mappenavn prinsipp leser: bruk små bokstaver a–z, sifre og bindestrek"),
                    format!("«{member}» is not a folder name prinsipp reads: use lower-case a–z, digits and hyphens"),
                ),
                None,
            );
        }
        seen.push(member);
    }
    let fund = fund(r, &f);
    let mut spans = f.spans.clone();
    spans.at = root.spans.key("samarbeid");
    Some(Samarbeid {
        name: name?,
        strategy: r.text(&f, "strategi"),
        fund,
        members,
        spans,
    })
}

/// Four digits, written as text: a plain 0301 would be read by YAML as the number 301.
fn kommunenummer(r: &mut Reader, f: &Fields) -> Option<String> {
    let node = f.get("kommunenummer");
    let Some(node) = node else {
        r.required(f, "kommunenummer", ("kommune", "kommune"));
        return None;
    };
    let hint = Text::new(
        "Skriv kommunenummeret med fire sifre i anførselstegn, f.eks. kommunenummer: \"0301\"",
        "Write the four-digit number in quotes, e.g. kommunenummer: \"0301\"",
    );
    match &node.value {
        Value::Scalar { text, plain: false }
            if text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit()) =>
        {
            Some(text.clone())
        }
        Value::Scalar { text, .. } => {
            let text = shorten(text);
            r.error(
                node.line,
                node.column,
                Text::new(
                    format!("Ugyldig kommunenummer «{text}»: ventet fire sifre som tekst"),
                    format!("Invalid kommunenummer «{text}»: expected four digits as text"),
                ),
                Some(hint),
            );
            None
        }
        _ => {
            r.error(
                node.line,
                node.column,
                Text::new(
                    "Feil type for `kommunenummer`: ventet fire sifre som tekst",
                    "Wrong type for `kommunenummer`: expected four digits as text",
                ),
                Some(hint),
            );
            None
        }
    }
}

pub fn system(r: &mut Reader, node: &Node) -> Option<System> {
    let f = r.map(node, "systemer", &shape::SYSTEM)?;
    let id = r.required(&f, "id", SYSTEM);
    let name = r.required(&f, "navn", SYSTEM);
    if let Some(id) = &id {
        check_id(r, &f, id);
    }
    let system = System {
        used_by: r.names(&f, "brukes_av"),
        id: id.clone().unwrap_or_default(),
        name: name.clone().unwrap_or_default(),
        description: r.text(&f, "beskrivelse"),
        vendor: r.text(&f, "leverandor"),
        service_area: r.text(&f, "tjenesteomraade"),
        capabilities: r.names(&f, "kapabiliteter"),
        owner: r.text(&f, "systemeier"),
        administrator: r.text(&f, "systemforvalter"),
        software_type: r.choice(
            &f,
            "programvaretype",
            Programvaretype::NAMES,
            Programvaretype::from_name,
        ),
        core_system: r.boolean(&f, "kjernesystem"),
        drift: r.choice(&f, "drift", Drift::NAMES, Drift::from_name),
        operator: r.choice(&f, "driftes_av", DriftesAv::NAMES, DriftesAv::from_name),
        operator_name: r.text(&f, "driftspartner"),
        ownership: r.choice(&f, "eierskap", Eierskap::NAMES, Eierskap::from_name),
        note: r.text(&f, "merknad"),
        lifecycle: r.choice(&f, "livslop", Livslop::NAMES, Livslop::from_name),
        introduced: r.date(&f, "innfort"),
        retires: r.date(&f, "utfases"),
        agreement: r.nested(&f, "avtale", |r, n| {
            let f = r.map(n, "avtale", &shape::AVTALE)?;
            Some(Agreement {
                expires: r.date(&f, "utloper"),
                spans: f.spans,
            })
        }),
        components: r.names(&f, "felleskomponenter"),
        integrations: r.list(&f, "integrasjoner", |r, n| {
            let f = r.map(n, "integrasjoner", &shape::INTEGRASJON)?;
            Some(Integration {
                target: r.reference(&f, "mot"),
                counterpart: r.text(&f, "motpart"),
                standard: r.text(&f, "standard"),
                spans: f.spans,
            })
        }),
        personal_data: r.choice(
            &f,
            "personopplysninger",
            Personopplysninger::NAMES,
            Personopplysninger::from_name,
        ),
        high_risk: r.choices(&f, "hoy_risiko", HoyRisiko::NAMES, HoyRisiko::from_name),
        legal_basis: r.text(&f, "behandlingsgrunnlag"),
        dpia: r.nested(&f, "dpia", |r, n| {
            let f = r.map(n, "dpia", &shape::DPIA)?;
            let kind = r.choice(&f, "type", DpiaType::NAMES, DpiaType::from_name);
            Some(Dpia {
                doc: dated_fields(r, f),
                kind,
            })
        }),
        processor_agreement: r.nested(&f, "databehandleravtale", |r, n| {
            dated_ref(r, n, "databehandleravtale")
        }),
        ros: r.nested(&f, "ros", |r, n| dated_ref(r, n, "ros")),
        access_review: r.nested(&f, "tilgangsrevisjon", |r, n| {
            dated_ref(r, n, "tilgangsrevisjon")
        }),
        public_facing: r.boolean(&f, "publikumsrettet"),
        file_share: r.boolean(&f, "filomraade"),
        accessibility_statement: r.text(&f, "tilgjengelighetserklaering"),
        archive: r.nested(&f, "arkiv", |r, n| {
            let f = r.map(n, "arkiv", &shape::ARKIV)?;
            Some(Archive {
                worth_archiving: r.boolean(&f, "arkivverdig"),
                method: r.choice(&f, "metode", ArkivMetode::NAMES, ArkivMetode::from_name),
                depot: r.text(&f, "depot"),
                data_deleted: r.date(&f, "data_slettet"),
                spans: f.spans,
            })
        }),
        datasets: r.list(&f, "datasett", |r, n| {
            let f = r.map(n, "datasett", &shape::DATASETT)?;
            Some(Dataset {
                id: r.reference(&f, "id"),
                name: r.text(&f, "navn"),
                origin: r.text(&f, "opphav"),
                quality: r.text(&f, "kvalitet"),
                updated: r.text(&f, "oppdatert"),
                catalogue: r.text(&f, "datakatalog"),
                spans: f.spans,
            })
        }),
        cloud_assessment: r.nested(&f, "skyvurdering", |r, n| {
            let f = r.map(n, "skyvurdering", &shape::SKYVURDERING)?;
            Some(CloudAssessment {
                conclusion: r.choice(&f, "konklusjon", Konklusjon::NAMES, Konklusjon::from_name),
                reasons: r.choices(&f, "grunner", Grunn::NAMES, Grunn::from_name),
                justification: r.text(&f, "begrunnelse"),
                date: r.date(&f, "dato"),
                spans: f.spans,
            })
        }),
        spans: f.spans.clone(),
    };
    // Kept with a missing `navn` (already reported) so a duplicate id is still found.
    id.is_some().then_some(system)
}

fn dated_ref(r: &mut Reader, node: &Node, key: &'static str) -> Option<DatedRef> {
    let f = r.map(node, key, &shape::DATED_REF)?;
    Some(dated_fields(r, f))
}

/// The date, case reference and register of a document (dpia adds its `type`).
fn dated_fields(r: &mut Reader, f: Fields) -> DatedRef {
    DatedRef {
        date: r.date(&f, "dato"),
        reference: r.text(&f, "ref"),
        register: r.text(&f, "register"),
        spans: f.spans,
    }
}

/// A dated assessment with its conclusion (samarbeidsvurdering, miljovurdering).
fn assessment(r: &mut Reader, node: &Node, key: &'static str) -> Option<Assessment> {
    let f = r.map(node, key, &shape::VURDERING)?;
    Some(Assessment {
        date: r.date(&f, "dato"),
        conclusion: r.text(&f, "konklusjon"),
        reference: r.text(&f, "ref"),
        spans: f.spans,
    })
}

fn approval(r: &mut Reader, node: &Node, key: &'static str) -> Option<Approval> {
    let f = r.map(node, key, &shape::APPROVAL)?;
    Some(Approval {
        date: r.date(&f, "dato"),
        by: r.text(&f, "av"),
        reference: r.text(&f, "ref"),
        spans: f.spans,
    })
}

pub fn project(r: &mut Reader, node: &Node) -> Option<Project> {
    let f = r.map(node, "prosjekt", &shape::PROJECT)?;
    let id = r.required(&f, "id", PROJECT);
    let name = r.required(&f, "navn", PROJECT);
    // datamodell.md marks `prosjekteier` as required: without it no rule can tell who owns
    // the project (GEV-04), so a missing one is a load error like a missing `navn`.
    let owner = r.required(&f, "prosjekteier", PROJECT);
    if let Some(id) = &id {
        check_id(r, &f, id);
    }
    let project = Project {
        used_by: r.names(&f, "brukes_av"),
        id: id.clone().unwrap_or_default(),
        name: name.clone().unwrap_or_default(),
        owner,
        manager: r.text(&f, "prosjektleder"),
        note: r.text(&f, "merknad"),
        service_area: r.text(&f, "tjenesteomraade"),
        phase: r.choice(&f, "fase", Fase::NAMES, Fase::from_name),
        budget_nok: r.whole(&f, "budsjett_nok"),
        financing: r.list(&f, "finansiering", |r, n| {
            let f = r.map(n, "finansiering", &shape::FINANSIERING)?;
            Some(Financing {
                source: r.text(&f, "kilde"),
                amount_nok: r.whole(&f, "belop_nok"),
                decision: r.text(&f, "vedtak"),
                spans: f.spans,
            })
        }),
        architecture_approval: r.nested(&f, "arkitekturgodkjenning", |r, n| {
            approval(r, n, "arkitekturgodkjenning")
        }),
        process_mapping: r.nested(&f, "prosesskartlegging", |r, n| {
            approval(r, n, "prosesskartlegging")
        }),
        benefit_potential: r.text(&f, "gevinstpotensial"),
        user_insight: r.nested(&f, "brukerinnsikt", |r, n| approval(r, n, "brukerinnsikt")),
        assessed_existing: r.list(&f, "vurderte_eksisterende", |r, n| {
            let f = r.map(n, "vurderte_eksisterende", &shape::VURDERT)?;
            Some(AssessedExisting {
                system: r.reference(&f, "system"),
                conclusion: r.text(&f, "konklusjon"),
                spans: f.spans,
            })
        }),
        cooperation: r.nested(&f, "samarbeidsvurdering", |r, n| {
            assessment(r, n, "samarbeidsvurdering")
        }),
        environment: r.nested(&f, "miljovurdering", |r, n| {
            assessment(r, n, "miljovurdering")
        }),
        needs: r.names(&f, "behov"),
        components: r.names(&f, "felleskomponenter"),
        new_systems: r.list(&f, "nye_systemer", new_system),
        retires: r.list(&f, "utfaser", |r, n| {
            let f = r.map(n, "utfaser", &shape::UTFASER)?;
            Some(Retirement {
                system: r.reference(&f, "system"),
                date: r.date(&f, "dato"),
                archive_plan: r.text(&f, "arkivplan"),
                spans: f.spans,
            })
        }),
        cost_benefit: r.nested(&f, "kost_nytte", |r, n| {
            let f = r.map(n, "kost_nytte", &shape::KOST_NYTTE)?;
            Some(CostBenefit {
                unit: r.text(&f, "enheten"),
                kommune: r.text(&f, "kommunen"),
                other_levels: r.text(&f, "andre_forvaltningsnivaa"),
                spans: f.spans,
            })
        }),
        governance: r.nested(&f, "styring", |r, n| {
            let f = r.map(n, "styring", &shape::STYRING)?;
            Some(Governance {
                resources: r.text(&f, "ressurser"),
                method: r.text(&f, "metodikk"),
                organisation: r.text(&f, "organisering"),
                plan: r.text(&f, "plan"),
                reporting: r.text(&f, "rapportering"),
                communication: r.text(&f, "kommunikasjon"),
                change_control: r.text(&f, "endringsstyring"),
                handover: r.text(&f, "overforing_til_linje"),
                spans: f.spans,
            })
        }),
        benefit_plan: r.nested(&f, "gevinstplan", benefit_plan),
        spans: f.spans.clone(),
    };
    id.is_some().then_some(project)
}

/// `- system: id` names an inventory system; anything else is a system written inline.
fn new_system(r: &mut Reader, node: &Node) -> Option<NewSystem> {
    if let Value::Map(entries) = &node.value {
        if entries.iter().any(|e| e.key == "system") {
            if let Some(other) = entries.iter().find(|e| e.key != "system") {
                r.error(
                    other.line,
                    other.column,
                    Text::new(format!("`{}` ved siden av `system:` i nye_systemer", other.key), format!("`{}` beside `system:` in nye_systemer", other.key)),
                    Some(Text::new(
                        "En oppføring er enten `- system: id` (et system i systemoversikten) eller et system skrevet inline med id og navn, ikke begge",
                        "An entry is either `- system: id` (an inventory system) or a system written inline with id and navn, not both",
                    )),
                );
                return None;
            }
            let f = r.map(node, "nye_systemer", &shape::NEW_SYSTEM_REF)?;
            let id = r
                .required(&f, "system", ("referanse", "reference"))
                .filter(|v| r.names_an_id(&f, "system", v))?;
            return Some(NewSystem::Reference { id, spans: f.spans });
        }
    }
    system(r, node).map(|s| NewSystem::Inline(Box::new(s)))
}

fn benefit_plan(r: &mut Reader, node: &Node) -> Option<BenefitPlan> {
    let f = r.map(node, "gevinstplan", &shape::GEVINSTPLAN)?;
    Some(BenefitPlan {
        responsible: r.text(&f, "gevinstansvarlig"),
        last_updated: r.date(&f, "sist_oppdatert"),
        benefits: r.list(&f, "gevinster", benefit),
        spans: f.spans,
    })
}

fn benefit(r: &mut Reader, node: &Node) -> Option<Benefit> {
    let f = r.map(node, "gevinster", &shape::GEVINST)?;
    Some(Benefit {
        id: r.reference(&f, "id"),
        description: r.text(&f, "beskrivelse"),
        category: r.choice(&f, "kategori", Kategori::NAMES, Kategori::from_name),
        kind: r.choice(&f, "type", GevinstType::NAMES, GevinstType::from_name),
        indicator: r.text(&f, "indikator"),
        unit: r.text(&f, "maaleenhet"),
        baseline: r.nested(&f, "nullpunkt", |r, n| {
            let f = r.map(n, "nullpunkt", &shape::NULLPUNKT)?;
            Some(Baseline {
                value: r.number(&f, "verdi"),
                date: r.date(&f, "dato"),
                spans: f.spans,
            })
        }),
        target: r.number(&f, "maalverdi"),
        realised_by: r.date(&f, "realiseres"),
        owner: r.text(&f, "gevinsteier"),
        measurements: r.list(&f, "maalinger", |r, n| {
            let f = r.map(n, "maalinger", &shape::MAALING)?;
            Some(Measurement {
                date: r.date(&f, "dato"),
                value: r.number(&f, "verdi"),
                spans: f.spans,
            })
        }),
        spans: f.spans,
    })
}

pub fn avvik(r: &mut Reader, node: &Node) -> Option<Avvik> {
    let what = ("avvik", "deviation");
    let f = r.map(node, "avvik", &shape::AVVIK)?;
    // Both name a rule code or an id: a longer one is refused, not repeated everywhere.
    let rule = r
        .required(&f, "regel", what)
        .filter(|v| r.names_an_id(&f, "regel", v));
    let applies_to = r
        .required(&f, "gjelder", what)
        .filter(|v| r.names_an_id(&f, "gjelder", v));
    let avvik = Avvik {
        // Rule codes are upper case; `sky-03` in the register means SKY-03.
        rule: rule
            .clone()
            .map(|r| r.trim().to_uppercase())
            .unwrap_or_default(),
        applies_to: applies_to.clone().unwrap_or_default(),
        justification: r.text(&f, "begrunnelse"),
        approved_by: r.text(&f, "vedtatt_av"),
        date: r.date(&f, "dato"),
        valid_until: r.date(&f, "gyldig_til"),
        reference: r.text(&f, "ref"),
        spans: f.spans,
    };
    (rule.is_some() && applies_to.is_some()).then_some(avvik)
}
