//! Improver settings as plain data: the provider chain, each provider's
//! model and endpoint, retries, prices and the cache size.

use serde::{Deserialize, Serialize};

use super::ImproveError;
use super::cost::PriceTable;
use super::retry::RetryPolicy;

/// A kind of improver.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum ProviderKind {
    /// The offline rule-based improver.
    Rules,
    /// Google Gemini (`generateContent`); needs the `llm` feature.
    Gemini,
    /// Anthropic Claude (Messages API); needs the `llm` feature.
    Claude,
}

impl std::str::FromStr for ProviderKind {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "rules" => Ok(Self::Rules),
            "gemini" => Ok(Self::Gemini),
            "claude" => Ok(Self::Claude),
            other => Err(format!(
                "unknown provider {other:?} (rules, gemini, claude)"
            )),
        }
    }
}

/// An API key: read from configuration but never serialised or printed.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ApiKey(pub String);

impl ApiKey {
    /// The key's text, or a configuration error naming the provider and
    /// the environment variable that sets it.
    pub fn require(
        key: Option<&Self>,
        provider: &str,
        variable: &str,
    ) -> Result<String, ImproveError> {
        key.map(|k| k.0.clone())
            .ok_or_else(|| ImproveError::Config(format!("{provider}: no API key (set {variable})")))
    }
}

impl std::fmt::Debug for ApiKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ApiKey(…)")
    }
}

/// Settings of the Gemini provider.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct GeminiConfig {
    /// Model id (models are retired often: this is the one value to change).
    pub model: String,
    /// API root, up to and including the version (`…/v1beta`).
    pub base_url: String,
    /// The API key (`GEMINI_API_KEY`); never serialised.
    #[serde(skip_serializing)]
    pub api_key: Option<ApiKey>,
    /// Timeout of one request, in milliseconds.
    pub timeout_ms: u64,
    /// Most output tokens.
    pub max_output_tokens: u32,
    /// Sampling temperature (low: rewrites, not creative writing).
    pub temperature: f64,
    /// `thinkingConfig.thinkingBudget` (0 turns thinking off on 2.5
    /// models); `None` leaves it out.
    pub thinking_budget: Option<i64>,
    /// `thinkingConfig.thinkingLevel` (`minimal` on models that take a
    /// level instead of a budget); `None` leaves it out.
    pub thinking_level: Option<String>,
}

impl Default for GeminiConfig {
    fn default() -> Self {
        Self {
            model: "gemini-2.5-flash-lite".into(),
            base_url: "https://generativelanguage.googleapis.com/v1beta".into(),
            api_key: None,
            timeout_ms: 30_000,
            max_output_tokens: 4096,
            temperature: 0.2,
            thinking_budget: Some(0),
            thinking_level: None,
        }
    }
}

/// Settings of the Claude provider.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClaudeConfig {
    /// Model id.
    pub model: String,
    /// API root (`https://api.anthropic.com`).
    pub base_url: String,
    /// The API key (`ANTHROPIC_API_KEY`); never serialised.
    #[serde(skip_serializing)]
    pub api_key: Option<ApiKey>,
    /// Timeout of one request, in milliseconds.
    pub timeout_ms: u64,
    /// Most output tokens.
    pub max_output_tokens: u32,
    /// Sampling temperature.
    pub temperature: f64,
}

impl Default for ClaudeConfig {
    fn default() -> Self {
        Self {
            model: "claude-haiku-4-5".into(),
            base_url: "https://api.anthropic.com".into(),
            api_key: None,
            timeout_ms: 30_000,
            max_output_tokens: 4096,
            temperature: 0.2,
        }
    }
}

/// Settings of the improver.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ImproveConfig {
    /// The LLM providers in fallback order. Providers without an API key
    /// are skipped; with none left, the rule-based improver is used.
    pub providers: Vec<ProviderKind>,
    /// Gemini settings.
    pub gemini: GeminiConfig,
    /// Claude settings.
    pub claude: ClaudeConfig,
    /// Retries on rate limits and server errors.
    pub retry: RetryPolicy,
    /// Prices by model id, USD per million tokens.
    pub prices: PriceTable,
    /// Entries of the in-memory response cache (0 turns it off).
    pub cache_capacity: usize,
}

impl Default for ImproveConfig {
    fn default() -> Self {
        Self {
            providers: vec![ProviderKind::Gemini, ProviderKind::Claude],
            gemini: GeminiConfig::default(),
            claude: ClaudeConfig::default(),
            retry: RetryPolicy::default(),
            prices: PriceTable::default(),
            cache_capacity: 256,
        }
    }
}

impl ImproveConfig {
    /// Fills API keys, endpoints and models from the environment:
    /// `GEMINI_API_KEY`, `GEMINI_BASE_URL`, `GEMINI_MODEL`,
    /// `ANTHROPIC_API_KEY`, `ANTHROPIC_BASE_URL`, `CLAUDE_MODEL`.
    pub fn with_env(mut self) -> Self {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
        if let Some(key) = var("GEMINI_API_KEY") {
            self.gemini.api_key = Some(ApiKey(key));
        }
        if let Some(url) = var("GEMINI_BASE_URL") {
            self.gemini.base_url = url;
        }
        if let Some(model) = var("GEMINI_MODEL") {
            self.gemini.model = model;
        }
        if let Some(key) = var("ANTHROPIC_API_KEY") {
            self.claude.api_key = Some(ApiKey(key));
        }
        if let Some(url) = var("ANTHROPIC_BASE_URL") {
            self.claude.base_url = url;
        }
        if let Some(model) = var("CLAUDE_MODEL") {
            self.claude.model = model;
        }
        self
    }
}
