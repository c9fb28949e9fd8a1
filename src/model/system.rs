//! A system, wherever it is written: in the inventory or inline in a project's `nye_systemer`.

use super::{
    ArkivMetode, Date, DpiaType, Drift, DriftesAv, Eierskap, Grunn, HoyRisiko, Konklusjon, Livslop,
    Names, Personopplysninger, Programvaretype, Spans,
};

#[derive(Debug, Clone, Default)]
pub struct System {
    pub id: String,
    /// In an IKT-samarbeid's shared inventory: the owner kommuner that use the system, by
    /// the names samarbeid.yaml gives them (`brukes_av`); empty: every owner.
    pub used_by: Names,
    pub name: String,
    pub description: Option<String>,
    pub vendor: Option<String>,
    pub service_area: Option<String>,
    pub capabilities: Names,
    pub owner: Option<String>,
    pub administrator: Option<String>,
    pub software_type: Option<Programvaretype>,
    pub core_system: Option<bool>,
    pub drift: Option<Drift>,
    pub operator: Option<DriftesAv>,
    /// Who operates it, by name (an IKT-samarbeid, a supplier).
    pub operator_name: Option<String>,
    pub ownership: Option<Eierskap>,
    /// A free-text remark, carried into the outputs as written.
    pub note: Option<String>,
    pub lifecycle: Option<Livslop>,
    pub introduced: Option<Date>,
    pub retires: Option<Date>,
    pub agreement: Option<Agreement>,
    pub components: Names,
    pub integrations: Vec<Integration>,
    pub personal_data: Option<Personopplysninger>,
    pub high_risk: Vec<HoyRisiko>,
    /// The legal basis for processing its personal data (GDPR art. 6, and art. 9 for
    /// special categories), as written or as a reference to the processing record.
    pub legal_basis: Option<String>,
    pub dpia: Option<Dpia>,
    pub processor_agreement: Option<DatedRef>,
    pub ros: Option<DatedRef>,
    /// The last review of who has access (tilgangsrevisjon).
    pub access_review: Option<DatedRef>,
    pub public_facing: Option<bool>,
    /// A file share (file server, shared drive, document library) rather than an archive or
    /// a line-of-business system.
    pub file_share: Option<bool>,
    pub accessibility_statement: Option<String>,
    pub archive: Option<Archive>,
    pub datasets: Vec<Dataset>,
    pub cloud_assessment: Option<CloudAssessment>,
    pub spans: Spans,
}

impl System {
    pub fn is_cloud(&self) -> bool {
        self.drift.is_some_and(Drift::is_cloud)
    }

    /// Not retired: everything but `livslop: avviklet` (also a system whose livslop is not
    /// given, which must not slip through).
    pub fn in_service(&self) -> bool {
        self.lifecycle != Some(Livslop::Avviklet)
    }

    /// Still holds its data on `date`: in service, or retired with no `arkiv.data_slettet`
    /// on or before it.
    pub fn holds_data(&self, date: Date) -> bool {
        let deleted = self.archive.as_ref().and_then(|a| a.data_deleted);
        self.in_service() || deleted.is_none_or(|d| d > date)
    }

    /// Someone other than the kommune processes its data: it runs in the cloud, or an
    /// IKT-samarbeid or a supplier operates it.
    pub fn run_by_others(&self) -> bool {
        self.is_cloud() || self.operator.is_some_and(DriftesAv::is_other)
    }

    /// Uses a national component: lists it in `felleskomponenter`, or integrates with it.
    pub fn uses_component(&self, component: &str) -> bool {
        self.components.contains(component)
            || self
                .integrations
                .iter()
                .any(|i| i.target.as_deref() == Some(component))
    }

    /// Personal data of any kind (vanlige or saerlige).
    pub fn has_personal_data(&self) -> bool {
        matches!(
            self.personal_data,
            Some(Personopplysninger::Vanlige | Personopplysninger::Saerlige)
        )
    }
}

#[derive(Debug, Clone, Default)]
pub struct Agreement {
    pub expires: Option<Date>,
    pub spans: Spans,
}

#[derive(Debug, Clone, Default)]
pub struct Integration {
    /// A system of the inventory or a national component.
    pub target: Option<String>,
    /// An external party that is neither (NAV, a pharmacy, a bank), by name.
    pub counterpart: Option<String>,
    pub standard: Option<String>,
    pub spans: Spans,
}

/// The assessment of privacy impact: a full DPIA unless `type` says it is only the
/// documented assessment of whether one is needed.
#[derive(Debug, Clone, Default)]
pub struct Dpia {
    /// Its date, case reference and register, as any dated document has them.
    pub doc: DatedRef,
    pub kind: Option<DpiaType>,
}

impl Dpia {
    /// Only the assessment of whether a DPIA is needed. An entry that does not say is a DPIA,
    /// as the field's name says.
    pub fn is_pre_assessment(&self) -> bool {
        self.kind == Some(DpiaType::Forvurdering)
    }
}

impl Integration {
    /// Whom it connects to: the system or component, else the external party.
    pub fn party(&self) -> Option<&str> {
        self.target.as_deref().or(self.counterpart.as_deref())
    }
}

/// A document that exists with an optional date and case reference (ros, …).
#[derive(Debug, Clone, Default)]
pub struct DatedRef {
    pub date: Option<Date>,
    pub reference: Option<String>,
    /// The register that keeps it (e.g. Draftit), where its date is followed up.
    pub register: Option<String>,
    pub spans: Spans,
}

#[derive(Debug, Clone, Default)]
pub struct Archive {
    pub worth_archiving: Option<bool>,
    pub method: Option<ArkivMetode>,
    pub depot: Option<String>,
    /// When the system's data was deleted (after deposit, transfer or migration): from
    /// then on a retired system holds nothing.
    pub data_deleted: Option<Date>,
    pub spans: Spans,
}

#[derive(Debug, Clone, Default)]
pub struct Dataset {
    /// A key of the user's choosing that stays when the name changes.
    pub id: Option<String>,
    pub name: Option<String>,
    pub origin: Option<String>,
    pub quality: Option<String>,
    pub updated: Option<String>,
    pub catalogue: Option<String>,
    pub spans: Spans,
}

/// The written cloud assessment (skyvurdering) of a system.
#[derive(Debug, Clone, Default)]
pub struct CloudAssessment {
    pub conclusion: Option<Konklusjon>,
    pub reasons: Vec<Grunn>,
    pub justification: Option<String>,
    pub date: Option<Date>,
    pub spans: Spans,
}
