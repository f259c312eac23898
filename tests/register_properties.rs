//! Registers corrupted at random, through the command-line tool: whatever is done to them (unclosed
//! quotes, cells added or dropped, a row in GBK, empty ids, a household's row moved away, which
//! joins it again, blank lines, any line ending), every line is accounted for exactly once, every household that was not
//! touched gets exactly the result it gets in the clean register, and a household with a row that
//! cannot be trusted gets no result, only errors; a row in GBK, which makes the file not UTF-8,
//! has the whole file refused up front.
#![cfg(feature = "cli")]

use std::collections::BTreeMap;
use std::process::Command;

use proptest::prelude::*;
use serde_json::Value;

const HEADER: &str = "household_id,region,income_transfer,member_id,birth_date,serious_illness";

#[derive(Clone, Debug)]
struct Household {
    region: &'static str,
    transfer: u32,
    members: Vec<(u16, bool)>,
}

#[derive(Clone, Copy, Debug)]
enum Corruption {
    /// An unclosed quote in a cell of the row.
    Quote,
    /// One cell more (a thousands separator).
    ExtraCell,
    /// The last cell dropped.
    MissingCell,
    /// The member's name saved as GBK.
    Gbk,
    /// The household id emptied.
    EmptyId,
    /// The row moved to the end of the register.
    Moved,
}

fn household() -> impl Strategy<Value = Household> {
    (
        prop::sample::select(vec!["230129", "230221", "230100"]),
        0u32..15_000,
        prop::collection::vec((1940u16..2010, any::<bool>()), 1..4),
    )
        .prop_map(|(region, transfer, members)| Household {
            region,
            transfer,
            members,
        })
}

fn corruption() -> impl Strategy<Value = Corruption> {
    prop::sample::select(vec![
        Corruption::Quote,
        Corruption::ExtraCell,
        Corruption::MissingCell,
        Corruption::Gbk,
        Corruption::EmptyId,
        Corruption::Moved,
    ])
}

/// The rows of a register: (household index, row bytes).
fn rows(households: &[Household]) -> Vec<(usize, Vec<u8>)> {
    let mut out = Vec::new();
    for (i, h) in households.iter().enumerate() {
        for (j, (year, ill)) in h.members.iter().enumerate() {
            let household_cells = if j == 0 {
                format!("{},{}", h.region, h.transfer)
            } else {
                ",".to_string()
            };
            let row = format!(
                "H{i},{household_cells},成员{j},{year}-06-01,{}",
                if *ill { "是" } else { "否" }
            );
            out.push((i, row.into_bytes()));
        }
    }
    out
}

fn corrupt(row: &mut Vec<u8>, c: Corruption) {
    let text = String::from_utf8(row.clone()).unwrap();
    let cells: Vec<&str> = text.split(',').collect();
    let joined = |cells: &[&str]| cells.join(",").into_bytes();
    *row = match c {
        Corruption::Quote => {
            let mut cells = cells.clone();
            let name = format!("\"{}", cells[3]);
            cells[3] = &name;
            joined(&cells)
        }
        Corruption::ExtraCell => format!("{text},000").into_bytes(),
        Corruption::MissingCell => joined(&cells[..cells.len() - 1]),
        Corruption::Gbk => {
            let mut bytes = joined(&cells[..3]);
            bytes.push(b',');
            bytes.extend_from_slice(&encoding_rs::GB18030.encode(cells[3]).0);
            bytes.push(b',');
            bytes.extend_from_slice(joined(&cells[4..]).as_slice());
            bytes
        }
        Corruption::EmptyId => {
            let mut cells = cells.clone();
            cells[0] = "";
            joined(&cells)
        }
        Corruption::Moved => row.clone(),
    };
}

