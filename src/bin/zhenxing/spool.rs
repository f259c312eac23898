//! A private temporary copy of a stream that must be read more than once (standard input, a pipe
//! or a FIFO named on the command line, a `.json` document rewritten as lines).
//!
//! Nobody else can read it and nothing of it outlives the run, however the run ends: the file is
//! created with `O_EXCL` and mode 600 inside a fresh directory of mode 700, and both are unlinked at
//! once; the copy lives on only through its open handle, so even a `kill -9` leaves nothing behind.
//! Each pass reads it through its own position (`pread`), so passes never disturb one another.

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use zhenxing::register::read::{endless_line, MAX_SKIPPED};

/// An unlinked temporary file, read from the start as often as needed.
pub struct Spool {
    file: Arc<File>,
}

impl Spool {
    /// Copy `reader` whole into a new spool.
    pub fn copy_of(reader: &mut impl Read) -> Result<Spool, String> {
        let (mut file, place) = create().map_err(|e| {
            format!(
                "无法在临时文件夹 {} 中创建临时文件：{}",
                std::env::temp_dir().display(),
                crate::files::os_error(&e)
            )
        })?;
        // Nothing to clean up from here on: the name is gone before any byte is written.
        drop(place);
        copy_lines(reader, &mut file)
            .and_then(|()| file.flush())
            .map_err(|e| format!("读取失败：{}", crate::files::os_error(&e)))?;
        Ok(Spool {
            file: Arc::new(file),
        })
    }

    /// A reader from the start of the copy.
    pub fn reader(&self) -> Box<dyn BufRead + Send> {
        Box::new(BufReader::with_capacity(
            1 << 16,
            At {
                file: Arc::clone(&self.file),
                pos: 0,
            },
        ))
    }

    /// The copy's size in bytes.
    pub fn len(&self) -> Option<u64> {
        self.file.metadata().ok().map(|m| m.len())
    }
}

/// Copy `reader` into `file`, stopping with an error at a line still without an end after
/// [`MAX_SKIPPED`] bytes: a stream that is not a register at all (`/dev/zero`) is never copied
/// without end.
fn copy_lines(reader: &mut impl Read, file: &mut File) -> io::Result<()> {
    let mut buf = vec![0u8; 1 << 16];
    let (mut line, mut run) = (1u64, 0u64);
    loop {
        let n = match reader.read(&mut buf) {
            Ok(0) => return Ok(()),
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        let chunk = buf.get(..n).unwrap_or_default();
        for b in chunk {
            if *b == b'\n' || *b == b'\r' {
                line = line.saturating_add(1);
                run = 0;
            } else {
                run = run.saturating_add(1);
            }
        }
        if run > MAX_SKIPPED {
            return Err(endless_line(line));
        }
        file.write_all(chunk)?;
    }
}

/// The directory and file names of a spool being created; removed when dropped.
struct Place {
    dir: PathBuf,
    file: PathBuf,
}

impl Drop for Place {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.file);
        let _ = fs::remove_dir(&self.dir);
    }
}

/// A new file, readable and writable by this user only, in a new directory only this user can
/// enter, under the system's temporary folder.
fn create() -> io::Result<(File, Place)> {
    let base = std::env::temp_dir();
    let dir = private_dir(&base)?;
    let file = dir.join("spool");
    let mut options = OpenOptions::new();
    options.read(true).write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let place = Place {
        dir,
        file: file.clone(),
    };
    let opened = options.open(&file)?;
    Ok((opened, place))
}

/// A fresh directory of mode 700 under `base`; a name already taken (even by a planted symlink) is
/// never reused.
fn private_dir(base: &Path) -> io::Result<PathBuf> {
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let mut last = None;
    for attempt in 0u32..64 {
        let dir = base.join(format!(
            "zhenxing-{}-{:x}",
            std::process::id(),
            stamp.wrapping_add(u128::from(attempt).wrapping_mul(0x9e37_79b9))
        ));
        let mut builder = fs::DirBuilder::new();
        #[cfg(unix)]
        {
            use std::os::unix::fs::DirBuilderExt;
            builder.mode(0o700);
        }
        match builder.create(&dir) {
            Ok(()) => return Ok(dir),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last.unwrap_or_else(|| io::Error::other("no free name")))
}

/// A reader of a shared file at its own position.
struct At {
    file: Arc<File>,
    pos: u64,
}

impl Read for At {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = read_at(&self.file, buf, self.pos)?;
        self.pos = self.pos.saturating_add(n as u64);
        Ok(n)
    }
}

#[cfg(unix)]
fn read_at(file: &File, buf: &mut [u8], pos: u64) -> io::Result<usize> {
    use std::os::unix::fs::FileExt;
    file.read_at(buf, pos)
}

#[cfg(windows)]
fn read_at(file: &File, buf: &mut [u8], pos: u64) -> io::Result<usize> {
    use std::os::windows::fs::FileExt;
    file.seek_read(buf, pos)
}
