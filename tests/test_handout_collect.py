"""Hand out the demo to its departments, edit the workbooks as departments do (openpyxl, a
LibreOffice re-save standing in for WPS/Excel, an .xls), collect them back through the CLI."""

from __future__ import annotations

import fcntl
import hashlib
import json
import sqlite3
import subprocess
from pathlib import Path

import openpyxl
import pytest

import main
from exporters.handout_xlsx import INFO_SHEET, ITEMS_SHEET
from model.opening import create_demo_database
from tests.db_templates import copy_template, demo_services
from tests.exporters.rendering import LOCK_FILE, require_tools
from tests.model.collect.helpers import edit_cells

DEPARTMENTS = ["法规处", "医政处", "综合/督查:处"]


@pytest.fixture
def demo_db(tmp_path: Path) -> tuple[Path, dict[str, list[int]]]:
    """The demo with departments: items 1-15 法规处, 16-30 医政处, 31 an unsafe name, rest none."""
    path = tmp_path / "demo.db"
    services = demo_services(path)  # the demo, migrated once per session
    items = services.items.list(services.assessments.list()[0].id)
    owned: dict[str, list[int]] = {d: [] for d in [*DEPARTMENTS, ""]}
    for item in items:
        department = ("法规处" if item.seq <= 15 else "医政处" if item.seq <= 30
                      else DEPARTMENTS[2] if item.seq == 31 else "")
        services.items.update(item.id, department=department)
        owned[department].append(item.id)
    services.close()
    return path, owned


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict, str]:
    code = main.main(list(argv))
    out, err = capsys.readouterr()
    return code, json.loads(out) if out.strip().startswith("{") else {}, err


def db_items(path: Path) -> dict[int, tuple]:
    with sqlite3.connect(path) as connection:
        return {row[0]: row[1:] for row in connection.execute(
            "SELECT id, uid, content, target, result, status, department, progress_q1 "
            "FROM check_item ORDER BY id")}


def file_hash(path: Path) -> str:
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return hashlib.sha256(path.read_bytes()).hexdigest()


def uid_of(path: Path, item_id: int) -> str:
    return db_items(path)[item_id][0]


def libreoffice(source: Path, out_dir: Path, target: str) -> Path:
    """Open and save with LibreOffice headless, as a department's WPS/Excel would."""
    require_tools()
    out_dir.mkdir(exist_ok=True)
    profile = (out_dir / "lo-profile").as_uri()
    with LOCK_FILE.open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless",
                        "--convert-to", target, "--outdir", str(out_dir), str(source)],
                       check=True, capture_output=True, timeout=240)
    return out_dir / f"{source.stem}.{target.split(':')[0]}"


def test_handout_writes_one_protected_workbook_per_department(
        demo_db, tmp_path: Path, capsys) -> None:
    db, owned = demo_db
    out = tmp_path / "out"
    out.mkdir()
    code, data, _err = run(capsys, "handout", "--db", str(db), "--out", str(out),
                           "--deadline", "2021年12月20日", "--return-to", "综合处王某")
    assert code == 0
    files = {f["department"]: f for f in data["files"]}
    assert set(files) == {"法规处", "医政处", "综合/督查:处", "未分配处室"}
    assert {f["department"]: f["items"] for f in data["files"]} == {
        "法规处": 15, "医政处": 15, "综合/督查:处": 1, "未分配处室": len(owned[""])}
    assert Path(files["综合/督查:处"]["path"]).name == "综合_督查_处.xlsx"
    assert Path(files["未分配处室"]["path"]).name == "未分配处室.xlsx"
    workbook = openpyxl.load_workbook(files["法规处"]["path"])
    assert workbook.sheetnames == ["填写说明", ITEMS_SHEET, INFO_SHEET]
    guide = "\n".join(str(c.value) for row in workbook["填写说明"].iter_rows() for c in row if c.value)
    assert "2021年12月20日" in guide and "综合处王某" in guide
    info = workbook[INFO_SHEET]
    assert info.sheet_state == "hidden" and info.protection.sheet
    sheet = workbook[ITEMS_SHEET]
    headers = [c.value for c in sheet[3]]
    assert headers[:6] == ["序号", "考评维度", "自查内容", "年度任务目标", "落实情况", "状态"]
    assert sheet.protection.sheet and sheet.row_dimensions[1].hidden
    assert sheet["C4"].protection.locked and not sheet["E4"].protection.locked
    assert sheet["E4"].alignment.wrap_text and sheet.row_dimensions[4].height > 20
    status = sheet.data_validations.dataValidation[0]
    assert status.type == "list" and "超额完成" in status.formula1 and "F4" in str(status.sqref)
    assert [c.value for c in sheet["C"][3:5]] == [
        r[1] for i, r in sorted(db_items(db).items()) if i in owned["法规处"]][:2]


