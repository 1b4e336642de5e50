"""What an export shows: the view-model built from plain-SQL reads, its options, the table formats
(表样) and the content review (体检) before export."""
