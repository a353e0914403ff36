//! The API's gate: the `X-API-Key` check and the per-key rate limit, in
//! front of every `/api/v1` route.

use std::sync::Arc;
use std::time::Instant;

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::ApiError;
use crate::keys::Caller;
use crate::state::AppState;

/// The header callers put their key in.
pub const API_KEY_HEADER: &str = "x-api-key";

/// Identifies the caller (401 without a valid key unless the service is
/// anonymous), takes a token from its rate-limit bucket (429 with
/// `Retry-After` when empty), and hands the [`Caller`] to the handler.
pub async fn require_key(
    State(state): State<Arc<AppState>>,
    mut request: Request,
    next: Next,
) -> Response {
    let presented = request
        .headers()
        .get(API_KEY_HEADER)
        .and_then(|value| value.to_str().ok());
    let caller = match presented {
        Some(key) => state.keys.identify(key),
        None if state.anonymous => Some(Caller::anonymous()),
        None => None,
    };
    let Some(caller) = caller else {
        return ApiError::Unauthorized.into_response();
    };
    if let Err(wait) = state.limiter.check(caller.bucket(), Instant::now()) {
        return ApiError::RateLimited(wait).into_response();
    }
    tracing::Span::current().record("key", caller.bucket());
    request.extensions_mut().insert(caller);
    next.run(request).await
}
