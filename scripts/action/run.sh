#!/usr/bin/env bash
# The action's check: runs `credlint check` with the action's inputs, which arrive as
# environment variables (INPUT_*), never pasted into this script. Also used by the tests
# (tests/integrations.rs), with CREDLINT pointing at the binary under test.
set -euo pipefail

credlint=${CREDLINT:-credlint}

fail() {
  echo "::error title=credlint::$1" >&2
  exit 2
}

# The revision changed-only compares with: the `base` input, the pull request's base, or
# on a push the commit before it. Fetched when a shallow checkout lacks it.
diff_base() {
  local base=${INPUT_BASE:-${PR_BASE_SHA:-}}
  if [[ -z $base && -n ${PUSH_BEFORE_SHA:-} && ! $PUSH_BEFORE_SHA =~ ^0+$ ]]; then
    base=$PUSH_BEFORE_SHA
  fi
  [[ -n $base ]] || fail "changed-only needs a pull_request or push event, or the base input"
  if ! git rev-parse --quiet --verify "$base^{commit}" >/dev/null; then
    git fetch --quiet --no-tags --depth=1 origin "$base" ||
      fail "cannot fetch the base commit $base: check out with fetch-depth: 0"
  fi
  printf '%s' "$base"
}

# Common arguments, in an array so that paths with spaces stay whole.
args=(check --fail-on "${INPUT_FAIL_ON:-warning}")
if [[ -n ${INPUT_CONFIG:-} ]]; then
  args+=(--config "$INPUT_CONFIG")
fi
case ${INPUT_CHANGED_ONLY:-false} in
  true)
    base=$(diff_base) # on its own line: set -e stops the script if diff_base fails
    args+=(--diff "$base")
    ;;
  false | "") ;;
  *) fail "changed-only must be true or false, not '$INPUT_CHANGED_ONLY'" ;;
esac
# paths: split on spaces and newlines only (read does no glob expansion)
read -r -d '' -a paths <<<"${INPUT_PATHS:-.}" || true
[[ ${#paths[@]} -gt 0 ]] || paths=(.)

# SARIF first, so that the report exists even when the check below fails. Its exit status
# 1 only says there are findings; 2 is an error (bad configuration, unreadable file).
if [[ -n ${INPUT_SARIF_FILE:-} ]]; then
  status=0
  "$credlint" "${args[@]}" --quiet --format sarif -- "${paths[@]}" >"$INPUT_SARIF_FILE" || status=$?
  [[ $status -le 1 ]] || exit "$status"
  echo "sarif-file=$INPUT_SARIF_FILE" >>"${GITHUB_OUTPUT:-/dev/null}"
fi

exec "$credlint" "${args[@]}" --format "${INPUT_FORMAT:-github}" -- "${paths[@]}"
