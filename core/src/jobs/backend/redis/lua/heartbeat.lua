-- Renews a held lease and records progress. Returns 1, or 0 if not held.
-- ARGV: prefix, id, token, lease_until, progress JSON ('' for none).
local id, token, lease_until, progress = ARGV[2], ARGV[3], ARGV[4], ARGV[5]
local key = job_key(id)
if not holds(key, token) then
  return 0
end
redis.call('HSET', key, 'lease_until', lease_until)
if progress ~= '' then
  redis.call('HSET', key, 'progress', progress)
end
redis.call('ZADD', leases_key, lease_until, id)
return 1
