//! Token usage and its price: a price table from configuration and the
//! record of every provider call.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Tokens used by one call or a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Usage {
    /// Prompt tokens.
    pub input_tokens: u64,
    /// Output tokens (excluding thinking).
    pub output_tokens: u64,
    /// Thinking tokens (billed as output).
    pub thinking_tokens: u64,
}

impl Usage {
    /// Adds another usage to this one.
    pub fn add(&mut self, other: &Usage) {
        self.input_tokens += other.input_tokens;
        self.output_tokens += other.output_tokens;
        self.thinking_tokens += other.thinking_tokens;
    }
}

/// A model's list price in US dollars per million tokens.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Price {
    /// Per million input tokens.
    pub input_per_mtok: f64,
    /// Per million output tokens (thinking tokens are billed at this rate).
    pub output_per_mtok: f64,
}

impl Price {
    /// The cost of a usage at this price.
    pub fn cost(&self, usage: &Usage) -> f64 {
        let output = usage.output_tokens + usage.thinking_tokens;
        (usage.input_tokens as f64 * self.input_per_mtok + output as f64 * self.output_per_mtok)
            / 1_000_000.0
    }
}

/// Prices by model id. Models missing from the table cost 0 and are
/// logged as unpriced.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PriceTable(pub BTreeMap<String, Price>);

impl Default for PriceTable {
    /// List prices of the default models (USD per million tokens).
    fn default() -> Self {
        let price = |input, output| Price {
            input_per_mtok: input,
            output_per_mtok: output,
        };
        Self(BTreeMap::from([
            ("gemini-2.5-flash-lite".to_owned(), price(0.10, 0.40)),
            ("gemini-2.5-flash".to_owned(), price(0.30, 2.50)),
            ("claude-haiku-4-5".to_owned(), price(1.00, 5.00)),
            ("claude-sonnet-4-5".to_owned(), price(3.00, 15.00)),
        ]))
    }
}

impl PriceTable {
    /// The price of a model, if listed.
    pub fn get(&self, model: &str) -> Option<&Price> {
        self.0.get(model)
    }

    /// The cost of a usage of `model` (0 when unpriced).
    pub fn cost(&self, model: &str, usage: &Usage) -> f64 {
        self.get(model).map_or(0.0, |p| p.cost(usage))
    }
}

/// One provider call, as logged and reported.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct CallRecord {
    /// Provider name.
    pub provider: String,
    /// Model id.
    pub model: String,
    /// Tokens from the provider's usage fields.
    pub usage: Usage,
    /// Cost from the price table, in US dollars.
    pub cost_usd: f64,
    /// Wall time including retries, in milliseconds.
    pub latency_ms: u64,
    /// Retries before the answer.
    pub retries: u32,
    /// Answered from the cache (no request sent, no cost).
    pub cached: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thinking_is_billed_as_output() {
        let table = PriceTable::default();
        let usage = Usage {
            input_tokens: 1_000_000,
            output_tokens: 500_000,
            thinking_tokens: 500_000,
        };
        let cost = table.cost("gemini-2.5-flash-lite", &usage);
        assert!((cost - 0.5).abs() < 1e-9, "{cost}");
        assert!(table.cost("unknown-model", &usage).abs() < f64::EPSILON);
    }
}
