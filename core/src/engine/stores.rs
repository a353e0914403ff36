//! An engine on stores named by URL: what the bindings and other hosts
//! that take a backend and a storage location as strings build.

use super::{Engine, EngineConfig, EngineError};
use crate::jobs::{JobsError, backend};
use crate::storage::{StorageConfig, load_or_create_secret};

impl Engine {
    /// Builds an engine with `config` on the job backend `backend` (a
    /// [`jobs::open`](crate::jobs::open) URL; default: in memory) and the
    /// blob storage `storage` (a [`storage::open`](crate::storage::open)
    /// URL, local files signed with the secret in the data directory;
    /// default: a temporary folder).
    pub async fn with_stores(
        config: EngineConfig,
        backend: Option<&str>,
        storage: Option<&str>,
    ) -> Result<Self, EngineError> {
        let mut builder = Self::builder().config(config);
        if let Some(url) = backend {
            builder = builder.job_store(crate::jobs::open(url).await?);
        }
        if let Some(url) = storage {
            let storage_error = |error| EngineError::Jobs(JobsError::Storage(error));
            let secret = load_or_create_secret(&backend::data_dir().join("signing.key"))
                .map_err(storage_error)?;
            let blobs = crate::storage::open(&StorageConfig::new(url).with_secret(secret))
                .map_err(storage_error)?;
            builder = builder.blob_store(blobs);
        }
        builder.build()
    }
}
