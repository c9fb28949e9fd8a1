//! Fields by their YAML names, for the kommune's own rules (prinsipp.toml), which name
//! fields as the files do: `ros`, `drift`, `arkiv.depot`, `gevinstplan.gevinstansvarlig`.

use super::*;

/// A field's value as own rules see it.
#[derive(Debug, Clone, PartialEq)]
pub enum FieldValue {
    Absent,
    Text(String),
    Bool(bool),
    Number(f64),
    /// A list of names (kapabiliteter, behov, …): `er` means "contains".
    Names(Vec<String>),
    /// A mapping or a list of mappings that is written (dpia, integrasjoner, …).
    Present,
}

impl FieldValue {
    pub fn is_present(&self) -> bool {
        match self {
            FieldValue::Absent => false,
            FieldValue::Text(t) => !t.trim().is_empty(),
            FieldValue::Names(n) => !n.is_empty(),
            _ => true,
        }
    }
}

fn text(v: &Option<String>) -> FieldValue {
    v.clone().map_or(FieldValue::Absent, FieldValue::Text)
}
fn name<T: std::fmt::Display>(v: Option<T>) -> FieldValue {
    v.map_or(FieldValue::Absent, |v| FieldValue::Text(v.to_string()))
}
fn boolean(v: Option<bool>) -> FieldValue {
    v.map_or(FieldValue::Absent, FieldValue::Bool)
}
fn whole(v: Option<u64>) -> FieldValue {
    v.map_or(FieldValue::Absent, |n| FieldValue::Number(n as f64))
}
fn names(v: &Names) -> FieldValue {
    FieldValue::Names(v.iter().map(str::to_string).collect())
}
fn present<T>(v: &Option<T>) -> FieldValue {
    if v.is_some() {
        FieldValue::Present
    } else {
        FieldValue::Absent
    }
}
fn list<T>(v: &[T]) -> FieldValue {
    if v.is_empty() {
        FieldValue::Absent
    } else {
        FieldValue::Present
    }
}

impl System {
    /// The value of a field path (`drift`, `ros.dato`); `None` for a path it does not know.
    /// Own rules may name every path this knows that the format has (settings/own_rules.rs).
    pub fn field(&self, path: &str) -> Option<FieldValue> {
        let date = |d: Option<Date>| name(d);
        Some(match path {
            "id" => FieldValue::Text(self.id.clone()),
            "navn" => FieldValue::Text(self.name.clone()),
            "beskrivelse" => text(&self.description),
            "merknad" => text(&self.note),
            "brukes_av" => names(&self.used_by),
            "leverandor" => text(&self.vendor),
            "tjenesteomraade" => text(&self.service_area),
            "kapabiliteter" => names(&self.capabilities),
            "systemeier" => text(&self.owner),
            "systemforvalter" => text(&self.administrator),
            "programvaretype" => name(self.software_type),
            "kjernesystem" => boolean(self.core_system),
            "drift" => name(self.drift),
            "driftes_av" => name(self.operator),
            "driftspartner" => text(&self.operator_name),
            "eierskap" => name(self.ownership),
            "livslop" => name(self.lifecycle),
            "innfort" => date(self.introduced),
            "utfases" => date(self.retires),
            "avtale" => present(&self.agreement),
            "avtale.utloper" => date(self.agreement.as_ref().and_then(|a| a.expires)),
            "felleskomponenter" => names(&self.components),
            "integrasjoner" => list(&self.integrations),
            "personopplysninger" => name(self.personal_data),
            "behandlingsgrunnlag" => text(&self.legal_basis),
            "hoy_risiko" => {
                FieldValue::Names(self.high_risk.iter().map(|r| r.to_string()).collect())
            }
            "dpia" => present(&self.dpia),
            "dpia.type" => name(self.dpia.as_ref().and_then(|d| d.kind)),
            "dpia.dato" => date(self.dpia.as_ref().and_then(|d| d.doc.date)),
            "dpia.ref" => text(&self.dpia.as_ref().and_then(|d| d.doc.reference.clone())),
            "databehandleravtale" => present(&self.processor_agreement),
            "databehandleravtale.ref" => text(
                &self
                    .processor_agreement
                    .as_ref()
                    .and_then(|d| d.reference.clone()),
            ),
            "ros" => present(&self.ros),
            "ros.dato" => date(self.ros.as_ref().and_then(|d| d.date)),
            "tilgangsrevisjon" => present(&self.access_review),
            "tilgangsrevisjon.dato" => date(self.access_review.as_ref().and_then(|d| d.date)),
            "publikumsrettet" => boolean(self.public_facing),
            "filomraade" => boolean(self.file_share),
            "tilgjengelighetserklaering" => text(&self.accessibility_statement),
            "arkiv" => present(&self.archive),
            "arkiv.arkivverdig" => boolean(self.archive.as_ref().and_then(|a| a.worth_archiving)),
            "arkiv.metode" => name(self.archive.as_ref().and_then(|a| a.method)),
            "arkiv.depot" => text(&self.archive.as_ref().and_then(|a| a.depot.clone())),
            "arkiv.data_slettet" => date(self.archive.as_ref().and_then(|a| a.data_deleted)),
            "datasett" => list(&self.datasets),
            "skyvurdering" => present(&self.cloud_assessment),
            "skyvurdering.konklusjon" => {
                name(self.cloud_assessment.as_ref().and_then(|a| a.conclusion))
            }
            "skyvurdering.begrunnelse" => text(
                &self
                    .cloud_assessment
                    .as_ref()
                    .and_then(|a| a.justification.clone()),
            ),
            "skyvurdering.dato" => date(self.cloud_assessment.as_ref().and_then(|a| a.date)),
            _ => return None,
        })
    }
}

