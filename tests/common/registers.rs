//! The golden register files hold the programmes their households touch. A programme the expected
//! file leaves out must be idle in the output (no household eligible, every amount 0.00): its
//! columns, rows and report lines are then taken out before the comparison, so a new programme
//! needs no edit of these files unless it pays here.

use zhenxing::programs::registry::PROGRAMMES;
use zhenxing::register::summary::display_width;

/// `got` and `want`, the text of a register file named `name`, say the same.
pub fn assert_same_register_file(got: &str, want: &str, name: &str) {
    let result = if name.ends_with(".csv") {
        same_csv(got, want)
    } else {
        same_report(got, want)
    };
    if let Err(why) = result {
        panic!("{name}: {why}");
    }
}

/// Whether a cell says nothing is paid or held: `0`, `0.00`, `false`, or empty.
fn is_zero(cell: &str) -> bool {
    cell.is_empty() || cell == "false" || cell.chars().all(|c| matches!(c, '0' | '.' | ','))
}

fn rows(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.expect("CSV").iter().map(str::to_string).collect())
        .collect()
}

/// CSV: by programme columns (`<column>_…`) or rows (`program` = id); the same bytes around them
/// (byte order mark, line ends, quoting) when nothing is taken out.
fn same_csv(got: &str, want: &str) -> Result<(), String> {
    if got.starts_with('\u{feff}') != want.starts_with('\u{feff}')
        || got.contains("\r\n") != want.contains("\r\n")
    {
        return Err("byte order mark or line ends differ".into());
    }
    let (mut got_rows, want_rows) = (rows(got), rows(want));
    let want_header = want_rows.first().cloned().unwrap_or_default();
    for p in PROGRAMMES {
        let prefix = format!("{}_", p.column);
        let mine = |h: &String| h.starts_with(&prefix);
        let in_want =
            want_header.iter().any(mine) || want_rows.iter().any(|r| r.contains(&p.id.to_string()));
        if in_want {
            continue;
        }
        let header = got_rows.first().cloned().unwrap_or_default();
        let columns: Vec<usize> = (0..header.len()).filter(|&i| mine(&header[i])).collect();
        for row in got_rows.iter().skip(1) {
            if let Some(&i) = columns.iter().find(|&&i| !is_zero(&row[i])) {
                return Err(format!(
                    "{} pays or holds here ({} = {}): add it to the expected file",
                    p.id, header[i], row[i]
                ));
            }
        }
        for row in &mut got_rows {
            *row = (0..row.len())
                .filter(|i| !columns.contains(i))
                .map(|i| row[i].clone())
                .collect();
        }
        let program = header.iter().position(|h| h == "program");
        let errors = header.iter().position(|h| h == "errors");
        if let (Some(at), Some(errors)) = (program, errors) {
            if let Some(row) = got_rows
                .iter()
                .find(|r| r[at] == p.id && !r[errors + 1..].iter().all(|c| is_zero(c)))
            {
                return Err(format!(
                    "{} changes here ({row:?}): add it to the expected file",
                    p.id
                ));
            }
            got_rows.retain(|r| r[at] != p.id);
        }
    }
    if got_rows == want_rows {
        Ok(())
    } else if rows(got) == want_rows {
        Err("byte order mark or quoting differ".into())
    } else {
        Err(format!(
            "rows differ:\n{}",
            first_difference(&got_rows, &want_rows)
        ))
    }
}

fn first_difference(got: &[Vec<String>], want: &[Vec<String>]) -> String {
    let at = got
        .iter()
        .zip(want)
        .position(|(g, w)| g != w)
        .unwrap_or(got.len().min(want.len()));
    format!(
        "row {at}\n  got  {:?}\n  want {:?}",
        got.get(at),
        want.get(at)
    )
}

/// A report: its tables line up (every line of a table as wide as the others); the lines of a
/// programme the expected report leaves out hold only zeros past their counts of households and
/// errors, and are taken out; then the text is the same, read with runs of spaces inside a line as
/// one (a longer programme name widens a table's first column).
fn same_report(got: &str, want: &str) -> Result<(), String> {
    lined_up(got)?;
    let mut lines: Vec<&str> = got.lines().collect();
    for p in PROGRAMMES {
        if want
            .lines()
            .any(|l| l.split_whitespace().any(|w| w == p.label))
        {
            continue;
        }
        let mine = |l: &str| l.split_whitespace().any(|w| w == p.label);
        for line in lines.iter().filter(|l| mine(l)) {
            let words: Vec<&str> = line.split_whitespace().collect();
            let after = words
                .iter()
                .position(|w| *w == p.label)
                .map_or(0, |i| i + 1);
            // A summary line is a count and an amount; a comparison line starts with the households
            // compared and those in error, which are not the programme's.
            let figures = &words[after..];
            let skip = if figures.len() > 2 { 2 } else { 0 };
            if !figures.iter().skip(skip).all(|w| is_zero(w)) {
                return Err(format!(
                    "{} pays or changes here ({line}): add it to the expected file",
                    p.id
                ));
            }
        }
        lines.retain(|l| !mine(l));
    }
    let squeeze = |l: &str| {
        let lead = l.len() - l.trim_start().len();
        format!(
            "{}{}",
            &l[..lead],
            l.split_whitespace().collect::<Vec<_>>().join(" ")
        )
    };
    let got: Vec<String> = lines.iter().map(|l| squeeze(l)).collect();
    let want: Vec<String> = want.lines().map(squeeze).collect();
    match got.iter().zip(&want).position(|(g, w)| g != w) {
        None if got.len() == want.len() => Ok(()),
        at => {
            let at = at.unwrap_or(got.len().min(want.len()));
            Err(format!(
                "line {}\n  got  {:?}\n  want {:?}",
                at + 1,
                got.get(at),
                want.get(at)
            ))
        }
    }
}

/// Every table of a report (lines between blank lines, with columns apart by two spaces or more)
/// has all its lines of one display width.
fn lined_up(text: &str) -> Result<(), String> {
    for block in text.split("\n\n") {
        let lines: Vec<&str> = block.lines().filter(|l| !l.is_empty()).collect();
        if lines.len() < 2 || !lines.iter().all(|l| l.trim().contains("  ")) {
            continue;
        }
        let width = display_width(lines[0]);
        if let Some(l) = lines.iter().find(|l| display_width(l) != width) {
            return Err(format!("a table's columns do not line up: {l:?}"));
        }
    }
    Ok(())
}
