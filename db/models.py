"""Typed SQLAlchemy 2 models. The only place that knows table shapes.

Changing anything here needs a new numbered migration in db/migrations/versions/.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    BigInteger,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Setting(Base):
    """Installation settings: role, unit, officer, signature block… one row per key."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Unit(Base):
    """A copy of the unit directory entries this database refers to."""

    __tablename__ = "units"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    short_name: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(32))
    parent_id: Mapped[str | None] = mapped_column(
        ForeignKey("units.id", ondelete="RESTRICT"), default=None
    )


class UnitDirectory(Base):
    """A unit directory file this installation keeps: its TOML text as installed, so a
    directory added at run time survives restarts and backups. ``origin`` is "builtin"
    (shipped with the app, refreshed when the app's file changes) or "added"."""

    __tablename__ = "unit_directories"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(Text)
    source_sha256: Mapped[str] = mapped_column(String(64))
    origin: Mapped[str] = mapped_column(String(16))
    installed_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class Plan(Base):
    """A plan as rows: its tasks and indicators, which activities and reports refer to.
    ``source_sha256`` is the file version the rows were last made from."""

    __tablename__ = "plans"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    number: Mapped[str] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(Text)
    issuer: Mapped[str] = mapped_column(Text)
    date: Mapped[dt.date] = mapped_column(Date)
    format_version: Mapped[int] = mapped_column(Integer)
    source_sha256: Mapped[str] = mapped_column(String(64))
    tasks: Mapped[list[Task]] = relationship(
        back_populates="plan", order_by="Task.position", cascade="all, delete-orphan"
    )


class PlanSource(Base):
    """The plan file this installation keeps for a plan: its TOML text as installed, and
    the unit directory it was checked against, so a plan added at run time survives
    restarts and backups. ``origin`` as for directories."""

    __tablename__ = "plan_sources"
    plan_id: Mapped[str] = mapped_column(
        ForeignKey("plans.id", ondelete="CASCADE"), primary_key=True
    )
    directory_id: Mapped[str] = mapped_column(
        ForeignKey("unit_directories.id", ondelete="RESTRICT")
    )
    source: Mapped[str] = mapped_column(Text)
    source_sha256: Mapped[str] = mapped_column(String(64))
    origin: Mapped[str] = mapped_column(String(16))
    installed_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class UnitPlan(Base):
    """A plan this installation's unit follows, and since when: reports are asked for
    (and counted late) only from that day on."""

    __tablename__ = "unit_plans"
    plan_id: Mapped[str] = mapped_column(
        ForeignKey("plans.id", ondelete="CASCADE"), primary_key=True
    )
    followed_since: Mapped[dt.date] = mapped_column(Date)


