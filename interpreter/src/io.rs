//! Buffered standard streams. Output is flushed on every exit path (normal exit, uncaught
//! exception, SystemExit, signals handled by the interpreter).

use std::io::Write;

pub struct OutStream {
    buf: Vec<u8>,
    fd: i32,
    pub unbuffered: bool,
    pub line_buffered: bool,
}

impl OutStream {
    pub fn stdout() -> OutStream {
        let tty = is_tty(1);
        OutStream { buf: Vec::with_capacity(8192), fd: 1, unbuffered: false, line_buffered: tty }
    }
    pub fn stderr() -> OutStream {
        OutStream { buf: Vec::with_capacity(1024), fd: 2, unbuffered: false, line_buffered: true }
    }
    pub fn write_str(&mut self, s: &str) -> std::io::Result<()> {
        self.buf.extend_from_slice(s.as_bytes());
        if self.unbuffered || self.buf.len() >= 8192 || (self.line_buffered && s.contains('\n')) {
            self.flush()?;
        }
        Ok(())
    }
    pub fn flush(&mut self) -> std::io::Result<()> {
        if self.buf.is_empty() {
            return Ok(());
        }
        let r = if self.fd == 1 {
            let mut o = std::io::stdout().lock();
            o.write_all(&self.buf).and_then(|_| o.flush())
        } else {
            let mut o = std::io::stderr().lock();
            o.write_all(&self.buf).and_then(|_| o.flush())
        };
        self.buf.clear();
        r
    }
}

impl Drop for OutStream {
    /// Output is never lost: whatever path ends the interpreter, buffered text is written.
    fn drop(&mut self) {
        let _ = self.flush();
    }
}

fn is_tty(fd: i32) -> bool {
    use std::io::IsTerminal;
    if fd == 1 {
        std::io::stdout().is_terminal()
    } else {
        std::io::stderr().is_terminal()
    }
}
