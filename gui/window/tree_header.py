"""The framework tree's header as the clerk sees it: the title stretched, the optional columns
(状态, 责任处室) at their first widths, only the chosen ones shown. Shared by the first paint and
the framework pane, so the tree does not change its columns when the main window takes over."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QTreeView

from gui.item_models.tree_columns import COLUMNS, OPTIONAL, column_index


def lay_out_header(tree: QTreeView) -> None:
    """The title takes the rest of the width; each optional column its sample's width."""
    header = tree.header()
    metrics = tree.fontMetrics()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the title takes the rest
    header.setMinimumSectionSize(metrics.horizontalAdvance("状态") + 12)
    for key in OPTIONAL:
        column = COLUMNS[column_index(key)]
        header.setSectionResizeMode(column_index(key), QHeaderView.ResizeMode.Interactive)
        header.resizeSection(column_index(key), metrics.horizontalAdvance(column.width) + 16)


def show_optional(tree: QTreeView, keys: list[str]) -> None:
    """Show these optional columns beside the title, hide the rest."""
    for key in OPTIONAL:
        tree.setColumnHidden(column_index(key), key not in keys)
