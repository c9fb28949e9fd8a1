//! What an import writes: a YAML document in prinsipp's format, built as an ordered tree
//! and rendered the one way the docs write it (keys in the order datamodell.md lists them,
//! free text always quoted, so no value can turn into YAML structure).

use crate::model::Date;

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Free text: always written quoted.
    Text(String),
    /// A word from the format's own vocabulary (an id, an enum value): written plain.
    Word(String),
    Number(f64),
    Bool(bool),
    Date(Date),
    /// A list of words or texts, written on one line.
    List(Vec<Value>),
    /// A list of mappings, one item per line block.
    Items(Vec<Doc>),
    Map(Doc),
}

/// An ordered mapping.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Doc {
    pub entries: Vec<(String, Value)>,
}

impl Doc {
    pub fn set(&mut self, key: &str, value: Value) {
        match self.entries.iter_mut().find(|(k, _)| k == key) {
            Some((_, v)) => *v = value,
            None => self.entries.push((key.to_string(), value)),
        }
    }

    pub fn get(&self, key: &str) -> Option<&Value> {
        self.entries.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    pub fn remove(&mut self, key: &str) -> Option<Value> {
        let at = self.entries.iter().position(|(k, _)| k == key)?;
        Some(self.entries.remove(at).1)
    }

    /// Sets `a.b.c`, making the mappings on the way.
    pub fn set_path(&mut self, path: &str, value: Value) {
        match path.split_once('.') {
            None => self.set(path, value),
            Some((head, rest)) => {
                if !matches!(self.get(head), Some(Value::Map(_))) {
                    self.set(head, Value::Map(Doc::default()));
                }
                if let Some((_, Value::Map(inner))) =
                    self.entries.iter_mut().find(|(k, _)| k == head)
                {
                    inner.set_path(rest, value);
                }
            }
        }
    }

    /// Orders the keys as `order` lists them (nested mappings by `order_of` their key);
    /// keys not listed keep their place after the listed ones.
    pub fn sort_by(&mut self, order: &[&str]) {
        let rank = |k: &str| order.iter().position(|o| *o == k).unwrap_or(order.len());
        self.entries.sort_by_key(|(k, _)| rank(k));
    }

    /// The document as YAML, at `indent` spaces.
    pub fn render(&self, indent: usize) -> String {
        let mut out = String::new();
        render_map(self, indent, &mut out);
        out
    }
}

fn render_map(doc: &Doc, indent: usize, out: &mut String) {
    let pad = " ".repeat(indent);
    for (key, value) in &doc.entries {
        match value {
            Value::Map(inner) if !inner.entries.is_empty() => {
                out.push_str(&format!("{pad}{key}:\n"));
                render_map(inner, indent + 2, out);
            }
            Value::Items(items) if !items.is_empty() => {
                out.push_str(&format!("{pad}{key}:\n"));
                for item in items {
                    let body = item.render(indent + 4);
                    // The first key goes after the dash.
                    let body = body.strip_prefix(&" ".repeat(indent + 4)).unwrap_or(&body);
                    out.push_str(&format!("{pad}  - {body}"));
                }
            }
            other => out.push_str(&format!("{pad}{key}: {}\n", scalar(other))),
        }
    }
}

fn scalar(value: &Value) -> String {
    match value {
        Value::Text(t) => quoted(t),
        // A word YAML would read as something else (an id «null», «true» or «2024») is
        // quoted, so that it reads back as the text it is.
        Value::Word(w)
            if w.is_empty()
                || w.parse::<f64>().is_ok()
                || matches!(
                    w.to_ascii_lowercase().as_str(),
                    "~" | "null" | "true" | "false" | "yes" | "no" | "on" | "off"
                ) =>
        {
            quoted(w)
        }
        Value::Word(w) => w.clone(),
        Value::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
        Value::Number(n) => format!("{n}"),
        Value::Bool(b) => b.to_string(),
        Value::Date(d) => d.to_string(),
        Value::List(items) => {
            let items: Vec<String> = items.iter().map(scalar).collect();
            format!("[{}]", items.join(", "))
        }
        Value::Items(_) => "[]".to_string(),
        Value::Map(_) => "{}".to_string(),
    }
}

/// A file an import wrote, read back as a document (to add to it): quoted scalars are
/// text, plain ones dates, booleans, numbers or words, as `render` writes them.
pub fn from_yaml(node: &crate::load::Node) -> Option<Doc> {
    match value_from_yaml(node)? {
        Value::Map(doc) => Some(doc),
        _ => None,
    }
}

fn value_from_yaml(node: &crate::load::Node) -> Option<Value> {
    use crate::load::YamlValue;
    Some(match &node.value {
        YamlValue::Null => return None,
        YamlValue::Scalar { text, plain: false } => Value::Text(text.clone()),
        YamlValue::Scalar { text, plain: true } => {
            if let Some(date) = Date::parse(text) {
                Value::Date(date)
            } else if text == "true" || text == "false" {
                Value::Bool(text == "true")
            } else if let Some(n) = text.parse::<f64>().ok().filter(|n| n.is_finite()) {
                Value::Number(n)
            } else {
                Value::Word(text.clone())
            }
        }
        YamlValue::Seq(items)
            if items.iter().all(|i| matches!(i.value, YamlValue::Map(_))) && !items.is_empty() =>
        {
            Value::Items(items.iter().filter_map(from_yaml).collect())
        }
        YamlValue::Seq(items) => Value::List(items.iter().filter_map(value_from_yaml).collect()),
        YamlValue::Map(entries) => Value::Map(Doc {
            entries: entries
                .iter()
                .filter_map(|e| Some((e.key.clone(), value_from_yaml(&e.value)?)))
                .collect(),
        }),
    })
}

/// A YAML double-quoted string: `"` and `\` escaped, every control character, line break
/// and hidden character as an escape, so the value reads back exactly and stays on one line.
pub fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if crate::text::is_hidden(c) || c == '\u{feff}' => {
                out.push_str(&format!("\\u{:04X}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_in_the_docs_style() {
        let mut doc = Doc::default();
        doc.set("id", Value::Word("elements".into()));
        doc.set("navn", Value::Text("Elements: sak/arkiv \"ny\"".into()));
        doc.set_path(
            "avtale.utloper",
            Value::Date(Date::new(2027, 1, 15).unwrap()),
        );
        doc.set(
            "kapabiliteter",
            Value::List(vec![
                Value::Word("saksbehandling".into()),
                Value::Word("arkiv".into()),
            ]),
        );
        let mut integration = Doc::default();
        integration.set("mot", Value::Word("folkeregisteret".into()));
        doc.set("integrasjoner", Value::Items(vec![integration]));
        doc.set("budsjett_nok", Value::Number(4_200_000.0));
        assert_eq!(
            doc.render(0),
            "id: elements\nnavn: \"Elements: sak/arkiv \\\"ny\\\"\"\navtale:\n  utloper: 2027-01-15\nkapabiliteter: [saksbehandling, arkiv]\nintegrasjoner:\n  - mot: folkeregisteret\nbudsjett_nok: 4200000\n"
        );
    }

    #[test]
    fn a_rendered_document_reads_back_the_same() {
        let mut doc = Doc::default();
        doc.set("id", Value::Word("a".into()));
        doc.set("navn", Value::Text("1990".into()));
        doc.set("budsjett_nok", Value::Number(4_200_000.0));
        doc.set("kjernesystem", Value::Bool(true));
        doc.set_path("ros.dato", Value::Date(Date::new(2025, 3, 1).unwrap()));
        doc.set(
            "kapabiliteter",
            Value::List(vec![Value::Word("arkiv".into())]),
        );
        let mut item = Doc::default();
        item.set("mot", Value::Word("b".into()));
        doc.set("integrasjoner", Value::Items(vec![item]));
        let text = doc.render(0);
        let back = from_yaml(&crate::load::parse_yaml(&text).unwrap()).unwrap();
        assert_eq!(back, doc);
        assert_eq!(back.render(0), text);
    }

    #[test]
    fn a_word_yaml_would_misread_is_quoted() {
        for (word, written) in [
            ("null", "\"null\""),
            ("True", "\"True\""),
            ("2024", "\"2024\""),
            ("1e3", "\"1e3\""),
            ("saas", "saas"),
            ("null-2", "null-2"),
        ] {
            assert_eq!(scalar(&Value::Word(word.into())), written);
        }
    }

    #[test]
    fn text_stays_one_line_and_reads_back() {
        assert_eq!(quoted("a\nb\u{202e}\\"), "\"a\\nb\\u202E\\\\\"");
    }
}
