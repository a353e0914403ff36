//! Turning transport failures and error statuses into actionable reasons.

use std::io::ErrorKind;
use std::time::Duration;

use ureq::http::StatusCode;

use super::MAX_RESPONSE_BYTES;

/// Why a request to `endpoint` failed, and what to check.
pub(super) fn describe(error: &ureq::Error, endpoint: &str, timeout: Duration) -> String {
    match error {
        ureq::Error::Timeout(_) => timed_out(endpoint, timeout),
        ureq::Error::Io(e) if matches!(e.kind(), ErrorKind::TimedOut | ErrorKind::WouldBlock) => {
            timed_out(endpoint, timeout)
        }
        ureq::Error::Io(e) if e.kind() == ErrorKind::ConnectionRefused => format!(
            "connection refused by {endpoint}: check that the parser service is running and external_parser.endpoint is right"
        ),
        ureq::Error::HostNotFound => {
            format!("host of {endpoint} not found: check external_parser.endpoint")
        }
        ureq::Error::ConnectionFailed => format!(
            "could not connect to {endpoint}: check that the parser service is running and reachable"
        ),
        ureq::Error::BadUri(reason) => {
            format!("external_parser.endpoint {endpoint:?} is not a usable URL: {reason}")
        }
        ureq::Error::BodyExceedsLimit(_) => format!(
            "the answer from {endpoint} is larger than {} MiB: the service must answer with resume JSON only",
            MAX_RESPONSE_BYTES / (1024 * 1024)
        ),
        ureq::Error::StatusCode(code) => match StatusCode::from_u16(*code) {
            Ok(code) => status(code, endpoint),
            Err(_) => format!("{endpoint} answered with HTTP status {code}"),
        },
        other => format!("request to {endpoint} failed: {other}"),
    }
}

/// Why a non-2xx answer from `endpoint` is an error, and what to check.
pub(super) fn status(code: StatusCode, endpoint: &str) -> String {
    let hint = match code.as_u16() {
        401 | 403 => ": check the API key (the variable external_parser.api_key_env names)",
        300..=399 => ": point external_parser.endpoint at the final URL",
        404 | 405 => ": check external_parser.endpoint",
        413 => ": the service refused the document's size",
        500..=599 => ": the parser service failed; see its logs",
        _ => "",
    };
    format!("{endpoint} answered with HTTP status {code}{hint}")
}

fn timed_out(endpoint: &str, timeout: Duration) -> String {
    format!(
        "no complete answer from {endpoint} within {} ms: check the service or raise external_parser.timeout_ms",
        timeout.as_millis()
    )
}
