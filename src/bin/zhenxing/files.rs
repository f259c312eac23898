//! Files in and out, safely: the input's format from its name (Excel workbooks refused with what to
//! do), its encoding checked once up front, standard input spooled when it must be read twice; the
//! output written to a temporary file beside the target and renamed over it only when the run
//! succeeded, never the input itself, `-` for standard output.

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use zhenxing::estimate::compare::{Change, ComparisonSummary, NO_REGION};
use zhenxing::register::read::{Encoding, UTF8};
use zhenxing::register::summary::{printable, printable_headed};
use zhenxing::register::text::{document_lines, TextFormat};

use crate::pipeline::Format;
use crate::spool::Spool;

/// How much of the input is looked at to tell its encoding.
const SNIFF: usize = 1 << 16;

/// GB18030 (a superset of GBK and GB2312), what Excel writes on Chinese Windows.
fn decode_gbk(bytes: &[u8]) -> Option<String> {
    encoding_rs::GB18030
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|c| c.into_owned())
}

/// UTF-8, with the tool's own way out for a GBK file.
const UTF8_OR_GBK: Encoding = Encoding {
    advice: "请另存为 UTF-8 或使用 --encoding gbk",
    ..UTF8
};

const GBK: Encoding = Encoding {
    decode: decode_gbk,
    name: "GBK",
    advice: "请检查文件的编码",
};

const EXCEL: &str =
    "是 Excel 工作簿，不能直接读取：请在 Excel 中另存为 CSV UTF-8（逗号分隔）(*.csv)";

/// Whether a path names a CSV file.
/// An operating-system error in Chinese, for a file the user named: the system's own words only
/// for what is not listed here.
/// What a run that lost the reader of its output ends with (`zhenxing params --json | head`): the
/// reader took what it wanted, so the run ends quietly and succeeds, whatever it was writing.
pub const READER_GONE: &str = "输出的读取方已提前关闭";

/// A failure to write, in words; a reader gone ([`READER_GONE`]) told apart from the rest.
pub fn write_failed(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::BrokenPipe => READER_GONE.to_string(),
        _ => format!("写出失败：{}", os_error(e)),
    }
}

pub fn os_error(e: &io::Error) -> String {
    let words = match e.kind() {
        io::ErrorKind::NotFound => "文件或文件夹不存在",
        io::ErrorKind::PermissionDenied => "没有权限",
        io::ErrorKind::IsADirectory => "这是文件夹，不是文件",
        io::ErrorKind::AlreadyExists => "文件已存在",
        io::ErrorKind::StorageFull => "磁盘已满",
        io::ErrorKind::ReadOnlyFilesystem => "文件系统只读",
        _ => return format!("{e}"),
    };
    words.to_string()
}

pub fn is_csv(path: &Path) -> bool {
    extension(path).as_deref() == Some("csv")
}

fn extension(path: &Path) -> Option<String> {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
}

fn is_workbook(ext: &str) -> bool {
    matches!(
        ext,
        "xlsx" | "xls" | "xlsm" | "xlsb" | "xltx" | "et" | "ods" | "numbers"
    )
}

/// The register to read.
pub struct Input {
    /// Where each pass over the register reads from.
    source: Source,
    /// The file the user named (not standard input), for refusing to write over it.
    named: Option<PathBuf>,
    pub format: Format,
    pub encoding: Encoding,
    pub size: Option<u64>,
}

/// Where a register is read from.
enum Source {
    /// A regular file, opened afresh for each pass.
    File(PathBuf),
    /// A private copy: of a stream read more than once, or of a document rewritten as lines.
    Spool(Spool),
    /// A stream (standard input, a pipe, a FIFO) read once, straight through.
    Stream(Mutex<Option<Box<dyn BufRead + Send>>>),
}

