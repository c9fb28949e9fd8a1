//! The schemas as an editor uses them: the YAML language server (yaml-language-server, from
//! npm, pinned by tests/editor/package-lock.json; `.ci/run` installs it) driven over stdio
//! as a real client would, on files that name the shipped schemas in their first line.

mod common;
use common::{repo, scratch};
use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

/// How long the server may take to answer anything.
const PATIENCE: Duration = Duration::from_secs(60);

/// A language server over stdio: requests out, messages in (read on a thread).
struct Server {
    child: Child,
    input: ChildStdin,
    messages: Receiver<Value>,
    next_id: u64,
}

impl Server {
    fn start() -> Server {
        let script = PathBuf::from(repo(
            "tests/editor/node_modules/yaml-language-server/bin/yaml-language-server",
        ));
        assert!(
            script.exists(),
            "{} not found: run `npm ci --prefix tests/editor` (as .ci/run does)",
            script.display()
        );
        let mut child = Command::new("node")
            .arg(&script)
            .arg("--stdio")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("node runs (install Node.js)");
        let input = child.stdin.take().unwrap();
        let output = child.stdout.take().unwrap();
        let (send, messages) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(output);
            loop {
                let mut length = 0;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(n) = line.strip_prefix("Content-Length: ") {
                        length = n.parse().unwrap();
                    }
                }
                let mut body = vec![0; length];
                if reader.read_exact(&mut body).is_err() {
                    return;
                }
                if send.send(serde_json::from_slice(&body).unwrap()).is_err() {
                    return;
                }
            }
        });
        let mut server = Server {
            child,
            input,
            messages,
            next_id: 0,
        };
        server.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": null,
                "capabilities": { "textDocument": { "completion": { "completionItem": {
                    "snippetSupport": true,
                    "documentationFormat": ["markdown", "plaintext"],
                } } } },
            }),
        );
        server.notify("initialized", json!({}));
        server
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.input, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.input.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    /// The next message that `wanted` picks, answering the server's own requests meanwhile.
    fn wait_for(&mut self, wanted: impl Fn(&Value) -> bool) -> Value {
        loop {
            let message = self
                .messages
                .recv_timeout(PATIENCE)
                .expect("the language server answers");
            if wanted(&message) {
                return message;
            }
            // A request from the server (configuration, registrations): answer it.
            if let (Some(id), Some(method)) = (message.get("id"), message.get("method")) {
                let result = if method == "workspace/configuration" {
                    let n = message["params"]["items"].as_array().map_or(1, Vec::len);
                    json!(vec![
                        json!({ "validate": true, "completion": true, "hover": true });
                        n
                    ])
                } else {
                    Value::Null
                };
                self.send(json!({ "jsonrpc": "2.0", "id": id, "result": result }));
            }
        }
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        self.wait_for(|m| m.get("id") == Some(&json!(id)) && m.get("method").is_none())["result"]
            .clone()
    }

    /// Opens the file and returns the diagnostics the server publishes for it.
    fn open(&mut self, path: &Path) -> Vec<Value> {
        let uri = uri(path);
        let text = std::fs::read_to_string(path).unwrap();
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": uri, "languageId": "yaml", "version": 1, "text": text } }),
        );
        let published = self.wait_for(|m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri.as_str()
        });
        published["params"]["diagnostics"]
            .as_array()
            .unwrap()
            .clone()
    }

    /// The completion items at a 0-based line and character of an open file.
    fn complete(&mut self, path: &Path, line: u32, character: u32) -> Vec<Value> {
        let result = self.request(
            "textDocument/completion",
            json!({ "textDocument": { "uri": uri(path) }, "position": { "line": line, "character": character } }),
        );
        match result.get("items") {
            Some(items) => items.as_array().unwrap().clone(),
            None => result.as_array().cloned().unwrap_or_default(),
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn uri(path: &Path) -> String {
    format!("file://{}", path.display())
}

/// A systems file that names the shipped schema in its first line, as the README shows.
fn systems_file(dir: &Path, name: &str, body: &str) -> PathBuf {
    let schema = repo("schema/systemer.schema.json");
    let path = dir.join(name);
    std::fs::write(
        &path,
        format!("# yaml-language-server: $schema={schema}\n{body}"),
    )
    .unwrap();
    path
}

fn labels(items: &[Value]) -> Vec<&str> {
    items.iter().map(|i| i["label"].as_str().unwrap()).collect()
}

#[test]
fn the_language_server_completes_values_without_null_and_explains_each() {
    let dir = scratch("editor-complete");
    let file = systems_file(
        &dir,
        "a.yaml",
        "systemer:\n  - id: a\n    navn: A\n    drift: \n",
    );
    let mut server = Server::start();
    assert_eq!(server.open(&file), Vec::<Value>::new());
    let items = server.complete(&file, 4, 11);
    assert_eq!(
        labels(&items),
        [
            "saas",
            "paas",
            "iaas",
            "privat_sky",
            "fellessky",
            "egen_drift"
        ]
    );
    let saas = &items[0]["documentation"];
    let text = saas["value"].as_str().or(saas.as_str()).unwrap_or_default();
    assert!(text.starts_with("Programvare som tjeneste"), "{saas}");
    // In a list of capabilities: the catalogue's names.
    let list = systems_file(
        &dir,
        "b.yaml",
        "systemer:\n  - id: a\n    navn: A\n    kapabiliteter:\n      - \n",
    );
    server.open(&list);
    let items = server.complete(&list, 5, 8);
    let names = labels(&items);
    assert!(names.contains(&"saksbehandling"), "{names:?}");
    assert!(!names.contains(&"null"));
}

#[test]
fn the_language_server_marks_the_real_mistake_in_norwegian_where_it_can() {
    let dir = scratch("editor-diagnose");
    let file = systems_file(
        &dir,
        "a.yaml",
        "systemer:\n  - id: 42\n    navn: A\n    drift: skyen\n    innfort: 2026-02-30\n    beskrivelse:\n",
    );
    let mut server = Server::start();
    let diagnostics = server.open(&file);
    let found: Vec<(u64, &str)> = diagnostics
        .iter()
        .map(|d| {
            (
                d["range"]["start"]["line"].as_u64().unwrap(),
                d["message"].as_str().unwrap(),
            )
        })
        .collect();
    // The bad value where it is (not a mismatch with the one-system form of the file), with
    // what is allowed, in Norwegian; the impossible date too; `id: 42` and an empty value are fine, as for prinsipp.
    assert_eq!(
        found,
        [
            (
                4,
                "Ugyldig verdi; tillatt: saas, paas, iaas, privat_sky, fellessky, egen_drift"
            ),
            (
                5,
                "Skriv datoen som ÅÅÅÅ-MM-DD (eller bare ÅÅÅÅ-MM eller ÅÅÅÅ), f.eks. 2026-06-01"
            ),
        ]
    );
    // A wrong type says what to write, in Norwegian.
    let types = systems_file(
        &dir,
        "c.yaml",
        "systemer:\n  - id: a\n    navn: A\n    kjernesystem: ja\n    avtale: 2026\n",
    );
    let messages: Vec<String> = server
        .open(&types)
        .iter()
        .map(|d| d["message"].as_str().unwrap().to_string())
        .collect();
    assert!(
        messages.contains(&"Skriv true eller false".to_string()),
        "{messages:?}"
    );
    assert!(
        messages
            .contains(&"Her skal avtale stå, med nøkler og verdier på linjene under".to_string()),
        "{messages:?}"
    );
    // The file of one system: the same mistake, at its place.
    let one = systems_file(&dir, "b.yaml", "id: a\nnavn: A\ndrift: skyen\n");
    let diagnostics = server.open(&one);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    assert_eq!(diagnostics[0]["range"]["start"]["line"], 3);
}
