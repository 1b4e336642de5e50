"""Compiles resources/i18n/app_*.ts into the .qm catalogues the app loads (pyside6-lrelease).

A build step, never run by the app: `./dev.sh` runs it before starting the app, the tests and the
bundle; `python resources/i18n/update.py` runs it after refreshing the .ts.
python resources/i18n/release.py [--force]
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

FOLDER = Path(__file__).resolve().parent


def lrelease_tool() -> str:
    beside = Path(sys.executable).with_name("pyside6-lrelease")
    return str(beside) if beside.exists() else (shutil.which("pyside6-lrelease") or str(beside))


def release(force: bool = False, folder: Path = FOLDER) -> list[Path]:
    """Compile each .ts whose .qm is missing or older; returns the .qm files written."""
    written = []
    for source in sorted(folder.glob("app_*.ts")):
        target = source.with_suffix(".qm")
        if not force and target.exists() and target.stat().st_mtime >= source.stat().st_mtime:
            continue
        subprocess.run([lrelease_tool(), str(source), "-qm", str(target)], check=True,
                       capture_output=True, timeout=120)
        written.append(target)
    return written


if __name__ == "__main__":
    for path in release(force="--force" in sys.argv[1:]):
        print(f"compiled {path.name}")
