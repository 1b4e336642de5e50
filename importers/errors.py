"""Import refusals: a Chinese message naming the file and, where it applies, sheet, row, cell."""

from __future__ import annotations

from pathlib import Path

from model.errors import ModelError


class ImportFileError(ModelError):
    """The file cannot be imported as it is; nothing was written."""


class ImportCancelled(ModelError):  # noqa: N818 — reads as what happened
    def __init__(self) -> None:
        super().__init__("导入已取消，没有写入任何内容。")


def where(path: Path, sheet: str | None = None, row: int | None = None,
          cell: str | None = None) -> str:
    parts = [f"文件“{path.name}”"]
    if sheet is not None:
        parts.append(f"工作表“{sheet}”")
    if cell is not None:
        parts.append(f"单元格 {cell}")
    elif row is not None:
        parts.append(f"第 {row} 行")
    return "，".join(parts)
