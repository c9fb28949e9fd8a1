//! Charts as inline SVG: horizontal bars, each chart with a text alternative (its title and
//! every number in words) and the same numbers in a table beside it, so no reader depends
//! on seeing the picture.

use crate::report::escape::html;

/// One bar: its label and value.
pub struct Bar {
    pub label: String,
    pub value: usize,
}

const ROW_HEIGHT: usize = 26;
const LABEL_WIDTH: usize = 300;
const BAR_WIDTH: usize = 360;
const WIDTH: usize = LABEL_WIDTH + BAR_WIDTH + 60;

/// A bar chart under a heading, with its table. `id` must be unique in the document (it
/// is made by the caller from indexes, never from user text); `title` and labels are
/// escaped here. `columns` are the table's two headers.
pub fn bars(id: &str, title: &str, bars: &[Bar], columns: (&str, &str)) -> String {
    let max = bars.iter().map(|b| b.value).max().unwrap_or(0).max(1);
    let height = bars.len().max(1) * ROW_HEIGHT + 8;
    let words: Vec<String> = bars
        .iter()
        .map(|b| format!("{} {}", html(&b.label), b.value))
        .collect();
    let mut svg = svg_open(id, WIDTH, height, title, &words);
    for (i, b) in bars.iter().enumerate() {
        let y = i * ROW_HEIGHT + 4;
        let width = b.value * BAR_WIDTH / max;
        let text_y = y + ROW_HEIGHT / 2 + 5;
        svg.push_str(&format!(
            "<text x=\"{}\" y=\"{text_y}\" text-anchor=\"end\" class=\"label\">{}</text>\
<rect x=\"{LABEL_WIDTH}\" y=\"{}\" width=\"{width}\" height=\"{}\" class=\"bar\"/>\
<text x=\"{}\" y=\"{text_y}\" class=\"value\">{}</text>",
            LABEL_WIDTH - 8,
            html(&clip(&b.label, 40)),
            y + 3,
            ROW_HEIGHT - 8,
            LABEL_WIDTH + width + 6,
            b.value
        ));
    }
    svg.push_str("</svg>");
    let rows: String = bars
        .iter()
        .map(|b| {
            format!(
                "<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td></tr>",
                html(&b.label),
                b.value
            )
        })
        .collect();
    figure(id, &svg, title, columns, &rows)
}

/// The picture with its caption, and its numbers in a table beside it (`rows` are
/// escaped table rows).
fn figure(id: &str, svg: &str, title: &str, columns: (&str, &str), rows: &str) -> String {
    format!(
        "<figure class=\"chart-figure\" aria-labelledby=\"{id}-c\">{svg}<figcaption id=\"{id}-c\">{}</figcaption>\
<table class=\"numbers\"><thead><tr><th scope=\"col\">{}</th><th scope=\"col\" class=\"num\">{}</th></tr></thead><tbody>{rows}</tbody></table></figure>\n",
        html(title),
        html(columns.0),
        html(columns.1)
    )
}

/// The opening of a chart: a described image, its title and its text alternative (`words`
/// are escaped).
fn svg_open(id: &str, width: usize, height: usize, title: &str, words: &[String]) -> String {
    format!(
        "<svg class=\"chart\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\">\
<title id=\"{id}-t\">{}</title><desc id=\"{id}-d\">{}</desc>",
        html(title),
        words.join("; ")
    )
}

/// A label cut to `max` characters for the picture (the table keeps it whole).
fn clip(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_string(),
    }
}

const LINE_WIDTH: usize = 640;
const LINE_HEIGHT: usize = 220;
const MARGIN: usize = 40;

/// A line chart of one series over labelled steps (tertials), with the same numbers in a
/// table. A missing value leaves a gap in the line and «–» in the table.
/// `top`: the value at the top of the chart (100 for a share), else the largest value.
pub fn line(
    id: &str,
    title: &str,
    steps: &[String],
    values: &[Option<f64>],
    top: Option<f64>,
    columns: (&str, &str),
) -> String {
    let shown = |v: f64| {
        if v.fract() == 0.0 {
            format!("{v}")
        } else {
            format!("{v:.1}")
        }
    };
    let max = top
        .unwrap_or_else(|| values.iter().flatten().copied().fold(0.0_f64, f64::max))
        .max(1.0);
    let n = steps.len().max(1);
    let x = |i: usize| {
        if n == 1 {
            LINE_WIDTH / 2
        } else {
            MARGIN + i * (LINE_WIDTH - 2 * MARGIN) / (n - 1)
        }
    };
    let plot = (LINE_HEIGHT - 2 * MARGIN) as f64;
    let y = |v: f64| MARGIN as f64 + plot - v / max * plot;
    let words: Vec<String> = steps
        .iter()
        .zip(values)
        .map(|(s, v)| format!("{} {}", html(s), v.map_or("–".to_string(), shown)))
        .collect();
    let mut svg = svg_open(id, LINE_WIDTH, LINE_HEIGHT, title, &words);
    svg.push_str(&format!(
        "<line x1=\"{MARGIN}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" class=\"axis\"/>",
        LINE_HEIGHT - MARGIN,
        LINE_WIDTH - MARGIN,
        LINE_HEIGHT - MARGIN,
    ));
    // One polyline per unbroken run of values.
    let mut run: Vec<String> = Vec::new();
    let flush = |run: &mut Vec<String>, svg: &mut String| {
        if run.len() > 1 {
            svg.push_str(&format!(
                "<polyline points=\"{}\" class=\"trend\"/>",
                run.join(" ")
            ));
        }
        run.clear();
    };
    for (i, v) in values.iter().enumerate() {
        match v {
            Some(v) => run.push(format!("{},{:.1}", x(i), y(*v))),
            None => flush(&mut run, &mut svg),
        }
    }
    flush(&mut run, &mut svg);
    for (i, (step, v)) in steps.iter().zip(values).enumerate() {
        svg.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" class=\"label\">{}</text>",
            x(i),
            LINE_HEIGHT - MARGIN + 18,
            html(step)
        ));
        if let Some(v) = v {
            svg.push_str(&format!(
                "<circle cx=\"{}\" cy=\"{:.1}\" r=\"4\" class=\"dot\"/><text x=\"{}\" y=\"{:.1}\" text-anchor=\"middle\" class=\"value\">{}</text>",
                x(i),
                y(*v),
                x(i),
                y(*v) - 9.0,
                shown(*v)
            ));
        }
    }
    svg.push_str("</svg>");
    let rows: String = steps
        .iter()
        .zip(values)
        .map(|(s, v)| {
            format!(
                "<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td></tr>",
                html(s),
                v.map_or("–".to_string(), shown)
            )
        })
        .collect();
    figure(id, &svg, title, columns, &rows)
}
