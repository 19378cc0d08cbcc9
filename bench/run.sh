#!/usr/bin/env bash
# Reproduces the figures of bench/README.md:
#   bench/results.txt     raw `go test -bench` output, -count=10
#   bench/benchstat.txt   benchstat's summary of it
#   bench/machine.txt     when, on what, and under what load it was measured
#   bench/throughput.svg  the chart (go run ./bench/chart)
#   bench/tables.md       the README's summary tables (go run ./bench/chart -markdown)
# and, when bench/cli.sh exists, the whole-process comparison with
# libwbxml's CLIs (bench/CLI.md).
#
# Usage: bench/run.sh [-bench REGEXP] [-count N] [-benchtime D]
#
# Benchmarks need a quiet machine: the script waits (up to MAXWAIT
# seconds, default 1800) until the 1-minute load average is below MAXLOAD
# (default 1.5), and records the load before and after.
set -euo pipefail
cd "$(dirname "$0")/.."

bench=. count=10 benchtime=1s
while [ $# -gt 0 ]; do
  case "$1" in
    -bench) bench="$2"; shift 2 ;;
    -count) count="$2"; shift 2 ;;
    -benchtime) benchtime="$2"; shift 2 ;;
    *) echo "usage: bench/run.sh [-bench REGEXP] [-count N] [-benchtime D]" >&2; exit 2 ;;
  esac
done

load() { cut -d' ' -f1 /proc/loadavg; }
quiet() { awk -v l="$(load)" -v m="${MAXLOAD:-1.5}" 'BEGIN { exit !(l < m) }'; }

gobin="$(go env GOPATH)/bin"
if ! command -v benchstat >/dev/null 2>&1 && [ ! -x "$gobin/benchstat" ]; then
  go install golang.org/x/perf/cmd/benchstat@latest
fi
benchstat=$(command -v benchstat || echo "$gobin/benchstat")

# Build before waiting, not while measuring, and note what was built.
rev="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
git diff --quiet HEAD 2>/dev/null || rev="$rev with uncommitted changes"
go test -c -o /tmp/easkit-bench.test ./bench

waited=0
until quiet; do
  if [ "$waited" -ge "${MAXWAIT:-1800}" ]; then
    echo "bench/run.sh: load $(load) still above ${MAXLOAD:-1.5} after ${waited}s; measuring anyway" >&2
    break
  fi
  sleep 30; waited=$((waited + 30))
done

before=$(cat /proc/loadavg)
start=$(date -u +%Y-%m-%dT%H:%M:%SZ)
(cd bench && /tmp/easkit-bench.test -test.run '^$' -test.bench "$bench" -test.benchmem \
  -test.count "$count" -test.benchtime "$benchtime" -test.timeout 2h) | tee bench/results.txt
after=$(cat /proc/loadavg)

{
  echo "date:        $start"
  echo "go:          $(go version)"
  echo "cpu:         $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  echo "cores:       $(nproc)"
  echo "os:          $(uname -sr)"
  echo "commit:      $rev"
  echo "command:     go test -run '^\$' -bench '$bench' -benchmem -count $count -benchtime $benchtime ./bench"
  echo "load before: $before"
  echo "load after:  $after"
} > bench/machine.txt
cat bench/machine.txt

"$benchstat" bench/results.txt > bench/benchstat.txt
go run ./bench/chart < bench/results.txt > bench/throughput.svg
go run ./bench/chart -markdown < bench/results.txt > bench/tables.md

if [ -x bench/cli.sh ]; then
  # It refuses to measure on a busy machine, and needs libwbxml2-utils.
  echo "== whole-process comparison with libwbxml: bench/cli.sh (figures in bench/CLI.md)"
  bench/cli.sh || echo "bench/run.sh: bench/cli.sh did not finish; run it again on a quiet machine" >&2
fi
