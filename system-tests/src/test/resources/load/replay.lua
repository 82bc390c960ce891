-- wrk script for the national-scale load test (LoadBenchmark): replays the requests of one kind of user, round robin.
--   wrk -t2 -c8 -d20s -s replay.lua http://localhost:8080 -- <requests file> "<Authorization header value>"
-- Each line of the requests file is METHOD<TAB>path[<TAB>JSON body]. Each thread starts at its own offset. At the end
-- one RESULT line gives the count, the latency percentiles in microseconds and every answer that was not 2xx.

local threads = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  requests = {}
  for line in io.lines(args[1]) do
    local method, path, body = line:match("^(%u+)\t([^\t]+)\t?(.*)$")
    local headers = { ["Authorization"] = args[2], ["Accept"] = "application/json" }
    if body ~= nil and body ~= "" then
      headers["Content-Type"] = "application/json"
    else
      body = nil
    end
    table.insert(requests, wrk.format(method, path, headers, body))
  end
  position = (id * 7919) % #requests
  failures = 0
  failed_statuses = ""
end

function request()
  position = position % #requests + 1
  return requests[position]
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    failures = failures + 1
    if #failed_statuses < 200 then
      failed_statuses = failed_statuses .. status .. " "
    end
  end
end

function done(summary, latency, requests)
  local failures = 0
  local statuses = ""
  for _, thread in ipairs(threads) do
    failures = failures + thread:get("failures")
    statuses = statuses .. thread:get("failed_statuses")
  end
  local errors = summary.errors
  io.write(string.format("RESULT requests=%d duration_us=%d p50=%d p95=%d p99=%d max=%d non2xx=%d socket_errors=%d statuses=%s\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max,
    failures, errors.connect + errors.read + errors.write + errors.timeout, statuses:gsub(" ", ",")))
end
