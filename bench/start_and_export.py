"""Start-up and export speed as whole processes (issue 13), each against its bare reference,
measured in the same run. Every figure is the median of --runs fresh processes, ours and the
reference's alternated (after one warm-up run of each that is not counted: page cache, the
day's automatic backup).

  info         python main.py info --db DEMO                 ≤ 0.35 s (reference: bare SQLAlchemy)
  export-docx  python main.py export-docx, 10,000 items      ≤ 1.2 × a bare docxtpl script
  export-xlsx  python main.py export-xlsx, 10,000 items      ≤ 1.2 × a bare openpyxl script
  GUI          process start → the window shown with its tree (the first paint, offscreen)
                                                             ≤ 3 × a bare Qt window and ≤ 0.5 s
  ready        process start → the main window ready (services loaded); informative

The references are scripts a developer would write by hand with the library alone: interpreter
start and their imports included, the same paragraphs / cells precomputed into a JSON file.

Bytecode: run as the environment is (PYTHONDONTWRITEBYTECODE=1 compiles this project's modules
from source in every process, 0.1 s for the GUI, while the libraries have their .pyc files);
--bytecode-cache measures as an installed copy runs (.pyc files, kept in the temporary folder:
nothing is written into the project).

python bench/start_and_export.py [--runs 5] [--items 10000] [--bars info docx xlsx gui ready]
                                 [--bytecode-cache]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

BARE_SQLALCHEMY = r'''
import json, sys
from sqlalchemy import create_engine, text
engine = create_engine(f"sqlite:///{sys.argv[1]}")
with engine.connect() as connection:
    rows = connection.execute(text("SELECT id, title, unit_name, year FROM assessment")).all()
print(json.dumps([list(r) for r in rows], ensure_ascii=False, indent=2))
'''

BARE_DOCXTPL = r'''
import json, sys
from docxtpl import DocxTemplate
blocks = json.load(open(sys.argv[2], encoding="utf-8"))
template = DocxTemplate(sys.argv[1])
template.render({"blocks": blocks})
template.save(sys.argv[3])
'''

# bench/excel.py's bare_openpyxl, standalone: the same cells, named style (font, borders, wrap),
# merges, row heights and column widths.
BARE_OPENPYXL = r'''
import json, sys
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, NamedStyle, Side
table = json.load(open(sys.argv[1], encoding="utf-8"))
headers, rows, merges, widths = table["headers"], table["rows"], table["merges"], table["widths"]
side = Side(style="thin")
border = Border(left=side, right=side, top=side, bottom=side)
workbook = Workbook()
body = NamedStyle("body", font=Font(name="仿宋_GB2312", size=11), border=border,
                  alignment=Alignment(wrap_text=True, vertical="center"))
workbook.add_named_style(body)
sheet = workbook.active
sheet.cell(1, 1, table["title"])
sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
for c, header in enumerate(headers, start=1):
    sheet.cell(2, c, header).style = "body"
for r, cells in enumerate(rows, start=3):
    for c, value in enumerate(cells, start=1):
        cell = sheet.cell(r, c, value)
        cell.style = "body"
    sheet.row_dimensions[r].height = 30
for column, first, last in merges:
    sheet.merge_cells(start_row=3 + first, start_column=column + 1, end_row=3 + last,
                      end_column=column + 1)
for c, width in enumerate(widths):
    sheet.column_dimensions[chr(ord("A") + c)].width = width
workbook.save(sys.argv[2])
'''

# The GUI run: main.py as a user starts it. "shown": the first window's show() has returned and its
# first events (the paint) are processed — the first paint (gui.window.first_paint), or the main window
# when there is none; "ready": the main window shown, its services loaded. Then the process ends.
# The hook patches the modules when they are first imported, so nothing is imported ahead of
# main.py.
GUI_CHILD = r'''
import os, sys, time
WINDOWS = {"gui.window.first_paint": "FirstPaint", "gui.window.main_window": "MainWindow"}
seen = []
class _Hook:
    def find_spec(self, name, path, target=None):
        if name not in WINDOWS:
            return None
        import importlib.machinery
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        run = spec.loader.exec_module
        def exec_module(module):
            run(module)
            cls = getattr(module, WINDOWS[name])
            show = cls.show
            def shown(self):
                show(self)
                from PySide6.QtWidgets import QApplication
                QApplication.processEvents()
                now = time.monotonic()
                if not seen:
                    seen.append(now)
                    sys.stdout.write(f"shown {now}\n")
                if name == "gui.window.main_window":
                    sys.stdout.write(f"ready {now}\n")
                    sys.stdout.flush()
                    os._exit(0)
            cls.show = shown
        spec.loader.exec_module = exec_module
        return spec
sys.meta_path.insert(0, _Hook())
sys.argv = ["main.py", "--db", sys.argv[1]]
sys.path.insert(0, os.getcwd())
import runpy
runpy.run_path("main.py", run_name="__main__")
'''

BARE_QT = r'''
import sys, time
from PySide6.QtWidgets import QApplication, QMainWindow, QSplitter, QTreeView, QTextEdit
app = QApplication(sys.argv)
window = QMainWindow()
splitter = QSplitter()
splitter.addWidget(QTreeView())
splitter.addWidget(QTextEdit())
window.setCentralWidget(splitter)
window.menuBar().addMenu("文件")
window.show()
app.processEvents()
print(f"shown {time.monotonic()}")
'''


def one_run(command: list[str], env: dict[str, str], reports_time: str = "") -> float:
    """Wall time of command as a fresh process; with reports_time, up to the monotonic time the
    child prints on its line of that name ("shown", "ready"), not to its exit."""
    start = time.monotonic()
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    end = time.monotonic()
    if done.returncode != 0:
        raise RuntimeError(f"{command}: exit {done.returncode}: {done.stderr[-2000:]}")
    if reports_time:
        times = dict(line.split() for line in done.stdout.splitlines() if line.count(" ") == 1)
        end = float(times.get(reports_time, times["shown"]))
    return end - start


def paired(ours: list[str], reference: list[str], runs: int, env: dict[str, str], *,
           reports_time: str = "") -> tuple[float, float]:
    """Medians of runs of each, alternated (a shared machine's load falls on both alike), after
    one warm-up run of each that is not counted."""
    mine, theirs = [], []
    for n in range(runs + 1):
        a = one_run(ours, env, reports_time)
        b = one_run(reference, env, reports_time)
        if n:
            mine.append(a)
            theirs.append(b)
    return statistics.median(mine), statistics.median(theirs)


def prepare(folder: Path, items: int, env: dict[str, str]) -> dict[str, Path]:
    """The demo and a large database, and the references' inputs computed by our own code."""
    from bench.generate import make_database
    from bench.word_export import docxtpl_template
    from exporters.report_outline import outline
    from exporters.table_rows import table_data
    from exporters.xmltext import TextCleaner
    from model.report.build import report_of
    from model.report.layouts import load_layout

    demo = folder / "demo.db"
    subprocess.run([sys.executable, "main.py", "demo", "--db", str(demo)], cwd=ROOT, env=env,
                   check=True, capture_output=True)
    big = folder / f"{items}.db"
    services, assessment_id = make_database(big, items)
    report = report_of(services.db, assessment_id)
    services.close()
    blocks = folder / "blocks.json"
    blocks.write_text(json.dumps([b.text for b in outline(report, TextCleaner())],
                                 ensure_ascii=False), "utf-8")
    layout = load_layout("selfcheck")
    table = table_data(report, layout, TextCleaner())
    cells = folder / "table.json"
    cells.write_text(json.dumps({
        "title": table.title, "headers": table.headers, "rows": table.rows,
        "merges": [(m.column, m.first_row, m.last_row) for m in table.merges],
        "widths": [c.width for c in layout.columns]}, ensure_ascii=False), "utf-8")
    return {"demo": demo, "big": big, "blocks": blocks, "table": cells,
            "template": docxtpl_template(folder)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--items", type=int, default=10000)
    parser.add_argument("--bars", nargs="+", choices=["info", "docx", "xlsx", "gui", "ready"],
                        default=["info", "docx", "xlsx", "gui"], help="only these bars")
    parser.add_argument("--bytecode-cache", action="store_true",
                        help="with .pyc files (in the temporary folder), as an installed copy")
    args = parser.parse_args()
    python = sys.executable
    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_TMP")) as tmp:
        folder = Path(tmp)
        # a data folder of its own: the daily backups land there, not in the user's
        env = {**os.environ, "ZICHA_DATA_DIR": str(folder / "data"),
               "QT_QPA_PLATFORM": "offscreen"}
        if args.bytecode_cache:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
        files = prepare(folder, args.items, env)
        demo, big = str(files["demo"]), str(files["big"])
        rows = []

        def bar(key: str, name: str, ours: list[str], reference: list[str], limit: str, *,
                gui: str = "") -> None:
            if key not in args.bars:
                return
            mine, theirs = paired(ours, reference, args.runs, env, reports_time=gui)
            rows.append((name, mine, theirs, limit))
            print(f"  measured {name}: {mine:.3f} s against {theirs:.3f} s", flush=True)

        bar("info", "info (demo)", [python, "main.py", "info", "--db", demo],
            [python, "-c", BARE_SQLALCHEMY, demo], "≤ 0.35 s")
        bar("docx", f"export-docx ({args.items:,})",
            [python, "main.py", "export-docx", "--db", big, "--out", str(folder / "ours.docx")],
            [python, "-c", BARE_DOCXTPL, str(files["template"]), str(files["blocks"]),
             str(folder / "bare.docx")], "≤ 1.2 ×")
        bar("xlsx", f"export-xlsx ({args.items:,})",
            [python, "main.py", "export-xlsx", "--db", big, "--out", str(folder / "ours.xlsx")],
            [python, "-c", BARE_OPENPYXL, str(files["table"]), str(folder / "bare.xlsx")],
            "≤ 1.2 ×")
        bar("gui", "GUI window shown (demo)", [python, "-c", GUI_CHILD, demo], [python, "-c", BARE_QT],
            "≤ 3 × and ≤ 0.5 s", gui="shown")
        bar("ready", "GUI window ready (demo)", [python, "-c", GUI_CHILD, demo],
            [python, "-c", BARE_QT], "(services loaded; informative)", gui="ready")
    print(f"\n{'bar':<26}{'ours':>9}{'reference':>11}{'ratio':>8}  target")
    print("-" * 64)
    references = {"info": "bare SQLAlchemy query", "export-docx": "bare docxtpl",
                  "export-xlsx": "bare openpyxl", "GUI": "bare Qt window"}
    for name, mine, theirs, limit in rows:
        reference = next(v for k, v in references.items() if name.startswith(k))
        print(f"{name:<26}{mine:>8.3f}s{theirs:>10.3f}s{mine / theirs:>7.2f}×  {limit} "
              f"(reference: {reference})")
    cache = ("with .pyc files" if args.bytecode_cache
             else f"PYTHONDONTWRITEBYTECODE={os.environ.get('PYTHONDONTWRITEBYTECODE', '')!s}")
    print(f"\nmedians of {args.runs} whole processes each, alternated (one warm-up run not "
          f"counted); {cache}")


if __name__ == "__main__":
    main()
