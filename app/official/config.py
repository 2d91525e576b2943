"""Which token and certificate sign for each role, kept in the installation's settings
(never the PIN). Two roles, in the order they sign (ND 30/2020 Phụ lục I): the competent
person's own signature, then the agency's over it."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from app.settings import InstallSettings


class Role(enum.StrEnum):
    PERSONAL = "personal"  # the leader who signs (người có thẩm quyền)
    AGENCY = "agency"  # the issuing agency (cơ quan, tổ chức): the seal

    @property
    def label_vi(self) -> str:
        return "người có thẩm quyền ký" if self is Role.PERSONAL else "cơ quan ban hành"

    @property
    def field_name(self) -> str:
        """The PDF signature field of this role; the verifier reads the role from it."""
        # no dot: a dotted name would make both fields kids of one parent, and the second
        # signature would then change a field the first one signed
        return "ChuKySo_CaNhan" if self is Role.PERSONAL else "ChuKySo_CoQuan"

    @property
    def reason(self) -> str:
        """The signature's /Reason (signed bytes), which also names the role."""
        if self is Role.PERSONAL:
            return "Ký số của người có thẩm quyền (ND 30/2020/ND-CP)"
        return "Ký số của cơ quan, tổ chức (ND 30/2020/ND-CP)"


SIGNING_ORDER = (Role.PERSONAL, Role.AGENCY)
_PREFIX = "official"
LAST_DRIVER = f"{_PREFIX}.driver"


@dataclass(frozen=True)
class SignerConfig:
    """One role's driver file, token label and certificate (by SHA-256 fingerprint)."""

    role: Role
    module: str
    token: str
    cert_sha256: str
    holder: str  # the certificate's holder, to show without the token

    def keys(self) -> dict[str, str]:
        base = f"{_PREFIX}.{self.role.value}"
        return {
            f"{base}.module": self.module,
            f"{base}.token": self.token,
            f"{base}.cert": self.cert_sha256,
            f"{base}.holder": self.holder,
        }


def signer(settings: InstallSettings, role: Role) -> SignerConfig | None:
    """The role's set-up signer, or None."""
    base = f"{_PREFIX}.{role.value}"
    extra = settings.extra
    values = [extra.get(f"{base}.{k}", "") for k in ("module", "token", "cert", "holder")]
    if not all(values[:3]):
        return None
    return SignerConfig(role, *values)


def signers(settings: InstallSettings) -> list[SignerConfig]:
    """The set-up signers in signing order (personal first)."""
    return [s for s in (signer(settings, r) for r in SIGNING_ORDER) if s is not None]


def store(settings: InstallSettings, config: SignerConfig) -> None:
    """Put ``config`` into ``settings`` (the caller saves them); remembers the driver."""
    settings.extra.update(config.keys())
    settings.extra[LAST_DRIVER] = config.module


def forget(settings: InstallSettings, role: Role) -> None:
    """Remove the role's signer from ``settings`` (the caller saves them)."""
    base = f"{_PREFIX}.{role.value}."
    for key in [k for k in settings.extra if k.startswith(base)]:
        # an empty value: write_settings keeps rows it is not given, so clear rather than drop
        settings.extra[key] = ""


def last_driver(settings: InstallSettings) -> str:
    """The driver file chosen last time (remembered for the next set-up), or ""."""
    return settings.extra.get(LAST_DRIVER, "")


def is_set_up(settings: InstallSettings) -> bool:
    """Whether any role can sign officially: until then the app never says "chữ ký số"
    of the package's own signature (DESIGN.md §8)."""
    return bool(signers(settings))
