//! `credlint lsp` driven as an editor drives it: the real binary, JSON-RPC messages with
//! `Content-Length` framing over its standard input and output.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// How long a test waits for a message before failing: generous, for a slow CI machine.
const WAIT: Duration = Duration::from_secs(30);

struct Client {
    child: Child,
    stdin: ChildStdin,
    incoming: Receiver<Value>,
    next_id: i64,
    /// Messages read while waiting for another.
    backlog: Vec<Value>,
}

impl Client {
    fn start(root: &Path) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_credlint"))
            .arg("lsp")
            .current_dir(root)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("credlint lsp starts");
        let stdin = child.stdin.take().expect("stdin");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            while let Some(body) = read_frame(&mut r) {
                let v: Value = serde_json::from_slice(&body).expect("the server writes JSON");
                if tx.send(v).is_err() {
                    return;
                }
            }
        });
        Client {
            child,
            stdin,
            incoming: rx,
            next_id: 0,
            backlog: Vec::new(),
        }
    }

    fn write_raw(&mut self, body: &str) {
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("write");
        self.stdin.flush().expect("flush");
    }

    fn notify(&mut self, method: &str, params: Value) {
        let m = json!({"jsonrpc": "2.0", "method": method, "params": params});
        self.write_raw(&m.to_string());
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        let m = json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params});
        self.write_raw(&m.to_string());
        self.wait_for(|m| m["id"] == id && m.get("method").is_none())
    }

    /// The first message (already read or to come) that `want` accepts.
    fn wait_for(&mut self, want: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.backlog.iter().position(&want) {
            return self.backlog.remove(i);
        }
        let deadline = Instant::now() + WAIT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let m = self
                .incoming
                .recv_timeout(left)
                .unwrap_or_else(|_| panic!("no such message; read: {:#?}", self.backlog));
            // the server asks to watch files: say yes
            if m.get("method") == Some(&json!("client/registerCapability")) {
                let ok = json!({"jsonrpc": "2.0", "id": m["id"], "result": null});
                self.write_raw(&ok.to_string());
                continue;
            }
            if want(&m) {
                return m;
            }
            self.backlog.push(m);
        }
    }

    /// The next diagnostics published for `uri` that `want` accepts (earlier ones for it
    /// are dropped).
    fn diagnostics(&mut self, uri: &str, want: impl Fn(&[Value]) -> bool) -> Vec<Value> {
        let deadline = Instant::now() + WAIT;
        loop {
            assert!(
                Instant::now() < deadline,
                "no diagnostics as wanted for {uri}"
            );
            let m = self.wait_for(|m| {
                m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
            });
            let list = m["params"]["diagnostics"]
                .as_array()
                .cloned()
                .unwrap_or_default();
            if want(&list) {
                return list;
            }
        }
    }
}

fn read_frame(r: &mut impl BufRead) -> Option<Vec<u8>> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if r.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(v) = line.strip_prefix("Content-Length: ") {
            length = v.parse().ok();
        }
    }
    let mut body = vec![0; length?];
    std::io::Read::read_exact(r, &mut body).ok()?;
    Some(body)
}

fn codes(list: &[Value]) -> Vec<String> {
    let mut c: Vec<String> = list
        .iter()
        .map(|d| d["code"].as_str().unwrap_or("").to_string())
        .collect();
    c.sort();
    c
}

fn has(list: &[Value], code: &str) -> bool {
    list.iter().any(|d| d["code"] == code)
}

/// Applies LSP text edits (UTF-16 positions; no two overlapping) to `text`.
fn apply(text: &str, edits: &[Value]) -> String {
    let offset = |p: &Value| {
        let (line, ch) = (
            p["line"].as_u64().unwrap(),
            p["character"].as_u64().unwrap(),
        );
        let start: usize = text
            .split_inclusive('\n')
            .take(line as usize)
            .map(str::len)
            .sum();
        let mut units = 0;
        for (i, c) in text[start..].char_indices() {
            if units >= ch as usize || c == '\n' {
                return start + i;
            }
            units += c.len_utf16();
        }
        text.len()
    };
    let mut spans: Vec<(usize, usize, &str)> = edits
        .iter()
        .map(|e| {
            (
                offset(&e["range"]["start"]),
                offset(&e["range"]["end"]),
                // a TextEdit's `newText`, or a change event's `text`
                e.get("newText").unwrap_or(&e["text"]).as_str().unwrap(),
            )
        })
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse(s.0));
    let mut out = text.to_string();
    for (s, e, t) in spans {
        out.replace_range(s..e, t);
    }
    out
}

fn uri(p: &Path) -> String {
    format!("file://{}", p.display())
}

