"""Errors and results of an export: refusals carry a Chinese message; warnings are collected."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from model.errors import ModelError

# progress(done, total) -> False to cancel
Progress = Callable[[int, int], bool]


class ExportError(ModelError):
    """The export cannot be written; the old target file (if any) is untouched."""


class ExportCancelled(ExportError):  # noqa: N818 — reads as what happened
    def __init__(self) -> None:
        super().__init__("导出已取消，原文件未改动。")


@dataclass
class ExportResult:
    path: Path
    warnings: list[str] = field(default_factory=list)


def cancel_asked(progress: Progress | None) -> Callable[[], bool]:
    """For work that cannot count its steps (LibreOffice converting): whether the clerk has
    cancelled, asked as progress(0, 0), which means busy with no count to show."""
    return lambda: progress is not None and progress(0, 0) is False


def report_progress(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None and progress(done, total) is False:
        raise ExportCancelled()
