"""The finance forms (项目支出 / 部门整体): their tables, records and layouts, the service, the per-field
checked writes and the copy into a new year."""
