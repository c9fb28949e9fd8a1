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
        Rule::new("GEV-01", Scope::Projects(any_project)),
        Rule::new("GEV-02", Scope::Projects(any_project)),
        Rule::new("GEV-03", Scope::Projects(any_project)),
        Rule::new("GEV-04", Scope::Projects(any_project)),
        Rule::new(
            "GEV-05",
            Scope::Projects(|p| p.phase == Some(Fase::Realisere)),
        ),
        Rule::with(
            "GEV-06",
            Scope::Projects(|p| {
                matches!(
                    p.phase,
                    Some(Fase::Gjennomfore | Fase::Avslutte | Fase::Realisere)
                )
            }),
            &[MAANEDER.0],
        ),
        Rule::new("GEV-07", Scope::Ideas),
        Rule::new("GEV-08", Scope::Projects(any_project)),
    ],
    check,
    last: false,
};

pub fn check(c: &mut Checker) {
    gev07_idea_potential(c);
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
            let message = Message::NotDescribed {
                plan_without_benefits: project.benefit_plan.is_some(),
            };
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
                    let path = format!(
                        "/prosjekt/gevinstplan/gevinster/{}/maalinger",
                        super::item_key(benefit.id.as_deref(), i)
                    );
                    let message = Message::DueNotMeasured { name: &name, due };
                    c.emit("GEV-05", subject(), benefit.spans.at, path, message);
                }
            }
        }

        // GEV-03 and GEV-08: benefits of both kinds, numbers and what numbers miss.
        let has = |kind| plan.benefits.iter().any(|b| b.kind == Some(kind));
        let at = plan.spans.key("gevinster");
        let path = "/prosjekt/gevinstplan/gevinster".to_string();
        if !has(GevinstType::Kvantitativ) {
            c.emit(
                "GEV-03",
                subject(),
                at,
                path.clone(),
                Message::NoneQuantitative,
            );
        }
        if !has(GevinstType::Kvalitativ) {
            c.emit("GEV-08", subject(), at, path, Message::NoneQualitative);
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

        // Kept up to date while the project runs and while its benefits are taken out.
        if matches!(
            project.phase,
            Some(Fase::Gjennomfore | Fase::Avslutte | Fase::Realisere)
        ) {
            let message = match plan.last_updated {
                None => Some(Message::NeverUpdated),
                Some(updated) if updated < stale_before => Some(Message::Stale { updated, months }),
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

/// GEV-07: an idea says what it could gain before it goes further; a benefit plan with
/// benefits says it too.
fn gev07_idea_potential(c: &mut Checker) {
    for idea in c
        .portfolio
        .projects
        .iter()
        .filter(|p| p.phase == Some(Fase::Ide))
    {
        let planned = idea
            .benefit_plan
            .as_ref()
            .is_some_and(|plan| !plan.benefits.is_empty());
        if super::given(&idea.benefit_potential) || planned {
            continue;
        }
        c.emit(
            "GEV-07",
            Subject::Project(idea.id.clone()),
            idea.spans.key("fase"),
            "/prosjekt/gevinstpotensial".into(),
            Message::IdeaWithoutPotential,
        );
    }
}

/// GEV-04: the one who owns the project should be the one who takes out the benefits.
fn responsible_problem<'a>(plan: &'a BenefitPlan, project: &'a Project) -> Option<Message<'a>> {
    let same = |a: &str, b: &str| a.trim().to_lowercase() == b.trim().to_lowercase();
    match (plan.responsible.as_deref(), project.owner.as_deref()) {
        (None, _) => Some(Message::NoResponsible),
        (Some(r), Some(o)) if same(r, o) => None,
        (Some(responsible), Some(owner)) => {
            Some(Message::ResponsibleNotOwner { responsible, owner })
        }
        (Some(responsible), None) => Some(Message::NoOwner { responsible }),
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
    let path = format!(
        "/prosjekt/gevinstplan/gevinster/{}",
        super::item_key(benefit.id.as_deref(), index)
    );
    let message = Message::Incomplete {
        name: &name,
        missing: &missing,
        same_as_baseline,
    };
    let subject = Subject::Project(project.id.clone());
    c.emit("GEV-02", subject, benefit.spans.at, path, message)
        .lacking(&missing);
}

/// What the GEV rules report: the facts, and their words in both languages.
enum Message<'a> {
    /// GEV-07: an idea with neither gevinstpotensial nor benefits.
    IdeaWithoutPotential,
    /// GEV-01: no plan, or a plan without benefits.
    NotDescribed { plan_without_benefits: bool },
    /// GEV-02: keys missing, or a target that equals the baseline.
    Incomplete {
        name: &'a str,
        missing: &'a [&'static str],
        same_as_baseline: bool,
    },
    /// GEV-08: no benefit is kvalitativ.
    NoneQualitative,
    /// GEV-03.
    NoneQuantitative,
    /// GEV-04.
    NoResponsible,
    /// GEV-04.
    ResponsibleNotOwner {
        responsible: &'a str,
        owner: &'a str,
    },
    /// GEV-04: a responsible, but no prosjekteier to be.
    NoOwner { responsible: &'a str },
    /// GEV-05.
    DueNotMeasured { name: &'a str, due: Date },
    /// GEV-06.
    NeverUpdated,
    /// GEV-06.
    Stale { updated: Date, months: i64 },
}

impl From<Message<'_>> for Text {
    fn from(m: Message) -> Text {
        match m {
            Message::IdeaWithoutPotential => Text::new(
                "Idéen sier ikke hva den kan gi: gevinstpotensialet er ikke vurdert (gevinstpotensial)",
                "The idea does not say what it could bring: its benefit potential is not assessed (gevinstpotensial)",
            ),
            Message::NotDescribed {
                plan_without_benefits: true,
            } => Text::new(
                "Gevinstene er ikke beskrevet: gevinstplanen har ingen gevinster",
                "The benefits are not described: the benefit plan lists no benefits",
            ),
            Message::NotDescribed {
                plan_without_benefits: false,
            } => Text::new(
                "Gevinstene er ikke beskrevet: prosjektet har ingen gevinstplan",
                "The benefits are not described: the project has no benefit plan",
            ),
            Message::Incomplete {
                name,
                missing,
                same_as_baseline,
            } => {
                let mut nb = Vec::new();
                let mut en = Vec::new();
                if !missing.is_empty() {
                    nb.push(format!("mangler {}", join_names(missing, Lang::Nb)));
                    en.push(format!("lacks {}", join_names(missing, Lang::En)));
                }
                if same_as_baseline {
                    nb.push("målverdien er lik nullpunktet, så den kan ikke måles".to_string());
                    en.push("its target equals its baseline, so it cannot be measured".to_string());
                }
                Text::new(
                    format!(
                        "Gevinst {name} er ikke godt nok beskrevet: {}",
                        nb.join(" og ")
                    ),
                    format!(
                        "Benefit {name} is not described well enough: {}",
                        en.join(" and ")
                    ),
                )
            }
            Message::NoneQuantitative => Text::new(
                "Ingen gevinst er kvantitativ: minst én gevinst bør kunne måles med tall",
                "No benefit is kvantitativ: at least one benefit should be measurable in numbers",
            ),
            Message::NoneQualitative => Text::new(
                "Ingen gevinst er kvalitativ: det tallene ikke fanger (kvalitet, trygghet, arbeidsmiljø) er ikke beskrevet",
                "No benefit is kvalitativ: what numbers do not capture (quality, safety, working conditions) is not described",
            ),
            Message::NoResponsible => Text::new(
                "Gevinstplanen mangler gevinstansvarlig",
                "The benefit plan has no gevinstansvarlig",
            ),
            Message::ResponsibleNotOwner { responsible, owner } => Text::new(
                format!("Gevinstansvarlig ({responsible}) er ikke prosjekteier ({owner})"),
                format!("The gevinstansvarlig ({responsible}) is not the prosjekteier ({owner})"),
            ),
            Message::NoOwner { responsible } => Text::new(
                format!(
                    "Gevinstansvarlig ({responsible}) kan ikke være prosjekteier: prosjektet har ingen prosjekteier"
                ),
                format!(
                    "The gevinstansvarlig ({responsible}) cannot be the prosjekteier: the project has none"
                ),
            ),
            Message::DueNotMeasured { name, due } => Text::new(
                format!("Gevinst {name} skulle vært realisert {due}, men har ingen målinger"),
                format!("Benefit {name} was due {due} but has no measurements"),
            ),
            Message::NeverUpdated => Text::new(
                "Gevinstplanen har ingen sist_oppdatert-dato",
                "The benefit plan has no sist_oppdatert date",
            ),
            Message::Stale { updated, months } => Text::new(
                format!(
                    "Gevinstplanen ble sist oppdatert {updated}, for mer enn {months} måneder siden"
                ),
                format!(
                    "The benefit plan was last updated {updated}, more than {months} months ago"
                ),
            ),
        }
    }
}
