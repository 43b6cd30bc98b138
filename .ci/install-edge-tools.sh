#!/usr/bin/env bash
# What the edge step (.ci/edge.sh) needs beyond the .NET SDK, from Debian's packages: clang, which NativeAOT links with
# (it falls back to gcc on x64, but cross-linking needs clang's --target); the arm64 cross binutils, C library and
# libgcc, which clang links an arm64 binary against; and qemu-user-static, which runs that binary on this x64 machine.
# Installs only what is missing.
set -euo pipefail

missing=()
for package in clang binutils-aarch64-linux-gnu libc6-dev-arm64-cross libgcc-12-dev-arm64-cross qemu-user-static; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ "${#missing[@]}" -gt 0 ]; then
  echo "Installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
