//! The key figures of one portfolio: what it runs and how, whether it grows, how well the
//! national components are used, how far the benefit plans have come. Each figure's exact
//! definition is in docs/rapport.md; keep the two together.

use crate::finding::Finding;
use crate::model::{Date, Drift, DriftesAv, Eierskap, Livslop, Personopplysninger, Portfolio};
use crate::settings::Settings;
use serde::Serialize;

/// A count of one value of a closed list; `value` null counts the systems that state none.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Share {
    pub value: Option<&'static str>,
    pub count: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SystemFigures {
    /// Every system of the inventory.
    pub total: usize,
    /// Those not `avviklet`: the systems the kommune runs or will run.
    pub in_use: usize,
    /// The systems in use, by `drift` (null: not stated).
    pub hosting: Vec<Share>,
    /// Systems in use whose `drift` is a cloud model (everything but egen_drift).
    pub cloud: usize,
    /// `cloud` of `in_use`, in percent with one decimal; null when nothing is in use.
    pub cloud_percent: Option<f64>,
    /// Every system of the inventory, by `livslop`.
    pub lifecycle: Vec<Share>,
    /// The systems in use, by `personopplysninger`.
    pub personal_data: Vec<Share>,
    /// The systems in use, by who operates them (`driftes_av`).
    pub operator: Vec<Share>,
    /// The systems in use, by whose solution they are (`eierskap`).
    pub ownership: Vec<Share>,
}

/// Planned change ahead: what open projects bring in against what they phase out (the
/// count INNUT-05 compares).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Growth {
    /// Entries of `nye_systemer` in open projects (konsept, planlegge, gjennomfore).
    pub introduced: usize,
    /// Distinct systems named in `utfaser` of the same projects that exist in the
    /// inventory and are not `avviklet`.
    pub phased_out: usize,
    pub growing: bool,
}

