-- wrk script: storefront-like collector batches of N events (default 10) with fresh event ids, five batches a visitor.
-- usage: wrk -t1 -c32 -d8s -s bench/wrk/collect.lua http://127.0.0.1:PORT/v1/collect -- RUN_PREFIX [N]
wrk.method = "POST"
wrk.headers["Content-Type"] = "text/plain"
wrk.headers["Origin"] = "http://shop.bench"
wrk.headers["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) Chrome/130"

local threads = {}
function setup(thread)
  table.insert(threads, thread)
  thread:set("tid", #threads)
end

local prefix, counter, size = "r", 0, 10
function init(args)
  prefix = (args[1] or "r") .. "t" .. tostring(tid)
  size = tonumber(args[2] or "10")
end

local names = { "page_view", "view_item", "view_item", "view_item_list", "page_view", "view_item", "add_to_cart", "view_item", "page_view", "view_cart" }

function request()
  counter = counter + 1
  -- a visit sends several batches: 5 requests per visitor (ids stay unique per request)
  local vid = prefix .. "-" .. math.floor(counter / 5)
  local rid = prefix .. "-" .. counter
  local parts = {}
  for i = 1, size do
    local name = names[(i - 1) % #names + 1]
    local sku = "SKU-" .. ((counter * 10 + i) * 7919 % 5000)
    local params = ""
    if name ~= "page_view" then
      params = ',"params":{"items":[{"item_id":"' .. sku .. '","item_name":"Product ' .. sku ..
        '","price":3.95,"currency":"GBP","quantity":1,"item_category":"Home Decor"}]}'
    end
    parts[i] = '{"id":"' .. rid .. "-" .. i .. '","name":"' .. name .. '","ts":1763900000000,"sid":"' .. vid ..
      '-s","url":"http://shop.bench/product/' .. sku .. '","ref":"http://shop.bench/"' .. params .. "}"
  end
  local body = '{"site":"pk_bench","vid":"' .. vid .. '","tz":"Europe/London","v":"bench","events":[' ..
    table.concat(parts, ",") .. "]}"
  return wrk.format(nil, nil, nil, body)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('{"requests":%d,"duration_us":%d,"non2xx":%d,"socket_errors":%d,"p50_us":%d,"p99_us":%d}\n',
    summary.requests, summary.duration, e.status, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50), latency:percentile(99)))
end
