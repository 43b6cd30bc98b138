#!/usr/bin/env bash
# The edge checks of docs/edge.md, on the Iris sample:
#  1. -p:PublishAot=true on the command line works for every sample (it once failed NETSDK1207 in the compiler
#     components' restore).
#  2. NativeAOT for linux-x64: 0 trim/AOT warnings; size; start-up time against the JIT build; a full training run whose
#     trained weights have the JIT run's bits (same 256-bit kernels and register tiles: the package's x86-64-v3 default).
#  3. NativeAOT cross-compiled for linux-arm64 and run under qemu-user: 0 warnings; it must run the 128-bit kernels and
#     the generated 128-bit register tiles, and train to the bits of the x64 JIT build (the 128-bit tiles and kernels
#     give the 256-bit ones' bits). The x64 JIT run with AVX2 off runs neither tiles (.NET 10 drops FMA with AVX2) and
#     is only checked to run.
set -euo pipefail
cd "$(dirname "$0")/.."

sample=samples/NegLR.Samples.IrisClassifier
name=NegLR.Samples.IrisClassifier
out=artifacts/edge
rm -rf "$out"
mkdir -p "$out"
bash .ci/install-edge-tools.sh

fail() { echo "edge: $*" >&2; exit 1; }

# Prints the trim/AOT (and any other) warnings of a build log; fails when there is one.
no_warnings() {
  local warnings
  warnings=$(grep -E ": warning [A-Z]+[0-9]+" "$1" | sort -u || true)
  if [ -n "$warnings" ]; then
    echo "$warnings"
    fail "$(echo "$warnings" | wc -l) warning(s) in $1"
  fi
  echo "  0 warnings"
}

field() { grep -E "^$1 " | sed -E "s/^$1 +//"; }

median_ms() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

# Wall time of a command in milliseconds, median of 5 runs.
startup_ms() {
  for _ in 1 2 3 4 5; do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null
    end=$(date +%s%N)
    echo $(((end - start) / 1000000))
  done | median_ms
}

echo "== -p:PublishAot=true restores for every sample"
for dir in samples/NegLR.Samples.*/; do
  s=$(basename "$dir")
  dotnet restore "samples/$s" -r linux-x64 -p:PublishAot=true >"$out/$s.restore.log" 2>&1 \
    || { cat "$out/$s.restore.log"; fail "restore of $s with -p:PublishAot=true failed"; }
  echo "  $s: ok"
done

echo "== JIT build (the reference)"
dotnet build "$sample" -c Release >"$out/jit.build.log" 2>&1 || { cat "$out/jit.build.log"; fail "JIT build failed"; }
jit_dll="$sample/bin/Release/net10.0/$name.dll"
dotnet "$jit_dll" >"$out/jit.run.txt" || { cat "$out/jit.run.txt"; fail "the JIT sample failed"; }
DOTNET_EnableAVX2=0 dotnet "$jit_dll" >"$out/jit-avx2-off.run.txt" || { cat "$out/jit-avx2-off.run.txt"; fail "the JIT sample with AVX2 off failed"; }

echo "== NativeAOT, linux-x64"
dotnet publish "$sample" -c Release -r linux-x64 -p:PublishAot=true -o "$out/linux-x64" >"$out/linux-x64.publish.log" 2>&1 \
  || { cat "$out/linux-x64.publish.log"; fail "NativeAOT publish for linux-x64 failed"; }
no_warnings "$out/linux-x64.publish.log"
aot="$out/linux-x64/$name"
"$aot" >"$out/linux-x64.run.txt" || { cat "$out/linux-x64.run.txt"; fail "the NativeAOT sample failed"; }
cat "$out/linux-x64.run.txt"
if grep -qw avx2 /proc/cpuinfo; then
  kernels=$(field kernels <"$out/linux-x64.run.txt")
  [ "$kernels" = "256-bit SIMD, register tiles (NativeAOT)" ] || fail "the x64 NativeAOT build runs '$kernels', not the 256-bit kernels and register tiles"
  [ "$(field fingerprint <"$out/linux-x64.run.txt")" = "$(field fingerprint <"$out/jit.run.txt")" ] \
    || fail "NativeAOT and JIT trained to different bits: $(field fingerprint <"$out/linux-x64.run.txt") vs $(field fingerprint <"$out/jit.run.txt")"
  echo "  trained weights: the JIT run's bits"
fi

echo "== NativeAOT, linux-arm64 (cross-compiled), run under qemu-user"
dotnet publish "$sample" -c Release -r linux-arm64 -p:PublishAot=true -o "$out/linux-arm64" >"$out/linux-arm64.publish.log" 2>&1 \
  || { cat "$out/linux-arm64.publish.log"; fail "NativeAOT publish for linux-arm64 failed"; }
no_warnings "$out/linux-arm64.publish.log"
arm="$out/linux-arm64/$name"
arm_start=$(date +%s%N)
QEMU_LD_PREFIX=/usr/aarch64-linux-gnu qemu-aarch64-static "$arm" >"$out/linux-arm64.run.txt" \
  || { cat "$out/linux-arm64.run.txt"; fail "the arm64 sample failed under qemu"; }
arm_ms=$((($(date +%s%N) - arm_start) / 1000000))
cat "$out/linux-arm64.run.txt"
kernels=$(field kernels <"$out/linux-arm64.run.txt")
[ "$kernels" = "128-bit SIMD, register tiles (NativeAOT)" ] || fail "the arm64 build runs '$kernels', not the 128-bit kernels and register tiles"
[ "$(field fingerprint <"$out/linux-arm64.run.txt")" = "$(field fingerprint <"$out/jit.run.txt")" ] \
  || fail "arm64 and the x64 JIT trained to different bits: $(field fingerprint <"$out/linux-arm64.run.txt") vs $(field fingerprint <"$out/jit.run.txt")"
echo "  trained weights: the bits of the x64 JIT run (256-bit kernels and tiles)"

echo "== Edge summary (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
printf '  %-34s %s\n' "linux-x64 NativeAOT binary" "$(stat -c %s "$aot") bytes"
printf '  %-34s %s\n' "linux-arm64 NativeAOT binary" "$(stat -c %s "$arm") bytes"
printf '  %-34s %s\n' "start-up, NativeAOT (median of 5)" "$(startup_ms "$aot" --startup) ms"
printf '  %-34s %s\n' "start-up, JIT (median of 5)" "$(startup_ms dotnet "$jit_dll" --startup) ms"
printf '  %-34s %s\n' "training step, NativeAOT" "$(field 'per step' <"$out/linux-x64.run.txt")"
printf '  %-34s %s\n' "training step, JIT" "$(field 'per step' <"$out/jit.run.txt")"
printf '  %-34s %s\n' "arm64 run under qemu (emulated)" "$arm_ms ms"
