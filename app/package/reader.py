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

Steps 1-6 read only the small tag files. Between 6 and 7 the caller may look at what
is now signed and proven (``stage``, given a PackageHead) and name a private folder: the
payload pass then also writes each evidence file and the report PDF there, once, from
the very bytes it hashes, so an import reads the package once. A staged file is a candidate only: it
counts once verify_package has returned. Otherwise nothing is written anywhere. The
archive comment and the outer file name are not looked at (they are not signed), except
that the whole file's SHA-256 can be taken in the same pass (``file_sha256``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

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
    number,
)
from app.package.sinks import StagedFile, Staging, WholeFileHash
from app.package.verified import (
    PackageHead,
    PayloadFile,
    Stage,
    VerifiedPackage,
    head_fields,
)
from app.package.zipio import ZipEntry, iter_entry, read_directory, read_entry
from app.progress import Cancelled, Progress, Tracker
from app.report_data import ReportData, ReportFormatError
from app.signing import minisign
from app.signing.minisign import PublicKey

KeyLookup = Mapping[str, Sequence[PublicKey]] | Callable[[str], Sequence[PublicKey]]
"""The keys enrolled per unit id: a mapping, or a function unit_id -> keys."""

_SIGNATURE_CAP = minisign.MAX_SIGNATURE_FILE_BYTES


def verify_package(
    source: Source,
    trusted_keys: KeyLookup,
    *,
    limits: fmt.Limits | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    stage: Stage | None = None,
    file_sha256: bool = False,
) -> VerifiedPackage:
    """Verify a package file (path or seekable binary stream) against the enrolled keys.

    Returns the VerifiedPackage; raises a PackageError subclass naming the entry at
    fault (or the signature / manifest / ZIP structure), PackageCancelled, and no
    other exception for any input. Writes nothing unless ``stage`` names a folder once
    the head is proven: then each evidence file and the report PDF is written there as
    "<sha256>" (not
    fsynced) while it is verified, listed in ``staged``; on any error what was staged is
    removed again, and a write failure raises PackageWriteError. With ``file_sha256`` the
    whole file's SHA-256 is taken in the same pass.
    """
    limits = limits or fmt.Limits()
    with open_source(source) as fh:
        verifier = _Verifier(fh, source, trusted_keys, limits, progress, cancelled)
        return verifier.run(stage, file_sha256)


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
        self.whole: WholeFileHash | None = None
        self.staging: Staging | None = None

    def run(self, stage: Stage | None, file_sha256: bool) -> VerifiedPackage:
        try:
            try:
                return self._run(stage, file_sha256)
            except OSError as exc:
                raise PackageError(f"Không đọc được tệp gói: {exc.strerror or exc}.") from None
        except BaseException:
            # a read error too: nothing staged may stay behind a refusal
            if self.staging is not None:
                self.staging.remove()
            raise
        finally:
            if self.whole is not None:
                self.whole.lane.abandon()

    def _run(self, stage: Stage | None, file_sha256: bool) -> VerifiedPackage:
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
        head = PackageHead(
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
        )
        target = stage(head) if stage is not None else None
        if target is not None:
            self.staging = Staging(Path(target))
        if file_sha256:
            self.whole = WholeFileHash(self.fh, directory.size)
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
            **head_fields(head),
            source=self.source,
            report=report,
            report_json=report_json,
            pdf=pdf,
            evidence=evidence,
            _entries=dict(self.entries),
            official_signatures=bag_info.official_signatures,
            file_sha256=self.whole.hexdigest() if self.whole is not None else "",
            staged=dict(self.staging.files) if self.staging is not None else {},
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
        whole = self.whole

        def on_read(chunk: bytes) -> None:
            if whole is not None:
                whole.take(chunk)
            self.job.advance(len(chunk))
            self.job.check()

        report_json = b""
        files = []
        for rel, entry in payload:
            if whole is not None:
                whole.fill(entry.data_offset)
            sha = hashlib.sha256()
            keep = rel == fmt.REPORT_JSON
            parts = []
            evidence = rel.startswith(fmt.EVIDENCE_DIR)
            staged = evidence or rel == fmt.REPORT_PDF
            with self._staged_file(manifest[rel] if staged else None) as out:
                for chunk in iter_entry(self.fh, entry, label=rel, on_read=on_read):
                    sha.update(chunk)
                    if keep:
                        parts.append(chunk)
                    if out is not None:
                        out.write(chunk)
            digest = sha.hexdigest()
            if digest != manifest[rel]:
                raise EntryHashMismatch(f"Tệp {rel}: mã băm không khớp manifest.", entry=rel)
            if evidence:
                prefix = rel[len(fmt.EVIDENCE_DIR) :][: fmt.EVIDENCE_PREFIX_HEX + 1]
                if prefix != digest[: fmt.EVIDENCE_PREFIX_HEX] + "-":
                    raise EntryNameError(
                        f"Tệp {rel}: tên không bắt đầu bằng mã băm của nội dung.", entry=rel
                    )
            if keep:
                report_json = b"".join(parts)
            files.append(PayloadFile(rel, digest, entry.size))
        return report_json, files

    @contextmanager
    def _staged_file(self, sha256: str | None) -> Iterator[StagedFile | None]:
        """The staged file an evidence entry or the report PDF is written to while it is
        hashed, or None (no staging, report.json, or the same content staged already)."""
        if self.staging is None or sha256 is None:
            yield None
            return
        out = self.staging.create(sha256)
        try:
            yield out
            if out is not None:
                out.close()
        finally:
            if out is not None:
                out.discard()

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
