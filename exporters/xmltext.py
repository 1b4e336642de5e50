"""Text that XML (and so .docx and .xlsx) can hold: remove what it cannot, and say so."""

from __future__ import annotations

from model.text.rules import clean_counted, clean_line


def clean(text: str) -> tuple[str, int]:
    """(text without XML-invalid characters, how many were removed); line breaks become LF."""
    return clean_counted(text)


class TextCleaner:
    """Cleans every text of one export and keeps a warning naming where characters went."""

    def __init__(self) -> None:
        self.warnings: list[str] = []

    def __call__(self, text: str, where: str) -> str:
        cleaned, removed = clean(text or "")
        if removed:
            where = clean_line(where)  # the place is named by stored text too
            self.warnings.append(f"{where}：删除了 {removed} 个无法写入文件的控制字符。")
        return cleaned
