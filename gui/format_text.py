"""The labels declared Qt-free, in the UI's language: the formats' (exporters/formats/,
importers/formats/, in the "formats" context) and the item fields' (model.vocabulary, in the
"ItemField" context)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from model.format_options import TRANSLATION_CONTEXT
from model.vocabulary import LABEL_CONTEXT, ItemField


def format_text(text: str) -> str:
    return QCoreApplication.translate(TRANSLATION_CONTEXT, text)


def field_label(spec: ItemField) -> str:
    """An item field's label as the window shows it."""
    return QCoreApplication.translate(LABEL_CONTEXT, spec.label)
