-- POSTs bench/decision.json: a partly known incident, so a decision fires a typical number of rules.
local file = assert(io.open("bench/decision.json", "r"))
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local token = os.getenv("TOKEN")
if token then wrk.headers["Authorization"] = "Bearer " .. token end
wrk.body = file:read("*a")
file:close()
