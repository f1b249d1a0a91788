"""Alembic migrations of the conversations/feedback database; run by `assistant.database.migrate` on start-up
(no alembic.ini needed). A new revision: copy the newest file in `versions/`, bump `revision` and
`down_revision`, and write `upgrade()` with `op.*` calls that work on SQLite and PostgreSQL."""
