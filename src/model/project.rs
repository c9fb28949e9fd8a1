//! A project descriptor (prosjekter/*.yaml) and its benefit realisation plan.

use super::{Date, Fase, GevinstType, Kategori, Names, Pos, Spans, System};

#[derive(Debug, Clone, Default)]
pub struct Project {
    pub id: String,
    pub name: String,
    pub owner: Option<String>,
    pub manager: Option<String>,
    pub service_area: Option<String>,
    pub phase: Option<Fase>,
    pub budget_nok: Option<u64>,
    pub financing: Vec<Financing>,
    pub architecture_approval: Option<Approval>,
    pub process_mapping: Option<Approval>,
    pub assessed_existing: Vec<AssessedExisting>,
    pub needs: Names,
    pub components: Names,
    pub new_systems: Vec<NewSystem>,
    pub retires: Vec<Retirement>,
    pub cost_benefit: Option<CostBenefit>,
    pub governance: Option<Governance>,
    pub benefit_plan: Option<BenefitPlan>,
    pub spans: Spans,
}

impl Project {
    /// `ide` projects are loaded but never judged: an idea is not yet a project. A project
    /// without `fase` is judged (it claims to be a project; GEV-01 treats it as konsept).
    pub fn is_judged(&self) -> bool {
        self.phase != Some(Fase::Ide)
    }

    /// konsept, planlegge or gjennomfore: planned change still ahead.
    pub fn is_open(&self) -> bool {
        matches!(
            self.phase,
            None | Some(Fase::Konsept | Fase::Planlegge | Fase::Gjennomfore)
        )
    }

    pub fn phase_at_least(&self, phase: Fase) -> bool {
        self.phase.is_some_and(|p| p >= phase)
    }
}

/// An entry of `nye_systemer`: a system written inline, or a reference to the inventory.
#[derive(Debug, Clone)]
pub enum NewSystem {
    Inline(Box<System>),
    Reference { id: String, spans: Spans },
}

impl NewSystem {
    pub fn id(&self) -> &str {
        match self {
            NewSystem::Inline(s) => &s.id,
            NewSystem::Reference { id, .. } => id,
        }
    }
    pub fn at(&self) -> Pos {
        match self {
            NewSystem::Inline(s) => s.spans.at,
            NewSystem::Reference { spans, .. } => spans.at,
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct Financing {
    pub source: Option<String>,
    pub amount_nok: Option<u64>,
    pub spans: Spans,
}

/// A dated decision or piece of work (arkitekturgodkjenning, prosesskartlegging).
#[derive(Debug, Clone, Default)]
pub struct Approval {
    pub date: Option<Date>,
    pub by: Option<String>,
    pub reference: Option<String>,
    pub spans: Spans,
}

#[derive(Debug, Clone, Default)]
pub struct AssessedExisting {
    pub system: Option<String>,
    pub conclusion: Option<String>,
    pub spans: Spans,
}

/// An entry of `utfaser`: a system this project phases out.
#[derive(Debug, Clone, Default)]
pub struct Retirement {
    pub system: Option<String>,
    pub date: Option<Date>,
    pub archive_plan: Option<String>,
    pub spans: Spans,
}

#[derive(Debug, Clone, Default)]
pub struct CostBenefit {
    pub unit: Option<String>,
    pub kommune: Option<String>,
    pub other_levels: Option<String>,
    pub spans: Spans,
}

#[derive(Debug, Clone, Default)]
pub struct Governance {
    pub resources: Option<String>,
    pub method: Option<String>,
    pub plan: Option<String>,
    pub reporting: Option<String>,
    pub communication: Option<String>,
    pub change_control: Option<String>,
    pub handover: Option<String>,
    pub spans: Spans,
}

#[derive(Debug, Clone, Default)]
pub struct BenefitPlan {
    pub responsible: Option<String>,
    pub last_updated: Option<Date>,
    pub benefits: Vec<Benefit>,
    pub spans: Spans,
}

#[derive(Debug, Clone, Default)]
pub struct Benefit {
    pub id: Option<String>,
    pub description: Option<String>,
    pub category: Option<Kategori>,
    pub kind: Option<GevinstType>,
    pub indicator: Option<String>,
    pub unit: Option<String>,
    pub baseline: Option<Baseline>,
    pub target: Option<f64>,
    pub realised_by: Option<Date>,
    pub owner: Option<String>,
    pub measurements: Vec<Measurement>,
    pub spans: Spans,
}

#[derive(Debug, Clone, Default)]
pub struct Baseline {
    pub value: Option<f64>,
    pub date: Option<Date>,
    pub spans: Spans,
}

#[derive(Debug, Clone, Default)]
pub struct Measurement {
    pub date: Option<Date>,
    pub value: Option<f64>,
    pub spans: Spans,
}
