//! The Gemini provider: one `generateContent` request per resume over
//! REST, with a system instruction, a JSON response schema, low
//! temperature and thinking off.

use async_trait::async_trait;
use reqwest::header::{CONTENT_TYPE, HeaderMap};
use serde_json::{Value, json};

use super::config::{ApiKey, GeminiConfig};
use super::cost::{CallRecord, PriceTable, Usage};
use super::http::{self, Failure};
use super::items::items;
use super::{
    ImproveError, ImproveOptions, Improvements, Improver, Provenance, RetryPolicy, prompt, reply,
};
use crate::Resume;

const NAME: &str = "gemini";

/// Finish reasons that mean the answer was withheld.
const BLOCKED: &[&str] = &[
    "SAFETY",
    "RECITATION",
    "BLOCKLIST",
    "PROHIBITED_CONTENT",
    "SPII",
    "IMAGE_SAFETY",
];

/// Google Gemini over the `generateContent` REST API.
#[derive(Debug, Clone)]
pub struct GeminiImprover {
    config: GeminiConfig,
    key: String,
    client: reqwest::Client,
    retry: RetryPolicy,
    prices: PriceTable,
}

impl GeminiImprover {
    /// A Gemini improver; fails without an API key.
    pub fn new(
        config: GeminiConfig,
        retry: RetryPolicy,
        prices: PriceTable,
    ) -> Result<Self, ImproveError> {
        let key = ApiKey::require(config.api_key.as_ref(), NAME, "GEMINI_API_KEY")?;
        let client = http::client(NAME, config.timeout_ms)?;
        Ok(Self {
            config,
            key,
            client,
            retry,
            prices,
        })
    }

    /// The request body for a set of items.
    fn body(&self, user: &str) -> Value {
        let mut generation = json!({
            "temperature": self.config.temperature,
            "maxOutputTokens": self.config.max_output_tokens,
            "responseMimeType": "application/json",
            "responseSchema": prompt::gemini_schema(),
        });
        let mut thinking = serde_json::Map::new();
        if let Some(budget) = self.config.thinking_budget {
            thinking.insert("thinkingBudget".into(), budget.into());
        }
        if let Some(level) = &self.config.thinking_level {
            thinking.insert("thinkingLevel".into(), level.clone().into());
        }
        if !thinking.is_empty() {
            generation["thinkingConfig"] = Value::Object(thinking);
        }
        json!({
            "systemInstruction": {"parts": [{"text": prompt::system()}]},
            "contents": [{"role": "user", "parts": [{"text": user}]}],
            "generationConfig": generation,
        })
    }
}

#[async_trait]
impl Improver for GeminiImprover {
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
        let url = format!(
            "{}/models/{}:generateContent",
            self.config.base_url.trim_end_matches('/'),
            self.config.model
        );
        let exchange = http::post(
            NAME,
            || {
                self.client
                    .post(&url)
                    .header("x-goog-api-key", &self.key)
                    .header(CONTENT_TYPE, "application/json")
                    .body(body.clone())
            },
            &self.retry,
            |status, headers, text| classify(&self.config.model, status, headers, text),
        )
        .await?;
        let reply: Value = serde_json::from_str(&exchange.body)
            .map_err(|e| http::invalid(NAME, format!("the body is not JSON: {e}")))?;
        let usage = usage(&reply);
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

/// Tokens from `usageMetadata`.
fn usage(reply: &Value) -> Usage {
    let meta = &reply["usageMetadata"];
    let count = |field: &str| meta[field].as_u64().unwrap_or(0);
    Usage {
        input_tokens: count("promptTokenCount"),
        output_tokens: count("candidatesTokenCount"),
        thinking_tokens: count("thoughtsTokenCount"),
    }
}

/// The answer's text, or why there is none (a block or an empty answer).
fn answer(reply: &Value) -> Result<String, ImproveError> {
    let blocked = |reason: &str| ImproveError::Blocked {
        provider: NAME.into(),
        reason: reason.to_owned(),
    };
    if let Some(reason) = reply["promptFeedback"]["blockReason"].as_str() {
        return Err(blocked(reason));
    }
    let candidate = &reply["candidates"][0];
    let finish = candidate["finishReason"].as_str().unwrap_or("");
    if BLOCKED.contains(&finish) {
        return Err(blocked(finish));
    }
    let text: String = candidate["content"]["parts"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|part| !part["thought"].as_bool().unwrap_or(false))
        .filter_map(|part| part["text"].as_str())
        .collect();
    if text.trim().is_empty() {
        return Err(http::invalid(
            NAME,
            format!("no answer text (finishReason {finish:?})"),
        ));
    }
    Ok(text)
}

/// What a failed Gemini response calls for: a daily quota stops (retrying
/// today is useless); other rate limits retry after `RetryInfo.retryDelay`
/// or `Retry-After`.
fn classify(model: &str, status: u16, headers: &HeaderMap, text: &str) -> Failure {
    let body: Value = serde_json::from_str(text).unwrap_or(Value::Null);
    let error = &body["error"];
    let message = error["message"].as_str().unwrap_or(text);
    let details = error["details"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default();
    let of_type = |suffix: &'static str| {
        details
            .iter()
            .filter(move |d| d["@type"].as_str().is_some_and(|t| t.ends_with(suffix)))
    };
    let daily = of_type("QuotaFailure")
        .flat_map(|d| d["violations"].as_array().into_iter().flatten())
        .any(|v| {
            v["quotaId"]
                .as_str()
                .is_some_and(|id| id.contains("PerDay"))
        });
    if status == 429 && daily {
        return Failure::Stop(ImproveError::QuotaExhausted {
            provider: NAME.into(),
            message: message.chars().take(300).collect(),
        });
    }
    let after = of_type("RetryInfo")
        .find_map(|d| d["retryDelay"].as_str().and_then(http::parse_seconds))
        .or_else(|| http::retry_after(headers));
    http::status_failure(NAME, model, status, message, after)
}
