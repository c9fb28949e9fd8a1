//! Gevinstplan (benefit realisation plan): GEV-01..06.

use super::registry::{Int, Principle, Rule, Scope, any_project};
use super::{Checker, given};
use crate::finding::Subject;
use crate::model::*;
use crate::text::{Lang, Text, join_names};

/// `[rule.params.maaneder]` of GEV-06.
pub const MAANEDER: Int = Int::new("GEV-06", "maaneder");

/// The rules of this principle, and what each looks at.
pub const PRINCIPLE: Principle = Principle {
    prefix: "GEV",
    rules: &[
        Rule {
            code: "GEV-01",
            scope: Scope::Projects(any_project),
            params: &[],
        },
        Rule {
            code: "GEV-02",
            scope: Scope::Projects(any_project),
            params: &[],
        },
        Rule {
            code: "GEV-03",
            scope: Scope::Projects(any_project),
            params: &[],
        },
        Rule {
            code: "GEV-04",
            scope: Scope::Projects(any_project),
            params: &[],
        },
        Rule {
            code: "GEV-05",
            scope: Scope::Projects(|p| p.phase == Some(Fase::Realisere)),
            params: &[],
        },
        Rule {
            code: "GEV-06",
            scope: Scope::Projects(|p| matches!(p.phase, Some(Fase::Gjennomfore | Fase::Avslutte))),
            params: &[MAANEDER.0],
        },
    ],
    check,
    last: false,
};

pub fn check(c: &mut Checker) {
    let months = c.int(MAANEDER);
    let stale_before = c.date.add_months(-months);
    for project in c.portfolio.judged_projects() {
        let subject = || Subject::Project(project.id.clone());
        let plan = project
            .benefit_plan
            .as_ref()
            .filter(|plan| !plan.benefits.is_empty());
        let Some(plan) = plan else {
            // GEV-01: from planlegge on an error, in konsept (or without fase) a warning.
            let at = project.spans.key("gevinstplan");
            let what = if project.benefit_plan.is_some() {
                (
                    "gevinstplanen har ingen gevinster",
                    "the benefit plan lists no benefits",
                )
            } else {
                (
                    "prosjektet har ingen gevinstplan",
                    "the project has no benefit plan",
                )
            };
            let message = Text::new(
                format!("Gevinstene er ikke beskrevet: {}", what.0),
                format!("The benefits are not described: {}", what.1),
            );
            let path = "/prosjekt/gevinstplan".to_string();
            let mild = !project.phase_at_least(Fase::Planlegge);
            c.emit_graded(mild, "GEV-01", subject(), at, path, message);
            continue;
        };

        for (i, benefit) in plan.benefits.iter().enumerate() {
            gev02_benefit_fields(c, project, i, benefit);
            if project.phase == Some(Fase::Realisere) && benefit.measurements.is_empty() {
                if let Some(due) = benefit.realised_by.filter(|d| *d < c.date) {
                    let name = benefit_name(benefit, i);
                    c.emit(
                        "GEV-05",
                        subject(),
                        benefit.spans.at,
                        format!(
                            "/prosjekt/gevinstplan/gevinster/{}/maalinger",
                            super::item_key(benefit.id.as_deref(), i)
                        ),
                        Text::new(
                            format!(
                                "Gevinst {name} skulle vært realisert {due}, men har ingen målinger"
                            ),
                            format!("Benefit {name} was due {due} but has no measurements"),
                        ),
                    );
                }
            }
        }

        if !plan
            .benefits
            .iter()
            .any(|b| b.kind == Some(GevinstType::Kvantitativ))
        {
            c.emit("GEV-03", subject(), plan.spans.key("gevinster"), "/prosjekt/gevinstplan/gevinster".into(), Text::new(
                "Ingen gevinst er kvantitativ: minst én gevinst bør kunne måles med tall",
                "No benefit is kvantitativ: at least one benefit should be measurable in numbers",
            ));
        }

        if let Some(message) = responsible_problem(plan, project) {
            let at = plan
                .spans
                .key_opt("gevinstansvarlig")
                .unwrap_or_else(|| project.spans.key("gevinstplan"));
            c.emit(
                "GEV-04",
                subject(),
                at,
                "/prosjekt/gevinstplan/gevinstansvarlig".into(),
                message,
            );
        }

        if matches!(project.phase, Some(Fase::Gjennomfore | Fase::Avslutte)) {
            let message = match plan.last_updated {
                None => Some(Text::new(
                    "Gevinstplanen har ingen sist_oppdatert-dato",
                    "The benefit plan has no sist_oppdatert date",
                )),
                Some(d) if d < stale_before => Some(Text::new(
                    format!(
                        "Gevinstplanen ble sist oppdatert {d}, for mer enn {months} måneder siden"
                    ),
                    format!("The benefit plan was last updated {d}, more than {months} months ago"),
                )),
                Some(_) => None,
            };
            if let Some(message) = message {
                let at = plan
                    .spans
                    .key_opt("sist_oppdatert")
                    .unwrap_or_else(|| project.spans.key("gevinstplan"));
                c.emit(
                    "GEV-06",
                    subject(),
                    at,
                    "/prosjekt/gevinstplan/sist_oppdatert".into(),
                    message,
                );
            }
        }
    }
}

