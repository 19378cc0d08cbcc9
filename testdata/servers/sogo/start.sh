#!/bin/bash
# Start a real ActiveSync server on this machine: SOGo 5 (Debian's sogo and
# sogo-activesync) with a PostgreSQL user source, Dovecot IMAP and memcached,
# all on 127.0.0.1 and all started without systemd.
#
#   bash testdata/servers/sogo/start.sh            # install, configure, start, wait
#   eval "$(bash testdata/servers/sogo/start.sh)"  # the same, exporting EASKIT_SOGO_*
#
# Standard output carries only the `export EASKIT_SOGO_…=…` lines; progress goes
# to standard error. Safe to run again: what is installed, written or running is
# left as it is. testdata/servers/sogo/stop.sh stops the daemons.
#
# Settings (environment, with defaults):
#   EASKIT_SOGO_USER      easkit               the test user (mail <user>@$EASKIT_SOGO_DOMAIN)
#   EASKIT_SOGO_PASSWORD  easkit-sogo-test     its password (SOGo and Dovecot)
#   EASKIT_SOGO_DOMAIN    example.test
#   EASKIT_SOGO_PORT      20000                sogod's port on 127.0.0.1
#   EASKIT_SOGO_STATE     /var/lib/easkit-sogo mail, generated configs, pid and log files
#   EASKIT_SOGO_WAIT      120                  seconds to wait for the endpoint
set -euo pipefail
cd /

if [ "$(id -u)" != 0 ]; then
	exec sudo -E bash "$0" "$@"
fi

USER_NAME=${EASKIT_SOGO_USER:-easkit}
USER_PASSWORD=${EASKIT_SOGO_PASSWORD:-easkit-sogo-test}
DOMAIN=${EASKIT_SOGO_DOMAIN:-example.test}
PORT=${EASKIT_SOGO_PORT:-20000}
STATE=${EASKIT_SOGO_STATE:-/var/lib/easkit-sogo}
WAIT=${EASKIT_SOGO_WAIT:-120}
DB_PASSWORD=sogo # the sogo database role's password; loopback only
URL="http://127.0.0.1:$PORT/SOGo/Microsoft-Server-ActiveSync"

log() { echo "sogo/start.sh: $*" >&2; }
t0=$(date +%s)

# --- packages ---------------------------------------------------------------
PACKAGES="sogo sogo-activesync postgresql dovecot-imapd memcached curl iproute2"
missing=""
for p in $PACKAGES; do
	if ! dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null | grep -qx installed; then
		missing="$missing $p"
	fi
done
if [ -n "$missing" ]; then
	log "installing:$missing"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -q >&2
	# Installing may try to start the daemons through invoke-rc.d; without an
	# init system that fails or is refused, and is harmless: they are started below.
	apt-get install -y -q --no-install-recommends $missing >&2
	log "packages installed in $(( $(date +%s) - t0 ))s"
fi
t1=$(date +%s)

mkdir -p "$STATE"
chmod 755 "$STATE"
printf '%s\n' "$USER_PASSWORD" >"$STATE/password"
chmod 600 "$STATE/password"

# --- PostgreSQL ---------------------------------------------------------------
PGVER=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | awk -v v="$PGVER" '$1 == v && $2 == "main"' | grep -q .; then
	log "creating PostgreSQL $PGVER cluster main"
	pg_createcluster "$PGVER" main >&2
fi
PGPORT=$(pg_lsclusters -h | awk -v v="$PGVER" '$1 == v && $2 == "main" {print $3}')
if ! pg_lsclusters -h | awk -v v="$PGVER" '$1 == v && $2 == "main" {print $4}' | grep -q online; then
	log "starting PostgreSQL $PGVER/main on port $PGPORT"
	pg_ctlcluster "$PGVER" main start </dev/null >&2
	touch "$STATE/started-postgresql"
fi
for _ in $(seq 30); do
	pg_isready -q -h 127.0.0.1 -p "$PGPORT" && break
	sleep 1
