"""The finance forms' scoring engine (财预〔2020〕10号): target text, rules, checks; Qt-free."""
