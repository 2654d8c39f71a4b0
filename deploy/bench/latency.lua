-- wrk script: random paths from a file (one per line, given as WRK_PATHS), JSON summary at the end.
local paths = {}
local file = os.getenv("WRK_PATHS")
if file then
  for line in io.lines(file) do paths[#paths + 1] = line end
end
local counter = 0
math.randomseed(20261122)

request = function()
  if #paths == 0 then return wrk.format("GET") end
  counter = counter + 1
  return wrk.format("GET", paths[math.random(#paths)])
end

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format('{"requests": %d, "rps": %.1f, "p50_ms": %.3f, "p95_ms": %.3f, "p99_ms": %.3f, "errors": %d, "non2xx": %d}\n',
    summary.requests, summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
