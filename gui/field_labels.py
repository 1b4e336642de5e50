"""An item field's label as the window shows it: the vocabulary's (model/vocabulary.py ITEM_FIELDS),
the one declaration the item editor and the import preview's field chooser both read."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from model.vocabulary import FIELDS_BY_CODE

CONTEXT = "ItemField"


def item_label(code: str) -> str:
    """The label of the item field `code` (translated where the catalogue has it)."""
    return QCoreApplication.translate(CONTEXT, FIELDS_BY_CODE[code].label)
