#!/usr/bin/env bash
# e2e/run.sh — real-editor end-to-end tests (`npm run test:e2e` at the root).
#
#   0. e2e/setup.sh (apt packages, e2e/node_modules) and `npm run package` at the root
#   1. nvim    — Neovim 0.7 headless LSP client  ->  node bin/vn-corpus lsp --stdio
#   2. ui      — code-server + Chromium (playwright-core) with the packaged .vsix installed
#   2b. sites  — the same, driving site profiles and learning from the curator (e2e/ui/sites.js)
#   3. exthost — e2e/exthost/suite.js inside code-server's real Node extension host
#   4. report  — the corpus report webview (e2e/report/drive-report.js) and `vn-corpus report --html` offline
#
# Each stage prints `N passed, N failed`; the last line of this script is the sum
# over all stages. A stage that crashes or times out without failing tests counts
# as one failure. Exit status is non-zero if anything failed.
#
# Env knobs:
#   E2E_SHOTS         screenshot dir (default /tmp/vn-corpus-e2e/shots)
#   E2E_WORK          work dir (default: a fresh /tmp/vn-corpus-e2e/run.XXXXXX)
#   E2E_KEEP=1        keep the work dir even when everything passed
#   E2E_SKIP_SETUP=1  do not run setup.sh;  E2E_SKIP_PACKAGE=1  do not run `npm run package`
#   E2E_STAGES        subset to run, e.g. "nvim exthost" (default "nvim ui sites exthost")
#   VN_CORPUS_ROOT    extension root under test (default: this repo)
set -uo pipefail

E2E=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$E2E/.." && pwd)
EXT_ROOT=${VN_CORPUS_ROOT:-$REPO}
BASE=/tmp/vn-corpus-e2e
mkdir -p "$BASE"
export E2E_SHOTS=${E2E_SHOTS:-$BASE/shots}
STAGES=${E2E_STAGES:-nvim ui sites exthost report}
SEED=002_cc6c1fb2d5522765.txt
T_START=$SECONDS

say() { printf '[e2e] %s\n' "$*"; }

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

# Kill every code-server we started (pid files hold the setsid'd process-group ids).
kill_all_cs() {
  local f pid
  for f in "$WORK"/cs-*.pid; do
    [[ -f $f ]] || continue
    pid=$(cat "$f")
    kill -TERM -- "-$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$pid" 2>/dev/null || true
    rm -f "$f"
  done
}

# start_cs NAME USER_DATA_DIR EXTS_DIR -> sets CS_URL, CS_PID; non-zero if not healthy.
start_cs() {
  local name=$1 ud=$2 exts=$3 port t0=$SECONDS
  port=$(free_port) || return 1
  setsid "$E2E/node_modules/.bin/code-server" --config "$WORK/cs.yaml" --user-data-dir "$ud" \
    --extensions-dir "$exts" --bind-addr "127.0.0.1:$port" --auth none \
    --disable-telemetry --disable-update-check --disable-workspace-trust \
    --disable-getting-started-override --ignore-last-opened >"$WORK/code-server-$name.log" 2>&1 &
  CS_PID=$!
  echo "$CS_PID" >"$WORK/cs-$name.pid"
  CS_URL=http://127.0.0.1:$port
  # Wait for /healthz (or for the process to die), at most 60 s.
  until curl -sf -o /dev/null --max-time 2 "$CS_URL/healthz"; do
    if ! kill -0 "$CS_PID" 2>/dev/null; then
      say "code-server ($name) exited during startup:"; tail -n 30 "$WORK/code-server-$name.log"; return 1
    fi
    if ((SECONDS - t0 > 60)); then
      say "code-server ($name) not healthy after 60 s:"; tail -n 30 "$WORK/code-server-$name.log"; return 1
    fi
    sleep 0.1
  done
  say "code-server ($name) up at $CS_URL in $((SECONDS - t0))s (pid $CS_PID)"
}

