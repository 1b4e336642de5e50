"""Last year's work summary (工作总结) from Word: outline, front and back matter, matches to items."""
