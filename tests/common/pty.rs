//! The binary in a pseudo-terminal, as a person at a terminal meets it: wait for a text, type
//! keys, kill it, or wait for it to end.
//!
//! rexpect's session polls every 100 ms while it waits, which would make a few hundred kills
//! slow and their timing coarse; this reads the terminal in a thread and wakes up as soon as
//! output arrives. Needles are matched byte for byte, escape sequences and all.

use std::fs::File;
use std::io::{Read, Write};
use std::path::Path;
use std::process::Command;
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use rexpect::process::{PtyProcess, Signal, WaitStatus};

/// How long one expectation may wait; a screen takes milliseconds.
pub const TIMEOUT: Duration = Duration::from_secs(10);

pub const ENTER: &str = "\r";
pub const ESC: &str = "\x1b";
pub const RIGHT: &str = "\x1b[C";
pub const LEFT: &str = "\x1b[D";
pub const UP: &str = "\x1b[A";
pub const DOWN: &str = "\x1b[B";
pub const HOME: &str = "\x1b[H";
pub const END: &str = "\x1b[F";
pub const DELETE: &str = "\x1b[3~";
pub const BACKSPACE: &str = "\x7f";
pub const CTRL_C: &str = "\x03";

/// `text` as a terminal with bracketed paste sends it.
pub fn paste(text: &str) -> String {
    format!("\x1b[200~{text}\x1b[201~")
}

/// Terminal output for a message: escapes shown as ␛, carriage returns dropped.
pub fn readable(output: impl AsRef<[u8]>) -> String {
    String::from_utf8_lossy(output.as_ref())
        .replace('\x1b', "␛")
        .replace('\r', "")
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

/// How to start a [`Pty`]: `Pty::start(dir, args)` for the usual 100 × 40 terminal, or
/// `Pty::options().columns(60).start(dir, args)` for another.
#[derive(Clone, Debug)]
pub struct Options {
    columns: u16,
    rows: u16,
    stderr: bool,
    context: Option<String>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            columns: 100,
            rows: 40,
            stderr: true,
            context: None,
        }
    }
}

impl Options {
    pub fn columns(mut self, columns: u16) -> Options {
        self.columns = columns;
        self
    }

    pub fn rows(mut self, rows: u16) -> Options {
        self.rows = rows;
        self
    }

    /// Leaves standard error out of what the terminal shows (notices and hints).
    pub fn without_stderr(mut self) -> Options {
        self.stderr = false;
        self
    }

    /// Names the run in failure messages (e.g. "kill 7, resumed").
    pub fn context(mut self, context: &str) -> Options {
        self.context = Some(context.to_string());
        self
    }

    /// `vakwijzer ARGS` in `dir`, in a terminal of this size, clean (see `common::clean`).
    pub fn start(self, dir: &Path, args: &[&str]) -> Pty {
        // A pseudo-terminal starts with 0 columns, which no real terminal has: stty sizes it.
        let redirect = if self.stderr { "" } else { " 2>/dev/null" };
        let mut command = Command::new("sh");
        command
            .arg("-c")
            .arg(format!(
                "stty cols {} rows {} && exec \"$0\" \"$@\"{redirect}",
                self.columns, self.rows
            ))
            .arg(super::binary())
            .args(args)
            .current_dir(dir)
            .env("TERM", "xterm");
        super::clean(&mut command);
        let what = match self.context {
            Some(context) => format!("{context}: vakwijzer {}", args.join(" ")),
            None => format!("vakwijzer {}", args.join(" ")),
        };
        Pty::spawn(command, what)
    }
}

/// A program in a pseudo-terminal, with everything it wrote kept for messages.
pub struct Pty {
    process: PtyProcess,
    input: File,
    output: Receiver<Option<Vec<u8>>>,
    /// Output not matched yet.
    pending: Vec<u8>,
    /// Output matched so far.
    seen: Vec<u8>,
    ended: bool,
    what: String,
}

impl Pty {
    /// Starts `vakwijzer ARGS` in `dir` in a terminal of 100 columns and 40 rows.
    pub fn start(dir: &Path, args: &[&str]) -> Pty {
        Pty::options().start(dir, args)
    }

    pub fn options() -> Options {
        Options::default()
    }

