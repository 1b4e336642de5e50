"""The 同比表 (export-yoy): two years with known differences, read back from the .xlsx."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from main import main
from model.services import Services
from tests.model.year_compare.two_years import build


def test_the_table_shows_both_years_the_figures_and_what_changed(
        services: Services, tmp_path: Path) -> None:
    _last, this = build(services, copy=True)
    item = {i.content: i for i in services.items.list(this)}["推进普法宣传"]
    services.items.update(item.id, result="=HYPERLINK(\"http://x\")")  # hostile text stays text
    services.close()
    out = tmp_path / "同比表.xlsx"
    assert main(["export-yoy", "--db", str(tmp_path / "test.db"), "--assessment", str(this),
                 "--out", str(out)]) == 0
    sheet = openpyxl.load_workbook(out).active
    rows = [[c.value or "" for c in row] for row in sheet.iter_rows()]
    assert rows[0][0] == "某区卫健委2023年与2022年落实情况对比表"
    assert rows[1] == ["序号", "自查内容", "2022年落实情况", "2023年落实情况",
                       "主要数字（2022年 → 2023年）", "变化"]
    law = rows[2]
    assert law[:2] == ["1", "严格行政执法"] and law[2].startswith("全年开展执法检查120次")
    assert law[4].split("\n") == ["全年开展执法检查：120次 → 150次", "完成率：95% → 92%",
                                  "立案查处违法案件：36件 → 40件"]
    assert law[5].startswith("有变化")
    assert rows[3][3] == "=HYPERLINK(\"http://x\")" and sheet.cell(4, 4).data_type == "s"
    assert rows[4][5] == "与上年几乎相同" or rows[4][5].startswith("有变化")
    assert rows[5][1] == "推进智慧医疗" and rows[5][5] == "今年新增"
    assert rows[6][:2] == ["", "冬奥服务保障"] and rows[6][5] == "今年取消"


def test_without_a_last_year_nothing_is_written(services: Services, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    lone = services.assessments.create("某区卫健委", 2023).id
    services.close()
    out = tmp_path / "同比表.xlsx"
    assert main(["export-yoy", "--db", str(tmp_path / "test.db"), "--assessment", str(lone),
                 "--out", str(out)]) == 2
    assert "没有找到上一年度的自评" in capsys.readouterr().err and not out.exists()