# make_ws DIR: workspace with copies of the seeds plus a plain text file.
make_ws() {
  mkdir -p "$1/seeds" "$1/other"
  cp "$REPO"/seeds/*.txt "$1/seeds/"
  printf 'Ghi chú nội bộ, không phải bài báo.\nPlain notes, not an article.\n' >"$1/other/notes.txt"
}

# make_sites_ws DIR: the synthetic site pages under corpus/ plus three pages sharing one line (for e2e/ui/sites.js).
make_sites_ws() {
  mkdir -p "$1/corpus/misc"
  cp -r "$REPO/server/test/corpora/sites/crawl/." "$1/corpus/"
  local n
  for n in 1 2 3; do
    printf 'Bài ghi chép số %s về một làng nghề ven đô\nLàng nghề số %s đã giữ được nghề truyền thống qua nhiều thế hệ.\nXem thêm chuyên đề Mùa xuân quê hương\n' "$n" "$n" >"$1/corpus/misc/x$n.txt"
  done
}

user_settings() {
  mkdir -p "$1/User"
  cat >"$1/User/settings.json" <<'JSON'
{
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true,
  "update.mode": "none",
  "telemetry.telemetryLevel": "off",
  "security.workspace.trust.enabled": false,
  "outline.collapseItems": "alwaysExpand",
  "window.restoreWindows": "none",
  "files.hotExit": "off"
}
JSON
}

# Stage 2: code-server UI with the packaged .vsix installed.
ui_stage() {
  local ud=$WORK/ui/user-data exts=$WORK/ui/extensions listed rc=0
  mkdir -p "$exts"; user_settings "$ud"; make_ws "$WORK/ui/ws"
  say "installing $VSIX"
  "$E2E/node_modules/.bin/code-server" --config "$WORK/cs.yaml" --user-data-dir "$ud" --extensions-dir "$exts" \
    --install-extension "$VSIX" >"$WORK/ui/install.log" 2>&1 || { cat "$WORK/ui/install.log"; return 1; }
  listed=$("$E2E/node_modules/.bin/code-server" --config "$WORK/cs.yaml" --user-data-dir "$ud" \
    --extensions-dir "$exts" --list-extensions --show-versions 2>/dev/null)
  say "installed: ${listed//$'\n'/ }"
  grep -q 'vn-news-corpus' <<<"$listed" || { say "extension not listed after install"; cat "$WORK/ui/install.log"; return 1; }
  start_cs ui "$ud" "$exts" || return 1
  node "$E2E/ui/drive.js" "$CS_URL" "$WORK/ui/ws" || rc=$?
  kill_all_cs
  ((rc == 0)) || say "code-server logs: $ud/logs (extension host and LSP output under exthost*/)"
  return $rc
}

# Stage 4: the corpus report in the workbench (seeds, and ../shared/corpus when present) and the standalone HTML file.
report_stage() {
  local ud=$WORK/report/user-data exts=$WORK/report/extensions rc=0 corpus=$REPO/../shared/corpus
  mkdir -p "$exts"; user_settings "$ud"; make_ws "$WORK/report/ws"
  mkdir -p "$WORK/report/ws-corpus"
  if [[ -d $corpus ]]; then cp -r "$corpus" "$WORK/report/ws-corpus/corpus"; else say "skip: $corpus is absent, the report is tested on the seeds only"; fi
  "$E2E/node_modules/.bin/code-server" --config "$WORK/cs.yaml" --user-data-dir "$ud" --extensions-dir "$exts" \
    --install-extension "$VSIX" >"$WORK/report/install.log" 2>&1 || { cat "$WORK/report/install.log"; return 1; }
  start_cs report "$ud" "$exts" || return 1
  node "$E2E/report/drive-report.js" "$CS_URL" "$EXT_ROOT" "$WORK/report/ws:$WORK/report/ws/seeds:$SEED" \
    "$WORK/report/ws-corpus:$WORK/report/ws-corpus/corpus:baomoi_21471880.txt" | tee "$WORK/report/drive.log"
  ((PIPESTATUS[0] == 0)) || rc=1
  kill_all_cs
  node "$E2E/report/standalone.js" "$EXT_ROOT" "$REPO/seeds" "$corpus" | tee "$WORK/report/standalone.log"
  ((PIPESTATUS[0] == 0)) || rc=1
  # One closing line for the stage: the sum of both drivers' counts.
  local p=0 f=0 n m
  while read -r n _ m _; do p=$((p + n)) f=$((f + m)); done < <(grep -hE '^[0-9]+ passed, [0-9]+ failed$' "$WORK/report/drive.log" "$WORK/report/standalone.log")
  echo "$p passed, $f failed"
  return $rc
}

