"""What a certificate says, in the words the officer sees, and whether it may sign.

Uses `cryptography` only; the PDF side (pyhanko) gets DER bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from cryptography import x509
from cryptography.x509.oid import NameOID

from app.official.errors import CertificateRefused

VIETNAM = dt.timezone(dt.timedelta(hours=7), "ICT")


@dataclass(frozen=True)
class CertFacts:
    """A certificate as the settings and the verification show it."""

    der: bytes
    holder: str  # the subject's common name
    organization: str  # the subject's O (empty when none)
    issuer: str  # the issuer's common name
    serial: int
    not_before: dt.datetime
    not_after: dt.datetime
    signing_usage: bool  # digital signature or non-repudiation
    is_ca: bool

    @property
    def fingerprint(self) -> str:
        """SHA-256 of the certificate, hex: how the settings name it."""
        return hashlib.sha256(self.der).hexdigest()

    @property
    def short_fingerprint(self) -> str:
        """The first 16 hex digits, grouped by four: enough to tell two apart by eye."""
        fp = self.fingerprint[:16].upper()
        return " ".join(fp[i : i + 4] for i in range(0, 16, 4))

    def label(self) -> str:
        """ "Holder — Organization (hết hạn dd/mm/yyyy)", for a list of certificates."""
        org = f" — {self.organization}" if self.organization else ""
        return f"{self.holder}{org} (hết hạn {self.not_after.astimezone(VIETNAM):%d/%m/%Y})"


def _name_part(name: x509.Name, oid: x509.ObjectIdentifier) -> str:
    values = name.get_attributes_for_oid(oid)
    return str(values[0].value) if values else ""


def facts(der: bytes) -> CertFacts:
    """Read a DER certificate; raises CertificateRefused when it is not one."""
    try:
        cert = x509.load_der_x509_certificate(der)
        holder = _name_part(cert.subject, NameOID.COMMON_NAME) or cert.subject.rfc4514_string()
    except ValueError:
        raise CertificateRefused(
            "Tệp hoặc đối tượng trên token không phải chứng thư số hợp lệ."
        ) from None
    try:
        usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
        signing = bool(usage.digital_signature or usage.content_commitment)
    except x509.ExtensionNotFound:
        signing = False
    try:
        is_ca = cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    except x509.ExtensionNotFound:
        is_ca = False
    return CertFacts(
        der=der,
        holder=holder,
        organization=_name_part(cert.subject, NameOID.ORGANIZATION_NAME),
        issuer=_name_part(cert.issuer, NameOID.COMMON_NAME) or cert.issuer.rfc4514_string(),
        serial=cert.serial_number,
        not_before=cert.not_valid_before_utc,
        not_after=cert.not_valid_after_utc,
        signing_usage=signing,
        is_ca=is_ca,
    )


def vn_time(moment: dt.datetime) -> str:
    """dd/mm/yyyy hh:mm in Vietnam time, for messages."""
    return f"{moment.astimezone(VIETNAM):%d/%m/%Y %H:%M}"


def signing_problem(
    cert: CertFacts,
    now: dt.datetime,
    crls: Iterable[bytes] = (),
    issuers: Iterable[bytes] = (),
) -> str | None:
    """Why ``cert`` may not sign at ``now`` (in words), or None when it may.

    Checks the validity period, the key usage (digital signature or non-repudiation) and
    whether one of ``crls``, signed by one of ``issuers`` (DER certificates), lists it.
    """
    if not cert.signing_usage:
        return (
            f"Chứng thư số của {cert.holder} không dùng để ký (thiếu mục đích "
            "“chữ ký số”/“chống chối bỏ”); có lẽ đây là chứng thư dùng để mã hóa."
        )
    if now < cert.not_before:
        return f"Chứng thư số của {cert.holder} chưa có hiệu lực (từ {vn_time(cert.not_before)})."
    if now > cert.not_after:
        return f"Chứng thư số của {cert.holder} đã hết hạn ngày {vn_time(cert.not_after)}."
    revoked = revocation(cert, crls, issuers)
    if revoked is not None:
        return (
            f"Chứng thư số của {cert.holder} đã bị thu hồi ngày {vn_time(revoked)} "
            "(theo danh sách thu hồi đã nhập)."
        )
    return None


def require_signing(
    cert: CertFacts,
    now: dt.datetime,
    crls: Iterable[bytes] = (),
    issuers: Iterable[bytes] = (),
) -> None:
    """Raise CertificateRefused with the reason when ``cert`` may not sign at ``now``."""
    problem = signing_problem(cert, now, crls, issuers)
    if problem:
        raise CertificateRefused(
            problem, "Chọn chứng thư số khác, hoặc liên hệ tổ chức cấp chứng thư để gia hạn."
        )


def revocation(
    cert: CertFacts, crls: Iterable[bytes], issuers: Iterable[bytes]
) -> dt.datetime | None:
    """When one of ``crls`` (DER or PEM) revoked ``cert``, else None.

    A CRL counts only when it names the certificate's issuer and its signature verifies
    with the key of one of ``issuers`` (DER certificates) of that name: a CRL file
    nobody can check proves nothing either way."""
    parsed = x509.load_der_x509_certificate(cert.der)
    keys = [c.public_key() for c in _certs(issuers) if c.subject == parsed.issuer]
    for data in crls:
        crl = load_crl(data)
        if crl is None or crl.issuer != parsed.issuer:
            continue
        if not any(_crl_signed_by(crl, key) for key in keys):
            continue
        entry = crl.get_revoked_certificate_by_serial_number(cert.serial)
        if entry is not None:
            return entry.revocation_date_utc
    return None


def _certs(ders: Iterable[bytes]) -> list[x509.Certificate]:
    out = []
    for der in ders:
        try:
            out.append(x509.load_der_x509_certificate(der))
        except ValueError:
            continue
    return out


def _crl_signed_by(crl: x509.CertificateRevocationList, key: object) -> bool:
    try:
        return bool(crl.is_signature_valid(key))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False


def load_crl(data: bytes) -> x509.CertificateRevocationList | None:
    """A CRL from DER or PEM bytes, or None when the bytes are neither."""
    try:
        if data.lstrip().startswith(b"-----BEGIN"):
            return x509.load_pem_x509_crl(data)
        return x509.load_der_x509_crl(data)
    except ValueError:
        return None
