"""feedback.idempotency_key (a hash of the client's Idempotency-Key: a retried post returns the first row) and
the indexes the retention purge deletes by (conversations.updated_at, feedback.created_at).

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("feedback", sa.Column("idempotency_key", sa.Text, nullable=True))
    op.create_index("feedback_by_idempotency_key", "feedback", ["idempotency_key"], unique=True)
    op.create_index("feedback_by_created_at", "feedback", ["created_at"])
    op.create_index("conversations_by_updated_at", "conversations", ["updated_at"])


def downgrade() -> None:
    op.drop_index("conversations_by_updated_at", table_name="conversations")
    op.drop_index("feedback_by_created_at", table_name="feedback")
    op.drop_index("feedback_by_idempotency_key", table_name="feedback")
    with op.batch_alter_table("feedback") as batch:
        batch.drop_column("idempotency_key")
