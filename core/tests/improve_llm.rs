//! The LLM providers against loopback servers speaking Gemini's and
//! Claude's wire formats: success, retries, timeouts, malformed and
//! blocked answers, retired models, guard rejections, fallbacks and the
//! cache.
#![cfg(feature = "llm")]

use std::sync::Arc;
use std::time::Duration;

use resume_engine::Resume;
use resume_engine::improve::{
    ApiKey, CachedImprover, ChainImprover, ClaudeConfig, ClaudeImprover, GeminiConfig,
    GeminiImprover, GuardRule, ImproveError, ImproveOptions, Improvements, Improver, MemoryCache,
    PriceTable, Provenance, RetryPolicy,
};
use serde_json::{Value, json};
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const GEMINI_PATH: &str = "/v1beta/models/gemini-test:generateContent";

fn resume() -> Resume {
    let json = r#"{"name": "Ana", "sections": {"skills": ["Kafka", "SQL"],
      "summary": "I am a results-driven engineer.",
      "experience": [{"title": "Engineer", "company": "Acme", "dates": "2019 - 2022",
        "bullets": ["Responsible for the sales pipeline",
                    "Helped migrate the queue to Kafka",
                    "Built the billing API for 3 teams"]}]}}"#;
    Resume::from_json(json).unwrap_or_default()
}

fn retry() -> RetryPolicy {
    RetryPolicy {
        max_retries: 3,
        base_delay_ms: 5,
        max_delay_ms: 200,
        jitter: true,
    }
}

fn gemini(server: &MockServer, timeout_ms: u64) -> GeminiImprover {
    let config = GeminiConfig {
        model: "gemini-test".into(),
        base_url: format!("{}/v1beta", server.uri()),
        api_key: Some(ApiKey("test-key".into())),
        timeout_ms,
        ..GeminiConfig::default()
    };
    let prices = PriceTable(
        [
            ("gemini-test".to_owned(), price(0.10, 0.40)),
            ("claude-test".to_owned(), price(1.0, 5.0)),
        ]
        .into(),
    );
    GeminiImprover::new(config, retry(), prices).unwrap_or_else(|e| panic!("{e}"))
}

fn claude(server: &MockServer) -> ClaudeImprover {
    let config = ClaudeConfig {
        model: "claude-test".into(),
        base_url: server.uri(),
        api_key: Some(ApiKey("test-key".into())),
        timeout_ms: 2000,
        ..ClaudeConfig::default()
    };
    let prices = PriceTable([("claude-test".to_owned(), price(1.0, 5.0))].into());
    ClaudeImprover::new(config, retry(), prices).unwrap_or_else(|e| panic!("{e}"))
}

fn price(input: f64, output: f64) -> resume_engine::improve::Price {
    resume_engine::improve::Price {
        input_per_mtok: input,
        output_per_mtok: output,
    }
}

fn rewrites() -> Value {
    json!({"rewrites": [
        {"id": "e0.1", "text": "Migrated the message queue to Kafka", "reasons": ["weak_opener"]},
        {"id": "s", "text": "Engineer building billing and data systems.", "reasons": ["pronoun", "buzzword"]}
    ]})
}

fn gemini_reply(answer: &Value) -> Value {
    json!({
        "candidates": [{"content": {"role": "model", "parts": [{"text": answer.to_string()}]},
                        "finishReason": "STOP"}],
        "usageMetadata": {"promptTokenCount": 1000, "candidatesTokenCount": 200,
                          "thoughtsTokenCount": 0, "totalTokenCount": 1200},
        "modelVersion": "gemini-test"
    })
}

fn claude_reply(answer: &Value) -> Value {
    json!({
        "id": "msg_1", "type": "message", "role": "assistant", "model": "claude-test",
        "content": [{"type": "text", "text": answer.to_string()}],
        "stop_reason": "end_turn",
        "usage": {"input_tokens": 1000, "output_tokens": 200}
    })
}

async fn improve(improver: &dyn Improver) -> Result<Improvements, ImproveError> {
    improver
        .improve(&resume(), &ImproveOptions::default())
        .await
}

async fn requests(server: &MockServer) -> Vec<wiremock::Request> {
    server.received_requests().await.unwrap_or_default()
}

