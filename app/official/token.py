"""The USB token through its PKCS#11 driver (python-pkcs11): which tokens are plugged in,
which certificates they hold, and a session logged in with the PIN.

The PIN is passed through to the driver and never kept: not in a field, a log or an
error message. One driver file is loaded once per process (PKCS#11 drivers must not be
initialised twice).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.official.certs import CertFacts, facts
from app.official.errors import CertificateRefused, PinError, TokenError

_LIBS: dict[str, Any] = {}
_LOCK = threading.Lock()

DRIVER_HINT = (
    "Chọn tệp trình điều khiển (PKCS#11) của token: trên Windows thường là một tệp .dll "
    "trong C:\\Windows\\System32 hoặc trong thư mục của phần mềm token ở C:\\Program Files "
    "(ví dụ của Ban Cơ yếu Chính phủ, Viettel-CA, VNPT-CA, BKAV-CA), tên thường có chữ "
    "“pkcs11” hoặc “p11”; cần bản 64-bit, không dùng tệp trong C:\\Windows\\SysWOW64. "
    "Trên Linux là một tệp .so."
)


@dataclass(frozen=True)
class TokenInfo:
    """A token plugged in: its label as set at issue, and who made it."""

    label: str
    manufacturer: str
    model: str
    serial: str


@dataclass(frozen=True)
class TokenCert:
    """A certificate on a token, with the PKCS#11 id and label that find its key."""

    facts: CertFacts
    object_id: bytes
    object_label: str


def library(module: str) -> Any:
    """The loaded PKCS#11 driver ``module``; raises TokenError when it cannot be loaded."""
    import pkcs11

    key = str(Path(module).expanduser())
    with _LOCK:
        if key in _LIBS:
            return _LIBS[key]
        if not Path(key).is_file():
            raise TokenError(f"Không tìm thấy tệp trình điều khiển token: {key}", DRIVER_HINT)
        try:
            lib = pkcs11.lib(key)
        except (OSError, RuntimeError) as exc:
            raise TokenError(
                f"Không nạp được trình điều khiển token {key}: {exc}", DRIVER_HINT
            ) from None
        _LIBS[key] = lib
        return lib


def tokens(module: str) -> list[TokenInfo]:
    """The tokens plugged in now (a blank, never initialised one is left out); raises
    TokenError when the driver fails."""
    from pkcs11 import TokenFlag

    lib = library(module)
    try:
        found = [slot.get_token() for slot in lib.get_slots(token_present=True)]
    except Exception as exc:  # the driver's own errors: PKCS11Error and friends
        raise driver_error(exc) from None
    found = [t for t in found if t.flags & TokenFlag.TOKEN_INITIALIZED]
    return [
        TokenInfo(t.label.strip(), t.manufacturer_id.strip(), t.model.strip(), _serial(t))
        for t in found
    ]


def _serial(token: Any) -> str:
    serial = token.serial
    return serial.decode("ascii", "replace").strip() if isinstance(serial, bytes) else str(serial)


def _token(module: str, label: str) -> Any:
    lib = library(module)
    try:
        for slot in lib.get_slots(token_present=True):
            token = slot.get_token()
            if token.label.strip() == label:
                return token
    except Exception as exc:
        raise driver_error(exc) from None
    raise TokenError(
        f"Không thấy token “{label}”.",
        "Cắm USB token vào máy (đợi đèn token sáng) rồi thử lại; nếu vẫn không thấy, "
        "kiểm tra phần mềm của token đã được cài.",
    )


def certificates(module: str, label: str) -> list[TokenCert]:
    """Every end-entity certificate on the token ``label`` (no PIN needed to list them).

    Raises TokenError when the driver or the token fails."""
    from pkcs11 import Attribute, ObjectClass

    token = _token(module, label)
    out: list[TokenCert] = []
    try:
        with token.open() as session:
            for obj in session.get_objects({Attribute.CLASS: ObjectClass.CERTIFICATE}):
                try:
                    cert = facts(bytes(obj[Attribute.VALUE]))
                except CertificateRefused:
                    continue
                if not cert.is_ca:
                    out.append(TokenCert(cert, bytes(obj[Attribute.ID]), str(obj[Attribute.LABEL])))
    except Exception as exc:
        raise driver_error(exc) from None
    return out


