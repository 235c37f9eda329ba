#!/usr/bin/env bash
# Builds and runs the whole app on this machine: a local PostgreSQL (unless ConnectionStrings__Orleans
# is set), the migrations, one silo and the web frontend. Ctrl+C stops everything it started.
# Usage: ./run.sh [--port 5080] [--watch]   (--watch: silo and frontend under dotnet watch, PostgreSQL kept up)
set -euo pipefail
cd "$(dirname "$0")"
. scripts/prerequisites.sh
require_dotnet
if [ -z "${ConnectionStrings__Orleans:-}" ]; then require_postgres_server; fi

echo "Building…"
dotnet build ChatbotOrleans.App.slnf --nologo -clp:ErrorsOnly -v:quiet
exec dotnet tools/DevHost/bin/Debug/net10.0/ChatbotOrleans.DevHost.dll "$@"
