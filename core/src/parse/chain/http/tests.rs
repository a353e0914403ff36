//! The HTTP parser against a hand-written HTTP/1.1 server on loopback.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::mpsc::{self, Receiver};
use std::thread;
use std::time::{Duration, Instant};

use super::{HttpParser, MAX_RESPONSE_BYTES, Parser};
use crate::engine::{Engine, EngineError};
use crate::model::Resume;
use crate::parse::{ExternalParserConfig, ParseError, ParseLimits};

const DOCUMENT: &[u8] = b"just a few words\n";

/// A request as the server received it.
struct Request {
    head: String,
    body: Vec<u8>,
}

/// Serves one connection: reads the request, reports it, then lets `respond`
/// write the answer. Returns the server's URL.
fn serve(respond: impl FnOnce(&mut TcpStream) + Send + 'static) -> (String, Receiver<Request>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap_or_else(|e| panic!("bind: {e}"));
    let port = listener
        .local_addr()
        .unwrap_or_else(|e| panic!("local_addr: {e}"))
        .port();
    let (sender, receiver) = mpsc::channel();
    thread::spawn(move || {
        let Ok((mut stream, _)) = listener.accept() else {
            return;
        };
        let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
        if let Some(request) = read_request(&stream) {
            let _ = sender.send(request);
        }
        respond(&mut stream);
        let _ = stream.flush();
    });
    (format!("http://127.0.0.1:{port}/parse"), receiver)
}

fn read_request(stream: &TcpStream) -> Option<Request> {
    let mut reader = BufReader::new(stream);
    let mut head = String::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        head.push_str(&line);
        if line == "\r\n" {
            break;
        }
    }
    let length = head
        .lines()
        .filter_map(|l| l.split_once(':'))
        .find(|(name, _)| name.eq_ignore_ascii_case("content-length"))
        .and_then(|(_, value)| value.trim().parse().ok())
        .unwrap_or(0);
    let mut body = vec![0; length];
    reader.read_exact(&mut body).ok()?;
    Some(Request { head, body })
}

/// Writes a complete response with `status` and `body`.
fn answer(status: &'static str, body: Vec<u8>) -> impl FnOnce(&mut TcpStream) + Send + 'static {
    move |stream| {
        let head = format!(
            "HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            body.len()
        );
        let _ = stream.write_all(head.as_bytes());
        let _ = stream.write_all(&body);
    }
}

fn resume_json() -> (Resume, Vec<u8>) {
    let mut resume = Resume {
        name: Some("Ana Ferreira".into()),
        ..Resume::default()
    };
    resume.sections.skills.push("Rust".into());
    let json = serde_json::to_vec(&resume).unwrap_or_else(|e| panic!("{e}"));
    (resume, json)
}

fn parser(url: &str) -> HttpParser {
    HttpParser::new(url, Duration::from_secs(5))
}

/// The reason of a [`ParseError::External`] from the HTTP parser.
fn external_reason(result: Result<Resume, ParseError>) -> String {
    match result {
        Err(ParseError::External { parser, reason }) => {
            assert_eq!(parser, "http");
            reason
        }
        other => panic!("expected an external-parser error, got {other:?}"),
    }
}

/// A loopback URL nothing listens on.
fn refused_url() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap_or_else(|e| panic!("bind: {e}"));
    let port = listener
        .local_addr()
        .unwrap_or_else(|e| panic!("local_addr: {e}"))
        .port();
    drop(listener);
    format!("http://127.0.0.1:{port}/parse")
}

#[test]
fn success_posts_the_document_and_reads_the_resume() {
    let (expected, json) = resume_json();
    let (url, requests) = serve(answer("200 OK", json));
    let resume = parser(&url)
        .with_api_key("s3cret")
        .parse(DOCUMENT, &ParseLimits::default())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(resume, expected);

    let request = requests.recv().unwrap_or_else(|e| panic!("{e}"));
    let head = request.head.to_ascii_lowercase();
    assert!(head.starts_with("post /parse http/1.1\r\n"), "{head}");
    assert!(
        head.contains("content-type: application/octet-stream\r\n"),
        "{head}"
    );
    assert!(head.contains("authorization: bearer s3cret\r\n"), "{head}");
    assert_eq!(request.body, DOCUMENT);
}

#[test]
fn no_api_key_sends_no_authorization() {
    let (_, json) = resume_json();
    let (url, requests) = serve(answer("200 OK", json));
    parser(&url)
        .parse(DOCUMENT, &ParseLimits::default())
        .unwrap_or_else(|e| panic!("{e}"));
    let request = requests.recv().unwrap_or_else(|e| panic!("{e}"));
    assert!(!request.head.to_ascii_lowercase().contains("authorization"));
}

#[test]
fn server_error_status_is_reported() {
    let (url, _requests) = serve(answer("500 Internal Server Error", b"boom".to_vec()));
    let reason = external_reason(parser(&url).parse(DOCUMENT, &ParseLimits::default()));
    assert!(reason.contains("500"), "{reason}");
}

