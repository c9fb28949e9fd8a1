//! A project descriptor (prosjekter/*.yaml) and its benefit realisation plan.

use super::{Date, Fase, GevinstType, Kategori, Names, Pos, Spans, System};

#[derive(Debug, Clone, Default)]
pub struct Project {
    pub id: String,
    /// In an IKT-samarbeid's shared projects: the owner kommuner it is for (`brukes_av`);
    /// empty: every owner.
    pub used_by: Names,
    pub name: String,
    pub owner: Option<String>,
    pub manager: Option<String>,
    /// A free-text remark, carried into the outputs as written.
    pub note: Option<String>,
    pub service_area: Option<String>,
    pub phase: Option<Fase>,
    pub budget_nok: Option<u64>,
    pub financing: Vec<Financing>,
    pub architecture_approval: Option<Approval>,
    pub process_mapping: Option<Approval>,
    /// An idea's assessed benefit potential (the kommune's template for ideas).
    pub benefit_potential: Option<String>,
    /// The insight into users' needs the new solution builds on.
    pub user_insight: Option<Approval>,
    pub assessed_existing: Vec<AssessedExisting>,
    /// Whether working with other kommuner (an IKT-samarbeid, a shared procurement) was
    /// considered, and what came of it.
    pub cooperation: Option<Assessment>,
    /// Whether the solution's effect on the environment was considered, and what came of it.
    pub environment: Option<Assessment>,
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
    /// The system written inline, if it is one.
    pub fn inline(&self) -> Option<&System> {
        match self {
            NewSystem::Inline(s) => Some(s),
            NewSystem::Reference { .. } => None,
        }
    }

    /// The system's fields: written inline, or the inventory system a reference names.
    pub fn resolve<'a>(&'a self, p: &'a super::Portfolio) -> Option<&'a System> {
        match self {
            NewSystem::Inline(s) => Some(s),
            NewSystem::Reference { id, .. } => p.system(id),
        }
    }

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
    /// The decision that granted it (a case reference).
    pub decision: Option<String>,
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
pub struct Assessment {
    pub date: Option<Date>,
    pub conclusion: Option<String>,
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
    /// How the project is organised (owner, steering group, manager, team).
    pub organisation: Option<String>,
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

impl Benefit {
    /// The latest measurement with a value (by date; undated ones count as oldest).
    pub fn last_measurement(&self) -> Option<&Measurement> {
        self.measurements
            .iter()
            .filter(|m| m.value.is_some())
            .max_by_key(|m| m.date)
    }

    /// Goal attainment in percent: (last − baseline) / (target − baseline) × 100. A figure
    /// for the report, not a finding; `None` when it cannot be computed.
    pub fn attainment_percent(&self) -> Option<f64> {
        let base = self.baseline.as_ref()?.value?;
        let target = self.target?;
        let last = self.last_measurement()?.value?;
        ((target - base).abs() > f64::EPSILON).then(|| (last - base) / (target - base) * 100.0)
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn benefit(base: f64, target: f64, values: &[(&str, f64)]) -> Benefit {
        Benefit {
            baseline: Some(Baseline {
                value: Some(base),
                ..Baseline::default()
            }),
            target: Some(target),
            measurements: values
                .iter()
                .map(|(d, v)| Measurement {
                    date: Date::parse(d),
                    value: Some(*v),
                    ..Measurement::default()
                })
                .collect(),
            ..Benefit::default()
        }
    }

    #[test]
    fn attainment_uses_the_latest_measurement_and_handles_falling_targets() {
        // 120 → 40 hours: measured 70 last, so (70-120)/(40-120) = 62.5 %.
        let b = benefit(120.0, 40.0, &[("2028-01-15", 70.0), ("2027-06-01", 100.0)]);
        assert_eq!(b.attainment_percent(), Some(62.5));
        assert_eq!(
            benefit(10.0, 10.0, &[("2027-01-01", 12.0)]).attainment_percent(),
            None
        );
        assert_eq!(benefit(0.0, 50.0, &[]).attainment_percent(), None);
    }
}
