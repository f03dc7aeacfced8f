//! `credlint lsp`: the Language Server Protocol over standard input and output.
//!
//! Built on `lsp-server` and `lsp-types` (rust-analyzer's own, maintained with it): a
//! synchronous loop over a channel of messages, which suits a linter whose every answer
//! is a call into the library taking a few milliseconds; `tower-lsp` would bring an
//! async runtime for nothing. The server calls the library (`lint_file`, the names of
//! each document, `corpus_diagnostics`), never the command line.
//!
//! One loop handles every message in order. Edits are applied as they come; the
//! documents they touched are linted once the queue of pending messages is empty (or a
//! request needs their findings), so a burst of keystrokes is linted once. The
//! workspace folder's names are read by a background thread (see [`workspace`]).

mod actions;
mod hover;
mod position;
mod transport;
mod workspace;

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crossbeam_channel::{Receiver, select, unbounded};
use lsp_server::{ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::Notification as _;
use lsp_types::request::Request as _;
use lsp_types::{self as lt, Url};
use rustc_hash::{FxHashMap, FxHashSet};
use serde_json::Value;

use credlint::{Config, ConfigError, Diagnostic, Severity};

/// What the server needs from the front end that starts it: the project's configuration
/// file and which files of the workspace folder are drafts. The command line gives its
/// own discovery and walk, so the server reads what `credlint check` would (the server
/// itself depends on the core only).
#[derive(Clone, Copy)]
pub struct Host {
    /// The project file for a folder: `credlint.toml` in it or the nearest parent.
    pub discover: fn(&Path) -> Option<PathBuf>,
    /// Reads and parses a project file.
    pub load: fn(&Path) -> Result<Config, ConfigError>,
    /// The file extensions of drafts (a file changed on disk is read again if it has one).
    pub extensions: &'static [&'static str],
    /// The files of a folder the walk selects under a configuration's include and
    /// exclude globs.
    pub folder_files: fn(&Path, &Config) -> Vec<PathBuf>,
    /// A file's text, as the command line reads it.
    pub read: fn(&Path) -> Result<String, String>,
    /// A path as the command line shows it (the path the library is given).
    pub shown: fn(&Path) -> String,
}

use position::{Encoding, LineMap};
use transport::{Out, Transport};

/// The configuration file names looked for in the workspace folder (and its parents).
const CONFIG_NAMES: [&str; 2] = ["credlint.toml", ".credlint.toml"];

/// Runs the server until the client says `exit`. The exit status is 0 after a
/// `shutdown` request, 1 otherwise (as the protocol asks).
pub fn run(host: Host) -> io::Result<u8> {
    let transport = Transport::stdio();
    let (built_tx, built_rx) = unbounded();
    let mut server = Server::new(transport.outgoing.clone(), built_tx, host);
    let status = server.serve(&transport.incoming, &built_rx);
    drop(server);
    transport.finish()?;
    Ok(status)
}

/// An open document.
struct OpenDoc {
    /// The path the library is given: the file's path (its extension chooses Markdown,
    /// plain text or HTML), or the URI of a document that is not a file.
    path: String,
    text: String,
    version: i32,
    lines: LineMap,
    /// Its own findings (not those comparing it with other documents), from the last lint.
    own: Vec<Diagnostic>,
}

/// The configuration in force and where it came from.
struct Settings {
    config: Arc<Config>,
    /// The project file, when there is one.
    file: Option<PathBuf>,
    /// The project file's error, shown on that file, when it has one.
    error: Option<(Url, lt::Diagnostic)>,
}

