"""Reading clerks' tables: variants that must import, hostile or broken files that must not."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from importers.errors import ImportFileError
from importers.xlsx_table import read_table
from tests.db_templates import copy_template
from tests.importers import workbooks

ROOT = Path(__file__).resolve().parents[2]


def test_clerk_task_table_variant(tmp_path: Path) -> None:
    table = read_table(workbooks.clerk_task_table(tmp_path / "任务.xlsx"))
    assert (table.sheet, table.layout, table.header_row) == ("四季度", "tasks", 4)
    assert table.title == "某某委2017年绩效任务四季度完成情况（个性任务部分共6项）"
    assert (table.unit, table.year, table.period) == ("某某委", 2017, "第四季度")
    paths = [i.path for i in table.items]
    assert paths == [("一、政策法规制定",)] * 2 + [("二、坚持依法行政",)] + [("三、深化体制改革",)] * 2
    made_up = table.items[3].values
    assert made_up == {"content": "推进分级诊疗，每区建立1-3个试点。",
                       "target": "制定试点文件，年底前每区建成1个以上。",
                       "result": "已印发试点通知，16个区共建成26个。"}
    assert table.items[2].values["result"] == "2"  # 2.0 → "2"
    assert table.items[4].values["result"] == "2017年12月31日"
    assert len(table.items) == 5  # the 注 row and the category rows are not items


def test_separate_category_column_and_vertical_merges(tmp_path: Path) -> None:
    table = read_table(workbooks.category_column_table(tmp_path / "t.xlsx"))
    assert [i.path for i in table.items] == [
        ("共性任务", "一、党的建设"), ("共性任务", "一、党的建设"), ("个性任务", "二、医疗服务")]
    assert table.dimension_count == 4
    assert [n["name"] for n in table.tree()] == ["共性任务", "个性任务"]


def test_a_32767_character_cell_imports_whole(tmp_path: Path) -> None:
    long_text = ("落实" * 16384)[:32767]
    table = read_table(workbooks.simple_selfcheck(tmp_path / "t.xlsx", rows=1, text=long_text))
    assert table.items[0].values["result"] == long_text


BAD_FILES: dict[str, tuple[Callable[[Path], Path], str]] = {
    "text renamed": (workbooks.text_renamed, "不是 Excel 工作簿"),
    "damaged xls": (workbooks.legacy_xls, "旧版 Excel 格式（.xls/.et），但无法读取"),
    "password": (workbooks.password_protected, "设有打开密码"),
    "truncated": (workbooks.truncated, "已损坏或不完整"),
    "empty workbook": (workbooks.empty_workbook, "空工作簿"),
    "header only": (workbooks.header_only, "表头下面没有任何数据行"),
    "unknown headers": (workbooks.unknown_headers,
                        "工作表“Sheet”：前 50 行中找不到“自查内容/工作任务”等可识别的表头；"
                        "最像表头的是第 1 行：姓名、电话、地址。按数据判断，“姓名”列与“地址”列都像"
                        "事项内容。请用 --map \"姓名=content\""),
    "merged title over header": (workbooks.selfcheck_with_merged_title_over_header, "被合并单元格遮住"),
    "uncached formula": (workbooks.uncached_formula, "单元格 C2 是公式但没有计算结果"),
    "bomb": (workbooks.bomb, "压缩炸弹"),
    "billion laughs": (workbooks.billion_laughs, "DTD/实体"),
    "external entity": (workbooks.external_entity, "DTD/实体"),
}


@pytest.mark.parametrize("kind", sorted(BAD_FILES))
def test_bad_file_is_refused_with_a_clear_message(kind: str, tmp_path: Path) -> None:
    make, expected = BAD_FILES[kind]
    path = make(tmp_path / "输入.xlsx")
    with pytest.raises(ImportFileError, match=expected) as caught:
        read_table(path)
    assert "“输入.xlsx”" in caught.value.message


@pytest.mark.parametrize("kind", ["truncated", "billion laughs", "uncached formula", "unknown headers"])
def test_cli_refuses_and_leaves_the_database_byte_identical(kind: str, tmp_path: Path) -> None:
    env = {**os.environ, "ZICHA_DATA_DIR": str(tmp_path)}
    main = [sys.executable, str(ROOT / "main.py")]
    db = tmp_path / "a.db"
    copy_template("demo", db)  # what `demo` makes, migrated once per session
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    path = BAD_FILES[kind][0](tmp_path / "坏文件.xlsx")
    done = subprocess.run([*main, "import-xlsx", str(path), "--db", str(db)], env=env,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 2
    assert "坏文件.xlsx" in done.stderr and "Traceback" not in done.stderr
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def test_cli_import_into_an_existing_assessment(tmp_path: Path) -> None:
    env = {**os.environ, "ZICHA_DATA_DIR": str(tmp_path)}
    main = [sys.executable, str(ROOT / "main.py")]
    db = tmp_path / "a.db"
    copy_template("demo", db)  # what `demo` makes, migrated once per session
    path = workbooks.clerk_task_table(tmp_path / "任务.xlsx")
    done = subprocess.run([*main, "import-xlsx", str(path), "--db", str(db), "--into", "1"],
                          env=env, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    info = subprocess.run([*main, "items", "--db", str(db)], env=env, capture_output=True,
                          text=True, check=True).stdout
    assert info.count('"seq"') == 45 and "推进分级诊疗" in info


def test_workbook_helpers_make_what_they_say(tmp_path: Path) -> None:
    sheet = openpyxl.load_workbook(workbooks.clerk_task_table(tmp_path / "t.xlsx")).active
    assert sheet["A4"].value == "序 号" and "A5:E5" in {str(r) for r in sheet.merged_cells.ranges}
