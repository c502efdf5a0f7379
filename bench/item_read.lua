-- wrk script of the read scenarios of bench/item_read.sh, one random request each:
--   item_read        GET /api/v1/items/{id}, id uniformly random in 1..N
--   serviceability   GET /api/v1/serviceability?item={id}&pincode={p}, p uniformly random from a list
--
--   PINCART_BENCH_ITEMS=100000 wrk -t2 -c64 -d15s --latency -s bench/item_read.lua http://127.0.0.1:8080
--
-- Environment:
--   PINCART_BENCH_ITEMS      N, the highest item id (default 100000); ids 1..N must all exist
--   PINCART_BENCH_SCENARIO   item_read (default) or serviceability
--   PINCART_BENCH_PINCODES   serviceability: a file of pincodes, one a line (the India Post directory)
--   PINCART_BENCH_LABEL      a name put into the result line (default: the scenario)
--
-- done() prints one machine-readable line (bench/item_read.sh reads it), for example:
--   RESULT {"label":"sqlite","requests":850000,"duration_s":15.0,"rps":56666.7,"p50_ms":0.9,...}
-- Latencies are wrk's (from the moment a request is written on an open connection to its response).

local items = tonumber(os.getenv("PINCART_BENCH_ITEMS") or "100000")
local scenario = os.getenv("PINCART_BENCH_SCENARIO") or "item_read"
local label = os.getenv("PINCART_BENCH_LABEL") or scenario
local prefix = "/api/v1/items/"
local pincodes = {}

-- wrk runs this file once per thread in separate Lua states: give each thread its own random seed.
local counter = 0

function setup(thread)
   counter = counter + 1
   thread:set("thread_id", counter)
end

function init(_)
   local id = tonumber(thread_id) or 0
   math.randomseed(os.time() * 1000 + id * 7919)
   -- The first values after seeding are poorly spread on some Lua implementations.
   for _ = 1, 10 do math.random() end
   if scenario == "serviceability" then
      local path = os.getenv("PINCART_BENCH_PINCODES") or ""
      local file = assert(io.open(path, "r"), "PINCART_BENCH_PINCODES: cannot read " .. path)
      for line in file:lines() do
         if line:match("^%d%d%d%d%d%d$") then pincodes[#pincodes + 1] = line end
      end
      file:close()
      assert(#pincodes > 0, "no pincodes in " .. path)
   end
end

function request()
   if scenario == "serviceability" then
      return wrk.format("GET", "/api/v1/serviceability?item=" .. math.random(1, items)
                        .. "&pincode=" .. pincodes[math.random(1, #pincodes)])
   end
   return wrk.format("GET", prefix .. math.random(1, items))
end

local function ms(us)
   return string.format("%.3f", us / 1000.0)
end

function done(summary, latency, requests)
   local seconds = summary.duration / 1e6
   local e = summary.errors
   local fields = {
      string.format('"label":"%s"', label),
      string.format('"scenario":"%s"', scenario),
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