/// The format a file's extension names, if any.
fn format_by_name(ext: Option<&str>) -> Option<Format> {
    match ext {
        Some("csv") => Some(Format::Csv),
        Some("jsonl" | "json" | "ndjson") => Some(Format::JsonLines),
        _ => None,
    }
}

/// The format of text starting with `head`, as screenText tells it: JSON Lines when it starts
/// with `{` or (a document, read as such below) `[`, CSV otherwise.
fn sniff(head: &[u8]) -> Format {
    match TextFormat::sniff(head) {
        TextFormat::JsonLines => Format::JsonLines,
        TextFormat::Csv => Format::Csv,
    }
}

/// Whether text starting with `head` is a JSON array (its first character other than a space or
/// a byte-order mark is `[`).
fn is_array(head: &[u8]) -> bool {
    zhenxing::register::text::first_char(head) == Some(b'[')
}

/// The encoding of an input: GBK when asked (`--encoding gbk`), else UTF-8 with the advice to ask.
pub fn encoding(gbk: bool) -> Encoding {
    if gbk {
        GBK
    } else {
        UTF8_OR_GBK
    }
}

/// Refuse, up front, an Excel workbook and a file not in the encoding asked for (`bytes` is the
/// whole file).
pub fn check_start(bytes: &[u8], name: &str, encoding: Encoding) -> Result<(), String> {
    check_head(bytes.get(..SNIFF).unwrap_or(bytes), name, encoding)?;
    match std::str::from_utf8(bytes) {
        Ok(_) => Ok(()),
        Err(_) => check_utf8(bytes, name, encoding),
    }
}

/// Refuse, up front, a file read as UTF-8 with any line that is not UTF-8 (a GBK file with lines
/// that happen to be UTF-8 as well, or a UTF-8 file with a row saved as GBK): no row is read.
fn check_utf8(input: impl BufRead, name: &str, encoding: Encoding) -> Result<(), String> {
    if encoding.name != UTF8.name {
        return Ok(());
    }
    let Some((line, bytes)) = zhenxing::register::read::first_line_not_utf8(input) else {
        return Ok(());
    };
    Err(match decode_gbk(&bytes) {
        Some(_) => format!("{name} 第 {line} 行{GBK_FILE}"),
        None => format!("{name} 第 {line} 行不是 UTF-8 文本，整个文件未读取：请另存为 UTF-8 或使用 --encoding gbk"),
    })
}

/// What a file read as UTF-8 that is GBK is told.
const GBK_FILE: &str = "是 GBK 编码（中文 Windows 上 Excel“CSV（逗号分隔）”的默认编码），不是 UTF-8：请另存为 UTF-8（Excel 中选“CSV UTF-8（逗号分隔）”）或使用 --encoding gbk";

/// Refuse, up front, an Excel workbook and a file not in the encoding asked for.
fn check_head(head: &[u8], name: &str, encoding: Encoding) -> Result<(), String> {
    if head.starts_with(b"PK\x03\x04") || head.starts_with(b"\xd0\xcf\x11\xe0") {
        return Err(format!("{name} {EXCEL}"));
    }
    check_encoding(head, encoding, name)
}

