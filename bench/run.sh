#!/usr/bin/env bash
# The Signalbox benchmark (docs/performance.md): builds the portal and the bench, starts a PostgreSQL and the portal
# (-Xmx512m) beside it, writes a synthetic catalog of SIZE data products straight into PostgreSQL, runs every
# measurement (the route sweep of every GET route last), prints the summary tables and stops everything it started.
#
#   bench/run.sh [SIZE]            SIZE data products, 100000 by default; `bench/run.sh 1000` is a quick smoke run
#
# Environment (all optional):
#   BENCH_PORTAL_PORT=8080  BENCH_PG_PORT=55432  BENCH_SEED=42
#   BENCH_DOMAINS=14               domains of the synthetic catalog; 500 for the domain map's figure (docs/domain-map.md)
#   BENCH_SMTP_PORT=3025  BENCH_IMAP_PORT=3143  BENCH_MAIL_API_PORT=8025
#                                  the local GreenMail the portal's launcher starts (the deprecation phase's emails go
#                                  there); another portal's GreenMail on the same ports would receive them instead, so
#                                  the script refuses ports already taken
#   BENCH_REPLICAS=1               2 starts a second portal from the same build against the same PostgreSQL once the
#                                  catalog is generated (it builds its own index of it at start), sharing the first
#                                  one's Keycloak and GreenMail, and measures publish-to-searchable across the two
#                                  (the `replicas` phase; docs/performance.md, "Two replicas")
#   BENCH_SECOND_PORTAL_PORT       the second portal's port (default: BENCH_PORTAL_PORT + 1)
#   BENCH_SECOND_PORTAL_TIMEOUT=600 seconds to wait for the second portal to be ready (its index of the whole catalog)
#   BENCH_RESULTS=FILE             where the JSON results go (default bench/results/<UTC time>-<SIZE>.json)
#   BENCH_SKIP_BUILD=1             use the portal and bench jars already built
#   BENCH_MEASURE_OPTIONS="..."    more options for `measure`, e.g. "--skip postgres --fixed-rate-seconds 30", or the
#                                  route sweep alone: "--skip query,publish,page,fixed-rate,heap,postgres"
#   BENCH_PORTAL_JAVA_OPTIONS="..." more JVM options for the portal, e.g. a flight recording:
#                                  "-XX:StartFlightRecording:filename=/tmp/portal.jfr,settings=profile"
#   SIGNALBOX_HOME=DIR             the portal checkout to build and run (default: the folder above bench/)
set -euo pipefail

size=${1:-100000}
bench=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
home=$(cd "${SIGNALBOX_HOME:-$bench/..}" && pwd)
portal_port=${BENCH_PORTAL_PORT:-8080}
pg_port=${BENCH_PG_PORT:-55432}
keycloak_port=8180
smtp_port=${BENCH_SMTP_PORT:-3025}
imap_port=${BENCH_IMAP_PORT:-3143}
mail_api_port=${BENCH_MAIL_API_PORT:-8025}
replicas=${BENCH_REPLICAS:-1}
second_port=${BENCH_SECOND_PORTAL_PORT:-$((portal_port + 1))}
seed=${BENCH_SEED:-42}
work=$bench/target/run
results=${BENCH_RESULTS:-$bench/results/$(date -u +%Y%m%dT%H%M%SZ)-$size.json}
jar=$bench/target/signalbox-bench.jar
jdbc=jdbc:postgresql://127.0.0.1:$pg_port/postgres

