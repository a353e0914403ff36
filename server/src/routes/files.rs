//! `GET /files/{key}?expires=…&signature=…`: the files of the local blob
//! store, behind HMAC-signed, expiring URLs (S3 serves its own presigned
//! URLs, so this route answers `404` there).

use std::sync::Arc;

use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use resume_engine::storage::{BlobKey, StorageError};
use serde::Deserialize;

use crate::state::AppState;

/// A signed URL's query.
#[derive(Debug, Deserialize)]
pub struct Signed {
    expires: Option<u64>,
    signature: Option<String>,
}

/// Serves a stored file when its URL is signed and current: `403` for a
/// missing, tampered or expired signature, `404` for no such file.
pub async fn file(
    State(state): State<Arc<AppState>>,
    Path(key): Path<String>,
    Query(signed): Query<Signed>,
) -> Response {
    let Some(local) = state.engine.blob_store().as_local() else {
        return plain(StatusCode::NOT_FOUND, "files are not served here");
    };
    let (Some(expires), Some(signature)) = (signed.expires, signed.signature) else {
        return plain(StatusCode::FORBIDDEN, "this URL is not signed");
    };
    let Ok(key) = BlobKey::new(key) else {
        return plain(StatusCode::NOT_FOUND, "no such file");
    };
    match local.verify_and_read(&key, expires, &signature).await {
        Ok(Some(bytes)) => {
            let mut response = bytes.into_response();
            response
                .headers_mut()
                .insert(header::CONTENT_TYPE, content_type(key.as_str()));
            response
        }
        Ok(None) => plain(StatusCode::NOT_FOUND, "no such file"),
        Err(StorageError::BadSignature) => plain(StatusCode::FORBIDDEN, "invalid signature"),
        Err(StorageError::Expired) => plain(StatusCode::FORBIDDEN, "this URL expired"),
        Err(error) => {
            tracing::error!(%error, "reading a stored file failed");
            plain(StatusCode::INTERNAL_SERVER_ERROR, "the file cannot be read")
        }
    }
}

fn plain(status: StatusCode, message: &'static str) -> Response {
    (status, message).into_response()
}

fn content_type(key: &str) -> HeaderValue {
    HeaderValue::from_static(match key.rsplit('.').next() {
        Some("pdf") => "application/pdf",
        Some("docx") => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        Some("json") => "application/json",
        _ => "application/octet-stream",
    })
}