impl Input {
    /// Open `path` (`-`: standard input), tell its format, check its encoding. Anything that is not
    /// a regular file (`-`, `/dev/stdin`, `<(…)`, a named pipe) is a stream: read once, as it comes,
    /// or copied privately when it must be read twice.
    pub fn open(path: &Path, given: Option<Format>, gbk: bool) -> Result<Input, String> {
        let encoding = encoding(gbk);
        let dash = path.as_os_str() == "-";
        let name = match dash {
            true => "标准输入".to_string(),
            false => path.display().to_string(),
        };
        let ext = extension(path);
        if let Some(e) = ext.as_deref().filter(|e| is_workbook(e)) {
            return Err(format!("{}（.{e}）{EXCEL}", path.display()));
        }
        let by_name = given.or_else(|| format_by_name(ext.as_deref()));
        let stream = dash || fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir());
        let named = (!dash).then(|| path.to_path_buf());
        // `/dev/stdin` redirected from a file is a regular file with no extension: told by its text.
        let device = path.starts_with("/dev") || path.starts_with("/proc");
        if !stream {
            if by_name.is_none() && !device {
                return Err(format!(
                    "无法从文件名 {} 判断格式：应为 .csv、.jsonl、.json 或 .ndjson（或用 --input-format csv|jsonl 指定）",
                    path.display()
                ));
            }
            let mut f = File::open(path)
                .map_err(|e| format!("无法打开 {}：{}", path.display(), os_error(&e)))?;
            let head =
                read_head(&mut f).map_err(|e| format!("无法读取 {name}：{}", os_error(&e)))?;
            let format = by_name.unwrap_or_else(|| sniff(&head));
            let mut input = Input {
                source: Source::File(path.to_path_buf()),
                named,
                format,
                encoding,
                size: f.metadata().ok().map(|m| m.len()),
            };
            check_head(&head, &name, encoding)?;
            input.check_whole(&name)?;
            let document = ext.as_deref() == Some("json") || device || is_array(&head);
            if format == Format::JsonLines && document {
                input.read_as_document(&head)?;
            }
            return Ok(input);
        }
        let mut raw: Box<dyn Read + Send> = match dash {
            true => Box::new(io::stdin()),
            false => Box::new(
                File::open(path)
                    .map_err(|e| format!("无法打开 {}：{}", path.display(), os_error(&e)))?,
            ),
        };
        let head = read_head(&mut raw).map_err(|e| format!("读取{name}失败：{}", os_error(&e)))?;
        let format = by_name.unwrap_or_else(|| sniff(&head));
        check_head(&head, &name, encoding)?;
        let mut whole = io::Cursor::new(head.clone()).chain(raw);
        let mut input = Input {
            source: Source::Stream(Mutex::new(None)),
            named,
            format,
            encoding,
            size: None,
        };
        if format == Format::JsonLines && first_line_is_json(&head) && !is_array(&head) {
            let reader = BufReader::with_capacity(1 << 16, whole);
            input.source = Source::Stream(Mutex::new(Some(Box::new(reader))));
            return Ok(input);
        }
        // CSV is read twice (the first pass finds split households); JSON that is not one value a
        // line may be one document over several lines (a household the page exported), read whole.
        let spool = Spool::copy_of(&mut whole)?;
        input.size = spool.len();
        input.source = Source::Spool(spool);
        input.check_whole(&name)?;
        if format == Format::JsonLines {
            input.read_as_document(&head)?;
        }
        Ok(input)
    }

    /// A `.json` file that is one JSON document over several lines (a household as the staff
    /// page downloads it, or an array of households) is read as one household per line: each
    /// household's text with its line breaks made spaces (in valid JSON they are only ever
    /// spaces), in a private copy; its rows' line numbers are the households' places in it. A file
    /// that is not one document is read as JSON Lines, as before.
    fn read_as_document(&mut self, head: &[u8]) -> Result<(), String> {
        let size = match &self.source {
            Source::File(path) => fs::metadata(path).map(|m| m.len()).ok(),
            Source::Spool(spool) => spool.len(),
            Source::Stream(_) => None,
        };
        // A first line that is a whole JSON value: JSON Lines, read as it streams (not held whole),
        // unless it is an array (one document, however many lines it has).
        if size.is_none_or(|s| s > MAX_DOCUMENT) || (first_line_is_json(head) && !is_array(head)) {
            return Ok(());
        }
        let mut bytes = Vec::new();
        self.reader()?
            .read_to_end(&mut bytes)
            .map_err(|e| format!("读取失败：{}", os_error(&e)))?;
        let Some(text) = std::str::from_utf8(&bytes)
            .ok()
            .map(|t| t.trim_start_matches('\u{feff}'))
        else {
            return Ok(());
        };
        let array = text.trim_start().starts_with('[');
        if !array && text.trim().lines().count() < 2 {
            return Ok(());
        }
        let Some(lines) = document_lines(text) else {
            return Ok(());
        };
        self.source = Source::Spool(Spool::copy_of(&mut lines.as_bytes())?);
        Ok(())
    }

    /// Refuse, up front, a register read as UTF-8 with a line that is not (a stream read once,
    /// JSON Lines from standard input, is not read ahead: such a line is its own error). The whole
    /// is tested quickly first; its lines are looked at one by one only to name the first bad one.
    fn check_whole(&self, name: &str) -> Result<(), String> {
        match self.source {
            Source::Stream(_) => Ok(()),
            _ if self.encoding.name != UTF8.name => Ok(()),
            _ if zhenxing::register::read::all_utf8(self.reader()?) => Ok(()),
            _ => check_utf8(self.reader()?, name, self.encoding),
        }
    }

    /// A fresh reader from the start of the input.
    pub fn reader(&self) -> Result<Box<dyn BufRead + Send>, String> {
        match &self.source {
            Source::File(path) => {
                let f = File::open(path)
                    .map_err(|e| format!("无法打开 {}：{}", path.display(), os_error(&e)))?;
                Ok(Box::new(BufReader::with_capacity(1 << 16, f)))
            }
            Source::Spool(spool) => Ok(spool.reader()),
            Source::Stream(stream) => stream
                .lock()
                .ok()
                .and_then(|mut s| s.take())
                .ok_or_else(|| "内部错误：标准输入只能读一次".to_string()),
        }
    }

    /// The input file, for refusing to write over it.
    pub fn file(&self) -> Option<&Path> {
        self.named.as_deref()
    }
}

