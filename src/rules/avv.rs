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
        Rule::new("AVV-01", Scope::Register),
        Rule::new("AVV-02", Scope::Register),
        Rule::with("AVV-03", Scope::Register, &[DAGER.0]),
        Rule::new("AVV-04", Scope::Register),
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
        let (rule, applies_to) = (avvik.rule.as_str(), avvik.applies_to.as_str());
        let problems = problems(c, avvik, &mut subjects);
        let valid = problems.is_empty();
        if !valid {
            let message = Message::Invalid {
                rule,
                applies_to,
                problems,
            };
            c.emit("AVV-01", subject(), avvik.spans.at, path.clone(), message);
        }

        let expired = avvik.valid_until.is_some_and(|d| d < c.date);
        if let Some(until) = avvik.valid_until {
            let at = avvik.spans.at;
            if expired {
                let message = Message::Expired {
                    rule,
                    applies_to,
                    until,
                };
                c.emit(
                    "AVV-02",
                    subject(),
                    at,
                    format!("{path}/gyldig_til"),
                    message,
                );
            } else if until <= c.date.add_days(soon_days) {
                let message = Message::ExpiresSoon {
                    rule,
                    applies_to,
                    until,
                    days: soon_days,
                };
                c.emit(
                    "AVV-03",
                    subject(),
                    at,
                    format!("{path}/gyldig_til"),
                    message,
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
        // A rule that is off in this check (outside the strategy profile, or turned off)
        // judged nothing, so an entry for it is not unused, only not looked at.
        let judged = c.settings.is_enabled(&avvik.rule);
        if judged && !used && !c.findings.iter().any(|f| covers(avvik, f)) {
            let message = Message::Unused { rule, applies_to };
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
fn problems<'a>(c: &Checker, avvik: &'a Avvik, subjects: &'a mut Subjects) -> Vec<Problem<'a>> {
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
        out.push(Problem::Lacks(missing));
    }
    if c.katalog.rule(&avvik.rule).is_none() {
        let near = subjects.rules.nearest(&avvik.rule);
        out.push(Problem::NoSuchRule {
            rule: &avvik.rule,
            near,
        });
    }
    let target = avvik.applies_to.as_str();
    if target != "portefolje" && !subjects.known.contains(target) {
        let near = subjects.suggest.nearest(target);
        out.push(Problem::NoSuchSubject { target, near });
    }
    out
}

/// Why a deviation is not valid (AVV-01).
enum Problem<'a> {
    Lacks(Vec<&'static str>),
    NoSuchRule {
        rule: &'a str,
        near: Option<&'a str>,
    },
    NoSuchSubject {
        target: &'a str,
        near: Option<&'a str>,
    },
}

/// What the AVV rules report: the facts, and their words in both languages.
enum Message<'a> {
    /// AVV-01.
    Invalid {
        rule: &'a str,
        applies_to: &'a str,
        problems: Vec<Problem<'a>>,
    },
    /// AVV-02.
    Expired {
        rule: &'a str,
        applies_to: &'a str,
        until: Date,
    },
    /// AVV-03.
    ExpiresSoon {
        rule: &'a str,
        applies_to: &'a str,
        until: Date,
        days: i64,
    },
    /// AVV-04: the rule ran and found nothing the entry covers.
    Unused { rule: &'a str, applies_to: &'a str },
}

impl From<Problem<'_>> for Text {
    fn from(p: Problem) -> Text {
        let (nb, en) = match p {
            Problem::NoSuchRule { near, .. } | Problem::NoSuchSubject { near, .. } => match near {
                Some(near) => (
                    format!(" (mente du {near}?)"),
                    format!(" (did you mean {near}?)"),
                ),
                None => (String::new(), String::new()),
            },
            Problem::Lacks(_) => (String::new(), String::new()),
        };
        match p {
            Problem::Lacks(missing) => Text::new(
                format!("mangler {}", join_names(&missing, Lang::Nb)),
                format!("lacks {}", join_names(&missing, Lang::En)),
            ),
            Problem::NoSuchRule { rule, .. } => Text::new(
                format!("regelen {rule} finnes ikke{nb}"),
                format!("there is no rule {rule}{en}"),
            ),
            Problem::NoSuchSubject { target, .. } => Text::new(
                format!(
                    "gjelder {target}, som verken er et system, et prosjekt eller portefolje{nb}"
                ),
                format!("gjelder {target} is neither a system, a project nor portefolje{en}"),
            ),
        }
    }
}

impl From<Message<'_>> for Text {
    fn from(m: Message) -> Text {
        match m {
            Message::Invalid {
                rule,
                applies_to,
                problems,
            } => {
                let texts: Vec<Text> = problems.into_iter().map(Text::from).collect();
                let nb: Vec<&str> = texts.iter().map(|t| t.nb.as_str()).collect();
                let en: Vec<&str> = texts.iter().map(|t| t.en.as_str()).collect();
                Text::new(
                    format!(
                        "Avviket for {rule} på {applies_to} er ikke gyldig dokumentert: {}",
                        nb.join("; ")
                    ),
                    format!(
                        "The deviation from {rule} for {applies_to} is not validly documented: {}",
                        en.join("; ")
                    ),
                )
            }
            Message::Expired {
                rule,
                applies_to,
                until,
            } => Text::new(
                format!(
                    "Avviket for {rule} på {applies_to} utløp {until}; funnene det dekket er åpne igjen"
                ),
                format!(
                    "The deviation from {rule} for {applies_to} expired {until}; the findings it covered are open again"
                ),
            ),
            Message::ExpiresSoon {
                rule,
                applies_to,
                until,
                days,
            } => Text::new(
                format!("Avviket for {rule} på {applies_to} utløper {until}, innen {days} dager"),
                format!(
                    "The deviation from {rule} for {applies_to} expires {until}, within {days} days"
                ),
            ),
            Message::Unused { rule, applies_to } => Text::new(
                format!(
                    "Avviket for {rule} på {applies_to} dekker ingen funn; fjern det fra registeret"
                ),
                format!(
                    "The deviation from {rule} for {applies_to} covers no finding; remove it from the register"
                ),
            ),
        }
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
