"""Settings declared once, typed: window geometry, splitters, language, folders, recent files,
the framework tree's columns."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from PySide6.QtCore import QByteArray, QRect, QSettings, QStandardPaths

LANGUAGES = {"zh_CN": "中文", "en": "English"}


class Settings:
    def __init__(self, store: QSettings | None = None) -> None:
        self._store = store or QSettings()

    def language(self) -> str:
        value = str(self._store.value("ui/language", "zh_CN"))
        return value if value in LANGUAGES else "zh_CN"

    def set_language(self, language: str) -> None:
        self._store.setValue("ui/language", language)

    def geometry(self, key: str) -> QByteArray | None:
        value = self._store.value(f"geometry/{key}")
        return value if isinstance(value, QByteArray) else None

    def set_geometry(self, key: str, value: QByteArray) -> None:
        self._store.setValue(f"geometry/{key}", value)

    def window_rect(self, key: str) -> tuple[QRect | None, bool]:
        """A window's saved client rectangle (x, y, width, height) and whether it was maximised."""
        value = str(self._store.value(f"window/{key}", ""))
        try:
            *numbers, maximized = (int(part) for part in value.split(","))
            x, y, width, height = numbers
        except ValueError:
            return None, False
        rect = QRect(x, y, width, height)
        return (rect if rect.isValid() else None), bool(maximized)

    def set_window_rect(self, key: str, rect: QRect, maximized: bool) -> None:
        self._store.setValue(f"window/{key}", ",".join(
            str(n) for n in (rect.x(), rect.y(), rect.width(), rect.height(), int(maximized))))

    def last_folder(self) -> str:
        """Where open, import and export dialogs start: the folder last opened from or exported
        to, else Documents (never the program's folder, never where evidence was picked from)."""
        folder = str(self._store.value("paths/last_folder", ""))
        if folder and Path(folder).is_dir():
            return folder
        return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)

    def evidence_folder(self) -> str:
        """Where the clerk last picked evidence files (kept apart from the documents' folder)."""
        folder = str(self._store.value("paths/evidence_folder", ""))
        return folder if folder and Path(folder).is_dir() else self.last_folder()

    def set_evidence_folder(self, folder: str) -> None:
        self._store.setValue("paths/evidence_folder", folder)

    def set_last_folder(self, folder: str) -> None:
        self._store.setValue("paths/last_folder", folder)

    def _strings(self, key: str) -> list[str]:
        """A list of texts (a one-element list may come back from the file as its text)."""
        value = self._store.value(key, [])
        return [str(v) for v in value] if isinstance(value, list) else ([str(value)] if value else [])

    def recent_files(self) -> list[str]:
        return self._strings("paths/recent")

    def add_recent_file(self, path: str, limit: int = 8) -> None:
        files = [path] + [f for f in self.recent_files() if f != path]
        self._store.setValue("paths/recent", files[:limit])

    def tree_columns(self) -> list[str]:
        """The columns the clerk shows beside the framework tree's title (gui/item_models/
        tree_columns.py names them; an unknown name is ignored there)."""
        return self._strings("tree/columns")

    def set_tree_columns(self, keys: list[str]) -> None:
        self._store.setValue("tree/columns", list(keys))

    def export_entries(self) -> list[tuple[str, str]] | None:
        """The export formats' (name, label) as the last window listed them (the first paint shows
        them before the format registry loads), or None."""
        try:
            entries = json.loads(str(self._store.value("first_paint/exports", "")))
            return [(str(name), str(label)) for name, label in entries]
        except (ValueError, TypeError):
            return None

    def set_export_entries(self, entries: list[tuple[str, str]]) -> None:
        if entries != self.export_entries():
            self._store.setValue("first_paint/exports", json.dumps(entries, ensure_ascii=False))

    def import_mapping(self, headers: list[str]) -> dict[str, str]:
        """The fields a clerk chose for a table with exactly these headers, or {}."""
        value = self._store.value(f"import/mapping/{_headers_key(headers)}", "")
        try:
            mapping = json.loads(str(value)) if value else {}
        except ValueError:
            return {}
        return {str(k): str(v) for k, v in mapping.items()} if isinstance(mapping, dict) else {}

    def set_import_mapping(self, headers: list[str], mapping: dict[str, str]) -> None:
        self._store.setValue(f"import/mapping/{_headers_key(headers)}",
                             json.dumps(mapping, ensure_ascii=False))


def _headers_key(headers: list[str]) -> str:
    return hashlib.sha1("\x1f".join(headers).encode("utf-8")).hexdigest()
