#!/bin/sh
# The screenshots in docs/ (query page, actor network): a store built from seeds/ plus the dev
# articles of ../shared/gold/dev, the page served by `kg serve`, both shot by headless Chromium.
# Usage: scripts/screenshots.sh [KG]   (KG: the kg command, default .venv/bin/kg)
set -eu
KG=${1:-.venv/bin/kg}
WORK=$(mktemp -d)
PORT=8765
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT
shot() {  # shot FILE URL
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
    --user-data-dir="$WORK/chromium" --virtual-time-budget=5000 --window-size=1400,900 \
    --screenshot="$1" "$2" 2>/dev/null
}
"$KG" build seeds/ ../shared/gold/dev/*.txt --store "$WORK/store"
"$KG" export --store "$WORK/store" --view actors -o "$WORK/actors.html"
shot docs/actors-dev.png "file://$WORK/actors.html"
"$KG" serve --store "$WORK/store" --port $PORT & SERVER=$!
sleep 3
shot docs/query-page.png "http://127.0.0.1:$PORT/#said_about?who=Biden&what=Russland"
