//! `prinsipp report --format xlsx=FILE`: the findings, the compliance matrix, the key
//! figures and the deviation register as a workbook, one sheet each, every sheet with a
//! frozen header row and a filter, so the board's secretary can sort and filter in Excel.
//! Cells are typed (text is always written as text, never as a formula) and the file's
//! creation time is the evaluation date, so the same input gives the same bytes.

use super::html::Kommune;
use crate::figures::key::Share;
use crate::model::Date;
use crate::text::Lang;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

/// A cell: text or a number.
enum Value {
    Text(String),
    Number(f64),
    Empty,
}

fn text(s: impl Into<String>) -> Value {
    Value::Text(s.into())
}

fn opt(s: Option<&str>) -> Value {
    s.map_or(Value::Empty, text)
}

fn number(n: usize) -> Value {
    Value::Number(n as f64)
}

fn t(lang: Lang, nb: &'static str, en: &'static str) -> &'static str {
    super::html::t(lang, nb, en)
}

/// One sheet: a bold, frozen header row with a filter over every row.
fn sheet(
    book: &mut Workbook,
    name: &str,
    headers: &[&str],
    rows: &[Vec<Value>],
) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    let ws: &mut Worksheet = book.add_worksheet();
    ws.set_name(name)?;
    for (col, header) in headers.iter().enumerate() {
        ws.write_string_with_format(0, col as u16, cell_text(header), &bold)?;
        ws.set_column_width(col as u16, 16)?;
    }
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, value) in row.iter().enumerate() {
            match value {
                Value::Text(s) => {
                    ws.write_string(r, c as u16, cell_text(s))?;
                }
                Value::Number(n) => {
                    ws.write_number(r, c as u16, *n)?;
                }
                Value::Empty => {}
            }
        }
    }
    ws.set_freeze_panes(1, 0)?;
    let last_col = headers.len().saturating_sub(1) as u16;
    ws.autofilter(0, 0, rows.len() as u32, last_col)?;
    Ok(())
}

/// The most characters Excel holds in a cell.
const MAX_CELL_CHARS: usize = 32_767;

/// User text for a cell: one line, nothing hidden, cut to what a cell holds.
fn cell_text(s: &str) -> String {
    let line = super::escape::line(s);
    match line.char_indices().nth(MAX_CELL_CHARS - 1) {
        Some((end, _)) => format!("{}…", &line[..end]),
        None => line,
    }
}

pub fn render(kommuner: &[Kommune], date: Date, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let (y, m, d) = date.ymd();
    let created = ExcelDateTime::from_ymd(y.clamp(1900, 9999) as u16, m as u8, d as u8)?;
    book.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let kommune_col = t(lang, "Kommune", "Kommune");
    sheet(
        &mut book,
        t(lang, "Funn", "Findings"),
        &[
            kommune_col,
            t(lang, "Regel", "Rule"),
            t(lang, "Alvorlighet", "Severity"),
            t(lang, "Gjelder (type)", "Subject (kind)"),
            t(lang, "Gjelder", "Subject"),
            t(lang, "Nytt system", "New system"),
            t(lang, "Funn", "Finding"),
            t(lang, "Fil", "File"),
            t(lang, "Linje", "Line"),
            t(lang, "Kolonne", "Column"),
            t(lang, "Status", "Status"),
            t(lang, "Slik etterlever du", "How to comply"),
            t(lang, "Merknad", "Remark"),
        ],
        &findings(kommuner, lang),
    )?;
    let matrix_headers = matrix_headers(kommuners_columns(kommuner), lang);
    let headers: Vec<&str> = matrix_headers.iter().map(String::as_str).collect();
    sheet(
        &mut book,
        t(lang, "Matrise", "Matrix"),
        &headers,
        &matrix(kommuner, lang),
    )?;
    sheet(
        &mut book,
        t(lang, "Nøkkeltall", "Key figures"),
        &[
            kommune_col,
            t(lang, "Nøkkeltall", "Figure"),
            t(lang, "Verdi", "Value"),
        ],
        &key_figures(kommuner, lang),
    )?;
    let (trend_headers, trend_rows) = trend(kommuner, lang);
    let headers: Vec<&str> = trend_headers.iter().map(String::as_str).collect();
    sheet(
        &mut book,
        t(lang, "Utvikling", "Trend"),
        &headers,
        &trend_rows,
    )?;
    sheet(
        &mut book,
        t(lang, "Avvik", "Deviations"),
        &[
            kommune_col,
            t(lang, "Regel", "Rule"),
            t(lang, "Gjelder", "Applies to"),
            t(lang, "Vedtatt av", "Approved by"),
            t(lang, "Dato", "Date"),
            t(lang, "Gyldig til", "Valid until"),
            t(lang, "Referanse", "Reference"),
            t(lang, "Status", "State"),
            t(lang, "Dager igjen", "Days left"),
            t(lang, "Dekker funn", "Covers findings"),
            t(lang, "Begrunnelse", "Justification"),
        ],
        &deviations(kommuners_list(kommuner)),
    )?;
    book.save_to_buffer()
}

