"""Realistic assessments of any size: sentences drawn from the seed documents, 3-level dimensions."""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from model.framework.bulk import create_assessment_tree  # noqa: E402
from model.services import Services  # noqa: E402
from model.storage.migrate import open_sqlite  # noqa: E402

SEEDS = ROOT / "tests" / "data" / "seeds"
STATUSES = ["已完成"] * 14 + ["推进中", "超额完成", "未完成", "未开始"]


def sentences() -> list[str]:
    text = "".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    text = re.sub(r"\s+", "", text)
    parts = [s + "。" for s in re.split(r"[。；]", text) if 8 <= len(s) <= 160]
    return parts


def _text(rng: random.Random, pool: list[str], low: int, high: int) -> str:
    want, out = rng.randint(low, high), ""
    while len(out) < want:
        out += rng.choice(pool)
    return out[:high]


def assessment_data(items: int, seed: int = 7) -> dict[str, Any]:
    """items spread over 8 × 5 × 4 dimensions; results of 50–300 characters."""
    rng, pool = random.Random(seed), sentences()
    leaves: list[dict[str, Any]] = []
    tops = []
    for a in range(8):
        top = {"name": _text(rng, pool, 4, 10).rstrip("。"), "children": [], "items": []}
        for b in range(5):
            mid = {"name": f"{a + 1}.{b + 1} " + _text(rng, pool, 4, 12), "children": [], "items": []}
            for c in range(4):
                leaf = {"name": f"{a + 1}.{b + 1}.{c + 1} " + _text(rng, pool, 4, 14), "items": []}
                mid["children"].append(leaf)
                leaves.append(leaf)
            top["children"].append(mid)
        tops.append(top)
    for n in range(items):
        leaves[n % len(leaves)]["items"].append({
            "content": _text(rng, pool, 15, 60), "target": _text(rng, pool, 10, 40),
            "result": _text(rng, pool, 50, 300), "status": rng.choice(STATUSES),
            "department": rng.choice(["办公室", "法规处", "财务处", "医政医管处", "疾控处"])})
    return {"assessment": {"unit_name": "某市卫生健康委员会", "year": 2024, "period": "年度",
                           "title": f"基准测试自查表（{items}项）",
                           "report_title": "某市卫生健康委员会2024年度工作总结"},
            "narrative": {"overview": _text(rng, pool, 300, 600),
                          "problems": _text(rng, pool, 200, 400), "plans": _text(rng, pool, 200, 400)},
            "dimensions": tops}


def make_database(path: Path, items: int) -> tuple[Services, int]:
    services = Services.over(open_sqlite(path))
    return services, create_assessment_tree(services.db, assessment_data(items))
