-- POSTs bench/decision.json: a partly known incident, so a decision fires a typical number of rules.
local file = assert(io.open("bench/decision.json", "r"))
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = file:read("*a")
file:close()
