"""The export formats' registry: what each format declares is what the command line offers, one
call exports for everyone, and a new format is one module."""

from __future__ import annotations

import argparse
import csv
import hashlib
from pathlib import Path

import pytest

import main
from exporters.errors import ExportCancelled
from exporters.registry import export_format, export_formats, run_export
from model.errors import ModelError
from model.services import Services
from tests.format_plugins import plugged_in


def subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = main.build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def test_the_formats_and_their_contract_commands() -> None:
    assert [(f.name, f.command, f.suffix) for f in export_formats()] == [
        ("word", "export-docx", ".docx"), ("pdf", "export-pdf", ".pdf"),
        ("excel", "export-xlsx", ".xlsx"), ("yoy", "export-yoy", ".xlsx"),
        ("evidence", "export-evidence", ".zip")]


@pytest.mark.parametrize("name", ["word", "pdf", "excel", "evidence"])
def test_each_command_offers_exactly_its_formats_options(name: str) -> None:
    fmt = export_format(name)
    command = subcommands()[fmt.command]
    flags = {flag for a in command._actions for flag in a.option_strings}
    declared = {o.flag for o in fmt.options}
    assert flags - {"-h", "--help", "--db", "--assessment", "--out"} == declared


def test_the_layout_choice_is_every_table_and_form_for_the_cli_and_the_forms_kind_in_the_window(
) -> None:
    layout = export_format("excel").option("layout")
    assert set(layout.values_for(None)) == {"selfcheck", "tasks", "project", "project-sichuan",
                                            "department"}
    assert layout.values_for("自查") == ["selfcheck", "tasks"]
    assert layout.values_for("项目支出") == ["project", "project-sichuan", "selfcheck", "tasks"]
    assert layout.values_for("部门整体")[0] == "department"
    assert layout.shown("tasks") != "tasks"  # the layout file's label, as the dialog shows it


def test_run_export_refuses_the_live_database_and_writes_nothing(demo: Services,
                                                                demo_id: int) -> None:
    live = demo.db.sqlite_path
    folder = sorted(p.name for p in live.parent.iterdir())
    digest = hashlib.sha256(live.read_bytes()).hexdigest()
    for fmt in export_formats():
        with pytest.raises(ModelError, match="正在使用的数据库"):
            run_export(fmt, demo.db, demo_id, live)
    assert hashlib.sha256(live.read_bytes()).hexdigest() == digest
    assert sorted(p.name for p in live.parent.iterdir()) == folder


def test_cancelling_leaves_no_file(demo: Services, demo_id: int, tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    for name in ("word", "excel"):
        out = folder / f"out{export_format(name).suffix}"
        with pytest.raises(ExportCancelled):
            run_export(export_format(name), demo.db, demo_id, out, progress=lambda _d, _t: False)
        assert not out.exists()
    assert list(folder.iterdir()) == []  # no temporary file left either


def test_a_new_format_is_one_module(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "demo.db"
    assert main.main(["demo", "--db", str(db)]) == 0
    with plugged_in(tmp_path / "plugins"):
        assert [f.name for f in export_formats()] == ["word", "pdf", "excel", "csv", "yoy",
                                                      "evidence"]
        out = tmp_path / "事项.csv"
        assert main.main(["export-csv", "--db", str(db), "--out", str(out), "--with-results"]) == 0
        with open(out, encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
        assert rows[0] == ["content", "status", "result"] and len(rows) == 41
        assert f"已导出：{out}" in capsys.readouterr().out
        refused = main.main(["export-csv", "--db", str(db), "--out", str(db)])
        assert refused == 2 and "正在使用的数据库" in capsys.readouterr().err
    assert "export-csv" not in subcommands()