done
psql_admin() { runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$PGPORT" "$@"; }
if ! psql_admin -tAc "SELECT 1 FROM pg_roles WHERE rolname = 'sogo'" | grep -q 1; then
	psql_admin -c "CREATE ROLE sogo LOGIN PASSWORD '$DB_PASSWORD'"
fi
if ! psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname = 'sogo'" | grep -q 1; then
	psql_admin -c "CREATE DATABASE sogo OWNER sogo"
fi
# The user source: a table with the columns SOGo's SQL source reads, and one
# user whose password is stored in plain text (userPasswordAlgorithm = plain).
PGPASSWORD=$DB_PASSWORD psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGPORT" -U sogo sogo \
	-v uid="$USER_NAME" -v pw="$USER_PASSWORD" -v mail="$USER_NAME@$DOMAIN" >&2 <<'SQL'
SET client_min_messages = warning;
CREATE TABLE IF NOT EXISTS sogo_users (
	c_uid varchar(128) PRIMARY KEY,
	c_name varchar(128) NOT NULL,
	c_password varchar(256) NOT NULL,
	c_cn varchar(256),
	mail varchar(256)
);
INSERT INTO sogo_users (c_uid, c_name, c_password, c_cn, mail)
	VALUES (:'uid', :'uid', :'pw', 'easkit Test User', :'mail')
	ON CONFLICT (c_uid) DO UPDATE SET c_password = EXCLUDED.c_password, mail = EXCLUDED.mail;
SQL

# --- Dovecot --------------------------------------------------------------------
if ! getent passwd vmail >/dev/null; then
	useradd --system --home-dir "$STATE/mail" --no-create-home --shell /usr/sbin/nologin vmail
fi
VMAIL_UID=$(id -u vmail)
VMAIL_GID=$(id -g vmail)
DOVECOT_CONF=$STATE/dovecot.conf
cat >"$DOVECOT_CONF" <<EOF
# Written by easkit testdata/servers/sogo/start.sh: IMAP on 127.0.0.1:143 only.
protocols = imap
listen = 127.0.0.1
base_dir = /run/easkit-dovecot
instance_name = easkit-dovecot
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
log_path = $STATE/dovecot.log
first_valid_uid = $VMAIL_UID
mail_location = maildir:$STATE/mail/%u/Maildir
mail_plugins = acl
namespace inbox {
  inbox = yes
  separator = /
  mailbox Sent {
    special_use = \\Sent
    auto = create
  }
  mailbox Trash {
    special_use = \\Trash
    auto = create
  }
  mailbox Drafts {
    special_use = \\Drafts
    auto = create
  }
}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%n $STATE/dovecot.passwd
}
userdb {
  driver = static
  args = uid=$VMAIL_UID gid=$VMAIL_GID home=$STATE/mail/%n
}
protocol imap {
  mail_plugins = \$mail_plugins imap_acl
}
plugin {
  acl = vfile
}
EOF
printf '%s:{PLAIN}%s\n' "$USER_NAME" "$USER_PASSWORD" >"$STATE/dovecot.passwd"
chown root:dovecot "$STATE/dovecot.passwd"
chmod 640 "$STATE/dovecot.passwd"

# The inbox: three messages written straight into the Maildir (fixed file names,
# so a second run adds nothing).
MAILDIR=$STATE/mail/$USER_NAME/Maildir
mkdir -p "$MAILDIR/cur" "$MAILDIR/new" "$MAILDIR/tmp"
msg() { # n date subject from body
	local base="170000000$1.M$1P1.easkit"
	# Dovecot renames a file when its flags change (…:2,S once read): match the base.
	compgen -G "$MAILDIR/cur/$base*" >/dev/null && return 0
	local f="$MAILDIR/cur/$base:2,"
	printf 'From: %s\r\nTo: easkit Test User <%s@%s>\r\nSubject: %s\r\nDate: %s\r\nMessage-ID: <easkit-test-%s@%s>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n%s\r\n' \
		"$4" "$USER_NAME" "$DOMAIN" "$3" "$2" "$1" "$DOMAIN" "$5" >"$f"
}
msg 1 "Mon, 06 Nov 2023 09:00:00 +0000" "Welcome to the easkit test server" "Alice Example <alice@example.test>" \
	"This is the first test message in the inbox."
