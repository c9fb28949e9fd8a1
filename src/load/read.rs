//! The node tree → typed model. Every problem is recorded and reading goes on, so one run
//! reports every unknown key, wrong type and bad value in a file, each at its own place.

use super::shape::Shape;
use super::yaml::{Entry, Node, Value};
use crate::diagnostic::Diagnostic;
use crate::model::*;
use crate::suggest::did_you_mean;
use crate::text::{Text, shorten};

/// What a mapping is, for messages: (bokmål, English).
pub type What = (&'static str, &'static str);

pub struct Reader<'a> {
    pub file: FileId,
    pub display: &'a str,
    pub diags: Vec<Diagnostic>,
    /// Problems found after `MAX_PROBLEMS` were recorded: counted, not described, so a
    /// file with 200,000 unknown keys costs no more than one with a hundred.
    pub skipped: usize,
}

/// The longest id: ids are short names for references (the name goes in `navn`).
pub const MAX_ID_CHARS: usize = 100;

/// The most problems described for one file; the rest are counted.
pub const MAX_PROBLEMS: usize = 100;

/// The known keys of one mapping, with their entries, after unknown keys were reported.
pub struct Fields<'n> {
    entries: Vec<(&'static str, &'n Entry)>,
    pub spans: Spans,
}

impl<'n> Fields<'n> {
    pub fn get(&self, key: &str) -> Option<&'n Node> {
        self.entries
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, e)| &e.value)
            .filter(|n| n.value != Value::Null)
    }
}

