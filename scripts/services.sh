#!/usr/bin/env bash
# Starts throwaway PostgreSQL and Redis servers on loopback for the tests, installing what is missing.
# Usage: source scripts/services.sh; start_services; ...; stop_services
# Sourced by scripts/test.sh: no shell options here, the caller decides how failures are handled.

PORTAL_SERVICES_DIR="${PORTAL_SERVICES_DIR:-$(mktemp -d /tmp/portal-services.XXXXXX)}"
PG_PORT="${PG_PORT:-55432}"
REDIS_PORT="${REDIS_PORT:-56379}"

need_packages() {
  local missing=()
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing: ${missing[*]}"
    if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
    $SUDO apt-get update -qq || return 1
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || return 1
  fi
}

start_services() {
  need_packages || return 1
  local pgbin
  pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  mkdir -p "$PORTAL_SERVICES_DIR/pg" "$PORTAL_SERVICES_DIR/redis"
  chmod 755 "$PORTAL_SERVICES_DIR"
  if [ "$(id -u)" -eq 0 ]; then
    chown -R postgres:postgres "$PORTAL_SERVICES_DIR/pg"
    PG_AS="su postgres -s /bin/bash -c"
  else
    PG_AS="bash -c"
  fi
  $PG_AS "$pgbin/initdb -D $PORTAL_SERVICES_DIR/pg/data -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null" || return 1
  $PG_AS "$pgbin/pg_ctl -D $PORTAL_SERVICES_DIR/pg/data -l $PORTAL_SERVICES_DIR/pg/pg.log -w -o \"-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PORTAL_SERVICES_DIR/pg -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300\" start >/dev/null" || return 1
  PORTAL_PGBIN="$pgbin"
  redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no --daemonize yes \
    --dir "$PORTAL_SERVICES_DIR/redis" --logfile "$PORTAL_SERVICES_DIR/redis/redis.log" --pidfile "$PORTAL_SERVICES_DIR/redis/redis.pid" || return 1
  local ready=no
  for _ in $(seq 1 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && { ready=yes; break; }; sleep 0.1; done
  [ "$ready" = yes ] || return 1
  export PORTAL_PG="Host=127.0.0.1;Port=$PG_PORT;Username=postgres"
  export PORTAL_REDIS="127.0.0.1:$REDIS_PORT"
  export PORTAL_CHROMIUM="$(command -v chromium)"
}

stop_services() {
  redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
  if [ -n "${PORTAL_PGBIN:-}" ]; then
    $PG_AS "$PORTAL_PGBIN/pg_ctl -D $PORTAL_SERVICES_DIR/pg/data -m fast stop >/dev/null" || true
  fi
  rm -rf "$PORTAL_SERVICES_DIR"
}