/// The first [`SNIFF`] bytes of a stream (fewer when it is shorter).
fn read_head(reader: &mut impl Read) -> io::Result<Vec<u8>> {
    let mut head = Vec::with_capacity(SNIFF);
    reader.take(SNIFF as u64).read_to_end(&mut head)?;
    Ok(head)
}

/// Whether the first line of `head` is a whole JSON value (so the text is JSON Lines).
fn first_line_is_json(head: &[u8]) -> bool {
    head.split(|b| *b == b'\n')
        .next()
        .filter(|_| head.contains(&b'\n'))
        .and_then(|line| std::str::from_utf8(line).ok())
        .map(|line| line.trim_start_matches('\u{feff}').trim())
        .is_some_and(|line| zhenxing::input::parse(line, "行").is_ok())
}

/// The largest `.json` document read whole (larger ones are read as JSON Lines).
const MAX_DOCUMENT: u64 = 256 << 20;

/// Refuse, once and up front, a file whose start is not in the encoding asked for.
fn check_encoding(head: &[u8], encoding: Encoding, name: &str) -> Result<(), String> {
    // Look at whole lines only: the sample may end inside a character.
    let head = match head.iter().rposition(|b| *b == b'\n') {
        Some(end) if head.len() == SNIFF => head.get(..end).unwrap_or(head),
        _ => head,
    };
    let utf8 = std::str::from_utf8(head).is_ok();
    if encoding.name == UTF8.name {
        // A UTF-8 register with a stray GBK row has lines of real UTF-8 text too: that row is
        // reported on its own. In a GBK file a few byte pairs happen to be UTF-8 characters
        // ('ο', 'Ӫ'), but no line with Chinese text in it is whole UTF-8.
        // (Looked for only in a sample that is not UTF-8 as a whole: a UTF-8 one is never GBK here.)
        let utf8_line = || {
            head.split(|b| *b == b'\n').any(|line| {
                std::str::from_utf8(line)
                    .is_ok_and(|l| l.chars().any(|c| !c.is_ascii() && c != '\u{feff}'))
            })
        };
        if !utf8 && !utf8_line() && decode_gbk(head).is_some() {
            return Err(format!("{name} {GBK_FILE}"));
        }
    } else if utf8 && !head.is_ascii() {
        return Err(format!(
            "{name} 是 UTF-8 编码，不是 GBK：请去掉 --encoding gbk"
        ));
    }
    Ok(())
}

