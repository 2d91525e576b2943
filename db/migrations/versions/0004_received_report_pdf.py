"""the province keeps each received report's PDF

Revision ID: 0004
Revises: 0003

"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("received_packages", schema=None) as batch_op:
        batch_op.add_column(sa.Column("pdf_sha256", sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("received_packages", schema=None) as batch_op:
        batch_op.drop_column("pdf_sha256")
