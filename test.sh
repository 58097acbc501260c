#!/usr/bin/env bash
# Runs every test of Examens and ends with the line "N passed, N failed" (", N skipped" when any).
# Installs what the tests need when it is missing, and says what it does.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

apt_mis_a_jour=0
installer() { # installer PAQUET... : Debian packages, after one apt-get update
  if [ "$apt_mis_a_jour" = 0 ]; then
    echo "» apt-get update (une seule fois)"
    apt-get update -qq
    apt_mis_a_jour=1
  fi
  echo "» apt-get install $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

if ! command -v dotnet >/dev/null 2>&1; then
  echo "Le SDK .NET 10 est introuvable : installez-le (https://dot.net), puis relancez ./test.sh." >&2
  exit 1
fi
# The registration windows are computed in each academy's IANA zone (P12): the tests need tzdata.
if [ ! -e /usr/share/zoneinfo/Europe/Paris ] || [ ! -e /usr/share/zoneinfo/Pacific/Noumea ]; then
  echo "Fuseaux horaires IANA absents : installation de tzdata."
  installer tzdata
fi

# The browser tests drive Debian's Chromium (Playwright uses it as it is: nothing is downloaded).
if [ ! -x /usr/bin/chromium ]; then
  echo "Chromium absent : installation du paquet Debian chromium pour les tests dans un vrai navigateur."
  installer chromium
fi

# The two-node test puts two web hosts behind nginx, started by the test itself.
if [ ! -x /usr/sbin/nginx ]; then
  echo "nginx absent : installation du paquet Debian nginx pour le test à deux nœuds."
  installer nginx
fi

# Every database test runs on SQLite and on a real PostgreSQL server: a throwaway one in a temporary folder, on a free
# loopback port, stopped at the end whatever happens.
pg_bin=/usr/lib/postgresql/15/bin
if [ ! -x "$pg_bin/initdb" ]; then
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
fi
if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
  echo "PostgreSQL absent : installation du paquet Debian postgresql pour les tests sur PostgreSQL."
  installer postgresql
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi
pg_dossier=$(mktemp -d)
# As the postgres user, from /: the clone may sit in a folder that user cannot enter (mktemp -d is private), and
# initdb and pg_ctl would say so on each call.
en_postgres() { (cd / && runuser -u postgres -- "$@"); }
arreter_postgres() {
  if [ -f "$pg_dossier/data/postmaster.pid" ]; then
    en_postgres "$pg_bin/pg_ctl" -D "$pg_dossier/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$pg_dossier"
}
journal=$(mktemp)
trap 'rm -f "$journal"; arreter_postgres' EXIT
pg_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
chown postgres:postgres "$pg_dossier"
echo "» PostgreSQL temporaire sur 127.0.0.1:$pg_port ($pg_dossier)"
en_postgres "$pg_bin/initdb" -D "$pg_dossier/data" -U examens --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
en_postgres "$pg_bin/pg_ctl" -D "$pg_dossier/data" -l "$pg_dossier/pg.log" \
  -o "-p $pg_port -k $pg_dossier -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=on" -w start >/dev/null
export EXAMENS_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=examens;Database=postgres;Pooling=true;Maximum Pool Size=20"

echo "» Compilation (Release, avertissements traités comme erreurs)"
dotnet build Examens.slnx -c Release --nologo -v quiet
# The SIGKILL test restarts the real host hundreds of times: it runs the host published ReadyToRun, as an operator
# deploys it (docs/operations.md), which starts in about half the time of the JIT-only build.
echo "» Publication de l'hôte web en ReadyToRun pour le test des arrêts brutaux (src/Examens.Web/bin/Release/publie)"
dotnet publish src/Examens.Web/Examens.Web.csproj -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -o src/Examens.Web/bin/Release/publie --nologo -v quiet

echo "» Tests"
set +e
dotnet test --solution Examens.slnx -c Release --no-build 2>&1 | tee "$journal"
code=${PIPESTATUS[0]}
set -e

valeur() { grep -E "^[[:space:]]*$1:[[:space:]]*[0-9]+" "$journal" | tail -n 1 | grep -Eo '[0-9]+' || echo 0; }
reussis=$(valeur succeeded)
echecs=$(valeur failed)
ignores=$(valeur skipped)
if [ "$code" -ne 0 ] && [ "$echecs" = 0 ]; then echecs=1; fi # the runner failed without a test failing
ligne="$reussis passed, $echecs failed"
if [ "$ignores" != 0 ]; then ligne="$ligne, $ignores skipped"; fi
echo "$ligne"
exit "$code"
