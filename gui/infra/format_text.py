"""The labels declared Qt-free, in the UI's language: the formats' (exporters/formats/,
importers/formats/, in the "formats" context), the item fields' (model.vocabulary, in the
"ItemField" context) and the report options' (model.report.options, "ReportOption")."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from model.format_options import TRANSLATION_CONTEXT
from model.report.options import LABEL_CONTEXT as OPTION_CONTEXT
from model.vocabulary import LABEL_CONTEXT, ItemField


def format_text(text: str) -> str:
    return QCoreApplication.translate(TRANSLATION_CONTEXT, text)


def field_label(spec: ItemField) -> str:
    """An item field's label as the window shows it."""
    return QCoreApplication.translate(LABEL_CONTEXT, spec.label)


def option_text(text: str) -> str:
    """A report option's label, caption or hint (model.report.options) as the window shows it."""
    return QCoreApplication.translate(OPTION_CONTEXT, text) if text else ""
