"""File → 导入上年工作总结…: read a Word summary off the GUI thread, preview its outline, front and
back matter and the paragraphs offered to items (each match accepted or rejected), then store it
at once (all or nothing)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from exporters.errors import cancel_asked
from gui.infra.errors import describe
from gui.infra.workers import run_job
from importers.errors import ImportCancelled
from importers.summary_docx.convert import CONVERTED_SUFFIXES
from importers.summary_docx.matching import ItemText, Match
from importers.summary_docx.summary import SummaryRead, read_summary
from model.framework.summary_import import StoredSummary, store_summary
from model.services import Services

NO_YEAR = 0
SHOWN = 60  # characters of a paragraph shown in the trees (the whole text in its tooltip)


class SummaryPreview(QDialog):
    """What the summary holds and where it goes, before any write."""

    def __init__(self, parent: QWidget, read: SummaryRead, items: dict[int, str],
                 current: int | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("导入上年工作总结 — 预览"))
        self.read = read
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.target = QComboBox(self)
        self.target.addItem(self.tr("新建一个自评"), None)
        if current is not None:
            self.target.addItem(self.tr("导入到当前自评"), current)
            self.target.setCurrentIndex(1 if read.matches else 0)
        form.addRow(self.tr("导入到"), self.target)
        self.unit = QLineEdit(read.unit, self)
        form.addRow(self.tr("单位名称"), self.unit)
        self.year = QSpinBox(self)
        self.year.setRange(NO_YEAR, 2200)
        self.year.setSpecialValueText(self.tr("（未识别，请填写）"))
        self.year.setValue(read.year or NO_YEAR)
        form.addRow(self.tr("年度"), self.year)
        layout.addLayout(form)
        split = QSplitter(Qt.Orientation.Vertical, self)
        self.outline = QTreeWidget(split)
        self.outline.setHeaderLabels([self.tr("提纲与正文")])
        self._fill_outline()
        self.matches = QTreeWidget(split)
        self.matches.setHeaderLabels([self.tr("采用"), self.tr("自查事项"), self.tr("总结中的段落"),
                                      self.tr("相似度")])
        self.matches.setRootIsDecorated(False)
        for column, width in enumerate((48, 240, 480)):
            self.matches.setColumnWidth(column, width)
        for match in read.matches:
            row = QTreeWidgetItem(self.matches, ["", items.get(match.item, str(match.item)),
                                                 _short(match.paragraph), f"{match.score:.0%}"])
            row.setCheckState(0, Qt.CheckState.Checked)
            row.setToolTip(2, match.paragraph)
        self.matches.setVisible(bool(read.matches))
        self.target.currentIndexChanged.connect(self._target_changed)
        self._target_changed()
        matter = [f"{m.kind}：{m.text}" for m in read.front + read.back]
        self.notes = QPlainTextEdit("\n".join(matter + [self.tr("注意：") + w for w in read.warnings]),
                                    split)
        self.notes.setReadOnly(True)
        layout.addWidget(split, 1)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setText(self.tr("提纲 %1 节；%2 段可作为事项的落实情况（勾选采用），其余作为总结正文。")
                             .replace("%1", str(sum(1 for s in read.outline if s.level)))
                             .replace("%2", str(len(read.matches))))
        layout.addWidget(self.summary)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("导入"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(900, 640)

    def _target_changed(self) -> None:
        """Matches go into the current assessment's items: a new assessment takes none."""
        into_current = self.target.currentData() is not None
        self.matches.setEnabled(into_current)
        self.unit.setEnabled(not into_current)
        self.year.setEnabled(not into_current)

    def _fill_outline(self) -> None:
        parents: list[QTreeWidgetItem | None] = [None]
        for section in self.read.outline:
            level = max(section.level, 0)
            del parents[level + 1 if level else 1:]
            parent = parents[-1] if level else None
            text = (section.marker + section.heading) if section.heading else self.tr("（正文开头）")
            node = QTreeWidgetItem([text]) if parent is None else QTreeWidgetItem(parent, [text])
            if parent is None:
                self.outline.addTopLevelItem(node)
            for paragraph in section.paragraphs:
                leaf = QTreeWidgetItem(node, [_short(paragraph)])
                leaf.setToolTip(0, paragraph)
                for enumerated in section.items(paragraph):  # 一是…二是…: kept in the paragraph
                    QTreeWidgetItem(leaf, [_short(enumerated)]).setToolTip(0, enumerated)
            parents.append(node)
        self.outline.expandToDepth(1)

    def accepted_matches(self) -> list[Match]:
        """The matches the clerk kept ticked (an empty list when importing into a new assessment)."""
        if self.target.currentData() is None:
            return []
        rows = [self.matches.topLevelItem(n) for n in range(len(self.read.matches))]
        return [m for m, row in zip(self.read.matches, rows, strict=True)
                if row is not None and row.checkState(0) == Qt.CheckState.Checked]

    def into(self) -> int | None:
        value = self.target.currentData()
        return int(value) if value is not None else None


def import_summary(parent: QWidget, services: Services, current: int | None,
                   folder: str) -> int | None:
    """Returns the id of the assessment that received the summary, or None."""
    patterns = " ".join(f"*{s}" for s in (".docx", *CONVERTED_SUFFIXES))
    name, _ = QFileDialog.getOpenFileName(
        parent, parent.tr("导入上年工作总结"), folder,
        parent.tr("Word 文档 (%1);;所有文件 (*)").replace("%1", patterns))
    if not name:
        return None
    return import_summary_file(parent, services, current, Path(name))


def import_summary_file(parent: QWidget, services: Services, current: int | None,
                        path: Path) -> int | None:
    items = {i.id: f"{i.seq}. {i.content}" for i in services.items.list(current)} \
        if current is not None else {}
    texts = [ItemText(i.id, i.seq, i.content, i.target)
             for i in services.items.list(current)] if current is not None else []
    read, error = run_job(parent, parent.tr("正在读取工作总结…"), lambda progress: read_summary(
        path, items=texts, cancelled=cancel_asked(progress)))
    if isinstance(error, ImportCancelled):  # the status bar says so
        return None
    if error is not None:
        QMessageBox.critical(parent, parent.tr("无法导入"), describe(error))
        return None
    preview = SummaryPreview(parent, read, items, current)
    if preview.exec() != QDialog.DialogCode.Accepted:
        return None
    return store_preview(parent, services, preview)


def store_preview(parent: QWidget, services: Services, preview: SummaryPreview) -> int | None:
    """What the preview chose, stored in one transaction; None (and the refusal shown) if refused."""
    read = preview.read
    read.unit = preview.unit.text().strip()
    read.year = preview.year.value() or None
    data = read.data(preview.accepted_matches())
    into = preview.into()

    def store(_progress: object) -> StoredSummary:
        read.require_body()
        return store_summary(services.db, data, into)

    stored, error = run_job(parent, parent.tr("正在导入…"), store)
    if error is not None:
        QMessageBox.critical(parent, parent.tr("无法导入"), describe(error))
        return None
    if stored.warnings:
        QMessageBox.information(parent, parent.tr("已导入"), "\n".join(stored.warnings))
    return int(stored.assessment_id)


def _short(text: str) -> str:
    return text if len(text) <= SHOWN else text[:SHOWN - 1] + "…"
