"""Read-only view of the selected item or dimension (the editor replaces it in a later step)."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QTextBrowser, QWidget

from model.records import DimensionRecord, ItemRecord


class ItemView(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)

    def show_item(self, item: ItemRecord) -> None:
        rows = [
            (self.tr("序号"), str(item.seq)),
            (self.tr("自查内容"), item.content),
            (self.tr("年度任务目标"), item.target),
            (self.tr("落实情况"), item.result),
            (self.tr("状态"), item.status),
            (self.tr("责任处室"), item.department),
        ]
        self.setHtml(_table(rows))

    def show_dimension(self, dimension: DimensionRecord) -> None:
        rows = [(self.tr("考评维度"), dimension.name),
                (self.tr("总结标题"), dimension.report_heading)]
        self.setHtml(_table(rows))


def _table(rows: list[tuple[str, str]]) -> str:
    body = "".join(
        f"<tr><th align='left' valign='top' width='110'>{escape(k)}</th>"
        f"<td>{escape(v).replace(chr(10), '<br>')}</td></tr>" for k, v in rows)
    return f"<table cellpadding='6'>{body}</table>"
