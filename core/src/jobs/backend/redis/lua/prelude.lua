-- Shared by every script (prepended to each): key names and the moves
-- several scripts make. ARGV[1] is always the key prefix.
local prefix = ARGV[1]
local leases_key = prefix .. 'leases'
local expiry_key = prefix .. 'expiry'
local created_key = prefix .. 'created'
local refs_key = prefix .. 'refs'

local function job_key(id)
  return prefix .. 'job:' .. id
end

local function queue_key(kind)
  return prefix .. 'queue:' .. kind
end

local function user_key(user)
  return prefix .. 'user:' .. user
end

-- Whether the lease `token` still holds the job at `key`.
local function holds(key, token)
  local fields = redis.call('HMGET', key, 'status', 'token')
  return fields[1] == 'processing' and fields[2] == token
end

-- Ends the job's lease: forgets its token and its place in the lease set.
local function drop_lease(key, id)
  redis.call('HDEL', key, 'token', 'lease_until')
  redis.call('ZREM', leases_key, id)
end

-- Queues the job again, claimable from `at` (ms), in its submission order.
local function requeue(key, at)
  local fields = redis.call('HMGET', key, 'kind', 'member')
  redis.call('HSET', key, 'status', 'queued', 'run_at', at)
  redis.call('ZADD', queue_key(fields[1]), at, fields[2])
end

-- Deletes a job and every index entry naming it, from its ref (the kind,
-- member and user kept in the refs hash, which outlives the job's hash).
local function purge(id, ref)
  local parts = cjson.decode(ref)
  redis.call('ZREM', queue_key(parts.kind), parts.member)
  redis.call('ZREM', created_key, parts.member)
  if parts.user then
    redis.call('ZREM', user_key(parts.user), parts.member)
  end
  redis.call('ZREM', leases_key, id)
  redis.call('ZREM', expiry_key, id)
  redis.call('HDEL', refs_key, id)
  redis.call('DEL', job_key(id))
end

