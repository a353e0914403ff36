//! The HTTP exchange the LLM providers share: a JSON POST with a timeout,
//! retried with backoff on rate limits, server errors and timeouts, and
//! the log line of every call.

use std::time::{Duration, Instant};

use reqwest::header::HeaderMap;

use super::cost::CallRecord;
use super::{ImproveError, RetryPolicy};

/// A successful exchange.
pub struct Exchange {
    /// The response body.
    pub body: String,
    /// Retries before it.
    pub retries: u32,
    /// Wall time including retries.
    pub latency: Duration,
}

/// What a failed attempt calls for.
pub enum Failure {
    /// Try again, after the server's requested delay if it gave one.
    Retry {
        /// The server's requested delay.
        after: Option<Duration>,
        /// The error if no retry is left.
        error: ImproveError,
    },
    /// Give up (the chain moves to the next provider).
    Stop(ImproveError),
}

/// An HTTP client with a per-request timeout.
pub fn client(provider: &str, timeout_ms: u64) -> Result<reqwest::Client, ImproveError> {
    reqwest::Client::builder()
        .timeout(Duration::from_millis(timeout_ms))
        .build()
        .map_err(|e| ImproveError::Config(format!("{provider}: cannot build the HTTP client: {e}")))
}

/// Sends the request built by `request`, retrying as `policy` allows while
/// `classify` (status, headers, body → failure) says a retry may help.
pub async fn post(
    provider: &str,
    request: impl Fn() -> reqwest::RequestBuilder,
    policy: &RetryPolicy,
    classify: impl Fn(u16, &HeaderMap, &str) -> Failure,
) -> Result<Exchange, ImproveError> {
    let started = Instant::now();
    let mut retries = 0;
    loop {
        let failure = match request().send().await {
            Ok(response) if response.status().is_success() => match response.text().await {
                Ok(body) => {
                    return Ok(Exchange {
                        body,
                        retries,
                        latency: started.elapsed(),
                    });
                }
                Err(e) => transport(provider, &e),
            },
            Ok(response) => {
                let status = response.status().as_u16();
                let headers = response.headers().clone();
                let body = response.text().await.unwrap_or_default();
                classify(status, &headers, &body)
            }
            Err(e) => transport(provider, &e),
        };
        match failure {
            Failure::Retry { after, error } if retries < policy.max_retries => {
                let delay = policy.delay(retries, after);
                tracing::warn!(
                    provider,
                    retry = retries + 1,
                    delay_ms = delay.as_millis() as u64,
                    %error,
                    "retrying"
                );
                tokio::time::sleep(delay).await;
                retries += 1;
            }
            Failure::Retry { error, .. } | Failure::Stop(error) => {
                return Err(with_retries(error, retries));
            }
        }
    }
}

fn transport(provider: &str, error: &reqwest::Error) -> Failure {
    let http = |message: String| ImproveError::Http {
        provider: provider.to_owned(),
        status: None,
        message,
    };
    if error.is_timeout() {
        Failure::Retry {
            after: None,
            error: ImproveError::Timeout {
                provider: provider.to_owned(),
                retries: 0,
            },
        }
    } else if error.is_connect() || error.is_request() {
        Failure::Retry {
            after: None,
            error: http(format!("request failed: {error}")),
        }
    } else {
        Failure::Stop(http(format!("request failed: {error}")))
    }
}

fn with_retries(error: ImproveError, made: u32) -> ImproveError {
    match error {
        ImproveError::RateLimited { provider, .. } => ImproveError::RateLimited {
            provider,
            retries: made,
        },
        ImproveError::Timeout { provider, .. } => ImproveError::Timeout {
            provider,
            retries: made,
        },
        other => other,
    }
}

/// The failure an HTTP status calls for: retry on 408, 429, 5xx and 529,
/// stop on a missing model (404) and any other status.
pub fn status_failure(
    provider: &str,
    model: &str,
    status: u16,
    message: &str,
    after: Option<Duration>,
) -> Failure {
    let error = match status {
        404 => {
            return Failure::Stop(ImproveError::ModelNotFound {
                provider: provider.to_owned(),
                model: model.to_owned(),
            });
        }
        429 => ImproveError::RateLimited {
            provider: provider.to_owned(),
            retries: 0,
        },
        _ => ImproveError::Http {
            provider: provider.to_owned(),
            status: Some(status),
            message: format!(
                "HTTP {status}: {}",
                message.chars().take(300).collect::<String>()
            ),
        },
    };
    if matches!(status, 408 | 429 | 500 | 502 | 503 | 504 | 529) {
        Failure::Retry { after, error }
    } else {
        Failure::Stop(error)
    }
}

/// The `Retry-After` header in seconds, if any.
pub fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    headers
        .get(reqwest::header::RETRY_AFTER)?
        .to_str()
        .ok()
        .and_then(parse_seconds)
}

/// Reads a delay written as seconds (`"37s"`, `"1.5s"` in Gemini's
/// `RetryInfo`, `"37"` in `Retry-After`).
pub fn parse_seconds(text: &str) -> Option<Duration> {
    let seconds: f64 = text.trim().trim_end_matches('s').parse().ok()?;
    (seconds.is_finite() && seconds >= 0.0).then(|| Duration::from_secs_f64(seconds))
}

/// An invalid-response error.
pub fn invalid(provider: &str, message: impl std::fmt::Display) -> ImproveError {
    ImproveError::InvalidResponse {
        provider: provider.to_owned(),
        message: message.to_string(),
    }
}

/// Logs one call: provider, model, tokens, cost, latency and retries.
pub fn log_call(call: &CallRecord) {
    tracing::info!(
        provider = %call.provider,
        model = %call.model,
        input_tokens = call.usage.input_tokens,
        output_tokens = call.usage.output_tokens,
        thinking_tokens = call.usage.thinking_tokens,
        cost_usd = call.cost_usd,
        latency_ms = call.latency_ms,
        retries = call.retries,
        "improver call"
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delays_parse_as_seconds() {
        assert_eq!(parse_seconds("1.5s"), Some(Duration::from_millis(1500)));
        assert_eq!(parse_seconds("37"), Some(Duration::from_secs(37)));
        assert_eq!(parse_seconds("soon"), None);
    }
}
