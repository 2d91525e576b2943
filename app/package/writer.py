"""Export: write a signed report package in one streaming pass, atomically.

Entry order (deterministic): bagit.txt, data/report.json, data/report.pdf, the
evidence files sorted by their safe name, manifest-sha256.txt, bag-info.txt,
tagmanifest-sha256.txt, tagmanifest-sha256.txt.minisig. Every entry carries the
creation time; the same inputs give the same bytes, on every machine.

Every entry is stored, not deflated: a deflate stream has bits no reader looks at (the
end's padding), so the reader accepts deflate only in the exact form zlib at level 6
makes (SECURITY.md 1), and zlib builds differ in that form (zlib-ng, used by newer Python
builds, does). Stored, a package reads the same everywhere; it costs size only on text
evidence, which is small beside the photos.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, NamedTuple

from app.fsio import TEMP_GLOB, creating, numbered, write_failure
from app.package import format as fmt
from app.package.errors import (
    EvidenceReadError,
    PackageCancelled,
    PackageTooLarge,
    PackageWriteError,
    number,
)
from app.package.zipio import STORED, ZipWriter
from app.progress import Cancelled, Progress, Tracker
from app.report_data import ReportData
from app.signing.minisign import PublicKey

if TYPE_CHECKING:
    # Not at run time: the keystore loads keyring, which `tiendo verify` never needs.
    from app.signing.keystore import UnitKey

# progress(done, total) counts bytes of payload packed; cancelled() is checked between
# chunks of 1 MiB.
_CHUNK = 1 << 20
_PLACEHOLDER = "0" * fmt.EVIDENCE_PREFIX_HEX


@dataclass(frozen=True)
class EvidenceFile:
    """An evidence file to pack: where it is now and the name the officer gave it."""

    path: Path
    name: str


@dataclass(frozen=True)
class PackedEvidence:
    """An evidence file as packed: its entry in the bag, content hash and size."""

    source: Path
    name: str
    entry: str  # "data/evidence/<sha256[:16]>-<safe name>"
    sha256: str
    size: int


@dataclass(frozen=True)
class PackageInfo:
    """What write_package produced."""

    path: Path
    size: int
    folder: str
    unit_id: str
    plan_id: str
    period: str
    revision: int
    sequence: int
    key: PublicKey
    trusted_comment: str
    tagmanifest_sha256: str
    evidence: tuple[PackedEvidence, ...]


def write_package(
    dest: Path,
    *,
    report: ReportData,
    pdf: bytes,
    evidence: Sequence[EvidenceFile],
    sequence: int,
    key: UnitKey,
    created: dt.datetime,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    limits: fmt.Limits | None = None,
    temp_tag: str = "",
    official_signatures: int = 0,
) -> PackageInfo:
    """Write the signed package of `report` to `dest` (a folder or a file path).

    `pdf` goes in byte for byte; `official_signatures` says how many PAdES signatures it
    carries (bag-info's Tiendo-Official-Signatures).

    A folder gets the first free name of `package_target`. The file appears complete or
    not at all, and never in place of another file (SECURITY.md 16, 25): it is written
    to a temp file beside it (named with `temp_tag`, see app.fsio.new_temp), fsynced and
    given its name by app.fsio.place_new; on cancel or error the temp file is removed.
    Each evidence file is read once (hashed while packed), in 1 MiB chunks.
    Raises PackageWriteError (disk full, read-only or missing folder, the file name
    taken), EvidenceReadError,
    PackageTooLarge (over `limits`, default Limits()), PackageCancelled; ValueError for
    a caller's mistake (naive `created`, key of another unit, revision or sequence < 1).
    """
    limits = limits or fmt.Limits()
    _check_arguments(report, key, sequence, created)
    planned = _plan_evidence(evidence, limits, len(pdf))
    target = package_target(Path(dest), report.unit_id, report.period, report.revision)
    folder = fmt.folder_name(report.unit_id, report.period, report.revision)
    total = len(pdf) + sum(size for _, size in planned)
    job = Tracker(total, progress, cancelled, stop=_cancelled)
    try:
        # 0644: a package is meant to be sent.
        with creating(target, renumber=False, mode=0o644, tag=temp_tag) as new:
            written = _write(
                new.file,
                job,
                report,
                pdf,
                planned,
                sequence,
                key,
                created,
                limits,
                official_signatures,
            )
    except FileExistsError:
        raise _taken(target) from None
    except OSError as exc:
        raise _write_error(exc, target.parent) from None
    return PackageInfo(
        path=new.path,
        size=written.size,
        folder=folder,
        unit_id=report.unit_id,
        plan_id=report.plan_id,
        period=report.period,
        revision=report.revision,
        sequence=sequence,
        key=key.public_key,
        trusted_comment=written.trusted_comment,
        tagmanifest_sha256=written.tagmanifest_sha256,
        evidence=written.evidence,
    )


def remove_stale_temp_files(folder: Path) -> int:
    """Delete temp files an interrupted export left in `folder`; returns how many.

    Only names ``app.fsio`` creates (".tiendo-*.part") are touched (SECURITY.md 16).
    """
    removed = 0
    try:
        candidates = list(Path(folder).glob(TEMP_GLOB))
    except OSError:
        return 0
    for path in candidates:
        try:
            if path.is_file():
                path.unlink()
                removed += 1
        except OSError:
            continue
    return removed


def report_json_bytes(report: ReportData) -> bytes:
    """data/report.json: the report's JSON, UTF-8, sorted keys, indent 1, final newline."""
    text = json.dumps(report.to_json(), ensure_ascii=False, sort_keys=True, indent=1)
    return (text + "\n").encode("utf-8")


# -- internals -----------------------------------------------------------------------


class _Written(NamedTuple):
    evidence: tuple[PackedEvidence, ...]
    size: int
    tagmanifest_sha256: str
    trusted_comment: str


def _cancelled() -> PackageCancelled:
    return PackageCancelled("Đã hủy xuất gói báo cáo; không có tệp nào được tạo.")


def _check_arguments(report: ReportData, key: UnitKey, sequence: int, created: dt.datetime) -> None:
    if created.tzinfo is None or created.utcoffset() is None:
        raise ValueError("created must be timezone-aware")
    if sequence < 1 or report.revision < 1:
        raise ValueError("sequence and revision start at 1")
    if key.unit_id != report.unit_id:
        raise ValueError(f"key of unit {key.unit_id!r} cannot sign a report of {report.unit_id!r}")
    fmt.check_id(report.unit_id, "unit id")
    fmt.check_id(report.plan_id, "plan id")
    fmt.check_id(report.period, "period")


def _plan_evidence(
    evidence: Sequence[EvidenceFile], limits: fmt.Limits, pdf_size: int
) -> list[tuple[EvidenceFile, int]]:
    """Sizes and a deterministic order; refuses what the reader's limits would refuse."""
    planned = []
    for item in evidence:
        try:
            st = os.stat(item.path)
        except OSError as exc:
            raise EvidenceReadError(
                f"Không đọc được tệp minh chứng '{item.name}' ({item.path}): {exc.strerror}."
            ) from None
        if st.st_size > limits.max_entry_bytes:
            raise PackageTooLarge(
                f"Tệp minh chứng '{item.name}' lớn {number(st.st_size)} byte, vượt giới hạn "
                f"{number(limits.max_entry_bytes)} byte của một tệp trong gói."
            )
        planned.append((item, st.st_size))
    planned.sort(
        key=lambda p: (fmt.name_key(fmt.safe_file_name(p[0].name)), p[0].name, str(p[0].path))
    )
    if len(planned) + 2 + len(fmt.TAG_FILES) > limits.max_entries:
        raise PackageTooLarge(
            f"Quá nhiều tệp minh chứng (tối đa {number(limits.max_entries - 7)})."
        )
    # Stored data plus headers: a lower bound that deflate can only shrink.
    estimate = pdf_size + sum(size for _, size in planned) + 200 * (len(planned) + 7)
    if estimate > limits.max_package_bytes:
        raise PackageTooLarge(
            f"Tổng dung lượng minh chứng và báo cáo khoảng {number(estimate)} byte, vượt giới hạn "
            f"{number(limits.max_package_bytes)} byte của một gói.",
            "Bớt hoặc nén nhỏ tệp minh chứng (ảnh, video) rồi xuất lại.",
        )
    return planned


def _write(
    fh: BinaryIO,
    job: Tracker,
    report: ReportData,
    pdf: bytes,
    planned: list[tuple[EvidenceFile, int]],
    sequence: int,
    key: UnitKey,
    created: dt.datetime,
    limits: fmt.Limits,
    official_signatures: int,
) -> _Written:
    top = fmt.folder_name(report.unit_id, report.period, report.revision)
    zw = ZipWriter(fh, created)
    manifest: list[tuple[str, str]] = []

    job.check()
    zw.add(f"{top}/{fmt.BAGIT_TXT}", fmt.BAGIT_TXT_BYTES, STORED)

    report_json = report_json_bytes(report)
    zw.add(f"{top}/{fmt.REPORT_JSON}", report_json, STORED)
    manifest.append((fmt.REPORT_JSON, hashlib.sha256(report_json).hexdigest()))

    job.check()
    zw.add(f"{top}/{fmt.REPORT_PDF}", pdf, STORED)
    manifest.append((fmt.REPORT_PDF, hashlib.sha256(pdf).hexdigest()))
    job.advance(len(pdf))

    packed: list[PackedEvidence] = []
    seen: set[str] = set()
    for item, size in planned:
        safe = fmt.safe_file_name(item.name)
        sha = _pack_evidence(zw, job, top, item, size, safe, STORED)
        rel = f"{fmt.EVIDENCE_DIR}{sha[: fmt.EVIDENCE_PREFIX_HEX]}-{safe}"
        if fmt.name_key(rel) in seen:
            # Same content under the same (case-insensitive) name: keep one copy.
            zw.drop_last()
            continue
        seen.add(fmt.name_key(rel))
        fmt.check_entry_name(f"{top}/{rel}")
        manifest.append((rel, sha))
        packed.append(PackedEvidence(item.path, item.name, rel, sha, size))

    manifest_bytes = fmt.build_manifest(manifest)
    octets = len(report_json) + len(pdf) + sum(p.size for p in packed)
    bag_info = fmt.build_bag_info(
        fmt.BagInfo(
            source_organization=report.unit_name,
            bagging_date=created.date(),
            payload_octets=octets,
            payload_files=2 + len(packed),
            unit_id=report.unit_id,
            plan_id=report.plan_id,
            period=report.period,
            revision=report.revision,
            sequence=sequence,
            created=created,
            official_signatures=official_signatures,
        )
    )
    tagmanifest = fmt.build_manifest(
        [
            (fmt.BAGIT_TXT, hashlib.sha256(fmt.BAGIT_TXT_BYTES).hexdigest()),
            (fmt.BAG_INFO_TXT, hashlib.sha256(bag_info).hexdigest()),
            (fmt.MANIFEST_TXT, hashlib.sha256(manifest_bytes).hexdigest()),
        ]
    )
    tag_sha = hashlib.sha256(tagmanifest).hexdigest()
    comment = fmt.TrustedComment(
        unit_id=report.unit_id,
        plan_id=report.plan_id,
        period=report.period,
        revision=report.revision,
        sequence=sequence,
        tagmanifest_sha256=tag_sha,
    ).text()
    signature = key.sign(
        tagmanifest,
        comment,
        f"Tien Do report package, key {key.public_key.key_id_hex}; "
        f"check: minisign -Vm {fmt.TAGMANIFEST_TXT} -p <unit key>.pub",
    )
    job.check()
    zw.add(f"{top}/{fmt.MANIFEST_TXT}", manifest_bytes, STORED)
    zw.add(f"{top}/{fmt.BAG_INFO_TXT}", bag_info, STORED)
    zw.add(f"{top}/{fmt.TAGMANIFEST_TXT}", tagmanifest, STORED)
    zw.add(f"{top}/{fmt.SIGNATURE_FILE}", signature, STORED)
    size = zw.close()
    if size > limits.max_package_bytes:
        raise PackageTooLarge(
            f"Gói lớn {number(size)} byte, vượt giới hạn {number(limits.max_package_bytes)} byte.",
            "Bớt hoặc nén nhỏ tệp minh chứng (ảnh, video) rồi xuất lại.",
        )
    return _Written(tuple(packed), size, tag_sha, comment)


def _pack_evidence(
    zw: ZipWriter,
    job: Tracker,
    top: str,
    item: EvidenceFile,
    size: int,
    safe: str,
    method: int,
) -> str:
    """Stream one evidence file into a new entry; returns its SHA-256 hex."""
    placeholder = f"{top}/{fmt.EVIDENCE_DIR}{_PLACEHOLDER}-{safe}"
    sha = hashlib.sha256()
    read = 0
    try:
        src = open(item.path, "rb")  # noqa: SIM115 -- read errors and write errors differ
    except OSError as exc:
        raise _evidence_error(item, exc) from None
    with src:
        zw.begin(placeholder, method)
        while True:
            job.check()
            try:
                chunk = src.read(_CHUNK)
            except OSError as exc:
                raise _evidence_error(item, exc) from None
            if not chunk:
                break
            read += len(chunk)
            if read > size:
                break
            sha.update(chunk)
            zw.write(chunk)
            job.advance(len(chunk))
    if read != size:
        raise EvidenceReadError(
            f"Tệp minh chứng '{item.name}' đã thay đổi trong khi xuất gói.",
            "Đóng chương trình đang sửa tệp rồi xuất lại.",
        )
    digest = sha.hexdigest()
    zw.end(f"{top}/{fmt.EVIDENCE_DIR}{digest[: fmt.EVIDENCE_PREFIX_HEX]}-{safe}")
    return digest


def package_target(dest: Path, unit_id: str, period: str, revision: int) -> Path:
    """The file a package goes to: in a folder, "BaoCao_<unit>_<period>_r<revision>.tdpkg"
    or, when that is taken (an earlier export of the same revision), the first free
    "…_r<revision>-2.tdpkg", "-3" …; a file path as given. Never a file that exists:
    raises PackageWriteError for a taken file path or a missing folder."""
    dest = Path(dest)
    if dest.is_dir():
        first = dest / fmt.default_file_name(unit_id, period, revision)
        n = 1
        while numbered(first, n).exists() or numbered(first, n).is_symlink():
            n += 1
        return numbered(first, n)
    if not dest.parent.is_dir():
        raise PackageWriteError(
            f"Thư mục đích {dest.parent} không tồn tại.",
            "Chọn thư mục khác hoặc cắm lại USB.",
        )
    if dest.exists() or dest.is_symlink():
        raise _taken(dest)
    return dest


def _taken(path: Path) -> PackageWriteError:
    return PackageWriteError(
        f"Tệp {path.name} đã có trong thư mục {path.parent}; Tiến Độ không ghi đè lên một "
        "tệp đã có (có thể là gói đã xuất trước đó).",
        "Chọn tên tệp khác, hoặc xuất vào một thư mục để Tiến Độ tự đặt tên mới.",
    )


def _write_error(exc: OSError, folder: Path) -> PackageWriteError:
    return PackageWriteError(*write_failure(exc, folder, "gói báo cáo"))


def _evidence_error(item: EvidenceFile, exc: OSError) -> EvidenceReadError:
    return EvidenceReadError(
        f"Không đọc được tệp minh chứng '{item.name}' ({item.path}): {exc.strerror or exc}."
    )