/// Where results go: a file (through a temporary file beside it) or standard output.
pub struct Output {
    target: Option<PathBuf>,
    /// A device or a pipe (`/dev/null`, `/dev/stdout`): written straight, never renamed over.
    direct: bool,
    pub format: Format,
}

/// An output being written.
pub struct Writer {
    file: Option<(File, PathBuf, PathBuf)>,
    direct: Option<File>,
}

/// Whether `a` and `b` name the same file, links resolved (`b` need not exist yet).
pub fn same_file(a: &Path, b: &Path) -> bool {
    let canonical = |p: &Path| -> Option<PathBuf> {
        fs::canonicalize(p).ok().or_else(|| {
            let parent = p.parent().filter(|d| !d.as_os_str().is_empty());
            let dir = fs::canonicalize(parent.unwrap_or(Path::new("."))).ok()?;
            Some(dir.join(p.file_name()?))
        })
    };
    if canonical(a).is_some_and(|x| Some(x) == canonical(b)) {
        return true;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(x), Ok(y)) = (fs::metadata(a), fs::metadata(b)) {
            return x.dev() == y.dev() && x.ino() == y.ino();
        }
    }
    false
}

/// Refuse an output that is a file the run reads (the register, a parameter file), links resolved:
/// writing it would destroy what is being read.
pub fn refuse_input(output: &Path, reads: &[&Path]) -> Result<(), String> {
    match reads.iter().find(|r| same_file(r, output)) {
        Some(read) => Err(format!(
            "输出文件 {} 就是输入文件 {}：写出会覆盖正在读取的文件，请另选输出文件名",
            output.display(),
            read.display()
        )),
        None => Ok(()),
    }
}

/// Refuse two outputs of one run that are the same file (or both standard output): one would
/// overwrite the other. `outputs` are the options and their values (`None`: not given).
pub fn refuse_shared(outputs: &[(&str, Option<&Path>)]) -> Result<(), String> {
    let given: Vec<(&str, &Path)> = outputs
        .iter()
        .filter_map(|(option, path)| path.map(|p| (*option, p)))
        .collect();
    for (i, (a, pa)) in given.iter().enumerate() {
        for (b, pb) in given.iter().skip(i.saturating_add(1)) {
            let stdout = |p: &Path| p.as_os_str() == "-";
            let same = match (stdout(pa), stdout(pb)) {
                (true, true) => true,
                (false, false) => same_file(pa, pb),
                _ => false,
            };
            if same {
                return Err(format!(
                    "{a} 与 {b} 是同一个文件（{}）：后写的会覆盖先写的，请各用一个文件名",
                    pa.display()
                ));
            }
        }
    }
    Ok(())
}

