"""Alembic environment: always online, on the connection `assistant.database.migrate` hands over."""

from alembic import context

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only `assistant.database.migrate` runs these migrations
    raise RuntimeError("run migrations through assistant.database.migrate (it passes the connection)")
context.configure(connection=connection, target_metadata=None, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
