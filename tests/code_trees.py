"""The app's source files parsed once per test session: the architecture and message tests walk
every file's syntax tree several times; parsing and walking them again is most of their cost.
Files the tests write themselves (tmp_path) are read afresh: the cache keys on path, size and
modification time."""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path


def tree(path: Path) -> ast.Module:
    """path's syntax tree (shared: never change it)."""
    stat = path.stat()
    return _parsed(path, stat.st_size, stat.st_mtime_ns)


def nodes(path: Path) -> tuple[ast.AST, ...]:
    """Every node of path's syntax tree, in ast.walk's order."""
    stat = path.stat()
    return _walked(path, stat.st_size, stat.st_mtime_ns)


@cache
def _parsed(path: Path, _size: int, _mtime_ns: int) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"))


@cache
def _walked(path: Path, size: int, mtime_ns: int) -> tuple[ast.AST, ...]:
    return tuple(ast.walk(_parsed(path, size, mtime_ns)))
