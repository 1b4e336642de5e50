"""Safe handling of database files and their stores: snapshots, schema checks, disk errors."""
