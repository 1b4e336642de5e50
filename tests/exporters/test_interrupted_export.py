"""An export killed mid-write leaves the old file exactly as it was."""

from __future__ import annotations

import contextlib
import hashlib
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from bench.generate import make_database
from model.services import Services
from tests.db_templates import copy_template

ROOT = Path(__file__).resolve().parents[2]
CHILD = """
import sys
sys.path.insert(0, {root!r})
from pathlib import Path
from exporters.docx_report import export_docx
from exporters.xlsx_table import export_xlsx
from model.report.layouts import load_layout
from model.report.build import report_of
from model.services import Services
from model.storage.migrate import open_sqlite
services = Services.over(open_sqlite(Path({db!r})))
report = report_of(services.db, services.assessments.list()[0].id)
def progress(done, total):
    print(f"progress {{done}}", flush=True)  # the parent kills us once writing is under way
    return True
if {kind!r} == "docx":
    export_docx(report, Path({out!r}), table_layout=load_layout("selfcheck"), progress=progress)
else:
    export_xlsx(report, load_layout("selfcheck"), Path({out!r}), progress=progress)
print("finished", flush=True)
"""


def test_killed_exports_leave_the_old_file(tmp_path: Path) -> None:
    db = tmp_path / "large.db"  # 4,000 items, made once for both exports
    with contextlib.closing(make_database(copy_template("empty", db), 4000)[0]):
        pass
    for kind in ("docx", "xlsx"):
        out = tmp_path / f"report.{kind}"
        out.write_bytes(b"last year's file, still needed")
        before = hashlib.sha256(out.read_bytes()).hexdigest()
        child = subprocess.Popen([sys.executable, "-c", CHILD.format(
            root=str(ROOT), db=str(db), kind=kind, out=str(out))],
            stdout=subprocess.PIPE, text=True)
        while True:  # wait until the file is being written, past the first progress report
            line = child.stdout.readline()
            assert line, "the export ended before it could be interrupted"
            if line.startswith("progress") and int(line.split()[1]) > 0:
                break
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        assert hashlib.sha256(out.read_bytes()).hexdigest() == before, kind


def test_no_export_replaces_a_database_file(demo: Services, demo_id: int, tmp_path: Path) -> None:
    """Every exporter writes through write_atomically: a database file is never replaced, even
    when the caller forgot to check that the target is the live database."""
    from exporters.atomic import write_atomically
    from exporters.errors import ExportError

    live = demo.db.sqlite_path
    before = live.read_bytes()
    with pytest.raises(ExportError, match="数据库文件"):
        write_atomically(live, lambda temp: temp.write_bytes(b"PK not a database"))
    assert live.read_bytes() == before
    assert not [p for p in live.parent.iterdir() if p.name.startswith(".~")]
