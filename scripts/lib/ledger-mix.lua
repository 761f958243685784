-- The ledger requests officials send, for wrk: a region (or the whole city), a stage (or none), a
-- sort and direction, a page and an investment floor, different on every request so no cache
-- helps. With ONE_PROJECT_SHARE (percent) and PROJECTS set, that share of requests opens one
-- project by id instead. Used by bench.sh and soak.sh.
local regions = {"", "220102", "220103", "220104", "220105", "220106", "220112", "220113", "220122", "220182", "220183", "220184"}
local stages = {"", "reserve", "attraction", "approval", "construction", "operation", "construction,operation"}
local sorts = {"totalInvestment", "name", "plannedStart", "actualStart", "updatedAt", "stage", "region", "code"}
local oneProjectShare = tonumber(os.getenv("ONE_PROJECT_SHARE") or "0")
local projects = tonumber(os.getenv("PROJECTS") or "0")
request = function()
  if oneProjectShare > 0 and projects > 0 and math.random(100) <= oneProjectShare then
    return wrk.format(nil, "/api/v1/projects/" .. math.random(1, projects))
  end
  local path = "/api/v1/projects?perPage=20&page=" .. math.random(1, 5) .. "&sort=" .. sorts[math.random(#sorts)]
    .. "&order=" .. (math.random(2) == 1 and "asc" or "desc") .. "&minWan=" .. math.random(1, 50000)
  local region = regions[math.random(#regions)]
  if region ~= "" then path = path .. "&region=" .. region end
  local stage = stages[math.random(#stages)]
  if stage ~= "" then path = path .. "&stage=" .. stage end
  return wrk.format(nil, path)
end
