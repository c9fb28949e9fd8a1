//! YAML text → a small tree of nodes that remember their line and column.
//!
//! Why not serde: serde stops at the first error in a file and gives no positions for values.
//! Reading into this tree first lets the typed reader (read.rs) report every problem in a
//! file, each at its own line:column, and lets every entity keep the places of its keys for
//! findings. The tree also enforces the limits that keep hostile input cheap: nesting depth,
//! alias expansion (billion laughs, in nodes and in bytes), duplicate keys, one document per
//! file, and no tags (`!!binary`, `!!python/…`: the format has plain values only).

use saphyr_parser::{Event, Parser, ScalarStyle, Span};
use std::collections::HashMap;

/// Deeper nesting than any portfolio needs; guards the reader's recursion.
pub const MAX_DEPTH: usize = 64;
/// What aliases may add to the tree, in bytes of memory: this many times the file's size
/// (at least `MIN_ALIAS_BYTES`), so an alias bomb, of many nodes or of one long string
/// repeated, is refused after a bounded amount of work and memory.
const ALIAS_BYTES_PER_FILE_BYTE: usize = 4;
const MIN_ALIAS_BYTES: usize = 1 << 20;
/// What one node costs beyond its text, roughly (`Node`, `Entry`, their vectors).
const NODE_BYTES: usize = 64;

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub line: u32,
    pub column: u32,
    pub value: Value,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    /// The text of a scalar; `plain` is false for quoted and block scalars, which are always text.
    Scalar {
        text: String,
        plain: bool,
    },
    Seq(Vec<Node>),
    Map(Vec<Entry>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub key: String,
    pub line: u32,
    pub column: u32,
    pub value: Node,
}

