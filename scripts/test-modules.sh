#!/usr/bin/env bash
# Runs the solution's built test modules, the longest first and one per core at a time, and ends with one line of
# totals. `dotnet test --solution` starts its modules in no set order, so a long one started last could run alone for
# minutes at the end of a suite that is otherwise bound by CPU (bench/results/test-suite.md).
# Usage: scripts/test-modules.sh SOLUTION [options for every module's dotnet test, such as --filter-class NAME]
set -uo pipefail
cd "$(dirname "$0")/.."
solution=$1
shift

# The tests start many short-lived .NET processes (silos, frontends, builds); without dynamic PGO the runtime skips
# their instrumented tier and its rejits: about 8 % less CPU for Integration.Tests (bench/results/test-suite.md).
export DOTNET_TieredPGO=0

# The longest modules as measured; any other test project of the solution follows them.
longest_first=(Browser.Tests DevLoop.Tests Bench.Tests Integration.Tests Grains.Tests Infrastructure.Tests)
listed=$(dotnet sln "$solution" list | tr '\\' '/' | sed -n 's|^tests/\([^/]*\.Tests\)/[^/]*\.csproj$|\1|p')
modules=()
for module in "${longest_first[@]}"; do
  if grep -qx "$module" <<<"$listed"; then modules+=("$module"); fi
done
for module in $listed; do
  case " ${modules[*]} " in *" $module "*) ;; *) modules+=("$module") ;; esac
done

out=artifacts/test-modules
rm -rf "$out"
mkdir -p "$out"

run_module() {
  local module=$1 started=$SECONDS status=0
  shift
  dotnet test --project "tests/$module" --no-build --results-directory artifacts/test-results "$@" \
    >"$out/$module.txt" 2>&1 || status=$?
  echo "$status" >"$out/$module.status"
  # Each module's output whole, one after the other, rather than two modules' lines interleaved.
  { cat "$out/$module.txt"; echo "-- $module: exit $status after $((SECONDS - started)) s"; } | flock "$out/.print" cat
}

for module in "${modules[@]}"; do
  while [ "$(jobs -rp | wc -l)" -ge "$(nproc)" ]; do wait -n; done
  echo "-- $module: started at $SECONDS s"
  run_module "$module" "$@" &
done
wait

# A module's own totals: the last "  name: N" line of its output.
count() {
  local n
  n=$(sed -n "s/^ *$1: *\([0-9]*\)$/\1/p" "$out/$2.txt" | tail -n 1)
  echo "${n:-0}"
}

status=0
passed=0 failed=0 skipped=0
for module in "${modules[@]}"; do
  code=$(cat "$out/$module.status")
  # Exit code 8 is "no test ran": a filter given on the command line leaves most modules with none.
  if [ "$code" -ne 0 ] && ! { [ "$code" -eq 8 ] && [ "$#" -gt 0 ]; }; then
    echo "-- $module failed (exit $code): $out/$module.txt"
    status=1
  fi
  passed=$((passed + $(count succeeded "$module")))
  failed=$((failed + $(count failed "$module")))
  skipped=$((skipped + $(count skipped "$module")))
done
echo "-- the modules took $((SECONDS / 60)):$(printf %02d $((SECONDS % 60)))"
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
