#!/usr/bin/env bash
# e2e/setup.sh — idempotent provisioning for the real-editor e2e tests.
#
# Target: a fresh Debian 12 (bookworm) machine, running as root, network only to
# the npm registry and Debian apt. Safe to run again: apt packages are installed
# only when missing, and `npm ci` in e2e/ is skipped while node_modules matches
# package-lock.json (hash stamp stored in node_modules/).
#
# Env:
#   E2E_LOG_DIR   where setup.log goes (default: /tmp/vn-corpus-e2e)
#   E2E_TMP       TMPDIR used for the install (default: $E2E_LOG_DIR/tmp)
#   E2E_FORCE_NPM=1  reinstall e2e/node_modules even if the stamp matches
set -euo pipefail

E2E=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
LOG_DIR=${E2E_LOG_DIR:-/tmp/vn-corpus-e2e}
mkdir -p "$LOG_DIR"
LOG=$LOG_DIR/setup.log
: >"$LOG"

log() { printf '[setup] %s\n' "$*" | tee -a "$LOG"; }
fail() {
  echo "[setup] FAILED: $*" >&2
  echo "[setup] ---- last 60 lines of $LOG ----" >&2
  tail -n 60 "$LOG" >&2 || true
  exit 1
}
run() { "$@" >>"$LOG" 2>&1; }

# --------------------------------------------------------------------------
# 1. apt packages (only the missing ones)
# --------------------------------------------------------------------------
APT_PKGS=(chromium neovim ripgrep build-essential pkg-config python3 libkrb5-dev
          libx11-dev libxkbfile-dev libsecret-1-dev curl)
missing=()
for p in "${APT_PKGS[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
if ((${#missing[@]})); then
  [[ $(id -u) -eq 0 ]] || fail "need root to apt-get install: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  log "apt-get update"
  run apt-get update -q || fail "apt-get update"
  log "apt-get install ${missing[*]}"
  run apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null || fail "apt-get install"
else
  log "apt packages present"
fi
for bin in chromium nvim rg curl node npm; do
  command -v "$bin" >/dev/null || fail "'$bin' not on PATH after install"
done
nvim_ver=$(nvim --version | head -1)
case "$nvim_ver" in
  "NVIM v0."[0-6].*) fail "need Neovim >= 0.7, got: $nvim_ver" ;;
esac
node_major=$(node -p 'process.versions.node.split(".")[0]')
[[ $node_major == 20 ]] || fail "code-server 4.100.3 needs Node 20 exactly, found $(node -v)"

# --------------------------------------------------------------------------
# 2. npm ci in e2e/ (code-server, playwright-core, vsce), skipped when up to date
# --------------------------------------------------------------------------
STAMP=$E2E/node_modules/.e2e-lock.sha256
want=$( (sha256sum "$E2E/package-lock.json"; node -v) | sha256sum | cut -d' ' -f1)
if [[ ${E2E_FORCE_NPM:-0} != 1 && -f $STAMP && $(cat "$STAMP") == "$want" \
      && -x $E2E/node_modules/.bin/code-server && -d $E2E/node_modules/playwright-core ]]; then
  log "e2e/node_modules up to date"
else
  # Workarounds for installing code-server offline as root (see
  # /work/shared/notes/real-editor-testing.md §1):
  export npm_config_nodedir=/usr          # node-gyp uses /usr/include/node, no header download
  export npm_config_unsafe_perm=true      # code-server postinstall.sh refuses root without it
  export npm_config_yes=true              # node-pty postinstall runs `npx node-gyp`
  export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
  export TMPDIR=${E2E_TMP:-$LOG_DIR/tmp}
  mkdir -p "$TMPDIR"
  # @vscode/ripgrep's postinstall downloads rg from GitHub; pre-seed its cache with
  # Debian's rg. Version 1.15.11 / asset v13.0.0-10 are tied to code-server 4.100.3.
  RG_CACHE=$TMPDIR/vscode-ripgrep-cache-1.15.11
  mkdir -p "$RG_CACHE"
  tar czf "$RG_CACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$(dirname "$(command -v rg)")" rg
  log "npm ci in e2e/ (native builds; ~1-2 min)"
  t0=$SECONDS
  (cd "$E2E" && npm ci --no-audit --no-fund </dev/null) >>"$LOG" 2>&1 || fail "npm ci in e2e/"
  "$E2E/node_modules/.bin/code-server" --version >>"$LOG" 2>&1 || fail "code-server does not start"
  # code-server's postinstall must have produced these; a silent partial install
  # would otherwise only show up as an obscure runtime error.
  [[ -x $E2E/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg ]] \
    || fail "ripgrep missing in code-server (postinstall did not run?)"
  echo "$want" >"$STAMP"
  log "npm ci done in $((SECONDS - t0))s"
fi
log "code-server $("$E2E/node_modules/.bin/code-server" --version 2>/dev/null | head -1)"
log "ok (log: $LOG)"
