-- Records a failed attempt of a held job: queues it again at retry_at while
-- attempts remain, else fails it. Returns the new status, or nil if not held.
-- ARGV: prefix, id, token, error JSON, retry_at ('' to fail), now.
local id, token, retry_at = ARGV[2], ARGV[3], ARGV[5]
local key = job_key(id)
if not holds(key, token) then
  return false
end
local job = redis.call('HMGET', key, 'attempts', 'max_attempts')
redis.call('HSET', key, 'error', ARGV[4])
drop_lease(key, id)
if retry_at ~= '' and tonumber(job[1]) < tonumber(job[2]) then
  requeue(key, retry_at)
  return 'queued'
end
redis.call('HSET', key, 'status', 'failed', 'completed_at', ARGV[6])
return 'failed'