impl Output {
    /// Plan an output: `None` or `-` is standard output; a file's format comes from `format` or
    /// its extension (Excel workbooks and unknown extensions refused); a file the run reads
    /// (`reads`) is refused. A symbolic link is written through: the file it points to is replaced,
    /// the link kept.
    pub fn plan(
        path: Option<&Path>,
        format: Option<Format>,
        reads: &[&Path],
    ) -> Result<Output, String> {
        let Some(path) = path.filter(|p| p.as_os_str() != "-") else {
            return Ok(Output {
                target: None,
                direct: false,
                format: format.unwrap_or(Format::JsonLines),
            });
        };
        let direct = fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir());
        let ext = extension(path);
        if ext.as_deref().is_some_and(is_workbook) {
            return Err(format!(
                "不能直接写 Excel 工作簿 {}：请写 .csv（带 BOM，Excel 可直接打开）",
                path.display()
            ));
        }
        let format = match (format, ext.as_deref()) {
            (Some(f), _) => f,
            (None, Some("csv")) => Format::Csv,
            (None, Some("jsonl" | "json" | "ndjson" | "txt")) => Format::JsonLines,
            (None, _) if direct => Format::JsonLines,
            (None, _) => {
                return Err(format!(
                    "无法从文件名 {} 判断输出格式：应为 .csv、.jsonl、.json 或 .ndjson（汇总和报告还可为 .txt），或用 --output-format csv|jsonl 指定",
                    path.display()
                ))
            }
        };
        refuse_input(path, reads)?;
        let linked = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
        let target = match linked {
            true => fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()),
            false => path.to_path_buf(),
        };
        Ok(Output {
            target: Some(target),
            direct,
            format,
        })
    }

    /// Start writing: a temporary file beside the target (or standard output). When the target
    /// exists, the temporary file is readable by its owner only until it takes the target's place
    /// (with the target's permissions and owner).
    pub fn create(self) -> Result<Writer, String> {
        let Some(target) = self.target else {
            return Ok(Writer {
                file: None,
                direct: None,
            });
        };
        if self.direct {
            let file = OpenOptions::new()
                .write(true)
                .open(&target)
                .map_err(|e| format!("无法写入 {}：{}", target.display(), os_error(&e)))?;
            return Ok(Writer {
                file: None,
                direct: Some(file),
            });
        }
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let tmp = target.with_file_name(format!(".{name}.{}.zhenxing-tmp", std::process::id()));
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        if target.exists() {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let file = options
            .open(&tmp)
            .map_err(|e| format!("无法写入 {}：{}", target.display(), os_error(&e)))?;
        crate::signals::track(&tmp);
        Ok(Writer {
            file: Some((file, tmp, target)),
            direct: None,
        })
    }

    /// Write the whole of `bytes` (create, write, commit).
    pub fn write_all(self, bytes: &[u8]) -> Result<(), String> {
        let w = self.create()?;
        let mut out = w.boxed()?;
        let written = out.write_all(bytes).and_then(|_| out.flush());
        drop(out);
        match written {
            Ok(()) => w.commit(),
            Err(e) => {
                w.abandon();
                Err(write_failed(&e))
            }
        }
    }
}

/// Give `file` the permissions and owner of the file at `target`, when there is one: rewriting an
/// output must not make it readable to more people than before.
fn keep_access(file: &File, target: &Path) -> io::Result<()> {
    let Ok(old) = fs::metadata(target) else {
        return Ok(());
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        // Only root may give a file away; anyone may keep their own group. Not being allowed to is
        // no reason to fail the run (the permissions below still apply).
        let _ = std::os::unix::fs::fchown(file, Some(old.uid()), Some(old.gid()));
    }
    file.set_permissions(old.permissions())
}

impl Writer {
    /// A buffered writer to the temporary file (or standard output).
    pub fn boxed(&self) -> Result<Box<dyn Write + Send>, String> {
        if let Some(f) = &self.direct {
            let f = f
                .try_clone()
                .map_err(|e| format!("无法写入：{}", os_error(&e)))?;
            return Ok(Box::new(io::BufWriter::new(f)));
        }
        match &self.file {
            None => Ok(Box::new(io::BufWriter::new(io::stdout()))),
            Some((f, tmp, _)) => {
                let f = f
                    .try_clone()
                    .map_err(|e| format!("无法写入 {}：{}", tmp.display(), os_error(&e)))?;
                Ok(Box::new(io::BufWriter::with_capacity(1 << 16, f)))
            }
        }
    }

    /// The run succeeded: put the temporary file in the target's place.
    pub fn commit(self) -> Result<(), String> {
        let Some((f, tmp, target)) = self.file else {
            return Ok(());
        };
        let synced = keep_access(&f, &target).and_then(|()| f.sync_all());
        drop(f);
        let renamed = synced.and_then(|_| fs::rename(&tmp, &target));
        crate::signals::untrack(&tmp);
        if let Err(e) = renamed {
            let _ = fs::remove_file(&tmp);
            return Err(format!("无法写入 {}：{}", target.display(), os_error(&e)));
        }
        Ok(())
    }

