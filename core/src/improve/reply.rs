//! Reading a model's reply: the JSON rewrites, each checked by the guard;
//! a rejected rewrite gives way to the rule-based suggestion.

use rustc_hash::FxHashMap as HashMap;
use serde::Deserialize;

use super::guard::{GuardContext, check};
use super::items::{Item, ItemKind};
use super::rules::suggest_item;
use super::{ImproveError, ImproveOptions, Provenance, Reason, Rejection, Suggestion};
use crate::Resume;
use crate::score::bullets::is_quantified;
use crate::score::text::words;

/// The reply the schema asks for.
#[derive(Debug, Deserialize)]
struct Reply {
    rewrites: Vec<ModelRewrite>,
}

/// One rewrite in a reply.
#[derive(Debug, Deserialize)]
pub struct ModelRewrite {
    id: String,
    text: String,
    #[serde(default)]
    reasons: Vec<String>,
}

/// Parses a reply's text (a JSON object, possibly in a code fence).
pub fn parse(provider: &str, text: &str) -> Result<Vec<ModelRewrite>, ImproveError> {
    let trimmed = text.trim();
    let body = trimmed
        .strip_prefix("```json")
        .or_else(|| trimmed.strip_prefix("```"))
        .and_then(|t| t.strip_suffix("```"))
        .unwrap_or(trimmed);
    serde_json::from_str::<Reply>(body)
        .map(|r| r.rewrites)
        .map_err(|e| ImproveError::InvalidResponse {
            provider: provider.to_owned(),
            message: format!("the reply is not the expected JSON: {e}"),
        })
}

/// The suggestions for `items` from a model's rewrites: each rewrite the
/// guard accepts, the rule-based suggestion in place of each one it
/// rejects, and the rule-based suggestions for the items left alone.
pub fn suggestions(
    resume: &Resume,
    items: &[Item],
    rewrites: Vec<ModelRewrite>,
    provenance: &Provenance,
    options: &ImproveOptions,
) -> Vec<Suggestion> {
    let context = GuardContext::new(Some(resume), options);
    let mut by_id: HashMap<String, ModelRewrite> = HashMap::default();
    for rewrite in rewrites {
        by_id.entry(rewrite.id.trim().to_owned()).or_insert(rewrite);
    }
    let mut out = Vec::new();
    for item in items {
        let rules = suggest_item(item, options);
        let Some(rewrite) = by_id
            .remove(&item.id)
            .filter(|r| !same_text(&r.text, &item.text))
        else {
            out.extend(rules);
            continue;
        };
        let text = rewrite
            .text
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let verdict = check(&item.text, &text, item.kind, &context);
        if verdict.accepted {
            out.push(accepted(item, text, &rewrite.reasons, provenance));
            continue;
        }
        tracing::info!(
            provider = %provenance,
            id = %item.id,
            reasons = ?verdict.reasons.iter().map(|r| r.rule).collect::<Vec<_>>(),
            "guard rejected a rewrite"
        );
        let rejection = Rejection {
            provenance: provenance.clone(),
            rewrite: text,
            reasons: verdict.reasons,
        };
        out.push(match rules {
            Some(mut s) => {
                s.rejected = Some(rejection);
                s
            }
            None => Suggestion {
                id: item.id.clone(),
                location: item.location,
                original: item.text.clone(),
                rewrite: None,
                reasons: Vec::new(),
                provenance: Provenance::rules(),
                rejected: Some(rejection),
            },
        });
    }
    if !by_id.is_empty() {
        tracing::debug!(provider = %provenance, unknown = by_id.len(), "reply named unknown ids");
    }
    out
}

fn accepted(item: &Item, text: String, named: &[String], provenance: &Provenance) -> Suggestion {
    let mut reasons: Vec<Reason> = Vec::new();
    for reason in named.iter().map(|r| Reason::from_model(r)) {
        if !reasons.contains(&reason) {
            reasons.push(reason);
        }
    }
    if reasons.is_empty() {
        reasons.push(Reason::Clarity);
    }
    if item.kind != ItemKind::Summary && !is_quantified(&text, &words(&text)) {
        reasons.push(Reason::MissingMetric);
    }
    Suggestion {
        id: item.id.clone(),
        location: item.location,
        original: item.text.clone(),
        rewrite: Some(text),
        reasons,
        provenance: provenance.clone(),
        rejected: None,
    }
}

fn same_text(a: &str, b: &str) -> bool {
    a.split_whitespace().eq(b.split_whitespace())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::improve::guard::GuardRule;
    use crate::improve::items::items;

    fn resume() -> Resume {
        Resume::from_json(
            r#"{"sections": {"skills": ["Kafka"], "experience": [{"title": "Engineer", "company": "Acme",
            "bullets": ["Responsible for the sales pipeline", "Helped migrate the queue to Kafka",
                        "Built the billing API for 3 teams"]}]}}"#,
        )
        .unwrap_or_default()
    }

    #[test]
    fn invented_metrics_are_rejected_and_replaced_by_rules() {
        let resume = resume();
        let options = ImproveOptions::default();
        let items = items(&resume, &options);
        let reply = r#"{"rewrites": [
            {"id": "e0.0", "text": "Owned the sales pipeline and increased revenue by 40%", "reasons": ["weak_opener"]},
            {"id": "e0.1", "text": "Migrated the message queue to Kafka", "reasons": ["weak_opener", "bogus"]}
        ]}"#;
        let parsed = parse("gemini", reply);
        assert!(parsed.is_ok());
        let provenance = Provenance::model("gemini", "m");
        let out = suggestions(
            &resume,
            &items,
            parsed.unwrap_or_default(),
            &provenance,
            &options,
        );
        assert_eq!(out.len(), 2, "{out:#?}");
        let first = &out[0];
        assert_eq!(first.provenance, Provenance::rules());
        assert_eq!(first.rewrite.as_deref(), Some("Owned the sales pipeline"));
        let rejected = first.rejected.as_ref().map(|r| r.reasons[0].rule);
        assert_eq!(rejected, Some(GuardRule::AddedNumber));
        let second = &out[1];
        assert_eq!(second.provenance, provenance);
        assert_eq!(
            second.reasons,
            [Reason::WeakOpener, Reason::Clarity, Reason::MissingMetric]
        );
    }

    #[test]
    fn malformed_replies_are_errors() {
        assert!(matches!(
            parse("gemini", "{\"rewrites\": ["),
            Err(ImproveError::InvalidResponse { .. })
        ));
        assert!(parse("gemini", "```json\n{\"rewrites\": []}\n```").is_ok());
    }
}
