//! Loopback stand-ins for Gemini and Claude that answer like the real
//! services, with realistic output sizes: every input line comes back
//! rewritten (the rule-based rewrite, or the line itself), and the usage
//! fields count about one token per four characters of the request and
//! the answer, as the real tokenisers do for English.

use resume_engine::Resume;
use resume_engine::improve::prompt::estimate_tokens;
use resume_engine::improve::{ImproveOptions, RuleImprover};
use resume_engine::model::{Experience, Sections};
use serde_json::{Value, json};
use wiremock::matchers::{method, path, path_regex};
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

/// The answer a model would give to a user message of `ID: text` lines.
pub fn answer_for(user: &str) -> Value {
    let rewrites: Vec<Value> = user
        .lines()
        .filter_map(|line| line.split_once(": "))
        .filter(|(id, _)| *id != "Current")
        .map(|(id, text)| {
            let (rewrite, reasons) = rewrite(id, text);
            json!({"id": id, "text": rewrite, "reasons": reasons})
        })
        .collect();
    json!({ "rewrites": rewrites })
}

fn rewrite(id: &str, text: &str) -> (String, Vec<String>) {
    let mut resume = Resume::default();
    if id == "s" {
        resume.sections.summary = Some(text.to_owned());
    } else {
        resume.sections = Sections {
            experience: vec![Experience {
                bullets: vec![text.to_owned()],
                ..Experience::default()
            }],
            ..Sections::default()
        };
    }
    let suggestion = RuleImprover::new()
        .suggest(&resume, &ImproveOptions::default())
        .suggestions
        .into_iter()
        .next();
    let reasons = suggestion
        .as_ref()
        .map(|s| {
            s.reasons
                .iter()
                .filter_map(|r| serde_json::to_value(r).ok()?.as_str().map(str::to_owned))
                .filter(|r| r != "missing_metric")
                .collect()
        })
        .unwrap_or_default();
    let text = suggestion
        .and_then(|s| s.rewrite)
        .unwrap_or_else(|| text.to_owned());
    (text, reasons)
}

/// Answers `generateContent` requests.
pub struct Gemini;

impl Respond for Gemini {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        let body: Value = serde_json::from_slice(&request.body).unwrap_or_default();
        let text = |v: &Value| v.as_str().unwrap_or("").to_owned();
        let system = text(&body["systemInstruction"]["parts"][0]["text"]);
        let user = text(&body["contents"][0]["parts"][0]["text"]);
        let schema = body["generationConfig"]["responseSchema"].to_string();
        let answer = answer_for(&user).to_string();
        let input = estimate_tokens(&system) + estimate_tokens(&user) + estimate_tokens(&schema);
        let output = estimate_tokens(&answer);
        ResponseTemplate::new(200).set_body_json(json!({
            "candidates": [{"content": {"role": "model", "parts": [{"text": answer}]},
                            "finishReason": "STOP", "index": 0}],
            "usageMetadata": {"promptTokenCount": input, "candidatesTokenCount": output,
                              "totalTokenCount": input + output},
            "modelVersion": "mock"
        }))
    }
}

/// Answers Messages API requests.
pub struct Claude;

impl Respond for Claude {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        let body: Value = serde_json::from_slice(&request.body).unwrap_or_default();
        let system = body["system"].as_str().unwrap_or("");
        let user = body["messages"][0]["content"].as_str().unwrap_or("");
        let schema = body["output_config"].to_string();
        let answer = answer_for(user).to_string();
        let input = estimate_tokens(system) + estimate_tokens(user) + estimate_tokens(&schema);
        ResponseTemplate::new(200).set_body_json(json!({
            "id": "msg_mock", "type": "message", "role": "assistant", "model": body["model"],
            "content": [{"type": "text", "text": answer}],
            "stop_reason": "end_turn",
            "usage": {"input_tokens": input, "output_tokens": estimate_tokens(&answer)}
        }))
    }
}

/// Mounts both stand-ins on a server: Gemini under `/v1beta`, Claude at
/// `/v1/messages`.
pub async fn mount(server: &MockServer) {
    Mock::given(method("POST"))
        .and(path_regex(r"^/v1beta/models/[^/]+:generateContent$"))
        .respond_with(Gemini)
        .mount(server)
        .await;
    Mock::given(method("POST"))
        .and(path("/v1/messages"))
        .respond_with(Claude)
        .mount(server)
        .await;
}
