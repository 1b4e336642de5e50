"""Finding items: full-text search in the database, and find-as-you-type in memory."""
