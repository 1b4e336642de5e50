"""Default titles: an untitled assessment is called the same in the list, the report, the table
and the Word file's name, all from the vocabulary's one declaration."""

from __future__ import annotations

from exporters.formats.summary_word import summary_name
from model.finance.layouts import finance_layout_names, load_finance_layout
from model.report.build import report_of
from model.services import Services
from model.vocabulary import titled


def test_an_untitled_assessment_is_named_alike_everywhere(services: Services) -> None:
    record = services.assessments.create("某市卫生健康委员会", 2024)
    assert record.title == "" and record.report_title == ""
    listed = next(a for a in services.assessments.list() if a.id == record.id)
    report = report_of(services.db, record.id)
    assert listed.title == "某市卫生健康委员会2024年度自查" == titled("", "assessment",
                                                                   record.unit_name, record.year)
    assert report.title == "某市卫生健康委员会2024年度工作总结"
    assert report.table_title == "某市卫生健康委员会2024年度自查表"
    assert summary_name(record) == f"{report.title}.docx"


def test_a_given_title_is_kept(services: Services) -> None:
    record = services.assessments.create("某单位", 2024, title="自查", report_title="总结")
    report = report_of(services.db, record.id)
    assert (report.title, report.table_title, summary_name(record)) == ("总结", "自查", "总结.docx")


def test_a_new_finance_form_is_titled_by_its_project_else_its_unit(services: Services) -> None:
    for layout in finance_layout_names():
        kind = load_finance_layout(layout).kind
        words = "项目支出" if kind == "项目支出" else "部门整体支出"
        named = services.finance.create_blank("某单位", 2024, layout, project_name="某项目")
        unnamed = services.finance.create_blank("某单位", 2024, layout)
        assert services.assessments.get(named).title == f"某项目2024年度{words}绩效自评"
        assert services.assessments.get(unnamed).title == f"某单位2024年度{words}绩效自评"
