"""English is shippable: every tr() string of gui/ is in app_en.ts with an English translation."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

from resources.i18n.fill_english import ENGLISH, TS
from resources.i18n.update import lupdate


def sources(ts: Path) -> set[str]:
    return {m.findtext("source") or "" for m in ElementTree.parse(ts).iter("message")}


def test_every_ui_string_has_english(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    lupdate(fresh)
    wanted = sources(fresh)
    assert wanted, "lupdate found no tr() strings"
    assert sorted(wanted - set(ENGLISH)) == []
    assert sorted(wanted - sources(TS)) == [], "run python resources/i18n/update.py"
    unfinished = [m.findtext("source") for m in ElementTree.parse(TS).iter("message")
                  if (m.find("translation") is not None
                      and m.find("translation").get("type") == "unfinished")]
    assert unfinished == []