#[test]
fn unauthorized_status_points_at_the_api_key() {
    let (url, _requests) = serve(answer("401 Unauthorized", Vec::new()));
    let reason = external_reason(parser(&url).parse(DOCUMENT, &ParseLimits::default()));
    assert!(
        reason.contains("401") && reason.contains("API key"),
        "{reason}"
    );
}

#[test]
fn invalid_json_is_reported() {
    let (url, _requests) = serve(answer("200 OK", b"{\"name\": ".to_vec()));
    let reason = external_reason(parser(&url).parse(DOCUMENT, &ParseLimits::default()));
    assert!(reason.contains("resume JSON"), "{reason}");
}

#[test]
fn slow_answer_times_out_within_the_timeout() {
    let (url, _requests) = serve(|stream| {
        thread::sleep(Duration::from_secs(5));
        answer("200 OK", b"{}".to_vec())(stream);
    });
    let timeout = Duration::from_millis(300);
    let started = Instant::now();
    let result = HttpParser::new(url, timeout).parse(DOCUMENT, &ParseLimits::default());
    let elapsed = started.elapsed();
    let reason = external_reason(result);
    assert!(reason.contains("within 300 ms"), "{reason}");
    assert!(
        elapsed < timeout + Duration::from_secs(2),
        "took {elapsed:?}"
    );
}

#[test]
fn oversized_answer_is_refused() {
    let body = vec![b' '; (MAX_RESPONSE_BYTES + 1024 * 1024) as usize];
    let (url, _requests) = serve(answer("200 OK", body));
    let reason = external_reason(parser(&url).parse(DOCUMENT, &ParseLimits::default()));
    assert!(reason.contains("larger than 2 MiB"), "{reason}");
}

#[test]
fn oversized_answer_without_length_is_refused() {
    let (url, _requests) = serve(|stream| {
        let _ = stream.write_all(b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n");
        let chunk = vec![b' '; 64 * 1024];
        for _ in 0..(MAX_RESPONSE_BYTES / (64 * 1024) + 16) {
            if stream.write_all(&chunk).is_err() {
                return;
            }
        }
    });
    let reason = external_reason(parser(&url).parse(DOCUMENT, &ParseLimits::default()));
    assert!(reason.contains("larger than 2 MiB"), "{reason}");
}

#[test]
fn refused_connection_is_reported() {
    let reason = external_reason(parser(&refused_url()).parse(DOCUMENT, &ParseLimits::default()));
    assert!(reason.contains("connection refused"), "{reason}");
}

#[test]
fn input_over_the_limit_is_not_sent() {
    let limits = ParseLimits {
        max_input_bytes: 4,
        ..ParseLimits::default()
    };
    let err = parser(&refused_url()).parse(DOCUMENT, &limits).err();
    assert!(matches!(err, Some(ParseError::TooLarge { .. })), "{err:?}");
}

#[test]
fn debug_output_hides_the_api_key() {
    let shown = format!("{:?}", parser("http://127.0.0.1:9/").with_api_key("s3cret"));
    assert!(!shown.contains("s3cret"), "{shown}");
}

#[test]
fn engine_falls_back_to_the_external_parser() {
    let (_, json) = resume_json();
    let (url, _requests) = serve(answer("200 OK", json));
    let engine = Engine::builder()
        .external_parser(ExternalParserConfig::new(url).with_timeout_ms(5_000))
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        engine.parser_chain().names().collect::<Vec<_>>(),
        ["builtin", "http"]
    );
    let parsed = engine
        .parse_detailed(DOCUMENT)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(parsed.parser, "http");
    assert_eq!(parsed.resume.name.as_deref(), Some("Ana Ferreira"));
}

#[test]
fn engine_keeps_the_builtin_result_when_the_service_is_down() {
    let engine = Engine::builder()
        .external_parser(ExternalParserConfig::new(refused_url()))
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    let parsed = engine
        .parse_detailed(DOCUMENT)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(parsed.parser, "builtin");
    assert_eq!(parsed.failures.len(), 1);
    assert!(matches!(
        parsed.failures[0].error,
        ParseError::External { .. }
    ));
}

#[test]
fn engine_returns_the_builtin_error_when_both_fail() {
    let engine = Engine::builder()
        .external_parser(ExternalParserConfig::new(refused_url()))
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    let err = engine.parse(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1").err();
    assert!(
        matches!(err, Some(EngineError::Parse(ParseError::LegacyDoc))),
        "{err:?}"
    );
}

#[test]
fn invalid_external_config_fails_the_build() {
    let cases = [
        ExternalParserConfig::new("ftp://127.0.0.1/parse"),
        ExternalParserConfig::new("not a url"),
        ExternalParserConfig::new("http://127.0.0.1:9/parse").with_timeout_ms(0),
        ExternalParserConfig::new("http://127.0.0.1:9/parse")
            .with_api_key_env("RESUME_ENGINE_TEST_KEY_THAT_IS_NEVER_SET"),
    ];
    for config in cases {
        let err = Engine::builder()
            .external_parser(config.clone())
            .build()
            .err();
        assert!(
            matches!(err, Some(EngineError::Config(ref reason)) if reason.contains("external_parser")),
            "{config:?}: {err:?}"
        );
    }
}
