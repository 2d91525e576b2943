"""The draft as plain data: what the drafter understood, with a note wherever the clerk
must look.

Unlike app.plan.Plan nothing here is validated; the writer turns it into a plan file and
each note into a "# KIỂM TRA: …" comment above the field it concerns.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from app.plan import UnitSelector

Notes = dict[str, list[str]]


def note(notes: Notes, key: str, message: str) -> None:
    """Add a "KIỂM TRA" remark for ``key`` (a field name), once."""
    found = notes.setdefault(key, [])
    if message not in found:
        found.append(message)


@dataclass
class DraftTimeframe:
    kind: str  # "deadline" | "recurring"
    text: str
    deadline: dt.date | None = None


@dataclass
class DraftBasis:
    number: str
    date: dt.date
    issuer: str
    title: str
    notes: Notes = field(default_factory=dict)


@dataclass
class Assignment:
    """Who carries out a task, as far as the directory could tell."""

    implementers: list[UnitSelector] = field(default_factory=list)
    lead: str | None = None
    coordinating: list[UnitSelector] = field(default_factory=list)
    guided_by: str | None = None
    unmatched: list[str] = field(default_factory=list)  # names not in the directory
    notes: list[str] = field(default_factory=list)


@dataclass
class DraftTask:
    code: str
    title: str
    content: list[str]
    implementers_text: str
    assignment: Assignment
    timeframe: DraftTimeframe
    notes: Notes = field(default_factory=dict)
    # proposed where headings repeat (II.3.1/II.3.2): what lists show to tell them apart
    short_title: str | None = None


@dataclass
class DraftReporting:
    kinds: list[str]
    due_days_after_cutoff: int
    source: str
    notes: Notes = field(default_factory=dict)


@dataclass
class DraftPlan:
    id: str
    number: str
    kind: str
    title: str
    issuer_unit: str
    issuer_name: str
    date: dt.date
    place: str
    signer_name: str
    signer_title: str
    purpose: list[str]
    basis: list[DraftBasis]
    tasks: list[DraftTask]
    budget_text: str
    annual_estimate: bool
    due_month: int
    monitor_unit: str
    monitoring_text: str
    difficulties_via: str
    reporting: DraftReporting
    source_name: str = ""
    notes: Notes = field(default_factory=dict)
