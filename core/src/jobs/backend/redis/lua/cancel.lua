-- Cancels an unfinished job: failed with the cancellation error, out of the
-- queue, its lease revoked. Returns the summary fields named after the
-- fixed arguments, or nil when the job does not exist.
-- ARGV: prefix, id, now, cancelled error JSON, summary field names...
local id = ARGV[2]
local key = job_key(id)
local job = redis.call('HMGET', key, 'status', 'kind', 'member')
if not job[1] then
  return false
end
if job[1] == 'queued' or job[1] == 'processing' then
  redis.call('HSET', key, 'status', 'failed', 'error', ARGV[4], 'completed_at', ARGV[3])
  redis.call('ZREM', queue_key(job[2]), job[3])
  drop_lease(key, id)
end
return redis.call('HMGET', key, unpack(ARGV, 5))