# Stage 2b: site profiles and learning from the curator, in the same installed extension.
sites_stage() {
  local ud=$WORK/sites/user-data exts=$WORK/sites/extensions rc=0
  mkdir -p "$exts"; user_settings "$ud"; make_sites_ws "$WORK/sites/ws"
  "$E2E/node_modules/.bin/code-server" --config "$WORK/cs.yaml" --user-data-dir "$ud" --extensions-dir "$exts" \
    --install-extension "$VSIX" >"$WORK/sites/install.log" 2>&1 || { cat "$WORK/sites/install.log"; return 1; }
  start_cs sites "$ud" "$exts" || return 1
  node "$E2E/ui/sites.js" "$CS_URL" "$WORK/sites/ws" || rc=$?
  kill_all_cs
  ((rc == 0)) || say "code-server logs: $ud/logs"
  return $rc
}

# Stage 3: extension-host API suite, extensionDevelopmentPath = the extension root.
exthost_stage() {
  local ud=$WORK/exthost/user-data exts=$WORK/exthost/extensions rc=0
  mkdir -p "$exts"; user_settings "$ud"; make_ws "$WORK/exthost/ws"
  [[ -f $EXT_ROOT/dist/extension.js ]] || say "warning: $EXT_ROOT/dist/extension.js is missing (not built?)"
  start_cs exthost "$ud" "$exts" || return 1
  node "$E2E/exthost/run.js" "$CS_URL" "$WORK/exthost/ws" "$EXT_ROOT" "$E2E/exthost/suite.js" || rc=$?
  kill_all_cs
  ((rc == 0)) || say "code-server logs: $ud/logs"
  return $rc
}

# Inner invocation (run by run_stage under `timeout`): bash run.sh --stage NAME
if [[ ${1:-} == --stage ]]; then
  : "${WORK:?}" "${VSIX:?}"
  export NODE_PATH=$E2E/node_modules
  trap kill_all_cs EXIT
  "$2"_stage
  exit $?
fi

# ---------------------------------------------------------------------------
# Outer invocation
# ---------------------------------------------------------------------------
if [[ -n ${E2E_WORK:-} ]]; then WORK=$E2E_WORK; rm -rf "$WORK"; mkdir -p "$WORK"
else WORK=$(mktemp -d "$BASE/run.XXXXXX"); fi
rm -rf "$E2E_SHOTS"; mkdir -p "$E2E_SHOTS"
VSIX=$EXT_ROOT/build/vn-news-corpus.vsix
export WORK VSIX EXT_ROOT
TOTAL_P=0 TOTAL_F=0
SUMMARY=()
trap kill_all_cs EXIT
trap 'say interrupted; exit 130' INT TERM

# record NAME PASSED FAILED SECONDS
record() {
  TOTAL_P=$((TOTAL_P + $2)) TOTAL_F=$((TOTAL_F + $3))
  SUMMARY+=("$(printf '%-8s %3d passed, %3d failed  %4ss' "$1" "$2" "$3" "$4")")
}

