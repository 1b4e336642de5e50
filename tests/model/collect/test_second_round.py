"""Collect, second round: re-sent workbooks apply only what changed since the last collect, the
hand-out record (not the workbook) decides which keys a department may send and the base, swapped
keys and another department's rows are reported, rows once added are not offered again."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from exporters.handout_xlsx import INFO_SHEET, INFO_TABLE_ROW, ITEMS_SHEET
from importers.handout_xlsx import read_returned
from model.collect.merge import CollectOptions, collect, reapply, revert
from model.collect.progress import handout_progress
from model.schema import HandoutItem
from model.services import Services
from tests.model.collect.helpers import database_state, edit_cells, hand_out, small_assessment


@pytest.fixture
def handed(services: Services, tmp_path: Path) -> tuple[int, dict[str, Path]]:
    assessment = small_assessment(services)
    return assessment, hand_out(services, assessment, tmp_path)


def owned(services: Services, assessment: int, department: str) -> list:
    return [i for i in services.items.list(assessment) if i.department == department]


def uid(services: Services, item_id: int) -> str:
    return dict(database_state(services)[item_id][0])["uid"]


def collect_one(services: Services, path: Path, **options) -> dict:
    return collect(services.db, [read_returned(path)], CollectOptions(**options)).as_json()


def test_a_corrected_re_sent_workbook_is_applied_without_a_conflict(services: Services,
                                                                     handed) -> None:
    assessment, books = handed
    item = owned(services, assessment, "法规处")[0]
    key = uid(services, item.id)
    edit_cells(books["法规处"], {(key, "result"): "已印发方案。", (key, "status"): "推进中"})
    first = collect_one(services, books["法规处"])
    assert {(c["field"]) for c in first["applied"]} == {"result", "status"}
    # the department corrects its text and sends the same workbook again
    edit_cells(books["法规处"], {(key, "result"): "已印发方案并组织实施。"})
    second = collect_one(services, books["法规处"])
    assert second["conflicts"] == []
    assert [(c["item"], c["field"]) for c in second["applied"]] == [(item.id, "result")]
    stored = services.items.get(item.id)
    assert (stored.result, stored.status) == ("已印发方案并组织实施。", "推进中")
    # the clerk polishes the text afterwards; the department's third send changes only 状态
    services.items.update(item.id, result="综合处润色后的文字。")
    edit_cells(books["法规处"], {(key, "status"): "已完成"})
    third = collect_one(services, books["法规处"])
    assert third["conflicts"] == [] and [c["field"] for c in third["applied"]] == ["status"]
    assert services.items.get(item.id).result == "综合处润色后的文字。"


@pytest.mark.parametrize("settle", ["choice", "prefer mine", "prefer theirs"])
def test_a_conflict_once_resolved_is_not_asked_again(services: Services, handed,
                                                     settle: str) -> None:
    assessment, books = handed
    item = owned(services, assessment, "医政处")[0]
    key = uid(services, item.id)
    edit_cells(books["医政处"], {(key, "result"): "处室填的"})
    services.items.update(item.id, result="综合处写的")
    options = ({"resolutions": {(item.id, "result"): "综合处写的"}} if settle == "choice"
               else {"prefer": settle.split()[1]})
    first = collect_one(services, books["医政处"], **options)
    assert [c["field"] for c in first["conflicts"]] == ["result"]
    settled = services.items.get(item.id).result
    assert settled == ("处室填的" if settle == "prefer theirs" else "综合处写的")
    again = collect_one(services, books["医政处"])  # re-sent as it was: nothing to ask
    assert again["conflicts"] == [] and again["applied"] == []
    assert services.items.get(item.id).result == settled


def test_a_conflict_left_open_is_asked_again(services: Services, handed) -> None:
    assessment, books = handed
    item = owned(services, assessment, "医政处")[0]
    edit_cells(books["医政处"], {(uid(services, item.id), "result"): "处室填的"})
    services.items.update(item.id, result="综合处写的")
    assert len(collect_one(services, books["医政处"])["conflicts"]) == 1
    assert len(collect_one(services, books["医政处"])["conflicts"]) == 1


def test_another_departments_keys_are_rejected_and_named(services: Services, handed) -> None:
    """法规处 pastes 医政处's row (key and all) into its own workbook: that row is refused, named;
    its own rows still merge."""
    assessment, books = handed
    mine = owned(services, assessment, "法规处")[0]
    theirs = owned(services, assessment, "医政处")[0]
    edit_cells(books["法规处"], {(uid(services, mine.id), "result"): "法规处填的"})
    workbook = openpyxl.load_workbook(books["法规处"])
    sheet = workbook[ITEMS_SHEET]
    sheet.append([99, "全面依法", theirs.content, "", "法规处替医政处写的", "已完成"])
    key_column = next(c.column for c in sheet[1] if c.value == "uid")
    sheet.cell(sheet.max_row, key_column, uid(services, theirs.id))
    workbook.save(books["法规处"])
    out = collect_one(services, books["法规处"])
    assert [(r["seq"], r["content"]) for r in out["rejected_rows"]] == [("99", theirs.content)]
    assert "医政处" in out["rejected_rows"][0]["reason"]
    assert [(c["item"], c["field"]) for c in out["applied"]] == [(mine.id, "result")]
    assert services.items.get(theirs.id).result == theirs.result
    assert out["rejected"] == [] and out["new_rows"] == []


def test_a_forged_base_in_the_hidden_sheet_has_no_effect(services: Services, handed,
                                                         tmp_path: Path) -> None:
    """The hidden sheet claims the clerk's text was handed out (so the department's text would
    overwrite it): the database's record of the hand-out says otherwise, a conflict."""
    assessment, books = handed
    item = owned(services, assessment, "法规处")[0]
    key = uid(services, item.id)
    edit_cells(books["法规处"], {(key, "result"): "处室填的"})
    services.items.update(item.id, result="综合处写的")
    honest = collect(services.db, [read_returned(books["法规处"])],
                     CollectOptions(dry_run=True)).as_json()
    workbook = openpyxl.load_workbook(books["法规处"])
    info = workbook[INFO_SHEET]
    header = [c.value for c in info[INFO_TABLE_ROW]]
    for row in info.iter_rows(min_row=INFO_TABLE_ROW + 1):
        if row[0].value == key:
            row[header.index("result")].value = "综合处写的"
    workbook.save(books["法规处"])
    assert read_returned(books["法规处"]).base is not None  # the forged sheet is there
    forged = collect_one(services, books["法规处"])
    assert forged == honest
    assert [c["field"] for c in forged["conflicts"]] == ["result"]
    assert services.items.get(item.id).result == "综合处写的"


