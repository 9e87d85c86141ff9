-- wrk script: counts the answers that are not a 200 with a JSON "success" in them
-- (an api.values.get of an expired session still answers 200, with "error").
local bad = 0
response = function(status, headers, body)
  if status ~= 200 or not string.find(body, '"success"', 1, true) then
    bad = bad + 1
  end
end
done = function(summary, latency, requests)
  io.write(string.format("answers that were not success: %d\n", bad))
end
