-- Reaps expired leases (queued again, or failed on the last attempt), then
-- claims the oldest due job of the accepted kinds. Returns its id and
-- fields, or nil when nothing is claimable.
-- ARGV: prefix, now, token, lease_until, lease_expired error JSON, kinds...
local now, token, lease_until, expired = ARGV[2], ARGV[3], ARGV[4], ARGV[5]

for _, id in ipairs(redis.call('ZRANGEBYSCORE', leases_key, '-inf', now)) do
  redis.call('ZREM', leases_key, id)
  local key = job_key(id)
  local job = redis.call('HMGET', key, 'status', 'attempts', 'max_attempts', 'lease_until')
  if job[1] == 'processing' then
    redis.call('HDEL', key, 'token', 'lease_until')
    redis.call('HSET', key, 'error', expired)
    if tonumber(job[2]) >= tonumber(job[3]) then
      redis.call('HSET', key, 'status', 'failed', 'completed_at', now)
    else
      requeue(key, job[4])
    end
  end
end

while true do
  local best_score, best_member, best_kind
  for i = 6, #ARGV do
    local head = redis.call('ZRANGEBYSCORE', queue_key(ARGV[i]), '-inf', now,
      'WITHSCORES', 'LIMIT', 0, 1)
    if head[1] then
      local score = tonumber(head[2])
      if not best_score or score < best_score
          or (score == best_score and head[1] < best_member) then
        best_score, best_member, best_kind = score, head[1], ARGV[i]
      end
    end
  end
  if not best_member then
    return false
  end
  redis.call('ZREM', queue_key(best_kind), best_member)
  local id = string.sub(best_member, 22)
  local key = job_key(id)
  -- An entry whose hash expired in Redis is dropped and the next one tried.
  if redis.call('HGET', key, 'status') == 'queued' then
    redis.call('HINCRBY', key, 'attempts', 1)
    redis.call('HSET', key, 'status', 'processing', 'started_at', now,
      'token', token, 'lease_until', lease_until)
    redis.call('HDEL', key, 'progress')
    redis.call('ZADD', leases_key, lease_until, id)
    return { id, redis.call('HGETALL', key) }
  end
end
