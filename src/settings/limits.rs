//! prinsipp.toml's sizes kept within bounds before anything in it is used.

use super::Builder;
use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::text::Text;
use toml::Spanned;

/// The most entries any list in prinsipp.toml may hold (codes in `kun`/`av`/`paa`, names
/// in the catalogue, own rules, the values of a condition), and the most capabilities all
/// components together may cover. A hand-written file needs far fewer; the bound keeps
/// the checks that compare entries with each other cheap whatever the file holds.
pub const MAX_LIST: usize = 1_000;

/// Whether every list is within `MAX_LIST`; the first entry past it is reported for each.
pub(super) fn within_limits(config: &Config, b: &mut Builder) -> bool {
    let mut ok = true;
    let mut check = |over: Option<std::ops::Range<usize>>, what: (&str, &str), b: &mut Builder| {
        if let Some(span) = over {
            ok = false;
            let (line, column) = crate::config::line_column(b.text, span.start);
            b.errors.push(
                Diagnostic::error(
                    b.file,
                    line,
                    column,
                    Text::new(
                        format!(
                            "For mange {} (høyst {MAX_LIST}); innstillingene er ikke lest videre",
                            what.0
                        ),
                        format!(
                            "Too many {} (at most {MAX_LIST}); the settings were not read further",
                            what.1
                        ),
                    ),
                )
                .with_hint(Text::new(
                    "Del opp, eller sjekk at fila er den du mente",
                    "Split it up, or check that the file is the one you meant",
                )),
            );
        }
    };
    let past = |list: &[Spanned<String>]| list.get(MAX_LIST).map(|v| v.span());
    let r = &config.regler;
    check(past(&r.kun), ("koder i `kun`", "codes in `kun`"), b);
    check(past(&r.av), ("koder i `av`", "codes in `av`"), b);
    check(past(&r.paa), ("koder i `paa`", "codes in `paa`"), b);
    check(
        config.alvorlighet.keys().nth(MAX_LIST).map(|k| k.span()),
        ("regler i `alvorlighet`", "rules in `alvorlighet`"),
        b,
    );
    check(
        config.parametere.keys().nth(MAX_LIST).map(|k| k.span()),
        ("regler i `parametere`", "rules in `parametere`"),
        b,
    );
    let k = &config.katalog;
    check(past(&k.kapabiliteter), ("kapabiliteter", "capabilities"), b);
    check(past(&k.standarder), ("standarder", "standards"), b);
    check(
        k.felleskomponent.get(MAX_LIST).map(|c| c.id.span()),
        ("felleskomponenter", "components"),
        b,
    );
    let covered: Vec<&Spanned<String>> = k.felleskomponent.iter().flat_map(|c| &c.dekker).collect();
    check(
        covered.get(MAX_LIST).map(|v| v.span()),
        ("kapabiliteter i `dekker`", "capabilities in `dekker`"),
        b,
    );
    check(
        config.egen_regel.get(MAX_LIST).map(|r| r.kode.span()),
        ("egne regler", "own rules"),
        b,
    );
    for rule in &config.egen_regel {
        for condition in rule.hvis.iter().chain(&rule.krav) {
            let values = condition
                .en_av
                .as_ref()
                .filter(|v| v.get_ref().len() > MAX_LIST);
            check(
                values.map(|v| v.span()),
                ("verdier i `en_av`", "values in `en_av`"),
                b,
            );
        }
        check(
            rule.krav.get(MAX_LIST).map(|c| c.felt.span()),
            ("krav", "requirements"),
            b,
        );
    }
    ok
}