/// Why a text is not a readable YAML document.
#[derive(Debug, Clone, PartialEq)]
pub struct YamlError {
    pub line: u32,
    pub column: u32,
    pub kind: YamlErrorKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum YamlErrorKind {
    /// The parser's own message (English, from saphyr-parser).
    Syntax(String),
    TooDeep,
    AliasBudget,
    UnknownAlias,
    ComplexKey,
    DuplicateKey {
        key: String,
        first_line: u32,
    },
    SeveralDocuments,
    /// An explicit tag (`!!binary`, `!custom`), as written.
    Tag(String),
}

enum Frame {
    Seq {
        node: Node,
        anchor: usize,
        /// What the node weighs so far (see `NODE_BYTES`), to price its aliases.
        bytes: usize,
    },
    Map {
        node: Node,
        anchor: usize,
        bytes: usize,
        key: Option<(String, u32, u32)>,
        /// Keys so far and their lines: finding a repeated key stays O(1) per key.
        seen: HashMap<String, u32, foldhash::fast::RandomState>,
    },
}

/// A parsed document and the problems that did not stop the parse (duplicate keys: the
/// first is kept, so the rest of the file can still be read and checked).
#[derive(Debug, Default)]
pub struct Parsed {
    /// `None` for a file with no document at all (empty or only comments).
    pub root: Option<Node>,
    pub problems: Vec<YamlError>,
}

/// Parses one document.
pub fn parse(text: &str) -> Result<Parsed, YamlError> {
    let mut problems = Vec::new();
    let mut stack: Vec<Frame> = Vec::new();
    // Each anchor's node and what it weighs in bytes.
    let mut anchors: HashMap<usize, (Node, usize)> = HashMap::new();
    let mut root: Option<Node> = None;
    let mut documents = 0;
    let mut alias_bytes = 0usize;
    let alias_budget = MIN_ALIAS_BYTES.max(text.len().saturating_mul(ALIAS_BYTES_PER_FILE_BYTE));

    for event in Parser::new_from_str(text) {
        let (event, span) = event.map_err(|e| YamlError {
            line: e.marker().line() as u32,
            column: e.marker().col() as u32 + 1,
            // The parser has its own limit for nested flow collections ([[[…]]]).
            kind: if e.info().contains("recursion limit") {
                YamlErrorKind::TooDeep
            } else {
                YamlErrorKind::Syntax(e.info().to_string())
            },
        })?;
        let (line, column) = start_of(&span);
        let at = |kind| YamlError { line, column, kind };
        let (node, anchor, bytes) = match event {
            Event::DocumentStart(_) => {
                documents += 1;
                if documents > 1 {
                    return Err(at(YamlErrorKind::SeveralDocuments));
                }
                continue;
            }
            Event::SequenceStart(_, Some(tag))
            | Event::MappingStart(_, Some(tag))
            | Event::Scalar(_, _, _, Some(tag)) => {
                return Err(at(YamlErrorKind::Tag(tag_as_written(&tag))));
            }
            Event::SequenceStart(anchor, None) | Event::MappingStart(anchor, None) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(at(YamlErrorKind::TooDeep));
                }
                let is_map = matches!(event, Event::MappingStart(..));
                if let Some(Frame::Map { key: None, .. }) = stack.last() {
                    return Err(at(YamlErrorKind::ComplexKey));
                }
                stack.push(if is_map {
                    Frame::Map {
                        node: Node {
                            line,
                            column,
                            value: Value::Map(Vec::new()),
                        },
                        anchor,
                        bytes: NODE_BYTES,
                        key: None,
                        seen: HashMap::default(),
                    }
                } else {
                    Frame::Seq {
                        node: Node {
                            line,
                            column,
                            value: Value::Seq(Vec::new()),
                        },
                        anchor,
                        bytes: NODE_BYTES,
                    }
                });
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => match stack.pop() {
                Some(
                    Frame::Seq {
                        node,
                        anchor,
                        bytes,
                    }
                    | Frame::Map {
                        node,
                        anchor,
                        bytes,
                        ..
                    },
                ) => (node, anchor, bytes),
                None => continue,
            },
            Event::Scalar(text, style, anchor, None) => {
                let bytes = NODE_BYTES + text.len();
                let plain = style == ScalarStyle::Plain;
                let value = if plain && matches!(&*text, "" | "~" | "null" | "Null" | "NULL") {
                    Value::Null
                } else {
                    Value::Scalar {
                        text: text.into_owned(),
                        plain,
                    }
                };
                (
                    Node {
                        line,
                        column,
                        value,
                    },
                    anchor,
                    bytes,
                )
            }
            Event::Alias(id) => {
                let (node, bytes) = anchors
                    .get(&id)
                    .ok_or_else(|| at(YamlErrorKind::UnknownAlias))?;
                // Priced before the copy is made: a refused alias costs nothing.
                alias_bytes = alias_bytes.saturating_add(*bytes);
                if alias_bytes > alias_budget {
                    return Err(at(YamlErrorKind::AliasBudget));
                }
                let mut node = node.clone();
                node.line = line;
                node.column = column;
                (node, 0, *bytes)
            }
            _ => continue,
        };
        if anchor != 0 {
            // The anchor keeps a copy of its node: that copy weighs on the budget too
            // (anchors nested in anchors would otherwise copy the same text many times).
            alias_bytes = alias_bytes.saturating_add(bytes);
            if alias_bytes > alias_budget {
                return Err(YamlError {
                    line: node.line,
                    column: node.column,
                    kind: YamlErrorKind::AliasBudget,
                });
            }
            anchors.insert(anchor, (node.clone(), bytes));
        }
        match stack.last_mut() {
            None => root = Some(node),
            Some(Frame::Seq {
                node: parent,
                bytes: parent_bytes,
                ..
            }) => {
                *parent_bytes = parent_bytes.saturating_add(bytes);
                if let Value::Seq(items) = &mut parent.value {
                    items.push(node);
                }
            }
            Some(Frame::Map {
                node: parent,
                bytes: parent_bytes,
                key: pending,
                seen,
                ..
            }) => {
                // Keys and values both weigh on the mapping.
                *parent_bytes = parent_bytes.saturating_add(bytes);
                match pending.take() {
                    None => {
                        let text = match node.value {
                            Value::Scalar { text, .. } => text,
                            Value::Null => String::new(),
                            _ => return Err(at(YamlErrorKind::ComplexKey)),
                        };
                        // A repeated key is reported and its value dropped (marked by line
                        // 0), so the rest of the file is still read.
                        let mut line = node.line;
                        if let Some(&first_line) = seen.get(&text) {
                            problems.push(YamlError {
                                line: node.line,
                                column: node.column,
                                kind: YamlErrorKind::DuplicateKey {
                                    key: text.clone(),
                                    first_line,
                                },
                            });
                            line = 0;
                        } else {
                            seen.insert(text.clone(), node.line);
                        }
                        *pending = Some((text, line, node.column));
                    }
                    Some((key, line, column)) => {
                        if let (Value::Map(entries), true) = (&mut parent.value, line > 0) {
                            entries.push(Entry {
                                key,
                                line,
                                column,
                                value: node,
                            });
                        }
                    }
                }
            }
        }
    }
    Ok(Parsed { root, problems })
}

