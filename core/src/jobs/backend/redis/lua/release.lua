-- Gives a held job back to the queue without counting the attempt.
-- Returns 1, or 0 if not held. ARGV: prefix, id, token, now.
local id, token = ARGV[2], ARGV[3]
local key = job_key(id)
if not holds(key, token) then
  return 0
end
if tonumber(redis.call('HGET', key, 'attempts')) > 0 then
  redis.call('HINCRBY', key, 'attempts', -1)
end
redis.call('HDEL', key, 'progress')
drop_lease(key, id)
requeue(key, ARGV[4])
return 1