def test_a_swapped_key_is_reported_not_applied(services: Services, handed) -> None:
    """Two rows' 编号 cells swapped (a sort of only some columns): each row's visible 自查内容
    no longer matches its key's item; both reported, neither applied."""
    assessment, books = handed
    first, second = owned(services, assessment, "法规处")[:2]
    workbook = openpyxl.load_workbook(books["法规处"])
    sheet = workbook[ITEMS_SHEET]
    columns = {c.value: c.column for c in sheet[1] if c.value}
    rows = {sheet.cell(r, columns["uid"]).value: r for r in range(4, sheet.max_row + 1)}
    a, b = rows[uid(services, first.id)], rows[uid(services, second.id)]
    key_a, key_b = sheet.cell(a, columns["uid"]).value, sheet.cell(b, columns["uid"]).value
    sheet.cell(a, columns["uid"], key_b)
    sheet.cell(b, columns["uid"], key_a)
    sheet.cell(a, columns["result"], "写给第一项的")
    workbook.save(books["法规处"])
    before = database_state(services)
    out = collect_one(services, books["法规处"])
    assert sorted(r["content"] for r in out["rejected_rows"]) == sorted([first.content,
                                                                          second.content])
    assert all("不一致" in r["reason"] for r in out["rejected_rows"])
    assert out["applied"] == [] and database_state(services) == before


def test_deleted_rows_are_named_in_the_result_and_the_progress(services: Services, handed) -> None:
    assessment, books = handed
    gone = owned(services, assessment, "医政处")[1]
    workbook = openpyxl.load_workbook(books["医政处"])
    sheet = workbook[ITEMS_SHEET]
    columns = {c.value: c.column for c in sheet[1] if c.value}
    [row] = [r for r in range(4, sheet.max_row + 1)
             if sheet.cell(r, columns["uid"]).value == uid(services, gone.id)]
    sheet.delete_rows(row)
    workbook.save(books["医政处"])
    out = collect_one(services, books["医政处"])
    assert [(r["seq"], r["content"]) for r in out["missing_rows"]] == [(str(gone.seq), gone.content)]
    [progress] = [p for p in handout_progress(services.db, assessment) if p.department == "医政处"]
    assert progress.missing == ((str(gone.seq), gone.content),)


def test_a_row_once_added_is_recognised_not_offered_again(services: Services, handed) -> None:
    _assessment, books = handed
    workbook = openpyxl.load_workbook(books["法规处"])
    workbook[ITEMS_SHEET].append([None, "全面依法", "处室新增的事项", "", "已做"])
    workbook.save(books["法规处"])
    offered = collect(services.db, [read_returned(books["法规处"])], CollectOptions(dry_run=True))
    assert [r.content for r in offered.new_rows] == ["处室新增的事项"]
    added = collect(services.db, [read_returned(books["法规处"])],
                    CollectOptions(add_new=offered.new_rows))
    [new_id] = added.created
    # re-sent with the added row corrected: recognised as that item, the correction applied
    workbook = openpyxl.load_workbook(books["法规处"])
    sheet = workbook[ITEMS_SHEET]
    sheet.cell(sheet.max_row, 5, "已做完并验收")
    workbook.save(books["法规处"])
    again = collect_one(services, books["法规处"])
    assert again["new_rows"] == [] and again["missing_rows"] == []
    assert [(c["item"], c["field"]) for c in again["applied"]] == [(new_id, "result")]
    assert services.items.get(new_id).result == "已做完并验收"


def test_undo_and_redo_of_a_collect_move_the_bases_back_and_forth(services: Services,
                                                                  handed) -> None:
    assessment, books = handed
    item = owned(services, assessment, "法规处")[0]
    key = uid(services, item.id)
    edit_cells(books["法规处"], {(key, "result"): "处室填的"})
    bases = recorded(services)
    result = collect(services.db, [read_returned(books["法规处"])], CollectOptions())
    moved = recorded(services)
    assert moved != bases and result.moves
    revert(services.db, result.applied, result.created, result.returns, result.moves)
    assert recorded(services) == bases
    again = collect_one(services, books["法规处"], dry_run=True)  # as if never collected
    assert [c["field"] for c in again["applied"]] == ["result"]
    reapply(services.db, result.applied, [], result.moves)
    assert recorded(services) == moved


def recorded(services: Services) -> list[tuple]:
    with services.db.transaction() as session:
        return [(r.item_uid, json.loads(r.base), r.returned)
                for r in session.scalars(select(HandoutItem).order_by(HandoutItem.id))]
