"""Beside an item: last year's 年度任务目标 and 落实情况 of the same item, read-only, sentence by
sentence; a click copies a sentence."""

from __future__ import annotations

import math
import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QGroupBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from model.records import ItemRecord
from model.services import Services
from model.year_compare.compare import LastYear

MAX_HEIGHT = 120  # pixels of each list: longer texts scroll
SENTENCE = re.compile(r"[^。；！？!?;\n]+[。；！？!?;]?")


def sentences(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE.findall(text or "") if s.strip()]


class LastYearPanel(QGroupBox):
    """Last year's texts of the item shown; hidden when the assessment has no last year."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self._assessment: int | None = None
        self._last = LastYear(None, {})
        layout = QVBoxLayout(self)
        self.lists: dict[str, QListWidget] = {}
        for field, label in (("target", self.tr("上年年度任务目标")), ("result", self.tr("上年落实情况"))):
            layout.addWidget(QLabel(label, self))
            sentences_list = QListWidget(self)
            sentences_list.setWordWrap(True)
            sentences_list.setToolTip(self.tr("单击一句即复制，可粘贴到今年的内容中"))
            sentences_list.itemClicked.connect(self._copy)
            layout.addWidget(sentences_list)
            self.lists[field] = sentences_list
        self.copied = QLabel(self)
        layout.addWidget(self.copied)
        self.setVisible(False)

    def show_item(self, record: ItemRecord) -> None:
        if record.assessment_id != self._assessment:
            self._assessment = record.assessment_id
            self._last = self.services.year_compare.last_year(record.assessment_id)
        last = self._last.items.get(record.id)
        self.setVisible(self._last.year is not None)
        self.setTitle(self.tr("上年（%1年）同一事项").replace("%1", str(self._last.year or "")))
        self.copied.clear()
        for field, widget in self.lists.items():
            widget.clear()
            texts = sentences(getattr(last, field)) if last is not None else []
            for text in texts or [self.tr("（上年没有此事项）") if last is None else self.tr("（空）")]:
                entry = QListWidgetItem(text, widget)
                if not texts:
                    entry.setFlags(Qt.ItemFlag.NoItemFlags)
            self._fit(widget)

    def _fit(self, widget: QListWidget) -> None:
        """As tall as its sentences need (wrapped at the list's width), at most MAX_HEIGHT."""
        metrics = widget.fontMetrics()
        width = max(widget.viewport().width(), self.width() - 40, 300) - 12
        lines = sum(max(1, math.ceil(metrics.horizontalAdvance(widget.item(r).text()) / width))
                    for r in range(widget.count()))
        widget.setFixedHeight(min(lines * metrics.lineSpacing() + 2 * widget.frameWidth() + 8,
                                  MAX_HEIGHT))

    def forget(self) -> None:
        """Read last year again at the next item (after an import or a new choice)."""
        self._assessment = None

    def _copy(self, entry: QListWidgetItem) -> None:
        clipboard = QGuiApplication.clipboard()
        clipboard.setText(entry.text())
        self.copied.setText(self.tr("已复制：%1").replace("%1", entry.text()[:30]))
