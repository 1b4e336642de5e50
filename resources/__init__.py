"""Accessor for bundled data: demo assessments, layouts, templates, translations."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

DEMO_ASSESSMENT = "demo/selfcheck_2021.json"
DEMO_PROJECT_FORM = "demo/project_2023.json"


def path(relative: str) -> Path:
    """A bundled file's path (resources ship as plain files beside this module)."""
    return Path(str(resources.files(__package__).joinpath(relative)))


def read_json(relative: str) -> Any:
    return json.loads(path(relative).read_text(encoding="utf-8"))


def demo_assessment() -> dict[str, Any]:
    return read_json(DEMO_ASSESSMENT)


def demo_project_form() -> dict[str, Any]:
    """A project expenditure self-evaluation form (项目支出绩效自评表), made up, for the demo."""
    return read_json(DEMO_PROJECT_FORM)