def test_the_demo_is_handed_out_to_its_own_departments(tmp_path: Path, capsys) -> None:
    db = copy_template("demo", tmp_path / "demo.db")
    out = tmp_path / "out"
    out.mkdir()
    code, data, err = run(capsys, "handout", "--db", str(db), "--out", str(out))
    assert code == 0, err
    counts = {f["department"]: f["items"] for f in data["files"]}
    assert "未分配处室" not in counts and 4 <= len(counts) <= 7 and sum(counts.values()) == 40
    assert counts["法规处"] == 5 and counts["医政医管处"] == 9
    assert sorted(p.name for p in out.glob("*.xlsx")) == sorted(f"{d}.xlsx" for d in counts)


def test_departments_edit_and_the_clerk_collects_everything_back(
        demo_db, tmp_path: Path, capsys) -> None:
    db, owned = demo_db
    out = tmp_path / "out"
    out.mkdir()
    _code, data, _ = run(capsys, "handout", "--db", str(db), "--out", str(out))
    paths = {f["department"]: Path(f["path"]) for f in data["files"]}
    a, b, c = owned["法规处"][0], owned["医政处"][0], owned["医政处"][1]
    # 法规处: fills in, sorts its rows backwards, inserts a column and moves 状态 to the front
    edit_cells(paths["法规处"], {(uid_of(db, a), "result"): "已印发实施方案。",
                                (uid_of(db, a), "status"): "未完成"})
    reshape(paths["法规处"])
    # 医政处: fills in two items, re-saved by LibreOffice (styles, protection, hidden sheets rewritten)
    edit_cells(paths["医政处"], {(uid_of(db, b), "result"): "建成26个试点。",
                                (uid_of(db, c), "progress_q1"): "起草文件"})
    resaved = libreoffice(paths["医政处"], tmp_path / "lo", "xlsx:Calc MS Excel 2007 XML")
    # 未分配处室: returned as .xls
    first_free = owned[""][0]
    edit_cells(paths["未分配处室"], {(uid_of(db, first_free), "target"): "全年无事故"})
    old = libreoffice(paths["未分配处室"], tmp_path / "xls", "xls")
    # the clerk meanwhile changed one of 医政处's fields: a conflict
    handed_out = db_items(db)[b][3]
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE check_item SET result = '综合处改写' WHERE id = ?", (b,))
    before = db_items(db)
    files = [str(paths["法规处"]), str(resaved), str(old)]
    code, dry, _ = run(capsys, "collect", *files, "--db", str(db), "--dry-run")
    assert code == 0 and db_items(db) == before
    code, result, err = run(capsys, "collect", *files, "--db", str(db))
    assert code == 0, err
    assert result == dry
    assert sorted((x["item"], x["field"]) for x in result["applied"]) == sorted([
        (a, "result"), (a, "status"), (c, "progress_q1"), (first_free, "target")])
    assert result["conflicts"] == [{"item": b, "field": "result", "base": handed_out,
                                    "mine": "综合处改写", "theirs": "建成26个试点。"}]
    assert result["files"] == 3 and result["rejected"] == [] and result["new_rows"] == []
    now = db_items(db)
    assert (now[a][3], now[a][4]) == ("已印发实施方案。", "未完成")
    assert now[b][3] == "综合处改写" and now[c][6] == "起草文件" and now[first_free][2] == "全年无事故"
    # the same workbooks again: nothing changes
    digest = file_hash(db)
    code, again, _ = run(capsys, "collect", *files, "--db", str(db))
    assert code == 0 and again["applied"] == [] and file_hash(db) == digest
    # --prefer theirs settles the conflict the department's way
    code, theirs, _ = run(capsys, "collect", str(resaved), "--db", str(db), "--prefer", "theirs")
    assert {(x["item"], x["field"]) for x in theirs["applied"]} == {(b, "result")}
    assert db_items(db)[b][3] == "建成26个试点。"


