"""GUI speed at scale (offscreen): open to tree shown, filter keystroke, edit to database, memory.

python bench/gui.py [--items 10000] — run in a fresh process per size (memory is per process).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication

from bench.generate import make_database
from gui.infra.settings import Settings
from gui.window.main_window import MainWindow
from model.services import Services
from model.storage.migrate import open_sqlite


def peak_mb() -> float:
    """VmHWM: ru_maxrss would include what the parent had when it forked this process."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=10000)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.db"
        services, assessment_id = make_database(path, args.items)
        services.close()
        start = time.perf_counter()
        services = Services.over(open_sqlite(path))
        window = MainWindow(services, Settings())
        window.show()
        app.processEvents()
        opened = time.perf_counter() - start
        filters = []
        for text in ("医", "医疗", "医疗卫", "疫情防控", ""):
            start = time.perf_counter()
            window.filter_bar.text.setText(text)
            app.processEvents()
            filters.append(time.perf_counter() - start)
        item = services.items.list(assessment_id)[args.items // 2]
        window.select("item", item.id)
        app.processEvents()
        edits = []
        for n in range(5):
            start = time.perf_counter()
            window.item_editor.texts["result"].edit.setPlainText(f"第{n}次修改")
            window.item_editor.binder.commit()
            edits.append(time.perf_counter() - start)
        assert services.items.get(item.id).result == "第4次修改"
        print(f"items={args.items} open_to_tree_s={opened:.3f} "
              f"filter_keystroke_ms_median={statistics.median(filters) * 1000:.1f} "
              f"filter_keystroke_ms_max={max(filters) * 1000:.1f} "
              f"edit_to_db_ms_median={statistics.median(edits) * 1000:.1f} peak_mb={peak_mb():.0f}")
        window.close()
        services.close()


if __name__ == "__main__":
    main()
