"""What a file format asks of the clerk, declared once: the command line's flags, the export
dialog's widgets and their defaults are all built from these (exporters/registry.py,
importers/registry.py)."""

from __future__ import annotations

import pkgutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from importlib import import_module
from typing import Any, Literal

OptionKind = Literal["flag", "choice", "int", "text", "list"]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate looks for
    """Marks a label for the GUI's translation catalogue (context "formats"); Qt-free."""
    return text


TRANSLATION_CONTEXT = "formats"


@dataclass(frozen=True)
class Option:
    """One choice a format offers: --name on the command line, a widget in the dialog."""

    name: str  # the key in the options mapping; the command line writes it --name-with-dashes
    label: str  # the dialog's text (Chinese; translated in the "formats" context)
    help: str  # the command line's help
    kind: OptionKind = "flag"
    default: Any = None
    # the values a "choice" takes, for an assessment of this kind (None: every value, the CLI's)
    choices: Callable[[str | None], list[str]] | None = None
    choice_label: Callable[[str], str] | None = None  # a value as the dialog shows it
    labels_by_kind: Mapping[str, str] = field(default_factory=dict)  # another text for a kind
    metavar: str | None = None
    in_dialog: bool = True  # False: a command-line option only

    @property
    def flag(self) -> str:
        return "--" + self.name.replace("_", "-")

    def label_for(self, kind: str | None) -> str:
        return self.labels_by_kind.get(kind or "", self.label)

    def values_for(self, kind: str | None) -> list[str]:
        return self.choices(kind) if self.choices else []

    def shown(self, value: str) -> str:
        return self.choice_label(value) if self.choice_label else value


def with_defaults(options: tuple[Option, ...], given: Mapping[str, Any]) -> dict[str, Any]:
    """Every option's value: the one given, else its default (False for a flag, [] for a list)."""
    empty: dict[str, Any] = {"flag": False, "list": []}
    return {o.name: given[o.name] if given.get(o.name) is not None
            else (o.default if o.default is not None else empty.get(o.kind))
            for o in options}


def declared_formats(package: str) -> list[Any]:
    """FORMAT of every module in package (exporters.formats, importers.formats), sorted by their
    order then name: adding a format is adding a module."""
    modules = pkgutil.iter_modules(import_module(package).__path__)
    found = [import_module(f"{package}.{m.name}").FORMAT for m in modules]
    return sorted(found, key=lambda f: (f.order, f.name))
