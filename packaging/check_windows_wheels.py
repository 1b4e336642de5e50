"""Checks that every pinned package (requirements*.txt, and the compiled packages they pull in)
has a wheel for Windows x64 and CPython 3.11 at its pinned version, and writes the record
packaging/WINDOWS_WHEELS.md. Needs the package registry: run by hand after changing a pin

python packaging/check_windows_wheels.py
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FILES = ("requirements.txt", "requirements-dev.txt")
# Not pinned by us, but compiled, so a Windows wheel must exist: the versions pip installs today.
COMPILED_DEPENDENCIES = {"shiboken6": "6.12.0", "psycopg-binary": "3.3.9", "lxml": "6.2.0",
                         "MarkupSafe": "3.0.4", "pefile": "2024.8.26", "pywin32-ctypes": "0.2.3"}
PIN = re.compile(r"^([A-Za-z0-9_.\-]+)(\[[^\]]*\])?==([^\s;]+)")


def pins() -> dict[str, str]:
    found = {}
    for name in FILES:
        for line in (ROOT / name).read_text(encoding="utf-8").splitlines():
            match = PIN.match(line.strip())
            if match:
                found[match.group(1)] = match.group(3)
    return {**found, **COMPILED_DEPENDENCIES}


def windows_wheel(package: str, version: str, folder: Path) -> str:
    """The wheel's file name pip downloads for win_amd64 / CPython 3.11, or "" when none."""
    before = set(folder.iterdir())
    done = subprocess.run(
        [sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check",
         "--only-binary=:all:", "--platform", "win_amd64", "--python-version", "3.11",
         "--implementation", "cp", "--no-deps", "-d", str(folder), f"{package}=={version}"],
        capture_output=True, text=True)
    new = sorted(set(folder.iterdir()) - before)
    return new[0].name if done.returncode == 0 and new else ""


def main() -> int:
    rows, missing = [], []
    with tempfile.TemporaryDirectory() as folder:
        for package, version in sorted(pins().items(), key=lambda kv: kv[0].lower()):
            wheel = windows_wheel(package, version, Path(folder))
            rows.append(f"| {package} | {version} | {wheel or '**none**'} |")
            print(f"{package}=={version}: {wheel or 'NO WINDOWS WHEEL'}")
            if not wheel:
                missing.append(package)
    record = ROOT / "packaging" / "WINDOWS_WHEELS.md"
    record.write_text(
        "# Windows x64 wheels of the pinned packages\n\n"
        f"Checked {date.today().isoformat()} by `python packaging/check_windows_wheels.py`: "
        "`pip download --only-binary=:all: --platform win_amd64 --python-version 3.11 "
        "--implementation cp --no-deps` of each pin of requirements.txt and requirements-dev.txt, "
        "and of the compiled packages they pull in. A `py3-none-any` wheel is pure Python "
        "(runs on Windows as it is).\n\n"
        "| package | version | wheel for Windows x64, CPython 3.11 |\n|---|---|---|\n"
        + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"written: {record.relative_to(ROOT)}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
