-- wrk script for GET /api/v1/status/{id} (the key comes with -H).
-- WRK_DELAY_MS paces each connection (an offered load below saturation).
local pause = tonumber(os.getenv("WRK_DELAY_MS") or "")
if pause then
  function delay() return pause end
end
