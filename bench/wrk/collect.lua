-- wrk script: storefront-like collector batches of N events (default 5), as bench/wrk/collect-bodies.ts
-- describes and writes them for the raw baseline (keep the two in step).
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

local prefix, counter, size = "r", 0, 5
function init(args)
  prefix = (args[1] or "r") .. "t" .. tostring(tid)
  size = tonumber(args[2] or "5")
end

local names = { "page_view", "view_item", "rec_impression", "view_item_list", "page_view", "view_item", "add_to_cart", "view_item", "rec_impression", "view_cart" }

function request()
  counter = counter + 1
  local n = counter
  local vid = prefix .. "-v" .. string.format("%d", n % 1000 + 1000 * math.floor(n / 5000))
  local parts = {}
  for i = 1, size do
    local name = names[(n + i) % #names + 1]
    local sku = "SKU-" .. string.format("%d", (n * 20 + i) * 7919 % 5000)
    local params = ""
    if name == "rec_impression" then
      params = ',"params":{"rec_id":"r' .. n .. "-" .. i .. '","scenario":"similar","items":[{"item_id":"' .. sku .. '"}]}'
    elseif name ~= "page_view" then
      params = ',"params":{"items":[{"item_id":"' .. sku .. '","item_name":"Product ' .. sku ..
        '","price":3.95,"currency":"GBP","quantity":1,"item_category":"Home Decor"}]}'
    end
    parts[i] = '{"id":"' .. prefix .. "-" .. n .. "-" .. i .. '","name":"' .. name .. '","ts":1763900000000,"sid":"' .. vid ..
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
