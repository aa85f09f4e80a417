#!/usr/bin/env bash
# HTTP benchmarks of issue 4 (results in docs/benchmarks.md). Needs wrk (apt-get install wrk).
#   scripts/bench-http.sh <data folder with 100,000 synthetic documents> [seconds per run]
# Builds Release, starts Portal (Production, SQLite, memory output cache) on 127.0.0.1:5091 and a bare
# Kestrel static-file server on 127.0.0.1:5092, then runs wrk (2 threads, 16 connections) against:
#   1. the Delivery API query of the issue, cached (the normal case: same URL again and again);
#   2. the same query with a random extra parameter per request, so every request misses the output cache;
#   3. a public page (an article) served from the output cache;
#   4. the same bytes served as a static file by Kestrel.
set -u
data=${1:?usage: scripts/bench-http.sh <data folder> [seconds]}
seconds=${2:-15}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/portal-bench-http.XXXXXX)
dotnet build "$root/src/Portal.Web" -c Release -v q -nologo >/dev/null || exit 1
dotnet build "$root/tests/Portal.Benchmarks" -c Release -v q -nologo >/dev/null || exit 1

Portal__DataDirectory="$data" ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
  dotnet "$root/src/Portal.Web/bin/Release/net10.0/Portal.Web.dll" --urls http://127.0.0.1:5091 >"$work/portal.log" 2>&1 &
portal=$!
trap 'kill $portal ${static:-} 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 120); do curl -sf -o /dev/null http://127.0.0.1:5091/healthz && break; sleep 0.5; done

api="/umbraco/delivery/api/v2/content?filter=contentType:article&sort=updateDate:desc&take=10"
page=$(curl -s "http://127.0.0.1:5091$api" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["route"]["path"])')
mkdir -p "$work/static"
curl -s -o "$work/static/page.html" "http://127.0.0.1:5091$page"
dotnet "$root/tests/Portal.Benchmarks/bin/Release/net10.0/Portal.Benchmarks.dll" static "$work/static" 5092 &
static=$!
for _ in $(seq 1 60); do curl -sf -o /dev/null http://127.0.0.1:5092/page.html && break; sleep 0.5; done
cat >"$work/miss.lua" <<'LUA'
request = function() return wrk.format("GET", wrk.path .. "&bench=" .. math.random(1, 2000000000)) end
LUA

echo "published documents: $(curl -s http://127.0.0.1:5091/healthz)"
echo "page: $page ($(stat -c %s "$work/static/page.html") bytes)"
# Each target gets 5 s of unmeasured load first, so the JIT has tiered up before the measured run.
run() { echo "== $1"; shift; wrk -t2 -c16 -d5s "$@" >/dev/null; wrk -t2 -c16 -d"${seconds}s" --latency "$@" | grep -E "Latency|50%|99%|Requests/sec|Non-2xx"; }
curl -s -o /dev/null "http://127.0.0.1:5091$api"
run "Delivery API query, cached" "http://127.0.0.1:5091$api"
run "Delivery API query, every request a cache miss" -s "$work/miss.lua" "http://127.0.0.1:5091$api"
run "public page from the output cache" "http://127.0.0.1:5091$page"
run "same bytes as a Kestrel static file" "http://127.0.0.1:5092/page.html"
