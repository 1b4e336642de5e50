"""The 体检 panel: the review's problems as a list; a double-click opens the item; it refreshes
itself a moment after each edit, so fixed problems leave the list."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from model.report.review import Problem
from model.services import Services

REFRESH_DELAY_MS = 600  # after the last edit: the review reads the whole assessment


class ReviewPanel(QDockWidget):
    item_chosen = Signal(int)  # the id of the item a problem is about
    section_chosen = Signal(str)  # the key of the narrative section a problem is about

    def __init__(self, services: Services, assessment: Callable[[], int | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("体检"), parent)
        self.setObjectName("review")
        self.services, self.assessment = services, assessment
        self.problems: list[Problem] = []
        self.kind_labels = {  # every kind of model.report.review.KINDS
            "empty_result": self.tr("无落实情况"), "status_mismatch": self.tr("状态与内容不符"),
            "no_evidence": self.tr("缺证明材料"), "reason_missing": self.tr("缺原因说明"),
            "number_mismatch": self.tr("数字与表格不符"), "duplicate": self.tr("内容重复"),
            "too_long": self.tr("内容过长"), "copied_from_last_year": self.tr("照抄上年")}
        body = QWidget(self)
        self.summary = QLabel(body)
        self.list = QTreeWidget(body)
        self.list.setHeaderLabels([self.tr("问题"), self.tr("序号"), self.tr("说明")])
        self.list.setRootIsDecorated(False)
        self.list.setColumnWidth(0, 100)
        self.list.setColumnWidth(1, 40)
        self.list.header().setStretchLastSection(True)
        self.setMinimumWidth(400)
        # Chinese has no spaces to wrap at: the chosen problem's message is shown whole below.
        self.detail = QLabel(body)
        self.detail.setWordWrap(True)
        self.list.currentItemChanged.connect(
            lambda row, _old: self.detail.setText(row.text(2) if row else ""))
        self.list.itemActivated.connect(self._chosen)  # Enter or double-click
        again = QPushButton(self.tr("重新检查"), body)
        again.clicked.connect(self.refresh)
        layout = QVBoxLayout(body)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.detail)
        layout.addWidget(again)
        self.setWidget(body)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(REFRESH_DELAY_MS)
        self.timer.timeout.connect(self.refresh)

    def refresh(self) -> None:
        """Review the current assessment again and show what was found."""
        assessment_id = self.assessment()
        self.problems = self.services.review.problems(assessment_id) if assessment_id is not None else []
        self.list.clear()
        for problem in self.problems:
            row = QTreeWidgetItem([self.kind_labels[problem.kind],
                                   "" if problem.seq is None else str(problem.seq),
                                   problem.message])
            row.setToolTip(2, problem.message)
            row.setData(0, Qt.ItemDataRole.UserRole, problem.item)
            row.setData(1, Qt.ItemDataRole.UserRole, problem.section)
            self.list.addTopLevelItem(row)
        first = self.list.topLevelItem(0)
        if self.problems and first is not None:
            self.list.setCurrentItem(first)
        else:
            self.detail.clear()
        self.summary.setText(self.tr("没有发现问题。") if not self.problems else
                             self.tr("发现 %1 个问题；双击或按回车可定位到该处。").replace(
                                 "%1", str(len(self.problems))))

    def schedule_refresh(self, *_args: object) -> None:
        """An edit happened: review again shortly (only while the panel is shown)."""
        if self.isVisible():
            self.timer.start()

    def show_review(self) -> None:
        self.show()
        self.raise_()
        self.refresh()
        self.list.setFocus()  # the keyboard goes on in the list: arrows, Enter opens a problem

    def _chosen(self, row: QTreeWidgetItem, _column: int) -> None:
        item_id = row.data(0, Qt.ItemDataRole.UserRole)
        section = row.data(1, Qt.ItemDataRole.UserRole)
        if item_id is not None:
            self.item_chosen.emit(int(item_id))
        elif section:
            self.section_chosen.emit(str(section))


def offer_review(parent: QWidget, panel: ReviewPanel) -> bool:
    """Before an export: when the review finds problems, offer to look at them first.
    True to go on exporting."""
    panel.refresh()
    if not panel.problems:
        return True
    found = Counter(problem.kind for problem in panel.problems)
    kinds = "、".join(f"{panel.kind_labels.get(kind, kind)} {n}" for kind, n in found.most_common())
    box = QMessageBox(QMessageBox.Icon.Question, parent.tr("体检"),
                      parent.tr("体检发现 %1 个问题（%2）。先查看问题，还是仍然导出？")
                      .replace("%1", str(len(panel.problems))).replace("%2", kinds),
                      parent=parent)
    look = box.addButton(parent.tr("查看问题"), QMessageBox.ButtonRole.RejectRole)
    box.addButton(parent.tr("仍然导出"), QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(look)
    box.exec()
    if box.clickedButton() is look:
        panel.show_review()
        return False
    return True
