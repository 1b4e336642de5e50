"""One benchmark for everything: realistic assessments of 1,000 / 10,000 / 100,000 items, each
figure measured in fresh processes (median of the runs), with peak memory and the scaling
exponent (log-log slope) between sizes. Writes bench/results.json.

python bench/run.py [--quick] [--runs N] [--out FILE]      (--quick: 1,000 and 10,000 items)
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

FIGURES = ("db creation", "open to tree shown", "filter keystroke", "filter keystroke worst",
           "keystroke worst CPU", "first keystroke", "find index ready", "search ≥3 chars",
           "search 1-2 chars", "Word export", "Word export floor", "Excel export", "Excel import",
           "Excel import floor", "evidence export")
# Floors: what a bare script using the library alone takes for the same work, in the same run
# (Word: docxtpl rendering the report's paragraphs into our template; Excel import: openpyxl's
# read-only rows of the same file, inserted with sqlite3's executemany into a database of this
# schema — its indexes and full-text triggers included, as the items must be stored).
NEEDS = {"Word export floor": "docxtpl"}  # what a floor's bare script imports (requirements-bench)
# Figures a child measures along with another (one window, one process).
ALONG = {"find index ready": "filter keystroke", "filter keystroke worst": "filter keystroke",
         "first keystroke": "filter keystroke", "keystroke worst CPU": "filter keystroke"}
# "keystroke worst CPU": the process's own CPU time of the worst keystroke (what a shared
# machine's load adds to the wall time is not in it)
LONG_QUERIES = ("疫情防控", "医疗卫生", "健康北京", "卫生健康委", "公共卫生")
SHORT_QUERIES = ("疫", "医疗", "改革", "健康", "卫生")

CHILD = r'''
import json, os, resource, statistics, sys, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
sys.path.insert(0, {root!r})
from pathlib import Path
figure, db, items, work = {figure!r}, Path({db!r}), {items}, Path({work!r})

def peak():
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss over exec from the parent that forked us
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

def timed(action):
    start, cpu = time.perf_counter(), time.process_time()
    action()
    timed.cpu = time.process_time() - cpu
    return time.perf_counter() - start

result = {{}}
if figure == "db creation":
    from bench.generate import make_database
    target = work / "created.db"
    result["seconds"] = timed(lambda: make_database(target, items)[0].close())
elif figure in ("open to tree shown", "filter keystroke"):
    # the find box and the status and 处室 filters, each change a keystroke; the find index of a
    # large assessment is read in the window's idle time after it opens ("find index ready")
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from gui.window.main_window import MainWindow
    from gui.infra.settings import Settings
    from model.storage.migrate import open_sqlite
    from model.services import Services
    holder = {{}}
    def open_window():
        holder["w"] = MainWindow(Services.over(open_sqlite(db)), Settings())
        holder["w"].show()
        app.processEvents()
    opened = timed(open_window)
    if figure == "open to tree shown":
        result["seconds"] = opened
    else:
        window = holder["w"]
        def first_keystroke():  # a clerk who types as the window opens: the index is not read yet
            window.filter_bar.text.setText({long!r}[0])
            app.processEvents()
        result["first keystroke"] = timed(first_keystroke)
        window.filter_bar.text.setText("")
        app.processEvents()
        def ready():
            while not window.left.find_ready():
                app.processEvents()
        result["find index ready"] = timed(ready)
        bar = window.filter_bar
        times, cpu = [], []
        for query in {long!r} + {short!r} + ("",):
            def keystroke(q=query):
                bar.text.setText(q)
                app.processEvents()
            times.append(timed(keystroke))
            cpu.append(timed.cpu)
        for combo in (bar.status, bar.department):
            for index in (1, 2, 0):
                def choose(c=combo, i=index):
                    c.setCurrentIndex(i)
                    app.processEvents()
                times.append(timed(choose))
                cpu.append(timed.cpu)
        result["seconds"] = statistics.median(times)
        result["filter keystroke worst"] = max(times)
        result["keystroke worst CPU"] = max(cpu)
elif figure.startswith("search"):
    from model.storage.migrate import open_sqlite
    from model.search.full_text import SearchService
    search = SearchService(open_sqlite(db))
    queries = {long!r} if "≥3" in figure else {short!r}
    search.item_ids(1, queries[0])  # warm the page cache like a running app
    result["seconds"] = statistics.median(timed(lambda q=q: search.item_ids(1, q)) for q in queries)
else:
    # the exports open the database as the command line does (no services, no ORM loaded)
    from model.storage.migrate import open_sqlite
    from model.report.build import report_of
    from model.report.layouts import load_layout
    database = open_sqlite(db)
    if figure == "Word export":
        from exporters.docx_report import export_docx
        result["seconds"] = timed(lambda: export_docx(report_of(database, 1), work / "r.docx"))
    elif figure == "Excel export":
        from exporters.xlsx_table import export_xlsx
        result["seconds"] = timed(lambda: export_xlsx(report_of(database, 1),
                                                      load_layout("selfcheck"), work / "t.xlsx"))
    elif figure == "Word export floor":
        import json
        from bench.word_export import docxtpl_template
        from exporters.report_outline import outline
        from exporters.xmltext import TextCleaner
        blocks = [b.text for b in outline(report_of(database, 1), TextCleaner())]
        template = docxtpl_template(work)
        database.dispose()
        del database
        import gc
        gc.collect()
        def bare_docxtpl():
            from docxtpl import DocxTemplate
            document = DocxTemplate(str(template))
            document.render({{"blocks": blocks}})
            document.save(str(work / "bare.docx"))
        result["seconds"] = timed(bare_docxtpl)
    elif figure == "Excel import floor":
        import shutil
        shutil.copy(work / "import-floor.db", work / "floor.db")
        def bare_import():
            import sqlite3, uuid
            from datetime import datetime
            import openpyxl
            book = openpyxl.load_workbook(work / "import-source.xlsx", read_only=True)
            connection = sqlite3.connect(work / "floor.db")
            now = datetime.now().isoformat(" ")
            sheet = book.worksheets[0]
            # the same texts as ours stores (the full-text index's cost is in their length),
            # found by their headers: the export's columns before them follow the tree's depth
            header = next(sheet.iter_rows(min_row=2, max_row=2, values_only=True))
            content, result = header.index("自查内容"), header.index("落实情况")
            rows = [(uuid.uuid4().hex, 1, 1, n, row[content] or "", row[result] or "", now)
                    for n, row in enumerate(sheet.iter_rows(min_row=3, values_only=True))]
            texts = ("target", "department", "progress_q1", "progress_q2", "progress_q3",
                     "progress_q4", "indicator_target", "indicator_actual", "deviation_reason",
                     "owner", "deadline", "note")
            connection.executemany(
                "INSERT INTO check_item (uid, assessment_id, dimension_id, position, content, "
                "result, updated_at, status, version, extras, " + ", ".join(texts) + ") VALUES "
                "(?, ?, ?, ?, ?, ?, ?, '未开始', 1, '{{}}', " + ", ".join("''" for _ in texts) + ")",
                rows)
            connection.commit()
            connection.close()
            book.close()
        result["seconds"] = timed(bare_import)
    elif figure == "Excel import":
        from importers.store import store_table
        from importers.xlsx_table import ImportOptions, read_table
        from model.services import Services
        source = work / "import-source.xlsx"
        target = Services.over(open_sqlite(work / "imported.db"))
        known = ImportOptions(unit="基准单位", year=2024)  # the generated title names neither
        result["seconds"] = timed(lambda: store_table(target, read_table(source, options=known), None))
    elif figure == "evidence export":
        from exporters.evidence_package import export_evidence
        from model.storage.filestore import FileStore
        store = FileStore(database.files_dir)
        result["seconds"] = timed(lambda: export_evidence(
            report_of(database, 1, with_evidence=True), store.path_for, work / "e.zip"))
result["peak_mb"] = peak()
print(json.dumps(result))
'''


def prepare(size: int, folder: Path) -> Path:
    """The database of one size, with evidence (one 64 KB file per 20 items) and an export to
    import back."""
    from bench.generate import make_database
    from exporters.xlsx_table import export_xlsx
    from model.framework.bulk import create_assessment_tree
    from model.report.build import report_of
    from model.report.layouts import load_layout
    from model.services import Services
    from model.storage.migrate import open_sqlite

    db = folder / f"{size}.db"
    services, assessment_id = make_database(db, size)
    items = services.items.list(assessment_id)
    sources = folder / f"evidence-{size}"
    sources.mkdir()
    for n in range(0, len(items), 20):
        path = sources / f"材料{n}.pdf"
        path.write_bytes(os.urandom(64 * 1024))
        services.evidence.attach_files(items[n].id, [path])
    export_xlsx(report_of(services.db, assessment_id), load_layout("selfcheck"),
                folder / f"import-{size}.xlsx")
    services.close()
    floor = folder / f"import-floor-{size}.db"  # the import floor's: one assessment, one dimension
    bare = Services.over(open_sqlite(floor))
    create_assessment_tree(bare.db, {"assessment": {"unit_name": "基准单位", "year": 2024},
                                     "dimensions": [{"name": "维度"}]})
    bare.close()
    return db


def measure(figure: str, db: Path, size: int, folder: Path) -> dict[str, float]:
    work = folder / "work"
    work.mkdir(exist_ok=True)
    for leftover in work.glob("*"):
        leftover.unlink() if leftover.is_file() else None
    (work / "import-source.xlsx").symlink_to(folder / f"import-{size}.xlsx")
    (work / "import-floor.db").symlink_to(folder / f"import-floor-{size}.db")
    code = CHILD.format(root=str(ROOT), figure=figure, db=str(db), items=size, work=str(work),
                        long=LONG_QUERIES, short=SHORT_QUERIES)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=False, timeout=1800)
    if done.returncode != 0:
        raise RuntimeError(f"{figure} at {size}: {done.stderr[-2000:]}")
    for leftover in work.glob("*"):
        if leftover.is_file() or leftover.is_symlink():
            leftover.unlink()
        else:
            import shutil

            shutil.rmtree(leftover)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="1,000 and 10,000 items only")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results.json")
    parser.add_argument("--sizes", type=int, nargs="+", help="only these sizes")
    parser.add_argument("--figures", nargs="+", choices=FIGURES, help="only these figures")
    args = parser.parse_args()
    sizes = args.sizes or ([1000, 10000] if args.quick else [1000, 10000, 100000])
    wanted = set(args.figures or FIGURES)
    wanted |= {ALONG[f] for f in wanted if f in ALONG}  # and what is measured along with them
    wanted |= {f for f, host in ALONG.items() if host in wanted}
    figures = []
    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_TMP")) as tmp:
        folder = Path(tmp)
        for size in sizes:
            db = prepare(size, folder)
            measured: dict[str, list[dict[str, float]]] = {}
            for figure in [f for f in FIGURES if f in wanted]:
                if figure in NEEDS and importlib.util.find_spec(NEEDS[figure]) is None:
                    print(f"  skipped {figure}: {NEEDS[figure]} is not installed "
                          "(pip install -r requirements-bench.txt)", flush=True)
                    continue
                if figure in ALONG:
                    runs = [{"seconds": r[figure], "peak_mb": r["peak_mb"]}
                            for r in measured[ALONG[figure]]]
                else:
                    runs = [measure(figure, db, size, folder) for _ in range(args.runs)]
                    measured[figure] = runs
                figures.append({"name": figure, "items": size,
                                "median_s": round(statistics.median(r["seconds"] for r in runs), 4),
                                "peak_mb": round(max(r["peak_mb"] for r in runs), 1)})
                print(f"  measured {figure} at {size}: {figures[-1]['median_s']} s", flush=True)
    exponents = {}
    for figure in FIGURES:
        points = {f["items"]: f["median_s"] for f in figures if f["name"] == figure}
        low, high = (10000, 100000) if 100000 in points else (1000, 10000)
        if low not in points:
            continue
        if points.get(low, 0) > 0 and points.get(high, 0) > 0:
            exponents[figure] = round(math.log(points[high] / points[low]) / math.log(high / low), 2)
    args.out.write_text(json.dumps(
        {"figures": figures, "exponents": exponents}, ensure_ascii=False, indent=1), "utf-8")
    print_table(figures, exponents, sizes)


def print_table(figures: list[dict], exponents: dict[str, float], sizes: list[int]) -> None:
    header = f"{'figure':<24}" + "".join(f"{f'{s:,} items':>22}" for s in sizes) + f"{'exponent':>10}"
    print(header)
    print("-" * len(header))
    for figure in FIGURES:
        cells = []
        for size in sizes:
            f = next((x for x in figures if x["name"] == figure and x["items"] == size), None)
            if f is None:
                cells.append("—")
                continue
            value = (f"{f['median_s'] * 1000:.1f} ms" if f["median_s"] < 1
                     else f"{f['median_s']:.2f} s")
            cells.append(f"{value} / {f['peak_mb']:.0f} MB")
        print(f"{figure:<24}" + "".join(f"{c:>22}" for c in cells)
              + f"{exponents.get(figure, float('nan')):>10.2f}")
    for figure in FIGURES:  # each figure against its floor, measured in the same run
        floor = {x["items"]: x["median_s"] for x in figures if x["name"] == f"{figure} floor"}
        ours = {x["items"]: x["median_s"] for x in figures if x["name"] == figure}
        ratios = [f"{size:,}: {ours[size] / floor[size]:.2f}×" for size in sizes
                  if floor.get(size) and size in ours]
        if ratios:
            print(f"{figure} against its floor: " + ", ".join(ratios))


if __name__ == "__main__":
    main()