/// GEV-04: the one who owns the project should be the one who takes out the benefits.
fn responsible_problem(plan: &BenefitPlan, project: &Project) -> Option<Text> {
    let same = |a: &str, b: &str| a.trim().to_lowercase() == b.trim().to_lowercase();
    match (&plan.responsible, &project.owner) {
        (None, _) => Some(Text::new(
            "Gevinstplanen mangler gevinstansvarlig",
            "The benefit plan has no gevinstansvarlig",
        )),
        (Some(r), Some(o)) if same(r, o) => None,
        (Some(r), Some(o)) => Some(Text::new(
            format!("Gevinstansvarlig ({r}) er ikke prosjekteier ({o})"),
            format!("The gevinstansvarlig ({r}) is not the prosjekteier ({o})"),
        )),
        (Some(r), None) => Some(Text::new(
            format!(
                "Gevinstansvarlig ({r}) kan ikke være prosjekteier: prosjektet har ingen prosjekteier"
            ),
            format!("The gevinstansvarlig ({r}) cannot be the prosjekteier: the project has none"),
        )),
    }
}

/// «G1» or «nr. 2» when the benefit has no id.
fn benefit_name(benefit: &Benefit, index: usize) -> String {
    benefit
        .id
        .clone()
        .unwrap_or_else(|| format!("nr. {}", index + 1))
}

/// One finding per benefit, naming everything it lacks.
fn gev02_benefit_fields(c: &mut Checker, project: &Project, index: usize, benefit: &Benefit) {
    let mut missing: Vec<&str> = Vec::new();
    if benefit.category.is_none() {
        missing.push("kategori");
    }
    if !given(&benefit.indicator) {
        missing.push("indikator");
    }
    if !given(&benefit.owner) {
        missing.push("gevinsteier");
    }
    if benefit.realised_by.is_none() {
        missing.push("realiseres");
    }
    let mut same_as_baseline = false;
    if benefit.kind == Some(GevinstType::Kvantitativ) {
        if !given(&benefit.unit) {
            missing.push("maaleenhet");
        }
        let baseline = benefit.baseline.as_ref();
        if baseline.and_then(|b| b.value).is_none() {
            missing.push("nullpunkt.verdi");
        }
        if baseline.and_then(|b| b.date).is_none() {
            missing.push("nullpunkt.dato");
        }
        match (benefit.target, baseline.and_then(|b| b.value)) {
            (None, _) => missing.push("maalverdi"),
            (Some(target), Some(base)) if target == base => same_as_baseline = true,
            _ => {}
        }
    }
    if missing.is_empty() && !same_as_baseline {
        return;
    }
    let name = benefit_name(benefit, index);
    let mut nb = Vec::new();
    let mut en = Vec::new();
    if !missing.is_empty() {
        nb.push(format!("mangler {}", join_names(&missing, Lang::Nb)));
        en.push(format!("lacks {}", join_names(&missing, Lang::En)));
    }
    if same_as_baseline {
        nb.push("målverdien er lik nullpunktet, så den kan ikke måles".to_string());
        en.push("its target equals its baseline, so it cannot be measured".to_string());
    }
    c.emit(
        "GEV-02",
        Subject::Project(project.id.clone()),
        benefit.spans.at,
        format!(
            "/prosjekt/gevinstplan/gevinster/{}",
            super::item_key(benefit.id.as_deref(), index)
        ),
        Text::new(
            format!(
                "Gevinst {name} er ikke godt nok beskrevet: {}",
                nb.join(" og ")
            ),
            format!(
                "Benefit {name} is not described well enough: {}",
                en.join(" and ")
            ),
        ),
    )
    .lacking(&missing);
}
