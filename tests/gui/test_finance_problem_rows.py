"""A finance form's problem is shown on its row (coloured, the tooltip naming it) as well as in
the list; the form's own weights are told as a note, not marked as a problem."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from gui.infra.settings import Settings
from gui.panels.finance_indicators import COLUMNS
from gui.window.main_window import MainWindow
from importers.finance_xlsx import read_finance_form
from model.services import Services
from model.storage.migrate import open_sqlite
from tests.db_templates import migrated
from tests.model.test_finance_weights import R2, county_form, realworld

PROBLEM = "#fde2e1"


def window_for(qtbot: QtBot, tmp_path: Path, form: Path) -> Iterator[MainWindow]:
    services = Services.over(open_sqlite(migrated(tmp_path / "form.db")))
    services.finance.create(read_finance_form(form).data)
    main = MainWindow(services, Settings())
    qtbot.addWidget(main)
    main.show()
    yield main
    services.close()


@pytest.fixture
def r2_window(qtbot: QtBot, tmp_path: Path, answers: list[str]) -> Iterator[MainWindow]:
    yield from window_for(qtbot, tmp_path, realworld(R2))


@pytest.fixture
def county_window(qtbot: QtBot, tmp_path: Path, answers: list[str]) -> Iterator[MainWindow]:
    yield from window_for(qtbot, tmp_path, county_form(tmp_path / "county.xlsx",
                                                       output_rows=(25, 10)))


def listed(window: MainWindow) -> list[str]:
    box = window.finance_panel.problems
    return [box.item(i).text() for i in range(box.count())]


def test_the_problem_row_is_coloured_and_its_tooltip_names_the_problem(
        r2_window: MainWindow) -> None:
    panel = r2_window.finance_panel
    row = next(item for item in panel.tree._rows.values() if item.text(0) == "发放(缴纳)覆盖率")
    assert [row.background(c).color().name() for c in range(len(COLUMNS))] == [PROBLEM] * 6
    assert all(row.toolTip(c) == "未填写实际完成值" for c in range(len(COLUMNS)))
    assert "发放(缴纳)覆盖率：未填写实际完成值" in listed(r2_window)
    # the real form's 60 points for 产出指标: its row shows them, not coloured, the note told
    output = panel.tree.group_for("产出指标")
    assert output is not None and output.text(3) == "60"
    assert output.background(0).style() == Qt.BrushStyle.NoBrush
    assert output.toolTip(0) == "说明：产出指标按本表计 60 分（表样默认 50 分）"
    assert "说明：产出指标按本表计 60 分（表样默认 50 分）" in listed(r2_window)
    assert not any("表样为" in text for text in listed(r2_window))
    assert r2_window.completion.text().endswith("问题 2 处")
    # the clerk fills the actual: the row is plain again, the list keeps only the other one
    row.setText(2, "100%")
    row = next(item for item in panel.tree._rows.values() if item.text(0) == "发放(缴纳)覆盖率")
    assert row.background(0).style() == Qt.BrushStyle.NoBrush and row.toolTip(0) == ""
    assert "发放(缴纳)覆盖率：未填写实际完成值" not in listed(r2_window)


def test_a_weight_the_form_contradicts_colours_its_level1_row(county_window: MainWindow) -> None:
    panel = county_window.finance_panel
    output = panel.tree.group_for("产出指标（40分）")
    assert output is not None and output.text(3) == "35"
    assert output.background(0).color().name() == PROBLEM
    assert output.toolTip(0).splitlines() == [
        "产出指标写明 40 分，其三级指标分值合计 35 分，两者不一致",
        "说明：产出指标按本表计 40 分（表样默认 50 分）"]
    assert "产出指标（40分）：产出指标写明 40 分，其三级指标分值合计 35 分，两者不一致" in \
        listed(county_window)
    benefit = panel.tree.group_for("效益指标（40分）")
    assert benefit is not None and benefit.background(0).style() == Qt.BrushStyle.NoBrush


def test_a_listed_problem_opens_its_row_and_the_funds_row_is_marked(
        r2_window: MainWindow, qtbot: QtBot) -> None:
    panel = r2_window.finance_panel
    box = panel.problems
    first = next(box.item(i) for i in range(box.count())
                 if box.item(i).text().startswith("足额保障率(参保率)："))
    box.setCurrentItem(first)
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert panel.tree.currentItem().text(0) == "足额保障率(参保率)"
    # the clerk clears 调整后预算数: the rate cannot be computed — told on the funds' total row
    panel.funds.item(0, 1).setText("")
    tip = "未填写预算数（A），无法计算执行率"
    qtbot.waitUntil(lambda: panel.funds.item(0, 0).toolTip() == tip)
    assert [panel.funds.item(0, c).background().color().name()
            for c in range(panel.funds.columnCount())] == [PROBLEM] * panel.funds.columnCount()
    assert "预算执行率：" + tip in listed(r2_window)
    assert panel.funds.item(1, 0).background().style() == Qt.BrushStyle.NoBrush
    execution = next(box.item(i) for i in range(box.count())
                     if box.item(i).text().startswith("预算执行率："))
    box.itemActivated.emit(execution)  # a double-click
    assert panel.funds.currentRow() == 0
