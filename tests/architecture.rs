//! The shape of the code, checked: each folder of `src/` is a layer and no layer reaches up into one
//! above it (docs/architecture.md draws the same list), modules depend on each other without cycles,
//! functions stay short enough to read beside the policy text (none over 80 lines anywhere in
//! `src/`, `build.rs` and `build/`), and every policy item the code cites is an item of the text.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `src/programs/pension.rs` → `programs::pension`; `src/input/mod.rs` → `input`.
fn module_of(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).unwrap().with_extension("");
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().to_string())
        .filter(|p| p != "mod" && p != "lib")
        .collect();
    parts.join("::")
}

/// The code without its test module (tests may use anything).
fn without_tests(text: &str) -> &str {
    match text.find("#[cfg(test)]\nmod tests") {
        Some(i) => &text[..i],
        None => text,
    }
}

/// Every `crate::a::b` and `super::a` path in the code, resolved to the longest known module.
fn dependencies(module: &str, code: &str, modules: &BTreeSet<String>) -> BTreeSet<String> {
    let mut deps = BTreeSet::new();
    let parent: Vec<&str> = module.split("::").collect();
    for (prefix, base) in [
        ("crate::", Vec::new()),
        ("super::", parent[..parent.len().saturating_sub(1)].to_vec()),
    ] {
        for (i, _) in code.match_indices(prefix) {
            let rest = &code[i + prefix.len()..];
            let path: Vec<&str> = rest
                .split("::")
                .map(|seg| {
                    seg.split(|c: char| !(c.is_alphanumeric() || c == '_'))
                        .next()
                        .unwrap_or("")
                })
                .take_while(|seg| !seg.is_empty())
                .collect();
            // `super::{a, b}` and `crate::x::{a, b}`: the group's items are siblings of the prefix.
            let mut candidates = Vec::new();
            let group_start = rest.find('{');
            let full = [base.clone(), path.clone()].concat();
            candidates.push(full.clone());
            if let Some(g) = group_start {
                let head = &rest[..g];
                if head
                    .split("::")
                    .all(|s| s.chars().all(|c| c.is_alphanumeric() || c == '_'))
                {
                    let end = rest[g..].find('}').map_or(rest.len(), |e| g + e);
                    let stem: Vec<&str> = head.split("::").filter(|s| !s.is_empty()).collect();
                    for item in rest[g + 1..end].split(',') {
                        let first = item.trim().split("::").next().unwrap_or("").trim();
                        let name = first.split_whitespace().next().unwrap_or("");
                        if !name.is_empty() {
                            candidates.push([base.clone(), stem.clone(), vec![name]].concat());
                        }
                    }
                }
            }
            for c in candidates {
                // The longest prefix that names a module.
                for n in (1..=c.len()).rev() {
                    let m = c[..n].join("::");
                    if modules.contains(&m) {
                        if m != module {
                            deps.insert(m);
                        }
                        break;
                    }
                }
            }
        }
    }
    deps
}

fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    files.retain(|f| !f.starts_with(src.join("bin")));
    let modules: BTreeSet<String> = files.iter().map(|f| module_of(&src, f)).collect();
    files
        .iter()
        .map(|f| {
            let m = module_of(&src, f);
            let text = fs::read_to_string(f).unwrap();
            // Comments (doc links) are not dependencies.
            let code: String = without_tests(&text)
                .lines()
                .filter(|l| !l.trim_start().starts_with("//"))
                .collect::<Vec<_>>()
                .join("\n");
            let deps = dependencies(&m, &code, &modules);
            (m, deps)
        })
        .collect()
}

/// The layers, lowest first, each with the folders (or single files) of `src/` it holds. A module
/// may use its own layer and those below it, never one above.
const LAYERS: &[(&str, &[&str])] = &[
    ("base", &["base"]),
    ("policy", &["policy"]),
    ("params", &["params"]),
    ("input", &["input"]),
    ("programs", &["programs"]),
    ("estimate", &["estimate"]),
    ("engine", &["engine"]),
    ("register", &["register"]),
    ("bindings", &["wasm", "bin"]),
];

/// The layer (its index in [`LAYERS`]) of a module, by its first path segment.
fn layer_of(module: &str) -> Option<usize> {
    let top = module.split("::").next().unwrap_or("");
    LAYERS
        .iter()
        .position(|(_, folders)| folders.contains(&top))
}

/// Every edge of `g` that goes from a layer up into a higher one, and every module in no layer.
fn upward_edges(g: &BTreeMap<String, BTreeSet<String>>) -> Vec<String> {
    let mut bad = Vec::new();
    for (m, deps) in g {
        if m.is_empty() {
            continue; // the crate root (lib.rs) declares the layers
        }
        let Some(from) = layer_of(m) else {
            bad.push(format!(
                "{m} is in no layer (add its folder to LAYERS and the picture)"
            ));
            continue;
        };
        for d in deps {
            match layer_of(d) {
                Some(to) if to <= from => {}
                Some(to) => bad.push(format!(
                    "{m} ({}) uses {d} ({}), a layer above it",
                    LAYERS[from].0, LAYERS[to].0
                )),
                None => bad.push(format!("{m} uses {d}, which is in no layer")),
            }
        }
    }
    bad
}

