"""The one verified snapshot: a bad source or a full disk never replaces the target nor leaves a
half-written file; the live database is never a target. ENOSPC is simulated at the write call
here (the real small filesystem is in tests/test_cli_hostile.py, where the machine allows it)."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from exporters.atomic import write_atomically
from exporters.errors import ExportError
from model.errors import ModelError
from model.services import Services
from model.storage import snapshot as snapshot_module
from model.storage.examine import examine
from model.storage.snapshot import snapshot
from model.storage.targets import TargetRefusedError, refuse_live_target
from tests.model.storage.crafted import damage, sha256


def _no_space(*_args: object) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


def test_a_snapshot_is_ours_and_intact(demo: Services, tmp_path: Path) -> None:
    out = snapshot(demo.db.sqlite_path, tmp_path / "copy.db")
    assert examine(out).ok
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".~")]


def test_a_damaged_source_leaves_the_existing_target(demo: Services, tmp_path: Path) -> None:
    demo.close()
    broken = damage(demo.db.sqlite_path, tmp_path / "broken.db", "random page")
    target = tmp_path / "existing.db"
    target.write_bytes(b"the clerk's older backup")
    with pytest.raises(ModelError, match="损坏"):
        snapshot(broken, target)
    assert target.read_bytes() == b"the clerk's older backup"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".~")]


def test_a_full_disk_during_a_snapshot(demo: Services, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "existing.db"
    target.write_bytes(b"old")
    monkeypatch.setattr(snapshot_module, "_fsync", _no_space)
    with pytest.raises(ModelError, match=f"磁盘空间不足：文件夹“{tmp_path}”"):
        snapshot(demo.db.sqlite_path, target)
    assert target.read_bytes() == b"old"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".~")]


def test_a_full_disk_during_an_export(tmp_path: Path) -> None:
    target = tmp_path / "report.docx"
    target.write_bytes(b"old")
    before = sha256(target)

    def write(temp: Path) -> None:
        with open(temp, "wb") as handle:
            handle.write(b"partial")
        _no_space()

    with pytest.raises(ExportError, match="磁盘空间不足"):
        write_atomically(target, write)
    assert sha256(target) == before and sorted(p.name for p in tmp_path.iterdir()) == ["report.docx"]


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm", "-journal", ".files", ".files/ab/x"])
def test_the_live_database_is_never_a_target(demo: Services, suffix: str) -> None:
    live = demo.db.sqlite_path
    with pytest.raises(TargetRefusedError, match="正在使用的数据库"):
        refuse_live_target(Path(f"{live}{suffix}"), live)


def test_a_link_or_a_relative_name_to_the_live_database_is_refused(
        demo: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    live = demo.db.sqlite_path
    link = tmp_path / "other-name.db"
    link.symlink_to(live)
    with pytest.raises(TargetRefusedError):
        refuse_live_target(link, live)
    hard = tmp_path / "hard.db"
    hard.hardlink_to(live)
    with pytest.raises(TargetRefusedError):
        refuse_live_target(hard, live)
    monkeypatch.chdir(live.parent)
    with pytest.raises(TargetRefusedError):
        refuse_live_target(Path(live.name), live)
