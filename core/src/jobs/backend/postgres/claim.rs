//! Claims: up to a batch of the oldest due jobs in one round trip (the
//! transaction's four requests pipelined on one connection), reaping
//! expired leases first when that is due.

use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;

use deadpool_postgres::Object;
use tokio_postgres::types::ToSql;

use super::{PostgresStore, backend, row, sql};
use crate::jobs::store::{ClaimRequest, Claimed, lease_expired};
use crate::jobs::{JobsError, Timestamp};

/// How often claims reap expired leases while the queue keeps them busy. A
/// claim that finds fewer jobs than it asked for reaps at once and claims
/// again, so an expired lease is claimable by the next claim that would
/// otherwise go (partly) empty, and within this interval under a backlog.
const REAP_INTERVAL: Duration = Duration::from_secs(1);

/// When a claim of this store last reaped expired leases.
#[derive(Debug, Default)]
pub(super) struct ReapClock {
    /// Milliseconds since the Unix epoch.
    last: AtomicI64,
}

impl ReapClock {
    /// Whether a periodic reap is due at `now`; if so, records it, so that
    /// of concurrent claims only one reaps.
    fn due(&self, now: Timestamp) -> bool {
        let last = self.last.load(Ordering::Relaxed);
        let interval = i64::try_from(REAP_INTERVAL.as_millis()).unwrap_or(i64::MAX);
        now.as_millis().saturating_sub(last) >= interval
            && self
                .last
                .compare_exchange(last, now.as_millis(), Ordering::Relaxed, Ordering::Relaxed)
                .is_ok()
    }

    /// Records a reap at `now`.
    fn record(&self, now: Timestamp) {
        self.last.fetch_max(now.as_millis(), Ordering::Relaxed);
    }
}

impl PostgresStore {
    /// Claims up to `max` jobs, oldest first: one round trip while the
    /// queue has that many due jobs, a second (reaping expired leases
    /// first) when it has fewer.
    pub(super) async fn claim_up_to(
        &self,
        request: &ClaimRequest,
        max: usize,
    ) -> Result<Vec<Claimed>, JobsError> {
        if max == 0 {
            return Ok(Vec::new());
        }
        let reaped = self.reaps.due(Timestamp::now());
        let mut claimed = self.claim_round(request, max, reaped).await?;
        if claimed.len() < max && !reaped {
            self.reaps.record(Timestamp::now());
            claimed.extend(self.claim_round(request, max - claimed.len(), true).await?);
        }
        Ok(claimed)
    }

    /// One claim transaction, committed asynchronously: if the server
    /// crashes before its WAL flush, the claim is lost and its jobs are
    /// simply queued again; results (`complete`) stay durable.
    async fn claim_round(
        &self,
        request: &ClaimRequest,
        max: usize,
        reap: bool,
    ) -> Result<Vec<Claimed>, JobsError> {
        let now = Timestamp::now();
        let until = now.plus(request.lease);
        let (started, ends) = (row::time(now), row::time(until));
        let kinds: Option<Vec<&str>> = request
            .kinds
            .as_ref()
            .map(|kinds| kinds.iter().map(|kind| kind.as_str()).collect());
        let limit = i64::try_from(max).unwrap_or(i64::MAX);
        let expired = row::json(&lease_expired())?;
        let reap_params: [&(dyn ToSql + Sync); 2] = [&started, &expired];
        let claim_params: [&(dyn ToSql + Sync); 5] =
            [&started, &kinds, &limit, &ends, &request.worker];
        let client = self.client().await?;
        let reap_statement = client.prepare_cached(sql::REAP).await.map_err(backend)?;
        let claim_statement = client.prepare_cached(sql::CLAIM).await.map_err(backend)?;
        // Each request goes out when its future is first polled, so polling
        // them in order (`biased`) sends all four at once, in order; the
        // server answers them in turn. A failed statement turns the COMMIT
        // into a rollback.
        let (begun, reaped, rows, committed) = tokio::join!(
            biased;
            client.batch_execute(sql::BEGIN_CLAIM),
            async {
                if reap {
                    client
                        .execute(&reap_statement, &reap_params)
                        .await
                        .map(|_| ())
                } else {
                    Ok(())
                }
            },
            client.query(&claim_statement, &claim_params),
            client.batch_execute(sql::COMMIT),
        );
        let rows = match begun
            .and(reaped)
            .and(rows)
            .and_then(|rows| committed.map(|()| rows))
        {
            Ok(rows) => rows,
            Err(error) => {
                // Where the transaction stands is unknown (open, or rolled
                // back): the connection never goes back to the pool.
                drop(Object::take(client));
                return Err(backend(error));
            }
        };
        rows.iter()
            .map(|claimed| row::claimed(claimed, until))
            .collect()
    }
}
