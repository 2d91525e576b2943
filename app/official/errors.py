"""Errors of official signatures: each says in plain Vietnamese what went wrong and what
to do; none ever carries the PIN."""

from __future__ import annotations

from app.errors import KnownError


class OfficialSignatureError(KnownError):
    """Signing or verifying with a certificate failed for a reason the user can act on."""


class TokenError(OfficialSignatureError):
    """The token's driver cannot be loaded, the token is missing or was pulled out."""


class PinError(TokenError):
    """The token refused the PIN (wrong, locked, or of the wrong length)."""


class CertificateRefused(OfficialSignatureError):
    """The certificate may not sign: expired, not yet valid, revoked, or not for signing."""


class NotConfigured(OfficialSignatureError):
    """No token or certificate is set up for the role asked for."""


class PdfSignatureError(OfficialSignatureError):
    """The PDF cannot be signed or read as a signed PDF."""


class TrustFileError(OfficialSignatureError):
    """A root certificate or CRL file cannot be read."""
