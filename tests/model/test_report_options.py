"""落款 and export options on the assessment: validated, normalised, carried into a new year."""

from __future__ import annotations

from datetime import date

import pytest

from model.errors import ValidationError
from model.report.build import report_of, report_options
from model.services import Services


def test_options_are_validated_and_the_date_normalised(services: Services) -> None:
    a = services.assessments.create("某区卫健委", 2023)
    record = services.assessments.get(a.id)
    assert (record.signature, record.signature_date, record.show_signature, record.show_date,
            record.omit_unfinished, record.demote_numbering, record.page_numbers,
            record.requires_evidence) == ("", "", True, True, False, True, "单双页", False)
    for text, stored in (("2022-01-10", "2022年1月10日"), ("2022.1.5", "2022年1月5日"),
                         ("2022年01月10日", "2022年1月10日"), ("  ", "")):
        assert services.assessments.update(a.id, signature_date=text).signature_date == stored
    with pytest.raises(ValidationError, match="成文日期"):
        services.assessments.update(a.id, signature_date="2022年13月1日")
    with pytest.raises(ValidationError, match="页码样式"):
        services.assessments.update(a.id, page_numbers="左侧")


def test_signature_defaults_to_the_unit_and_today(services: Services) -> None:
    a = services.assessments.create("某区卫健委", 2023)
    options = report_options(services.assessments.get(a.id), today=date(2024, 1, 5))
    assert (options.signature, options.signature_date) == ("某区卫健委", "2024年1月5日")
    services.assessments.update(a.id, signature="某区卫生健康委员会", show_date=False)
    options = report_of(services.db, a.id).options
    assert (options.signature, options.signature_date) == ("某区卫生健康委员会", "")


def test_a_new_year_keeps_the_options_but_not_the_date(services: Services) -> None:
    a = services.assessments.create("某区卫健委", 2023)
    services.assessments.update(a.id, signature="办公室", signature_date="2024-01-05",
                                page_numbers="居中", requires_evidence=True)
    copy = services.assessments.copy_to_year(a.id, 2024)
    assert (copy.signature, copy.signature_date, copy.page_numbers, copy.requires_evidence) == (
        "办公室", "", "居中", True)
