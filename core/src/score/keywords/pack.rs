//! Keyword packs: weighted lists of the terms a kind of role expects,
//! shipped as JSON data files in the crate or supplied by the user.

use std::path::Path;
use std::sync::{Arc, LazyLock};

use serde::{Deserialize, Serialize};

use super::{CompiledCache, CompiledTerms};
use crate::score::ScoreError;

/// Largest accepted pack file (1 MiB).
const MAX_PACK_BYTES: u64 = 1024 * 1024;
/// Most keywords in one pack.
const MAX_KEYWORDS: usize = 2000;

/// The built-in packs, as (name, JSON) pairs.
const BUILTIN: &[(&str, &str)] = &[
    ("general", include_str!("packs/general.json")),
    ("software", include_str!("packs/software.json")),
    ("data", include_str!("packs/data.json")),
    ("product", include_str!("packs/product.json")),
    ("marketing", include_str!("packs/marketing.json")),
    ("sales", include_str!("packs/sales.json")),
    ("finance", include_str!("packs/finance.json")),
    (
        "virtual-assistant",
        include_str!("packs/virtual-assistant.json"),
    ),
];

/// The built-in packs, parsed once.
static BUILTIN_PACKS: LazyLock<Vec<Arc<KeywordPack>>> = LazyLock::new(|| {
    BUILTIN
        .iter()
        .filter_map(|(name, json)| KeywordPack::from_json(name, json).ok())
        .map(Arc::new)
        .collect()
});

/// A named, weighted list of keywords.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct KeywordPack {
    /// Short identifier (`software`).
    pub name: String,
    /// Display title.
    #[serde(default)]
    pub title: String,
    /// What roles the pack is for.
    #[serde(default)]
    pub description: String,
    /// The keywords, most characteristic first.
    pub keywords: Vec<Keyword>,
    /// The keywords' token sequences, computed on first use.
    #[serde(skip)]
    compiled: CompiledCache,
}

/// One keyword of a pack or job description.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Keyword {
    /// The term as it should appear (`Kubernetes`, `project management`).
    pub term: String,
    /// Importance, 1 (nice to have) to 3 (essential).
    #[serde(default = "default_weight")]
    pub weight: u8,
    /// A hard skill (goes in the skills list) or a competency (shown in bullets).
    #[serde(default)]
    pub kind: KeywordKind,
    /// Other spellings that count as the term (`k8s`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
}

fn default_weight() -> u8 {
    1
}

/// What kind of keyword a term is, which decides where it should go.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum KeywordKind {
    /// A tool, technology, method or certification: listed under skills.
    #[default]
    Skill,
    /// An ability or area of work: shown in bullets and the summary.
    Competency,
}

impl KeywordPack {
    /// A pack from its parts, checked like a pack file.
    pub fn new(
        name: &str,
        title: &str,
        description: &str,
        keywords: Vec<Keyword>,
    ) -> Result<Self, ScoreError> {
        Self {
            name: name.to_owned(),
            title: title.to_owned(),
            description: description.to_owned(),
            keywords,
            compiled: CompiledCache::default(),
        }
        .validated()
    }

    /// The keywords' token sequences (term and aliases), computed once.
    pub fn compiled(&self) -> &CompiledTerms {
        self.compiled.get(&self.keywords)
    }

