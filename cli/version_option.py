"""--version: prints the program's version (model.runtime.program, declared once in pyproject.toml)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any


class VersionAction(argparse.Action):
    """Like argparse's "version" action, but reads the version only when asked."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS,
                 help: str = "显示版本号并退出") -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: Any, option_string: str | None = None) -> None:
        from model.runtime.program import version

        if sys.stdout is not None:  # the windowed executable on Windows has no console
            print(f"jixiao-zicha {version()}")
        parser.exit()
