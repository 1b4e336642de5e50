#!/usr/bin/env bash
# Set up (first time) and run: `./dev.sh app [ARGS…]` opens the app; `./dev.sh test` runs every
# check: ruff, mypy (model, exporters, importers, gui, cli, main.py), a smoke run of the
# benchmark, the bundle and its smoke test, the whole test suite (pytest's summary comes last); `./dev.sh bundle` builds the
# program folder for this machine (dist/jixiao-zicha/, PyInstaller) and smoke-tests it.
# Works on a fresh Debian/Ubuntu or macOS with Python 3.11+; installs what is missing.
set -euo pipefail
cd "$(dirname "$0")"
VENV=.venv

find_python() {
  for candidate in python3.13 python3.12 python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      echo "$candidate"; return 0
    fi
  done
  echo "需要 Python 3.11 或更高版本 (Python 3.11+ is required)." >&2; exit 2
}

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

apt_install() {  # only on Debian/Ubuntu, only what is missing
  command -v apt-get >/dev/null 2>&1 || return 0
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing system packages: ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# Qt's libraries for a desktop or offscreen window on Debian/Ubuntu.
QT_PACKAGES=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
             libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 fonts-noto-cjk)
# What the tests use besides Python: LibreOffice to render reports, poppler to read PDFs,
# PostgreSQL for the server-database tests (started by the tests themselves), an X server with
# a window manager and Qt's X libraries for the one test that needs a real display.
TEST_PACKAGES=(libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils postgresql
               xvfb openbox libxcb-image0 libxcb-randr0 libxcb-render-util0 libxcb-render0
               libxcb-shm0 libxcb-sync1 libxcb-util1 libxcb-xfixes0 libxcb-xkb1)
# What the bundle build needs besides Python: objdump (PyInstaller, packaging/bundle_manifest.py)
# and makensis, which compiles packaging/installer.nsi here to check it (the installer itself is
# built on Windows: .github/workflows/windows.yml).
BUNDLE_PACKAGES=(binutils nsis)
BUNDLE_LIMIT_MB=160

setup_venv() {
  local python; python=$(find_python)
  if [ ! -x "$VENV/bin/python" ]; then
    "$python" -m venv "$VENV" 2>/dev/null || {
      apt_install python3-venv && rm -rf "$VENV" && "$python" -m venv "$VENV"; }
  fi
  local stamp="$VENV/.requirements.sha256"
  local want; want=$(cat requirements.txt requirements-dev.txt | "$python" -c \
    'import hashlib,sys; print(hashlib.sha256(sys.stdin.buffer.read()).hexdigest())')
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check -r requirements-dev.txt
    echo "$want" > "$stamp"
  fi
}

translations() {  # the .qm catalogues the app loads, compiled from resources/i18n/*.ts
  "$VENV/bin/python" resources/i18n/release.py
}

python_library() {  # PyInstaller needs Python's shared library (Debian: the libpython3.X package)
  "$VENV/bin/python" -c 'from PyInstaller.depend.bindepend import get_python_library_path as f; f()' \
    >/dev/null 2>&1 && return 0
  apt_install "libpython$("$VENV/bin/python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
}

bundle() {
  local started=$SECONDS
  python_library
  translations
  "$VENV/bin/python" -m PyInstaller --noconfirm --log-level WARN --distpath dist \
    --workpath build/pyinstaller packaging/jixiao-zicha.spec
  local size_mb; size_mb=$(du -sm dist/jixiao-zicha | cut -f1)
  echo "bundle: dist/jixiao-zicha $(du -sh dist/jixiao-zicha | cut -f1), $(find dist/jixiao-zicha -type f | wc -l) files, built in $((SECONDS - started)) s"
  if [ "$size_mb" -gt "$BUNDLE_LIMIT_MB" ]; then
    echo "bundle: ${size_mb} MB is over the limit of ${BUNDLE_LIMIT_MB} MB" >&2; exit 1
  fi
  if command -v makensis >/dev/null 2>&1; then  # the installer script compiles (dummy payload)
    "$VENV/bin/python" packaging/check_installer.py
  fi
  "$VENV/bin/python" packaging/smoke_test.py dist/jixiao-zicha
  echo "bundle: built and smoke-tested in $((SECONDS - started)) s"
}

case "${1:-app}" in
  app)
    shift || true
    apt_install "${QT_PACKAGES[@]}"
    setup_venv
    translations
    exec "$VENV/bin/python" main.py "$@"
    ;;
  test)
    shift || true
    apt_install "${QT_PACKAGES[@]}" "${TEST_PACKAGES[@]}" "${BUNDLE_PACKAGES[@]}"
    setup_venv
    "$VENV/bin/python" -m ruff check .
    "$VENV/bin/python" -m mypy model exporters importers gui cli main.py
    bundle  # the program folder a clerk gets, built and smoke-tested with no Python around it
    # Smoke run of the benchmark (figures printed, never asserted; the committed results stay).
    QT_QPA_PLATFORM=offscreen "$VENV/bin/python" bench/run.py --quick --runs 1 \
      --out "${TMPDIR:-/tmp}/zicha-bench-smoke.json"
    QT_QPA_PLATFORM=offscreen exec "$VENV/bin/python" -m pytest "$@"
    ;;
  bundle)
    apt_install "${QT_PACKAGES[@]}" "${BUNDLE_PACKAGES[@]}"
    setup_venv
    bundle
    ;;
  *)
    echo "用法：./dev.sh app [--db 文件] | ./dev.sh test | ./dev.sh bundle" >&2; exit 2 ;;
esac
