"""Sync by file: export and import of packages (packages), their merge into the database
(apply, bulk_store), conflicts, the setup package and retries on collisions."""
