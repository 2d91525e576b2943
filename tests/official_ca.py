"""A test certificate authority and SoftHSM2 tokens for the official-signature tests.

The hierarchy is made with `cryptography`: a root, an issuing CA under it, and end-entity
certificates for a person and an agency (digital signature and non-repudiation), plus an
expired one, a revoked one (listed in the issuing CA's CRL) and one without signing usage.
Keys and certificates go into SoftHSM2 tokens in a temporary SOFTHSM2_CONF, with the
tools an officer's machine would have (softhsm2-util for the key, pkcs11-tool for the
certificate); nothing needs a real token or the network.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

SOFTHSM_MODULE_CANDIDATES = (
    "/usr/lib/softhsm/libsofthsm2.so",
    "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
    "/usr/local/lib/softhsm/libsofthsm2.so",
)
SO_PIN = "12345678"
USER_PIN = "1111"


def softhsm_module() -> str | None:
    """The SoftHSM2 PKCS#11 module of this machine, or None when it is not installed."""
    found = next((p for p in SOFTHSM_MODULE_CANDIDATES if Path(p).is_file()), None)
    if found and shutil.which("softhsm2-util") and shutil.which("pkcs11-tool"):
        return found
    return None


def _name(common: str, org: str = "") -> x509.Name:
    parts = [x509.NameAttribute(NameOID.COUNTRY_NAME, "VN")]
    if org:
        parts.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, org))
    parts.append(x509.NameAttribute(NameOID.COMMON_NAME, common))
    return x509.Name(parts)


@dataclass
class Issued:
    """An end-entity certificate and its key."""

    cert: x509.Certificate
    key: rsa.RSAPrivateKey

    @property
    def pem(self) -> bytes:
        return self.cert.public_bytes(serialization.Encoding.PEM)


@dataclass
class CertAuthority:
    """Root → issuing CA → end entities, and the issuing CA's CRL."""

    root: x509.Certificate
    root_key: rsa.RSAPrivateKey
    issuing: x509.Certificate
    issuing_key: rsa.RSAPrivateKey
    revoked_serials: list[int] = field(default_factory=list)

    @classmethod
    def create(cls) -> CertAuthority:
        now = dt.datetime.now(dt.UTC)
        root_key = _key()
        root = (
            x509.CertificateBuilder()
            .subject_name(_name("Test Root CA Tiến Độ", "Tiến Độ tests"))
            .issuer_name(_name("Test Root CA Tiến Độ", "Tiến Độ tests"))
            .public_key(root_key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=3650))
            .not_valid_after(now + dt.timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=1), critical=True)
            .add_extension(_ca_usage(), critical=True)
            .add_extension(
                x509.SubjectKeyIdentifier.from_public_key(root_key.public_key()), critical=False
            )
            .sign(root_key, hashes.SHA256())
        )
        issuing_key = _key()
        issuing = (
            x509.CertificateBuilder()
            .subject_name(_name("Test Issuing CA Tiến Độ", "Tiến Độ tests"))
            .issuer_name(root.subject)
            .public_key(issuing_key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=3000))
            .not_valid_after(now + dt.timedelta(days=3000))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(_ca_usage(), critical=True)
            .add_extension(
                x509.SubjectKeyIdentifier.from_public_key(issuing_key.public_key()),
                critical=False,
            )
            .add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(root_key.public_key()),
                critical=False,
            )
            .sign(root_key, hashes.SHA256())
        )
        return cls(root, root_key, issuing, issuing_key)

    def issue(
        self,
        common: str,
        org: str,
        *,
        signing: bool = True,
        expired: bool = False,
        revoked: bool = False,
    ) -> Issued:
        """An end-entity certificate: for signing (digital signature, non-repudiation) or
        only for key encipherment; expired a year ago; or listed in the CRL."""
        now = dt.datetime.now(dt.UTC)
        key = _key()
        start, end = now - dt.timedelta(days=30), now + dt.timedelta(days=700)
        if expired:
            start, end = now - dt.timedelta(days=800), now - dt.timedelta(days=365)
        usage = x509.KeyUsage(
            digital_signature=signing,
            content_commitment=signing,
            key_encipherment=not signing,
            data_encipherment=False,
            key_agreement=False,
            key_cert_sign=False,
            crl_sign=False,
            encipher_only=False,
            decipher_only=False,
        )
        serial = x509.random_serial_number()
        cert = (
            x509.CertificateBuilder()
            .subject_name(_name(common, org))
            .issuer_name(self.issuing.subject)
            .public_key(key.public_key())
            .serial_number(serial)
            .not_valid_before(start)
            .not_valid_after(end)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(usage, critical=True)
            .add_extension(
                x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False
            )
            .add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(self.issuing_key.public_key()),
                critical=False,
            )
            .sign(self.issuing_key, hashes.SHA256())
        )
        if revoked:
            self.revoked_serials.append(serial)
        return Issued(cert, key)

    @property
    def root_pem(self) -> bytes:
        return self.root.public_bytes(serialization.Encoding.PEM)

    @property
    def issuing_pem(self) -> bytes:
        return self.issuing.public_bytes(serialization.Encoding.PEM)

    def crl_der(self) -> bytes:
        """The issuing CA's CRL, listing every certificate issued with revoked=True."""
        now = dt.datetime.now(dt.UTC)
        builder = (
            x509.CertificateRevocationListBuilder()
            .issuer_name(self.issuing.subject)
            .last_update(now - dt.timedelta(hours=1))
            .next_update(now + dt.timedelta(days=7))
            .add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(self.issuing_key.public_key()),
                critical=False,
            )
            .add_extension(x509.CRLNumber(1), critical=False)
        )
        for serial in self.revoked_serials:
            builder = builder.add_revoked_certificate(
                x509.RevokedCertificateBuilder()
                .serial_number(serial)
                .revocation_date(now - dt.timedelta(days=2))
                .build()
            )
        return builder.sign(self.issuing_key, hashes.SHA256()).public_bytes(
            serialization.Encoding.DER
        )


