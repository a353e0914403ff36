//! The OpenAPI document, generated from the handlers' annotations and
//! served at `/openapi.json`.

use axum::Json;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, SecurityScheme};
use utoipa::{Modify, OpenApi};

use crate::error::{ErrorBody, ErrorDetail};
use crate::routes::apply::{self, Accept};
use crate::routes::health::{self, Health};
use crate::routes::jobs::{self, Accepted, Regenerate, StatusBody};

/// The API's description.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "resume-engine",
        description = "Parse, score, improve and render resumes as asynchronous jobs: \
                       submit returns a job id at once; poll the status, then fetch the result."
    ),
    paths(
        jobs::analyze,
        jobs::improve,
        jobs::generate,
        jobs::process,
        jobs::regenerate,
        jobs::status,
        jobs::result,
        apply::apply,
        health::live,
        health::ready,
    ),
    components(schemas(Accepted, StatusBody, Regenerate, Accept, Health, ErrorBody, ErrorDetail)),
    modifiers(&ApiKeyScheme)
)]
pub struct ApiDoc;

/// Declares the `X-API-Key` header scheme the paths refer to.
struct ApiKeyScheme;

impl Modify for ApiKeyScheme {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "api_key",
            SecurityScheme::ApiKey(ApiKey::Header(ApiKeyValue::new("X-API-Key"))),
        );
    }
}

/// `GET /openapi.json`.
pub async fn document() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