def reshape(path: Path) -> None:
    workbook = openpyxl.load_workbook(path)
    sheet = workbook[ITEMS_SHEET]
    sheet.protection.sheet = False
    last = sheet.max_row
    rows = [[c.value for c in sheet[r]] for r in range(4, last + 1)]
    for offset, values in enumerate(reversed(rows)):
        for column, value in enumerate(values, start=1):
            sheet.cell(4 + offset, column, value)
    sheet.insert_cols(1)  # a column of the department's own
    sheet.cell(3, 1, "处内编号")
    status_column = next(c.column for c in sheet[1] if c.value == "status")
    moved = [sheet.cell(r, status_column).value for r in range(1, last + 1)]
    sheet.delete_cols(status_column)
    sheet.insert_cols(1)
    for r, value in enumerate(moved, start=1):
        sheet.cell(r, 1, value)
    workbook.save(path)


def test_a_workbook_of_another_database_is_refused_and_nothing_changes(
        demo_db, tmp_path: Path, capsys) -> None:
    db, _owned = demo_db
    other = tmp_path / "other.db"
    create_demo_database(other).close()
    out = tmp_path / "out"
    out.mkdir()
    _code, data, _ = run(capsys, "handout", "--db", str(other), "--out", str(out))
    digest = file_hash(db)
    name = Path(data["files"][0]["path"]).name  # the demo's first department
    code, result, err = run(capsys, "collect", data["files"][0]["path"], "--db", str(db))
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert "另一个自评或另一个数据库" in err and name in err
    assert result["rejected"][0]["file"] == name == "办公室.xlsx"
    assert file_hash(db) == digest


def test_a_workbook_of_another_database_without_its_hidden_sheet_is_refused(
        demo_db, tmp_path: Path, capsys) -> None:
    """The 编号 column carries the other database's keys: no falling back to matching by content."""
    db, _owned = demo_db
    other = tmp_path / "other.db"
    create_demo_database(other).close()
    out = tmp_path / "out"
    out.mkdir()
    _code, data, _ = run(capsys, "handout", "--db", str(other), "--out", str(out))
    path = Path(data["files"][0]["path"]).with_name("退回_无隐藏表.xlsx")
    workbook = openpyxl.load_workbook(data["files"][0]["path"])
    del workbook[INFO_SHEET]
    sheet = workbook[ITEMS_SHEET]
    sheet.cell(4, next(c.column for c in sheet[3] if c.value == "落实情况"), "别处填写")
    workbook.save(path)
    digest = file_hash(db)
    code, result, err = run(capsys, "collect", str(path), "--db", str(db))
    assert code == 2 and file_hash(db) == digest
    assert result["applied"] == [] and result["conflicts"] == []
    reason = result["rejected"][0]["reason"]
    assert result["rejected"][0]["file"] == path.name and path.name in reason
    assert "编号" in reason and "不是本数据库中的事项" in reason and path.name in err
    # the same book with its 编号 column removed too: rows without any key match by content
    sheet.delete_cols(sheet.max_column)
    workbook.save(path)
    code, result, err = run(capsys, "collect", str(path), "--db", str(db), "--dry-run")
    assert code == 0, err


