"""Records with one attribute per declared field: an item's (model.vocabulary.ITEM_FIELDS) or an
assessment's report options (model.report.options.REPORT_OPTIONS), built from those lists."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from model.report.options import REPORT_OPTIONS
from model.vocabulary import ITEM_FIELDS

Record = TypeVar("Record")


class DeclaredFieldsRecord:
    """What a type checker knows of such a record: its own fields as declared, every declared field
    by name (Any), and a constructor taking them all by keyword."""

    __slots__ = ()  # a slotted record stays without a __dict__

    if TYPE_CHECKING:
        __dataclass_fields__: ClassVar[dict[str, Any]]

        def __init__(self, **values: Any) -> None: ...

        def __getattr__(self, name: str) -> Any: ...


def with_fields(declared: tuple[tuple[str, str, object], ...],
                slots: bool = False) -> Callable[[type[Record]], type[Record]]:
    """A class decorator: cls as a frozen dataclass with the fields it declares, then the
    declared ones ((name, type, default) in order); with slots, no __dict__ per record."""

    def decorate(cls: type[Record]) -> type[Record]:
        annotations = inspect.get_annotations(cls)
        for name, type_name, default in declared:
            annotations[name] = type_name
            setattr(cls, name, default)
        cls.__annotations__ = annotations
        return dataclass(frozen=True, slots=slots)(cls)

    return decorate


# an item field each, with its empty value
ITEM_DECLARED = tuple((f.code, f.python_type, f.empty) for f in ITEM_FIELDS)
with_item_fields = with_fields(ITEM_DECLARED)
with_item_fields_slotted = with_fields(ITEM_DECLARED, slots=True)  # for records made by the 100,000
# a report option each, with its default
with_report_options = with_fields(tuple((o.code, o.python_type, o.default) for o in REPORT_OPTIONS))