say() { printf '\n== %s\n' "$*"; }
fail() { printf 'bench: %s\n' "$*" >&2; exit 1; }
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Everything started here is stopped here, by process id, newest first: the second portal when there is one, the
# portal (and the Keycloak and GreenMail it started), then PostgreSQL.
started=()
descendants() {
  local child
  for child in $(ps -o pid= --ppid "$1" 2>/dev/null); do
    echo "$child"
    descendants "$child"
  done
}
stop() {
  local pid=$1 children
  kill -0 "$pid" 2>/dev/null || return 0
  children=$(descendants "$pid")
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
  for child in $children; do
    kill -0 "$child" 2>/dev/null && kill -TERM "$child" 2>/dev/null
  done
  return 0
}
stop_all() {
  local i
  for ((i = ${#started[@]} - 1; i >= 0; i--)); do
    stop "${started[$i]}"
  done
}
trap stop_all EXIT
trap 'exit 130' INT TERM

await() { # await SECONDS PID WHAT COMMAND...: until COMMAND succeeds, while PID lives
  local seconds=$1 pid=$2 what=$3
  shift 3
  for _ in $(seq 1 "$seconds"); do
    "$@" && return 0
    kill -0 "$pid" 2>/dev/null || fail "$what stopped while starting; see $work"
    sleep 1
  done
  fail "$what did not start within $seconds s; see $work"
}

say "Tools"
if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    apt-get install -y -q wrk >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q wrk >/dev/null; }
  else
    echo "wrk is missing (sudo apt-get install wrk): the throughput measurement will be skipped"
  fi
fi
command -v jcmd >/dev/null && command -v jstat >/dev/null \
  || echo "jcmd/jstat missing (a JRE without the JDK tools): the heap will not be measured"
java -version 2>&1 | head -1
listening "$portal_port" && fail "port $portal_port is taken: set BENCH_PORTAL_PORT"
listening "$pg_port" && fail "port $pg_port is taken: set BENCH_PG_PORT"
case "$replicas" in
  1) ;;
  2) listening "$second_port" && fail "port $second_port is taken: set BENCH_SECOND_PORTAL_PORT" ;;
  *) fail "BENCH_REPLICAS is 1 or 2, not $replicas" ;;
esac
mail_api=()
if [ -n "${QUARKUS_MAILER_HOST:-}" ]; then
  echo "QUARKUS_MAILER_HOST is set: the portal sends its mail to $QUARKUS_MAILER_HOST, not to a local GreenMail"
else
  listening "$smtp_port" && fail "port $smtp_port is taken (another GreenMail?): set BENCH_SMTP_PORT"
  listening "$imap_port" && fail "port $imap_port is taken: set BENCH_IMAP_PORT"
  listening "$mail_api_port" && fail "port $mail_api_port is taken: set BENCH_MAIL_API_PORT"
  mail_api=(--mail-api "http://127.0.0.1:$mail_api_port/api")
fi

if [ "${BENCH_SKIP_BUILD:-}" != 1 ]; then
  say "Building the portal in $home"
  (cd "$home" && ./mvnw -B -q -DskipTests package)
  say "Building the bench"
  "$bench/../mvnw" -B -q -f "$bench/pom.xml" package
fi
[ -f "$jar" ] || fail "$jar is missing: run without BENCH_SKIP_BUILD"
[ -f "$home/target/quarkus-app/quarkus-run.jar" ] || fail "the portal is not built in $home"

rm -rf "$work"
mkdir -p "$work"

say "Starting PostgreSQL on port $pg_port"
java -jar "$jar" database --port "$pg_port" --data-dir "$work/postgres" --ready-file "$work/postgres.url" \
  >"$work/postgres.log" 2>&1 &
started+=($!)
await 120 "$!" PostgreSQL test -s "$work/postgres.url"

say "Starting the portal on port $portal_port (-Xmx512m)"
if listening "$keycloak_port"; then
  # The portal would start its own Keycloak on this port; one is there already (another portal's), with the realm.
  echo "A Keycloak already answers on port $keycloak_port: the portal uses it"
  export QUARKUS_OIDC_AUTH_SERVER_URL=http://127.0.0.1:$keycloak_port/realms/signalbox