fn initialize(c: &mut Client, root: &Path, encodings: Value) -> Value {
    let r = c.request(
        "initialize",
        json!({
            "processId": null,
            "rootUri": uri(root),
            "workspaceFolders": [{"uri": uri(root), "name": "drafts"}],
            "initializationOptions": {"ruleDocs": "https://docs.example.org/credlint/{rule}.html"},
            "capabilities": {
                "general": {"positionEncodings": encodings},
                "workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}},
                "textDocument": {"publishDiagnostics": {"relatedInformation": true}}
            }
        }),
    );
    c.notify("initialized", json!({}));
    r
}

fn shutdown_and_exit(mut c: Client) {
    let r = c.request("shutdown", Value::Null);
    assert_eq!(r["result"], Value::Null, "{r}");
    c.notify("exit", Value::Null);
    drop(c.stdin);
    let status = c.child.wait().expect("the server exits");
    assert_eq!(status.code(), Some(0));
}

fn write(root: &Path, name: &str, text: &str) {
    std::fs::write(root.join(name), text).expect("write a draft");
}

const SPOKESPERSON: &str = ", the embassy spokesperson, said the talks had gone well.\n\nHe said more talks would follow next week.\n";

#[test]
fn an_editing_session() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().canonicalize().expect("canonical temp dir");
    // two drafts on disk spell the name one way
    write(&root, "b.md", &format!("Liu Pengyu{SPOKESPERSON}"));
    write(&root, "c.md", &format!("Liu Pengyu{SPOKESPERSON}"));
    let mut c = Client::start(&root);
    let init = initialize(&mut c, &root, json!(["utf-16"]));
    assert_eq!(init["result"]["capabilities"]["positionEncoding"], "utf-16");
    assert_eq!(
        init["result"]["capabilities"]["textDocumentSync"]["change"],
        2
    );

    // a draft with an anonymous source after an emoji (two UTF-16 units)
    let a = root.join("a.md");
    let a_uri = uri(&a);
    let mut text = "# Budget\n\nThe “plan” 😀 is done, a senior official said.\n".to_string();
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": a_uri, "languageId": "markdown", "version": 1, "text": text}}),
    );
    let list = c.diagnostics(&a_uri, |l| has(l, "anonymous-source"));
    let anon = list
        .iter()
        .find(|d| d["code"] == "anonymous-source")
        .unwrap();
    assert_eq!(anon["source"], "credlint");
    assert_eq!(
        anon["codeDescription"]["href"],
        "https://docs.example.org/credlint/anonymous-source.html"
    );
    assert_eq!(anon["severity"], 3);
    // "a senior official": code point 22 of line 3, UTF-16 unit 23
    assert_eq!(anon["range"]["start"], json!({"line": 2, "character": 23}));
    assert_eq!(anon["range"]["end"], json!({"line": 2, "character": 40}));

    // an incremental edit names the source: the finding goes away
    let mut version = 1;
    let mut edit = |c: &mut Client, text: &mut String, changes: Value| {
        version += 1;
        c.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": a_uri, "version": version}, "contentChanges": changes}),
        );
        // each change applies to the text the ones before it left
        for change in changes.as_array().unwrap() {
            *text = apply(text, std::slice::from_ref(change));
        }
    };
    edit(
        &mut c,
        &mut text,
        json!([{"range": {"start": {"line": 2, "character": 23}, "end": {"line": 2, "character": 40}},
                "text": "Ana Ortiz, the mayor,"}]),
    );
    assert_eq!(
        text,
        "# Budget\n\nThe “plan” 😀 is done, Ana Ortiz, the mayor, said.\n"
    );
    let list = c.diagnostics(&a_uri, |l| !has(l, "anonymous-source"));
    assert_eq!(codes(&list), Vec::<String>::new(), "{list:#?}");

    // two edits in one notification, the second relative to the first: a loaded verb
    edit(
        &mut c,
        &mut text,
        json!([{"range": {"start": {"line": 2, "character": 45}, "end": {"line": 2, "character": 49}},
                "text": "claimed it"},
               {"range": {"start": {"line": 3, "character": 0}, "end": {"line": 3, "character": 0}},
                "text": "\nMore text.\n"}]),
    );
    assert_eq!(
        text,
        "# Budget\n\nThe “plan” 😀 is done, Ana Ortiz, the mayor, claimed it.\n\nMore text.\n"
    );
    let list = c.diagnostics(&a_uri, |l| has(l, "loaded-attribution-verb"));
    assert_eq!(codes(&list), vec!["loaded-attribution-verb"]);
    let range = list[0]["range"].clone();
    assert_eq!(range["start"], json!({"line": 2, "character": 45}));

    // the code actions at the finding: the neutral verb, and a suppression comment
    let actions = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": a_uri}, "range": range, "context": {"diagnostics": list}}),
    );
    let actions = actions["result"].as_array().cloned().unwrap_or_default();
    let titles: Vec<&str> = actions.iter().filter_map(|a| a["title"].as_str()).collect();
    assert_eq!(
        titles,
        vec![
            "Replace “claimed” with “said”",
            "Suppress loaded-attribution-verb on this line"
        ]
    );
    // on a name: add it to the names registry (no credlint.toml yet: it is created)
    let on_name = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": a_uri},
               "range": {"start": {"line": 2, "character": 25}, "end": {"line": 2, "character": 25}},
               "context": {"diagnostics": []}}),
    );
    let add = &on_name["result"][0];
    assert_eq!(add["title"], "Add “Ana Ortiz” to the names registry");
    assert_eq!(
        add["edit"]["documentChanges"][1]["edits"][0]["newText"],
        "[[names]]\ncanonical = \"Ana Ortiz\"\nvariants = []\n"
    );
    let suppress = &actions[1]["edit"]["changes"][&a_uri];
    assert_eq!(
        apply(&text, suppress.as_array().unwrap()),
        "# Budget\n\n<!-- credlint-disable-next-line loaded-attribution-verb -- reason -->\nThe “plan” 😀 is done, Ana Ortiz, the mayor, claimed it.\n\nMore text.\n"
    );
    // apply the verb, as the editor does: the client sends the edit back as a change
    let verb = &actions[0]["edit"]["changes"][&a_uri][0];
    let change = json!([{"range": verb["range"], "text": verb["newText"]}]);
    edit(&mut c, &mut text, change);
    assert!(text.contains("the mayor, said it."), "{text}");
    let list = c.diagnostics(&a_uri, |l| !has(l, "loaded-attribution-verb"));
    assert!(list.is_empty(), "{list:#?}");

    // the other spelling of a name used in the folder's drafts: reported, with them
    edit(
        &mut c,
        &mut text,
        json!([{"range": {"start": {"line": 5, "character": 0}, "end": {"line": 5, "character": 0}},
                "text": format!("\nLiu Pengya{SPOKESPERSON}")}]),
    );
    let list = c.diagnostics(&a_uri, |l| has(l, "name-inconsistency"));
    let name = list
        .iter()
        .find(|d| d["code"] == "name-inconsistency")
        .unwrap();
    let related: Vec<&str> = name["relatedInformation"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["location"]["uri"].as_str().unwrap())
        .collect();
    assert_eq!(
        related,
        vec![uri(&root.join("b.md")), uri(&root.join("c.md"))]
    );
    // the action that settles it in the names registry creates credlint.toml
    let actions = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": a_uri}, "range": name["range"], "context": {"diagnostics": [name]}}),
    );
    let registry = actions["result"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| {
            a["title"] == "Add “Liu Pengyu” to the names registry, with “Liu Pengya” as a variant"
        })
        .expect("a registry action")
        .clone();
    let ops = registry["edit"]["documentChanges"].as_array().unwrap();
    assert_eq!(ops[0]["kind"], "create");
    let config = root.join("credlint.toml");
    assert_eq!(ops[0]["uri"], uri(&config));
    let entry = ops[1]["edits"][0]["newText"].as_str().unwrap();
    assert_eq!(
        entry,
        "[[names]]\ncanonical = \"Liu Pengyu\"\nvariants = [\"Liu Pengya\"]\n"
    );
    // the editor writes the file and tells the server: the variant is now the registry's,
    // with its fix
    write(&root, "credlint.toml", entry);
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri(&config), "type": 1}]}),
    );
    let list = c.diagnostics(&a_uri, |l| {
        l.iter().any(|d| {
            d["message"]
                .as_str()
                .unwrap_or("")
                .contains("names registry")
        })
    });
    let fix = list
        .iter()
        .find(|d| d["code"] == "name-inconsistency")
        .unwrap();
    let actions = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": a_uri}, "range": fix["range"], "context": {"diagnostics": [fix]}}),
    );
    let first = &actions["result"][0];
    assert_eq!(first["title"], "Replace “Liu Pengya” with “Liu Pengyu”");
    assert_eq!(first["isPreferred"], true);

    // hover on an attribution: the source's ledger entry
    let hover = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": a_uri}, "position": {"line": 2, "character": 27}}),
    );
    assert_eq!(
        hover["result"]["contents"]["value"],
        "**Ana Ortiz** (person): 1 claim and 1 quote rest on this source in this document."
    );

    // a malformed message gets an error, and the server goes on
    c.write_raw("{\"jsonrpc\": \"2.0\", \"id\": 99, \"method\": ");
    let e = c.wait_for(|m| m.get("error").is_some() && m["id"].is_null());
    assert_eq!(e["error"]["code"], -32700);
    let e = c.request("textDocument/definition", json!({}));
    assert_eq!(e["error"]["code"], -32601);

    shutdown_and_exit(c);
}

