#!/usr/bin/env bash
# The test command: installs and starts PostgreSQL and Redis on loopback, runs every test project in
# Release, stops the servers, and ends with one line "N passed, N failed, N skipped" over all projects.
set -uo pipefail
cd "$(dirname "$0")/.."

source scripts/services.sh
trap stop_services EXIT
start_services || { echo "Could not start PostgreSQL and Redis"; echo "0 passed, 1 failed, 0 skipped"; exit 1; }

results=$(mktemp -d /tmp/portal-results.XXXXXX)
dotnet build Portal.sln -c Release -nologo -clp:ErrorsOnly
build=$?
status=$build
if [ $build -eq 0 ]; then
  dotnet test Portal.sln -c Release --no-build --nologo --logger "trx" --results-directory "$results" -- RunConfiguration.TreatNoTestsAsError=false
  status=$?
fi

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  n=$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$counters"); e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0} + ${e:-0})); skipped=$((skipped + ${n:-0}))
done
rm -rf "$results"
if [ $status -ne 0 ] && [ $failed -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed, $skipped skipped"
[ $status -eq 0 ] && [ $failed -eq 0 ]
