#!/bin/bash
# Stop what testdata/servers/sogo/start.sh started: sogod, Dovecot, memcached,
# and PostgreSQL only if start.sh was the one that started it. Packages, the
# database, the mailbox and the configuration stay, so start.sh is fast again.
# Safe to run when nothing is running.
set -uo pipefail
cd /

if [ "$(id -u)" != 0 ]; then
	exec sudo -E bash "$0" "$@"
fi

STATE=${EASKIT_SOGO_STATE:-/var/lib/easkit-sogo}
log() { echo "sogo/stop.sh: $*" >&2; }

# stop NAME PIDFILE: TERM, wait up to 75 s (sogod's workers finish a pending
# Ping or Sync first, up to SOGoMaximumPingInterval), then KILL.
stop() {
	local name=$1 pidfile=$2 pid
	[ -s "$pidfile" ] || return 0
	pid=$(cat "$pidfile")
	if kill -0 "$pid" 2>/dev/null; then
		log "stopping $name (pid $pid)"
		kill "$pid"
		for _ in $(seq 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
		kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
	fi
	rm -f "$pidfile"
}

# The watchdog among the sogod processes listening on port $1 (its workers
# share its socket): the one whose parent is not one of them.
sogod_watchdog() {
	local pids p
	command -v ss >/dev/null || return 0
	pids=$(ss -Hltnp "sport = :$1" 2>/dev/null | grep -o 'sogod",pid=[0-9]*' | cut -d= -f2 | sort -u)
	for p in $pids; do
		echo "$pids" | grep -qx "$(ps -o ppid= -p "$p" | tr -d ' ')" || { echo "$p"; return 0; }
	done
}

# sogod's parent (the watchdog) stops its workers when it gets TERM, and
# deletes its pid file at once: a second stop.sh finds it by its port.
PORT=${EASKIT_SOGO_PORT:-20000}
if [ ! -s /run/sogo/sogo.pid ]; then
	pid=$(sogod_watchdog "$PORT")
	[ -n "$pid" ] && echo "$pid" >/run/sogo/sogo.pid
fi
stop sogod /run/sogo/sogo.pid
stop dovecot /run/easkit-dovecot/master.pid
stop memcached /run/easkit-memcached/memcached.pid

if [ -e "$STATE/started-postgresql" ]; then
	PGVER=$(ls /usr/lib/postgresql | sort -n | tail -1)
	log "stopping PostgreSQL $PGVER/main"
	pg_ctlcluster "$PGVER" main stop || true
	rm -f "$STATE/started-postgresql"
fi
exit 0
