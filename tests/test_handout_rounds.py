"""The command line over several rounds: handout --out creates its folder and never replaces a
department's (returned) workbook without --replace; collect of a corrected, re-sent workbook
applies the correction without a conflict; deleted and refused rows are named in the JSON."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

import main
from exporters.handout_xlsx import ITEMS_SHEET
from model.schema import CheckItem
from model.services import Services
from model.storage.migrate import open_sqlite
from tests.db_templates import migrated
from tests.model.collect.helpers import edit_cells, small_assessment


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "t.db"
    services = Services.over(open_sqlite(migrated(path)))
    small_assessment(services)
    services.close()
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict, str]:
    code = main.main(list(argv))
    out, err = capsys.readouterr()
    return code, json.loads(out) if out.strip().startswith("{") else {}, err


def items(db: Path) -> dict[str, dict]:
    services = Services.over(open_sqlite(db))
    try:
        assessment = services.assessments.list()[0].id
        with services.db.transaction() as session:
            uids = {row.id: row.uid for row in session.query(CheckItem)}
        return {uids[i.id]: {"id": i.id, "seq": i.seq, "content": i.content, "result": i.result,
                             "department": i.department}
                for i in services.items.list(assessment)}
    finally:
        services.close()


def test_handout_creates_its_folder_and_refuses_to_replace_without_replace(
        db: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "新建" / "第一轮"
    code, data, err = run(capsys, "handout", "--db", str(db), "--out", str(out))
    assert code == 0, err
    paths = [Path(f["path"]) for f in data["files"]]
    assert out.is_dir() and all(p.exists() for p in paths)
    returned = next(p for p in paths if p.name == "法规处.xlsx")
    key = next(k for k, v in items(db).items() if v["department"] == "法规处")
    edit_cells(returned, {(key, "result"): "已交回的文字"})
    stamp = returned.read_bytes()
    code, data, err = run(capsys, "handout", "--db", str(db), "--out", str(out))
    assert code == 2 and data == {}
    assert "法规处.xlsx" in err and "--replace" in err and "未分发" in err
    assert returned.read_bytes() == stamp  # the returned workbook is untouched
    code, data, err = run(capsys, "handout", "--db", str(db), "--out", str(out), "--replace")
    assert code == 0, err
    assert returned.read_bytes() != stamp


def test_handout_refuses_a_file_as_its_folder(db: Path, tmp_path: Path, capsys) -> None:
    plain = tmp_path / "a.txt"
    plain.write_text("x")
    code, _data, err = run(capsys, "handout", "--db", str(db), "--out", str(plain))
    assert code == 2 and "不是文件夹" in err and plain.read_text() == "x"


def test_a_corrected_re_sent_workbook_collects_without_a_conflict(
        db: Path, tmp_path: Path, capsys) -> None:
    code, data, _ = run(capsys, "handout", "--db", str(db), "--out", str(tmp_path / "out"))
    book = next(Path(f["path"]) for f in data["files"] if f["department"] == "医政处")
    key, item = next((k, v) for k, v in items(db).items() if v["department"] == "医政处")
    edit_cells(book, {(key, "result"): "第一次填写。"})
    code, first, err = run(capsys, "collect", str(book), "--db", str(db))
    assert code == 0, err
    assert [(c["item"], c["field"]) for c in first["applied"]] == [(item["id"], "result")]
    edit_cells(book, {(key, "result"): "第一次填写，已更正。"})
    code, second, err = run(capsys, "collect", str(book), "--db", str(db))
    assert code == 0, err
    assert second["conflicts"] == []
    assert [(c["item"], c["field"]) for c in second["applied"]] == [(item["id"], "result")]
    assert items(db)[key]["result"] == "第一次填写，已更正。"


def test_deleted_and_refused_rows_are_named_in_the_json(db: Path, tmp_path: Path, capsys) -> None:
    code, data, _ = run(capsys, "handout", "--db", str(db), "--out", str(tmp_path / "out"))
    book = next(Path(f["path"]) for f in data["files"] if f["department"] == "法规处")
    everything = items(db)
    gone_key, gone = next((k, v) for k, v in everything.items() if v["department"] == "法规处")
    other_key, other = next((k, v) for k, v in everything.items() if v["department"] == "医政处")
    workbook = openpyxl.load_workbook(book)
    sheet = workbook[ITEMS_SHEET]
    columns = {c.value: c.column for c in sheet[1] if c.value}
    for r in range(4, sheet.max_row + 1):
        if sheet.cell(r, columns["uid"]).value == gone_key:  # the department deleted this row…
            sheet.cell(r, columns["uid"], other_key)  # …and pasted 医政处's row in its place
            sheet.cell(r, columns["content"], other["content"])
            sheet.cell(r, columns["result"], "越权填写")
    workbook.save(book)
    code, result, err = run(capsys, "collect", str(book), "--db", str(db))
    assert code == 0, err
    assert [(r["seq"], r["content"]) for r in result["missing_rows"]] == [
        (str(gone["seq"]), gone["content"])]
    assert [r["content"] for r in result["rejected_rows"]] == [other["content"]]
    assert other["content"] in err and "医政处" in err
    assert items(db)[other_key]["result"] == other["result"]
