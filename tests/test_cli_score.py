"""`main.py score`: the JSON contract of a scored finance form, and its refusals."""

from __future__ import annotations

import json
from pathlib import Path

import resources
from model.finance.service import FinanceService
from model.storage.migrate import open_sqlite
from tests.db_templates import copy_template, migrated
from tests.test_cli import run_here as run

KEYS = ["kind", "execution", "indicators", "total", "rating", "problems"]
INDICATOR_KEYS = ["level1", "level2", "name", "direction", "target", "actual", "unit", "points",
                  "score", "needs_reason", "reason"]


def make_form(path: Path, **changes: object) -> int:
    database = open_sqlite(migrated(path))
    data = resources.demo_project_form()
    data["indicators"][0].update(changes)
    assessment_id = FinanceService(database).create(data)
    database.dispose()
    return assessment_id


def test_score_prints_the_contract(tmp_path: Path) -> None:
    db = tmp_path / "f.db"
    assessment_id = make_form(db, actual="40个")
    done = run("score", "--db", str(db), "--assessment", str(assessment_id), data_dir=tmp_path)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert list(data) == KEYS
    assert data["execution"] == {"budget": 480, "spent": 456, "rate": 0.95, "points": 10,
                                 "score": 9.5}
    first = data["indicators"][0]
    assert list(first) == INDICATOR_KEYS
    assert first | {"reason": ""} == {
        "level1": "产出指标", "level2": "数量指标", "name": "村卫生室标准化建设数量", "direction": "≥",
        "target": 50, "actual": 40, "unit": "个", "points": 15, "score": 12, "needs_reason": True,
        "reason": ""}
    assert data["total"] == 93.83 and data["rating"] == "优"
    assert data["problems"] == [{"indicator": "村卫生室标准化建设数量",
                                 "message": "得分低于分值，须填写偏差原因分析及改进措施"}]


def test_score_refuses_a_self_check_assessment(tmp_path: Path) -> None:
    db = copy_template("demo", tmp_path / "d.db")  # what `demo` makes, migrated once per session
    done = run("score", "--db", str(db), data_dir=tmp_path)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.strip().count("\n") == 0 and "不是项目支出" in done.stderr