impl Project {
    /// The value of a field path (`fase`, `gevinstplan.gevinstansvarlig`); `None` for a path
    /// it does not know.
    pub fn field(&self, path: &str) -> Option<FieldValue> {
        let approval = |a: &Option<Approval>, f: fn(&Approval) -> FieldValue| {
            a.as_ref().map_or(FieldValue::Absent, f)
        };
        let cost = |f: fn(&CostBenefit) -> &Option<String>| {
            self.cost_benefit
                .as_ref()
                .map_or(FieldValue::Absent, |c| text(f(c)))
        };
        let gov = |f: fn(&Governance) -> &Option<String>| {
            self.governance
                .as_ref()
                .map_or(FieldValue::Absent, |g| text(f(g)))
        };
        Some(match path {
            "id" => FieldValue::Text(self.id.clone()),
            "navn" => FieldValue::Text(self.name.clone()),
            "prosjekteier" => text(&self.owner),
            "merknad" => text(&self.note),
            "brukes_av" => names(&self.used_by),
            "prosjektleder" => text(&self.manager),
            "tjenesteomraade" => text(&self.service_area),
            "fase" => name(self.phase),
            "budsjett_nok" => whole(self.budget_nok),
            "finansiering" => list(&self.financing),
            "arkitekturgodkjenning" => present(&self.architecture_approval),
            "arkitekturgodkjenning.dato" => approval(&self.architecture_approval, |a| name(a.date)),
            "arkitekturgodkjenning.av" => approval(&self.architecture_approval, |a| text(&a.by)),
            "prosesskartlegging" => present(&self.process_mapping),
            "prosesskartlegging.dato" => approval(&self.process_mapping, |a| name(a.date)),
            "prosesskartlegging.ref" => approval(&self.process_mapping, |a| text(&a.reference)),
            "gevinstpotensial" => text(&self.benefit_potential),
            "brukerinnsikt" => present(&self.user_insight),
            "brukerinnsikt.dato" => approval(&self.user_insight, |a| name(a.date)),
            "brukerinnsikt.av" => approval(&self.user_insight, |a| text(&a.by)),
            "brukerinnsikt.ref" => approval(&self.user_insight, |a| text(&a.reference)),
            "vurderte_eksisterende" => list(&self.assessed_existing),
            "miljovurdering" => present(&self.environment),
            "miljovurdering.konklusjon" => {
                text(&self.environment.as_ref().and_then(|c| c.conclusion.clone()))
            }
            "samarbeidsvurdering" => present(&self.cooperation),
            "samarbeidsvurdering.konklusjon" => {
                text(&self.cooperation.as_ref().and_then(|c| c.conclusion.clone()))
            }
            "behov" => names(&self.needs),
            "felleskomponenter" => names(&self.components),
            "nye_systemer" => list(&self.new_systems),
            "utfaser" => list(&self.retires),
            "kost_nytte" => present(&self.cost_benefit),
            "kost_nytte.enheten" => cost(|c| &c.unit),
            "kost_nytte.kommunen" => cost(|c| &c.kommune),
            "kost_nytte.andre_forvaltningsnivaa" => cost(|c| &c.other_levels),
            "styring" => present(&self.governance),
            "styring.ressurser" => gov(|g| &g.resources),
            "styring.metodikk" => gov(|g| &g.method),
            "styring.organisering" => gov(|g| &g.organisation),
            "styring.plan" => gov(|g| &g.plan),
            "styring.rapportering" => gov(|g| &g.reporting),
            "styring.kommunikasjon" => gov(|g| &g.communication),
            "styring.endringsstyring" => gov(|g| &g.change_control),
            "styring.overforing_til_linje" => gov(|g| &g.handover),
            "gevinstplan" => present(&self.benefit_plan),
            "gevinstplan.gevinstansvarlig" => text(
                &self
                    .benefit_plan
                    .as_ref()
                    .and_then(|p| p.responsible.clone()),
            ),
            "gevinstplan.sist_oppdatert" => {
                name(self.benefit_plan.as_ref().and_then(|p| p.last_updated))
            }
            "gevinstplan.gevinster" => {
                list(self.benefit_plan.as_ref().map_or(&[][..], |p| &p.benefits))
            }
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_that_is_not_a_field_is_none() {
        let system = System::default();
        assert_eq!(system.field("ros.dato"), Some(FieldValue::Absent));
        assert!(system.field("systemeir").is_none());
        assert!(Project::default().field("fase").is_some());
    }
}
