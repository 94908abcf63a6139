#!/usr/bin/env bash
# The main job: build and package the extension, install it into code-server (the real VS Code in a browser),
# and open seeds/ on 127.0.0.1. Prints the URL; stops with Ctrl+C.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
PORT=${PORT:-8080}
STATE=${VN_CORPUS_STATE:-$HOME/.local/share/vn-news-corpus-dev}

echo "[start] installing the editor (code-server) and its packages if missing…"
bash e2e/setup.sh
echo "[start] building and packaging…"
npm run -s package
mkdir -p "$STATE"
CS=("$ROOT/e2e/node_modules/.bin/code-server" --config "$STATE/config.yaml" --user-data-dir "$STATE/user-data" --extensions-dir "$STATE/extensions")
export XDG_CONFIG_HOME=$STATE/xdg-config XDG_DATA_HOME=$STATE/xdg-data
"${CS[@]}" --install-extension "$ROOT/build/vn-news-corpus.vsix" --force >/dev/null
URL="http://127.0.0.1:$PORT/?folder=$ROOT/seeds"
echo "[start] Vietnamese News Corpus is ready: $URL"
exec "${CS[@]}" --bind-addr "127.0.0.1:$PORT" --auth none --disable-telemetry --disable-update-check \
  --disable-getting-started-override --ignore-last-opened "$ROOT/seeds"