def all_certificates(module: str, label: str) -> list[bytes]:
    """DER of every certificate on token ``label``, CAs included (no PIN needed)."""
    token = _token(module, label)
    try:
        with token.open() as session:
            return chain_on_token(session)
    except Exception as exc:
        raise driver_error(exc) from None


def chain_on_token(session: Any) -> list[bytes]:
    """DER of every certificate on the token of ``session`` (the issuing CAs come with the
    holder's certificate on most tokens); the signature carries them for the verifier."""
    from pkcs11 import Attribute, ObjectClass

    return [
        bytes(obj[Attribute.VALUE])
        for obj in session.get_objects({Attribute.CLASS: ObjectClass.CERTIFICATE})
    ]


def login(module: str, label: str, pin: str) -> Any:
    """A session on token ``label`` logged in with ``pin``; the caller closes it.

    Raises PinError for a wrong, locked or badly sized PIN (with what the token reports of
    the tries left) and TokenError when the token is missing or fails. Never retries: a
    wrong PIN counts against the token's limit."""
    import pkcs11.exceptions as pe

    token = _token(module, label)
    try:
        return token.open(user_pin=pin)
    except pe.PinIncorrect:
        raise PinError("Mã PIN của token không đúng.", tries_left(module, label)) from None
    except pe.PinLocked:
        raise PinError(
            f"Token “{label}” đã bị khóa vì nhập sai mã PIN quá số lần cho phép.",
            "Liên hệ tổ chức cấp chứng thư số để mở khóa token.",
        ) from None
    except (pe.PinLenRange, pe.PinInvalid):
        raise PinError(
            "Mã PIN không đúng độ dài hoặc có ký tự token không nhận.",
            "Nhập lại mã PIN của token (thường 6–8 ký tự).",
        ) from None
    except Exception as exc:
        raise driver_error(exc) from None


def tries_left(module: str, label: str) -> str:
    """What the token reports about the PIN tries left, in words (PKCS#11 gives flags,
    not a number: some tries used, one try left, locked)."""
    from pkcs11 import TokenFlag

    try:
        flags = _token(module, label).flags
    except TokenError:
        return "Không đọc được trạng thái token."
    if flags & TokenFlag.USER_PIN_LOCKED:
        return "Token báo: mã PIN đã bị khóa. Liên hệ tổ chức cấp chứng thư số để mở khóa."
    if flags & TokenFlag.USER_PIN_FINAL_TRY:
        return "Token báo: chỉ còn MỘT lần thử; nhập sai lần nữa token sẽ bị khóa."
    if flags & TokenFlag.USER_PIN_COUNT_LOW:
        return "Token báo: đã nhập sai mã PIN, số lần thử còn lại không nhiều."
    return (
        "Token không báo số lần thử còn lại; thông thường token bị khóa sau 3 đến 10 lần "
        "nhập sai. Kiểm tra kỹ mã PIN trước khi ký lại."
    )


def driver_error(exc: Exception) -> TokenError:
    """A driver failure in words: a token pulled out is said as such."""
    import pkcs11.exceptions as pe

    if isinstance(exc, pe.TokenNotPresent | pe.DeviceRemoved | pe.NoSuchToken):
        return TokenError(
            "Token đã bị rút ra hoặc không còn kết nối.",
            "Cắm lại USB token rồi thử lại; tệp chưa ký vẫn được giữ nguyên.",
        )
    name = type(exc).__name__
    return TokenError(
        f"Trình điều khiển token báo lỗi ({name}).",
        "Rút token ra, cắm lại rồi thử lại; nếu vẫn lỗi, cài lại phần mềm của token.",
    )