class Task(Base):
    __tablename__ = "tasks"
    __table_args__ = (UniqueConstraint("plan_id", "code"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[str] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer)
    timeframe_kind: Mapped[str] = mapped_column(String(16))
    deadline: Mapped[dt.date | None] = mapped_column(Date, default=None)
    plan: Mapped[Plan] = relationship(back_populates="tasks")
    indicators: Mapped[list[Indicator]] = relationship(
        back_populates="task", order_by="Indicator.position", cascade="all, delete-orphan"
    )


class Indicator(Base):
    __tablename__ = "indicators"
    __table_args__ = (UniqueConstraint("task_id", "code"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(Text)
    unit: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(16))
    position: Mapped[int] = mapped_column(Integer)
    task: Mapped[Task] = relationship(back_populates="indicators")


class Activity(Base):
    """Something a unit did for a task on a date. Deleting sets deleted_at (recoverable)."""

    __tablename__ = "activities"
    __table_args__ = (Index("ix_activities_unit_date", "unit_id", "date"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"))
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id"), index=True)
    date: Mapped[dt.date] = mapped_column(Date)
    title: Mapped[str] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text, default="")
    location: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(DateTime, default=None)
    task: Mapped[Task] = relationship()
    values: Mapped[list[ActivityValue]] = relationship(
        back_populates="activity", cascade="all, delete-orphan"
    )
    evidence: Mapped[list[ActivityEvidence]] = relationship(
        back_populates="activity", cascade="all, delete-orphan", order_by="ActivityEvidence.id"
    )


class ActivityValue(Base):
    __audit_owner__ = ("activities", "activity_id")
    __tablename__ = "activity_values"
    activity_id: Mapped[int] = mapped_column(
        ForeignKey("activities.id", ondelete="CASCADE"), primary_key=True
    )
    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicators.id"), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger)
    activity: Mapped[Activity] = relationship(back_populates="values")
    indicator: Mapped[Indicator] = relationship()


class Evidence(Base):
    """A file stored once by content hash under <data>/evidence/ab/abcdef…"""

    __tablename__ = "evidence"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    mime: Mapped[str] = mapped_column(String(128), default="application/octet-stream")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class ActivityEvidence(Base):
    __audit_owner__ = ("activities", "activity_id")
    __tablename__ = "activity_evidence"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    activity_id: Mapped[int] = mapped_column(
        ForeignKey("activities.id", ondelete="CASCADE"), index=True
    )
    sha256: Mapped[str] = mapped_column(ForeignKey("evidence.sha256"))
    filename: Mapped[str] = mapped_column(Text)  # the name the officer gave it
    activity: Mapped[Activity] = relationship(back_populates="evidence")
    file: Mapped[Evidence] = relationship()


class Report(Base):
    """One revision of a unit's report for a (plan, period)."""

    __tablename__ = "reports"
    __table_args__ = (UniqueConstraint("unit_id", "plan_id", "period", "revision"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"))
    plan_id: Mapped[str] = mapped_column(ForeignKey("plans.id"))
    period: Mapped[str] = mapped_column(String(16))
    revision: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(16), default="draft")
    number: Mapped[str] = mapped_column(String(64), default="")
    document_date: Mapped[dt.date | None] = mapped_column(Date, default=None)
    overall: Mapped[str] = mapped_column(Text, default="")
    difficulties: Mapped[str] = mapped_column(Text, default="")
    proposals: Mapped[str] = mapped_column(Text, default="")
    next_direction: Mapped[str] = mapped_column(Text, default="")
    budget_estimate: Mapped[int | None] = mapped_column(BigInteger, default=None)
    budget_note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    finalized_at: Mapped[dt.datetime | None] = mapped_column(DateTime, default=None)
    exported_at: Mapped[dt.datetime | None] = mapped_column(DateTime, default=None)
    received_at: Mapped[dt.datetime | None] = mapped_column(DateTime, default=None)
    entries: Mapped[list[ReportEntry]] = relationship(
        back_populates="report", cascade="all, delete-orphan", order_by="ReportEntry.position"
    )


class ReportEntry(Base):
    __audit_owner__ = ("reports", "report_id")
    """One task's entry in a report."""

    __tablename__ = "report_entries"
    __table_args__ = (UniqueConstraint("report_id", "task_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"))
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id"))
    position: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16), default="not_started")
    percent: Mapped[int | None] = mapped_column(Integer, default=None)
    narrative: Mapped[str] = mapped_column(Text, default="")
    activity_count: Mapped[int] = mapped_column(Integer, default=0)
    report: Mapped[Report] = relationship(back_populates="entries")
    task: Mapped[Task] = relationship()
    values: Mapped[list[ReportValue]] = relationship(
        back_populates="entry", cascade="all, delete-orphan"
    )


class ReportValue(Base):
    __tablename__ = "report_values"
    entry_id: Mapped[int] = mapped_column(
        ForeignKey("report_entries.id", ondelete="CASCADE"), primary_key=True
    )
    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicators.id"), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger)
    entry: Mapped[ReportEntry] = relationship(back_populates="values")
    indicator: Mapped[Indicator] = relationship()


class AuditEntry(Base):
    """Who changed what, when, from what to what. Written by db.audit for every flush."""

    __tablename__ = "audit_log"
    __table_args__ = (
        Index("ix_audit_record", "table_name", "record_id"),
        Index("ix_audit_owner", "owner"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    actor: Mapped[str] = mapped_column(Text)
    action: Mapped[str] = mapped_column(String(16))  # insert | update | delete
    table_name: Mapped[str] = mapped_column(String(64))
    record_id: Mapped[str] = mapped_column(String(128))
    field: Mapped[str] = mapped_column(String(64), default="")
    old: Mapped[str | None] = mapped_column(Text, default=None)
    new: Mapped[str | None] = mapped_column(Text, default=None)
    # the record a child row belongs to ("activities/12" for a value or evidence link),
    # so one record's whole history is one indexed query
    owner: Mapped[str] = mapped_column(String(128), default="")


class OutboxPackage(Base):
    """A package this unit exported (district side). Sequence numbers advance only here."""

    __tablename__ = "outbox"
    __table_args__ = (UniqueConstraint("unit_id", "sequence"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"))
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id"))
    sequence: Mapped[int] = mapped_column(Integer)
    period: Mapped[str] = mapped_column(String(16))
    revision: Mapped[int] = mapped_column(Integer)
    filename: Mapped[str] = mapped_column(Text)
    path: Mapped[str] = mapped_column(Text)  # where it was written (may be a USB stick)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    received_at: Mapped[dt.datetime | None] = mapped_column(DateTime, default=None)
    receipt_sha256: Mapped[str | None] = mapped_column(String(64), default=None)


class UnitKey(Base):
    """A unit's public signing key enrolled at the province."""

    __tablename__ = "unit_keys"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"), index=True)
    key_id: Mapped[str] = mapped_column(String(16), unique=True)  # minisign key id, hex
    public_key: Mapped[str] = mapped_column(Text)  # the public key file's base64 line
    comment: Mapped[str] = mapped_column(Text, default="")
    enrolled_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime, default=None)
    replaced_by: Mapped[str | None] = mapped_column(String(16), default=None)  # rotation


class ReceivedPackage(Base):
    """A package imported at the province. The newest revision of (unit, plan, period) is
    current; older ones stay as history with state 'superseded'."""

    __tablename__ = "received_packages"
    __table_args__ = (
        UniqueConstraint("unit_id", "plan_id", "period", "revision"),
        Index("ix_received_unit_period", "unit_id", "plan_id", "period"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"))
    plan_id: Mapped[str] = mapped_column(String(64))
    period: Mapped[str] = mapped_column(String(16))
    revision: Mapped[int] = mapped_column(Integer)
    sequence: Mapped[int] = mapped_column(Integer)
    # sha256 of the bag's tagmanifest-sha256.txt: it names the signed content (the whole
    # file's hash varies with the unsigned ZIP comment, so it cannot say "same package")
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    key_id: Mapped[str] = mapped_column(String(16))
    filename: Mapped[str] = mapped_column(Text)
    created: Mapped[dt.datetime] = mapped_column(DateTime)  # when the unit made it
    received_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    state: Mapped[str] = mapped_column(String(16), default="current")  # current | superseded
    report_json: Mapped[str] = mapped_column(Text)
    # The report PDF as it arrived, kept in the evidence store by its hash; None for
    # packages imported before 0004 (the reader renders those from report_json).
    pdf_sha256: Mapped[str | None] = mapped_column(String(64), nullable=True, default=None)
    evidence: Mapped[list[ReceivedEvidence]] = relationship(
        back_populates="package", cascade="all, delete-orphan"
    )


class ReceivedEvidence(Base):
    __tablename__ = "received_evidence"
    __audit_owner__ = ("received_packages", "package_id")
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    package_id: Mapped[int] = mapped_column(
        ForeignKey("received_packages.id", ondelete="CASCADE"), index=True
    )
    sha256: Mapped[str] = mapped_column(ForeignKey("evidence.sha256"))
    name: Mapped[str] = mapped_column(Text)
    package: Mapped[ReceivedPackage] = relationship(back_populates="evidence")
