#!/usr/bin/env bash
# Time commands over one folder interleaved: round after round, each command once per round, the
# order reversed every other round, so a machine whose speed drifts during the runs (as this
# VM's does, by 15% within a minute) slows every command alike. hyperfine runs each command's
# runs in a row instead, and its ratios then move with the drift.
#
# usage: scripts/interleave.sh ROUNDS DIR 'name=command' ...
#   each command gets DIR as its last argument, its output goes to /dev/null;
#   prints, per command, the median wall, user and system seconds and each round's wall time.
# e.g.   scripts/interleave.sh 5 /tmp/real40k \
#          'rg=rg -c -i -F -f /tmp/aliases.txt' \
#          'techdivide=target/release/techdivide --no-seeds --counts -'
set -euo pipefail
rounds=$1 dir=$2
shift 2
[ $# -ge 1 ] || { echo "usage: $0 ROUNDS DIR 'name=command' ..." >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for r in $(seq "$rounds"); do
  if (( r % 2 )); then order=("$@"); else order=(); for ((i = $#; i >= 1; i--)); do order+=("${!i}"); done; fi
  for spec in "${order[@]}"; do
    name=${spec%%=*} cmd=${spec#*=}
    # shellcheck disable=SC2086 # the command is split into its words on purpose
    /usr/bin/time -f "%e %U %S" -a -o "$tmp/$name" $cmd "$dir" > /dev/null 2> "$tmp/$name.err" || {
      echo "$name failed in round $r:" >&2; cat "$tmp/$name.err" >&2; exit 1; }
  done
done
median() { sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
for spec in "$@"; do
  name=${spec%%=*}
  wall=$(cut -d' ' -f1 "$tmp/$name" | median)
  user=$(cut -d' ' -f2 "$tmp/$name" | median)
  sys=$(cut -d' ' -f3 "$tmp/$name" | median)
  echo "$name: wall $wall s, user $user s, system $sys s (medians of $rounds; walls: $(cut -d' ' -f1 "$tmp/$name" | tr '\n' ' '))"
done
