//! Where the embedded backend keeps its files by default: the user's data
//! directory.

use std::path::PathBuf;

/// The folder resume-engine keeps its data in: `$RESUME_ENGINE_HOME`, else
/// `$XDG_DATA_HOME/resume-engine`, else `~/.local/share/resume-engine`
/// (`%LOCALAPPDATA%\resume-engine` on Windows, `~/Library/Application
/// Support/resume-engine` on macOS), else a folder in the temporary
/// directory.
pub fn data_dir() -> PathBuf {
    let var = |name: &str| std::env::var_os(name).filter(|value| !value.is_empty());
    if let Some(home) = var("RESUME_ENGINE_HOME") {
        return PathBuf::from(home);
    }
    let base = if cfg!(windows) {
        var("LOCALAPPDATA").map(PathBuf::from)
    } else if cfg!(target_os = "macos") {
        var("HOME").map(|home| PathBuf::from(home).join("Library/Application Support"))
    } else {
        var("XDG_DATA_HOME")
            .map(PathBuf::from)
            .or_else(|| var("HOME").map(|home| PathBuf::from(home).join(".local/share")))
    };
    base.unwrap_or_else(std::env::temp_dir).join("resume-engine")
}

/// The default backend: `$RESUME_ENGINE_BACKEND`, else an SQLite file in
/// [`data_dir`] (in memory when the build lacks SQLite).
pub fn default_url() -> String {
    match std::env::var("RESUME_ENGINE_BACKEND") {
        Ok(url) if !url.trim().is_empty() => url.trim().to_owned(),
        _ if cfg!(feature = "sqlite") => {
            format!("sqlite:{}", data_dir().join("jobs.sqlite3").display())
        }
        _ => "memory:".to_owned(),
    }
}