/// One capability that a national component covers, where the portfolio needs it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CapabilityCoverage {
    pub capability: String,
    pub components: Vec<String>,
    /// Active systems that provide it and judged projects that need it.
    pub needed: usize,
    /// Of those, the ones that use one of `components`.
    pub covered: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ComponentFigures {
    pub needed: usize,
    pub covered: usize,
    pub covered_percent: Option<f64>,
    pub capabilities: Vec<CapabilityCoverage>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BenefitPlanFigures {
    /// Judged projects (every phase but ide).
    pub projects: usize,
    /// Of those, the ones with no finding of GEV-01 to GEV-04; null when one of those rules
    /// is off, so a plan nobody checked is never counted as complete.
    pub complete: Option<usize>,
}

/// One measured benefit: how far it has come from its baseline towards its target.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Attainment {
    pub project: String,
    pub benefit: Option<String>,
    pub indicator: Option<String>,
    pub unit: Option<String>,
    pub baseline: f64,
    pub target: f64,
    pub last: f64,
    pub last_date: Option<String>,
    /// (last − baseline) / (target − baseline) × 100, one decimal.
    pub percent: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BenefitFigures {
    /// Every benefit of a judged project.
    pub total: usize,
    /// With at least one measurement that has a value.
    pub measured: usize,
    /// Not measured, and `realiseres` is before the evaluation date.
    pub due: usize,
    /// Not measured, `realiseres` on or after the evaluation date.
    pub planned: usize,
    /// Not measured, and no `realiseres`.
    pub undated: usize,
    /// The measured benefits whose attainment can be computed, by project and benefit.
    pub attainment: Vec<Attainment>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KeyFigures {
    pub systems: SystemFigures,
    pub growth: Growth,
    pub national_components: ComponentFigures,
    pub benefit_plans: BenefitPlanFigures,
    pub benefits: BenefitFigures,
}

pub fn compute(p: &Portfolio, findings: &[Finding], settings: &Settings, date: Date) -> KeyFigures {
    KeyFigures {
        systems: systems(p),
        growth: growth(p),
        national_components: components(p, settings),
        benefit_plans: benefit_plans(p, findings, settings),
        benefits: benefits(p, date),
    }
}

/// `part` of `whole` in percent, one decimal; none of nothing.
pub fn percent(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| (part as f64 * 1000.0 / whole as f64).round() / 10.0)
}

/// Counts per value of a closed list, in the list's order, then the systems with none.
fn shares<T: Copy + PartialEq>(
    values: impl Iterator<Item = Option<T>> + Clone,
    all: &[T],
    name: fn(T) -> &'static str,
) -> Vec<Share> {
    let mut out: Vec<Share> = all
        .iter()
        .map(|&v| Share {
            value: Some(name(v)),
            count: values.clone().filter(|x| *x == Some(v)).count(),
        })
        .collect();
    out.push(Share {
        value: None,
        count: values.filter(Option::is_none).count(),
    });
    out
}

fn systems(p: &Portfolio) -> SystemFigures {
    let in_use: Vec<_> = p
        .systems
        .iter()
        .filter(|s| s.lifecycle != Some(Livslop::Avviklet))
        .collect();
    let cloud = in_use.iter().filter(|s| s.is_cloud()).count();
    SystemFigures {
        total: p.systems.len(),
        in_use: in_use.len(),
        hosting: shares(in_use.iter().map(|s| s.drift), Drift::ALL, Drift::name),
        cloud,
        cloud_percent: percent(cloud, in_use.len()),
        lifecycle: shares(
            p.systems.iter().map(|s| s.lifecycle),
            Livslop::ALL,
            Livslop::name,
        ),
        personal_data: shares(
            in_use.iter().map(|s| s.personal_data),
            Personopplysninger::ALL,
            Personopplysninger::name,
        ),
        operator: shares(
            in_use.iter().map(|s| s.operator),
            DriftesAv::ALL,
            DriftesAv::name,
        ),
        ownership: shares(
            in_use.iter().map(|s| s.ownership),
            Eierskap::ALL,
            Eierskap::name,
        ),
    }
}

fn growth(p: &Portfolio) -> Growth {
    let (introduced, out) = crate::rules::portfolio_in_and_out(p);
    let phased_out = out.len();
    Growth {
        introduced,
        phased_out,
        growing: introduced > phased_out,
    }
}

/// Where a catalogued capability is needed (FK-01's needs, FK-02's active systems) and
/// whether one of its components is used there.
fn components(p: &Portfolio, settings: &Settings) -> ComponentFigures {
    let k = &*crate::rules::katalog_for(p, settings);
    let mut uses: Vec<(&str, bool)> = Vec::new();
    for system in p
        .systems
        .iter()
        .filter(|s| s.lifecycle == Some(Livslop::Aktiv))
    {
        for capability in system.capabilities.iter() {
            if let Some(components) = k.components_for(capability) {
                let covered = components.iter().any(|c| system.uses_component(c));
                uses.push((capability, covered));
            }
        }
    }
    for project in p.judged_projects() {
        for need in project.needs.iter() {
            if let Some(components) = k.components_for(need) {
                let covered = components
                    .iter()
                    .any(|c| crate::rules::project_uses(p, project, c));
                uses.push((need, covered));
            }
        }
    }
    let capabilities: Vec<CapabilityCoverage> = k
        .capabilities
        .iter()
        .filter_map(|cap| {
            let here: Vec<bool> = uses
                .iter()
                .filter(|(name, _)| *name == cap.id)
                .map(|(_, covered)| *covered)
                .collect();
            (!here.is_empty()).then(|| CapabilityCoverage {
                capability: cap.id.clone(),
                components: cap.components.clone(),
                needed: here.len(),
                covered: here.iter().filter(|c| **c).count(),
            })
        })
        .collect();
    let needed = uses.len();
    let covered = uses.iter().filter(|(_, c)| *c).count();
    ComponentFigures {
        needed,
        covered,
        covered_percent: percent(covered, needed),
        capabilities,
    }
}

/// The rules that together say a benefit plan is complete.
pub const BENEFIT_PLAN_RULES: &[&str] = &["GEV-01", "GEV-02", "GEV-03", "GEV-04"];

fn benefit_plans(p: &Portfolio, findings: &[Finding], settings: &Settings) -> BenefitPlanFigures {
    let projects: Vec<_> = p.judged_projects().collect();
    let checked = BENEFIT_PLAN_RULES.iter().all(|c| settings.is_enabled(c));
    let complete = checked.then(|| {
        let incomplete: std::collections::HashSet<&str> = findings
            .iter()
            .filter(|f| BENEFIT_PLAN_RULES.contains(&f.code.as_str()))
            .filter_map(|f| match &f.subject {
                crate::finding::Subject::Project(id) => Some(id.as_str()),
                _ => None,
            })
            .collect();
        projects
            .iter()
            .filter(|pr| !incomplete.contains(pr.id.as_str()))
            .count()
    });
    BenefitPlanFigures {
        projects: projects.len(),
        complete,
    }
}

fn benefits(p: &Portfolio, date: Date) -> BenefitFigures {
    let mut f = BenefitFigures {
        total: 0,
        measured: 0,
        due: 0,
        planned: 0,
        undated: 0,
        attainment: Vec::new(),
    };
    for project in p.judged_projects() {
        let Some(plan) = &project.benefit_plan else {
            continue;
        };
        for b in &plan.benefits {
            f.total += 1;
            match (b.last_measurement(), b.realised_by) {
                (Some(_), _) => f.measured += 1,
                (None, Some(due)) if due < date => f.due += 1,
                (None, Some(_)) => f.planned += 1,
                (None, None) => f.undated += 1,
            }
            let (Some(percent), Some(last)) = (b.attainment_percent(), b.last_measurement()) else {
                continue;
            };
            f.attainment.push(Attainment {
                project: project.id.clone(),
                benefit: b.id.clone(),
                indicator: b.indicator.clone(),
                unit: b.unit.clone(),
                baseline: b
                    .baseline
                    .as_ref()
                    .and_then(|n| n.value)
                    .unwrap_or_default(),
                target: b.target.unwrap_or_default(),
                last: last.value.unwrap_or_default(),
                last_date: last.date.map(|d| d.to_string()),
                percent: (percent * 10.0).round() / 10.0,
            });
        }
    }
    f
}