/// `målverdi` is read as `maalverdi`: keys are ASCII-folded before they are matched.
fn fold_key(key: &str) -> std::borrow::Cow<'_, str> {
    if key.is_ascii() {
        return std::borrow::Cow::Borrowed(key);
    }
    let mut out = String::with_capacity(key.len());
    for c in key.chars() {
        match c {
            'æ' | 'Æ' => out.push_str("ae"),
            'ø' | 'Ø' => out.push('o'),
            'å' | 'Å' => out.push_str("aa"),
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// A scalar described for messages: «ja», a list, a mapping.
fn describe(node: &Node) -> (String, String) {
    match &node.value {
        Value::Null => ("en tom verdi".into(), "an empty value".into()),
        Value::Scalar { text, .. } => {
            let text = shorten(text);
            (format!("«{text}»"), format!("«{text}»"))
        }
        Value::Seq(_) => ("en liste".into(), "a list".into()),
        Value::Map(_) => ("en mapping".into(), "a mapping".into()),
    }
}

/// Hints for values people write that no edit distance catches.
fn common_mistake(key: &str, text: &str) -> Option<Text> {
    let t = text.trim().to_lowercase();
    match key {
        "drift" if matches!(t.as_str(), "sky" | "skyen" | "cloud" | "skytjeneste") => {
            Some(Text::new(
                "Oppgi hvilken skydrift: saas, paas, iaas, privat_sky eller fellessky",
                "Say which kind of cloud: saas, paas, iaas, privat_sky or fellessky",
            ))
        }
        "drift"
            if matches!(
                t.as_str(),
                "lokal" | "lokalt" | "on-prem" | "on_prem" | "intern"
            ) =>
        {
            Some(Text::new(
                "Mente du `egen_drift`?",
                "Did you mean `egen_drift`?",
            ))
        }
        "grunner" if matches!(t.as_str(), "pris" | "penger" | "okonomi" | "økonomi") => {
            Some(Text::new("Mente du `kostnad`?", "Did you mean `kostnad`?"))
        }
        "grunner" if matches!(t.as_str(), "lov" | "lovkrav" | "gdpr") => Some(Text::new(
            "Mente du `juridisk`?",
            "Did you mean `juridisk`?",
        )),
        _ => None,
    }
}

impl<'a> Reader<'a> {
    pub fn new(file: FileId, display: &'a str) -> Self {
        Reader {
            file,
            display,
            diags: Vec::new(),
            skipped: 0,
        }
    }

    pub fn pos(&self, line: u32, column: u32) -> Pos {
        Pos {
            file: self.file,
            line,
            column,
        }
    }

    /// True once `MAX_PROBLEMS` are recorded: further problems are only counted.
    pub fn full(&self) -> bool {
        self.diags.len() >= MAX_PROBLEMS
    }

    pub fn error(&mut self, line: u32, column: u32, message: Text, hint: Option<Text>) {
        if self.full() {
            self.skipped += 1;
            return;
        }
        let mut d = Diagnostic::error(self.display, line, column, message);
        d.hint = hint.map(Text::cut_quoted);
        self.diags.push(d);
    }

    fn wrong_type(&mut self, node: &Node, key: &str, nb: &str, en: &str, hint: Option<Text>) {
        let (found_nb, found_en) = describe(node);
        self.error(
            node.line,
            node.column,
            Text::new(
                format!("Feil type for `{key}`: ventet {nb}, fant {found_nb}"),
                format!("Wrong type for `{key}`: expected {en}, found {found_en}"),
            ),
            hint,
        );
    }

    /// Reads a mapping of the given shape, reporting every key the shape does not have (with a
    /// suggestion).
    pub fn map<'n>(&mut self, node: &'n Node, key: &str, shape: &Shape) -> Option<Fields<'n>> {
        let what = shape.what;
        let Value::Map(entries) = &node.value else {
            let hint = Text::new(
                format!(
                    "Skriv feltene på egne linjer med innrykk under `{key}:`, eller som {{ felt: verdi }}"
                ),
                format!(
                    "Write the keys on their own indented lines under `{key}:`, or as {{ key: value }}"
                ),
            );
            self.wrong_type(
                node,
                key,
                &format!("felt under `{key}:` ({})", what.0),
                &format!("keys under `{key}:` ({})", what.1),
                Some(hint),
            );
            return None;
        };
        let mut fields = Fields {
            entries: Vec::new(),
            spans: Spans::new(self.pos(node.line, node.column)),
        };
        for entry in entries {
            let folded = fold_key(&entry.key);
            match shape.keys().find(|k| *k == folded) {
                // `utloper` and `utløper` are one key: the second is reported, the first kept.
                Some(known) if fields.entries.iter().any(|(k, _)| *k == known) => {
                    let first = fields
                        .entries
                        .iter()
                        .find(|(k, _)| *k == known)
                        .map_or(0, |(_, e)| e.line);
                    self.error(
                        entry.line,
                        entry.column,
                        Text::new(
                            format!(
                                "`{}` er det samme feltet som `{known}` på linje {first}",
                                entry.key
                            ),
                            format!(
                                "`{}` is the same key as `{known}` on line {first}",
                                entry.key
                            ),
                        ),
                        Some(Text::new(
                            "Fjern eller slå sammen den ene",
                            "Remove or merge one of them",
                        )),
                    );
                }
                Some(known) => {
                    fields.entries.push((known, entry));
                    fields
                        .spans
                        .add_key(known, self.pos(entry.line, entry.column));
                }
                None if self.full() => self.skipped += 1,
                None => {
                    let list = shape.keys().collect::<Vec<_>>().join(", ");
                    let hint = match did_you_mean(&folded, shape.keys()) {
                        Some(near) => Text::new(
                            format!("Mente du `{near}`? Tillatte felt i {}: {list}", what.0),
                            format!("Did you mean `{near}`? Allowed keys in {}: {list}", what.1),
                        ),
                        None => Text::new(
                            format!("Tillatte felt i {}: {list}", what.0),
                            format!("Allowed keys in {}: {list}", what.1),
                        ),
                    };
                    self.error(
                        entry.line,
                        entry.column,
                        Text::new(
                            format!("Ukjent felt `{}` i {}", shorten(&entry.key), what.0),
                            format!("Unknown key `{}` in {}", shorten(&entry.key), what.1),
                        ),
                        Some(hint),
                    );
                }
            }
        }
        Some(fields)
    }

    /// A required text field; reports it when missing.
    pub fn required(&mut self, f: &Fields, key: &'static str, what: What) -> Option<String> {
        let value = self.text(f, key);
        if value.is_none() {
            let at = f.spans.key(key);
            self.error(
                at.line,
                at.column,
                Text::new(
                    format!("`{key}` mangler i {}", what.0),
                    format!("`{key}` is missing in {}", what.1),
                ),
                Some(Text::new(
                    format!("Feltet `{key}` er påkrevd i {}", what.0),
                    format!("The key `{key}` is required in {}", what.1),
                )),
            );
        }
        value
    }

    /// Free text. Numbers and booleans written plain are read as their text (`ref: 2023`).
    pub fn text(&mut self, f: &Fields, key: &str) -> Option<String> {
        let node = f.get(key)?;
        match &node.value {
            Value::Scalar { text, .. } => Some(text.clone()),
            _ => {
                self.wrong_type(node, key, "tekst", "text", None);
                None
            }
        }
    }

    /// Text that names an id (`gjelder`, `mot`, `system`, `regel`): no id is longer than
    /// `MAX_ID_CHARS`, so a longer one is an error, not a name to repeat in every message.
    pub fn reference(&mut self, f: &Fields, key: &str) -> Option<String> {
        self.text(f, key)
            .filter(|text| self.names_an_id(f, key, text))
    }

    /// Whether `text`, the value of `key`, could name an id: no longer than an id may be,
    /// and without control or direction characters; reported if not.
    pub fn names_an_id(&mut self, f: &Fields, key: &str, text: &str) -> bool {
        let chars = text.chars().count();
        let at = f.spans.key(key);
        if text.chars().any(crate::text::is_hidden) {
            self.error(
                at.line,
                at.column,
                Text::new(
                    format!("`{key}` har kontroll- eller retningstegn: den skal nevne en id"),
                    format!("`{key}` holds control or direction characters: it names an id"),
                ),
                None,
            );
            return false;
        }
        if chars <= MAX_ID_CHARS {
            return true;
        }
        self.error(
            at.line,
            at.column,
            Text::new(
                format!("`{key}` er for lang ({chars} tegn): den skal nevne en id, og en id har høyst {MAX_ID_CHARS} tegn"),
                format!("`{key}` is too long ({chars} characters): it names an id, and an id has at most {MAX_ID_CHARS}"),
            ),
            None,
        );
        false
    }

    pub fn boolean(&mut self, f: &Fields, key: &str) -> Option<bool> {
        let node = f.get(key)?;
        match &node.value {
            Value::Scalar { text, plain: true }
                if matches!(text.as_str(), "true" | "True" | "TRUE") =>
            {
                Some(true)
            }
            Value::Scalar { text, plain: true }
                if matches!(text.as_str(), "false" | "False" | "FALSE") =>
            {
                Some(false)
            }
            _ => {
                let hint = Text::new(
                    "Skriv true eller false (ikke ja/nei)",
                    "Write true or false",
                );
                self.wrong_type(node, key, "true eller false", "true or false", Some(hint));
                None
            }
        }
    }

    /// A whole number of at least zero (kroner, years).
    pub fn whole(&mut self, f: &Fields, key: &str) -> Option<u64> {
        let node = f.get(key)?;
        if let Value::Scalar { text, plain: true } = &node.value {
            if let Ok(n) = text.replace('_', "").parse::<u64>() {
                return Some(n);
            }
        }
        let hint = Text::new(
            "Skriv tallet uten mellomrom og anførselstegn, f.eks. 4200000",
            "Write the number without spaces or quotes, e.g. 4200000",
        );
        self.wrong_type(
            node,
            key,
            "et heltall ≥ 0",
            "a whole number ≥ 0",
            Some(hint),
        );
        None
    }

    pub fn number(&mut self, f: &Fields, key: &str) -> Option<f64> {
        let node = f.get(key)?;
        if let Value::Scalar { text, plain: true } = &node.value {
            if let Ok(n) = text.replace('_', "").parse::<f64>() {
                if n.is_finite() {
                    return Some(n);
                }
            }
        }
        let quoted = matches!(&node.value, Value::Scalar { text, plain: false } if text.trim().parse::<f64>().is_ok());
        let hint = quoted.then(|| {
            Text::new(
                "Skriv tallet uten anførselstegn",
                "Write the number without quotes",
            )
        });
        self.wrong_type(node, key, "et tall", "a number", hint);
        None
    }

    pub fn date(&mut self, f: &Fields, key: &str) -> Option<Date> {
        let node = f.get(key)?;
        if let Value::Scalar { text, .. } = &node.value {
            if let Some(date) = Date::parse_partial(text.trim()) {
                return Some(date);
            }
        }
        let hint = Text::new(
            "Skriv datoen som ÅÅÅÅ-MM-DD, f.eks. 2026-01-31, eller ÅÅÅÅ-MM eller ÅÅÅÅ når bare måneden eller året er kjent",
            "Write the date as YYYY-MM-DD, e.g. 2026-01-31, or YYYY-MM or YYYY when only the month or the year is known",
        );
        // Right shape, but no such day (2026-02-30): say so rather than "wrong type".
        if let Value::Scalar { text, .. } = &node.value {
            let t = text.trim();
            let shaped = t.len() == 10
                && t.bytes().enumerate().all(|(i, b)| {
                    if i == 4 || i == 7 {
                        b == b'-'
                    } else {
                        b.is_ascii_digit()
                    }
                });
            if shaped {
                // Ten characters: short enough to repeat whole.
                self.error(
                    node.line,
                    node.column,
                    Text::new(
                        format!("«{t}» i `{key}` er ikke en dato som finnes"),
                        format!("«{t}» in `{key}` is not a date that exists"),
                    ),
                    Some(Text::new(
                        "Sjekk måned og dag",
                        "Check the month and the day",
                    )),
                );
                return None;
            }
        }
        self.wrong_type(
            node,
            key,
            "en dato (ÅÅÅÅ-MM-DD)",
            "a date (YYYY-MM-DD)",
            Some(hint),
        );
        None
    }

    /// A value from a closed list; an unknown one names what is allowed and the nearest.
    pub fn choice<T: Copy>(
        &mut self,
        f: &Fields,
        key: &str,
        names: &'static [&'static str],
        from: fn(&str) -> Option<T>,
    ) -> Option<T> {
        let node = f.get(key)?;
        self.choice_node(node, key, names, from)
    }

    fn choice_node<T>(
        &mut self,
        node: &Node,
        key: &str,
        names: &'static [&'static str],
        from: fn(&str) -> Option<T>,
    ) -> Option<T> {
        let Value::Scalar { text, .. } = &node.value else {
            self.wrong_type(
                node,
                key,
                &format!("én av {}", names.join(", ")),
                &format!("one of {}", names.join(", ")),
                None,
            );
            return None;
        };
        if let Some(v) = from(text) {
            return Some(v);
        }
        let allowed = names.join(", ");
        let shown = shorten(text);
        let hint = did_you_mean(text, names.iter().copied())
            .map(|near| {
                Text::new(
                    format!("Mente du `{near}`?"),
                    format!("Did you mean `{near}`?"),
                )
            })
            .or_else(|| common_mistake(key, text));
        self.error(
            node.line,
            node.column,
            Text::new(
                format!("Ugyldig verdi «{shown}» for `{key}`; tillatt: {allowed}"),
                format!("Invalid value «{shown}» for `{key}`; allowed: {allowed}"),
            ),
            hint,
        );
        None
    }

    /// A list of values from a closed list.
    pub fn choices<T: Copy>(
        &mut self,
        f: &Fields,
        key: &str,
        names: &'static [&'static str],
        from: fn(&str) -> Option<T>,
    ) -> Vec<T> {
        let items = self.seq(f, key);
        items
            .iter()
            .filter_map(|node| self.choice_node(node, key, names, from))
            .collect()
    }

    /// The items of a list field (empty when absent).
    pub fn seq<'n>(&mut self, f: &Fields<'n>, key: &str) -> &'n [Node] {
        let Some(node) = f.get(key) else { return &[] };
        match &node.value {
            Value::Seq(items) => items,
            _ => {
                let hint = Text::new(
                    format!("Skriv en liste: `{key}: [a, b]` eller én `- verdi` per linje"),
                    format!("Write a list: `{key}: [a, b]` or one `- value` per line"),
                );
                self.wrong_type(node, key, "en liste", "a list", Some(hint));
                &[]
            }
        }
    }

    /// A list of names, each keeping its place.
    pub fn names(&mut self, f: &Fields, key: &str) -> Names {
        let items = self.seq(f, key);
        let mut names = Names::default();
        for node in items {
            match &node.value {
                Value::Scalar { text, .. } => names
                    .0
                    .push((text.clone(), self.pos(node.line, node.column))),
                _ => self.wrong_type(node, key, "et navn", "a name", None),
            }
        }
        names
    }

    /// A list of mappings, each read by `read`.
    pub fn list<T>(
        &mut self,
        f: &Fields,
        key: &str,
        mut read: impl FnMut(&mut Self, &Node) -> Option<T>,
    ) -> Vec<T> {
        let items = self.seq(f, key);
        items.iter().filter_map(|node| read(self, node)).collect()
    }

    /// An optional nested mapping read by `read`.
    pub fn nested<T>(
        &mut self,
        f: &Fields,
        key: &str,
        read: impl FnOnce(&mut Self, &Node) -> Option<T>,
    ) -> Option<T> {
        let node = f.get(key)?;
        // `dpia: {}` documents nothing: it counts as absent, like an empty text.
        if matches!(&node.value, Value::Map(entries) if entries.is_empty()) {
            return None;
        }
        read(self, node)
    }
}
