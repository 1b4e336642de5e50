"""Hand the chosen tables to model.framework.bulk (the services' validation): one transaction, all or nothing.
While it stores, the progress given to storing() is told of every thousand items; a cancel there
rolls the whole transaction back."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from importers.errors import ImportCancelled, ImportFileError, where
from importers.finance_xlsx import FinanceImport
from importers.xlsx_table import ImportedTable, ImportedWorkbook, tree_of
from model.framework.bulk import append_tree, create_assessment_tree
from model.scoring.form import FormScore
from model.services import Services
from model.vocabulary import SCORE_FIELDS

_progress: ContextVar[Callable[[int, int], bool] | None] = ContextVar("import_progress",
                                                                      default=None)


@contextmanager
def storing(progress: Callable[[int, int], bool] | None) -> Iterator[None]:
    """Within it, a store tells progress(done, total) as it writes; False from it cancels."""
    token = _progress.set(progress)
    try:
        yield
    finally:
        _progress.reset(token)


def _tick(done: int, total: int) -> None:
    progress = _progress.get()
    if progress is not None and progress(done, total) is False:
        raise ImportCancelled()


def store_tables(services: Services, workbook: ImportedWorkbook, tables: list[ImportedTable],
                 into: int | None) -> tuple[int, int]:
    """(assessment id, items added): into an existing assessment, or a new one named from the
    first table's title; unit and year must be known (from the title or given), never guessed."""
    items, _warnings = workbook.items_of(tables)
    tree = tree_of(items)
    if into is not None:
        services.assessments.get(into)  # a clear message when it does not exist
        return into, append_tree(services.db, into, tree, progress=_tick)
    missing = missing_options(workbook)
    if missing:  # every missing option at once, not one per attempt
        raise ImportFileError(f"{where(workbook.file, tables[0].sheet)}：标题“{tables[0].title}”、"
                              f"标题下的各行和文件名中都没有{'和'.join(missing)}；请用这些选项指定，"
                              "或用 --into 导入到已有的自评。")
    first = max(tables, key=lambda t: len(t.items))  # the main table names the assessment
    scored = any(k in item.values for item in items for k in SCORE_FIELDS)
    data = {"assessment": {"unit_name": workbook.unit, "year": workbook.year,
                           "period": first.period, "title": first.title, "uses_scores": scored},
            "dimensions": tree}
    return create_assessment_tree(services.db, data, progress=_tick), len(items)


def missing_options(workbook: ImportedWorkbook) -> list[str]:
    """The options a new assessment still needs, as the clerk reads them."""
    return ["年度（--year，如 --year 2023）" if name == "year" else
            "单位名称（--unit，如 --unit 市卫生健康委）" for name in workbook.needs()]


def store_table(services: Services, table: ImportedTable, into: int | None) -> tuple[int, int]:
    """One table on its own (its title's unit and year)."""
    workbook = ImportedWorkbook(table.file, [table], [], table.unit, table.year)
    return store_tables(services, workbook, [table], into)


def store_finance_form(services: Services, form: FinanceImport) -> tuple[int, FormScore]:
    """A 项目支出/部门整体绩效自评表 read by read_finance_form as a new assessment (a form is never
    added into another), every value kept; its id and its score. The CLI and the window both."""
    finance = services.finance
    assessment_id = finance.create(form.data)
    result = finance.score(assessment_id)
    points = result.execution.points + sum(i.get("points") or 0.0 for i in form.data["indicators"])
    form.warnings.extend(form.total_problems(points, result.total))
    return assessment_id, result
