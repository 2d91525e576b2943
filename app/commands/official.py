"""Official signature commands: signer setup / show, verify-pdf, and the PIN for
`report --sign` (DESIGN.md §7). The PIN comes from TIENDO_TOKEN_PIN (or
TIENDO_TOKEN_PIN_PERSONAL / _AGENCY for one role), else from a prompt on a terminal; it is
never stored."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from app.errors import ConfigError
from app.translation import cli_text, say


def _open(args: argparse.Namespace) -> Any:
    # not app.commands.workspace's: `report --sign` there calls into this module
    from app.paths import resolve_data_dir
    from app.services.workspace import open_workspace

    return open_workspace(resolve_data_dir(args.data_dir))


def cmd_signer_setup(args: argparse.Namespace) -> int:
    from app.official.config import Role
    from app.services import official

    role = Role(args.role)
    module = str(Path(args.pkcs11).expanduser().resolve())
    ws = _open(args)
    try:
        ws.require_setup()
        found = official.token_certificates(module, args.token)
        chosen = official.choose_certificate(found, args.cert)
        official.setup_signer(ws, role, module, args.token, chosen)
        if args.signature_image:
            official.set_image(ws, "signature", Path(args.signature_image))
        if args.seal_image:
            official.set_image(ws, "seal", Path(args.seal_image))
    finally:
        ws.close()
    say(f"Đã cài đặt chữ ký số của {cli_text(role.label_vi)}: {chosen.facts.label()}")
    say(f"  Token: {args.token} — trình điều khiển {module}")
    say(f"  Dấu vân tay: {chosen.facts.fingerprint}")
    say("Mã PIN không được lưu; khi ký, ứng dụng hỏi mã PIN (hoặc đọc TIENDO_TOKEN_PIN).")
    return 0


def cmd_signer_show(args: argparse.Namespace) -> int:
    from app.official import config
    from app.services import official

    ws = _open(args)
    try:
        ws.require_setup()
        signers = config.signers(ws.settings)
        images = {k: official.image_path(ws, k) for k in ("signature", "seal")}
        roots = official.trust_store(ws).root_facts()
        crls = official.trust_store(ws).crl_infos()
    finally:
        ws.close()
    if args.json:
        json.dump(
            {
                "signers": [
                    {
                        "role": s.role.value,
                        "pkcs11": s.module,
                        "token": s.token,
                        "certificate_sha256": s.cert_sha256,
                        "holder": s.holder,
                    }
                    for s in signers
                ],
                "images": {k: str(p) if p.is_file() else None for k, p in images.items()},
                "trusted_roots": [{"holder": r.holder, "sha256": r.fingerprint} for r in roots],
                "crls": [{"issuer": c.issuer, "this_update": c.this_update} for c in crls],
            },
            sys.stdout,
            ensure_ascii=False,
            indent=2,
        )
        sys.stdout.write("\n")
        return 0
    if not signers:
        say("Chưa cài đặt chữ ký số (USB token). Gói báo cáo chỉ có chữ ký xác thực của phần mềm;")
        say("bản giấy vẫn cần chữ ký và đóng dấu.")
    for s in signers:
        print(f"{cli_text(s.role.label_vi).capitalize()}: {s.holder}")
        say(f"  Token {s.token} — {s.module}")
        say(f"  Chứng thư: {s.cert_sha256}")
    for kind, word in (("signature", cli_text("Ảnh chữ ký")), ("seal", cli_text("Ảnh con dấu"))):
        chosen = str(images[kind]) if images[kind].is_file() else cli_text("chưa chọn")
        print(f"{word}: {chosen}")
    say(f"Chứng thư gốc tin cậy: {len(roots)}; danh sách thu hồi (CRL): {len(crls)}")
    return 0


def pins_for(roles: list[Any]) -> dict[Any, str]:
    """The PIN of each role's token: TIENDO_TOKEN_PIN_<ROLE>, TIENDO_TOKEN_PIN, or a prompt
    on a terminal (asked once per role). Raises ConfigError when there is no way to ask."""
    import getpass

    from app.services.official import PIN_ENV

    out = {}
    for role in roles:
        pin = os.environ.get(f"{PIN_ENV}_{role.value.upper()}") or os.environ.get(PIN_ENV)
        if not pin and sys.stdin.isatty():
            pin = getpass.getpass(f"Mã PIN token của {role.label_vi}: ")
        if not pin:
            raise ConfigError(
                f"Chưa có mã PIN token của {role.label_vi}.",
                f"Đặt biến môi trường {PIN_ENV} hoặc chạy lệnh trong cửa sổ dòng lệnh để nhập.",
            )
        out[role] = pin
    return out


def sign_report_cli(ws: Any, report_id: int) -> bytes:
    """`report --sign`: sign the report with every set-up role still missing."""
    from app.services import official

    official.check_signable(ws, report_id)
    roles = official.roles_to_sign(ws, report_id)
    outcome = official.sign_report(ws, report_id, pins_for(roles))
    for role in outcome.signed:
        say(f"Đã ký số: {cli_text(role.label_vi)}.")
    return outcome.pdf


def cmd_verify_pdf(args: argparse.Namespace) -> int:
    from app.official.trust import TrustStore, read_certificates, read_crl
    from app.paths import resolve_data_dir
    from app.services.official import check_file

    roots = [f.der for path in args.trust for f in read_certificates(Path(path))]
    crls = [read_crl(Path(path)) for path in args.crl]
    if not args.trust:
        # without --trust, the roots and CRLs this installation imported (province trust-ca)
        store = TrustStore(resolve_data_dir(args.data_dir) / "official" / "trust")
        roots, crls = store.roots(), crls + store.crls()
    checks = check_file(Path(args.file), roots, crls)
    if not checks:
        say(f"KHÔNG CÓ CHỮ KÝ SỐ: {args.file}", file=sys.stderr)
        return 1
    for n, check in enumerate(checks, 1):
        word = cli_text("HỢP LỆ") if check.ok else cli_text("KHÔNG HỢP LỆ")
        say(f"Chữ ký {n}: {word} — {cli_text(check.summary())}")
        if check.signer is not None:
            org = f", {check.signer.organization}" if check.signer.organization else ""
            say(f"  Người ký: {check.signer.holder}{org}; cấp bởi {check.signer.issuer}")
        for problem in check.problems:
            say(f"  Lý do: {cli_text(problem)}")
    return 0 if all(c.ok for c in checks) else 1


def register(sub: Any) -> None:
    p = sub.add_parser("signer", help="chữ ký số (USB token) của người ký và cơ quan")
    ssub = p.add_subparsers(dest="signer_command", metavar="LỆNH", required=True)
    s = ssub.add_parser("setup", help="chọn token và chứng thư số cho một vai trò")
    s.add_argument("--pkcs11", required=True, metavar="MODULE", help="tệp .dll/.so của token")
    s.add_argument("--token", required=True, metavar="LABEL", help="nhãn của token")
    s.add_argument("--role", choices=["personal", "agency"], default="personal")
    s.add_argument("--cert", metavar="FP|TÊN", help="chứng thư: đầu dấu vân tay hoặc tên")
    s.add_argument("--signature-image", metavar="PNG", help="ảnh chữ ký của người ký")
    s.add_argument("--seal-image", metavar="PNG", help="ảnh con dấu của cơ quan")
    s.set_defaults(handler=cmd_signer_setup)
    s = ssub.add_parser("show", help="chữ ký số đã cài đặt")
    s.add_argument("--json", action="store_true")
    s.set_defaults(handler=cmd_signer_show)

    p = sub.add_parser("verify-pdf", help="kiểm tra chữ ký số trên một tệp PDF")
    p.add_argument("file", metavar="FILE.pdf")
    p.add_argument("--trust", action="append", default=[], metavar="CA.pem")
    p.add_argument("--crl", action="append", default=[], metavar="FILE.crl")
    p.set_defaults(handler=cmd_verify_pdf)
