"""Start of the built program folder against the same start from source, in one run (issue 29):
the bundle's cold start must not be slower than the source's.

  cli   jixiao-zicha-cli info --db DEMO         against   python main.py info --db DEMO
  gui   jixiao-zicha --screenshot --db DEMO     against   python main.py --screenshot --db DEMO
        (offscreen: start, window shown and painted, grabbed, exit)

Cold: before each cold run the files of that side are dropped from the page cache (posix_fadvise
DONTNEED on the bundle's files, or on the checkout, the virtualenv's packages, Python's own
library and the system's copies of the libraries the bundle carries: only those files, nothing
else of the machine's cache), so both read from disk as after a reboot; one cold run of each
per round, alternated, median of --cold rounds. Warm: the median of --runs alternated runs with
everything cached. The day's first-open backup is made before anything is timed.

python bench/bundle_start.py [--bundle dist/jixiao-zicha] [--runs 5] [--cold 3]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SKIP = {".git", "dist", "build", "__pycache__", ".venv", ".hypothesis", ".mypy_cache",
        ".ruff_cache", "tests"}


def files_under(folder: Path) -> Iterable[Path]:
    for base, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if d not in SKIP or base != str(ROOT)]
        for name in names:
            yield Path(base, name)


def evict(folders: list[Path]) -> int:
    """Drop these files' pages from the page cache; returns how many files."""
    count = 0
    for folder in folders:
        for path in ([folder] if folder.is_file() else files_under(folder)):
            try:
                fd = os.open(path, os.O_RDONLY)
            except OSError:
                continue
            try:
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
                count += 1
            finally:
                os.close(fd)
    return count


SYSTEM_LIBRARY_FOLDERS = ("/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu", "/usr/lib64",
                          "/usr/lib/aarch64-linux-gnu", "/usr/lib")


def source_files(bundle: Path) -> list[Path]:
    """What a start from source reads: the checkout, the virtualenv's packages, Python's library,
    and the system's copies of the libraries the bundle carries its own of (libcrypto, sqlite…)."""
    paths = sysconfig.get_paths()
    libdir = sysconfig.get_config_var("LIBDIR")
    folders = [ROOT, Path(paths["purelib"]), Path(paths["platlib"]), Path(paths["stdlib"])]
    if libdir:
        folders += [Path(libdir, name) for name in os.listdir(libdir) if name.startswith("libpython")]
    carried = {p.name for p in (bundle / "_internal").glob("lib*.so*")}
    folders += [Path(folder, name) for folder in SYSTEM_LIBRARY_FOLDERS for name in carried
                if Path(folder, name).is_file()]
    return sorted(set(folders))


def timed(command: list[str], env: dict[str, str], cwd: Path) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True,
                          encoding="utf-8", errors="replace", timeout=300)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{command}: exit {done.returncode}\n{done.stderr[-2000:]}")
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "jixiao-zicha")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cold", type=int, default=3)
    args = parser.parse_args()
    bundle = args.bundle.resolve()
    suffix = ".exe" if os.name == "nt" else ""
    if not (bundle / f"jixiao-zicha-cli{suffix}").is_file():
        print(f"no bundle at {bundle}: ./dev.sh bundle first", file=sys.stderr)
        return 2
    can_evict = hasattr(os, "posix_fadvise")
    work = Path(tempfile.mkdtemp(prefix="zicha-bundle-start-"))
    try:
        env = {**os.environ, "ZICHA_DATA_DIR": str(work / "data"), "QT_QPA_PLATFORM": "offscreen"}
        demo = work / "demo.db"
        subprocess.run([str(bundle / f"jixiao-zicha-cli{suffix}"), "demo", "--db", str(demo)],
                       env=env, check=True, capture_output=True)
        python = [sys.executable, str(ROOT / "main.py")]
        sides = {
            "cli": ([str(bundle / f"jixiao-zicha-cli{suffix}"), "info", "--db", str(demo)],
                    [*python, "info", "--db", str(demo)]),
            "gui": ([str(bundle / f"jixiao-zicha{suffix}"), "--db", str(demo), "--screenshot",
                     str(work / "b.png")],
                    [*python, "--db", str(demo), "--screenshot", str(work / "s.png")]),
        }
        timed(sides["cli"][1], env, work)  # the day's backup of demo.db, before any timing
        print(f"bundle {bundle} ({sum(1 for _ in files_under(bundle))} files) against "
              f"{sys.executable} main.py; cold = page cache dropped for that side's files"
              + ("" if can_evict else " (not possible here: first runs instead)"))
        print(f"{'':5} {'cold bundle':>12} {'cold source':>12} {'warm bundle':>12} {'warm source':>12}")
        verdicts = []
        for name, (ours, source) in sides.items():
            cold_b, cold_s = [], []
            for _ in range(args.cold):
                if can_evict:
                    evict([bundle])
                cold_b.append(timed(ours, env, work))
                if can_evict:
                    evict(source_files(bundle))
                cold_s.append(timed(source, env, work))
            warm_b, warm_s = [], []
            for _ in range(args.runs):
                warm_b.append(timed(ours, env, work))
                warm_s.append(timed(source, env, work))
            figures = [statistics.median(x) for x in (cold_b, cold_s, warm_b, warm_s)]
            print(f"{name:5} " + " ".join(f"{f:11.2f}s" for f in figures))
            verdicts.append(f"{name}: cold bundle {figures[0]:.2f} s "
                            f"{'≤' if figures[0] <= figures[1] else '>'} cold source {figures[1]:.2f} s")
        print("\n".join(verdicts))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