    /// Starts `command` in a pseudo-terminal; `what` names it in failure messages.
    pub fn spawn(command: Command, what: String) -> Pty {
        let process =
            PtyProcess::new(command).unwrap_or_else(|e| panic!("cannot start {what}: {e}"));
        let mut reader = process.get_file_handle().expect("the terminal");
        let input = process.get_file_handle().expect("the terminal");
        let (sender, output) = channel();
        std::thread::spawn(move || {
            let mut buffer = [0u8; 4096];
            loop {
                match reader.read(&mut buffer) {
                    Ok(0) => break,
                    Ok(count) => {
                        if sender.send(Some(buffer[..count].to_vec())).is_err() {
                            return;
                        }
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                    // EIO: every process on the terminal has gone.
                    Err(_) => break,
                }
            }
            let _ = sender.send(None);
        });
        Pty {
            process,
            input,
            output,
            pending: Vec::new(),
            seen: Vec::new(),
            ended: false,
            what,
        }
    }

    /// Panics with `message`, the output not matched and the last of the output before it.
    pub fn fail(&self, message: &str) -> ! {
        let start = self.seen.len().saturating_sub(3000);
        panic!(
            "{}: {message}\n--- unmatched output ---\n{}\n--- output before that ---\n{}",
            self.what,
            readable(&self.pending),
            readable(&self.seen[start..])
        )
    }

    /// Waits for the first of `needles`; gives its index and the output before it.
    pub fn expect_any(&mut self, needles: &[&str]) -> (usize, String) {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let first = needles
                .iter()
                .enumerate()
                .filter_map(|(index, needle)| {
                    find(&self.pending, needle.as_bytes()).map(|at| (at, index))
                })
                .min();
            if let Some((at, index)) = first {
                let before: Vec<u8> = self.pending.drain(..at).collect();
                self.pending.drain(..needles[index].len());
                self.seen.extend_from_slice(&before);
                self.seen.extend_from_slice(needles[index].as_bytes());
                return (index, String::from_utf8_lossy(&before).into_owned());
            }
            if self.ended {
                self.fail(&format!("the program ended while waiting for {needles:?}"));
            }
            let left = deadline.saturating_duration_since(Instant::now());
            match self.output.recv_timeout(left) {
                Ok(Some(bytes)) => self.pending.extend_from_slice(&bytes),
                Ok(None) | Err(RecvTimeoutError::Disconnected) => self.ended = true,
                Err(RecvTimeoutError::Timeout) => {
                    self.fail(&format!("nothing matched {needles:?} within {TIMEOUT:?}"))
                }
            }
        }
    }

    /// Waits for `needle`; gives the output before it.
    pub fn expect(&mut self, needle: &str) -> String {
        self.expect_any(&[needle]).1
    }

    /// Types `keys`.
    pub fn send(&mut self, keys: &str) {
        if let Err(e) = self
            .input
            .write_all(keys.as_bytes())
            .and_then(|()| self.input.flush())
        {
            self.fail(&format!("cannot send {keys:?}: {e}"));
        }
    }

    /// Everything the program wrote that was read so far, matched or not.
    pub fn output(&self) -> String {
        let mut all = self.seen.clone();
        all.extend_from_slice(&self.pending);
        String::from_utf8_lossy(&all).into_owned()
    }

    /// Kills the program with SIGKILL and reaps it.
    pub fn kill(self) -> WaitStatus {
        let mut process = self.process;
        process.signal(Signal::SIGKILL).expect("sends SIGKILL");
        process.wait().expect("waits for the program")
    }

    /// Waits for the program to end by itself; its exit status and everything it wrote.
    pub fn end(mut self) -> (WaitStatus, String) {
        let deadline = Instant::now() + TIMEOUT;
        while !self.ended {
            match self
                .output
                .recv_timeout(deadline.saturating_duration_since(Instant::now()))
            {
                Ok(Some(bytes)) => self.pending.extend_from_slice(&bytes),
                Ok(None) | Err(RecvTimeoutError::Disconnected) => self.ended = true,
                Err(RecvTimeoutError::Timeout) => self.fail("the program did not end"),
            }
        }
        let status = self.process.wait().expect("waits for the program");
        (status, self.output())
    }

    /// Waits for the program to end by itself, with status 0; gives everything it wrote.
    pub fn finish(self) -> String {
        self.end_with(0)
    }

    /// Waits for the program to end by itself, with status `code`; gives everything it wrote.
    pub fn end_with(self, code: i32) -> String {
        let what = self.what.clone();
        let (status, output) = self.end();
        assert!(
            matches!(status, WaitStatus::Exited(_, c) if c == code),
            "{what}: ended with {status:?}, not status {code}\n--- terminal output ---\n{}",
            readable(output.as_bytes())
        );
        output
    }
}

// ---------------------------------------------------------------------------------------------
// What the scan and the interview show at a terminal (Dutch, the default)

/// The scan's keys hint under every statement; the choice line is drawn (in raw mode) right
/// after it.
pub const SCAN_KEYS: &str =
    "  1-5 of pijltjes kiezen · 0 n.v.t. · Enter bevestigen · b terug · q opslaan en stoppen\r\n";
/// The keys hint of a single choice (rating, advice); the choice line is drawn right after it.
pub const CHOICE_KEYS: &str =
    "  cijfer of pijltjes kiezen · Enter bevestigen · b terug · q opslaan en stoppen\r\n";
/// The opening of the keys line of a note or motivation (scan and interview).
pub const NOTE_KEYS: &str = "  Enter = nieuwe regel · 2× Enter = klaar · Esc = terug";
/// The opening of the keys line of a numbered list (questions, indicators); the numbers are
/// typed on the line below it.
pub const PICK_KEYS: &str = "  Nummers en Enter · alleen Enter = zoals aangevinkt";
/// The first row of the editor where a text (note, numbers) is typed, drawn in raw mode after
/// clearing below the prompt: keys typed from then on are read as keys.
pub const EDITOR: &str = "\x1b[J  > ";
