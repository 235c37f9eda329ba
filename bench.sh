#!/usr/bin/env bash
# The benchmark of issue 7: builds the app in Release, then starts a throwaway PostgreSQL, the real silo
# (Production configuration) against a streaming fake model, the frontend with Chromium pages, and prints
# a Markdown table of every section, also written under artifacts/bench/.
# Usage: ./bench.sh [--quick] [--out FILE] [--only PHASE,…]   (--quick: a smoke run of a minute, without section 9; the default takes ~11)
set -euo pipefail
cd "$(dirname "$0")"
. scripts/prerequisites.sh
require_dotnet
require_postgres_server
require_chromium

echo "Building (Release)…"
dotnet build bench/Bench/Bench.csproj -c Release --nologo -clp:ErrorsOnly -v:quiet
exec dotnet bench/Bench/bin/Release/net10.0/ChatbotOrleans.Bench.dll "$@"
