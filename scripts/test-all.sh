#!/usr/bin/env bash
# Runs every test layer (unit, LSP, grammar, real editors) and ends with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
LOGDIR=${VN_CORPUS_TEST_LOGS:-$(mktemp -d /tmp/vn-corpus-tests.XXXXXX)}
passed=0
failed=0

# Adds a layer's counts; a layer that crashed without counts is one failure.
tally() {
  local name=$1 rc=$2 p=$3 f=$4
  if [[ -z "$p" && -z "$f" ]]; then p=0; f=$(( rc == 0 ? 0 : 1 )); fi
  p=${p:-0}; f=${f:-0}
  if (( rc != 0 && f == 0 )); then f=1; fi
  echo "== $name: $p passed, $f failed (exit $rc)"
  passed=$((passed + p)); failed=$((failed + f))
}

node_test_layer() {
  local name=$1 dir=$2 log="$LOGDIR/$1.log"
  node --test "$dir" >"$log" 2>&1
  local rc=$?
  grep -E '^not ok|^# (tests|pass|fail|skipped)' "$log" | sed 's/^/   /'
  # Tests that need data outside the repository (../shared) skip with their reason; show each one.
  grep -E '# SKIP' "$log" | sed 's/^ *ok [0-9]* - /   skipped: /'
  (( rc != 0 )) && grep -A30 '^not ok' "$log" | head -120
  tally "$name" "$rc" "$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$log" | tail -1)" "$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$log" | tail -1)"
}

echo "== build"
if ! npm run -s build >"$LOGDIR/build.log" 2>&1; then
  cat "$LOGDIR/build.log"
  echo "0 passed, 1 failed"
  exit 1
fi

npx --no-install eslint server/src client/src server/test server/test-lsp >"$LOGDIR/lint.log" 2>&1
rc=$?
(( rc != 0 )) && cat "$LOGDIR/lint.log"
tally lint "$rc" "$(( rc == 0 ? 1 : 0 ))" "$(( rc == 0 ? 0 : 1 ))"

node_test_layer unit server/out/test/
node_test_layer lsp server/out/test-lsp/

npx --no-install vscode-tmgrammar-test -g syntaxes/vn-article.tmLanguage.json "syntaxes/tests/*.test.txt" >"$LOGDIR/grammar.log" 2>&1
rc=$?
cat "$LOGDIR/grammar.log" | sed 's/^/   /' | tail -20
tally grammar "$rc" "$(grep -c 'run successfuly' "$LOGDIR/grammar.log")" "$(grep -cE '^✖|failed' "$LOGDIR/grammar.log")"

# The Dask pipeline against a single-process clean; installs python3-distributed itself, or says why it is skipped.
bash pipelines/test.sh >"$LOGDIR/dask.log" 2>&1
rc=$?
grep -E '^(skipped|python|installing|# pass|# fail|FAIL|ERROR|clean:)' "$LOGDIR/dask.log" | sed 's/^/   /'
(( rc != 0 )) && tail -40 "$LOGDIR/dask.log"
if grep -q '^skipped:' "$LOGDIR/dask.log"; then echo "== dask: not run ($(sed -n 's/^skipped: //p' "$LOGDIR/dask.log"))"
else tally dask "$rc" "$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$LOGDIR/dask.log" | tail -1)" "$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$LOGDIR/dask.log" | tail -1)"
fi

if npm run -s package >"$LOGDIR/package.log" 2>&1; then
  node_test_layer package server/out/test-package/
else
  tail -30 "$LOGDIR/package.log"
  tally package 1 0 1
fi

if [[ "${VN_CORPUS_SKIP_E2E:-}" == "1" ]]; then
  echo "== e2e: not run (VN_CORPUS_SKIP_E2E=1)"
else
  E2E_SKIP_PACKAGE=1 bash e2e/run.sh 2>&1 | tee "$LOGDIR/e2e.log"
  rc=${PIPESTATUS[0]}
  line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$LOGDIR/e2e.log" | tail -1)
  tally e2e "$rc" "$(echo "$line" | sed -n 's/^\([0-9]*\) passed.*/\1/p')" "$(echo "$line" | sed -n 's/.*, \([0-9]*\) failed.*/\1/p')"
fi

echo "logs: $LOGDIR"
echo "$passed passed, $failed failed"
(( failed == 0 ))
