"""The import formats' registry: the most particular format that recognises a file reads it,
import-xlsx offers every format's options, and a new format is one module."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

import main
from importers.registry import format_for, import_formats, import_options, import_suffixes
from tests.format_plugins import plugged_in
from tests.importers import finance_forms, workbooks


def import_command_flags() -> set[str]:
    parser = main.build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return {flag for a in action.choices["import-xlsx"]._actions for flag in a.option_strings}


def test_the_formats_in_the_order_files_are_tried() -> None:
    assert [f.name for f in import_formats()] == ["finance_form", "clerk_table"]
    assert import_suffixes() == (".xlsx", ".xls", ".et")


def test_import_xlsx_offers_every_formats_options() -> None:
    declared = {o.flag for o in import_options()}
    assert declared == {"--layout", "--sheet", "--map", "--header-row", "--unit", "--year",
                        "--filled-status", "--include-row"}
    assert import_command_flags() == declared | {"-h", "--help", "--db", "--into", "--dry-run"}


def test_a_form_is_read_as_a_form_unless_a_plain_table_is_asked_for(tmp_path: Path) -> None:
    form = finance_forms.national(tmp_path / "form.xlsx")
    assert format_for(form, {}).name == "finance_form"
    assert format_for(form, {"map": ["三级指标=content"]}).name == "clerk_table"
    assert format_for(form, {"layout": "selfcheck"}).name == "clerk_table"
    assert format_for(form, {"into": 1}).name == "clerk_table"
    assert format_for(workbooks.clerk_task_table(tmp_path / "t.xlsx"), {}).name == "clerk_table"
    assert format_for(workbooks.text_renamed(tmp_path / "x.xlsx"), {}).name == "clerk_table"


def test_a_new_import_format_is_one_module(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "事项.csv"
    source.write_text("content,status\n第一项,已完成\n第二项,未开始\n", encoding="utf-8")
    db = tmp_path / "new.db"
    with plugged_in(tmp_path / "plugins"):
        assert import_suffixes() == (".xlsx", ".xls", ".et", ".csv")
        assert main.main(["import-xlsx", str(source), "--db", str(db), "--dry-run"]) == 0
        assert json.loads(capsys.readouterr().out)["sheets"] == [{"name": "csv", "items": 2}]
        assert not db.exists()  # a dry run writes nothing
        assert main.main(["import-xlsx", str(source), "--db", str(db)]) == 0
        assert capsys.readouterr().out.strip() == "已导入：2 项 → 自评编号 1"
        assert main.main(["items", "--db", str(db)]) == 0
        items = json.loads(capsys.readouterr().out)
        assert [(i["content"], i["status"]) for i in items] == [("第一项", "已完成"),
                                                                ("第二项", "未开始")]
        bad = tmp_path / "坏.csv"
        bad.write_text("a,b\n", encoding="utf-8")
        assert main.main(["import-xlsx", str(bad), "--db", str(db)]) == 2
        assert "“坏.csv”第 1 行不是 content,status。" in capsys.readouterr().err
    assert [f.name for f in import_formats()] == ["finance_form", "clerk_table"]


def test_a_cancelled_import_writes_nothing(services, tmp_path: Path) -> None:
    from importers.errors import ImportCancelled
    from importers.registry import import_format, run_import

    fmt = import_format("clerk_table")
    path = workbooks.clerk_task_table(tmp_path / "任务.xlsx")
    read = fmt.read(path, {})
    with pytest.raises(ImportCancelled, match="没有写入任何内容"):
        run_import(fmt, services, read, progress=lambda _d, _t: False)
    assert services.assessments.list() == []
    with pytest.raises(ImportCancelled):  # cancelled while its items are written: rolled back
        run_import(fmt, services, read, progress=lambda _d, t: t == 1)
    assert services.assessments.list() == []
    steps: list[tuple[int, int]] = []
    stored = run_import(fmt, services, read, progress=lambda d, t: steps.append((d, t)) or True)
    # before, as the items are written (every thousand and the last), when done
    assert steps == [(0, 1), (5, 5), (1, 1)]
    assert services.assessments.get(stored.assessment_id).year == 2017
