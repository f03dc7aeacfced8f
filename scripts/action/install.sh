#!/usr/bin/env bash
# Builds credlint from the action's own checkout (the release profile: fast to build) into
# $CREDLINT_ROOT/bin, with the dependency versions of Cargo.lock.
set -euo pipefail
if ! command -v cargo >/dev/null; then
  echo "::error title=credlint::cargo is not installed on this runner; add a Rust toolchain step (e.g. dtolnay/rust-toolchain@stable) before credlint" >&2
  exit 2
fi
cargo install --path "$GITHUB_ACTION_PATH" --locked --root "$CREDLINT_ROOT"
