"""plans and unit directories as data; the plans a unit follows; role "unit"

Revision ID: 0003
Revises: 0002

The installation keeps each unit directory's and each plan's TOML text
(``unit_directories``, ``plan_sources``), so a plan added at run time survives restarts
and backups; ``unit_plans`` says which plans the unit follows and since when. An
existing installation follows the plan its settings name, since the earliest day it
recorded anything (an activity's date, a report, an audit entry). The built-in files'
texts are not known here: the app installs them the first time it opens the database,
as it does for a new one. The ``plans`` table is left as it is (rebuilding it would need
its foreign keys off, which cannot happen inside the upgrade's one transaction).
"""

import datetime as dt

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

DEFAULT_PLAN = "gl-157-2024"


def upgrade() -> None:
    op.create_table(
        "unit_directories",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("source_sha256", sa.String(length=64), nullable=False),
        sa.Column("origin", sa.String(length=16), nullable=False),
        sa.Column("installed_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_unit_directories")),
    )
    op.create_table(
        "plan_sources",
        sa.Column("plan_id", sa.String(length=64), nullable=False),
        sa.Column("directory_id", sa.String(length=64), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("source_sha256", sa.String(length=64), nullable=False),
        sa.Column("origin", sa.String(length=16), nullable=False),
        sa.Column("installed_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["directory_id"],
            ["unit_directories.id"],
            name=op.f("fk_plan_sources_directory_id_unit_directories"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["plans.id"],
            name=op.f("fk_plan_sources_plan_id_plans"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("plan_id", name=op.f("pk_plan_sources")),
    )
    op.create_table(
        "unit_plans",
        sa.Column("plan_id", sa.String(length=64), nullable=False),
        sa.Column("followed_since", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["plans.id"],
            name=op.f("fk_unit_plans_plan_id_plans"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("plan_id", name=op.f("pk_unit_plans")),
    )
    _move_data(op.get_bind())


def _move_data(conn: sa.Connection) -> None:
    settings: dict[str, str] = {
        key: value for key, value in conn.execute(sa.text("SELECT key, value FROM settings"))
    }
    plans = {row[0] for row in conn.execute(sa.text("SELECT id FROM plans"))}
    current = settings.get("plan_id") or DEFAULT_PLAN
    if settings.get("role") and current in plans:
        conn.execute(
            sa.text("INSERT INTO unit_plans (plan_id, followed_since) VALUES (:p, :d)"),
            {"p": current, "d": _first_day(conn)},
        )
    conn.execute(
        sa.text("UPDATE settings SET value = 'unit' WHERE key = 'role' AND value = 'district'")
    )
    # Each plan names its own directory now (plan_sources.directory_id).
    conn.execute(sa.text("DELETE FROM settings WHERE key = 'units_directory'"))


def _first_day(conn: sa.Connection) -> dt.date:
    """The earliest day the installation recorded anything, else today."""
    found: list[dt.date] = []
    for query in (
        "SELECT min(date) FROM activities",
        "SELECT min(created_at) FROM reports",
        "SELECT min(at) FROM audit_log",
    ):
        value = conn.execute(sa.text(query)).scalar()
        if value:
            found.append(dt.date.fromisoformat(str(value)[:10]))
    return min(found) if found else dt.date.today()


def downgrade() -> None:
    conn = op.get_bind()
    conn.execute(
        sa.text("UPDATE settings SET value = 'district' WHERE key = 'role' AND value = 'unit'")
    )
    op.drop_table("unit_plans")
    op.drop_table("plan_sources")
    op.drop_table("unit_directories")
