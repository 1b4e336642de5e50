"""The window and the printed report show the same completion: one rule, 不适用 in neither count."""

from __future__ import annotations

from gui.window.main_window import MainWindow
from model.report.build import report_of
from model.services import Services


def _window_figures(window: MainWindow) -> tuple[str, list[str]]:
    model = window.tree_model
    tops = [model.index(row, 0) for row in range(model.rowCount())]
    return window.completion.text().split(" · ")[0], [model.data(i) for i in tops]


def _report_figures(demo: Services, assessment_id: int) -> tuple[str, list[str]]:
    report = report_of(demo.db, assessment_id)
    labels = []
    for top in report.dimensions:
        statuses = [i.status for i in report.items if i.path[:1] == (top.name,)]
        counted = [s for s in statuses if s != "不适用"]
        done = [s for s in statuses if s in ("已完成", "超额完成")]
        labels.append(f"{top.name}  {len(done)}/{len(counted)}")
    return f"已完成 {report.counts.done} / {report.counts.total}", labels


def test_the_demo_shows_the_reports_completion(window: MainWindow, demo: Services) -> None:
    assert _window_figures(window) == _report_figures(demo, window.assessment_id)
    assert _window_figures(window)[0] == "已完成 40 / 40"


def test_not_applicable_items_count_alike_in_window_and_report(window: MainWindow,
                                                                demo: Services) -> None:
    items = demo.items.list(window.assessment_id)
    for item in items[:3]:
        demo.items.update(item.id, status="不适用")
    demo.items.update(items[3].id, status="推进中")
    window.reload()
    assert _window_figures(window) == _report_figures(demo, window.assessment_id)
    assert _window_figures(window)[0] == "已完成 36 / 37"
    assert report_of(demo.db, window.assessment_id).counts.rate == "97.3%"


def test_a_status_typed_in_the_editor_recounts_like_the_report(window: MainWindow,
                                                               demo: Services) -> None:
    first = demo.items.list(window.assessment_id)[0]
    demo.items.update(first.id, status="不适用")
    window.tree_model.update_item(demo.items.get(first.id))
    model = window.tree_model
    tops = [model.data(model.index(row, 0)) for row in range(model.rowCount())]
    assert tops == _report_figures(demo, window.assessment_id)[1]