# run_stage NAME TIMEOUT_S CMD...: runs CMD with a timeout, tees its output to
# $WORK/NAME.log and parses its last `N passed, N failed` line.
run_stage() {
  local name=$1 secs=$2; shift 2
  local log=$WORK/$name.log t0=$SECONDS rc p=0 f=0 line
  say "=== stage $name ==="
  timeout --kill-after=10 "$secs" "$@" </dev/null 2>&1 \
    | grep --line-buffered -v 'chromium: [0-9]*: \[: .*unexpected operator' | tee "$log"
  rc=${PIPESTATUS[0]}
  kill_all_cs   # in case the stage was killed by the timeout
  line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log" | tail -n 1 || true)
  if [[ -n $line ]]; then
    p=${line%% passed*}; f=${line#*passed, }; f=${f%% failed}
  fi
  if [[ $rc -ne 0 && $f -eq 0 ]]; then
    f=1
    if [[ $rc -eq 124 || $rc -eq 137 ]]; then say "stage $name TIMED OUT after ${secs}s (counted as 1 failure)"
    else say "stage $name CRASHED with exit code $rc (counted as 1 failure)"; fi
  fi
  say "stage $name: $p passed, $f failed ($((SECONDS - t0))s)"
  record "$name" "$p" "$f" $((SECONDS - t0))
}

finish() {
  kill_all_cs
  say "=== summary (work dir $WORK) ==="
  local s; for s in "${SUMMARY[@]}"; do say "$s"; done
  say "total $((SECONDS - T_START))s; screenshots: $E2E_SHOTS"
  if [[ $TOTAL_F -eq 0 && ${E2E_KEEP:-0} != 1 && -z ${E2E_WORK:-} ]]; then rm -rf "$WORK"; fi
  echo "$TOTAL_P passed, $TOTAL_F failed"
  if [[ $TOTAL_F -eq 0 && $TOTAL_P -gt 0 ]]; then exit 0; else exit 1; fi
}

# 0. setup + package --------------------------------------------------------
if [[ ${E2E_SKIP_SETUP:-0} != 1 ]]; then
  t0=$SECONDS
  E2E_LOG_DIR=$BASE bash "$E2E/setup.sh" || { record setup 0 1 $((SECONDS - t0)); finish; }
fi

PACKAGE_OK=1
if [[ ${E2E_SKIP_PACKAGE:-0} != 1 ]]; then
  t0=$SECONDS
  say "npm run package in $EXT_ROOT (log: $WORK/package.log)"
  rm -f "$VSIX"
  if (cd "$EXT_ROOT" && npm run package </dev/null) >"$WORK/package.log" 2>&1 && [[ -f $VSIX ]]; then
    say "packaged $VSIX ($(du -k "$VSIX" | cut -f1) KiB) in $((SECONDS - t0))s"
  else
    PACKAGE_OK=0
    say "npm run package FAILED (or produced no $VSIX); last lines:"; tail -n 30 "$WORK/package.log"
    record package 0 1 $((SECONDS - t0))
  fi
elif [[ ! -f $VSIX ]]; then
  PACKAGE_OK=0
fi

export XDG_CONFIG_HOME=$WORK/xdg/config XDG_DATA_HOME=$WORK/xdg/data XDG_CACHE_HOME=$WORK/xdg/cache
export XDG_STATE_HOME=$WORK/xdg/state XDG_RUNTIME_DIR=$WORK/xdg/run TMPDIR=$WORK/tmp
mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_STATE_HOME" "$TMPDIR"
mkdir -p -m 700 "$XDG_RUNTIME_DIR"
printf 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n' >"$WORK/cs.yaml"

# 1. Neovim ------------------------------------------------------------------
if [[ " $STAGES " == *" nvim "* ]]; then
  make_ws "$WORK/nvim/ws"
  run_stage nvim 90 env VN_CORPUS_BIN="$EXT_ROOT/bin/vn-corpus" VN_WORKSPACE="$WORK/nvim/ws" \
    VN_FILE="$WORK/nvim/ws/seeds/$SEED" HOME="$WORK/nvim" \
    nvim --headless --clean -u "$E2E/nvim/lsp-test.lua"
fi

# 2. code-server UI ------------------------------------------------------------
if [[ " $STAGES " == *" ui "* ]]; then
  if [[ $PACKAGE_OK == 1 ]]; then
    run_stage ui 300 bash "$E2E/run.sh" --stage ui
  else
    say "=== stage ui: SKIPPED, no fresh $VSIX (counted as 1 failure) ==="
    record ui 0 1 0
  fi
fi

# 2b. site profiles and the curator in code-server --------------------------------
if [[ " $STAGES " == *" sites "* ]]; then
  if [[ $PACKAGE_OK == 1 ]]; then
    run_stage sites 300 bash "$E2E/run.sh" --stage sites
  else
    say "=== stage sites: SKIPPED, no fresh $VSIX (counted as 1 failure) ==="
    record sites 0 1 0
  fi
fi

# 3. extension-host API suite --------------------------------------------------
if [[ " $STAGES " == *" exthost "* ]]; then
  run_stage exthost 240 bash "$E2E/run.sh" --stage exthost
fi

# 4. corpus report --------------------------------------------------------------
if [[ " $STAGES " == *" report "* ]]; then
  if [[ $PACKAGE_OK == 1 ]]; then
    run_stage report 420 bash "$E2E/run.sh" --stage report
  else
    say "=== stage report: SKIPPED, no fresh $VSIX (counted as 1 failure) ==="
    record report 0 1 0
  fi
fi

finish
