#!/usr/bin/env bash
# Sets up what the tests need, checks formatting, builds, and runs every test of the solution.
# Tests start their own throwaway PostgreSQL from the installed binaries, or use the server named by
# CHATBOT_TEST_POSTGRES (an admin connection string).
set -euo pipefail
cd "$(dirname "$0")"
. scripts/prerequisites.sh
require_dotnet
if [ -z "${CHATBOT_TEST_POSTGRES:-}" ]; then require_postgres_server; fi
require_chromium
# Only the deployment tests need them; a project made with --no-deploy has none.
if [ -d tests/Deployment.Tests ]; then require_compose_tools; fi

echo "== restore (locked: the packages the committed packages.lock.json files name, nothing else)"
dotnet restore ChatbotOrleans.sln --locked-mode --nologo -v:quiet ||
  die "a package reference changed without its lock file; run: dotnet restore ChatbotOrleans.sln --force-evaluate, and commit the packages.lock.json files"
echo "== format check"
dotnet format ChatbotOrleans.sln --verify-no-changes --no-restore ||
  die "the code is not formatted as .editorconfig says; run: dotnet format ChatbotOrleans.sln"
echo "== build"
dotnet build ChatbotOrleans.sln --no-restore --nologo -clp:ErrorsOnly -v:quiet
echo "== test"
# The tests start many short-lived .NET processes (silos, frontends, builds); without dynamic PGO the runtime skips
# their instrumented tier and its rejits: 6-18 % less CPU (bench/results/test-suite.md).
export DOTNET_TieredPGO=0
mkdir -p artifacts
log=artifacts/test-output.txt
status=0
dotnet test --solution ChatbotOrleans.sln --no-build --results-directory artifacts/test-results "$@" 2>&1 | tee "$log" || status=$?

# One plain closing line that any CI can read.
summary=$(grep -E '^\s*(total|failed|succeeded|skipped):' "$log" | tail -n 4 | tr -d ' ' | tr '\n' ' ')
passed=$(sed -n 's/.*succeeded:\([0-9]*\).*/\1/p' <<<"$summary")
failed=$(sed -n 's/.*failed:\([0-9]*\).*/\1/p' <<<"$summary")
skipped=$(sed -n 's/.*skipped:\([0-9]*\).*/\1/p' <<<"$summary")
echo "${passed:-0} passed, ${failed:-0} failed, ${skipped:-0} skipped"
if [ "$status" -eq 0 ] && [ "${passed:-0}" -eq 0 ]; then die "no test ran"; fi
exit "$status"
