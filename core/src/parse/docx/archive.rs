//! Bounded access to the ZIP container: entry-count and expansion limits
//! enforced on the bytes actually inflated, not on declared sizes.

use std::io::{Cursor, Read};

use zip::ZipArchive;
use zip::result::ZipError;

use super::super::{ParseError, ParseLimits};

/// A DOCX package opened for reading.
pub(super) struct Archive<'a> {
    zip: ZipArchive<Cursor<&'a [u8]>>,
    /// Bytes that may still be inflated before the expansion limit is hit.
    remaining: u64,
    limit: u64,
}

impl<'a> Archive<'a> {
    /// Opens the archive and checks its entry count.
    pub fn open(bytes: &'a [u8], limits: &ParseLimits) -> Result<Self, ParseError> {
        let zip = ZipArchive::new(Cursor::new(bytes)).map_err(|error| match error {
            ZipError::UnsupportedArchive(ZipError::PASSWORD_REQUIRED) => ParseError::Encrypted,
            other => ParseError::corrupt(
                "DOCX",
                format!("truncated or damaged ZIP archive ({other})"),
            ),
        })?;
        if zip.len() > limits.max_archive_entries {
            return Err(ParseError::limit(
                "DOCX",
                format!(
                    "archive has {} entries (limit {})",
                    zip.len(),
                    limits.max_archive_entries
                ),
            ));
        }
        Ok(Self {
            zip,
            remaining: limits.max_expanded_bytes,
            limit: limits.max_expanded_bytes,
        })
    }

    /// Whether the archive has an entry called `name`.
    pub fn contains(&self, name: &str) -> bool {
        self.zip.index_for_name(name).is_some()
    }

    /// Inflates the entry `name`; `None` when there is no such entry.
    pub fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, ParseError> {
        let Some(index) = self.zip.index_for_name(name) else {
            return Ok(None);
        };
        let limit = self.limit;
        let over_limit = || {
            ParseError::limit(
                "DOCX",
                format!("archive expands past {limit} bytes (zip bomb?)"),
            )
        };
        let entry = match self.zip.by_index(index) {
            Ok(entry) => entry,
            Err(ZipError::UnsupportedArchive(ZipError::PASSWORD_REQUIRED)) => {
                return Err(ParseError::Encrypted);
            }
            Err(error) => {
                return Err(ParseError::corrupt(
                    "DOCX",
                    format!("cannot open {name} in the ZIP archive ({error})"),
                ));
            }
        };
        if entry.encrypted() {
            return Err(ParseError::Encrypted);
        }
        if entry.size() > self.remaining {
            return Err(over_limit());
        }
        let mut data = Vec::new();
        entry
            .take(self.remaining.saturating_add(1))
            .read_to_end(&mut data)
            .map_err(|error| {
                ParseError::corrupt(
                    "DOCX",
                    format!("truncated or damaged ZIP archive: cannot inflate {name} ({error})"),
                )
            })?;
        let read = data.len() as u64;
        if read > self.remaining {
            return Err(over_limit());
        }
        self.remaining -= read;
        Ok(Some(data))
    }
}