#[test]
fn no_layer_reaches_up_into_a_higher_one() {
    let g = graph();
    let bad = upward_edges(&g);
    assert!(bad.is_empty(), "upward edges: {bad:#?}");
    // The check sees edges across layers, and would report one going up.
    assert!(g["register::text"].contains("engine"));
    assert!(g["programs::dibao"].contains("policy::rules"));
    assert!(g["params::load"].contains("base::json"));
    let mut up = g.clone();
    up.get_mut("base::money")
        .unwrap()
        .insert("programs::dibao".to_string());
    assert_eq!(
        upward_edges(&up),
        ["base::money (base) uses programs::dibao (programs), a layer above it"]
    );
}

/// The layers as docs/architecture.md draws them, highest first: the first word of each line of the
/// picture and the `src/` paths that follow it.
fn layers_in_the_picture() -> Vec<(String, Vec<String>)> {
    let doc =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/architecture.md"))
            .unwrap();
    let start = doc
        .find("## Layers")
        .expect("docs/architecture.md has a Layers section");
    let block = doc[start..]
        .split("```")
        .nth(1)
        .expect("the Layers section draws a picture");
    let mut layers = Vec::new();
    for line in block.lines() {
        let mut words = line.split_whitespace();
        let Some(first) = words.next() else { continue };
        if line.starts_with(' ') || !first.chars().all(|c| c.is_ascii_lowercase()) {
            continue;
        }
        let folders: Vec<String> = words
            .map_while(|w| w.strip_prefix("src/"))
            .map(|w| {
                let w = w.trim_end_matches(',').trim_end_matches('/');
                let w = w.strip_suffix(".rs").unwrap_or(w);
                w.split('/').next().unwrap_or(w).to_string()
            })
            .collect();
        layers.push((first.to_string(), folders));
    }
    layers
}

#[test]
fn the_picture_in_the_docs_is_the_layers_checked() {
    let mut drawn = layers_in_the_picture();
    drawn.reverse();
    let checked: Vec<(String, Vec<String>)> = LAYERS
        .iter()
        .map(|(name, folders)| {
            let folders = folders.iter().map(|f| f.to_string()).collect();
            (name.to_string(), folders)
        })
        .collect();
    assert_eq!(
        drawn, checked,
        "docs/architecture.md's picture, lowest layer first"
    );
    // Every folder and top-level file of src/ is in a layer.
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    for entry in fs::read_dir(&src).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        if name != "lib" {
            assert!(layer_of(&name).is_some(), "src/{name} is in no layer");
        }
    }
}