fi
# The working directory is the checkout (the launcher finds Keycloak in target/keycloak); the portal's data and its
# search index go under bench/target/run, never into the checkout's own .signalbox/.
(
  cd "$home"
  exec env QUARKUS_DATASOURCE_JDBC_URL="$jdbc" QUARKUS_DATASOURCE_USERNAME=postgres \
    QUARKUS_DATASOURCE_PASSWORD=postgres QUARKUS_HTTP_PORT="$portal_port" \
    SIGNALBOX_SEARCH_INDEX_DIR="$work/search" \
    java -Xmx512m ${BENCH_PORTAL_JAVA_OPTIONS:-} -Dsignalbox.data-dir="$work/portal" \
    -Dsignalbox.local-mail.smtp-port="$smtp_port" -Dsignalbox.local-mail.imap-port="$imap_port" \
    -Dsignalbox.local-mail.api-port="$mail_api_port" -jar target/quarkus-app/quarkus-run.jar
) >"$work/portal.log" 2>&1 &
portal_pid=$!
started+=("$portal_pid")
await 180 "$portal_pid" "The portal" curl -sf -o /dev/null "http://127.0.0.1:$portal_port/q/health/ready"

say "Generating $size data products (seed $seed)"
java -jar "$jar" generate --jdbc-url "$jdbc" --products "$size" --seed "$seed" --domains "${BENCH_DOMAINS:-14}" \
  --summary "$work/generation.json"

second_portal=()
if [ "$replicas" = 2 ]; then
  say "Starting a second portal on port $second_port (-Xmx512m), against the same PostgreSQL"
  # The same build and settings as the first, with its own index and data directory. It starts neither a Keycloak nor
  # a GreenMail of its own: the launcher starts those only when no provider and no mail server is configured, so both
  # are set here, to the first portal's. Its OIDC tenants need the realm at start; the first portal's Keycloak may
  # still be starting.
  oidc_url=${QUARKUS_OIDC_AUTH_SERVER_URL:-http://127.0.0.1:$keycloak_port/realms/signalbox}
  await 180 "$portal_pid" Keycloak curl -sf -o /dev/null "$oidc_url/.well-known/openid-configuration"
  (
    cd "$home"
    exec env QUARKUS_DATASOURCE_JDBC_URL="$jdbc" QUARKUS_DATASOURCE_USERNAME=postgres \
      QUARKUS_DATASOURCE_PASSWORD=postgres QUARKUS_HTTP_PORT="$second_port" \
      SIGNALBOX_SEARCH_INDEX_DIR="$work/search-2" \
      QUARKUS_OIDC_AUTH_SERVER_URL="$oidc_url" \
      QUARKUS_MAILER_HOST="${QUARKUS_MAILER_HOST:-127.0.0.1}" QUARKUS_MAILER_PORT="${QUARKUS_MAILER_PORT:-$smtp_port}" \
      QUARKUS_MAILER_START_TLS="${QUARKUS_MAILER_START_TLS:-DISABLED}" \
      java -Xmx512m ${BENCH_PORTAL_JAVA_OPTIONS:-} -Dsignalbox.data-dir="$work/portal-2" \
      -jar target/quarkus-app/quarkus-run.jar
  ) >"$work/portal-2.log" 2>&1 &
  second_pid=$!
  started+=("$second_pid")
  # Ready once its index holds the whole catalog and it has read the change feed to its end.
  await "${BENCH_SECOND_PORTAL_TIMEOUT:-600}" "$second_pid" "The second portal" \
    curl -sf -o /dev/null "http://127.0.0.1:$second_port/q/health/ready"
  second_portal=(--second-portal "http://127.0.0.1:$second_port")
fi

say "Measuring"
# shellcheck disable=SC2086 # BENCH_MEASURE_OPTIONS is a list of options
java -jar "$jar" measure --portal "http://127.0.0.1:$portal_port" "${second_portal[@]}" \
  --keycloak "http://127.0.0.1:$keycloak_port/realms/signalbox" --jdbc-url "$jdbc" --portal-pid "$portal_pid" \
  --seed "$seed" --generation "$work/generation.json" --wrk-script "$bench/wrk/report.lua" --results "$results" \
  --portal-classes "$home/target/quarkus-app/app" "${mail_api[@]}" ${BENCH_MEASURE_OPTIONS:-}

say "Stopping the portal$([ "$replicas" = 2 ] && echo "s") and PostgreSQL"
stop_all
started=()
echo "Logs: $work/portal.log,$([ "$replicas" = 2 ] && echo " $work/portal-2.log,") $work/postgres.log"
