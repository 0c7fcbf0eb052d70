#!/usr/bin/env bash
# Renders the `iamlint access` HTML page of samples/accounts/story.json in
# headless Chromium (Debian's `chromium`) and checks the DOM it built: every
# principal's name, the heat map, no script. Also takes a screenshot.
#
#   access_html_render.sh IAMLINT_TESTS IAMLINT SOURCE_DIR OUT_DIR
#
# The page comes from the test binary's hidden case "[.access-html-render]"
# (lint/report/access_html.h, all users and roles ranked); when the CLI has
# `access --html`, its page is rendered and checked too. Exit 77 (ctest:
# SKIPPED) when chromium is not installed.
set -euo pipefail
tests=$1 iamlint=$2 src=$3 out=$4

browser=""
for b in chromium chromium-browser; do
  if command -v "$b" >/dev/null 2>&1; then browser=$b; break; fi
done
if [ -z "$browser" ]; then
  echo "*** SKIPPED: chromium is not installed (apt-get install chromium) ***"
  exit 77
fi

mkdir -p "$out"
fail=0

# render NAME PAGE: dump the DOM and a screenshot; check the DOM.
render() {
  local name=$1 page=$2
  local dom="$out/$name.dom.html" png="$out/$name.png" log="$out/$name.chromium.log"
  local flags=(--headless --no-sandbox --disable-gpu --no-first-run --disable-extensions
               --user-data-dir="$out/chromium-profile")
  if ! timeout 180 "$browser" "${flags[@]}" --dump-dom "file://$page" >"$dom" 2>"$log"; then
    echo "FAIL: $name: chromium --dump-dom failed:"; tail -20 "$log"; fail=1; return
  fi
  rm -f "$png"
  timeout 180 "$browser" "${flags[@]}" --hide-scrollbars --window-size=1280,2400 \
    --screenshot="$png" "file://$page" >>"$log" 2>&1 || true
  for needle in '<code class="name">alice</code>' '<code class="name">bob</code>' \
                '<code class="name">ec2-list-buckets</code>' '<table class="heatmap">' \
                '<td class="c-all" data-reach="all"' '<h2>Ranking</h2>'; do
    if ! grep -qF -- "$needle" "$dom"; then echo "FAIL: $name: the DOM lacks $needle"; fail=1; fi
  done
  if grep -qiE '<script|<img|<iframe|<link' "$dom"; then
    echo "FAIL: $name: the DOM holds a script, image, frame or link"; fail=1
  fi
  if [ -s "$png" ]; then
    echo "$name: DOM $(wc -c <"$dom") bytes, screenshot $png ($(wc -c <"$png") bytes)"
  else
    echo "FAIL: $name: no screenshot"; tail -20 "$log"; fail=1
  fi
}

page="$out/access-story.html"
rm -f "$page"
IAMLINT_ACCESS_HTML_OUT="$page" "$tests" "[.access-html-render]" >/dev/null
render access-story "$page"

if "$iamlint" access --help 2>&1 | grep -q -- '--html'; then
  cli_page="$out/access-story-cli.html"
  rm -f "$cli_page"
  (cd "$src" && "$iamlint" access --account samples/accounts/story.json --all --roles --html "$cli_page" >/dev/null)
  render access-story-cli "$cli_page"
else
  echo "note: iamlint access has no --html yet; the CLI page is not rendered"
fi
exit $fail
