//! Interrupted runs leave nothing half written behind: the temporary files an output is written to
//! (`.名称.进程号.zhenxing-tmp` beside the target) are listed here while they exist, and on Ctrl+C,
//! `kill` or a closed terminal (SIGINT, SIGTERM, SIGHUP) they are removed before the tool ends with
//! that signal as it would have without this.
//!
//! How: the three signals are blocked before any other thread starts (threads inherit the mask),
//! and one thread waits for them with `sigwait`, so the clean-up runs as ordinary code, not in a
//! signal handler.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The temporary files to remove if the run is interrupted.
static TEMPORARY: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// List a temporary file for removal on interruption.
pub fn track(path: &Path) {
    if let Ok(mut list) = TEMPORARY.lock() {
        list.push(path.to_path_buf());
    }
}

/// A temporary file renamed or removed: no longer to remove.
pub fn untrack(path: &Path) {
    if let Ok(mut list) = TEMPORARY.lock() {
        list.retain(|p| p != path);
    }
}

/// Remove every listed file (once the process is being interrupted).
fn remove_all() {
    // A run interrupted while it held the lock still removes what is listed.
    let list = match TEMPORARY.lock() {
        Ok(list) => list,
        Err(poisoned) => poisoned.into_inner(),
    };
    for path in list.iter() {
        let _ = std::fs::remove_file(path);
    }
}

/// Start watching for SIGINT, SIGTERM and SIGHUP; call first in `main`, before any thread starts.
#[cfg(unix)]
pub fn watch() {
    // SAFETY: sigset_t is plain data that sigemptyset initialises; the calls only read and write
    // the set passed and this thread's signal mask.
    let set = unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        for sig in [libc::SIGINT, libc::SIGTERM, libc::SIGHUP] {
            libc::sigaddset(&mut set, sig);
        }
        if libc::pthread_sigmask(libc::SIG_BLOCK, &set, std::ptr::null_mut()) != 0 {
            return;
        }
        set
    };
    let spawned = std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            let mut sig: libc::c_int = 0;
            // SAFETY: `set` is an initialised sigset_t and `sig` a valid place for the answer.
            if unsafe { libc::sigwait(&set, &mut sig) } != 0 {
                return;
            }
            remove_all();
            // End as the signal would have ended the tool: its default action, unblocked here.
            // SAFETY: restoring a default disposition and raising a signal in this thread.
            unsafe {
                libc::signal(sig, libc::SIG_DFL);
                let mut one: libc::sigset_t = std::mem::zeroed();
                libc::sigemptyset(&mut one);
                libc::sigaddset(&mut one, sig);
                libc::pthread_sigmask(libc::SIG_UNBLOCK, &one, std::ptr::null_mut());
                libc::raise(sig);
            }
            std::process::exit(128_i32.saturating_add(sig));
        });
    if spawned.is_err() {
        // No watcher: let the signals act as before rather than be ignored.
        // SAFETY: unblocking the signals this function blocked, in this thread.
        unsafe {
            libc::pthread_sigmask(libc::SIG_UNBLOCK, &set, std::ptr::null_mut());
        }
    }
}

#[cfg(not(unix))]
pub fn watch() {}