fn run(path: &std::path::Path) -> (i32, Vec<Value>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_zhenxing"))
        .args([
            "estimate",
            "--as-of",
            "2023-06-01",
            "--threads",
            "2",
            "--output-format",
            "jsonl",
        ])
        .arg(path)
        .output()
        .unwrap();
    let rows = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (
        out.status.code().unwrap(),
        rows,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn every_line_is_accounted_for_and_good_households_are_unchanged(
        households in prop::collection::vec(household(), 1..10),
        corruptions in prop::collection::vec((any::<prop::sample::Index>(), corruption()), 0..4),
        blanks in prop::collection::vec(any::<prop::sample::Index>(), 0..3),
        ending in prop::sample::select(vec!["\n", "\r\n", "\r"]),
    ) {
        let dir = std::env::temp_dir().join(format!("zhenxing-prop-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let clean_rows = rows(&households);
        let mut rows = clean_rows.clone();
        // At most one quote: two could pair up into a legitimate multi-line cell.
        let mut quoted = false;
        let mut touched = std::collections::BTreeSet::new();
        let mut corrupted = std::collections::BTreeSet::new();
        // Households with a row that cannot be trusted: never a result, always an error.
        let mut broken = std::collections::BTreeSet::new();
        let mut moved = Vec::new();
        // Households touched otherwise than by a row moved away.
        let mut otherwise = std::collections::BTreeSet::new();
        let mut corrupted_gbk = false;
        for (at, c) in &corruptions {
            if matches!(c, Corruption::Quote) && quoted {
                continue;
            }
            quoted |= matches!(c, Corruption::Quote);
            let i = at.index(rows.len());
            // One corruption a row (a row in GBK is no longer text to corrupt further).
            if !corrupted.insert(i) {
                continue;
            }
            touched.insert(rows[i].0);
            corrupted_gbk |= matches!(c, Corruption::Gbk);
            if !matches!(c, Corruption::EmptyId | Corruption::Moved) {
                broken.insert(rows[i].0);
            }
            corrupt(&mut rows[i].1, *c);
            if matches!(c, Corruption::Moved) {
                moved.push(i);
            } else {
                otherwise.insert(rows[i].0);
            }
        }
        // Moved rows go to the end, in order.
        moved.sort_unstable();
        moved.dedup();
        for i in moved.iter().rev() {
            let r = rows.remove(*i);
            rows.push(r);
        }
        let write = |rows: &[(usize, Vec<u8>)], blanks: &[prop::sample::Index], name: &str| {
            let mut lines: Vec<Vec<u8>> = vec![HEADER.as_bytes().to_vec()];
            lines.extend(rows.iter().map(|(_, r)| r.clone()));
            for b in blanks {
                let at = 1 + b.index(lines.len());
                lines.insert(at.min(lines.len()), Vec::new());
            }
            let mut bytes = Vec::new();
            for l in &lines {
                bytes.extend_from_slice(l);
                bytes.extend_from_slice(ending.as_bytes());
            }
            let path = dir.join(name);
            std::fs::write(&path, bytes).unwrap();
            (path, lines)
        };
        let (clean_path, _) = write(&clean_rows, &[], "clean.csv");
        let (path, lines) = write(&rows, &blanks, "corrupted.csv");
        let (clean_code, clean, _) = run(&clean_path);
        let (code, out, stderr) = run(&path);
        // A row in GBK makes the file not UTF-8: refused as a whole, up front, nothing written.
        if corrupted_gbk {
            prop_assert_eq!((code, out.len()), (2, 0), "{}", stderr);
            prop_assert!(stderr.contains("不是 UTF-8") || stderr.contains("是 GBK 编码"), "{}", stderr);
            std::fs::remove_dir_all(&dir).ok();
            return Ok(());
        }
        prop_assert_ne!(code, 2, "{}", stderr);

        // Accounting: every line after the header is blank or in exactly one output row. A
        // household's rows apart in the register (a row moved away) are one household: its lines
        // are those of its id from its first line to its last.
        let id_of = |line: &[u8]| line.split(|b| *b == b',').next().unwrap_or_default().to_vec();
        let mut owner: Vec<Option<usize>> = vec![None; lines.len() + 1];
        for (k, v) in out.iter().enumerate() {
            let (first, last) = (v["line"].as_u64().unwrap() as usize, v["lastLine"].as_u64().unwrap() as usize);
            let id = v["household"].as_str().unwrap_or_default().as_bytes();
            for line in first..=last {
                if lines[line - 1].is_empty() || (first != last && id_of(&lines[line - 1]) != id) {
                    continue;
                }
                prop_assert!(owner[line].is_none(), "line {} in two rows", line);
                owner[line] = Some(k);
            }
        }
        for (n, l) in lines.iter().enumerate().skip(1) {
            prop_assert!(l.is_empty() || owner[n + 1].is_some(), "line {} lost: {}", n + 1, stderr);
        }
        let nonblank = lines.iter().skip(1).filter(|l| !l.is_empty()).count();
        let expected = format!(
            "读入 {} 行（表头 1 行，空行 {} 行），其余 {} 行全部计入 {} 条结果",
            lines.len(), lines.len() - 1 - nonblank, nonblank, out.len()
        );
        prop_assert!(stderr.contains(&expected), "{} / {}", expected, stderr);
        prop_assert_eq!(code == 1, out.iter().any(|v| v["ok"] == false));

        // Good households: exactly their clean results.
        prop_assert_eq!(clean_code == 0, clean.iter().all(|v| v["ok"] == true));
        let clean_by_id: BTreeMap<&str, &Value> =
            clean.iter().map(|v| (v["household"].as_str().unwrap(), v)).collect();
        for (i, _) in households.iter().enumerate().filter(|(i, _)| !touched.contains(i)) {
            let id = format!("H{i}");
            let got: Vec<&Value> = out.iter().filter(|v| v["household"] == id.as_str()).collect();
            prop_assert_eq!(got.len(), 1, "{}", id);
            prop_assert_eq!(&got[0]["screening"], &clean_by_id[id.as_str()]["screening"], "{}", id);
            prop_assert_eq!(&got[0]["error"], &clean_by_id[id.as_str()]["error"], "{}", id);
        }
        // A household whose rows were only moved apart: one household again, its clean result.
        for i in touched.iter().filter(|i| !otherwise.contains(*i)) {
            let id = format!("H{i}");
            let got: Vec<&Value> = out.iter().filter(|v| v["household"] == id.as_str()).collect();
            prop_assert_eq!(got.len(), 1, "{} moved", id);
            prop_assert_eq!(&got[0]["screening"], &clean_by_id[id.as_str()]["screening"], "{} moved", id);
        }
        for i in &broken {
            let id = format!("H{i}");
            for v in out.iter().filter(|v| v["household"] == id.as_str()) {
                prop_assert_eq!(&v["ok"], &Value::Bool(false), "{} has a result: {}", id, v);
            }
        }
        std::fs::remove_dir_all(&dir).ok();
    }
}