struct Server {
    host: Host,
    out: crossbeam_channel::Sender<Out>,
    built_tx: crossbeam_channel::Sender<workspace::Built>,
    encoding: Encoding,
    root: Option<PathBuf>,
    settings: Settings,
    /// A URL template for a rule's documentation (`{rule}` replaced by its id), from the
    /// client's initialization options: credlint has no web site of its own.
    rule_docs: Option<String>,
    docs: FxHashMap<Url, OpenDoc>,
    /// The folder's names and the findings that compare them.
    names: workspace::NameSet,
    /// Open documents edited since they were last linted.
    dirty: FxHashSet<Url>,
    /// Bumped when the configuration changes: older background builds are dropped.
    generation: u64,
    initialized: bool,
    shutdown: bool,
    next_request: i32,
}

impl Server {
    fn new(
        out: crossbeam_channel::Sender<Out>,
        built_tx: crossbeam_channel::Sender<workspace::Built>,
        host: Host,
    ) -> Server {
        Server {
            host,
            out,
            built_tx,
            encoding: Encoding::Utf16,
            root: None,
            settings: Settings {
                config: Arc::new(builtin()),
                file: None,
                error: None,
            },
            rule_docs: None,
            docs: FxHashMap::default(),
            names: workspace::NameSet::default(),
            dirty: FxHashSet::default(),
            generation: 0,
            initialized: false,
            shutdown: false,
            next_request: 0,
        }
    }

    /// The message loop: returns the exit status.
    fn serve(&mut self, incoming: &Receiver<Message>, built: &Receiver<workspace::Built>) -> u8 {
        loop {
            select! {
                recv(incoming) -> msg => {
                    let Ok(msg) = msg else {
                        // the client went away without `exit`
                        return 1;
                    };
                    if let Some(status) = self.handle(msg) {
                        return status;
                    }
                    // everything already queued is handled before linting: a burst of
                    // edits is linted once
                    while let Ok(msg) = incoming.try_recv() {
                        if let Some(status) = self.handle(msg) {
                            return status;
                        }
                    }
                    self.flush();
                }
                recv(built) -> b => {
                    if let Ok(b) = b {
                        self.take_built(b);
                    }
                }
            }
        }
    }

    fn send(&self, m: impl Into<Message>) {
        let _ = self.out.send(Out::Message(m.into()));
    }

    fn notify<N: lt::notification::Notification>(&self, params: N::Params) {
        self.send(Notification::new(N::METHOD.to_string(), params));
    }

    /// Handles one message; `Some(status)` when the server is to exit.
    fn handle(&mut self, msg: Message) -> Option<u8> {
        match msg {
            Message::Request(req) => {
                self.request(req);
                None
            }
            Message::Notification(n) if n.method == lt::notification::Exit::METHOD => {
                Some(if self.shutdown { 0 } else { 1 })
            }
            Message::Notification(n) => {
                if self.initialized {
                    self.notification(n);
                }
                None
            }
            // answers to our own requests (capability registration): nothing to do
            Message::Response(_) => None,
        }
    }

    fn request(&mut self, req: Request) {
        let id = req.id.clone();
        if !self.initialized && req.method != lt::request::Initialize::METHOD {
            let e = Response::new_err(
                id,
                ErrorCode::ServerNotInitialized as i32,
                "the server is not initialized".into(),
            );
            return self.send(e);
        }
        if self.shutdown {
            let e = Response::new_err(
                id,
                ErrorCode::InvalidRequest as i32,
                "the server is shutting down".into(),
            );
            return self.send(e);
        }
        let result: Result<Value, (ErrorCode, String)> = match req.method.as_str() {
            lt::request::Initialize::METHOD => {
                params(req.params).map(|p| self.initialize(p)).map(to_value)
            }
            lt::request::Shutdown::METHOD => {
                self.shutdown = true;
                Ok(Value::Null)
            }
            lt::request::CodeActionRequest::METHOD => {
                self.flush();
                params(req.params)
                    .and_then(|p| guarded(|| actions::code_actions(self, &p)).map(to_value))
            }
            lt::request::HoverRequest::METHOD => {
                self.flush();
                params(req.params).and_then(|p| guarded(|| hover::hover(self, &p)).map(to_value))
            }
            other => Err((
                ErrorCode::MethodNotFound,
                format!("credlint does not handle `{other}`"),
            )),
        };
        let response = match result {
            Ok(v) => Response::new_ok(id, v),
            Err((code, message)) => Response::new_err(id, code as i32, message),
        };
        self.send(response);
    }

