"""A package that passed verification, as the reader hands it over: its signed head, its
report and the streaming access to its payload (app.package.reader makes it)."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from app.fsio import replacing
from app.package import format as fmt
from app.package.bag import Source, open_source
from app.package.errors import (
    EntryHashMismatch,
    PackageCancelled,
    PackageError,
    PackageWriteError,
)
from app.package.zipio import ZipEntry, iter_entry
from app.progress import Cancelled, Progress, Tracker
from app.report_data import ReportData
from app.signing.minisign import PublicKey


@dataclass(frozen=True)
class PayloadFile:
    """A verified payload entry: its path in the bag, SHA-256 and size."""

    path: str
    sha256: str
    size: int

    @property
    def name(self) -> str:
        """For evidence, the officer's file name (made safe) without the hash prefix."""
        base = self.path.rsplit("/", 1)[-1]
        if self.path.startswith(fmt.EVIDENCE_DIR):
            return base[fmt.EVIDENCE_PREFIX_HEX + 1 :]
        return base


@dataclass(frozen=True)
class PackageHead:
    """What a package's signature proves, known before its payload is read: who sent it,
    for what, and the tag manifest's SHA-256 that names its content."""

    folder: str
    unit_id: str
    plan_id: str
    period: str
    revision: int
    sequence: int
    created: dt.datetime
    source_organization: str
    key: PublicKey
    trusted_comment: str
    tagmanifest_sha256: str


def head_fields(head: PackageHead) -> dict[str, Any]:
    """The fields of a package's head, by name (a VerifiedPackage is built on them)."""
    return {f.name: getattr(head, f.name) for f in fields(PackageHead)}


Stage = Callable[[PackageHead], Path | None]
"""Given the proven head, the folder to stage the evidence into, or None not to."""


@dataclass(frozen=True)
class VerifiedPackage(PackageHead):
    """A package that passed every check (its head, then what its payload holds), and
    streaming access to its payload. ``tagmanifest_sha256`` names the content: equal for
    byte-identical payloads and tags.

    Reading the payload again re-checks each entry's hash, since the file may have
    changed on disk since it was verified.
    """

    source: Source = field(repr=False, compare=False)
    report: ReportData
    report_json: bytes = field(repr=False)
    pdf: PayloadFile
    evidence: tuple[PayloadFile, ...]
    _entries: Mapping[str, ZipEntry] = field(repr=False, compare=False)
    # what bag-info claims of the PDF's official signatures; the province checks the PDF
    official_signatures: int = 0
    file_sha256: str = ""  # the whole file's, when asked for; not signed (the ZIP comment)
    # sha256 -> the staged file, for the evidence and the report PDF
    staged: Mapping[str, Path] = field(default_factory=dict)

    @property
    def head(self) -> PackageHead:
        """The signed identity alone, as the stage callback saw it."""
        return PackageHead(**head_fields(self))

    def read_pdf(self) -> bytes:
        """The report PDF's bytes, re-checked against the manifest; raises PackageError."""
        return b"".join(self.iter_payload(fmt.REPORT_PDF))

    def iter_payload(self, path: str) -> Iterator[bytes]:
        """Stream a payload entry ("data/…"); the last step raises EntryHashMismatch if it
        no longer matches what was verified."""
        wanted = self.pdf if path == fmt.REPORT_PDF else None
        for item in self.evidence:
            if item.path == path:
                wanted = item
        if path == fmt.REPORT_JSON:
            wanted = PayloadFile(
                path, hashlib.sha256(self.report_json).hexdigest(), len(self.report_json)
            )
        if wanted is None:
            raise KeyError(path)
        entry = self._entries[path]
        with open_source(self.source) as fh:
            sha = hashlib.sha256()
            try:
                for chunk in iter_entry(fh, entry, label=path):
                    sha.update(chunk)
                    yield chunk
            except OSError as exc:
                raise PackageError(
                    f"Không đọc được tệp gói: {exc.strerror or exc}.", entry=path
                ) from None
            if sha.hexdigest() != wanted.sha256:
                raise EntryHashMismatch(
                    f"Tệp {path}: mã băm không khớp (gói đã thay đổi sau khi xác minh).",
                    entry=path,
                )

    def extract_evidence(
        self,
        dest_dir: Path,
        *,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> dict[str, Path]:
        """Copy each evidence file into `dest_dir` (made if missing) as "<sha256 hex>"; returns
        sha256 -> path.

        Content-addressed: a file already there under its hash is kept. Each file goes to
        a temp file in `dest_dir` and is renamed only once its hash matched, so nothing
        is created outside `dest_dir` and nothing half-written stays. Raises PackageError,
        PackageWriteError or PackageCancelled.
        """
        dest_dir = Path(dest_dir)
        try:
            dest_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise PackageWriteError(
                f"Không tạo được thư mục minh chứng {dest_dir}: {exc.strerror or exc}."
            ) from None
        job = Tracker(
            sum(e.size for e in self.evidence),
            progress,
            cancelled,
            stop=lambda: PackageCancelled("Đã hủy giải nén minh chứng."),
        )
        out: dict[str, Path] = {}
        for item in self.evidence:
            target = dest_dir / item.sha256
            out[item.sha256] = target
            if target.is_file() and target.stat().st_size == item.size:
                job.advance(item.size)
                continue
            try:
                with replacing(target, mode=0o644) as fh:
                    for chunk in self.iter_payload(item.path):
                        job.check()
                        fh.write(chunk)
                        job.advance(len(chunk))
            except OSError as exc:
                raise PackageWriteError(
                    f"Không ghi được minh chứng vào {dest_dir}: {exc.strerror or exc}."
                ) from None
        return out