def test_without_the_hidden_sheet_rows_match_by_seq_and_content(
        demo_db, tmp_path: Path, capsys) -> None:
    db, owned = demo_db
    out = tmp_path / "out"
    out.mkdir()
    _code, data, _ = run(capsys, "handout", "--db", str(db), "--out", str(out),
                         "--department", "法规处")
    path = Path(data["files"][0]["path"])
    item = owned["法规处"][2]
    edit_cells(path, {(uid_of(db, item), "result"): "处室填写"})
    workbook = openpyxl.load_workbook(path)
    del workbook[INFO_SHEET]
    sheet = workbook[ITEMS_SHEET]
    sheet.delete_cols(sheet.max_column)  # the key column is gone too
    workbook.save(path)
    code, result, err = run(capsys, "collect", str(path), "--db", str(db))
    assert code == 0, err
    # the values handed out were recorded in the database: a plain edit, no conflict
    assert [(x["item"], x["field"]) for x in result["applied"]] == [(item, "result")]
    assert result["conflicts"] == [] and result["missing_rows"] == []
    assert db_items(db)[item][3] == "处室填写"
    # two items with the same content and 序号 shuffled: cannot tell them apart → refused
    with sqlite3.connect(db) as connection:
        same = connection.execute("SELECT content FROM check_item WHERE id = ?", (item,)).fetchone()
        connection.execute("UPDATE check_item SET content = ? WHERE id = ?", (same[0], owned[""][0]))
    sheet.cell(4 + 2, 1, 999)
    workbook.save(path)
    digest = file_hash(db)
    code, result, err = run(capsys, "collect", str(path), "--db", str(db))
    assert code == 2 and "无法唯一对应" in err and file_hash(db) == digest


def test_without_the_hidden_sheet_the_recorded_base_is_used_and_deleted_rows_reported(
        demo_db, tmp_path: Path, capsys) -> None:
    db, owned = demo_db
    done, edited, deleted, clerk = owned["医政处"][:4]
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE check_item SET status = '已完成' WHERE id IN (?, ?)",
                           (done, clerk))
    out = tmp_path / "out"
    out.mkdir()
    _code, data, _ = run(capsys, "handout", "--db", str(db), "--out", str(out),
                         "--department", "医政处")
    path = Path(data["files"][0]["path"])
    edit_cells(path, {(uid_of(db, done), "status"): "推进中",
                      (uid_of(db, edited), "result"): "医政处填写",
                      (uid_of(db, clerk), "status"): "未完成"})
    workbook = openpyxl.load_workbook(path)
    del workbook[INFO_SHEET]
    sheet = workbook[ITEMS_SHEET]
    sheet.protection.sheet = False
    key_column = next(c.column for c in sheet[1] if c.value == "uid")
    row = next(r for r in range(4, sheet.max_row + 1)
               if sheet.cell(r, key_column).value == uid_of(db, deleted))
    sheet.delete_rows(row)
    workbook.save(path)
    with sqlite3.connect(db) as connection:  # the clerk meanwhile changed one of them
        connection.execute("UPDATE check_item SET status = '超额完成' WHERE id = ?", (clerk,))
    code, result, err = run(capsys, "collect", str(path), "--db", str(db))
    assert code == 0, err
    assert sorted((x["item"], x["field"]) for x in result["applied"]) == sorted(
        [(done, "status"), (edited, "result")])
    assert result["conflicts"] == [{"item": clerk, "field": "status", "base": "已完成",
                                    "mine": "超额完成", "theirs": "未完成"}]
    assert [(m["item"], m["file"]) for m in result["missing_rows"]] == [(deleted, path.name)]
    now = db_items(db)
    assert now[done][4] == "推进中" and now[edited][3] == "医政处填写" and now[deleted] is not None


def test_unsafe_workbooks_are_refused(demo_db, tmp_path: Path, capsys) -> None:
    db, _owned = demo_db
    out = tmp_path / "out"
    out.mkdir()
    _code, data, _ = run(capsys, "handout", "--db", str(db), "--out", str(out),
                         "--department", "医政处")
    path = Path(data["files"][0]["path"])
    workbook = openpyxl.load_workbook(path)
    workbook[ITEMS_SHEET]["E4"] = "=1+1"  # a formula never calculated: no value to read
    workbook.save(path)
    renamed = tmp_path / "not.xlsx"
    renamed.write_text("hello", encoding="utf-8")
    digest = file_hash(db)
    code, result, _err = run(capsys, "collect", str(path), str(renamed), "--db", str(db))
    assert code == 2 and file_hash(db) == digest
    reasons = {r["file"]: r["reason"] for r in result["rejected"]}
    assert "公式" in reasons["医政处.xlsx"] and "E4" in reasons["医政处.xlsx"]
    assert "不是 Excel" in reasons["not.xlsx"]