    fn initialize(&mut self, p: lt::InitializeParams) -> lt::InitializeResult {
        let utf8 = p
            .capabilities
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.as_ref())
            .is_some_and(|e| e.contains(&lt::PositionEncodingKind::UTF8));
        self.encoding = if utf8 {
            Encoding::Utf8
        } else {
            Encoding::Utf16
        };
        #[allow(deprecated)] // root_uri: the fallback of clients without folders
        let root = p
            .workspace_folders
            .as_ref()
            .and_then(|f| f.first())
            .map(|f| f.uri.clone())
            .or(p.root_uri.clone());
        self.root = root.and_then(|u| u.to_file_path().ok());
        self.rule_docs = p
            .initialization_options
            .as_ref()
            .and_then(|o| o.get("ruleDocs"))
            .and_then(Value::as_str)
            .map(str::to_string);
        let watch = p
            .capabilities
            .workspace
            .as_ref()
            .and_then(|w| w.did_change_watched_files)
            .and_then(|w| w.dynamic_registration)
            .unwrap_or(false);
        self.initialized = true;
        self.load_settings();
        if watch {
            self.register_watchers();
        }
        self.start_build();
        let sync = lt::TextDocumentSyncOptions {
            open_close: Some(true),
            change: Some(lt::TextDocumentSyncKind::INCREMENTAL),
            save: Some(lt::TextDocumentSyncSaveOptions::Supported(true)),
            ..Default::default()
        };
        lt::InitializeResult {
            capabilities: lt::ServerCapabilities {
                position_encoding: Some(if utf8 {
                    lt::PositionEncodingKind::UTF8
                } else {
                    lt::PositionEncodingKind::UTF16
                }),
                text_document_sync: Some(lt::TextDocumentSyncCapability::Options(sync)),
                code_action_provider: Some(lt::CodeActionProviderCapability::Simple(true)),
                hover_provider: Some(lt::HoverProviderCapability::Simple(true)),
                ..Default::default()
            },
            server_info: Some(lt::ServerInfo {
                name: "credlint".into(),
                version: Some(env!("CARGO_PKG_VERSION").into()),
            }),
        }
    }

    /// Asks the client to tell us when a configuration file or a draft changes on disk.
    fn register_watchers(&mut self) {
        let mut globs: Vec<String> = CONFIG_NAMES.iter().map(|n| format!("**/{n}")).collect();
        globs.extend(self.host.extensions.iter().map(|e| format!("**/*.{e}")));
        let watchers = globs
            .into_iter()
            .map(|g| lt::FileSystemWatcher {
                glob_pattern: lt::GlobPattern::String(g),
                kind: None,
            })
            .collect();
        let options = lt::DidChangeWatchedFilesRegistrationOptions { watchers };
        let params = lt::RegistrationParams {
            registrations: vec![lt::Registration {
                id: "credlint-watch".into(),
                method: lt::notification::DidChangeWatchedFiles::METHOD.into(),
                register_options: serde_json::to_value(options).ok(),
            }],
        };
        self.next_request += 1;
        let id = RequestId::from(format!("credlint-{}", self.next_request));
        self.send(Request::new(
            id,
            lt::request::RegisterCapability::METHOD.into(),
            params,
        ));
    }

    fn notification(&mut self, n: Notification) {
        use lt::notification as ln;
        match n.method.as_str() {
            ln::DidOpenTextDocument::METHOD => {
                if let Ok(p) = params::<lt::DidOpenTextDocumentParams>(n.params) {
                    self.open(p.text_document);
                }
            }
            ln::DidChangeTextDocument::METHOD => {
                if let Ok(p) = params::<lt::DidChangeTextDocumentParams>(n.params) {
                    self.change(p);
                }
            }
            ln::DidSaveTextDocument::METHOD => {
                if let Ok(p) = params::<lt::DidSaveTextDocumentParams>(n.params) {
                    if is_config(&p.text_document.uri) {
                        self.reload_settings();
                    } else if self.docs.contains_key(&p.text_document.uri) {
                        self.dirty.insert(p.text_document.uri);
                    }
                }
            }
            ln::DidCloseTextDocument::METHOD => {
                if let Ok(p) = params::<lt::DidCloseTextDocumentParams>(n.params) {
                    self.close(&p.text_document.uri);
                }
            }
            ln::DidChangeWatchedFiles::METHOD => {
                if let Ok(p) = params::<lt::DidChangeWatchedFilesParams>(n.params) {
                    self.files_changed(p);
                }
            }
            _ => {}
        }
    }

    fn open(&mut self, d: lt::TextDocumentItem) {
        let path = library_path(&d.uri);
        let lines = LineMap::new(&d.text);
        self.docs.insert(
            d.uri.clone(),
            OpenDoc {
                path,
                text: d.text,
                version: d.version,
                lines,
                own: Vec::new(),
            },
        );
        self.dirty.insert(d.uri);
    }

    /// Applies a change: each event's range is in the client's position encoding and
    /// refers to the text as the events before it left it.
    fn change(&mut self, p: lt::DidChangeTextDocumentParams) {
        let enc = self.encoding;
        let Some(doc) = self.docs.get_mut(&p.text_document.uri) else {
            return;
        };
        for c in p.content_changes {
            match c.range {
                Some(r) => {
                    let start = doc.lines.offset(&doc.text, r.start, enc);
                    let end = doc.lines.offset(&doc.text, r.end, enc).max(start);
                    doc.text.replace_range(start..end, &c.text);
                }
                None => doc.text = c.text,
            }
            doc.lines = LineMap::new(&doc.text);
        }
        doc.version = p.text_document.version;
        self.dirty.insert(p.text_document.uri);
    }

    fn close(&mut self, uri: &Url) {
        self.dirty.remove(uri);
        let Some(doc) = self.docs.remove(uri) else {
            return;
        };
        // the file as it is on disk counts again (or not at all, when it is gone)
        match std::fs::read_to_string(&doc.path) {
            Ok(text) => {
                let names = workspace::names_of(&doc.path, &text, &self.settings.config);
                self.names.update(names);
            }
            Err(_) => self.names.remove(&doc.path),
        }
        self.compare_and_publish(Some(&[]));
        self.notify::<lt::notification::PublishDiagnostics>(lt::PublishDiagnosticsParams {
            uri: uri.clone(),
            diagnostics: Vec::new(),
            version: None,
        });
    }

    /// Files changed on disk: a configuration file is read again; a draft that is not
    /// open has its names read again.
    fn files_changed(&mut self, p: lt::DidChangeWatchedFilesParams) {
        let mut changed = false;
        for e in p.changes {
            if is_config(&e.uri) {
                self.reload_settings();
                continue;
            }
            let path = library_path(&e.uri);
            if self.docs.contains_key(&e.uri) || !linted(self.host.extensions, &path) {
                continue;
            }
            match std::fs::read_to_string(&path) {
                Ok(text) if e.typ != lt::FileChangeType::DELETED => {
                    let names = workspace::names_of(&path, &text, &self.settings.config);
                    self.names.update(names);
                    changed = true;
                }
                _ => {
                    self.names.remove(&path);
                    changed = true;
                }
            }
        }
        if changed {
            self.compare_and_publish(Some(&[]));
        }
    }

    /// Lints the documents edited since their last lint and publishes their findings,
    /// with those of the other open documents whose cross-file findings changed.
    fn flush(&mut self) {
        if self.dirty.is_empty() {
            return;
        }
        let dirty: Vec<Url> = self.dirty.drain().collect();
        let config = Arc::clone(&self.settings.config);
        for uri in &dirty {
            let Some(doc) = self.docs.get_mut(uri) else {
                continue;
            };
            let linted = guarded(|| credlint::lint_file(&doc.path, &doc.text, &config));
            let r = match linted {
                Ok(r) => r,
                Err((_, message)) => {
                    // the findings of the last lint stay; the user is told why
                    let text = format!("credlint could not lint {}: {message}", doc.path);
                    self.notify::<lt::notification::ShowMessage>(lt::ShowMessageParams {
                        typ: lt::MessageType::ERROR,
                        message: text,
                    });
                    continue;
                }
            };
            doc.own = r.diagnostics;
            let names = r
                .names
                .unwrap_or_else(|| credlint::DocNames::none(&doc.path));
            self.names.update(names);
        }
        self.compare_and_publish(Some(&dirty));
    }

    /// Compares the documents' names (when they changed) and publishes the open
    /// documents' findings: the `edited` ones always, the others when their cross-file
    /// findings changed (all of them when `edited` is `None`).
    fn compare_and_publish(&mut self, edited: Option<&[Url]>) {
        let before: FxHashMap<Url, Vec<Diagnostic>> = self
            .docs
            .iter()
            .map(|(u, d)| (u.clone(), self.names.findings(&d.path).to_vec()))
            .collect();
        self.names.refresh(&self.settings.config);
        let uris: Vec<Url> = self.docs.keys().cloned().collect();
        for uri in uris {
            let doc = &self.docs[&uri];
            let publish = match edited {
                Some(list) => {
                    list.contains(&uri)
                        || before.get(&uri).map(Vec::as_slice)
                            != Some(self.names.findings(&doc.path))
                }
                None => true,
            };
            if publish {
                self.publish(&uri);
            }
        }
    }

    /// The findings of an open document: its own, then those comparing it with others.
    fn findings<'a>(&'a self, doc: &'a OpenDoc) -> impl Iterator<Item = &'a Diagnostic> {
        doc.own.iter().chain(self.names.findings(&doc.path))
    }

    fn publish(&self, uri: &Url) {
        let Some(doc) = self.docs.get(uri) else {
            return;
        };
        let mut other_files = FxHashMap::default();
        let diagnostics = self
            .findings(doc)
            .map(|d| self.to_lsp(uri, doc, d, &mut other_files))
            .collect();
        self.notify::<lt::notification::PublishDiagnostics>(lt::PublishDiagnosticsParams {
            uri: uri.clone(),
            diagnostics,
            version: Some(doc.version),
        });
    }

    fn range(&self, doc: &OpenDoc, span: credlint::Span) -> lt::Range {
        lt::Range::new(
            doc.lines.position(&doc.text, span.start, self.encoding),
            doc.lines.position(&doc.text, span.end, self.encoding),
        )
    }

    /// A finding as the protocol shows it. `files` keeps the text of the other files its
    /// related locations point into (read once per publication).
    fn to_lsp(
        &self,
        uri: &Url,
        doc: &OpenDoc,
        d: &Diagnostic,
        files: &mut FxHashMap<String, Option<(String, LineMap)>>,
    ) -> lt::Diagnostic {
        let mut message = d.message.clone();
        for (what, text) in [("note", &d.note), ("help", &d.help)] {
            if let Some(t) = text {
                message.push_str(&format!("\n{what}: {t}"));
            }
        }
        let related = d
            .related
            .iter()
            .filter_map(|r| {
                let location = match r.path.as_deref() {
                    None => lt::Location::new(uri.clone(), self.range(doc, r.span)),
                    Some(p) if p == doc.path => {
                        lt::Location::new(uri.clone(), self.range(doc, r.span))
                    }
                    Some(p) => self.location_elsewhere(p, r.span, files)?,
                };
                Some(lt::DiagnosticRelatedInformation {
                    location,
                    message: r.message.clone(),
                })
            })
            .collect();
        lt::Diagnostic {
            range: self.range(doc, d.span),
            severity: Some(match d.severity {
                Severity::Error => lt::DiagnosticSeverity::ERROR,
                Severity::Warning => lt::DiagnosticSeverity::WARNING,
                Severity::Info => lt::DiagnosticSeverity::INFORMATION,
            }),
            code: Some(lt::NumberOrString::String(d.rule.to_string())),
            code_description: self.rule_docs.as_ref().and_then(|t| {
                Url::parse(&t.replace("{rule}", d.rule))
                    .ok()
                    .map(|href| lt::CodeDescription { href })
            }),
            source: Some("credlint".into()),
            message,
            related_information: Some(related),
            ..Default::default()
        }
    }

    /// Where `span` of another file is: in its open document, or in the file on disk.
    fn location_elsewhere(
        &self,
        path: &str,
        span: credlint::Span,
        files: &mut FxHashMap<String, Option<(String, LineMap)>>,
    ) -> Option<lt::Location> {
        let uri = Url::from_file_path(path).ok()?;
        if let Some(open) = self.docs.get(&uri) {
            return Some(lt::Location::new(uri, self.range(open, span)));
        }
        let file = files.entry(path.to_string()).or_insert_with(|| {
            let text = std::fs::read_to_string(path).ok()?;
            let lines = LineMap::new(&text);
            Some((text, lines))
        });
        let (text, lines) = file.as_ref()?;
        let range = lt::Range::new(
            lines.position(text, span.start, self.encoding),
            lines.position(text, span.end, self.encoding),
        );
        Some(lt::Location::new(uri, range))
    }

    /// Reads the workspace's configuration file, and publishes its error (or clears it).
    fn load_settings(&mut self) {
        let file = self.root.as_deref().and_then(self.host.discover);
        let loaded = match &file {
            Some(p) => (self.host.load)(p),
            None => Config::builtin(),
        };
        let old_error = self.settings.error.take();
        let (config, error) = match loaded {
            Ok(c) => (c, None),
            // the built-in rules go on while the file is wrong
            Err(e) => (
                builtin(),
                file.as_deref()
                    .and_then(|p| config_diagnostic(p, &e, self.encoding)),
            ),
        };
        if let Some((uri, _)) = old_error
            .as_ref()
            .filter(|(u, _)| error.as_ref().is_none_or(|(new, _)| new != u))
        {
            self.notify::<lt::notification::PublishDiagnostics>(lt::PublishDiagnosticsParams {
                uri: uri.clone(),
                diagnostics: Vec::new(),
                version: None,
            });
        }
        if let Some((uri, d)) = &error {
            self.notify::<lt::notification::PublishDiagnostics>(lt::PublishDiagnosticsParams {
                uri: uri.clone(),
                diagnostics: vec![d.clone()],
                version: None,
            });
        }
        self.settings = Settings {
            config: Arc::new(config),
            file,
            error,
        };
    }

    /// The configuration changed: read again, every open document linted again, the
    /// folder's names read again (the lexicon decides what a name is).
    fn reload_settings(&mut self) {
        self.load_settings();
        self.dirty.extend(self.docs.keys().cloned());
        self.start_build();
    }

    fn start_build(&mut self) {
        self.generation += 1;
        if let Some(root) = &self.root {
            workspace::build_in_background(
                self.host,
                root.clone(),
                Arc::clone(&self.settings.config),
                self.generation,
                self.built_tx.clone(),
            );
        }
    }

    /// The background build is done: its names replace the folder's, except the open
    /// documents' (their text in the editor counts, not the file's).
    fn take_built(&mut self, built: workspace::Built) {
        if built.generation != self.generation {
            return;
        }
        let mut names = workspace::NameSet::default();
        let open: FxHashSet<&str> = self.docs.values().map(|d| d.path.as_str()).collect();
        for d in built.docs {
            if !open.contains(d.path.as_str()) {
                names.update(d);
            }
        }
        for doc in self.docs.values() {
            if let Some(n) = self.names.get(&doc.path) {
                names.update(n.clone());
            }
        }
        self.names = names;
        self.compare_and_publish(None);
    }
}

