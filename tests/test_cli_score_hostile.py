"""`score` under hostile numbers (issue 27): never NaN/Infinity in the JSON, such numbers refused
on input naming the cell; a negative budget or amount reported as negative, not as missing."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import openpyxl
import pytest

import resources
from model.errors import ValidationError
from model.finance.service import FinanceService
from model.storage.migrate import open_sqlite
from tests.db_templates import migrated
from tests.importers.finance_forms import national
from tests.test_cli import run_here as run
from tests.test_cli_score import make_form

HUGE = "9" * 400


def test_a_400_digit_target_already_in_a_database_gives_valid_json(tmp_path: Path) -> None:
    db = tmp_path / "f.db"
    assessment_id = make_form(db)
    with sqlite3.connect(db) as connection:  # as an older version let it in
        connection.execute("UPDATE check_item SET indicator_target = ?, indicator_actual = ? "
                           "WHERE id = (SELECT min(id) FROM check_item WHERE assessment_id = ?)",
                           (f"≥{HUGE}个", f"{HUGE}个", assessment_id))
    connection.close()
    done = run("score", "--db", str(db), "--assessment", str(assessment_id), data_dir=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Infinity" not in done.stdout and "NaN" not in done.stdout
    data = json.loads(done.stdout, parse_constant=lambda name: pytest.fail(name))
    first = data["indicators"][0]
    assert first["target"] == f"≥{HUGE}个" and first["score"] == 0
    assert any("数值过大" in p["message"] for p in data["problems"])


@pytest.mark.parametrize("field", ["target", "actual"])
def test_the_service_refuses_a_400_digit_number(tmp_path: Path, field: str) -> None:
    database = open_sqlite(migrated(tmp_path / "f.db"))
    data = resources.demo_project_form()
    data["indicators"][0][field] = f"{HUGE}个"
    with pytest.raises(ValidationError, match="数值过大"):
        FinanceService(database).create(data)
    database.dispose()


@pytest.mark.parametrize("cell", ["E13", "F13"])
def test_import_refuses_a_400_digit_number_naming_the_cell(tmp_path: Path, cell: str) -> None:
    path = national(tmp_path / "form.xlsx")
    book = openpyxl.load_workbook(path)
    book.active[cell] = f"≥{HUGE}个"
    book.save(path)
    db = tmp_path / "f.db"
    done = run("import-xlsx", str(path), "--db", str(db), data_dir=tmp_path)
    assert done.returncode == 2, done.stderr
    assert "第 13 行" in done.stderr and "数值过大" in done.stderr, done.stderr
    assert not db.exists() or "项目自评" not in run("info", "--db", str(db),
                                                    data_dir=tmp_path).stdout


@pytest.mark.parametrize(("budget", "spent", "message"), [
    (-480, 456, "预算数（A）为负数（-480）"),
    (480, -5, "执行数（B）为负数（-5）"),
    (0, 456, "预算数（A）为 0"),
    (1e-300, 1e11, "预算数（A）1e-300 过小"),
])
def test_a_negative_budget_or_amount_is_reported_as_negative(tmp_path: Path, budget: float,
                                                             spent: float, message: str) -> None:
    db = tmp_path / "f.db"
    database = open_sqlite(db)
    data = resources.demo_project_form()
    for fund in data["funds"]:
        fund.update(budget_adjusted=budget, budget_initial=budget, spent=spent)
    assessment_id = FinanceService(database).create(data)
    database.dispose()
    done = run("score", "--db", str(db), "--assessment", str(assessment_id), data_dir=tmp_path)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout, parse_constant=lambda name: pytest.fail(name))
    if spent >= 0:  # the budget is what is wrong: no rate, no points
        assert data["execution"]["rate"] is None and data["execution"]["score"] == 0
    messages = [p["message"] for p in data["problems"]]
    assert any(message in m for m in messages), messages
    assert not any("未填写" in m and "预算" in m for m in messages), messages
