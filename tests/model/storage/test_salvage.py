"""check --salvage: what SQLite can still read goes into a new database that passes check."""

from __future__ import annotations

from pathlib import Path

import pytest

from model.errors import ModelError
from model.services import Services
from model.storage.integrity import check_database
from model.storage.migrate import open_sqlite
from model.storage.salvage import salvage
from tests.model.storage.crafted import damage, sha256


@pytest.fixture
def with_file(demo: Services, demo_id: int, tmp_path: Path) -> Services:
    source = tmp_path / "材料.pdf"
    source.write_bytes(b"%PDF salvage")
    demo.evidence.attach_file(demo.items.list(demo_id)[-1].id, source)
    demo.close()
    return demo


def test_a_healthy_database_is_copied_whole(with_file: Services, tmp_path: Path) -> None:
    report = salvage(with_file.db.sqlite_path, tmp_path / "new.db")
    assert report.rows["check_item"] == 40 and report.rows["evidence"] == 1
    assert report.files_copied == 1 and report.unreadable == 0
    copy = Services.over(open_sqlite(tmp_path / "new.db", create=False))
    try:
        assert check_database(copy.db).ok
        assert copy.search.item_ids(copy.assessments.list()[0].id, "疫情")  # index rebuilt
    finally:
        copy.close()


def test_rows_of_a_lost_page_are_left_out_and_the_rest_kept(with_file: Services,
                                                            tmp_path: Path) -> None:
    broken = damage(with_file.db.sqlite_path, tmp_path / "broken.db", "zeroed page")
    before = sha256(broken)
    report = salvage(broken, tmp_path / "new.db")
    assert 0 < report.rows["check_item"] < 40 and report.unreadable > 0
    assert report.rows["dimension"] == 8 and report.rows["assessment"] == 1
    assert sha256(broken) == before


def test_refusals(with_file: Services, tmp_path: Path) -> None:
    live = with_file.db.sqlite_path
    existing = tmp_path / "existing.db"
    existing.write_text("keep")
    with pytest.raises(ModelError, match="已存在"):
        salvage(live, existing)
    with pytest.raises(ModelError, match="正在使用的数据库"):
        salvage(live, live)
    header_lost = tmp_path / "header.db"
    data = bytearray(live.read_bytes())
    data[100:4096] = bytes(3996)
    header_lost.write_bytes(bytes(data))
    with pytest.raises(ModelError, match="结构信息已损坏"):
        salvage(header_lost, tmp_path / "new.db")
    assert existing.read_text() == "keep" and not (tmp_path / "new.db").exists()