fn builtin() -> Config {
    // the embedded rule set is checked by the test suite: it always parses
    Config::builtin().unwrap_or_else(|e| panic!("built-in configuration: {e}"))
}

/// A configuration error as a diagnostic on the configuration file.
fn config_diagnostic(path: &Path, e: &ConfigError, enc: Encoding) -> Option<(Url, lt::Diagnostic)> {
    let uri = Url::from_file_path(path).ok()?;
    let lines = LineMap::new(&e.src);
    let range = match e.span {
        Some(s) => lt::Range::new(
            lines.position(&e.src, s.start, enc),
            lines.position(&e.src, s.end.max(s.start), enc),
        ),
        None => lt::Range::default(),
    };
    let mut message = e.message.clone();
    for extra in [&e.label, &e.help].into_iter().flatten() {
        message.push_str(&format!("\n{extra}"));
    }
    Some((
        uri,
        lt::Diagnostic {
            range,
            severity: Some(lt::DiagnosticSeverity::ERROR),
            code: Some(lt::NumberOrString::String("config".into())),
            source: Some("credlint".into()),
            message,
            ..Default::default()
        },
    ))
}

/// Is `path` a file the folder's walk would lint (by its extension)?
fn linted(extensions: &[&str], path: &str) -> bool {
    Path::new(path)
        .extension()
        .and_then(|x| x.to_str())
        .is_some_and(|x| extensions.iter().any(|e| e.eq_ignore_ascii_case(x)))
}

