"""A hand-out is all or nothing (issue 27): on a full disk (a real small tmpfs), a refusal half
way, a cancel or a failed record, the folder is as it was (no workbook, no temporary file, a
replaced file back) and no hand-out is recorded."""

from __future__ import annotations

import os
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

import main
from exporters.errors import ExportCancelled, ExportError
from exporters.handout_set import write_handout_set
from exporters.handout_xlsx import handout_file_names
from model.collect.handout import build_handout, record_handout
from model.opening import create_demo_database
from model.services import Services

DEPARTMENTS = ["法规处", "医政处", "疾控处", "基层处", "规划处", "财务处"]


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    """The demo with items spread over six departments (and some without one: 7 workbooks)."""
    path = tmp_path / "demo.db"
    services = create_demo_database(path)
    for item in services.items.list(services.assessments.list()[0].id):
        department = DEPARTMENTS[item.seq % 7] if item.seq % 7 < 6 else ""
        services.items.update(item.id, department=department, result="落实情况" * 200)
    services.close()
    return path


def handouts(db: Path) -> int:
    with sqlite3.connect(db) as connection:
        count = connection.execute("SELECT count(*) FROM handout").fetchone()[0]
    connection.close()
    return int(count)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "stick"
    folder.mkdir()
    if os.geteuid() != 0:
        pytest.skip("a small tmpfs needs root")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=96k", "tmpfs", str(folder)],
                             capture_output=True, check=False)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr!r}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def test_a_full_disk_leaves_nothing_and_records_nothing(demo_db: Path, small_disk: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    (small_disk / "已有.txt").write_text("别动", encoding="utf-8")
    code = main.main(["handout", "--db", str(demo_db), "--out", str(small_disk)])
    err = capsys.readouterr().err
    assert code == 2 and "磁盘空间不足" in err, err
    assert sorted(p.name for p in small_disk.iterdir()) == ["已有.txt"]
    assert handouts(demo_db) == 0


@pytest.fixture
def books(demo_db: Path) -> Iterator[tuple[Services, int, list, list[str]]]:
    from model.opening import open_services

    services = open_services(str(demo_db))
    assessment_id = services.assessments.list()[0].id
    made = build_handout(services.db, assessment_id)
    yield services, assessment_id, made, handout_file_names(made)
    services.close()


def test_a_failed_record_takes_the_workbooks_back(books, tmp_path: Path) -> None:
    _services, _assessment_id, made, names = books
    out = tmp_path / "out"
    out.mkdir()
    (out / names[0]).write_bytes(b"the department's own copy")

    def record() -> None:
        raise ExportError("记录失败")

    with pytest.raises(ExportError, match="记录失败"):
        write_handout_set(made, names, out, record=record)
    assert sorted(p.name for p in out.iterdir()) == [names[0]]
    assert (out / names[0]).read_bytes() == b"the department's own copy"


def test_a_cancel_half_way_leaves_nothing(books, tmp_path: Path) -> None:
    _services, _assessment_id, made, names = books
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(ExportCancelled):
        write_handout_set(made, names, out, progress=lambda done, _total: done < 3)
    assert list(out.iterdir()) == []


def test_a_complete_hand_out_is_recorded_with_its_files(books, tmp_path: Path) -> None:
    services, assessment_id, made, names = books
    out = tmp_path / "out"
    out.mkdir()
    paths = write_handout_set(made, names, out, record=lambda: record_handout(
        services.db, assessment_id, made, names))
    assert sorted(p.name for p in out.iterdir()) == sorted(names) == sorted(p.name for p in paths)
    assert len(names) == 7
