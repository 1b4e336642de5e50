"""Every item model the window uses passes Qt's own model checks (pytest-qt's qtmodeltester)."""

from __future__ import annotations

from gui.item_models.evidence_table import EvidenceTableModel
from gui.item_models.framework_tree import FrameworkTreeModel
from model.services import Services


def test_framework_tree(qtmodeltester, demo: Services, demo_id: int) -> None:
    model = FrameworkTreeModel()
    model.reset(demo.dimensions.list(demo_id), demo.items.list(demo_id))
    qtmodeltester.check(model)
    items = demo.items.list(demo_id)
    model.set_filter({items[3].id, items[20].id}, "", highlight=True)
    qtmodeltester.check(model)


def test_framework_tree_loading_lazily(qtmodeltester, demo: Services, demo_id: int) -> None:
    model = FrameworkTreeModel()
    model.reset_lazy(demo.dimensions.list(demo_id), demo.items.counts(demo_id),
                     demo.items.list_for_dimension, lambda: demo.items.list(demo_id))
    qtmodeltester.check(model)


def test_evidence_table(qtmodeltester, demo: Services, demo_id: int) -> None:
    item = demo.items.list(demo_id)[0]
    demo.evidence.add_note(item.id, "会议纪要", issued_on="2021-03-05")
    demo.evidence.add_note(item.id, "机要批复", note="存机要室", classified=True)
    model = EvidenceTableModel()
    model.set_rows(demo.evidence.list(item.id))
    qtmodeltester.check(model)
