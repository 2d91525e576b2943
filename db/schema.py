"""The schema revisions this app knows, oldest first. A test keeps it equal to the
Alembic scripts; it lets start-up check the schema without importing Alembic."""

REVISIONS: tuple[str, ...] = ("0001", "0002", "0003", "0004")
HEAD = REVISIONS[-1]
