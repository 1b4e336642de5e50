"""The labels the formats declare Qt-free (exporters/formats/, importers/formats/), in the UI's
language: their strings are in the translation catalogue under the "formats" context."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from model.format_options import TRANSLATION_CONTEXT


def format_text(text: str) -> str:
    return QCoreApplication.translate(TRANSLATION_CONTEXT, text)
