"""Rules for text: control characters and one-line fields, cleaning on every write, room in a table
cell, similarity, dates and document numbers as clerks type them."""