def _key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _ca_usage() -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=False,
        content_commitment=False,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=True,
        crl_sign=True,
        encipher_only=False,
        decipher_only=False,
    )


class SoftHsm:
    """SoftHSM2 tokens kept in ``root``; ``env`` points a process at them."""

    def __init__(self, root: Path, module: str) -> None:
        self.root = root
        self.module = module
        tokens = root / "tokens"
        tokens.mkdir(parents=True, exist_ok=True)
        self.conf = root / "softhsm2.conf"
        self.conf.write_text(
            f"directories.tokendir = {tokens}\nobjectstore.backend = file\nlog.level = ERROR\n",
            encoding="utf-8",
        )
        self.env = {**os.environ, "SOFTHSM2_CONF": str(self.conf)}

    def _run(self, *args: str) -> str:
        done = subprocess.run(
            args, env=self.env, capture_output=True, text=True, check=False, timeout=60
        )
        if done.returncode != 0:
            raise RuntimeError(f"{args[0]} failed: {done.stdout}{done.stderr}")
        return done.stdout

    def init_token(self, label: str, pin: str = USER_PIN) -> None:
        self._run(
            "softhsm2-util", "--init-token", "--free", "--label", label,
            "--so-pin", SO_PIN, "--pin", pin,
        )  # fmt: skip

    def put(
        self,
        token: str,
        issued: Issued,
        *,
        label: str,
        key_id: str,
        chain: tuple[x509.Certificate, ...] = (),
        pin: str = USER_PIN,
    ) -> None:
        """Import ``issued``'s key and certificate (and the ``chain``) into ``token``."""
        key_file = self.root / f"{label}.key.pem"
        key_file.write_bytes(
            issued.key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        )
        self._run(
            "softhsm2-util", "--import", str(key_file), "--token", token,
            "--label", label, "--id", key_id, "--pin", pin,
        )  # fmt: skip
        key_file.unlink()
        self._write_cert(token, issued.cert, label, key_id, pin)
        for n, cert in enumerate(chain, 1):
            self._write_cert(token, cert, f"{label}-ca{n}", f"c{n}{key_id}", pin)

    def _write_cert(
        self, token: str, cert: x509.Certificate, label: str, cert_id: str, pin: str
    ) -> None:
        der = self.root / f"{label}.der"
        der.write_bytes(cert.public_bytes(serialization.Encoding.DER))
        self._run(
            "pkcs11-tool", "--module", self.module, "--token-label", token, "--login",
            "--pin", pin, "--write-object", str(der), "--type", "cert",
            "--id", cert_id, "--label", label,
        )  # fmt: skip
        der.unlink()
