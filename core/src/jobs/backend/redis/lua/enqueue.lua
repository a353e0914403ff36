-- Stores a new job unless its id exists (then returns the stored fields).
-- ARGV: prefix, id, kind, created_at, expires_at, user ('' with no_user),
-- no_user ('1' when the job has no user), then the hash's field/value pairs.
local id, kind, created, expires, user = ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6]
local key = job_key(id)
if redis.call('EXISTS', key) == 1 then
  return redis.call('HGETALL', key)
end
-- The hash expired in Redis but no sweep has cleared its index entries yet.
local stale = redis.call('HGET', refs_key, id)
if stale then
  purge(id, stale)
end
local seq = redis.call('INCR', prefix .. 'seq')
local member = string.format('%020d', seq) .. ':' .. id
redis.call('HSET', key, 'member', member, unpack(ARGV, 8))
redis.call('PEXPIREAT', key, expires)
redis.call('ZADD', queue_key(kind), created, member)
redis.call('ZADD', expiry_key, expires, id)
redis.call('ZADD', created_key, created, member)
local ref = { kind = kind, member = member }
if ARGV[7] ~= '1' then
  redis.call('ZADD', user_key(user), created, member)
  ref.user = user
end
redis.call('HSET', refs_key, id, cjson.encode(ref))
return {}
