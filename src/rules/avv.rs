//! The deviation register (avvik.yaml): AVV-01..04, and applying approved deviations.
//! Runs last: it needs every other finding to know what each deviation covers.

use super::registry::{Int, Principle, Rule, Scope};
use super::{Checker, given};
use crate::finding::{Finding, Status, Subject};
use crate::model::*;
use crate::suggest::Suggester;
use crate::text::{Lang, Text, join_names};

/// `[rule.params.dager]` of AVV-03.
pub const DAGER: Int = Int::new("AVV-03", "dager");

/// The rules of this principle, and what each looks at.
pub const PRINCIPLE: Principle = Principle {
    prefix: "AVV",
    rules: &[
        Rule {
            code: "AVV-01",
            scope: Scope::Register,
            params: &[],
        },
        Rule {
            code: "AVV-02",
            scope: Scope::Register,
            params: &[],
        },
        Rule {
            code: "AVV-03",
            scope: Scope::Register,
            params: &[DAGER.0],
        },
        Rule {
            code: "AVV-04",
            scope: Scope::Register,
            params: &[],
        },
    ],
    check,
    last: true,
};

pub fn check(c: &mut Checker) {
    let p = c.portfolio;
    let soon_days = c.int(DAGER);
    let ids: Vec<&str> = p
        .systems
        .iter()
        .chain(p.inline_systems())
        .map(|s| s.id.as_str())
        .chain(p.projects.iter().map(|pr| pr.id.as_str()))
        .collect();
    let mut subjects = Subjects {
        known: ids.iter().copied().collect(),
        suggest: Suggester::new(ids.iter().copied().chain(["portefolje"])),
        rules: Suggester::new(c.katalog.rules().map(|r| r.code.as_str())),
    };

    for avvik in &p.avvik {
        let subject = || Subject::Avvik(avvik.applies_to.clone());
        let path = format!("/avvik/{}", super::key(&avvik.rule));
        let problems = problems(c, avvik, &mut subjects);
        let valid = problems.is_empty();
        if !valid {
            let nb: Vec<&str> = problems.iter().map(|t| t.nb.as_str()).collect();
            let en: Vec<&str> = problems.iter().map(|t| t.en.as_str()).collect();
            c.emit(
                "AVV-01",
                subject(),
                avvik.spans.at,
                path.clone(),
                Text::new(
                    format!(
                        "Avviket for {} på {} er ikke gyldig dokumentert: {}",
                        avvik.rule,
                        avvik.applies_to,
                        nb.join("; ")
                    ),
                    format!(
                        "The deviation from {} for {} is not validly documented: {}",
                        avvik.rule,
                        avvik.applies_to,
                        en.join("; ")
                    ),
                ),
            );
        }

        let expired = avvik.valid_until.is_some_and(|d| d < c.date);
        if let Some(until) = avvik.valid_until {
            if expired {
                c.emit("AVV-02", subject(), avvik.spans.at, format!("{path}/gyldig_til"), Text::new(
                    format!("Avviket for {} på {} utløp {until}; funnene det dekket er åpne igjen", avvik.rule, avvik.applies_to),
                    format!("The deviation from {} for {} expired {until}; the findings it covered are open again", avvik.rule, avvik.applies_to),
                ));
            } else if until <= c.date.add_days(soon_days) {
                c.emit(
                    "AVV-03",
                    subject(),
                    avvik.spans.at,
                    format!("{path}/gyldig_til"),
                    Text::new(
                        format!(
                            "Avviket for {} på {} utløper {until}, innen {soon_days} dager",
                            avvik.rule, avvik.applies_to
                        ),
                        format!(
                            "The deviation from {} for {} expires {until}, within {soon_days} days",
                            avvik.rule, avvik.applies_to
                        ),
                    ),
                );
            }
        }

        if !valid || expired {
            continue;
        }
        let mut used = false;
        for finding in c
            .findings
            .iter_mut()
            .filter(|f| f.is_open() && covers(avvik, f))
        {
            finding.status = Status::Avvik {
                reference: avvik.reference.clone(),
                valid_until: avvik.valid_until,
            };
            used = true;
        }
        if !used && !c.findings.iter().any(|f| covers(avvik, f)) {
            let message = if c.settings.is_enabled(&avvik.rule) {
                Text::new(
                    format!(
                        "Avviket for {} på {} dekker ingen funn; fjern det fra registeret",
                        avvik.rule, avvik.applies_to
                    ),
                    format!(
                        "The deviation from {} for {} covers no finding; remove it from the register",
                        avvik.rule, avvik.applies_to
                    ),
                )
            } else {
                Text::new(
                    format!(
                        "Avviket for {} på {} dekker ingen funn: regelen er ikke med i denne kontrollen",
                        avvik.rule, avvik.applies_to
                    ),
                    format!(
                        "The deviation from {} for {} covers no finding: the rule is not part of this check",
                        avvik.rule, avvik.applies_to
                    ),
                )
            };
            c.emit("AVV-04", subject(), avvik.spans.at, path, message);
        }
    }
}

/// What a deviation may name: every system and project id (looked up once per entry, so a
/// long register on a large portfolio stays linear).
struct Subjects<'a> {
    known: std::collections::HashSet<&'a str>,
    suggest: Suggester<'a>,
    /// Every rule code (a register may name many unknown ones).
    rules: Suggester<'a>,
}

/// What keeps a deviation from being valid: missing fields, an unknown rule or subject.
fn problems(c: &Checker, avvik: &Avvik, subjects: &mut Subjects) -> Vec<Text> {
    let mut out = Vec::new();
    let mut missing = Vec::new();
    if !given(&avvik.justification) {
        missing.push("begrunnelse");
    }
    if !given(&avvik.approved_by) {
        missing.push("vedtatt_av");
    }
    if avvik.date.is_none() {
        missing.push("dato");
    }
    if !missing.is_empty() {
        out.push(Text::new(
            format!("mangler {}", join_names(&missing, Lang::Nb)),
            format!("lacks {}", join_names(&missing, Lang::En)),
        ));
    }
    if c.katalog.rule(&avvik.rule).is_none() {
        let (nb, en) = suggestion(subjects.rules.nearest(&avvik.rule));
        out.push(Text::new(
            format!("regelen {} finnes ikke{nb}", avvik.rule),
            format!("there is no rule {}{en}", avvik.rule),
        ));
    }
    let target = avvik.applies_to.as_str();
    if target != "portefolje" && !subjects.known.contains(target) {
        let (nb, en) = suggestion(subjects.suggest.nearest(target));
        out.push(Text::new(
            format!("gjelder {target}, som verken er et system, et prosjekt eller portefolje{nb}"),
            format!("gjelder {target} is neither a system, a project nor portefolje{en}"),
        ));
    }
    out
}

fn suggestion(near: Option<&str>) -> (String, String) {
    match near {
        Some(near) => (
            format!(" (mente du {near}?)"),
            format!(" (did you mean {near}?)"),
        ),
        None => (String::new(), String::new()),
    }
}

/// A deviation covers the findings of its rule on its subject: the project or system it
/// names, a project's new system it names, or the whole portfolio.
pub fn covers(avvik: &Avvik, finding: &Finding) -> bool {
    if finding.code != avvik.rule || finding.code.starts_with("AVV-") {
        return false;
    }
    match &finding.subject {
        Subject::Portfolio => avvik.applies_to == "portefolje",
        subject => {
            subject.id() == Some(avvik.applies_to.as_str())
                || finding.system.as_deref() == Some(avvik.applies_to.as_str())
        }
    }
}