fn start_of(span: &Span) -> (u32, u32) {
    (span.start.line() as u32, span.start.col() as u32 + 1)
}

/// A tag as it reads in the file: `!!binary` for the core schema's, others whole.
fn tag_as_written(tag: &saphyr_parser::Tag) -> String {
    if tag.is_yaml_core_schema() {
        format!("!!{}", tag.suffix)
    } else {
        format!("{}{}", tag.handle, tag.suffix)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(text: &str) -> YamlErrorKind {
        match parse(text) {
            Ok(parsed) => parsed.problems[0].kind.clone(),
            Err(e) => e.kind,
        }
    }

    #[test]
    fn nodes_know_their_place() {
        let root = parse("a:\n  - id: x\n    b: [1, 2]\n")
            .unwrap()
            .root
            .unwrap();
        let Value::Map(entries) = &root.value else {
            panic!("map")
        };
        assert_eq!((entries[0].line, entries[0].column), (1, 1));
        let Value::Seq(items) = &entries[0].value.value else {
            panic!("seq")
        };
        assert_eq!((items[0].line, items[0].column), (2, 5));
        let Value::Map(inner) = &items[0].value else {
            panic!("map")
        };
        assert_eq!(
            (inner[1].key.as_str(), inner[1].line, inner[1].column),
            ("b", 3, 5)
        );
    }

    #[test]
    fn empty_text_has_no_document() {
        assert_eq!(parse("").unwrap().root, None);
        assert_eq!(parse("# bare kommentar\n").unwrap().root, None);
    }

    #[test]
    fn refuses_what_the_format_does_not_allow() {
        assert!(matches!(
            kind("a: 1\na: 2\n"),
            YamlErrorKind::DuplicateKey { first_line: 1, .. }
        ));
        // The first value is kept and the parse goes on.
        let parsed = parse("a: 1\na: 2\nb: 3\n").unwrap();
        let Some(Node {
            value: Value::Map(entries),
            ..
        }) = parsed.root
        else {
            panic!("map")
        };
        assert_eq!(entries.len(), 2);
        assert_eq!(kind("a: 1\n---\nb: 2\n"), YamlErrorKind::SeveralDocuments);
        assert_eq!(kind("? [a]\n: 1\n"), YamlErrorKind::ComplexKey);
        assert!(matches!(kind("a: [1, 2\nb: 3\n"), YamlErrorKind::Syntax(_)));
        let deep = format!("{}{}", "[".repeat(100), "]".repeat(100));
        assert_eq!(kind(&deep), YamlErrorKind::TooDeep);
    }

    #[test]
    fn aliases_expand_within_a_budget() {
        let ok = parse("a: &x {k: 1}\nb: *x\n").unwrap().root.unwrap();
        let Value::Map(entries) = &ok.value else {
            panic!("map")
        };
        assert_eq!(entries[0].value.value, entries[1].value.value);
        let mut bomb = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..12 {
            let p = i - 1;
            bomb.push_str(&format!("a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"));
        }
        assert_eq!(kind(&bomb), YamlErrorKind::AliasBudget);
    }
}
