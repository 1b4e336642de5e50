"""Compiles packaging/installer.nsi with makensis (Debian's nsis package) over a small stand-in
of the program folder: the script's syntax, includes, pages and version fields are checked here;
the real installer is built on Windows over the real bundle (.github/workflows/windows.yml).

python packaging/check_installer.py [--payload dist/jixiao-zicha] [--out FILE.exe]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "packaging" / "installer.nsi"


def version() -> str:
    return str(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"])


def stand_in(folder: Path) -> Path:
    """A program folder with the files the script names (the executables) and one library."""
    for name in ("jixiao-zicha.exe", "jixiao-zicha-cli.exe", "_internal/base_library.zip"):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(b"stand-in\n")
    return folder


def compile_installer(payload: Path, out: Path) -> str:
    done = subprocess.run(
        ["makensis", "-V2", "-INPUTCHARSET", "UTF8", f"-DVERSION={version()}",
         f"-DSOURCE_DIR={payload}", f"-DOUTFILE={out}", str(SCRIPT)],
        capture_output=True, text=True, encoding="utf-8", errors="replace")
    if done.returncode != 0 or not out.is_file():
        raise SystemExit(f"makensis failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    return done.stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--payload", type=Path, help="the program folder (default: a stand-in)")
    parser.add_argument("--out", type=Path, help="the installer to write (default: a temporary one)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        payload = args.payload.resolve() if args.payload else stand_in(Path(work) / "payload")
        out = args.out.resolve() if args.out else Path(work) / "setup.exe"
        compile_installer(payload, out)
        print(f"installer script compiles: {SCRIPT.relative_to(ROOT)} → {out.name} "
              f"({out.stat().st_size // 1024} KB, version {version()})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