    /// Runs `body` with this writer: commits what it wrote when it succeeds, removes the partial
    /// file when it fails (the target is never left half written).
    pub fn complete<T>(self, body: impl FnOnce(&Writer) -> Result<T, String>) -> Result<T, String> {
        match body(&self) {
            Ok(v) => self.commit().map(|()| v),
            Err(e) => {
                self.abandon();
                Err(e)
            }
        }
    }

    /// The run failed: leave the target as it was.
    pub fn abandon(self) {
        if let Some((f, tmp, _)) = self.file {
            drop(f);
            let _ = fs::remove_file(&tmp);
            crate::signals::untrack(&tmp);
        }
    }
}

/// Rows as CSV (with a byte-order mark when `bom`) or as a printable table.
pub fn table_bytes(
    header: &[String],
    rows: &[Vec<String>],
    csv_out: bool,
    bom: bool,
) -> Result<Vec<u8>, String> {
    if !csv_out {
        return Ok(printable(header, rows).into_bytes());
    }
    let mut w = csv::WriterBuilder::new().from_writer(Vec::new());
    let mut out = if bom {
        "\u{feff}".as_bytes().to_vec()
    } else {
        Vec::new()
    };
    for row in std::iter::once(header).chain(rows.iter().map(Vec::as_slice)) {
        w.write_record(row).map_err(|e| format!("写出失败：{e}"))?;
    }
    out.extend(w.into_inner().map_err(|e| format!("写出失败：{e}"))?);
    Ok(out)
}

/// What a comparison sets side by side: the two dates of `compare --to`, or (none) the baseline
/// and the alternative parameters.
pub type Dates<'a> = Option<(&'a str, &'a str)>;

