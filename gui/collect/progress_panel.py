"""The 汇总进度 panel: each department, handed out when, returned when, what changed, what is left."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDockWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from model.collect.progress import DepartmentProgress
from model.services import Services

MISSING_COLUMN = 7


class ProgressPanel(QDockWidget):
    def __init__(self, parent: QWidget, services: Services) -> None:
        super().__init__(parent.tr("汇总进度"), parent)
        self.setObjectName("handout_progress")
        self.services = services
        self.assessment_id: int | None = None
        body = QWidget(self)
        layout = QVBoxLayout(body)
        self.table = QTableWidget(0, 8, body)
        self.table.setHorizontalHeaderLabels([
            self.tr("处室"), self.tr("事项"), self.tr("分发时间"), self.tr("交回时间"),
            self.tr("已改字段"), self.tr("冲突"), self.tr("待填写"), self.tr("工作簿中删除的行")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.table)
        refresh = QPushButton(self.tr("刷新"), body)
        refresh.clicked.connect(lambda: self.refresh(self.assessment_id))
        layout.addWidget(refresh)
        self.setWidget(body)

    def refresh(self, assessment_id: int | None) -> None:
        self.assessment_id = assessment_id
        rows = self.services.collect.progress(assessment_id) if assessment_id else []
        self.table.setRowCount(len(rows))
        for row, progress in enumerate(rows):
            for column, text in enumerate(self._texts(progress)):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text.replace("；", "\n") if column == MISSING_COLUMN else "")
                self.table.setItem(row, column, cell)
        self.table.resizeColumnsToContents()

    def _texts(self, p: DepartmentProgress) -> list[str]:
        def when(value: object) -> str:
            return f"{value:%Y-%m-%d %H:%M}" if value else self.tr("—")

        returned = when(p.returned_at) if p.handed_out_at else self.tr("未分发")
        if p.handed_out_at and not p.returned_at:
            returned = self.tr("未交回")
        missing = "；".join(self.tr("序号 %1“%2”").replace("%1", seq).replace("%2", content)
                           for seq, content in p.missing)
        return [p.department, str(p.items), when(p.handed_out_at), returned, str(p.changed),
                str(p.conflicts), str(p.outstanding), missing]
