"""The three-way merge on named cases: a conflict, --prefer, rows added/deleted, refusals, rollback."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from importers.handout_xlsx import read_returned
from model.collect.merge import CollectOptions, collect, revert
from model.services import Services
from model.storage.backups import make_backup
from tests.model.collect.helpers import database_state, edit_cells, hand_out, small_assessment


@pytest.fixture
def handed(services: Services, tmp_path: Path) -> tuple[int, dict[str, Path]]:
    assessment = small_assessment(services)
    return assessment, hand_out(services, assessment, tmp_path)


def first_item(services: Services, assessment: int, department: str):
    return next(i for i in services.items.list(assessment) if i.department == department)


@pytest.mark.parametrize(("prefer", "kept"), [(None, "处里改的"), ("mine", "处里改的"),
                                              ("theirs", "处室填的")])
def test_a_field_both_sides_changed_is_a_conflict(services: Services, handed, prefer, kept) -> None:
    assessment, books = handed
    item = first_item(services, assessment, "法规处")
    edit_cells(books["法规处"], {(uid(services, item.id), "result"): "处室填的",
                                (uid(services, item.id), "target"): "目标已定"})
    services.items.update(item.id, result="处里改的")
    result = collect(services.db, [read_returned(books["法规处"])], CollectOptions(prefer=prefer))
    conflict = result.as_json()["conflicts"]
    assert conflict == [{"item": item.id, "field": "result", "base": item.result,
                         "mine": "处里改的", "theirs": "处室填的"}]
    stored = services.items.get(item.id)
    assert (stored.result, stored.target) == (kept, "目标已定")  # only theirs changed: applied
    applied = {(c["item"], c["field"]) for c in result.as_json()["applied"]}
    assert (item.id, "target") in applied
    assert ((item.id, "result") in applied) == (prefer == "theirs")


def test_the_clerks_choice_resolves_a_conflict_and_undo_restores(services: Services, handed) -> None:
    assessment, books = handed
    item = first_item(services, assessment, "医政处")
    edit_cells(books["医政处"], {(uid(services, item.id), "result"): "处室填的"})
    services.items.update(item.id, result="处里改的")
    before = database_state(services)
    book = read_returned(books["医政处"])
    result = collect(services.db, [book], CollectOptions(
        resolutions={(item.id, "result"): "两者合并后的文字"}))
    assert services.items.get(item.id).result == "两者合并后的文字"
    revert(services.db, result.applied, result.created)
    assert database_state(services) == before


def test_added_and_deleted_rows_are_reported_never_applied(services: Services, handed,
                                                           tmp_path: Path) -> None:
    import openpyxl

    _assessment, books = handed
    workbook = openpyxl.load_workbook(books[""])
    sheet = workbook["自查事项"]
    deleted_content = sheet.cell(4, 3).value
    sheet.delete_rows(4)
    sheet.append([None, "全面依法", "处室新增的事项", "", "已做"])
    workbook.save(books[""])
    before = database_state(services)
    result = collect(services.db, [read_returned(books[""])], CollectOptions())
    out = result.as_json()
    assert [r["content"] for r in out["new_rows"]] == ["处室新增的事项"]
    assert out["new_rows"][0]["dimension"] == "全面依法"
    assert [r["content"] for r in out["missing_rows"]] == [deleted_content]
    assert database_state(services) == before
    # accepted by the clerk: added under its dimension, with the department's name
    result = collect(services.db, [read_returned(books[""])],
                     CollectOptions(add_new=result.new_rows))
    added = services.items.get(result.created[0])
    assert (added.content, added.result, added.department) == ("处室新增的事项", "已做", "")


def test_one_bad_workbook_leaves_the_database_untouched(services: Services, handed,
                                                        tmp_path: Path) -> None:
    assessment, books = handed
    item = first_item(services, assessment, "法规处")
    edit_cells(books["法规处"], {(uid(services, item.id), "result"): "处室填的"})
    bad = first_item(services, assessment, "医政处")
    edit_cells(books["医政处"], {(uid(services, bad.id), "status"): "差不多了"})
    path = services.db.sqlite_path
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = database_state(services)
    result = collect(services.db, [read_returned(books["法规处"]), read_returned(books["医政处"])],
                     CollectOptions(backup=lambda: make_backup(path, reason="before-collect")))
    assert [r.file for r in result.rejected] == ["医政处.xlsx"]
    assert "状态" in result.rejected[0].reason and "差不多了" in result.rejected[0].reason
    assert not result.written and result.backup is None
    assert database_state(services) == before


def test_a_collect_that_writes_makes_a_verified_backup_first(services: Services, handed) -> None:
    assessment, books = handed
    item = first_item(services, assessment, "法规处")
    edit_cells(books["法规处"], {(uid(services, item.id), "result"): "处室填的"})
    path = services.db.sqlite_path
    result = collect(services.db, [read_returned(books["法规处"])],
                     CollectOptions(backup=lambda: make_backup(path, reason="before-collect")))
    assert result.written and result.backup is not None and result.backup.exists()
    with sqlite3.connect(result.backup) as connection:  # the backup holds the state before
        old = connection.execute("SELECT result FROM check_item WHERE id = ?", (item.id,)).fetchone()
    assert old == (item.result,)
    again = collect(services.db, [read_returned(books["法规处"])],
                    CollectOptions(backup=lambda: make_backup(path, reason="before-collect")))
    assert not again.written and again.backup is None  # a repeat writes nothing, backs up nothing


def test_a_workbook_of_another_database_is_refused(services: Services, handed, tmp_path: Path,
                                                   demo: Services) -> None:
    _assessment, books = handed
    result = collect(demo.db, [read_returned(books["法规处"])], CollectOptions())
    assert "另一个自评或另一个数据库" in result.rejected[0].reason
    assert not result.written


def uid(services: Services, item_id: int) -> str:
    return dict(database_state(services)[item_id][0])["uid"]


def test_a_workbook_of_another_assessment_is_refused_when_one_is_named(
        services: Services, handed) -> None:
    assessment, books = handed
    other = services.assessments.copy_to_year(assessment, 2025)
    result = collect(services.db, [read_returned(books["法规处"])],
                     CollectOptions(assessment_id=other.id))
    assert "属于另一个自评" in result.rejected[0].reason and not result.written
    # the new year's copy has new keys: its items are not the ones handed out
    copy_items = {i.content for i in services.items.list(other.id)}
    assert copy_items and result.applied == []

