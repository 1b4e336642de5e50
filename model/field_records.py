"""Records with one attribute per item field (model.vocabulary.ITEM_FIELDS), built from the list."""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from model.vocabulary import ITEM_FIELDS

Record = TypeVar("Record")


class ItemFieldsRecord:
    """What a type checker knows of such a record: its own fields as declared, every item field
    by name (Any), and a constructor taking them all by keyword."""

    if TYPE_CHECKING:
        __dataclass_fields__: ClassVar[dict[str, Any]]

        def __init__(self, **values: Any) -> None: ...

        def __getattr__(self, name: str) -> Any: ...


def with_item_fields(cls: type[Record]) -> type[Record]:
    """cls as a frozen dataclass: the fields it declares, then one per item field, in the
    vocabulary's order, each defaulting to the field's empty value."""
    annotations = inspect.get_annotations(cls)
    for spec in ITEM_FIELDS:
        annotations[spec.code] = spec.python_type
        setattr(cls, spec.code, spec.empty)
    cls.__annotations__ = annotations
    return dataclass(frozen=True)(cls)
