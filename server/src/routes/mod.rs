//! The router: the API behind the key check, and the public routes
//! (health, signed files, the OpenAPI document), with the limits, request
//! ids, logs and CORS around them all.

use std::sync::Arc;

use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderName, HeaderValue, Method, Request, StatusCode, header};
use axum::routing::{get, post};
use axum::{Router, middleware};
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

use crate::auth::{API_KEY_HEADER, require_key};
use crate::config::ServerConfig;
use crate::openapi;
use crate::state::AppState;

pub mod apply;
pub mod files;
pub mod health;
pub mod jobs;

/// The request id header: taken from the caller when given, else a new
/// UUID; echoed in the answer and recorded on every log line of the request.
const REQUEST_ID: &str = "x-request-id";

/// The service's routes and middleware over `state`.
pub fn router(state: Arc<AppState>, config: &ServerConfig) -> Router {
    let api = Router::new()
        .route("/analyze", post(jobs::analyze))
        .route("/improve", post(jobs::improve))
        .route("/generate", post(jobs::generate))
        .route("/process", post(jobs::process))
        .route("/improve/{job_id}/apply", post(apply::apply))
        .route("/generate/{job_id}/regenerate", post(jobs::regenerate))
        .route("/status/{job_id}", get(jobs::status))
        .route("/result/{job_id}", get(jobs::result))
        .route_layer(middleware::from_fn_with_state(state.clone(), require_key));
    let request_id = HeaderName::from_static(REQUEST_ID);
    let mut app = Router::new()
        .nest("/api/v1", api)
        .route("/health", get(health::live))
        .route("/health/ready", get(health::ready))
        .route("/files/{*key}", get(files::file))
        .route("/openapi.json", get(openapi::document))
        .with_state(state.clone())
        .layer(DefaultBodyLimit::max(state.max_upload_bytes))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            config.request_timeout,
        ))
        .layer(PropagateRequestIdLayer::new(request_id.clone()))
        .layer(
            TraceLayer::new_for_http().make_span_with(|request: &Request<_>| {
                let id = request
                    .headers()
                    .get(REQUEST_ID)
                    .and_then(|value| value.to_str().ok())
                    .unwrap_or("");
                tracing::info_span!(
                    "request",
                    method = %request.method(),
                    path = %request.uri().path(),
                    request_id = %id,
                    key = tracing::field::Empty,
                )
            }),
        )
        .layer(SetRequestIdLayer::new(request_id, MakeRequestUuid));
    if let Some(cors) = cors(&config.cors_origins) {
        app = app.layer(cors);
    }
    app
}

/// The CORS layer for `origins` (`*` allows any), or none.
fn cors(origins: &[String]) -> Option<CorsLayer> {
    if origins.is_empty() {
        return None;
    }
    let allow = if origins.iter().any(|origin| origin == "*") {
        AllowOrigin::any()
    } else {
        AllowOrigin::list(
            origins
                .iter()
                .filter_map(|origin| HeaderValue::from_str(origin).ok()),
        )
    };
    Some(
        CorsLayer::new()
            .allow_origin(allow)
            .allow_methods([Method::GET, Method::POST])
            .allow_headers([
                header::CONTENT_TYPE,
                HeaderName::from_static(API_KEY_HEADER),
                HeaderName::from_static(REQUEST_ID),
            ])
            .expose_headers([
                header::RETRY_AFTER,
                header::LOCATION,
                HeaderName::from_static(REQUEST_ID),
            ]),
    )
}
