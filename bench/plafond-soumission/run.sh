#!/usr/bin/env bash
# PostgreSQL's own ceiling for a submission's statements, with pgbench as the client (no web node): what a submission
# sends today, the same without the idempotency key, and ten submissions written in one transaction. Run it on the
# throwaway database the rush bench left (it adds versions, trail entries and e-mails to it), e.g.
#   bench/plafond-soumission/run.sh 127.0.0.1 55432 examens prof1
# The statements are those the portal sent during the rush (pg_stat_statements, 29 November 2026); the registration's
# query is EF Core's, copied as it was.
set -euo pipefail
hote=${1:?hôte}; port=${2:?port}; utilisateur=${3:?utilisateur}; base=${4:?base de données}
duree=${DUREE:-15}
ici=$(cd "$(dirname "$0")" && pwd)
psql -h "$hote" -p "$port" -U "$utilisateur" -d "$base" -q -v ON_ERROR_STOP=1 <<'SQL'
DROP TABLE IF EXISTS ids;
CREATE TABLE ids AS SELECT row_number() OVER (ORDER BY "Id") AS n, "Id" AS id, "CandidatId" AS cid FROM "Inscriptions";
CREATE UNIQUE INDEX ON ids (n);
CREATE SEQUENCE IF NOT EXISTS s_numero START 1000000;
CREATE SEQUENCE IF NOT EXISTS s_cle;
SQL
inscriptions=$(psql -h "$hote" -p "$port" -U "$utilisateur" -d "$base" -At -c "SELECT count(*) FROM ids")
if [ "$inscriptions" -lt 2900 ]; then
  echo "Il faut au moins 2 900 inscriptions dans la base (celle du banc de la ruée) ; il y en a $inscriptions." >&2
  exit 1
fi
# The same submission without the idempotency key's two statements.
sansCle=$(mktemp --suffix=.sql)
trap 'rm -f "$sansCle"' EXIT
grep -v '"ClesIdempotence"' "$ici/soumission.sql" > "$sansCle"
for script in soumission soumission-sans-cle soumissions-par-10; do
  fichier="$ici/$script.sql"; [ "$script" = soumission-sans-cle ] && fichier=$sansCle
  tps=$(pgbench -h "$hote" -p "$port" -U "$utilisateur" -n -M prepared -c 8 -j 2 -T "$duree" -f "$fichier" "$base" 2>&1 | sed -n 's/^tps = \([0-9.]*\).*/\1/p')
  par=1; [ "$script" = soumissions-par-10 ] && par=10
  echo "$script : $tps transactions/s, soit $(awk -v t="$tps" -v p="$par" 'BEGIN { printf "%.0f", t * p }') soumissions/s"
done
psql -h "$hote" -p "$port" -U "$utilisateur" -d "$base" -q -c "DROP TABLE ids"
