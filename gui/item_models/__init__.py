"""Qt item models over service records (named so as not to be confused with model/)."""
