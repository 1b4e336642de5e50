"""This year against last year: which assessment is last year's, and what changed item by item."""