fn kommuners_list<'a>(
    kommuner: &'a [Kommune<'a>],
) -> impl Iterator<Item = (&'a str, &'a Kommune<'a>)> {
    kommuner
        .iter()
        .map(|k| (k.report.portfolio.kommune.name.as_str(), k))
}

/// The union of the kommuner's principle columns, in first-seen order.
fn kommuners_columns(kommuner: &[Kommune]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for k in kommuner {
        for c in &k.figures.matrix.columns {
            if !out.contains(&c.label) {
                out.push(c.label.clone());
            }
        }
    }
    out
}

fn matrix_headers(columns: Vec<String>, lang: Lang) -> Vec<String> {
    let mut out: Vec<String> = [
        t(lang, "Kommune", "Kommune"),
        t(lang, "Type", "Kind"),
        t(lang, "Id", "Id"),
        t(lang, "Navn", "Name"),
        t(lang, "Tjenesteområde", "Service area"),
        t(lang, "Merknad", "Remark"),
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    out.extend(columns);
    out
}

fn findings(kommuner: &[Kommune], lang: Lang) -> Vec<Vec<Value>> {
    let mut rows = Vec::new();
    for (name, k) in kommuners_list(kommuner) {
        let r = &k.report;
        for f in r.findings {
            rows.push(vec![
                text(name),
                text(&f.code),
                text(f.severity.label(lang)),
                text(f.subject.kind()),
                opt(f.subject.id()),
                opt(f.system.as_deref()),
                text(f.message.get(lang)),
                text(r.file(f)),
                number(f.at.line as usize),
                number(f.at.column as usize),
                text(f.status_name()),
                text(r.how_to_comply(&f.code)),
                opt(crate::figures::subjects::note(r.portfolio, &f.subject)),
            ]);
        }
    }
    rows
}

fn matrix(kommuner: &[Kommune], lang: Lang) -> Vec<Vec<Value>> {
    let columns = kommuners_columns(kommuner);
    let mut rows = Vec::new();
    for (name, k) in kommuners_list(kommuner) {
        let m = &k.figures.matrix;
        for row in &m.rows {
            let mut cells = vec![
                text(name),
                text(row.kind),
                opt(row.id.as_deref()),
                opt(row.name.as_deref()),
                opt(row.area.as_deref()),
                opt(row.note.as_deref()),
            ];
            for prefix in &columns {
                let cell = m
                    .columns
                    .iter()
                    .position(|c| &c.label == prefix)
                    .map(|i| row.cells[i]);
                cells.push(cell.map_or(Value::Empty, |c| text(cell_word(c, lang))));
            }
            rows.push(cells);
        }
    }
    rows
}

fn cell_word(cell: crate::figures::matrix::Cell, lang: Lang) -> &'static str {
    use crate::figures::matrix::Cell;
    match cell {
        Cell::Ok => "ok",
        Cell::Brudd => t(lang, "brudd", "breach"),
        Cell::Avvik => "avvik",
        Cell::IkkeRelevant => t(lang, "ikke relevant", "not relevant"),
    }
}

fn key_figures(kommuner: &[Kommune], lang: Lang) -> Vec<Vec<Value>> {
    let mut rows = Vec::new();
    for (name, k) in kommuners_list(kommuner) {
        let f = &k.figures.key;
        let mut row = |label: String, value: Value| rows.push(vec![text(name), text(label), value]);
        let s = &f.systems;
        row(
            t(lang, "Systemer i oversikten", "Systems in the inventory").into(),
            number(s.total),
        );
        row(
            t(lang, "Systemer i bruk", "Systems in use").into(),
            number(s.in_use),
        );
        row(
            t(lang, "Systemer i bruk i sky", "Systems in use in the cloud").into(),
            number(s.cloud),
        );
        row(
            t(lang, "Andel i sky (%)", "Share in the cloud (%)").into(),
            s.cloud_percent.map_or(Value::Empty, Value::Number),
        );
        let shares = |rows: &mut dyn FnMut(String, Value), what: &str, list: &[Share]| {
            for share in list {
                let value = share.value.unwrap_or(t(lang, "ikke oppgitt", "not stated"));
                rows(format!("{what}: {value}"), number(share.count));
            }
        };
        shares(&mut row, t(lang, "Drift", "Hosting"), &s.hosting);
        shares(&mut row, t(lang, "Livsløp", "Lifecycle"), &s.lifecycle);
        shares(
            &mut row,
            t(lang, "Personopplysninger", "Personal data"),
            &s.personal_data,
        );
        shares(&mut row, t(lang, "Driftes av", "Operated by"), &s.operator);
        shares(&mut row, t(lang, "Eierskap", "Ownership"), &s.ownership);
        row(
            t(
                lang,
                "Nye systemer i åpne prosjekter",
                "New systems in open projects",
            )
            .into(),
            number(f.growth.introduced),
        );
        row(
            t(
                lang,
                "Systemer som fases ut i åpne prosjekter",
                "Systems phased out in open projects",
            )
            .into(),
            number(f.growth.phased_out),
        );
        let c = &f.national_components;
        row(
            t(
                lang,
                "Behov for felleskomponent",
                "Needs for a shared component",
            )
            .into(),
            number(c.needed),
        );
        row(
            t(
                lang,
                "Behov dekket av felleskomponenten",
                "Needs covered by the component",
            )
            .into(),
            number(c.covered),
        );
        row(
            t(lang, "Prosjekter vurdert", "Projects judged").into(),
            number(f.benefit_plans.projects),
        );
        row(
            t(
                lang,
                "Prosjekter med komplett gevinstplan",
                "Projects with a complete benefit plan",
            )
            .into(),
            f.benefit_plans.complete.map_or(Value::Empty, number),
        );
        let b = &f.benefits;
        row(t(lang, "Gevinster", "Benefits").into(), number(b.total));
        row(
            t(lang, "Gevinster målt", "Benefits measured").into(),
            number(b.measured),
        );
        row(
            t(
                lang,
                "Gevinster forfalt, ikke målt",
                "Benefits due, not measured",
            )
            .into(),
            number(b.due),
        );
        row(
            t(lang, "Gevinster planlagt", "Benefits planned").into(),
            number(b.planned),
        );
        row(
            t(
                lang,
                "Gevinster uten realiseringsdato",
                "Benefits without a date",
            )
            .into(),
            number(b.undated),
        );
        for p in &k.figures.summary.principles {
            row(
                format!("{} {}", t(lang, "Åpne brudd", "Open breaches"), p.label),
                number(p.violations),
            );
        }
    }
    rows
}

