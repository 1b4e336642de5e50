"""Smoke test of a built bundle (dist/jixiao-zicha/): runs its executables from a copy in a temporary
folder, with no Python on PATH, no virtualenv and no source tree to import, and checks what each
command produced (JSON read, the Word and Excel files read back, the screenshot's size).

python packaging/smoke_test.py [FOLDER]   FOLDER: dist/jixiao-zicha (default), an installed copy or
the portable zip's folder (with its portable.txt the data is expected beside the program). Run by
./dev.sh bundle and by the Windows workflow. The checks themselves read the outputs with
python-docx and openpyxl from the developer's environment.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WINDOWS = sys.platform == "win32"
SUFFIX = ".exe" if WINDOWS else ""
GUI, CLI = f"jixiao-zicha{SUFFIX}", f"jixiao-zicha-cli{SUFFIX}"
SCREENSHOT_SIZE = (1256, 669)  # gui.app.SCREENSHOT_SIZE: a 1366×768 screen less the taskbar
DEMO = json.loads((ROOT / "resources" / "demo" / "selfcheck_2021.json").read_text(encoding="utf-8"))


def demo_items(dimensions: list[dict]) -> list[dict]:
    return [item for d in dimensions for item in d.get("items", []) + demo_items(d.get("children", []))]


DEMO_ITEMS = len(demo_items(DEMO["dimensions"]))  # what the demo command creates: 40 items
FIRST_ITEM = demo_items(DEMO["dimensions"])[0]["content"]
TITLE = DEMO["assessment"]["title"]
REPORT_TITLE = DEMO["assessment"]["report_title"]


class SmokeError(AssertionError):
    pass


def expect(condition: object, message: str) -> None:
    if not condition:
        raise SmokeError(message)


def clean_environment(work: Path) -> dict[str, str]:
    """What a clerk's session has: no Python anywhere on PATH, no PYTHON* variables, a home folder
    of its own (so the default data folder is inside work)."""
    home = work / "home"
    home.mkdir()
    if WINDOWS:
        system_root = os.environ.get("SYSTEMROOT", r"C:\Windows")
        return {"SYSTEMROOT": system_root, "WINDIR": system_root,
                "PATH": f"{system_root}\\System32;{system_root}",
                "USERPROFILE": str(home), "LOCALAPPDATA": str(home / "AppData" / "Local"),
                # platformdirs asks Windows itself for the folder, unless told so
                "WIN_PD_OVERRIDE_LOCAL_APPDATA": str(home / "AppData" / "Local"),
                "APPDATA": str(home / "AppData" / "Roaming"), "TEMP": str(work / "tmp"),
                "TMP": str(work / "tmp"), "QT_QPA_PLATFORM": "offscreen"}
    empty = work / "no-python-here"
    empty.mkdir()
    return {"PATH": str(empty), "HOME": str(home), "LANG": "C.UTF-8", "TMPDIR": str(work / "tmp"),
            "QT_QPA_PLATFORM": "offscreen"}


class Bundle:
    """The copied bundle's two executables, run in the clean environment from the work folder."""

    def __init__(self, folder: Path, work: Path) -> None:
        self.folder, self.work = folder, work
        self.env = clean_environment(work)
        (work / "tmp").mkdir()
        self.timings: list[tuple[str, float]] = []

    def run(self, exe: str, *args: str, expect_code: int = 0) -> subprocess.CompletedProcess[str]:
        started = time.perf_counter()
        done = subprocess.run([str(self.folder / exe), *args], cwd=self.work, env=self.env,
                              capture_output=True, encoding="utf-8", errors="replace", timeout=180,
                              stdin=subprocess.DEVNULL)
        self.timings.append((f"{exe} {args[0] if args else ''}", time.perf_counter() - started))
        expect(done.returncode == expect_code,
               f"{exe} {' '.join(args)}: exit {done.returncode}, wanted {expect_code}\n"
               f"stdout: {done.stdout[-2000:]}\nstderr: {done.stderr[-2000:]}")
        return done

    def cli(self, *args: str, expect_code: int = 0) -> subprocess.CompletedProcess[str]:
        return self.run(CLI, *args, expect_code=expect_code)


