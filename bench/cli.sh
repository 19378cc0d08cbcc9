#!/usr/bin/env bash
# bench/cli.sh: whole-process speed and peak memory of easkit's wbxml2xml and
# xml2wbxml against libwbxml's (Debian package libwbxml2-utils), on the same
# files, as issue 5 asks: a Sync response of e-mails of about 1.6 MB of WBXML
# (2.1 MB of XML), and a larger one whose XML is about 6.5 MB, both written
# by bench/corpusgen from the deterministic corpus.
#
# Each command runs as a user would run it, output to a file with -o:
#   easkit:   wbxml2xml -o OUT IN.wbxml        xml2wbxml -o OUT IN.xml
#   libwbxml: wbxml2xml -l ACTIVESYNC -o OUT IN.wbxml
#             xml2wbxml -a -n -o OUT IN.xml    (-n: its default string-table
#                                               mode is super-linear)
# Wall time is the median of RUNS runs measured by hyperfine (or by date when
# hyperfine is missing), after 3 warm-up runs; peak memory is the largest
# maximum resident set size that /usr/bin/time reports over 5 runs.
#
# Usage: bench/cli.sh            (from anywhere in the repository)
# Environment: RUNS (default 30); FORCE=1 to run although the machine is busy
# (load average 1.5 or more: the figures would mean little); LIBWBXML_BIN, the
# directory of libwbxml's tools (default /usr/bin).
# Needs: go, libwbxml2-utils, time; hyperfine is used when installed
# (apt-get install libwbxml2-utils time hyperfine).
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-30}
LIBWBXML_BIN=${LIBWBXML_BIN:-/usr/bin}
lib_w2x=$LIBWBXML_BIN/wbxml2xml
lib_x2w=$LIBWBXML_BIN/xml2wbxml

die() { echo "cli.sh: $*" >&2; exit 2; }
[ -x "$lib_w2x" ] && [ -x "$lib_x2w" ] || die "libwbxml's tools are not in $LIBWBXML_BIN: apt-get install libwbxml2-utils"
[ -x /usr/bin/time ] || die "/usr/bin/time is missing: apt-get install time"
command -v go >/dev/null || die "go is not on PATH"

load=$(cut -d' ' -f1 /proc/loadavg)
if awk -v l="$load" 'BEGIN { exit !(l >= 1.5) }'; then
	if [ "${FORCE:-}" != 1 ]; then
		die "load average is $load: wait for a quiet machine (or FORCE=1)"
	fi
	echo "warning: load average is $load; the figures are not reliable" >&2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin" "$work/small" "$work/large" "$work/out"
go build -o "$work/bin/" ./cmd/wbxml2xml ./cmd/xml2wbxml
go run ./bench/corpusgen -o "$work/small" -size 1600000 SyncEmail >/dev/null
go run ./bench/corpusgen -o "$work/large" -size 4900000 SyncEmail >/dev/null

# The easkit tools must give the right answer before their speed means
# anything: XML → WBXML gives back the corpus bytes, and WBXML → XML gives
# corpusgen's XML.
for d in small large; do
	"$work/bin/xml2wbxml" -o "$work/out/rt.wbxml" "$work/$d/SyncEmail.xml"
	cmp -s "$work/out/rt.wbxml" "$work/$d/SyncEmail.wbxml" || die "easkit xml2wbxml did not give back the corpus WBXML ($d)"
	"$work/bin/wbxml2xml" -o "$work/out/rt.xml" "$work/$d/SyncEmail.wbxml"
	cmp -s "$work/out/rt.xml" "$work/$d/SyncEmail.xml" || die "easkit wbxml2xml did not give corpusgen's XML ($d)"
done

# wall CMD...: median wall time in milliseconds.
wall() {
	if command -v hyperfine >/dev/null; then
		hyperfine -N --style none --warmup 3 --runs "$RUNS" --export-csv "$work/h.csv" -- "$*" >/dev/null 2>&1 ||
			die "hyperfine failed on: $*"
		awk -F, 'NR == 2 { printf "%.1f", $4 * 1000 }' "$work/h.csv"
	else
		for _ in 1 2 3; do "$@" >/dev/null 2>&1; done
		for _ in $(seq "$RUNS"); do
			s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N)
			echo $(((e - s) / 1000))
		done | sort -n | awk '{ v[NR] = $1 } END { printf "%.1f", v[int((NR + 1) / 2)] / 1000 }'
	fi
}

# rss CMD...: largest peak resident set size in MB over 5 runs.
rss() {
	for _ in 1 2 3 4 5; do
		/usr/bin/time -f %M -o "$work/rss" "$@" >/dev/null 2>&1
		cat "$work/rss"
	done | sort -n | tail -1 | awk '{ printf "%.1f", $1 / 1024 }'
}

size() { awk -v n="$(stat -c %s "$1")" 'BEGIN { printf "%.1f MB", n / 1e6 }'; }

echo "# easkit CLIs against libwbxml $(dpkg-query -W -f '${Version}' libwbxml2-utils 2>/dev/null || echo '?'), whole process"
echo
echo "$(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'); $(go version | cut -d' ' -f3); load average before: $load; $RUNS runs each"
echo
echo "| conversion | input | easkit | libwbxml | speed-up | floor: cp of the output | libwbxml ÷ floor | easkit peak RSS | libwbxml peak RSS |"
echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
# The floor is the time cp takes to copy a file of the output's size into
# the same place: a process that reads and writes as many bytes as the
# conversion and does nothing else. libwbxml ÷ floor is the largest speed-up
# any tool could show on this machine.
row() { # row NAME INPUT "EASKIT CMD" "LIBWBXML CMD" OUTPUT-LIKE-FILE
	local e l c er lr
	# shellcheck disable=SC2086
	e=$(wall $3); l=$(wall $4); c=$(wall cp "$5" "$work/out/floor"); er=$(rss $3); lr=$(rss $4)
	printf '| %s | %s | %s ms | %s ms | %.1f× | %s ms | %.1f× | %s MB | %s MB |\n' "$1" "$(size "$2")" "$e" "$l" \
		"$(awk -v a="$l" -v b="$e" 'BEGIN { print a / b }')" "$c" \
		"$(awk -v a="$l" -v b="$c" 'BEGIN { print a / b }')" "$er" "$lr"
}
for d in small large; do
	in=$work/$d/SyncEmail
	row "WBXML → XML" "$in.wbxml" \
		"$work/bin/wbxml2xml -o $work/out/e.xml $in.wbxml" \
		"$lib_w2x -l ACTIVESYNC -o $work/out/l.xml $in.wbxml" \
		"$in.xml"
done
for d in small large; do
	in=$work/$d/SyncEmail
	row "XML → WBXML" "$in.xml" \
		"$work/bin/xml2wbxml -o $work/out/e.wbxml $in.xml" \
		"$lib_x2w -a -n -o $work/out/l.wbxml $in.xml" \
		"$in.wbxml"
done

# What starting a process costs here, before any work.
printf 'package main\n\nfunc main() {}\n' >"$work/empty.go"
go build -o "$work/bin/empty" "$work/empty.go"
echo
echo "Starting a process and exiting: an empty Go program $(wall "$work/bin/empty") ms, /bin/true $(wall /bin/true) ms."
