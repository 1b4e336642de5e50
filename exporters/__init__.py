"""Writers of output files (Word report, Excel tables, evidence packages) from model's plain records."""
