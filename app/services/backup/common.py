"""What every backup job shares: the format's names, its errors, what a backup says about
itself, and the folder and ZIP helpers that turn an OSError into a plain message."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from app.errors import KnownError
from app.evidence import EvidenceStore
from app.fsio import write_failure
from app.paths import DataLayout
from app.progress import Cancelled, Progress, Tracker
from app.settings import InstallSettings
from app.units import Unit
from db.session import Database

FORMAT_NAME = "tiendo-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DATABASE_MEMBER = "tiendo.sqlite"
EVIDENCE_MEMBER = "evidence/"
AUTO_PREFIX = "tu-dong-"
MANUAL_PREFIX = "TienDo-saoluu-"
KEPT_PREFIX = "truoc-khoi-phuc-"
STAGED_SUFFIX = ".khoi-phuc"
SNAPSHOT_PREFIX = "saoluu-"  # the database copy in <data>/staging while a backup is written
CHUNK = 1 << 20
SHA_RE = re.compile(r"[0-9a-f]{64}")


class Installation(Protocol):
    """What a backup needs of an open installation: app.services.workspace.Workspace.

    Named here rather than imported, so that workspace can finish an interrupted restore
    at open (app.services.backup.swap) without the two modules depending on each other.
    """

    layout: DataLayout
    db: Database
    settings: InstallSettings

    def find_unit(self, unit_id: str) -> Unit: ...


class BackupError(KnownError):
    """A backup could not be written, read, verified or restored."""


class BackupCancelled(BackupError):
    """The user cancelled; nothing was changed."""


@dataclass(frozen=True)
class EvidenceEntry:
    sha256: str
    size: int
    member: str | None  # "evidence/<sha256>" inside the ZIP; None when in the shared pool


@dataclass(frozen=True)
class OfficialEntry:
    """A file of the official signatures' folder (app.services.backup.official)."""

    path: str  # inside <data>/official, e.g. "trust/roots/<sha256>.der"
    sha256: str
    size: int


@dataclass(frozen=True)
class BackupInfo:
    """A backup's manifest, as read back from its file."""

    path: Path
    created: dt.datetime
    kind: str  # "auto" | "manual"
    app_version: str
    schema_revision: str | None
    unit_id: str
    unit_name: str
    counts: dict[str, int]
    database_sha256: str
    database_size: int
    evidence: tuple[EvidenceEntry, ...]
    missing_evidence: tuple[str, ...] = ()  # referenced but not in it (damaged ones too)
    audit_mark: int = 0
    damaged_evidence: tuple[str, ...] = ()  # of those, the ones whose bytes were damaged
    official: tuple[OfficialEntry, ...] = ()  # signature images, trusted roots, CRLs

    @property
    def self_contained(self) -> bool:
        return all(e.member is not None for e in self.evidence)

    @property
    def evidence_bytes(self) -> int:
        return sum(e.size for e in self.evidence)

    def summary_vi(self) -> str:
        """One line for people: when, whose, how much."""
        c = self.counts
        unit = self.unit_name or self.unit_id or "chưa thiết lập đơn vị"
        return (
            f"{self.created:%d/%m/%Y %H:%M} — {unit}: {c.get('activities', 0)} hoạt động, "
            f"{c.get('reports', 0)} báo cáo, {len(self.evidence)} tệp minh chứng"
        )


@dataclass(frozen=True)
class RestoreResult:
    backup: BackupInfo
    kept_as: Path | None  # the database that was replaced, kept under backups/
    evidence_added: int
    missing_evidence: tuple[str, ...]  # could be found neither in the store nor the backup
    evidence_replaced: int = 0  # in the store but damaged, replaced from the backup
    official_restored: int = 0  # files of the official signatures' folder put back
    official_unusable: int = 0  # of those, damaged in the backup and not written


def tracker(progress: Progress | None, cancelled: Cancelled | None) -> Tracker:
    """A job's progress and cancel check; its total is set once the job knows its size."""
    return Tracker(
        0, progress, cancelled, stop=lambda: BackupCancelled("Đã hủy; dữ liệu không thay đổi.")
    )


def pool_folder(layout: DataLayout) -> Path:
    """The shared evidence pool of the automatic backups."""
    return layout.backups / "evidence"


def staged_path(layout: DataLayout) -> Path:
    """Where a restore stages the backup's database, beside the current one."""
    return layout.database.with_name(layout.database.name + STAGED_SUFFIX)


def staging_part(layout: DataLayout) -> Path:
    """The staged database while it is still being written and checked (a fixed name, so
    start-up can drop a half-written one)."""
    staged = staged_path(layout)
    return staged.with_name(staged.name + ".part")


def local_now(now: dt.datetime | None) -> dt.datetime:
    return (now or dt.datetime.now()).astimezone()


def write_error(exc: OSError, folder: Path) -> BackupError:
    message, hint = write_failure(exc, folder, "bản sao lưu")
    return BackupError(message, f"{hint} Dữ liệu không thay đổi.".strip())


def make_folder(folder: Path) -> None:
    """mkdir -p; BackupError in plain words when the disk refuses."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise write_error(exc, folder) from None


def has_file(store: EvidenceStore, sha: str, size: int) -> bool:
    """Whether the store holds this evidence file at its recorded size."""
    p = store.path_for(sha)
    try:
        return p.is_file() and p.stat().st_size == size
    except OSError:
        return False


@contextlib.contextmanager
def open_zip(path: Path) -> Iterator[zipfile.ZipFile]:
    """A backup file opened for reading; damage met while reading it becomes BackupError."""
    try:
        zf = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise BackupError(f"Không tìm thấy tệp sao lưu {path}.") from None
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise BackupError(
            f"Tệp {Path(path).name} không phải bản sao lưu của Tiến Độ hoặc đã bị hỏng ({exc}).",
            "Chọn một bản sao lưu khác.",
        ) from None
    try:
        yield zf
    except (zipfile.BadZipFile, EOFError, zlib.error) as exc:
        raise damaged(path, str(exc)) from None
    finally:
        zf.close()


def damaged(path: Path, what: str) -> BackupError:
    return BackupError(
        f"Bản sao lưu {Path(path).name} bị hỏng ({what}): mã băm không khớp.",
        "Chọn một bản sao lưu khác; dữ liệu hiện tại không thay đổi.",
    )