    /// The names of the built-in packs.
    pub fn builtin_names() -> Vec<&'static str> {
        BUILTIN.iter().map(|(name, _)| *name).collect()
    }

    /// The built-in packs.
    pub fn builtins() -> &'static [Arc<KeywordPack>] {
        &BUILTIN_PACKS
    }

    /// A built-in pack by name.
    pub fn builtin(name: &str) -> Result<Arc<KeywordPack>, ScoreError> {
        Self::builtins()
            .iter()
            .find(|p| p.name == name)
            .cloned()
            .ok_or_else(|| ScoreError::UnknownPack {
                name: name.to_owned(),
                available: Self::builtin_names().join(", "),
            })
    }

    /// A built-in pack by name, or a pack file: `.json` in this format, any
    /// other file as a plain list (one keyword per line, `term, weight`
    /// optional, `#` comments).
    pub fn load(name_or_path: &str) -> Result<Arc<KeywordPack>, ScoreError> {
        if let Ok(pack) = Self::builtin(name_or_path) {
            return Ok(pack);
        }
        let path = Path::new(name_or_path);
        if !path.is_file() {
            return Err(ScoreError::UnknownPack {
                name: name_or_path.to_owned(),
                available: Self::builtin_names().join(", "),
            });
        }
        let text = read_limited(path)?;
        let name = path.file_stem().map_or_else(
            || name_or_path.to_owned(),
            |s| s.to_string_lossy().into_owned(),
        );
        let pack = if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"))
        {
            Self::from_json(&name, &text)?
        } else {
            Self::from_list(&name, &text)?
        };
        Ok(Arc::new(pack))
    }

    /// Reads a pack from its JSON form and checks it.
    pub fn from_json(name: &str, json: &str) -> Result<Self, ScoreError> {
        let pack: Self = serde_json::from_str(json).map_err(|e| ScoreError::InvalidPack {
            name: name.to_owned(),
            reason: e.to_string(),
        })?;
        pack.validated()
    }

    /// Reads a plain keyword list: one keyword per line, optionally followed
    /// by `, weight` (1–3); blank lines and `#` comments are skipped.
    pub fn from_list(name: &str, text: &str) -> Result<Self, ScoreError> {
        let mut keywords = Vec::new();
        for (number, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (term, weight) = match line.rsplit_once(',') {
                Some((term, w)) if w.trim().parse::<u8>().is_ok() => {
                    (term.trim(), w.trim().parse::<u8>().unwrap_or(1))
                }
                _ => (line, 1),
            };
            if !(1..=3).contains(&weight) {
                return Err(ScoreError::InvalidPack {
                    name: name.to_owned(),
                    reason: format!("line {}: weight must be 1, 2 or 3", number + 1),
                });
            }
            keywords.push(Keyword {
                term: term.to_owned(),
                weight,
                kind: KeywordKind::Skill,
                aliases: Vec::new(),
            });
        }
        Self::new(name, name, "", keywords)
    }

    fn validated(self) -> Result<Self, ScoreError> {
        let invalid = |reason: String| ScoreError::InvalidPack {
            name: self.name.clone(),
            reason,
        };
        if self.keywords.is_empty() {
            return Err(invalid("the pack has no keywords".to_owned()));
        }
        if self.keywords.len() > MAX_KEYWORDS {
            return Err(invalid(format!("more than {MAX_KEYWORDS} keywords")));
        }
        for keyword in &self.keywords {
            if keyword.term.trim().is_empty() || keyword.term.len() > 100 {
                return Err(invalid(
                    "a keyword is empty or longer than 100 bytes".to_owned(),
                ));
            }
            if !(1..=3).contains(&keyword.weight) {
                return Err(invalid(format!(
                    "`{}`: weight must be 1, 2 or 3",
                    keyword.term
                )));
            }
        }
        Ok(self)
    }
}

fn read_limited(path: &Path) -> Result<String, ScoreError> {
    use std::io::Read;
    let io = |source| ScoreError::Io {
        path: path.to_owned(),
        source,
    };
    let mut text = String::new();
    std::fs::File::open(path)
        .map_err(io)?
        .take(MAX_PACK_BYTES + 1)
        .read_to_string(&mut text)
        .map_err(io)?;
    if text.len() as u64 > MAX_PACK_BYTES {
        return Err(ScoreError::InvalidPack {
            name: path.display().to_string(),
            reason: "larger than 1 MiB".to_owned(),
        });
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_pack_loads() {
        assert_eq!(KeywordPack::builtins().len(), BUILTIN.len());
        let va = KeywordPack::builtin("virtual-assistant").map(|p| p.keywords.len());
        assert!(va.is_ok_and(|n| n >= 15));
    }

    #[test]
    fn unknown_pack_lists_the_available_ones() {
        let err = KeywordPack::load("astronaut").map(|_| ()).err();
        let message = err.map(|e| e.to_string()).unwrap_or_default();
        assert!(
            message.contains("astronaut") && message.contains("software"),
            "{message}"
        );
    }

    #[test]
    fn plain_lists_take_optional_weights() {
        let pack = KeywordPack::from_list("mine", "# tools\nRust, 3\nTokio\n\n").ok();
        let terms: Vec<(String, u8)> = pack
            .map(|p| p.keywords.into_iter().map(|k| (k.term, k.weight)).collect())
            .unwrap_or_default();
        assert_eq!(terms, [("Rust".to_owned(), 3), ("Tokio".to_owned(), 1)]);
        assert!(KeywordPack::from_list("bad", "Rust, 7").is_err());
        assert!(KeywordPack::from_list("empty", "# nothing").is_err());
    }

    #[test]
    fn invalid_json_is_a_typed_error() {
        let err = KeywordPack::from_json("x", "{\"name\": 1}").err();
        assert!(matches!(err, Some(ScoreError::InvalidPack { .. })));
    }
}
