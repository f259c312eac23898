//! What the command-line tool's test files share.

use std::process::Command;

// Only tests/cli.rs compares register files.
#[allow(dead_code)]
pub mod registers;

/// The tool run with `args` from the repository's root: its exit status, standard output and
/// standard error.
pub fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_zhenxing"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the tool runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}