/// One row per kommune and tertial; the open breaches per principle in a column each.
fn trend(kommuner: &[Kommune], lang: Lang) -> (Vec<String>, Vec<Vec<Value>>) {
    let prefixes: std::collections::BTreeSet<&str> = kommuner
        .iter()
        .flat_map(|k| &k.trend)
        .flat_map(|p| p.by_principle.keys().map(String::as_str))
        .collect();
    let mut headers: Vec<String> = [
        t(lang, "Kommune", "Kommune"),
        t(lang, "Tertial", "Tertial"),
        t(lang, "Dato", "Date"),
        t(lang, "Kilde", "Source"),
        t(lang, "Systemer i bruk", "Systems in use"),
        t(lang, "I sky (%)", "In the cloud (%)"),
        t(lang, "Nye systemer", "New systems"),
        t(lang, "Utfasinger", "Phase-outs"),
        t(
            lang,
            "Felleskomponenter dekket (%)",
            "Shared components covered (%)",
        ),
        t(lang, "Prosjekter", "Projects"),
        t(lang, "Komplette gevinstplaner", "Complete benefit plans"),
        t(lang, "Gevinster", "Benefits"),
        t(lang, "Gevinster målt", "Benefits measured"),
        t(lang, "Åpne brudd", "Open breaches"),
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    headers.extend(prefixes.iter().map(|p| p.to_string()));
    let mut rows = Vec::new();
    for (name, k) in kommuners_list(kommuner) {
        for p in &k.trend {
            let f = p.figures.as_ref();
            let count = |get: fn(&crate::figures::trend::TrendFigures) -> usize| {
                f.map_or(Value::Empty, |f| number(get(f)))
            };
            let share = |get: fn(&crate::figures::trend::TrendFigures) -> Option<f64>| {
                f.and_then(get).map_or(Value::Empty, Value::Number)
            };
            let mut row = vec![
                text(name),
                text(&p.tertial),
                text(&p.date),
                text(&p.source),
                count(|f| f.systems_in_use),
                share(|f| f.cloud_percent),
                count(|f| f.introduced),
                count(|f| f.phased_out),
                share(|f| f.components_covered_percent),
                count(|f| f.projects),
                f.and_then(|f| f.complete_benefit_plans)
                    .map_or(Value::Empty, number),
                count(|f| f.benefits),
                count(|f| f.benefits_measured),
                number(p.breaches),
            ];
            row.extend(
                prefixes
                    .iter()
                    .map(|prefix| number(p.by_principle.get(*prefix).copied().unwrap_or(0))),
            );
            rows.push(row);
        }
    }
    (headers, rows)
}

fn deviations<'a>(kommuner: impl Iterator<Item = (&'a str, &'a Kommune<'a>)>) -> Vec<Vec<Value>> {
    let mut rows = Vec::new();
    for (name, k) in kommuner {
        for d in &k.figures.deviations {
            rows.push(vec![
                text(name),
                text(&d.rule),
                text(&d.applies_to),
                opt(d.approved_by.as_deref()),
                opt(d.date.as_deref()),
                opt(d.valid_until.as_deref()),
                opt(d.reference.as_deref()),
                text(d.state.name()),
                d.days_left
                    .map_or(Value::Empty, |n| Value::Number(n as f64)),
                number(d.covers),
                opt(d.justification.as_deref()),
            ]);
        }
    }
    rows
}
