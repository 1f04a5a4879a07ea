-- wrk script of the Signalbox bench (bench/README.md). Cycles through the request paths listed in a file, one per
-- line, so that one run measures a mix of queries rather than one cached answer, and prints the run's figures as one
-- JSON line (prefixed WRK_JSON) that the bench reads back. Without a file argument it requests wrk's URL as given.
--   wrk -t2 -c16 -d30s -s report.lua http://127.0.0.1:8080 -- paths.txt

local paths = {}
local next_path = 1

-- Runs once in the main Lua state for each thread: each thread starts at its own place in the list.
local thread_count = 0
function setup(thread)
  thread:set("offset", thread_count * 7919)
  thread_count = thread_count + 1
end

function init(args)
  local file = args[1]
  if file then
    for line in io.lines(file) do
      if line ~= "" then
        paths[#paths + 1] = line
      end
    end
  end
  if #paths > 0 then
    next_path = (offset or 0) % #paths + 1
  end
end

function request()
  if #paths == 0 then
    return wrk.request()
  end
  local path = paths[next_path]
  next_path = next_path % #paths + 1
  return wrk.format(nil, path)
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    'WRK_JSON {"requests":%d,"durationMicros":%d,"bytes":%d,'
      .. '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},'
      .. '"latencyMicros":{"mean":%.1f,"max":%d,"p50":%d,"p90":%d,"p99":%d,"p999":%d}}\n',
    summary.requests, summary.duration, summary.bytes,
    errors.connect, errors.read, errors.write, errors.status, errors.timeout,
    latency.mean, latency.max,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9)))
end
