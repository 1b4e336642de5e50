"""A whole hand-out, all or nothing: every workbook written into a temporary folder beside the
target, then moved into place and recorded in the same step. On any failure (a full disk, a
refusal, a cancel, the record) no workbook of it is left and a file it replaced is back."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from exporters.errors import ExportCancelled, ExportError, Progress, report_progress
from exporters.handout_xlsx import write_handout
from model.collect.records import HandoutBook
from model.storage.disk import disk_message

SQLITE_HEADER = b"SQLite format 3\x00"


def write_handout_set(books: Sequence[HandoutBook], names: Sequence[str], out: Path, *,
                      record: Callable[[], None] | None = None,
                      progress: Progress | None = None) -> list[Path]:
    """Write books as out/names; record() (the hand-out's row in the database) is called once
    every workbook is in place, and a failure of it takes them back out."""
    out = Path(out)
    if not out.is_dir():
        raise ExportError(f"目标文件夹“{out}”不存在。")
    targets = [out / name for name in names]
    for target in targets:
        _refuse_database(target)
    try:
        staging = Path(tempfile.mkdtemp(dir=out, prefix=".~分发-"))
    except OSError as exc:
        raise ExportError(disk_message(exc, out) + "未生成任何填报表。") from exc
    placed: list[Path] = []
    replaced: list[tuple[Path, Path]] = []  # (target, the file it was, kept in staging)
    try:
        for index, (book, name) in enumerate(zip(books, names, strict=True)):
            report_progress(progress, index, len(books))
            try:
                write_handout(book, staging / name)
            except ExportCancelled:
                raise
            except ExportError as exc:  # a full disk half way: none of the set is left
                raise ExportError(f"{exc.message.removesuffix('原文件未改动。')}未生成任何填报表。") from exc
        report_progress(progress, len(books), len(books))
        try:
            for index, target in enumerate(targets):
                if target.exists() or target.is_symlink():
                    kept = staging / f".replaced-{index}"
                    os.replace(target, kept)
                    replaced.append((target, kept))
                os.replace(staging / target.name, target)
                placed.append(target)
        except OSError as exc:
            raise ExportError(disk_message(exc, out) + "未生成任何填报表。") from exc
        if record is not None:
            record()
    except BaseException:
        _take_back(placed, replaced)
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return placed


def _take_back(placed: list[Path], replaced: list[tuple[Path, Path]]) -> None:
    for target in placed:
        target.unlink(missing_ok=True)
    for target, kept in replaced:
        with contextlib.suppress(OSError):  # nothing else could be done about it here
            os.replace(kept, target)


def _refuse_database(target: Path) -> None:
    try:
        with open(target, "rb") as handle:
            is_database = handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return
    if is_database:
        raise ExportError(f"“{target}”是一个数据库文件，填报表不会覆盖它；请换一个文件夹。")
