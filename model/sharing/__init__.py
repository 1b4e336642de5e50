"""Several people on one database: who may edit what (permissions), who changed what (audit, 修改记录),
and what others committed (the live digest)."""