fn is_config(uri: &Url) -> bool {
    uri.path_segments()
        .and_then(|mut s| s.next_back())
        .is_some_and(|name| CONFIG_NAMES.contains(&name))
}

/// The path the library is given for a document: its file path, or its URI.
fn library_path(uri: &Url) -> String {
    match uri.to_file_path() {
        Ok(p) => p.display().to_string(),
        Err(()) => uri.to_string(),
    }
}

fn params<P: serde::de::DeserializeOwned>(v: Value) -> Result<P, (ErrorCode, String)> {
    serde_json::from_value(v).map_err(|e| (ErrorCode::InvalidParams, e.to_string()))
}

/// Runs `f`, turning a panic into an internal error: the library should never panic,
/// but a bug in a rule must not end the editor's session (the panic's message goes to
/// standard error, the editor's log).
fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, (ErrorCode, String)> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).map_err(|panic| {
        let why = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic".into());
        (ErrorCode::InternalError, format!("internal error: {why}"))
    })
}

fn to_value(v: impl serde::Serialize) -> Value {
    serde_json::to_value(v).unwrap_or(Value::Null)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_an_internal_error() {
        let r: Result<u8, _> = guarded(|| panic!("boom"));
        let (code, message) = r.expect_err("the panic is caught");
        assert_eq!(code as i32, ErrorCode::InternalError as i32);
        assert_eq!(message, "internal error: boom");
        assert_eq!(guarded(|| 7).ok(), Some(7));
    }

    #[test]
    fn configuration_files_are_known_by_name() {
        let url = |s: &str| Url::parse(s).expect("a URL");
        assert!(is_config(&url("file:///news/credlint.toml")));
        assert!(is_config(&url("file:///news/.credlint.toml")));
        assert!(!is_config(&url("file:///news/credlint.toml.bak")));
        let linted = |p| linted(&["md", "txt"], p);
        assert!(linted("/news/a.md") && linted("/news/b.TXT") && !linted("/news/c.toml"));
    }
}
