//! The prompt: a versioned system instruction and output schema (files
//! beside this module), the user message listing the resume's texts, and
//! token estimates for the overhead they add.

use std::sync::LazyLock;

use serde_json::Value;

use super::items::{Item, ItemKind};

/// The prompt version: part of every cache key, so a new prompt never
/// reuses answers to an old one.
pub const VERSION: &str = "v1";

const SYSTEM: &str = include_str!("v1.md");

static SCHEMA: LazyLock<Value> =
    LazyLock::new(|| serde_json::from_str(include_str!("v1.schema.json")).unwrap_or(Value::Null));

/// The system instruction.
pub fn system() -> &'static str {
    SYSTEM.trim_end()
}

/// The output schema (JSON Schema).
pub fn schema() -> &'static Value {
    &SCHEMA
}

/// The schema in Gemini's `responseSchema` dialect (OpenAPI types in upper
/// case).
pub fn gemini_schema() -> Value {
    map_objects(schema(), &|object| {
        if let Some(Value::String(t)) = object.get_mut("type") {
            *t = t.to_uppercase();
        }
    })
}

/// The schema as Claude's structured outputs require it (closed objects).
pub fn claude_schema() -> Value {
    map_objects(schema(), &|object| {
        if object.get("type").and_then(Value::as_str) == Some("object") {
            object.insert("additionalProperties".into(), Value::Bool(false));
        }
    })
}

fn map_objects(value: &Value, f: &dyn Fn(&mut serde_json::Map<String, Value>)) -> Value {
    match value {
        Value::Object(map) => {
            let mut out: serde_json::Map<String, Value> = map
                .iter()
                .map(|(k, v)| (k.clone(), map_objects(v, f)))
                .collect();
            f(&mut out);
            Value::Object(out)
        }
        Value::Array(items) => Value::Array(items.iter().map(|v| map_objects(v, f)).collect()),
        other => other.clone(),
    }
}

/// The user message: the current-role ids, then one `ID: text` line per
/// item.
pub fn user_message(items: &[Item]) -> String {
    let mut out = String::new();
    let current: Vec<&str> = items
        .iter()
        .filter(|i| i.kind == ItemKind::CurrentBullet)
        .map(|i| i.id.as_str())
        .collect();
    if !current.is_empty() {
        out.push_str("Current: ");
        out.push_str(&current.join(" "));
        out.push('\n');
    }
    for item in items {
        out.push_str(&item.id);
        out.push_str(": ");
        out.extend(item.text.split_whitespace().flat_map(|w| [w, " "]));
        out.pop();
        out.push('\n');
    }
    out
}

/// An estimate of a text's tokens: one per four characters, rounded up
/// (the usual ratio for English with these models' tokenisers).
pub fn estimate_tokens(text: &str) -> u64 {
    (text.chars().count() as u64).div_ceil(4)
}

/// The tokens the prompt adds to a request beyond the resume's own texts:
/// the system instruction, the schema and the per-line framing of a
/// typical resume (20 lines).
pub fn overhead_tokens() -> u64 {
    let framing = "e0.10: \n".repeat(20);
    estimate_tokens(system()) + estimate_tokens(&schema().to_string()) + estimate_tokens(&framing)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overhead_stays_under_the_budget() {
        let overhead = overhead_tokens();
        assert!(overhead < 700, "prompt overhead {overhead} tokens");
        assert!(schema().get("properties").is_some());
        assert_eq!(gemini_schema()["type"], "OBJECT");
        assert_eq!(claude_schema()["additionalProperties"], false);
    }

    #[test]
    fn the_schema_names_the_model_reasons() {
        let reasons = &schema()["properties"]["rewrites"]["items"]["properties"]["reasons"];
        let named: Vec<&str> = reasons["items"]["enum"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(serde_json::Value::as_str)
            .collect();
        assert_eq!(named, crate::improve::Reason::MODEL_REASONS);
    }
}
