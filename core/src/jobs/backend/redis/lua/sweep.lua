-- Deletes up to `limit` jobs whose expires_at is at or before `now`, with
-- their index entries. Returns their ids. ARGV: prefix, now, limit.
local ids = redis.call('ZRANGEBYSCORE', expiry_key, '-inf', ARGV[2], 'LIMIT', 0, ARGV[3])
for _, id in ipairs(ids) do
  local ref = redis.call('HGET', refs_key, id)
  if ref then
    purge(id, ref)
  else
    redis.call('ZREM', expiry_key, id)
    redis.call('DEL', job_key(id))
  end
end
return ids
