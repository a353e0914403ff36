//! Expiry: deleting jobs past `expires_at` together with their files.

use super::{JobStore, JobsError, Timestamp};
use crate::storage::{BlobKey, BlobStore};

/// Deletes every job that expired by `now` from `store`, and each one's
/// folder of files from `blobs`. Returns how many jobs were deleted. A file
/// that cannot be deleted is logged and left; the job row is gone either
/// way, so the sweep never repeats forever on one bad file.
pub async fn sweep_expired(
    store: &dyn JobStore,
    blobs: Option<&dyn BlobStore>,
    now: Timestamp,
) -> Result<usize, JobsError> {
    let swept = store.sweep(now).await?;
    if let Some(blobs) = blobs {
        for id in &swept {
            if let Err(error) = blobs.delete_prefix(&BlobKey::job_folder(*id)).await {
                tracing::warn!(job = %id, %error, "could not delete an expired job's files");
            }
        }
    }
    if !swept.is_empty() {
        tracing::info!(count = swept.len(), "expired jobs swept");
    }
    Ok(swept.len())
}
