"""Verify a report package as hostile input (SECURITY.md 1-6, 10-15), for the province.

Order of checks, cheapest and least trusting first:

1. ZIP structure and limits from the end record, central directory and local headers
   alone (app.package.zipio): size, entry count, declared sizes, deflate ratio,
   overlapping entries, the exact ZIP profile, non-regular entries, UTF-8 names.
2. Names: every rule of format.check_entry_name; duplicates exact, after NFC, after
   case folding; one top-level folder; only the entries format version 1 defines.
3. bagit.txt is BagIt 1.0, UTF-8.
4. The signature: minisign layout and algorithm "ED"; the trusted comment's package
   version; the key id against the keys enrolled for the unit the comment claims
   (KeyNotEnrolledError) -- before any signature math; then the signature over
   tagmanifest-sha256.txt and the global signature over the trusted comment.
5. The tag manifest names exactly bagit.txt, bag-info.txt, manifest-sha256.txt and
   their hashes match; its own hash is the one in the trusted comment.
6. bag-info.txt: format version 1; unit, plan, period, revision, sequence equal the
   trusted comment's; the top-level folder is the one these fields give.
7. manifest-sha256.txt lists exactly the payload entries of the archive; every payload
   entry is streamed once (never past its declared size) and its size, CRC-32 and
   SHA-256 compared; evidence names start with their own hash; Payload-Oxum agrees.
8. data/report.json parses as the report schema and names the same unit, plan,
   period and revision.

Nothing is written anywhere: entries are streamed from the archive. The archive
comment and the outer file name are not looked at (they are not signed).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from app.fsio import replacing
from app.package import format as fmt
from app.package.bag import (
    Source,
    check_names,
    check_tagmanifest,
    open_source,
    parse_signature_file,
)
from app.package.errors import (
    BadPackageSignature,
    EntryHashMismatch,
    EntryNameError,
    ExtraEntryError,
    KeyNotEnrolledError,
    ManifestError,
    MissingEntryError,
    PackageCancelled,
    PackageContentError,
    PackageError,
    PackageWriteError,
    number,
)
from app.package.zipio import ZipEntry, iter_entry, read_directory, read_entry
from app.progress import Cancelled, Progress, Tracker
from app.report_data import ReportData, ReportFormatError
from app.signing import minisign
from app.signing.minisign import PublicKey

KeyLookup = Mapping[str, Sequence[PublicKey]] | Callable[[str], Sequence[PublicKey]]
"""The keys enrolled per unit id: a mapping, or a function unit_id -> keys."""

_SIGNATURE_CAP = minisign.MAX_SIGNATURE_FILE_BYTES


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
class VerifiedPackage:
    """A package that passed every check, and streaming access to its payload.

    Reading the payload again re-checks each entry's hash, since the file may have
    changed on disk since it was verified.
    """

    source: Source = field(repr=False, compare=False)
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
    tagmanifest_sha256: str  # names the content: equal for byte-identical payloads and tags
    report: ReportData
    report_json: bytes = field(repr=False)
    pdf: PayloadFile
    evidence: tuple[PayloadFile, ...]
    _entries: Mapping[str, ZipEntry] = field(repr=False, compare=False)
    # what bag-info claims of the PDF's official signatures; the province checks the PDF
    official_signatures: int = 0

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


def verify_package(
    source: Source,
    trusted_keys: KeyLookup,
    *,
    limits: fmt.Limits | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> VerifiedPackage:
    """Verify a package file (path or seekable binary stream) against the enrolled keys.

    Returns the VerifiedPackage; raises a PackageError subclass naming the entry at
    fault (or the signature / manifest / ZIP structure), PackageCancelled, and no
    other exception for any input. Writes nothing.
    """
    limits = limits or fmt.Limits()
    with open_source(source) as fh:
        return _Verifier(fh, source, trusted_keys, limits, progress, cancelled).run()


class _Verifier:
    def __init__(
        self,
        fh: BinaryIO,
        source: Source,
        trusted_keys: KeyLookup,
        limits: fmt.Limits,
        progress: Progress | None,
        cancelled: Cancelled | None,
    ) -> None:
        self.fh = fh
        self.source = source
        self.trusted_keys = trusted_keys
        self.limits = limits
        # The total is known once the payload is listed (_hash_payload).
        self.job = Tracker(
            0,
            progress,
            cancelled,
            stop=lambda: PackageCancelled("Đã hủy xác minh gói báo cáo."),
        )
        self.entries: dict[str, ZipEntry] = {}

    def run(self) -> VerifiedPackage:
        try:
            return self._run()
        except OSError as exc:
            raise PackageError(f"Không đọc được tệp gói: {exc.strerror or exc}.") from None

    def _run(self) -> VerifiedPackage:
        directory = read_directory(self.fh, self.limits)
        folder = self._check_names(directory.entries)
        self.job.check()

        fmt.check_bagit_txt(self._read_tag(fmt.BAGIT_TXT))

        signature, comment, key = self._check_signature()
        tagmanifest = self._read_tag(fmt.TAGMANIFEST_TXT)
        self._verify_signature(tagmanifest, signature, key)
        tag_sha = hashlib.sha256(tagmanifest).hexdigest()
        if tag_sha != comment.tagmanifest_sha256:
            raise BadPackageSignature(
                f"Chữ ký: mã băm của {fmt.TAGMANIFEST_TXT} không khớp chú thích tin cậy.",
                entry=fmt.TAGMANIFEST_TXT,
            )

        tags = self._check_tagmanifest(tagmanifest)
        bag_info = fmt.parse_bag_info(tags[fmt.BAG_INFO_TXT])
        self._check_identity(bag_info, comment, folder)

        manifest = fmt.parse_manifest(tags[fmt.MANIFEST_TXT], fmt.MANIFEST_TXT)
        payload = self._check_payload_list(manifest)
        report_json, files = self._hash_payload(payload, manifest)
        # After streaming, so a wrong declared size is blamed on its entry, not on the sum.
        octets = sum(f.size for f in files)
        if (octets, len(files)) != (bag_info.payload_octets, bag_info.payload_files):
            raise ManifestError(
                f"Tệp {fmt.BAG_INFO_TXT}: Payload-Oxum {bag_info.payload_octets}."
                f"{bag_info.payload_files} không khớp dữ liệu trong gói ({octets}.{len(files)}).",
                entry=fmt.BAG_INFO_TXT,
            )

        report = self._parse_report(report_json, bag_info)
        evidence = tuple(f for f in files if f.path.startswith(fmt.EVIDENCE_DIR))
        pdf = next(f for f in files if f.path == fmt.REPORT_PDF)
        return VerifiedPackage(
            source=self.source,
            folder=folder,
            unit_id=bag_info.unit_id,
            plan_id=bag_info.plan_id,
            period=bag_info.period,
            revision=bag_info.revision,
            sequence=bag_info.sequence,
            created=bag_info.created,
            source_organization=bag_info.source_organization,
            key=key,
            trusted_comment=signature.trusted_comment,
            tagmanifest_sha256=tag_sha,
            report=report,
            report_json=report_json,
            pdf=pdf,
            evidence=evidence,
            _entries=dict(self.entries),
            official_signatures=bag_info.official_signatures,
        )

    # -- 2. names --------------------------------------------------------------------

    def _check_names(self, entries: Sequence[ZipEntry]) -> str:
        folder = check_names(entries)
        allowed_tags = set(fmt.TAG_FILES)
        for e in entries:
            rel = e.name[len(folder) + 1 :]
            evidence = rel.startswith(fmt.EVIDENCE_DIR) and "/" not in rel[len(fmt.EVIDENCE_DIR) :]
            if rel in allowed_tags or rel in (fmt.REPORT_JSON, fmt.REPORT_PDF) or evidence:
                pass
            elif rel.startswith("data/"):
                raise ExtraEntryError(
                    f"Tệp {rel}: không thuộc định dạng gói (chỉ có data/report.json, "
                    "data/report.pdf và data/evidence/…).",
                    entry=rel,
                )
            else:
                raise ExtraEntryError(
                    f"Tệp {rel}: tệp thẻ lạ, không thuộc định dạng gói phiên bản {fmt.FORMAT_VERSION}.",
                    entry=rel,
                )
            self.entries[rel] = e
        for required in (*fmt.TAG_FILES, fmt.REPORT_JSON, fmt.REPORT_PDF):
            if required not in self.entries:
                raise MissingEntryError(f"Tệp {required}: thiếu trong gói.", entry=required)
        return folder

    # -- 4. signature ----------------------------------------------------------------

    def _check_signature(self) -> tuple[minisign.Signature, fmt.TrustedComment, PublicKey]:
        raw = self._read_tag(fmt.SIGNATURE_FILE, cap=_SIGNATURE_CAP)
        signature = parse_signature_file(raw)
        comment = fmt.parse_trusted_comment(signature.trusted_comment)
        keys = self._enrolled(comment.unit_id)
        matching = [k for k in keys if k.key_id == signature.key_id]
        if not matching:
            enrolled = ", ".join(k.key_id_hex for k in keys) or "chưa có khóa nào"
            raise KeyNotEnrolledError(
                f"Chữ ký của gói dùng khóa {signature.key_id_hex}, khóa này không được đăng ký "
                f"cho đơn vị '{comment.unit_id}' (khóa đã đăng ký: {enrolled}).",
                "Nếu đơn vị đã đổi khóa, cần nhập tuyên bố đổi khóa trước; nếu không, gói "
                "không phải do đơn vị này gửi.",
                entry=fmt.SIGNATURE_FILE,
            )
        return signature, comment, matching[0]

    def _verify_signature(
        self, tagmanifest: bytes, signature: minisign.Signature, key: PublicKey
    ) -> None:
        try:
            minisign.verify_signature(tagmanifest, signature, key)
        except minisign.SignatureError as exc:
            raise BadPackageSignature(
                f"Chữ ký của gói không hợp lệ ({fmt.SIGNATURE_FILE}): {exc.message}",
                "Gói đã bị sửa sau khi ký; đề nghị đơn vị gửi lại.",
                entry=fmt.SIGNATURE_FILE,
            ) from None

    def _enrolled(self, unit_id: str) -> Sequence[PublicKey]:
        if callable(self.trusted_keys):
            return list(self.trusted_keys(unit_id))
        return list(self.trusted_keys.get(unit_id, ()))

    # -- 5, 6. tag manifest, bag-info ------------------------------------------------

    def _check_tagmanifest(self, tagmanifest: bytes) -> dict[str, bytes]:
        return check_tagmanifest(tagmanifest, self._read_tag)

    def _check_identity(self, info: fmt.BagInfo, comment: fmt.TrustedComment, folder: str) -> None:
        pairs = (
            ("Tiendo-Unit", "unit", info.unit_id, comment.unit_id),
            ("Tiendo-Plan", "plan", info.plan_id, comment.plan_id),
            ("Tiendo-Period", "period", info.period, comment.period),
            ("Tiendo-Revision", "revision", info.revision, comment.revision),
            ("Tiendo-Sequence", "sequence", info.sequence, comment.sequence),
        )
        for label, key, ours, signed in pairs:
            if ours != signed:
                raise PackageContentError(
                    f"Tệp {fmt.BAG_INFO_TXT}: {label} là {ours!r} nhưng chữ ký ghi {key}={signed!r}.",
                    entry=fmt.BAG_INFO_TXT,
                )
        expected = fmt.folder_name(info.unit_id, info.period, info.revision)
        if folder != expected:
            raise EntryNameError(
                f"Thư mục gốc của gói là {folder!r}, không phải {expected!r} như thông tin đã ký.",
                entry=folder,
            )

    # -- 7. payload ------------------------------------------------------------------

    def _check_payload_list(self, manifest: Mapping[str, str]) -> list[tuple[str, ZipEntry]]:
        payload = {rel: e for rel, e in self.entries.items() if rel.startswith("data/")}
        for rel in payload:
            if rel not in manifest:
                raise ExtraEntryError(
                    f"Tệp {rel}: có trong gói nhưng không có trong manifest.", entry=rel
                )
        for rel in manifest:
            if rel not in payload:
                raise MissingEntryError(
                    f"Tệp {rel}: có trong manifest nhưng không có trong gói.", entry=rel
                )
        if payload[fmt.REPORT_JSON].size > self.limits.max_report_json_bytes:
            raise PackageContentError(
                f"Tệp {fmt.REPORT_JSON}: lớn hơn giới hạn "
                f"{number(self.limits.max_report_json_bytes)} byte.",
                entry=fmt.REPORT_JSON,
            )
        # In archive order, so the file is read front to back.
        return sorted(payload.items(), key=lambda item: item[1].header_offset)

    def _hash_payload(
        self, payload: list[tuple[str, ZipEntry]], manifest: Mapping[str, str]
    ) -> tuple[bytes, list[PayloadFile]]:
        self.job.total = sum(e.compressed_size for _, e in payload)

        def on_read(n: int) -> None:
            self.job.advance(n)
            self.job.check()

        report_json = b""
        files = []
        for rel, entry in payload:
            sha = hashlib.sha256()
            keep = rel == fmt.REPORT_JSON
            parts = []
            for chunk in iter_entry(self.fh, entry, label=rel, on_read=on_read):
                sha.update(chunk)
                if keep:
                    parts.append(chunk)
            digest = sha.hexdigest()
            if digest != manifest[rel]:
                raise EntryHashMismatch(f"Tệp {rel}: mã băm không khớp manifest.", entry=rel)
            if rel.startswith(fmt.EVIDENCE_DIR):
                prefix = rel[len(fmt.EVIDENCE_DIR) :][: fmt.EVIDENCE_PREFIX_HEX + 1]
                if prefix != digest[: fmt.EVIDENCE_PREFIX_HEX] + "-":
                    raise EntryNameError(
                        f"Tệp {rel}: tên không bắt đầu bằng mã băm của nội dung.", entry=rel
                    )
            if keep:
                report_json = b"".join(parts)
            files.append(PayloadFile(rel, digest, entry.size))
        return report_json, files

    # -- 8. report.json --------------------------------------------------------------

    def _parse_report(self, data: bytes, info: fmt.BagInfo) -> ReportData:
        def bad(why: str) -> PackageContentError:
            return PackageContentError(f"Tệp {fmt.REPORT_JSON}: {why}", entry=fmt.REPORT_JSON)

        try:
            raw = json.loads(data.decode("utf-8"), parse_constant=_refuse_constant)
        except (UnicodeDecodeError, ValueError, RecursionError):
            raise bad("không phải JSON UTF-8 hợp lệ.") from None
        try:
            report = ReportData.from_json(raw)
        except ReportFormatError as exc:
            raise bad(exc.message) from None
        except (AttributeError, KeyError, TypeError, ValueError, OverflowError, RecursionError):
            # ReportData.from_json promises ReportFormatError only; this is hostile input,
            # so a gap in that promise must still end as a refusal, not a crash.
            raise bad("không đúng lược đồ báo cáo.") from None
        pairs = (
            ("unit_id", report.unit_id, info.unit_id),
            ("plan_id", report.plan_id, info.plan_id),
            ("period", report.period, info.period),
            ("revision", report.revision, info.revision),
        )
        for name, in_report, in_bag in pairs:
            if in_report != in_bag:
                raise bad(f"{name} là {in_report!r}, khác {in_bag!r} trong bag-info.txt.")
        # Only values the unit's app could have entered: a signed −5 or 10^30 must never
        # reach the provincial totals (SECURITY.md 28).
        problems = report.value_problems()
        if problems:
            more = f" (và {len(problems) - 2} chỗ khác)" if len(problems) > 2 else ""
            raise bad(f"có số liệu không hợp lệ: {' '.join(problems[:2])}{more}")
        return report

    # -- helpers ---------------------------------------------------------------------

    def _read_tag(self, rel: str, cap: int | None = None) -> bytes:
        return read_entry(
            self.fh, self.entries[rel], cap or self.limits.max_tag_file_bytes, label=rel
        )


def _refuse_constant(name: str) -> None:
    raise ValueError(f"JSON constant {name} is not allowed")