#[test]
fn a_configuration_error_is_shown_on_the_file_and_utf8_is_negotiated() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().canonicalize().expect("canonical temp dir");
    write(
        &root,
        "credlint.toml",
        "[rules.anonymous-sorce]\nseverity = \"error\"\n",
    );
    write(&root, "c.txt", &format!("Liu Pengyu{SPOKESPERSON}"));
    write(&root, "d.txt", &format!("Liu Pengyu{SPOKESPERSON}"));
    let mut c = Client::start(&root);
    let init = initialize(&mut c, &root, json!(["utf-8", "utf-16"]));
    assert_eq!(init["result"]["capabilities"]["positionEncoding"], "utf-8");
    let config_uri = uri(&root.join("credlint.toml"));
    let list = c.diagnostics(&config_uri, |l| !l.is_empty());
    assert_eq!(list.len(), 1);
    let msg = list[0]["message"].as_str().unwrap();
    assert!(msg.starts_with("unknown rule `anonymous-sorce`"), "{msg}");
    assert!(msg.contains("did you mean `anonymous-source`?"), "{msg}");
    assert_eq!(
        list[0]["range"]["start"],
        json!({"line": 0, "character": 7})
    );

    // the built-in rules apply meanwhile; positions count bytes
    let a_uri = uri(&root.join("a.txt"));
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": a_uri, "languageId": "plaintext", "version": 1,
               "text": "Le “plan” est prêt, a senior official said.\n"}}),
    );
    let list = c.diagnostics(&a_uri, |l| has(l, "anonymous-source"));
    let anon = list
        .iter()
        .find(|d| d["code"] == "anonymous-source")
        .unwrap();
    assert_eq!(anon["range"]["start"], json!({"line": 0, "character": 25}));
    assert_eq!(anon["severity"], 3);

    // the file mended (and saved in the editor): the error goes, its severity applies
    write(
        &root,
        "credlint.toml",
        "[rules.anonymous-source]\nseverity = \"error\"\n",
    );
    c.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": config_uri}}),
    );
    let list = c.diagnostics(&config_uri, |l| l.is_empty());
    assert!(list.is_empty());
    let list = c.diagnostics(&a_uri, |l| {
        l.iter()
            .any(|d| d["code"] == "anonymous-source" && d["severity"] == 1)
    });
    assert!(has(&list, "anonymous-source"));
    // a registry entry is appended to the existing file
    let b_uri = uri(&root.join("b.txt"));
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": b_uri, "languageId": "plaintext", "version": 1,
               "text": format!("Liu Pengya{SPOKESPERSON}")}}),
    );
    let b_list = c.diagnostics(&b_uri, |l| has(l, "name-inconsistency"));
    let name = b_list
        .iter()
        .find(|d| d["code"] == "name-inconsistency")
        .unwrap();
    let actions = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": b_uri}, "range": name["range"], "context": {"diagnostics": [name]}}),
    );
    let registry = actions["result"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"].as_str().unwrap_or("").contains("names registry"))
        .expect("a registry action")
        .clone();
    let edits = registry["edit"]["changes"][&config_uri]
        .as_array()
        .unwrap_or_else(|| panic!("{registry:#}"));
    assert_eq!(
        edits[0]["range"]["start"],
        json!({"line": 2, "character": 0})
    );
    assert_eq!(
        edits[0]["newText"],
        "\n[[names]]\ncanonical = \"Liu Pengyu\"\nvariants = [\"Liu Pengya\"]\n"
    );
    // plain text takes the plain suppression line
    let range = list
        .iter()
        .find(|d| d["code"] == "anonymous-source")
        .unwrap()["range"]
        .clone();
    let actions = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": a_uri}, "range": range, "context": {"diagnostics": []}}),
    );
    let suppress = actions["result"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == "Suppress anonymous-source on this line")
        .expect("a suppression action")
        .clone();
    assert_eq!(
        suppress["edit"]["changes"][&a_uri][0]["newText"],
        "credlint: disable-next-line anonymous-source -- reason\n"
    );
    shutdown_and_exit(c);
}

#[test]
fn exit_without_shutdown_is_status_1_and_requests_before_initialize_are_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut c = Client::start(dir.path());
    let r = c.request("textDocument/hover", json!({}));
    assert_eq!(r["error"]["code"], -32002);
    c.notify("exit", Value::Null);
    drop(c.stdin);
    assert_eq!(c.child.wait().expect("exits").code(), Some(1));
}
