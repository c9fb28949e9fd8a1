//! One escaping policy per output format, applied to every string that came from the
//! input: names, ids, free text, values from a baseline, and file names.
//!
//! What a person reads (the table, diagnostics, annotations, the pull-request comment,
//! test reports, SARIF and GitLab messages) never carries a control character or a
//! bidirectional override: such a character could rewrite a terminal line, start a CI
//! workflow command, or make a name read differently than it is ("Trojan Source"). They
//! become U+FFFD, visibly. Machine-read JSON keeps every value exact, with those characters
//! written as `\u` escapes so that the file itself shows nothing hidden.

use crate::text::is_hidden;

/// User text on one line, for a person: line breaks and tabs become spaces, anything else
/// hidden becomes U+FFFD.
pub fn line(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\n' | '\r' | '\t' => ' ',
            c if is_hidden(c) => '\u{fffd}',
            c => c,
        })
        .collect()
}

/// Text of several lines that may hold user text (explain's prose for a kommune's own
/// rule): line breaks are kept, anything else hidden becomes U+FFFD, and a line that
/// would start with `::` (after spaces: a CI runner trims them) gets U+FFFD before it, so
/// no line can be read as a workflow command.
pub fn lines(text: &str) -> String {
    let visible: String = text
        .chars()
        .map(|c| match c {
            '\n' => c,
            c if is_hidden(c) => '\u{fffd}',
            c => c,
        })
        .collect();
    let guarded: Vec<String> = visible
        .split('\n')
        .map(|line| {
            let indent = line.len() - line.trim_start().len();
            if line.trim_start().starts_with("::") {
                format!("{}\u{fffd}{}", &line[..indent], &line[indent..])
            } else {
                line.to_string()
            }
        })
        .collect();
    guarded.join("\n")
}

/// User text in a markdown table cell: one line, `|` escaped, HTML inert, no markdown
/// (links, emphasis, mentions) and nothing hidden, whatever a system is named.
pub fn markdown_cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in line(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '@' => out.push_str("&#64;"),
            '|' | '\\' | '*' | '_' | '[' | ']' | '`' | '~' | '#' | '!' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// User text in HTML content or a quoted attribute value: one line, nothing hidden, and the
/// five characters that could end a text or an attribute escaped; inline SVG is parsed by
/// the same rules.
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in line(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A file path in a markdown code span: one line, nothing hidden, no backtick to end the
/// span, `|` escaped (GitHub's tables split on it even inside code).
pub fn markdown_code(text: &str) -> String {
    format!("`{}`", line(text).replace('`', "'").replace('|', "\\|"))
}

/// Text for XML content and attributes: the five entities escaped; line breaks and tabs
/// as character references, so the file has no line that user text begins; anything
/// else hidden, or not allowed in XML, becomes U+FFFD.
pub fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c if is_hidden(c) || c == '\u{fffe}' || c == '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// Data after `::` in a GitHub workflow command: `%`, CR and LF escaped as the runner
/// expects; anything else hidden becomes U+FFFD.
pub fn workflow_data(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c if is_hidden(c) => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// A workflow command property (file, title): as data, and `:` and `,` escaped too.
pub fn workflow_property(text: &str) -> String {
    workflow_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// A relative file path as a URI reference (SARIF's `artifactLocation.uri`): every byte
/// but the unreserved characters and `/` percent-encoded, so spaces, `#`, `?`, `:`,
/// non-ASCII letters and anything hidden are all unambiguous.
pub fn uri_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(byte as char)
            }
            b => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// A TOML basic string on one line: `"` and `\` escaped, line breaks and tabs as `\n`,
/// `\r`, `\t`, and anything else hidden as `\uXXXX`. The value reads back the same, and no
/// line of the file is user text.
pub fn toml_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if is_hidden(c) => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Serialised JSON with every hidden character that serde_json writes raw (DEL, C1
/// controls, bidi controls, line separators) as a `\u` escape: the values are the same,
/// and the file shows nothing hidden in a terminal or an editor. Such characters only
/// occur inside JSON strings, where the escape is valid.
pub fn json_inert(json: String) -> String {
    if !json.chars().any(is_hidden) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        // serde_json has already escaped the C0 controls; line breaks here are its own.
        if is_hidden(c) && !matches!(c, '\n' | '\r' | '\t') {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_cells_cannot_break_the_table_or_inject_html() {
        assert_eq!(markdown_cell("a|b\nc<script>"), "a\\|b c&lt;script&gt;");
        assert_eq!(
            markdown_cell("[lenke](x) **fet** @alle \u{1b}\u{202e}"),
            "\\[lenke\\](x) \\*\\*fet\\*\\* &#64;alle \u{fffd}\u{fffd}"
        );
        assert_eq!(markdown_code("x`y|z\nw"), "`x'y\\|z w`");
    }

    #[test]
    fn xml_text_has_no_raw_line_break() {
        assert_eq!(
            xml("<a href=\"x\">&'\u{1b}\n::error"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&apos;\u{fffd}&#10;::error"
        );
    }

    #[test]
    fn workflow_commands_are_escaped() {
        assert_eq!(
            workflow_data("100% ferdig\r\n::set-output\u{8}\u{7f}\u{202e}"),
            "100%25 ferdig%0D%0A::set-output\u{fffd}\u{fffd}\u{fffd}"
        );
        assert_eq!(workflow_property("a:b,c%"), "a%3Ab%2Cc%25");
    }

    #[test]
    fn uris_are_percent_encoded() {
        assert_eq!(
            uri_path("kommune/systemer/økonomi 1#?.yaml"),
            "kommune/systemer/%C3%B8konomi%201%23%3F.yaml"
        );
        assert_eq!(uri_path("c:x.yaml"), "c%3Ax.yaml");
    }

    #[test]
    fn json_keeps_values_and_hides_nothing() {
        let text = serde_json::to_string(&"a\u{202e}b\u{7f}\u{85}").unwrap();
        let inert = json_inert(text);
        assert_eq!(inert, "\"a\\u202eb\\u007f\\u0085\"");
        let back: String = serde_json::from_str(&inert).unwrap();
        assert_eq!(back, "a\u{202e}b\u{7f}\u{85}");
    }

    #[test]
    fn terminal_text_is_one_line_and_visible() {
        assert_eq!(line("a\nb\r\u{1b}[2J\u{202e}"), "a b \u{fffd}[2J\u{fffd}");
        assert_eq!(lines("a\nb\u{9b}"), "a\nb\u{fffd}");
        assert_eq!(
            lines("tekst\n  ::error::x\n::warning a"),
            "tekst\n  \u{fffd}::error::x\n\u{fffd}::warning a"
        );
    }

    #[test]
    fn toml_strings_are_one_line_and_read_back_the_same() {
        let value = "a\"b\\c\n::error::x\t\u{202e}\u{1b}";
        let text = format!("v = {}", toml_string(value));
        assert_eq!(text.lines().count(), 1);
        assert!(!text.contains('\u{202e}'));
        let table: toml::Table = toml::from_str(&text).unwrap();
        assert_eq!(table["v"].as_str(), Some(value));
    }
}
