"""Regenerates resources/i18n/app_en.ts from the gui/ sources (pyside6-lupdate) and fills its English.

python resources/i18n/update.py — run after adding or changing a tr() string in gui/, a format's
label in exporters/formats/ or importers/formats/, an item field's label in model/vocabulary.py
or a report option's in model/report/options.py (it also compiles the .qm).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from resources.i18n.fill_english import TS, fill  # noqa: E402
from resources.i18n.release import release  # noqa: E402

# gui/, the formats' labels (declared Qt-free with QT_TRANSLATE_NOOP("formats", …)), the item
# fields' (…"ItemField"… in model/vocabulary.py) and the report options' (model/report/options.py).
UI_FOLDERS = ("gui", "exporters/formats", "importers/formats")
UI_FILES = ("model/vocabulary.py", "model/report/options.py")


def gui_sources() -> list[str]:
    return sorted([str(p.relative_to(ROOT)) for folder in UI_FOLDERS
                   for p in (ROOT / folder).rglob("*.py")] + list(UI_FILES))


def lupdate(target: Path) -> None:
    tool = Path(sys.executable).with_name("pyside6-lupdate")
    subprocess.run([str(tool), *gui_sources(), "-no-obsolete", "-ts", str(target)], cwd=ROOT,
                   check=True, capture_output=True, timeout=120)


if __name__ == "__main__":
    lupdate(TS)
    print(f"translated {fill()} strings")
    release(force=True)  # the .qm the app loads
