"""The trust anchors (root CA certificates, e.g. the Government CA's) and certificate
revocation lists an installation has imported, kept as files in
<data>/official/trust/{roots,crls}/ and named by their SHA-256, so importing the same
file twice changes nothing. Everything works offline: no OCSP, no CRL download."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding

from app.fsio import write_atomic
from app.official.certs import CertFacts, facts, load_crl
from app.official.errors import TrustFileError

MAX_FILE = 8 << 20  # a CRL of a national CA can be a few MiB; nothing here is larger


@dataclass(frozen=True)
class CrlInfo:
    """An imported CRL: whose it is, when it was issued, how many certificates it lists."""

    sha256: str
    issuer: str
    this_update: str
    next_update: str
    revoked: int


class TrustStore:
    """The roots and CRLs in ``root`` (created on first import)."""

    def __init__(self, root: Path) -> None:
        self.root = root

    @property
    def roots_dir(self) -> Path:
        return self.root / "roots"

    @property
    def crls_dir(self) -> Path:
        return self.root / "crls"

    def roots(self) -> list[bytes]:
        """DER of every trusted root, in name order."""
        return _read_all(self.roots_dir, "*.der")

    def crls(self) -> list[bytes]:
        """DER of every imported CRL."""
        return _read_all(self.crls_dir, "*.crl")

    def root_facts(self) -> list[CertFacts]:
        return [facts(der) for der in self.roots()]

    def crl_infos(self) -> list[CrlInfo]:
        out = []
        for der in self.crls():
            crl = load_crl(der)
            if crl is None:
                continue
            issuer = crl.issuer.rfc4514_string()
            cn = [a.value for a in crl.issuer if a.oid == x509.NameOID.COMMON_NAME]
            nxt = crl.next_update_utc
            out.append(
                CrlInfo(
                    sha256=hashlib.sha256(der).hexdigest(),
                    issuer=str(cn[0]) if cn else issuer,
                    this_update=crl.last_update_utc.isoformat(),
                    next_update=nxt.isoformat() if nxt else "",
                    revoked=len(list(crl)),
                )
            )
        return out

    def add_roots(self, path: Path) -> list[CertFacts]:
        """Trust every CA certificate in ``path`` (PEM, possibly several, or DER).

        Raises TrustFileError when the file cannot be read, holds no certificate, or holds
        one that is not a CA's (a person's certificate is no trust anchor)."""
        added = []
        for found in read_certificates(path):
            if not found.is_ca:
                raise TrustFileError(
                    f"Chứng thư “{found.holder}” trong {path.name} không phải của một tổ chức "
                    "cấp chứng thư (CA), không dùng làm gốc tin cậy được.",
                    "Nhập chứng thư gốc của CA (ví dụ chứng thư gốc của Ban Cơ yếu Chính phủ).",
                )
            self._write(self.roots_dir / f"{found.fingerprint}.der", found.der)
            added.append(found)
        return added

    def add_crl(self, path: Path) -> CrlInfo:
        """Keep the CRL in ``path`` (DER or PEM); raises TrustFileError when it is not one."""
        der = read_crl(path)
        sha = hashlib.sha256(der).hexdigest()
        self._write(self.crls_dir / f"{sha}.crl", der)
        return next(i for i in self.crl_infos() if i.sha256 == sha)

    def _write(self, target: Path, data: bytes) -> None:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            if not target.exists():
                write_atomic(target, data)
        except OSError as exc:
            raise TrustFileError(
                f"Không ghi được vào {target.parent}: {exc.strerror or exc}",
                "Kiểm tra dung lượng ổ đĩa và quyền ghi thư mục dữ liệu.",
            ) from None


def read_certificates(path: Path) -> list[CertFacts]:
    """Every certificate in ``path`` (PEM, possibly several, or DER); raises
    TrustFileError when the file cannot be read or holds none."""
    return [facts(c.public_bytes(Encoding.DER)) for c in _parse_certs(_read(path), path)]


def read_crl(path: Path) -> bytes:
    """The DER of the CRL in ``path`` (DER or PEM); raises TrustFileError otherwise."""
    crl = load_crl(_read(path))
    if crl is None:
        raise TrustFileError(
            f"Tệp {path.name} không phải danh sách chứng thư bị thu hồi (CRL).",
            "Chọn tệp .crl tải từ trang của tổ chức cấp chứng thư.",
        )
    return crl.public_bytes(Encoding.DER)


def _read(path: Path) -> bytes:
    try:
        if not path.is_file():
            raise TrustFileError(f"Không tìm thấy tệp {path}.")
        if path.stat().st_size > MAX_FILE:
            raise TrustFileError(f"Tệp {path.name} quá lớn để là chứng thư hoặc CRL.")
        return path.read_bytes()
    except OSError as exc:
        raise TrustFileError(f"Không đọc được {path}: {exc.strerror or exc}") from None


def _parse_certs(data: bytes, path: Path) -> list[x509.Certificate]:
    try:
        if b"-----BEGIN CERTIFICATE-----" in data:
            return x509.load_pem_x509_certificates(data)
        return [x509.load_der_x509_certificate(data)]
    except ValueError:
        raise TrustFileError(
            f"Tệp {path.name} không chứa chứng thư số đọc được (cần .pem, .cer hoặc .crt).",
        ) from None


def _read_all(folder: Path, pattern: str) -> list[bytes]:
    try:
        return [p.read_bytes() for p in sorted(folder.glob(pattern))]
    except OSError:
        return []
