"""Hand-out and collect at 10,000 items / 30 departments against one T2 export and one import.

Whole processes (python main.py …), a fresh copy of the database per run, medians of --runs:
  handout of 10,000 items to 30 departments   vs  export-xlsx --layout tasks of the same items
  collect of the 30 returned workbooks        vs  import-xlsx of one 10,000-row T2 table
Each returned workbook carries 20 department edits, so the collect really merges and writes.

python bench/collect.py [--items 10000] [--departments 30] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import openpyxl  # noqa: E402
from sqlalchemy import update  # noqa: E402

from bench.generate import make_database  # noqa: E402
from model.schema import CheckItem  # noqa: E402


def timed(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, str(ROOT / "main.py"), *args], check=True, env=env,
                   capture_output=True)
    return time.perf_counter() - start


def prepare(folder: Path, items: int, departments: int) -> Path:
    database = folder / "source.db"
    services, _assessment = make_database(database, items)
    with services.db.transaction() as session:
        for n in range(departments):  # spread evenly: item id modulo the department count
            session.execute(update(CheckItem).where(CheckItem.id % departments == n)
                            .values(department=f"第{n + 1:02d}处"))
    services.close()
    return database


def edit_returned(folder: Path) -> list[Path]:
    """Each department fills in 20 results, as it would before sending the workbook back."""
    files = sorted(folder.glob("*.xlsx"))
    for path in files:
        workbook = openpyxl.load_workbook(path)
        sheet = workbook["自查事项"]
        for row in range(4, min(sheet.max_row, 23) + 1):
            sheet.cell(row, 5, f"处室补充：第{row}行已落实。")
        workbook.save(path)
    return files


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--departments", type=int, default=30)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-collect-"))
    env = {**os.environ, "ZICHA_DATA_DIR": str(work / "data"), "QT_QPA_PLATFORM": "offscreen"}
    try:
        source = prepare(work, args.items, args.departments)
        table = work / "t2.xlsx"
        returned = work / "returned"
        returned.mkdir()
        timed(["export-xlsx", "--db", str(source), "--layout", "tasks", "--out", str(table)], env)
        timed(["handout", "--db", str(source), "--out", str(returned)], env)
        files = edit_returned(returned)
        figures: dict[str, list[float]] = {k: [] for k in ("T2 export", "handout", "T2 import",
                                                           "collect")}
        for run in range(args.runs):
            db = work / f"run{run}.db"
            shutil.copy(source, db)
            out = work / f"out{run}"
            out.mkdir()
            figures["T2 export"].append(timed(["export-xlsx", "--db", str(db), "--layout", "tasks",
                                               "--out", str(work / f"t2-{run}.xlsx")], env))
            figures["handout"].append(timed(["handout", "--db", str(db), "--out", str(out)], env))
            figures["T2 import"].append(timed(["import-xlsx", str(table), "--db",
                                               str(work / f"imported{run}.db")], env))
            fresh = work / f"collect{run}.db"
            shutil.copy(source, fresh)
            figures["collect"].append(timed(["collect", *map(str, files), "--db", str(fresh)], env))
        medians = {k: statistics.median(v) for k, v in figures.items()}
        result = {"items": args.items, "departments": args.departments, "runs": args.runs,
                  "seconds": {k: round(v, 2) for k, v in medians.items()},
                  "handout ÷ T2 export": round(medians["handout"] / medians["T2 export"], 2),
                  "collect ÷ T2 import": round(medians["collect"] / medians["T2 import"], 2)}
        print(json.dumps(result, ensure_ascii=False, indent=2))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
