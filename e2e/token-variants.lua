-- Decisions, each with the same valid token followed by a different run of bytes (refused with 401
-- before decoding since issue 24; before, the JWT library accepted them): the cache must not grow.
local file = assert(io.open("bench/decision.json", "r"))
local body = file:read("*a")
file:close()
local token = os.getenv("TOKEN")
local n = 0
request = function()
  n = n + 1
  return wrk.format("POST", nil, {["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. token .. string.rep("=", n % 8000 + 1)}, body)
end
