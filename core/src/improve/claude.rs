//! The Claude provider: one Messages API request per resume with a system
//! prompt and structured JSON output.

use async_trait::async_trait;
use reqwest::header::{CONTENT_TYPE, HeaderMap};
use serde_json::{Value, json};

use super::config::{ApiKey, ClaudeConfig};
use super::cost::{CallRecord, PriceTable, Usage};
use super::http::{self, Failure};
use super::items::items;
use super::{
    ImproveError, ImproveOptions, Improvements, Improver, Provenance, RetryPolicy, prompt, reply,
};
use crate::Resume;

const NAME: &str = "claude";

/// The Messages API version header.
const API_VERSION: &str = "2023-06-01";

/// Anthropic Claude over the Messages API.
#[derive(Debug, Clone)]
pub struct ClaudeImprover {
    config: ClaudeConfig,
    key: String,
    client: reqwest::Client,
    retry: RetryPolicy,
    prices: PriceTable,
}

impl ClaudeImprover {
    /// A Claude improver; fails without an API key.
    pub fn new(
        config: ClaudeConfig,
        retry: RetryPolicy,
        prices: PriceTable,
    ) -> Result<Self, ImproveError> {
        let key = ApiKey::require(config.api_key.as_ref(), NAME, "ANTHROPIC_API_KEY")?;
        let client = http::client(NAME, config.timeout_ms)?;
        Ok(Self {
            config,
            key,
            client,
            retry,
            prices,
        })
    }

    fn body(&self, user: &str) -> Value {
        json!({
            "model": self.config.model,
            "max_tokens": self.config.max_output_tokens,
            "temperature": self.config.temperature,
            "system": prompt::system(),
            "messages": [{"role": "user", "content": user}],
            "output_config": {"format": {"type": "json_schema", "schema": prompt::claude_schema()}},
        })
    }
}

#[async_trait]
impl Improver for ClaudeImprover {
    fn provenance(&self) -> Provenance {
        Provenance::model(NAME, &self.config.model)
    }

    async fn improve(
        &self,
        resume: &Resume,
        options: &ImproveOptions,
    ) -> Result<Improvements, ImproveError> {
        let provenance = self.provenance();
        let items = items(resume, options);
        let mut out = Improvements {
            provider: Some(provenance.clone()),
            ..Improvements::default()
        };
        if items.is_empty() {
            return Ok(out);
        }
        let body = self.body(&prompt::user_message(&items)).to_string();
        let url = format!("{}/v1/messages", self.config.base_url.trim_end_matches('/'));
        let exchange = http::post(
            NAME,
            || {
                self.client
                    .post(&url)
                    .header("x-api-key", &self.key)
                    .header("anthropic-version", API_VERSION)
                    .header(CONTENT_TYPE, "application/json")
                    .body(body.clone())
            },
            &self.retry,
            |status, headers, text| classify(&self.config.model, status, headers, text),
        )
        .await?;
        let reply: Value = serde_json::from_str(&exchange.body)
            .map_err(|e| http::invalid(NAME, format!("the body is not JSON: {e}")))?;
        let usage = Usage {
            input_tokens: reply["usage"]["input_tokens"].as_u64().unwrap_or(0),
            output_tokens: reply["usage"]["output_tokens"].as_u64().unwrap_or(0),
            thinking_tokens: 0,
        };
        let call = CallRecord {
            provider: NAME.into(),
            model: self.config.model.clone(),
            usage,
            cost_usd: self.prices.cost(&self.config.model, &usage),
            latency_ms: u64::try_from(exchange.latency.as_millis()).unwrap_or(u64::MAX),
            retries: exchange.retries,
            cached: false,
        };
        http::log_call(&call);
        let text = answer(&reply)?;
        let rewrites = reply::parse(NAME, &text)?;
        out.suggestions = reply::suggestions(resume, &items, rewrites, &provenance, options);
        out.record(call);
        Ok(out)
    }
}

/// The answer's text, or why there is none (a refusal, a cut-off answer).
fn answer(reply: &Value) -> Result<String, ImproveError> {
    let stop = reply["stop_reason"].as_str().unwrap_or("");
    if stop == "refusal" {
        return Err(ImproveError::Blocked {
            provider: NAME.into(),
            reason: stop.into(),
        });
    }
    let text: String = reply["content"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|block| block["type"] == "text")
        .filter_map(|block| block["text"].as_str())
        .collect();
    if text.trim().is_empty() {
        return Err(http::invalid(
            NAME,
            format!("no answer text (stop_reason {stop:?})"),
        ));
    }
    Ok(text)
}

/// What a failed Claude response calls for (429 and 529 retry after
/// `Retry-After`).
fn classify(model: &str, status: u16, headers: &HeaderMap, text: &str) -> Failure {
    let body: Value = serde_json::from_str(text).unwrap_or(Value::Null);
    let message = body["error"]["message"].as_str().unwrap_or(text);
    http::status_failure(NAME, model, status, message, http::retry_after(headers))
}