#[tokio::test]
async fn gemini_success_sends_one_request_with_schema_and_records_cost() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(GEMINI_PATH))
        .and(header("x-goog-api-key", "test-key"))
        .respond_with(ResponseTemplate::new(200).set_body_json(gemini_reply(&rewrites())))
        .mount(&server)
        .await;
    let out = improve(&gemini(&server, 2000))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let seen = requests(&server).await;
    assert_eq!(seen.len(), 1, "one call per resume");
    let body: Value = serde_json::from_slice(&seen[0].body).unwrap_or_default();
    let config = &body["generationConfig"];
    assert_eq!(config["responseMimeType"], "application/json");
    assert_eq!(config["responseSchema"]["type"], "OBJECT");
    assert_eq!(config["thinkingConfig"]["thinkingBudget"], 0);
    assert!(body["systemInstruction"]["parts"][0]["text"].is_string());
    let user = body["contents"][0]["parts"][0]["text"]
        .as_str()
        .unwrap_or("");
    assert!(
        user.contains("e0.0: Responsible")
            && user.contains("e0.2: Built")
            && user.contains("s: I am")
    );

    let migrated = out.suggestions.iter().find(|s| s.id == "e0.1");
    assert_eq!(
        migrated.map(|s| &s.provenance),
        Some(&Provenance::model("gemini", "gemini-test"))
    );
    assert_eq!(
        migrated.and_then(|s| s.rewrite.as_deref()),
        Some("Migrated the message queue to Kafka")
    );
    // The bullet the model left alone gets the rule-based suggestion.
    let owned = out.suggestions.iter().find(|s| s.id == "e0.0");
    assert_eq!(owned.map(|s| s.provenance.provider.as_str()), Some("rules"));
    assert_eq!(out.usage.input_tokens, 1000);
    assert_eq!(out.calls.len(), 1);
    assert!((out.cost_usd - (1000.0 * 0.10 + 200.0 * 0.40) / 1e6).abs() < 1e-12);
}

#[tokio::test]
async fn gemini_429_with_retry_info_is_retried_after_the_requested_delay() {
    let server = MockServer::start().await;
    let limited = json!({"error": {"code": 429, "status": "RESOURCE_EXHAUSTED",
        "message": "Resource has been exhausted",
        "details": [{"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "0.08s"}]}});
    Mock::given(method("POST"))
        .and(path(GEMINI_PATH))
        .respond_with(ResponseTemplate::new(429).set_body_json(limited))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(GEMINI_PATH))
        .respond_with(ResponseTemplate::new(200).set_body_json(gemini_reply(&rewrites())))
        .mount(&server)
        .await;
    let started = std::time::Instant::now();
    let out = improve(&gemini(&server, 2000))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        started.elapsed() >= Duration::from_millis(80),
        "honours retryDelay"
    );
    assert_eq!(out.calls[0].retries, 1);
    assert_eq!(requests(&server).await.len(), 2);
}

#[tokio::test]
async fn gemini_daily_quota_is_not_retried() {
    let server = MockServer::start().await;
    let quota = json!({"error": {"code": 429, "status": "RESOURCE_EXHAUSTED", "message": "Quota exceeded",
        "details": [{"@type": "type.googleapis.com/google.rpc.QuotaFailure",
                     "violations": [{"quotaId": "GenerateRequestsPerDayPerProjectPerModel-FreeTier"}]},
                    {"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "0.01s"}]}});
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(429).set_body_json(quota))
        .mount(&server)
        .await;
    let error = improve(&gemini(&server, 2000)).await.err();
    assert!(
        matches!(error, Some(ImproveError::QuotaExhausted { .. })),
        "{error:?}"
    );
    assert_eq!(requests(&server).await.len(), 1);
}

#[tokio::test]
async fn gemini_503_twice_then_success() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(503).set_body_string("overloaded"))
        .up_to_n_times(2)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200).set_body_json(gemini_reply(&rewrites())))
        .mount(&server)
        .await;
    let out = improve(&gemini(&server, 2000))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.calls[0].retries, 2);
    assert_eq!(requests(&server).await.len(), 3);
}

#[tokio::test]
async fn timeouts_are_retried_then_reported() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(gemini_reply(&rewrites()))
                .set_delay(Duration::from_millis(400)),
        )
        .mount(&server)
        .await;
    let error = improve(&gemini(&server, 60)).await.err();
    assert!(
        matches!(error, Some(ImproveError::Timeout { retries: 3, .. })),
        "{error:?}"
    );
}

#[tokio::test]
async fn malformed_json_falls_back_to_claude() {
    let (g, c) = (MockServer::start().await, MockServer::start().await);
    Mock::given(method("POST"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(gemini_reply(&json!("{\"rewrites\": [{\"id\""))),
        )
        .mount(&g)
        .await;
    Mock::given(method("POST"))
        .and(path("/v1/messages"))
        .and(header("x-api-key", "test-key"))
        .and(header("anthropic-version", "2023-06-01"))
        .respond_with(ResponseTemplate::new(200).set_body_json(claude_reply(&rewrites())))
        .mount(&c)
        .await;
    let chain = ChainImprover::new(vec![Arc::new(gemini(&g, 2000)), Arc::new(claude(&c))]);
    let out = improve(&chain).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        out.provider,
        Some(Provenance::model("claude", "claude-test"))
    );
    assert_eq!(out.fallbacks.len(), 1);
    assert!(
        out.fallbacks[0].error.contains("invalid response"),
        "{:?}",
        out.fallbacks
    );
    let body: Value = serde_json::from_slice(&requests(&c).await[0].body).unwrap_or_default();
    assert_eq!(body["output_config"]["format"]["type"], "json_schema");
    assert_eq!(body["model"], "claude-test");
    assert!((out.cost_usd - (1000.0 * 1.0 + 200.0 * 5.0) / 1e6).abs() < 1e-12);
}