def pyproject_version() -> str:
    import tomllib

    return str(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"])


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    expect(header[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG")
    width, height = struct.unpack(">II", header[16:24])
    return width, height


def check_version(bundle: Bundle) -> None:
    out = bundle.cli("--version").stdout.strip()
    expect(out == f"jixiao-zicha {pyproject_version()}", f"--version printed {out!r}")


def check_demo_and_info(bundle: Bundle) -> None:
    out = bundle.cli("demo", "--db", "demo.db").stdout
    expect(f"{DEMO_ITEMS} 项" in out and (bundle.work / "demo.db").is_file(), f"demo: {out}")
    info = json.loads(bundle.cli("info", "--db", "demo.db").stdout)
    sys.path.insert(0, str(ROOT))
    from model.storage.revisions import head_revision

    expect(info["schema"] == head_revision(), f"info: schema {info['schema']}")
    [only] = info["assessments"]
    expect(only["title"] == TITLE and only["items"] == DEMO_ITEMS, f"info: {only}")


def check_exports(bundle: Bundle) -> None:
    import openpyxl
    from docx import Document

    bundle.cli("export-xlsx", "--db", "demo.db", "--layout", "selfcheck", "--out", "t1.xlsx")
    sheet = openpyxl.load_workbook(bundle.work / "t1.xlsx", read_only=True).worksheets[0]
    cells = [str(c) for row in sheet.iter_rows(values_only=True) for c in row if c is not None]
    expect(any(TITLE in c for c in cells), "export-xlsx: the title is missing")
    expect(FIRST_ITEM in cells, "export-xlsx: the first item is missing")
    bundle.cli("export-docx", "--db", "demo.db", "--out", "summary.docx", "--attach-table")
    document = Document(str(bundle.work / "summary.docx"))
    text = "\n".join(p.text for p in document.paragraphs)
    expect(REPORT_TITLE in text, "export-docx: no title")
    cell_texts = {cell.text for table in document.tables for row in table.rows for cell in row.cells}
    expect(FIRST_ITEM in cell_texts, "export-docx: the attached table lacks the first item")


def check_import(bundle: Bundle) -> None:
    out = bundle.cli("import-xlsx", "t1.xlsx", "--db", "demo.db").stdout
    expect(str(DEMO_ITEMS) in out, f"import-xlsx: {out}")
    info = json.loads(bundle.cli("info", "--db", "demo.db").stdout)
    expect([a["items"] for a in info["assessments"]] == [DEMO_ITEMS, DEMO_ITEMS],
           f"import-xlsx: info after import {info}")


def check_evidence_and_check(bundle: Bundle) -> None:
    items = json.loads(bundle.cli("items", "--db", "demo.db").stdout)
    (bundle.work / "通知.txt").write_text("证明材料", encoding="utf-8")
    bundle.cli("attach", "--db", "demo.db", "--item", str(items[0]["id"]), "通知.txt")
    out = bundle.cli("check", "--db", "demo.db").stdout
    expect("检查通过" in out and "1 个证明材料文件" in out, f"check: {out}")
    refused = bundle.cli("info", "--db", "missing.db", expect_code=2)
    expect("missing.db" in refused.stderr and "\n" not in refused.stderr.strip(),
           f"a refusal is one line naming the file: {refused.stderr!r}")


def default_data_dir(bundle: Bundle) -> Path:
    if (bundle.folder / "portable.txt").is_file():  # the portable zip's folder
        return bundle.folder / "data"
    home = Path(bundle.env["USERPROFILE" if WINDOWS else "HOME"])
    if WINDOWS:
        return home / "AppData" / "Local" / "jixiao-zicha"
    if sys.platform == "darwin":
        return home / "Library" / "Application Support" / "jixiao-zicha"
    return home / ".local" / "share" / "jixiao-zicha"


def check_gui(bundle: Bundle) -> None:
    bundle.run(GUI, "--screenshot", "window.png")
    expect(png_size(bundle.work / "window.png") == SCREENSHOT_SIZE, "screenshot: wrong size")
    expect((bundle.work / "window.png").stat().st_size > 20_000, "screenshot: an empty window")
    database = default_data_dir(bundle) / "assessments.db"
    expect(database.is_file(), f"the first start made no database in {database.parent}")


def check_portable(bundle: Bundle) -> None:
    """With portable.txt beside the executables the data stays in the folder: the first start's
    database, the settings (English chosen here: the shipped catalogue loads) and the backups."""
    if not (bundle.folder / "portable.txt").is_file():
        (bundle.folder / "portable.txt").write_text("", encoding="utf-8")
    data = bundle.folder / "data"
    settings = data / "settings" / "jixiao-zicha" / "jixiao-zicha.ini"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text("[ui]\nlanguage=en\n", encoding="utf-8")
    bundle.run(GUI, "--screenshot", "portable.png")
    expect(png_size(bundle.work / "portable.png") == SCREENSHOT_SIZE, "portable screenshot: size")
    expect((data / "assessments.db").is_file(), "portable: no database beside the program")
    log = data / "error.log"
    expect(not log.exists() or "翻译" not in log.read_text(encoding="utf-8"),
           "portable: the English catalogue did not load")
    bundle.cli("backup", "--db", "demo.db")
    expect(any((data / "backups").iterdir()), "portable: the backup is not beside the program")


CHECKS: list[Callable[[Bundle], None]] = [
    check_version, check_demo_and_info, check_exports, check_import, check_evidence_and_check,
    check_gui, check_portable,
]


def smoke(dist: Path, keep: bool = False) -> list[tuple[str, float]]:
    for name in (GUI, CLI):
        expect((dist / name).is_file(), f"{dist / name} is missing: build the bundle first")
    work = Path(tempfile.mkdtemp(prefix="zicha-smoke-"))
    try:
        folder = work / "jixiao-zicha"
        shutil.copytree(dist, folder, symlinks=True)
        bundle = Bundle(folder, work)
        for check in CHECKS:
            check(bundle)
            print(f"ok  {check.__name__}")
        return bundle.timings
    finally:
        if keep:
            print(f"kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dist", nargs="?", type=Path, default=ROOT / "dist" / "jixiao-zicha")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()
    try:
        timings = smoke(args.dist.resolve(), args.keep)
    except SmokeError as failure:
        print(f"SMOKE TEST FAILED: {failure}", file=sys.stderr)
        return 1
    total = sum(seconds for _, seconds in timings)
    print(f"smoke test passed: {len(CHECKS)} checks, {len(timings)} runs in {total:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
