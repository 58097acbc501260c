#!/usr/bin/env bash
# Runs the Examens web portal on this machine: http://localhost:5080 (PORT=… to change it).
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
port=${PORT:-5080}
echo "Examens démarre sur http://localhost:$port (Ctrl+C pour arrêter)…"
exec dotnet run --project src/Examens.Web -c Release -- --urls "http://localhost:$port" --Examens:Demonstration=true --Examens:Donnees="$PWD/.data"