msg 2 "Tue, 07 Nov 2023 10:30:00 +0000" "Meeting notes: WBXML code pages" "Bob Example <bob@example.test>" \
	"Second message. Non-ASCII text: café, Grüße, 日本語."
msg 3 "Wed, 08 Nov 2023 16:45:00 +0000" "Third message" "Carol Example <carol@example.test>" \
	"Third and last test message."
chown -R vmail:vmail "$STATE/mail"

if [ -s /run/easkit-dovecot/master.pid ] && kill -0 "$(cat /run/easkit-dovecot/master.pid)" 2>/dev/null; then
	doveadm -c "$DOVECOT_CONF" reload >&2 || true
else
	log "starting Dovecot (IMAP on 127.0.0.1:143)"
	# Every daemon gets its standard streams away from ours: one that kept our
	# stdout open would make `eval "$(start.sh)"` wait for ever.
	dovecot -c "$DOVECOT_CONF" </dev/null >/dev/null 2>&1
fi

# SOGo's Sync of a mail folder reads the HIGHESTMODSEQ that SELECT reports
# (CONDSTORE). Dovecot reports it only once modseq tracking is on for the
# mailbox, which the first CONDSTORE command turns on; until then SOGo answers
# a Sync with an empty 200 for ever. Fetching the modseq turns it on (a no-op later).
doveadm -c "$DOVECOT_CONF" fetch -u "$USER_NAME" 'uid modseq' mailbox INBOX >/dev/null

# --- memcached ------------------------------------------------------------------
# memcached writes its pid file after dropping to the memcache user.
MEMCACHED_PID=/run/easkit-memcached/memcached.pid
install -o memcache -g memcache -m 755 -d /run/easkit-memcached
if ! { [ -s "$MEMCACHED_PID" ] && kill -0 "$(cat "$MEMCACHED_PID")" 2>/dev/null; }; then
	log "starting memcached on 127.0.0.1:11211"
	memcached -d -u memcache -l 127.0.0.1 -p 11211 -U 0 -P "$MEMCACHED_PID" </dev/null >/dev/null 2>&1
fi

# --- SOGo -------------------------------------------------------------------------
[ -e /etc/sogo/sogo.conf.dist ] || cp -p /etc/sogo/sogo.conf /etc/sogo/sogo.conf.dist
DB="postgresql://sogo:$DB_PASSWORD@127.0.0.1:$PGPORT/sogo"
cat >/etc/sogo/sogo.conf.new <<EOF
/* Written by easkit testdata/servers/sogo/start.sh; the package's file is sogo.conf.dist. */
{
  WOPort = "127.0.0.1:$PORT";
  WOWorkersCount = 3;
  SOGoProfileURL = "$DB/sogo_user_profile";
  OCSFolderInfoURL = "$DB/sogo_folder_info";
  OCSSessionsFolderURL = "$DB/sogo_sessions_folder";
  OCSCacheFolderURL = "$DB/sogo_cache_folder";
  OCSStoreURL = "$DB/sogo_store";
  OCSAclURL = "$DB/sogo_acl";
  OCSEMailAlarmsFolderURL = "$DB/sogo_alarms_folder";
  OCSAdminURL = "$DB/sogo_admin";
  SOGoUserSources = (
    {
      type = sql;
      id = users;
      viewURL = "$DB/sogo_users";
      canAuthenticate = YES;
      isAddressBook = NO;
      userPasswordAlgorithm = plain;
    }
  );
  SOGoMailDomain = "$DOMAIN";
  SOGoIMAPServer = "imap://127.0.0.1:143";
  SOGoMailingMechanism = smtp;
  SOGoSMTPServer = "smtp://127.0.0.1:25";
  SOGoSieveScriptsEnabled = NO;
  SOGoVacationEnabled = NO;
  SOGoForwardEnabled = NO;
  SOGoSentFolderName = Sent;
  SOGoTrashFolderName = Trash;
  SOGoDraftsFolderName = Drafts;
  SOGoLanguage = English;
  SOGoTimeZone = UTC;
  SOGoMemcachedHost = "127.0.0.1";
  SOGoMaximumPingInterval = 60;
  SOGoMaximumSyncInterval = 30;
  SOGoInternalSyncInterval = 10;
  SOGoEASDebugEnabled = NO;
}
EOF
changed=0
if ! cmp -s /etc/sogo/sogo.conf.new /etc/sogo/sogo.conf; then
	mv /etc/sogo/sogo.conf.new /etc/sogo/sogo.conf
	changed=1
