//! JSON-RPC messages over standard input and output, framed by `Content-Length` headers.
//!
//! `lsp-server` provides the message types and a stdio transport, but its reader thread
//! stops at the first payload that is not a valid message, which closes the connection
//! and ends the server. This reader answers such a payload with a JSON-RPC error (parse
//! error, or invalid request with the request's id when it has one) and reads on; the
//! framing itself is the few lines of the protocol's base layer.

use std::io::{self, BufRead, Write};
use std::thread;

use crossbeam_channel::{Receiver, Sender, unbounded};
use lsp_server::Message;
use serde_json::Value;

/// What the writer thread sends: a message, or a JSON-RPC error that has no request id
/// `lsp-server` can represent (`"id": null`, as JSON-RPC asks for a parse error).
pub enum Out {
    Message(Message),
    Raw(Value),
}

pub struct Transport {
    pub incoming: Receiver<Message>,
    pub outgoing: Sender<Out>,
    reader: thread::JoinHandle<()>,
    writer: thread::JoinHandle<io::Result<()>>,
}

impl Transport {
    pub fn stdio() -> Transport {
        let (out_tx, out_rx) = unbounded::<Out>();
        let (in_tx, in_rx) = unbounded::<Message>();
        let errors = out_tx.clone();
        let reader = thread::spawn(move || {
            let stdin = io::stdin();
            read_loop(&mut stdin.lock(), &in_tx, &errors);
        });
        let writer = thread::spawn(move || {
            let stdout = io::stdout();
            let mut w = stdout.lock();
            for out in out_rx {
                match out {
                    Out::Message(m) => m.write(&mut w)?,
                    Out::Raw(v) => write_frame(&mut w, &v.to_string())?,
                }
            }
            Ok(())
        });
        Transport {
            incoming: in_rx,
            outgoing: out_tx,
            reader,
            writer,
        }
    }

    /// Waits for everything sent to be written. The reader is left to end with its
    /// input (it may be blocked on a read the process exit ends).
    pub fn finish(self) -> io::Result<()> {
        drop(self.outgoing);
        drop(self.incoming);
        drop(self.reader);
        self.writer
            .join()
            .unwrap_or_else(|_| Err(io::Error::other("writer thread panicked")))
    }
}

fn write_frame(w: &mut impl Write, body: &str) -> io::Result<()> {
    write!(w, "Content-Length: {}\r\n\r\n{body}", body.len())?;
    w.flush()
}

/// Reads messages until the input ends or an `exit` notification: each valid one goes to
/// `messages`; each invalid one gets an error response through `errors`.
fn read_loop(r: &mut impl BufRead, messages: &Sender<Message>, errors: &Sender<Out>) {
    loop {
        let body = match read_frame(r) {
            Ok(Some(b)) => b,
            Ok(None) => return,
            Err(e) if e.kind() == io::ErrorKind::InvalidData => {
                let _ = errors.send(Out::Raw(error(Value::Null, -32700, &e.to_string())));
                continue;
            }
            Err(_) => return,
        };
        match parse(&body) {
            Ok(msg) => {
                let exit = matches!(&msg, Message::Notification(n) if n.method == "exit");
                if messages.send(msg).is_err() || exit {
                    return;
                }
            }
            Err(reply) => {
                if errors.send(Out::Raw(reply)).is_err() {
                    return;
                }
            }
        }
    }
}

/// A message, or the error response to a payload that is not one.
pub fn parse(body: &[u8]) -> Result<Message, Value> {
    let value: Value = serde_json::from_slice(body)
        .map_err(|e| error(Value::Null, -32700, &format!("parse error: {e}")))?;
    let id = value.get("id").cloned().unwrap_or(Value::Null);
    serde_json::from_value(value).map_err(|e| error(id, -32600, &format!("invalid request: {e}")))
}

fn error(id: Value, code: i32, message: &str) -> Value {
    serde_json::json!({"jsonrpc": "2.0", "id": id, "error": {"code": code, "message": message}})
}

/// One frame's body: `Ok(None)` at the end of the input; `InvalidData` for a frame whose
/// header is malformed (the frame is skipped: its body, if any, is read and dropped).
fn read_frame(r: &mut impl BufRead) -> io::Result<Option<Vec<u8>>> {
    let mut length: Option<usize> = None;
    let mut malformed = None;
    let mut line = String::new();
    let mut any = false;
    loop {
        line.clear();
        if r.read_line(&mut line)? == 0 {
            return Ok(None);
        }
        let header = line.trim_end_matches(['\r', '\n']);
        if header.is_empty() {
            if any {
                break;
            }
            // stray blank lines between frames
            continue;
        }
        any = true;
        match header.split_once(':') {
            Some((name, value)) if name.trim().eq_ignore_ascii_case("content-length") => {
                match value.trim().parse() {
                    Ok(n) => length = Some(n),
                    Err(_) => malformed = Some(format!("bad Content-Length: {value:?}")),
                }
            }
            Some(_) => {}
            None => malformed = Some(format!("malformed header: {header:?}")),
        }
    }
    let Some(n) = length else {
        let why = malformed.unwrap_or_else(|| "no Content-Length header".into());
        return Err(io::Error::new(io::ErrorKind::InvalidData, why));
    };
    let mut body = vec![0; n];
    r.read_exact(&mut body)?;
    match malformed {
        Some(why) => Err(io::Error::new(io::ErrorKind::InvalidData, why)),
        None => Ok(Some(body)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn framed(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    #[test]
    fn invalid_payloads_get_errors_and_reading_goes_on() {
        let input = [
            framed("{not json"),
            framed(r#"{"jsonrpc":"2.0","id":7,"params":{}}"#),
            "Bogus\r\n\r\n".to_string(),
            framed(r#"{"jsonrpc":"2.0","method":"exit"}"#),
        ]
        .concat();
        let (mtx, mrx) = unbounded();
        let (etx, erx) = unbounded();
        read_loop(&mut input.as_bytes(), &mtx, &etx);
        let errors: Vec<Value> = erx
            .try_iter()
            .map(|o| match o {
                Out::Raw(v) => v,
                Out::Message(_) => Value::Null,
            })
            .collect();
        assert_eq!(errors.len(), 3, "{errors:?}");
        assert_eq!(errors[0]["error"]["code"], -32700);
        assert_eq!(errors[0]["id"], Value::Null);
        assert_eq!(errors[1]["error"]["code"], -32600);
        assert_eq!(errors[1]["id"], 7);
        assert_eq!(errors[2]["error"]["code"], -32700);
        let msgs: Vec<Message> = mrx.try_iter().collect();
        assert_eq!(msgs.len(), 1);
        assert!(matches!(&msgs[0], Message::Notification(n) if n.method == "exit"));
    }
}
