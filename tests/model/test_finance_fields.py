"""The finance form's per-field checks: two Services objects and two real processes editing one
fund amount and one indicator of the same database; no update is lost, every stale write is
refused with a FieldConflictError naming mine and theirs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import resources
from model.finance.fields import FieldConflictError
from model.services import Services
from model.storage.migrate import open_sqlite
from tests.db_templates import migrated

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = 12

WORKER = """
import sys
from model.errors import ConflictError
from model.services import Services
from model.storage.migrate import open_sqlite

services = Services.over(open_sqlite(sys.argv[1]))
print("ready", flush=True)  # both clerks have the database open before either edits
sys.stdin.readline()
assessment, fund, item, rounds = (int(a) for a in sys.argv[2:6])
finance, fields = services.finance, services.finance_fields
refused = 0
for _ in range(rounds):
    while True:  # read, add one, write only if nobody wrote in between; else read again
        seen = next(f for f in finance.funds(assessment) if f.id == fund).spent
        try:
            fields.set_fund(fund, "spent", seen + 1, expected=seen)
            break
        except ConflictError:
            refused += 1
    while True:
        seen = services.items.get(item).score
        try:
            fields.set_indicator(item, "score", seen + 1, expected=seen)
            break
        except ConflictError:
            refused += 1
services.close()
print(refused)
"""


@pytest.fixture
def form(tmp_path: Path) -> tuple[Path, int, int, int]:
    path = tmp_path / "form.db"
    services = Services.over(open_sqlite(migrated(path)))
    finance = services.finance
    assessment = finance.create(resources.demo_project_form())
    fund = finance.funds(assessment)[0]
    finance.update_fund(fund.id, spent=0)
    item = finance.indicators(assessment)[0].item_id
    services.items.update(item, score=0)
    services.close()
    return path, assessment, fund.id, item


def test_a_stale_write_from_another_window_is_refused_naming_both(form) -> None:
    path, assessment, fund, item = form
    a, b = Services.over(open_sqlite(path)), Services.over(open_sqlite(path))
    try:
        seen_by_a = a.finance.form(assessment)
        assert seen_by_a is not None
        b.finance_fields.set_form_text(assessment, "goal_actual", "B 写的完成情况",
                                          expected=seen_by_a.goal_actual)
        b.finance_fields.set_fund(fund, "spent", 300, expected=0)
        b.finance_fields.set_indicator(item, "indicator_actual", "B 填的", expected=a.items.get(
            item).indicator_actual)
        with pytest.raises(FieldConflictError) as refused:
            a.finance_fields.set_form_text(assessment, "goal_actual", "A 写的",
                                              expected=seen_by_a.goal_actual)
        assert (refused.value.label, refused.value.current) == ("实际完成情况", "B 写的完成情况")
        assert "实际完成情况" in refused.value.message
        with pytest.raises(FieldConflictError) as refused:
            a.finance_fields.set_fund(fund, "spent", 400, expected=0)
        assert (refused.value.label, refused.value.current) == ("全年执行数", 300)
        with pytest.raises(FieldConflictError):
            a.finance_fields.set_indicator(item, "indicator_actual", "A 填的", expected="")
        form_now = a.finance.form(assessment)
        assert form_now is not None and form_now.goal_actual == "B 写的完成情况"
        assert a.finance.funds(assessment)[0].spent == 300
        assert a.items.get(item).indicator_actual == "B 填的"
        # other fields of the same rows stay free to edit: the check is per field
        a.finance_fields.set_fund(fund, "budget_initial", 500,
                                     expected=a.finance.funds(assessment)[0]
                                     .budget_initial)
        a.finance_fields.set_form_text(assessment, "project_name", "A 改的项目名称",
                                          expected=seen_by_a.project_name)
    finally:
        a.close()
        b.close()


def test_two_processes_lose_no_update(form) -> None:
    path, assessment, fund, item = form
    workers = [subprocess.Popen(
        [sys.executable, "-c", WORKER, str(path), str(assessment), str(fund), str(item),
         str(ROUNDS)], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True) for _ in range(2)]
    for worker in workers:  # (opening while the other writes: test_opening_while_writing.py)
        assert worker.stdout is not None and worker.stdout.readline().strip() == "ready"
    for worker in workers:  # then both at once
        assert worker.stdin is not None
        worker.stdin.write("go\n")
        worker.stdin.flush()
    outputs = [worker.communicate(timeout=120) for worker in workers]
    assert [worker.returncode for worker in workers] == [0, 0], outputs
    services = Services.over(open_sqlite(path))
    try:
        assert services.finance.funds(assessment)[0].spent == 2 * ROUNDS, outputs
        assert services.items.get(item).score == 2 * ROUNDS
    finally:
        services.close()
