"""Signed report packages: BagIt 1.0 bags in one ZIP, signed with minisign (docs/package-format.md).

No Qt, no database: the writer takes a ReportData, the PDF bytes and evidence files;
the reader takes a file and the enrolled keys, and trusts nothing else.
"""

from app.package.errors import (
    BadPackageSignature,
    DuplicateEntryError,
    EntryDataError,
    EntryHashMismatch,
    EntryNameError,
    EvidenceReadError,
    ExtraEntryError,
    KeyNotEnrolledError,
    ManifestError,
    MissingEntryError,
    NonRegularEntryError,
    PackageCancelled,
    PackageContentError,
    PackageError,
    PackageLimitError,
    PackageSignatureError,
    PackageTooLarge,
    PackageWriteError,
    UnsupportedFormatError,
    ZipBombError,
    ZipStructureError,
)
from app.package.format import FORMAT_VERSION, Limits
from app.package.reader import KeyLookup, verify_package
from app.package.verified import PackageHead, PayloadFile, VerifiedPackage
from app.package.writer import (
    EvidenceFile,
    PackageInfo,
    PackedEvidence,
    remove_stale_temp_files,
    write_package,
)

__all__ = [
    "FORMAT_VERSION",
    "BadPackageSignature",
    "DuplicateEntryError",
    "EntryDataError",
    "EntryHashMismatch",
    "EntryNameError",
    "EvidenceFile",
    "EvidenceReadError",
    "ExtraEntryError",
    "KeyLookup",
    "KeyNotEnrolledError",
    "Limits",
    "ManifestError",
    "MissingEntryError",
    "NonRegularEntryError",
    "PackageCancelled",
    "PackageContentError",
    "PackageError",
    "PackageHead",
    "PackageInfo",
    "PackageLimitError",
    "PackageSignatureError",
    "PackageTooLarge",
    "PackageWriteError",
    "PackedEvidence",
    "PayloadFile",
    "UnsupportedFormatError",
    "VerifiedPackage",
    "ZipBombError",
    "ZipStructureError",
    "remove_stale_temp_files",
    "verify_package",
    "write_package",
]
