#!/usr/bin/env bash
# The action's cache key: the runner's system, the action's ref, and a hash of every file
# the binary is built from (a moved tag or a local `uses: ./` never reuses a stale build).
# Writes `key=...` to $GITHUB_OUTPUT.
set -euo pipefail
cd "$GITHUB_ACTION_PATH"
sources=()
for f in Cargo.toml Cargo.lock build.rs src rules; do
  if [[ -e $f ]]; then sources+=("$f"); fi
done
hash=$(find "${sources[@]}" -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum)
ref=${ACTION_REF:-local}
# a ref may hold characters a cache key should not (e.g. `/` in a branch name)
echo "key=credlint-${RUNNER_OS:-unknown}-${RUNNER_ARCH:-unknown}-${ref//[^A-Za-z0-9._-]/_}-${hash%% *}" >>"$GITHUB_OUTPUT"