/// A comparison's scopes: all regions first (named `all`), then each region, each with its name,
/// households compared, errors and programmes.
fn scopes<'a>(
    s: &'a ComparisonSummary,
    all: &str,
) -> impl Iterator<Item = (String, String, u64, u64, &'a [Change])> + 'a {
    let compared = s.households.saturating_sub(s.errors);
    std::iter::once((
        String::new(),
        all.to_string(),
        compared,
        s.errors,
        s.programs.as_slice(),
    ))
    .chain(s.regions.iter().map(|r| {
        (
            r.region.clone(),
            r.region_name.clone().unwrap_or_default(),
            r.households,
            r.errors,
            r.programs.as_slice(),
        )
    }))
}

/// A programme's households: changed, gaining, losing, newly and no longer eligible, eligible on
/// each side.
fn counted(c: &Change) -> [String; 7] {
    [
        c.changed,
        c.gaining,
        c.losing,
        c.newly_eligible,
        c.no_longer_eligible,
        c.eligible_before,
        c.eligible_after,
    ]
    .map(|n| n.to_string())
}

/// A programme's annual amounts on each side, and the change.
fn annuals(c: &Change) -> [String; 3] {
    [c.annual_before, c.annual_after, c.difference].map(|m| m.to_fen_string())
}

/// A comparison's summary as rows: all regions first, then each region; in each, every programme
/// of the registry and the total. In Chinese, the columns of a date comparison name the dates.
pub fn comparison_rows(
    s: &ComparisonSummary,
    zh: bool,
    dates: Dates<'_>,
) -> (Vec<String>, Vec<Vec<String>>) {
    let mut header: Vec<String> = [
        ("region", "地区代码"),
        ("region_name", "地区"),
        ("program", "项目"),
        ("households", "比较户数"),
        ("errors", "有误户数"),
        ("changed", "有变化户数"),
        ("gaining", "增加户数"),
        ("losing", "减少户数"),
        ("newly_eligible", "新增符合户数"),
        ("no_longer_eligible", "不再符合户数"),
    ]
    .iter()
    .map(|(en, cn)| if zh { cn } else { en }.to_string())
    .collect();
    let (before, after) = dates.unwrap_or(("原", "调整后"));
    header.extend(match zh {
        true => [
            format!("{before}符合户数"),
            format!("{after}符合户数"),
            format!("{before}年额"),
            format!("{after}年额"),
            "年额变化".to_string(),
        ],
        false => [
            "eligible_before",
            "eligible_after",
            "annual_before",
            "annual_after",
            "annual_change",
        ]
        .map(String::from),
    });
    let mut rows = Vec::new();
    for (region, name, households, errors, programs) in scopes(s, if zh { "全部" } else { "all" })
    {
        for c in programs {
            let mut row = vec![
                zhenxing::register::output::spreadsheet_safe(&region).into_owned(),
                name.clone(),
                if zh { c.name() } else { c.program }.to_string(),
                households.to_string(),
                errors.to_string(),
            ];
            row.extend(counted(c));
            row.extend(annuals(c));
            rows.push(row);
        }
    }
    (header, rows)
}

/// A comparison's summary as printed pages, at most
/// [`PRINTED_WIDTH`](zhenxing::register::summary::PRINTED_WIDTH) columns wide: for all
/// regions, then each region, its households, then two tables by programme: households (changed,
/// gaining, losing, newly and no longer eligible, eligible on each side) and annual amounts (on
/// each side and the change). Each side is headed by its date, or as the baseline and the
/// alternative parameters.
pub fn comparison_printed(s: &ComparisonSummary, dates: Dates<'_>) -> String {
    let (before, after) = dates.unwrap_or(("对照参数", "调整后参数"));
    let heads = |rows: [&[&str]; 2]| -> Vec<Vec<String>> {
        rows.iter()
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect()
    };
    let counts = heads([
        &[
            "项目",
            "有变化",
            "增加",
            "减少",
            "新增符合",
            "不再符合",
            "符合户数",
            "符合户数",
        ],
        &["", "户数", "户数", "户数", "户数", "户数", before, after],
    ]);
    let amounts = heads([
        &["项目", "年额（元）", "年额（元）", "年额变化"],
        &["", before, after, "（元）"],
    ]);
    let mut out = String::new();
    for (region, name, households, errors, programs) in scopes(s, "全部") {
        let place = match (region.as_str(), name.as_str()) {
            ("", "全部") => "全部".to_string(),
            ("", _) => NO_REGION.to_string(),
            (code, "") => code.to_string(),
            (code, name) => format!("{name}（{code}）"),
        };
        out.push_str(&format!(
            "{place}：比较 {households} 户，有误 {errors} 户\n\n"
        ));
        let (mut a, mut b) = (Vec::new(), Vec::new());
        for c in programs {
            a.push(
                std::iter::once(c.name().to_string())
                    .chain(counted(c))
                    .collect(),
            );
            b.push(
                std::iter::once(c.name().to_string())
                    .chain(annuals(c))
                    .collect(),
            );
        }
        out.push_str(&printable_headed(&counts, &a));
        out.push('\n');
        out.push_str(&printable_headed(&amounts, &b));
        out.push('\n');
    }
    out.push_str(&bases_printed(s, (before, after)));
    out
}

/// What each side's figures rested on, in words (once when the same on both sides).
fn bases_printed(s: &ComparisonSummary, (before, after): (&str, &str)) -> String {
    let printed = zhenxing::register::summary::basis_printed;
    let (a, b) = (printed(&s.basis_before), printed(&s.basis_after));
    match (a.is_empty() && b.is_empty(), a == b) {
        (true, _) => String::new(),
        (false, true) => format!("两边的测算依据相同：{a}"),
        (false, false) => format!("{before}的测算依据：{a}\n{after}的测算依据：{b}"),
    }
}
