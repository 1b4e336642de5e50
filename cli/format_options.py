"""A format's options (model.format_options.Option) as argparse arguments, and back."""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from typing import Any

from model.format_options import Option


def add_option(command: argparse.ArgumentParser, option: Option) -> None:
    if option.kind == "flag":
        command.add_argument(option.flag, dest=option.name, action="store_true", help=option.help)
    elif option.kind == "choice":
        command.add_argument(option.flag, dest=option.name, choices=option.values_for(None),
                             default=option.default, help=option.help)
    elif option.kind == "list":
        command.add_argument(option.flag, dest=option.name, action="append", default=[],
                             metavar=option.metavar, help=option.help)
    else:
        command.add_argument(option.flag, dest=option.name, default=option.default,
                             type=int if option.kind == "int" else str, metavar=option.metavar,
                             help=option.help)


def add_options(command: argparse.ArgumentParser, options: Iterable[Option]) -> None:
    for option in options:
        add_option(command, option)


def option_values(args: argparse.Namespace, options: Iterable[Option]) -> dict[str, Any]:
    return {o.name: getattr(args, o.name) for o in options}
