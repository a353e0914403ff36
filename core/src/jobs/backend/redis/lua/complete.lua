-- Completes a held job with its result. Returns 1, or 0 if not held.
-- ARGV: prefix, id, token, result JSON, cost_usd, now.
local id, token = ARGV[2], ARGV[3]
local key = job_key(id)
if not holds(key, token) then
  return 0
end
redis.call('HSET', key, 'status', 'completed', 'result', ARGV[4],
  'cost_usd', ARGV[5], 'completed_at', ARGV[6])
redis.call('HDEL', key, 'error')
drop_lease(key, id)
return 1