else
	rm -f /etc/sogo/sogo.conf.new
fi
chown root:sogo /etc/sogo/sogo.conf
chmod 640 /etc/sogo/sogo.conf

install -o sogo -g sogo -m 755 -d /run/sogo
install -o sogo -g sogo -m 750 -d /var/spool/sogo /var/log/sogo
SOGO_PID=/run/sogo/sogo.pid
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
# sogod's pid: its pid file, or else whoever listens on the port. The watchdog
# deletes its pid file as soon as it gets TERM but exits only when its workers
# have (seconds later), so the file alone is not to be trusted.
sogod_pid() {
	local pid
	if [ -s "$SOGO_PID" ] && pid=$(cat "$SOGO_PID") && kill -0 "$pid" 2>/dev/null; then
		echo "$pid"
		return
	fi
	sogod_watchdog "$PORT"
}
running() { [ -n "$(sogod_pid)" ]; }
if running && [ "$changed" = 1 ]; then
	log "sogo.conf changed: restarting sogod"
	pid=$(sogod_pid)
	kill "$pid"
	# The watchdog waits for its workers, which finish their request first
	# (a Ping or Sync can hold one for SOGoMaximumPingInterval seconds).
	for _ in $(seq 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
	kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
	sleep 1
fi
if ! running; then
	log "starting sogod on 127.0.0.1:$PORT (log /var/log/sogo/sogo.log)"
	# sogod forks into the background itself (WONoDetach defaults to NO).
	runuser -u sogo -- /bin/sh -c ". /usr/share/GNUstep/Makefiles/GNUstep.sh; exec /usr/sbin/sogod \
		-WOPort 127.0.0.1:$PORT -WOWorkersCount 3 -WOPidFile $SOGO_PID -WOLogFile /var/log/sogo/sogo.log" </dev/null >/dev/null 2>&1
fi

# --- wait for the ActiveSync endpoint -------------------------------------------
code=000
for _ in $(seq $((WAIT * 2))); do
	code=$(curl -s -o /dev/null -w '%{http_code}' -m 10 -X OPTIONS -u "$USER_NAME:$USER_PASSWORD" "$URL" || true)
	[ "$code" = 200 ] && break
	sleep 0.5
done
if [ "$code" != 200 ]; then
	log "the ActiveSync endpoint did not answer 200 to OPTIONS (last: $code); see /var/log/sogo/sogo.log and $STATE/dovecot.log"
	tail -20 /var/log/sogo/sogo.log >&2 || true
	exit 1
fi
t2=$(date +%s)
log "ready in $((t2 - t0))s (configuration and start: $((t2 - t1))s): $URL"
log "user $USER_NAME <$USER_NAME@$DOMAIN>, password in $STATE/password"
cat <<EOF
export EASKIT_SOGO_URL='$URL'
export EASKIT_SOGO_USER='$USER_NAME'
export EASKIT_SOGO_PASSWORD='$USER_PASSWORD'
EOF
