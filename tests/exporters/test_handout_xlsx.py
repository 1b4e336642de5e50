"""The hand-out writer works on plain records only, and refuses a text Excel would cut."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from exporters.errors import ExportError
from exporters.handout_xlsx import handout_file_names, write_handout
from model.collect.records import HandoutBook, HandoutRow

ROOT = Path(__file__).resolve().parents[2]


def book(department: str, result: str = "") -> HandoutBook:
    row = HandoutRow("0" * 32, 1, ("全面依法",), "事项", {"result": result, "status": "未开始"})
    return HandoutBook("a" * 32, "自查表", "某委", department, datetime(2024, 5, 1), "", "",
                       ("result", "status"), ("未开始", "已完成"), (row,))


def test_the_writer_needs_no_database_layer() -> None:
    code = ("import sys; sys.modules['sqlalchemy'] = None; sys.path.insert(0, sys.argv[1]); "
            "import exporters.handout_xlsx")
    subprocess.run([sys.executable, "-c", code, str(ROOT)], check=True)


def test_names_are_safe_and_unique() -> None:
    names = handout_file_names([book("法规/处"), book("法规_处"), book(""), book("CON")])
    assert names == ["法规_处.xlsx", "法规_处 (2).xlsx", "未分配处室.xlsx", "_CON.xlsx"]


def test_a_text_over_the_cell_limit_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="序号 1"):
        write_handout(book("法规处", "字" * 40_000), tmp_path / "x.xlsx")
    assert list(tmp_path.iterdir()) == []
