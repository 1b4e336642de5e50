"""Copying a finance form into a new year: header and targets kept, results and amounts cleared."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from model.finance.schema import FORM_TEXT_FIELDS, FinanceForm, FinanceFund

# Texts that hold a year's results: cleared when a form is copied into a new year.
FORM_RESULT_FIELDS = ("goal_actual", "execution_reason", "conclusion", "problems", "improvements")


def copy_finance(session: Session, source_id: int, target_id: int) -> None:
    """The form's header, goals and funds rows into target_id, results and amounts cleared (the
    indicators are items, copied with their targets; their actuals, scores and reasons cleared)."""
    form = session.scalar(select(FinanceForm).where(FinanceForm.assessment_id == source_id))
    if form is None:
        return
    values = {name: getattr(form, name) for name in FORM_TEXT_FIELDS}
    values.update({name: "" for name in FORM_RESULT_FIELDS})
    session.add(FinanceForm(assessment_id=target_id, layout=form.layout, **values))
    funds = session.scalars(select(FinanceFund).where(FinanceFund.assessment_id == source_id)
                            .order_by(FinanceFund.position, FinanceFund.id))
    for position, fund in enumerate(funds):
        session.add(FinanceFund(assessment_id=target_id, position=position, label=fund.label))
