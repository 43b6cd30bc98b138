#!/usr/bin/env bash
# The runner on a real Slurm: a small grid submitted by `compare --slurm submit` as a 4-task array, one task killed
# (SIGKILL, as a dying node would) mid-run, the merge job left waiting on it cancelled, the task re-submitted alone,
# the merge submitted, and the result compared byte for byte with a single-process run of the same grid.
# Needs a running Slurm (start.sh) and the built runner (dotnet build samples/NegLR.Experiments -c Release).
# Ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/../.."

program=samples/NegLR.Experiments/bin/Release/net10.0/NegLR.Experiments.dll
work=$(mktemp -d /tmp/neglr-slurm.XXXXXX)
trap 'rm -rf "$work"' EXIT
grid=(--benchmarks vqe-h2,vqe-tfim6,qaoa-ring6-p2,cls-iris-hea-local-ce --optimizers nlr,adam,spsa --seeds 4 --steps 150 \
      --shots 0,100 --bootstrap 500 --no-plots)
out="$work/sharded"
passed=0
failed=0
check() {  # check NAME COMMAND…: one test
  if "${@:2}"; then passed=$((passed + 1)); echo "ok: $1"; else failed=$((failed + 1)); echo "FAILED: $1"; fi
}
finish() {
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
  exit $?
}
state_of() { scontrol show job "$1" 2>/dev/null | sed -n 's/.*JobState=\([A-Z_]*\).*/\1/p' | head -1; }

if ! dotnet "$program" compare "${grid[@]}" --out "$out" --slurm submit --shards 4 --jobs 1 > "$work/submit.log" 2>&1; then
  cat "$work/submit.log"; failed=1; finish
fi
cat "$work/submit.log"
array=$(sed -n 's/^Submitted array job \([0-9]*\) .*merge job \([0-9]*\);.*/\1/p' "$work/submit.log")
merge=$(sed -n 's/^Submitted array job \([0-9]*\) .*merge job \([0-9]*\);.*/\2/p' "$work/submit.log")
check "the submit helper submitted an array and a merge job" test -n "$array" -a -n "$merge"
[ -n "$array" ] || finish

# Kill task 1 once it has run for a while (its process is then mid-grid: it writes run files as it goes).
victim="${array}_1"
for _ in $(seq 1 120); do
  [ "$(state_of "$victim")" = RUNNING ] && break
  sleep 0.5
done
# Mid-run: its log says it has started its share of the grid (start-up is slow on a loaded machine), then a moment more.
for _ in $(seq 1 240); do
  grep -q 'shard 1/4 holds' "$out.logs/slurm-${array}_1.log" 2>/dev/null && break
  sleep 0.5
done
sleep 1.5
before=$(find "$out/runs" -name 'seed-*.json' 2>/dev/null | wc -l)
scancel --signal=KILL --full "$victim"
for _ in $(seq 1 60); do
  case "$(state_of "$victim")" in RUNNING|COMPLETING|PENDING|"") sleep 0.5 ;; *) break ;; esac
done
echo "task $victim: $(state_of "$victim") after $before run files were on disk"
check "task 1 was killed mid-run, not finished" test "$(state_of "$victim")" != COMPLETED

# The other tasks finish; the merge can never start (afterok on a killed task): cancel it.
for _ in $(seq 1 600); do
  pending=$(squeue -h -j "$array" -o '%i %T' 2>/dev/null | grep -c -E 'RUNNING|PENDING|COMPLETING' || true)
  [ "$pending" -eq 0 ] && break
  sleep 1
done
check "no summary without the killed task's runs" test ! -e "$out/summary.json"
scancel "$merge" 2>/dev/null || true

# Re-run the dead task alone, then merge (the commands the script's header gives).
sbatch --wait --array=1 "$out.task.sbatch" > /dev/null
check "the re-submitted task succeeded" test "$(state_of "${array}_1" || true)" != FAILED
grep -h 'shard 1/4' "$out.logs"/slurm-*_1.log | tail -1
sbatch --wait "$out.merge.sbatch" > /dev/null
check "the merge job wrote summary.json" test -s "$out/summary.json"

# The same grid in one process.
single="$work/single"
dotnet "$program" compare "${grid[@]}" --out "$single" --no-progress --jobs 2 > "$work/single.log" 2>&1 || cat "$work/single.log"
for f in summary.json steps.csv report.md; do
  check "$f of the sharded run equals the single-process run's" \
    cmp -s <(sed "s|$out|OUT|g" "$out/$f") <(sed "s|$single|OUT|g" "$single/$f")
done
finish
