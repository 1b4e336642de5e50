"""Text that XML (and so .docx and .xlsx) can hold: remove what it cannot, and say so."""

from __future__ import annotations

import re

# XML 1.0 forbids C0 controls but tab/newline/CR, lone surrogates and U+FFFE/U+FFFF.
_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> tuple[str, int]:
    """(text without XML-invalid characters, how many were removed); CRLF becomes LF."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    cleaned, count = _INVALID.subn("", text)
    return cleaned, count


class TextCleaner:
    """Cleans every text of one export and keeps a warning naming where characters went."""

    def __init__(self) -> None:
        self.warnings: list[str] = []

    def __call__(self, text: str, where: str) -> str:
        cleaned, removed = clean(text or "")
        if removed:
            self.warnings.append(f"{where}：删除了 {removed} 个无法写入文件的控制字符。")
        return cleaned
