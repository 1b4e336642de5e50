"""check finds tampered and missing files; cleaning respects other windows and undo history."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from model.errors import ModelError
from model.services import Services
from model.storage.integrity import check_database, remove_unreferenced
from model.storage.usage import mark_closed, mark_open
from tests.cli_runs import run_main
from tests.db_templates import copy_template

ROOT = Path(__file__).resolve().parents[3]


def attach(services: Services, item_id: int, folder: Path, name: str, data: bytes):
    path = folder / name
    path.write_bytes(data)
    return services.evidence.attach_files(item_id, [path])[0]


def test_tampered_and_missing_files_are_named(demo: Services, demo_id: int, tmp_path: Path) -> None:
    item = demo.items.list(demo_id)[0]
    kept = attach(demo, item.id, tmp_path, "完好.pdf", b"fine")
    changed = attach(demo, item.id, tmp_path, "被改.pdf", b"original")
    missing = attach(demo, item.id, tmp_path, "丢失.pdf", b"gone")
    assert check_database(demo.db).ok
    changed_path = demo.db.files_dir / changed.file_sha256[:2] / changed.file_sha256
    changed_path.chmod(0o644)
    changed_path.write_bytes(b"tampered")
    (demo.db.files_dir / missing.file_sha256[:2] / missing.file_sha256).unlink()
    report = check_database(demo.db)
    assert not report.ok and report.files_checked == 3
    assert any("“被改”" in p and "校验值不符" in p for p in report.problems)
    assert any("“丢失”" in p and "文件缺失" in p for p in report.problems)
    assert not any(kept.title in p for p in report.problems)


def test_cli_check_exit_codes(tmp_path: Path) -> None:
    env = {**os.environ, "ZICHA_DATA_DIR": str(tmp_path)}
    db = tmp_path / "a.db"
    copy_template("demo", db)  # what `demo` makes, migrated once per session
    evidence = tmp_path / "材料.pdf"
    evidence.write_bytes(b"evidence")
    assert run_main(["attach", "--db", str(db), "--item", "1", str(evidence)], env).returncode == 0
    ok = run_main(["check", "--db", str(db)], env)
    assert ok.returncode == 0 and "检查通过" in ok.stdout
    stored = next(p for p in (tmp_path / "a.db.files").rglob("*") if p.is_file())
    stored.chmod(0o644)
    stored.write_bytes(b"changed")
    bad = run_main(["check", "--db", str(db)], env)
    assert bad.returncode == 2 and "“材料”" in bad.stdout and "校验值不符" in bad.stdout


def test_cleaning_keeps_what_undo_needs_and_waits_for_other_windows(
        demo: Services, demo_id: int, tmp_path: Path) -> None:
    item = demo.items.list(demo_id)[0]
    first = attach(demo, item.id, tmp_path, "一.pdf", b"one")
    second = attach(demo, item.id, tmp_path, "二.pdf", b"two")
    demo.evidence.detach(first.id)
    demo.evidence.detach(second.id)
    path = demo.db.sqlite_path
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        marker = path.with_name(path.name + ".in-use") / str(other.pid)
        marker.parent.mkdir(exist_ok=True)
        marker.touch()  # another window has the database open
        with pytest.raises(ModelError, match="正被其他窗口"):
            remove_unreferenced(demo.db)
    finally:
        other.kill()
        other.wait()
    time.sleep(0.1)
    mark_open(path)  # our own marker does not block us
    removed = remove_unreferenced(demo.db, keep={first.file_sha256})
    mark_closed(path)
    assert removed == 1
    assert (demo.db.files_dir / first.file_sha256[:2] / first.file_sha256).exists()
    assert not (demo.db.files_dir / second.file_sha256[:2] / second.file_sha256).exists()


def test_a_planted_trigger_is_reported(demo: Services) -> None:
    """The GUI's Tools → Check sees what the CLI's check sees: a schema that is not ours."""
    with demo.db.engine.begin() as connection:
        connection.exec_driver_sql("CREATE TRIGGER wipe AFTER INSERT ON evidence BEGIN "
                                   "DELETE FROM check_item; END")
    report = check_database(demo.db)
    assert report.problems == ["数据库结构：多出触发器“wipe”"]
