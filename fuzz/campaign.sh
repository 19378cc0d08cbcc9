#!/usr/bin/env bash
# A long fuzzing campaign: every fuzz target of the module (the cross-package
# targets here and the per-package ones), one after the other, for DURATION
# each.
#
#   fuzz/campaign.sh DURATION [PARALLEL]    e.g. fuzz/campaign.sh 10m
#                                                fuzz/campaign.sh 2h 2
#
# PARALLEL is each target's -parallel (default 1). Environment: FUZZ_MATCH
# selects targets (an extended regular expression on "package target", e.g.
# FUZZ_MATCH='^github.com/easkit/easkit/fuzz '), FUZZ_JOBS fuzzes several
# targets at once (default 1). Each target's output is kept in
# $LOGDIR (default /tmp/easkit-campaign-DATE), with a summary at the end.
#
# A crasher stops nothing: the campaign goes on with the other targets and
# fails at the end. Go has written the crasher under the package's
# testdata/fuzz/<Target>/: fix the bug, then commit the file as a regression
# input. Inputs that only widened coverage stay in Go's cache
# ($(go env GOCACHE)/fuzz); copy the ones worth keeping into testdata/fuzz.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "usage: fuzz/campaign.sh DURATION [PARALLEL]" >&2
  exit 2
fi
logdir="${LOGDIR:-/tmp/easkit-campaign-$(date -u +%Y%m%dT%H%M%SZ)}"
mkdir -p "$logdir"
echo "campaign: $1 per target, -parallel ${2:-1}, logs in $logdir"
status=0
FUZZ_JOBS="${FUZZ_JOBS:-1}" FUZZ_PARALLEL="${2:-1}" FUZZ_MINIMIZE="${FUZZ_MINIMIZE:-30s}" FUZZ_LOGDIR="$logdir" .ci/fuzz "$1" | tee "$logdir/summary.txt" || status=1
crashers=$(git status --porcelain --untracked-files=all -- '*/testdata/fuzz/*' | awk '{ print $2 }')
if [ -n "$crashers" ]; then
  echo "new inputs under testdata/fuzz (crashers to fix and commit):"
  echo "$crashers"
fi
exit "$status"
