"""Deleting a whole assessment (a wrong import) and taking the delete back: the database as before."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import main
from importers.finance_xlsx import read_finance_form
from importers.store import store_finance_form
from model.framework.assessment_removal import assessment_size, delete_assessment, restore_assessment
from model.services import Services
from model.year_compare.previous import choose_previous

REAL = Path(__file__).resolve().parents[1] / "data" / "realworld"


def every_row(database: Path) -> dict[str, list[tuple]]:
    connection = sqlite3.connect(database)
    try:
        names = [r[0] for r in connection.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")]
        shadows = ("_data", "_idx", "_docsize", "_config", "_content")  # FTS internals: b-tree layout
        tables = [n for n in names if not (n.endswith(shadows) and n.rsplit("_", 1)[0] in names)
                  and n != "audit_log"]  # the record of edits keeps the delete and its undo
        return {t: sorted(connection.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr)
                for t in tables}
    finally:
        connection.close()


def test_delete_then_restore_gives_back_the_same_database(demo: Services, tmp_path: Path) -> None:
    first = demo.assessments.list()[0].id
    item = demo.items.list(first)[0]
    note = tmp_path / "通知.txt"
    note.write_text("会议通知", encoding="utf-8")
    demo.evidence.attach_file(item.id, note)
    form_id, _score = store_finance_form(demo, read_finance_form(next(REAL.glob("R1_*"))))
    choose_previous(demo.db, first, form_id)  # a link of its own (a table keyed by assessment)
    database = tmp_path / "demo.db"
    before = every_row(database)
    size = assessment_size(demo.db, first)
    assert (size.dimensions, size.items, size.evidence) == (8, 40, 1)
    deleted = delete_assessment(demo.db, first)
    assert [a.id for a in demo.assessments.list()] == [form_id]
    assert restore_assessment(demo.db, deleted) == first
    assert every_row(database) == before
    finance = delete_assessment(demo.db, form_id)
    restore_assessment(demo.db, finance)
    assert every_row(database) == before


def test_cli_deletes_after_a_backup_and_refuses_an_unknown_id(tmp_path: Path, capsys) -> None:
    db = tmp_path / "a.db"
    assert main.main(["demo", "--db", str(db)]) == 0
    capsys.readouterr()
    assert main.main(["delete-assessment", "--db", str(db), "--assessment", "7"]) == 2
    assert "自评（编号 7）不存在" in capsys.readouterr().err
    assert main.main(["delete-assessment", "--db", str(db), "--assessment", "1"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("已删除自评 1“北京市卫生健康委员会2021年度日常履职考核事项完成情况自查表”："
                          "8 个维度，40 项")
    backup = Path(out.rsplit("删除前的备份：", 1)[1].split("（", 1)[0])
    assert backup.exists() and every_row(backup)["assessment"]
    assert every_row(db)["assessment"] == [] and every_row(db)["check_item"] == []


def test_nothing_is_written_for_an_unknown_id(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    assert main.main(["demo", "--db", str(db)]) == 0
    before = db.read_bytes()
    assert main.main(["delete-assessment", "--db", str(db), "--assessment", "99"]) == 2
    assert db.read_bytes() == before
