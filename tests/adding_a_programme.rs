//! docs/adding-a-programme.md lists what a new household programme touches; every programme of the
//! registry is held to that list, so the list is what a programme really needs.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use zhenxing::programs::registry::{Programme, PROGRAMMES};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &str) -> String {
    fs::read_to_string(root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The list in the doc: `(new|edit, path)` of each line of its first fenced block.
fn listed() -> Vec<(String, String)> {
    let doc = read("docs/adding-a-programme.md");
    let block = doc
        .split("```")
        .nth(1)
        .expect("the doc starts with the list");
    block
        .lines()
        .filter_map(|l| {
            let mut words = l.split_whitespace();
            Some((words.next()?.to_string(), words.next()?.to_string()))
        })
        .collect()
}

/// `orphanAllowance` → `orphan-allowance`, as golden case files are named.
fn kebab(id: &str) -> String {
    let mut out = String::new();
    for c in id.chars() {
        if c.is_ascii_uppercase() {
            out.push('-');
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

/// The parameters a module says it reads (`Parameters read: `a.b`, …` in its opening comment),
/// leaving out patterns (`dibao.supplement.*`, `minimumWage.tier1..3`).
fn parameters_read(module_text: &str) -> Vec<String> {
    let head: String = module_text
        .lines()
        .take_while(|l| l.starts_with("//!"))
        .collect::<Vec<_>>()
        .join(" ");
    let Some(at) = head.find("Parameters read:") else {
        return Vec::new();
    };
    head[at..]
        .split('`')
        .skip(1)
        .step_by(2)
        .filter(|n| n.starts_with(|c: char| c.is_ascii_lowercase()) && n.contains('.'))
        .filter(|n| !n.contains('*') && !n.contains("..") && !n.contains(' '))
        .map(str::to_string)
        .collect()
}

/// Whether `text` names the parameter `name` (not only a longer name it begins).
fn names(text: &str, name: &str) -> bool {
    text.match_indices(name).any(|(i, _)| {
        !text[i + name.len()..].starts_with(|c: char| c.is_ascii_alphanumeric() || c == '.')
    })
}

/// Whether programme `p` has what the line `(what, path)` of the list says, or why not.
fn check(p: &Programme, what: &str, path: &str) -> Result<(), String> {
    let id = p.id;
    let module = p.column;
    let has = |file: &str, needle: &str| {
        read(file)
            .contains(needle)
            .then_some(())
            .ok_or(format!("{id}: {file} has no {needle}"))
    };
    match (what, path) {
        ("new", "src/programs/<module>.rs") => {
            let file = root().join(format!("src/programs/{module}.rs"));
            let folder = root().join(format!("src/programs/{module}/mod.rs"));
            (file.exists() || folder.exists())
                .then_some(())
                .ok_or(format!("{id}: no module src/programs/{module}.rs"))
        }
        ("new", "tests/cases/<id>-*.json") => {
            let prefix = format!("{}-", kebab(id));
            let found = fs::read_dir(root().join("tests/cases"))
                .unwrap()
                .filter_map(|e| e.ok())
                .any(|e| e.file_name().to_string_lossy().starts_with(&prefix));
            found
                .then_some(())
                .ok_or(format!("{id}: no golden case tests/cases/{prefix}*.json"))
        }
        ("edit", "src/programs/mod.rs") => has(path, &format!("pub mod {module};")),
        ("edit", "src/programs/registry.rs") => has(path, &format!("\"{id}\"")),
        ("edit", "src/policy/rules.rs") | ("edit", "src/programs/reasons.rs") => {
            has(path, &format!("\"{id}."))
        }
        ("edit", "src/params/catalogue.rs") | ("edit", "data/params/<topic>.toml") => {
            let file = root().join(format!("src/programs/{module}.rs"));
            let text = fs::read_to_string(&file)
                .or_else(|_| {
                    fs::read_to_string(root().join(format!("src/programs/{module}/mod.rs")))
                })
                .unwrap_or_default();
            for name in parameters_read(&text) {
                if path == "src/params/catalogue.rs" {
                    has(path, &format!("def(\"{name}\""))?;
                } else {
                    // A `[[parameter]]`, or (minimum wages) a note that the build reads it from a table.
                    let given = fs::read_dir(root().join("data/params"))
                        .unwrap()
                        .filter_map(|e| fs::read_to_string(e.ok()?.path()).ok())
                        .any(|t| names(&t, &name));
                    given
                        .then_some(())
                        .ok_or(format!("{id}: no values for {name} in data/params"))?;
                }
            }
            Ok(())
        }
        _ => Err(format!(
            "the doc lists {what} {path}, which this test does not know"
        )),
    }
}

#[test]
fn every_programme_has_what_the_doc_says_a_programme_touches() {
    let list = listed();
    let edited: BTreeSet<&str> = list
        .iter()
        .filter(|(w, _)| w == "edit")
        .map(|(_, p)| p.as_str())
        .collect();
    assert!(
        edited.len() <= 6,
        "more than six files edited by hand: {edited:?}"
    );
    assert_eq!(list.len(), 8, "{list:?}");
    for p in PROGRAMMES {
        for (what, path) in &list {
            if let Err(e) = check(p, what, path) {
                panic!("{e}");
            }
        }
    }
}

#[test]
fn the_checks_can_fail() {
    let fake = Programme {
        id: "toyAllowance",
        column: "toy_allowance",
        ..PROGRAMMES[0]
    };
    for (what, path) in listed() {
        if path.starts_with("src/params") || path.starts_with("data/params") {
            continue; // a module that does not exist reads no parameters
        }
        assert!(check(&fake, &what, &path).is_err(), "{what} {path}");
    }
    assert_eq!(kebab("orphanAllowance"), "orphan-allowance");
    assert!(names("name = \"a.b\"", "a.b") && !names("name = \"a.bc\"", "a.b"));
    assert_eq!(
        parameters_read("//! Parameters read: `a.b`, `c.*`,\n//! `d.e`.\nuse x;"),
        ["a.b", "d.e"]
    );
    let dibao = read("src/programs/dibao/mod.rs");
    assert!(parameters_read(&dibao).contains(&"dibao.averageSubsidy".to_string()));
    assert!(Path::new(&root().join("docs/adding-a-programme.md")).exists());
}
