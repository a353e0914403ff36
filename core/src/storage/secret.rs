//! The signing secret of locally stored files: from the environment, or a
//! key file created once in the data directory so that separate processes
//! (the CLI, a worker, the HTTP service) sign and check URLs alike.

use std::io::Write;
use std::path::Path;

use super::StorageError;

/// The environment variable that holds the signing secret.
pub const SECRET_ENV: &str = "RESUME_ENGINE_SIGNING_SECRET";

/// `$RESUME_ENGINE_SIGNING_SECRET` when set, else the contents of
/// `key_file`, created with a random 256-bit secret (readable only by its
/// owner) when absent.
pub fn load_or_create_secret(key_file: &Path) -> Result<String, StorageError> {
    if let Ok(secret) = std::env::var(SECRET_ENV) {
        if !secret.trim().is_empty() {
            return Ok(secret.trim().to_owned());
        }
    }
    let io = |error: std::io::Error| StorageError::Io {
        key: key_file.display().to_string(),
        message: error.to_string(),
    };
    match std::fs::read_to_string(key_file) {
        Ok(secret) if secret.trim().len() >= 32 => return Ok(secret.trim().to_owned()),
        Ok(_) => {
            return Err(StorageError::Config(format!(
                "{} holds fewer than 32 characters; delete it to make a new secret",
                key_file.display()
            )));
        }
        Err(error) if error.kind() != std::io::ErrorKind::NotFound => return Err(io(error)),
        Err(_) => {}
    }
    if let Some(parent) = key_file.parent() {
        std::fs::create_dir_all(parent).map_err(io)?;
    }
    let secret = format!(
        "{}{}",
        uuid::Uuid::new_v4().simple(),
        uuid::Uuid::new_v4().simple()
    );
    // Written under a temporary name, then linked into place: the link
    // fails if another process got there first, and nobody ever reads a
    // half-written key.
    let temporary = key_file.with_extension(format!("tmp{}", std::process::id()));
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let written = options
        .open(&temporary)
        .and_then(|mut file| file.write_all(secret.as_bytes()))
        .and_then(|()| std::fs::hard_link(&temporary, key_file));
    let _ = std::fs::remove_file(&temporary);
    match written {
        Ok(()) => Ok(secret),
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {
            std::fs::read_to_string(key_file)
                .map(|secret| secret.trim().to_owned())
                .map_err(io)
        }
        Err(error) => Err(io(error)),
    }
}
