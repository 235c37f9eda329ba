#!/usr/bin/env bash
# Builds and runs the whole app on this machine: a local PostgreSQL (unless ConnectionStrings__Orleans
# is set), then under the .NET Aspire AppHost the migrations, the silos and the web frontend, with the Aspire
# dashboard. Ctrl+C stops everything it started, PostgreSQL last.
# Usage: ./run.sh [--port 5080] [--watch] [--silos 1]   (--watch: silo and frontend under dotnet watch; --silos 2: a two-silo cluster)
set -euo pipefail
cd "$(dirname "$0")"
. scripts/prerequisites.sh
require_dotnet
if [ -z "${ConnectionStrings__Orleans:-}" ]; then require_postgres_server; fi

echo "Building…"
dotnet build ChatbotOrleans.App.slnf --nologo -clp:ErrorsOnly -v:quiet
exec dotnet tools/AppHost/bin/Debug/net10.0/ChatbotOrleans.AppHost.dll "$@"