#[test]
fn modules_depend_on_each_other_without_cycles() {
    let g = graph();
    // Depth-first search for a back edge, reporting the cycle.
    fn visit(
        m: &str,
        g: &BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<String, u8>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        state.insert(m.to_string(), 1);
        stack.push(m.to_string());
        for d in g.get(m).into_iter().flatten() {
            match state.get(d.as_str()).copied().unwrap_or(0) {
                1 => {
                    let at = stack.iter().position(|s| s == d).unwrap();
                    let mut cycle = stack[at..].to_vec();
                    cycle.push(d.clone());
                    return Some(cycle);
                }
                0 => {
                    if let Some(c) = visit(d, g, state, stack) {
                        return Some(c);
                    }
                }
                _ => {}
            }
        }
        stack.pop();
        state.insert(m.to_string(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for m in g.keys() {
        if state.get(m.as_str()).copied().unwrap_or(0) == 0 {
            let cycle = visit(m, &g, &mut state, &mut Vec::new());
            assert!(
                cycle.is_none(),
                "module cycle: {}",
                cycle.unwrap().join(" → ")
            );
        }
    }
    // The check sees the dependencies it should.
    assert!(g["programs::pension"].contains("programs::assistance"));
    assert!(g["engine"].contains("estimate"));
    assert!(g["estimate::compare"].contains("estimate"));
    assert!(!g["programs::dibao"].contains("programs::tekun"));
}

/// Every function of `text` over 80 lines, as `file:line (n lines)`: a function starts at a line
/// beginning `fn` (after `pub`, `pub(crate)`, `const`…) and ends at the first `}` at its indent.
fn long_functions(path: &Path, text: &str) -> Vec<String> {
    let lines: Vec<&str> = without_tests(text).lines().collect();
    let mut long = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let trimmed = line.trim_start();
        let mut head = trimmed;
        for qualifier in [
            "pub(crate) ",
            "pub(super) ",
            "pub ",
            "const ",
            "async ",
            "unsafe ",
        ] {
            head = head.strip_prefix(qualifier).unwrap_or(head);
        }
        if !head.starts_with("fn ") {
            continue;
        }
        let indent = line.len() - trimmed.len();
        let close = format!("{}}}", " ".repeat(indent));
        if let Some(end) = lines[i..].iter().position(|l| *l == close) {
            if end + 1 > 80 {
                long.push(format!("{}:{} ({} lines)", path.display(), i + 1, end + 1));
            }
        }
    }
    long
}

#[test]
fn no_function_runs_over_80_lines() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![root.join("build.rs")];
    sources(&root.join("src"), &mut files);
    sources(&root.join("build"), &mut files);
    // A `tests.rs` file is a test module: tests may be long tables of cases.
    files.retain(|f| f.file_name().is_some_and(|n| n != "tests.rs"));
    let mut long = Vec::new();
    for path in &files {
        let text = fs::read_to_string(path).unwrap();
        long.extend(long_functions(path.strip_prefix(root).unwrap(), &text));
    }
    assert!(long.is_empty(), "functions over 80 lines: {long:#?}");
    assert!(
        files.len() > 80,
        "the scan found only {} files",
        files.len()
    );
    // The check sees a long function, qualified or not, and not one that ends in time.
    let body = |n: usize| "    let x = 1;\n".repeat(n);
    let long_one = format!("pub(super) fn f() {{\n{}}}\n", body(79));
    let short_one = format!("    const fn g() {{\n{}    }}\n", body(78));
    assert_eq!(
        long_functions(Path::new("a.rs"), &long_one),
        ["a.rs:1 (81 lines)"]
    );
    assert!(long_functions(Path::new("a.rs"), &short_one).is_empty());
}

/// A rule's constant name, as the rules table writes it: `dibao.employmentDeduction` →
/// `DIBAO_EMPLOYMENT_DEDUCTION`.
fn constant_of(id: &str) -> String {
    let mut out = String::new();
    let mut last_lower = false;
    for c in id.chars() {
        if c == '.' {
            out.push('_');
        } else if c.is_ascii_uppercase() && last_lower {
            out.push('_');
            out.push(c);
        } else {
            out.push(c.to_ascii_uppercase());
        }
        last_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
    }
    out
}

#[test]
fn a_step_citing_by_hand_cites_one_of_its_rules_sources() {
    use zhenxing::policy::rules::RULES;
    let by_constant: BTreeMap<String, &zhenxing::policy::rules::Rule> =
        RULES.iter().map(|r| (constant_of(r.id), r)).collect();
    assert_eq!(
        by_constant["DIBAO_EMPLOYMENT_DEDUCTION_URBAN"].id,
        "dibao.employmentDeductionUrban"
    );
    let mut files = Vec::new();
    sources(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    let mut seen = 0;
    for f in files {
        let text = fs::read_to_string(&f).unwrap();
        for (i, _) in text.match_indices("step_citing(") {
            // `step_citing(rules::NAME, "citation",` with a literal citation.
            let args: Vec<&str> = text[i + "step_citing(".len()..]
                .splitn(3, ',')
                .map(str::trim)
                .collect();
            let (Some(name), Some(cited)) = (
                args.first().and_then(|a| a.strip_prefix("rules::")),
                args.get(1)
                    .and_then(|a| a.strip_prefix('"')?.strip_suffix('"')),
            ) else {
                continue;
            };
            let rule = by_constant
                .get(name)
                .unwrap_or_else(|| panic!("{}: no rule {name}", f.display()));
            assert!(
                rule.sources().any(|s| s == cited),
                "{}: {name} cites {cited}, not one of {}",
                f.display(),
                rule.source
            );
            seen += 1;
        }
    }
    assert!(
        seen >= 8,
        "the scan found only {seen} citations given by hand"
    );
}

#[test]
fn every_item_the_code_cites_is_in_the_policy_text() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&dir, &mut files);
    let mut seen = 0;
    for f in files {
        let text = fs::read_to_string(&f).unwrap();
        for (i, _) in text.match_indices('"') {
            let rest = &text[i + 1..];
            let Some(end) = rest.find('"') else { continue };
            let s = &rest[..end];
            let looks_cited = s
                .chars()
                .next()
                .is_some_and(|c| "一二三四五六七".contains(c))
                && s.ends_with(')')
                && s.chars().filter(|c| *c == '(').count() == 1
                && s.chars().count() <= 8;
            if looks_cited {
                seen += 1;
                assert!(
                    zhenxing::policy::title(s).is_some(),
                    "{}: {s} is not an item of the policy text",
                    f.display()
                );
            }
        }
    }
    assert!(seen > 50, "the scan found only {seen} citations");
}
