-- wrk script of bench/search.sh: GET /api/v1/search over the query set of bench/search_queries.txt (one
-- request path with its query string a line; lines starting with # are skipped), the same lines the SQL
-- baselines run. Each wrk thread walks the whole set round-robin from its own random start (wrk gives a
-- script no handle on its connections; the thread's connections share its walk).
--
--   PINCART_BENCH_QUERIES=bench/search_queries.txt wrk -t2 -c64 -d15s --latency -s bench/search.lua URL
--
-- Environment:
--   PINCART_BENCH_QUERIES   the query set (required)
--   PINCART_BENCH_LABEL     a name put into the result line (default: search)
--   PINCART_BENCH_ITEMS     the catalogue size, only copied into the result line
--
-- done() prints one machine-readable line, as bench/item_read.lua does:
--   RESULT {"label":"sqlite","requests":85000,"duration_s":15.0,"rps":5666.7,"p50_ms":0.9,...}

local path = os.getenv("PINCART_BENCH_QUERIES") or ""
local label = os.getenv("PINCART_BENCH_LABEL") or "search"
local items = tonumber(os.getenv("PINCART_BENCH_ITEMS") or "0")
local queries = {}
local next_query = 1

local counter = 0

function setup(thread)
   counter = counter + 1
   thread:set("thread_id", counter)
end

function init(_)
   local file = assert(io.open(path, "r"), "PINCART_BENCH_QUERIES: cannot read " .. path)
   for line in file:lines() do
      if line:match("^/") then queries[#queries + 1] = line end
   end
   file:close()
   assert(#queries > 0, "no queries in " .. path)
   local id = tonumber(thread_id) or 0
   math.randomseed(os.time() * 1000 + id * 7919)
   for _ = 1, 10 do math.random() end
   next_query = math.random(1, #queries)
end

function request()
   local q = queries[next_query]
   next_query = next_query % #queries + 1
   return wrk.format("GET", q)
end

local function ms(us)
   return string.format("%.3f", us / 1000.0)
end

function done(summary, latency, requests)
   local seconds = summary.duration / 1e6
   local e = summary.errors
   local fields = {
      string.format('"label":"%s"', label),
      '"scenario":"search"',
      string.format('"items":%d', items),
      string.format('"requests":%d', summary.requests),
      string.format('"duration_s":%.3f', seconds),
      string.format('"rps":%.1f', summary.requests / seconds),
      string.format('"bytes":%d', summary.bytes),
      '"p50_ms":' .. ms(latency:percentile(50)),
      '"p90_ms":' .. ms(latency:percentile(90)),
      '"p99_ms":' .. ms(latency:percentile(99)),
      '"p999_ms":' .. ms(latency:percentile(99.9)),
      '"max_ms":' .. ms(latency.max),
      '"mean_ms":' .. ms(latency.mean),
      -- status: responses other than 2xx/3xx; the rest are socket errors.
      string.format('"errors_status":%d', e.status),
      string.format('"errors_socket":%d', e.connect + e.read + e.write + e.timeout),
      string.format('"errors_timeout":%d', e.timeout),
   }
   io.write("RESULT {" .. table.concat(fields, ",") .. "}\n")
end