#[tokio::test]
async fn a_safety_block_falls_back_to_the_next_provider() {
    let (g, c) = (MockServer::start().await, MockServer::start().await);
    let blocked = json!({"promptFeedback": {"blockReason": "SAFETY"},
                         "usageMetadata": {"promptTokenCount": 900}});
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200).set_body_json(blocked))
        .mount(&g)
        .await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200).set_body_json(claude_reply(&rewrites())))
        .mount(&c)
        .await;
    let alone = improve(&gemini(&g, 2000)).await.err();
    assert!(matches!(&alone, Some(ImproveError::Blocked { reason, .. }) if reason == "SAFETY"));
    let chain = ChainImprover::new(vec![Arc::new(gemini(&g, 2000)), Arc::new(claude(&c))]);
    let out = improve(&chain).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.provider.map(|p| p.provider), Some("claude".to_owned()));
}

#[tokio::test]
async fn a_retired_model_is_not_retried_and_every_failure_is_reported() {
    let (g, c) = (MockServer::start().await, MockServer::start().await);
    let gone = json!({"error": {"code": 404, "status": "NOT_FOUND",
        "message": "models/gemini-test is not found for API version v1beta"}});
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(404).set_body_json(gone))
        .mount(&g)
        .await;
    let refusal = json!({"type": "message", "content": [], "stop_reason": "refusal",
                         "usage": {"input_tokens": 900, "output_tokens": 0}});
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200).set_body_json(refusal))
        .mount(&c)
        .await;
    let chain = ChainImprover::new(vec![Arc::new(gemini(&g, 2000)), Arc::new(claude(&c))]);
    let error = improve(&chain).await.err();
    let Some(ImproveError::AllFailed(failures)) = &error else {
        panic!("{error:?}");
    };
    assert_eq!(requests(&g).await.len(), 1, "a 404 is not retried");
    assert!(failures[0].error.contains("not found"), "{failures:?}");
    assert!(
        failures[1].error.contains("blocked (refusal)"),
        "{failures:?}"
    );
    let message = error.map(|e| e.to_string()).unwrap_or_default();
    assert!(message.contains("the resume is unchanged"), "{message}");
}

#[tokio::test]
async fn an_invented_result_is_rejected_and_replaced_by_the_rule() {
    let server = MockServer::start().await;
    let invented = json!({"rewrites": [{"id": "e0.0",
        "text": "Owned the sales pipeline and increased revenue by 40%", "reasons": ["weak_opener"]}]});
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200).set_body_json(gemini_reply(&invented)))
        .mount(&server)
        .await;
    let out = improve(&gemini(&server, 2000))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let s = out.suggestions.iter().find(|s| s.id == "e0.0");
    let Some(s) = s else {
        panic!("no suggestion for e0.0: {out:#?}")
    };
    assert_eq!(s.rewrite.as_deref(), Some("Owned the sales pipeline"));
    assert_eq!(s.provenance, Provenance::rules());
    let rejected = s
        .rejected
        .as_ref()
        .map(|r| (r.rewrite.as_str(), r.reasons[0].rule));
    assert_eq!(
        rejected,
        Some((
            "Owned the sales pipeline and increased revenue by 40%",
            GuardRule::AddedNumber
        ))
    );
}

#[tokio::test]
async fn identical_requests_hit_the_cache_and_cost_nothing() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200).set_body_json(gemini_reply(&rewrites())))
        .mount(&server)
        .await;
    let cached = CachedImprover::new(
        Arc::new(gemini(&server, 2000)),
        Arc::new(MemoryCache::new(8)),
    );
    let first = improve(&cached).await.unwrap_or_else(|e| panic!("{e}"));
    let second = improve(&cached).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(requests(&server).await.len(), 1);
    assert!(first.cost_usd > 0.0);
    assert!(second.cost_usd.abs() < f64::EPSILON);
    assert!(second.calls.iter().all(|c| c.cached));
    assert_eq!(first.suggestions, second.suggestions);
}

#[tokio::test]
async fn claude_429_with_retry_after_then_success() {
    let server = MockServer::start().await;
    let limited =
        json!({"type": "error", "error": {"type": "rate_limit_error", "message": "slow down"}});
    Mock::given(method("POST"))
        .respond_with(
            ResponseTemplate::new(429)
                .insert_header("retry-after", "0")
                .set_body_json(limited),
        )
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200).set_body_json(claude_reply(&rewrites())))
        .mount(&server)
        .await;
    let out = improve(&claude(&server))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.calls[0].retries, 1);
}
