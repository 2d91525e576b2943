"""packages outbox and province intake

Revision ID: 0002
Revises: 0001

"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "received_packages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.String(length=64), nullable=False),
        sa.Column("plan_id", sa.String(length=64), nullable=False),
        sa.Column("period", sa.String(length=16), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("key_id", sa.String(length=16), nullable=False),
        sa.Column("filename", sa.Text(), nullable=False),
        sa.Column("created", sa.DateTime(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("report_json", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["units.id"], name=op.f("fk_received_packages_unit_id_units")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_received_packages")),
        sa.UniqueConstraint("sha256", name=op.f("uq_received_packages_sha256")),
        sa.UniqueConstraint(
            "unit_id", "plan_id", "period", "revision", name=op.f("uq_received_packages_unit_id")
        ),
    )
    with op.batch_alter_table("received_packages", schema=None) as batch_op:
        batch_op.create_index(
            "ix_received_unit_period", ["unit_id", "plan_id", "period"], unique=False
        )

    op.create_table(
        "unit_keys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.String(length=64), nullable=False),
        sa.Column("key_id", sa.String(length=16), nullable=False),
        sa.Column("public_key", sa.Text(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("enrolled_at", sa.DateTime(), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.Column("replaced_by", sa.String(length=16), nullable=True),
        sa.ForeignKeyConstraint(["unit_id"], ["units.id"], name=op.f("fk_unit_keys_unit_id_units")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_unit_keys")),
        sa.UniqueConstraint("key_id", name=op.f("uq_unit_keys_key_id")),
    )
    with op.batch_alter_table("unit_keys", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_unit_keys_unit_id"), ["unit_id"], unique=False)

    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.String(length=64), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=16), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("filename", sa.Text(), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=True),
        sa.Column("receipt_sha256", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["report_id"], ["reports.id"], name=op.f("fk_outbox_report_id_reports")
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["units.id"], name=op.f("fk_outbox_unit_id_units")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox")),
        sa.UniqueConstraint("unit_id", "sequence", name=op.f("uq_outbox_unit_id")),
    )
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_outbox_sha256"), ["sha256"], unique=False)

    op.create_table(
        "received_evidence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("package_id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["package_id"],
            ["received_packages.id"],
            name=op.f("fk_received_evidence_package_id_received_packages"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["sha256"], ["evidence.sha256"], name=op.f("fk_received_evidence_sha256_evidence")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_received_evidence")),
    )
    with op.batch_alter_table("received_evidence", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_received_evidence_package_id"), ["package_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("received_evidence", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_received_evidence_package_id"))

    op.drop_table("received_evidence")
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outbox_sha256"))

    op.drop_table("outbox")
    with op.batch_alter_table("unit_keys", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_unit_keys_unit_id"))

    op.drop_table("unit_keys")
    with op.batch_alter_table("received_packages", schema=None) as batch_op:
        batch_op.drop_index("ix_received_unit_period")

    op.drop_table("received_packages")
