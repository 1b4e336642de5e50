"""Word export speed: ours against docxtpl rendering the same paragraphs, at 1,000 and 10,000 items.

python bench/word_export.py [--sizes 1000 10000] [--runs 3]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.excel import median_time
from bench.generate import make_database
from exporters.docx_report import export_docx
from exporters.report_outline import outline
from exporters.xmltext import TextCleaner
from model.report.build import report_of


def docxtpl_template(folder: Path) -> Path:
    """Our official template with a docxtpl loop: one styled paragraph per block."""
    from docx import Document

    import resources

    document = Document(str(resources.path("templates/gongwen.docx")))
    body = document.paragraphs[0]
    body.text = "{%p for b in blocks %}"
    document.add_paragraph("{{ b }}", style="正文")
    document.add_paragraph("{%p endfor %}")
    path = folder / "tpl.docx"
    document.save(str(path))
    return path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from docxtpl import DocxTemplate

    print(f"{'items':>7} {'paragraphs':>10} {'ours s':>8} {'docxtpl s':>9} {'ratio':>6} "
          f"{'db+ours s':>9}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        template = docxtpl_template(folder)
        for size in args.sizes:
            services, assessment_id = make_database(folder / f"{size}.db", size)
            report = report_of(services.db, assessment_id)
            blocks = [b.text for b in outline(report, TextCleaner())]
            ours = median_time(lambda r=report: export_docx(r, folder / "ours.docx"), args.runs)

            def render(blocks=blocks) -> None:
                tpl = DocxTemplate(str(template))
                tpl.render({"blocks": blocks})
                tpl.save(str(folder / "tpl-out.docx"))

            theirs = median_time(render, args.runs)
            whole = median_time(lambda s=services, a=assessment_id: export_docx(
                report_of(s.db, a), folder / "ours.docx"), args.runs)
            print(f"{size:>7} {len(blocks):>10} {ours:>8.2f} {theirs:>9.2f} {ours / theirs:>6.2f} "
                  f"{whole:>9.2f}")
            services.close()


if __name__ == "__main__":
    main()
