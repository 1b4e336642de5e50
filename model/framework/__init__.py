"""The assessment and its framework: assessments, dimensions, items, narrative and evidence (the
services), their shared row helpers and table order, whole trees created, imported, undone and
removed at once."""
