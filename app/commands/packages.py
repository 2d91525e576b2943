"""Package commands: key show / export-public / rotate, export, verify."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.commands.workspace import _open, _progress_printer, add_plan_option, key_before_database
from app.errors import ConfigError
from app.translation import cli_pick, cli_text, say


def cmd_key_show(args: argparse.Namespace) -> int:
    from app.services.packages import key_info

    ws = _open(args)
    try:
        info = key_info(ws)
        unit = ws.find_unit(info.unit_id)
        where = cli_text("kho khóa của hệ điều hành" if info.storage == "keyring" else "tệp mã hóa")
        say(f"Đơn vị:      {unit.name} ({unit.id})")
        say(f"Mã khóa:     {info.key_id}")
        say(f"Dấu vân tay: {info.fingerprint}")
        say(f"Lưu tại:     {where}")
    finally:
        ws.close()
    return 0


def cmd_key_export(args: argparse.Namespace) -> int:
    from app.services.signing_key import export_public

    ws = _open(args)
    try:
        ws.require_setup()
        out = export_public(ws, Path(args.file))
        province = ws.settings.role == "province"
    finally:
        ws.close()
    if province:
        say(f"Đã ghi khóa công khai vào {out}. Gửi tệp này cho các đơn vị để kiểm tra biên nhận.")
    else:
        say(f"Đã ghi khóa công khai vào {out}. Gửi tệp này cho Sở để đăng ký.")
    return 0


def cmd_key_rotate(args: argparse.Namespace) -> int:
    from app.signing.keystore import KeyStore

    ws = _open(args)
    try:
        ws.require_setup()
        statement = KeyStore(ws.layout.root).rotate(ws.settings.unit_id)
        say(f"Đã đổi khóa: {statement.old_key.key_id_hex} → {statement.new_key.key_id_hex}")
        say(f"Gửi tệp xác nhận đổi khóa cho Sở: {statement.path}")
    finally:
        ws.close()
    return 0


def _passphrase(prompt: str, *, twice: bool) -> str:
    """The key copy's passphrase: TIENDO_KEY_PASSPHRASE (scripts, tests), else typed
    without echo (twice when it protects a new file)."""
    import getpass
    import os

    from app.signing.keystore import PASSPHRASE_ENV

    given = os.environ.get(PASSPHRASE_ENV)
    if given:
        return given
    if not sys.stdin.isatty():
        raise ConfigError(
            "Cần mật khẩu của tệp khóa.",
            f"Chạy lệnh trong cửa sổ dòng lệnh để nhập mật khẩu, hoặc đặt {PASSPHRASE_ENV}.",
        )
    first = getpass.getpass(prompt)
    if twice and getpass.getpass("Nhập lại mật khẩu: ") != first:
        raise ConfigError("Hai lần nhập mật khẩu không giống nhau; chưa ghi tệp nào.")
    return first


def cmd_key_export_secret(args: argparse.Namespace) -> int:
    from app.services.signing_key import export_secret
    from app.signing.key_export import SUFFIX

    out = Path(args.out)
    if not out.is_dir() and out.suffix.lower() != SUFFIX:
        raise ConfigError(f"Tệp khóa mã hóa {out.name} phải có đuôi {SUFFIX}.")
    ws = _open(args)
    try:
        ws.require_setup()
        passphrase = _passphrase("Mật khẩu bảo vệ tệp khóa: ", twice=True)
        path = export_secret(ws, out, passphrase)
    finally:
        ws.close()
    say(f"Đã ghi bản sao khóa ký đã mã hóa: {path}")
    say("Cất tệp (chép ra USB) và mật khẩu ở hai nơi riêng, ví dụ tủ hồ sơ của cơ quan.")
    return 0


def cmd_key_import_secret(args: argparse.Namespace) -> int:
    from app.services.signing_key import import_secret, read_secret

    ws = _open(args)
    try:
        ws.require_setup()
        passphrase = _passphrase("Mật khẩu của tệp khóa: ", twice=False)
        candidate = read_secret(ws, Path(args.file), passphrase)
        if candidate.replaces and not args.replace:
            raise ConfigError(
                f"Tệp chứa khóa {candidate.key_id}, khác khóa hiện tại {candidate.replaces} "
                "của máy này; chưa thay gì.",
                "Nếu đúng là muốn dùng khóa trong tệp thay khóa hiện tại, chạy lại với --replace.",
            )
        key_id = import_secret(ws, candidate, passphrase)
    finally:
        ws.close()
    say(f"Đã nhập khóa ký {key_id} ({candidate.fingerprint}); máy này ký được gói báo cáo.")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from app.calendar import Period

    period = Period.parse(args.period)
    # The key first, before the database and its libraries are loaded: the key file's
    # scrypt takes 128 MiB for a moment (SECURITY.md 21), on top of a small process.
    key = key_before_database(args)
    from app.services.packages import export_package

    ws = _open(args)
    try:
        result = export_package(
            ws,
            str(period),
            Path(args.out),
            key=key,
            finalize=args.finalize,
            progress=_progress_printer(cli_text("Đang đóng gói")),
        )
    finally:
        ws.close()
    if result.finalized_now:
        say(
            f"Đã chốt báo cáo {cli_pick(period.label_vi, period.label_en)} (lần {result.revision})."
        )
    size = f"{result.size:,}".replace(",", ".")
    say(
        f"Đã xuất gói báo cáo {cli_pick(period.label_vi, period.label_en)}, lần {result.revision}, số thứ tự "
        f"{result.sequence}: {result.path} ({size} byte)"
    )
    return 0


def _directory_name(args: argparse.Namespace, unit_id: str) -> str:
    """The unit's name in the directories this installation keeps (the built-in ones when
    there is no installation), or words saying it is not there.

    Read with SQLite alone (db.peek), not by opening the workspace: SQLAlchemy, the
    schema check and the plans would cost `tiendo verify` seconds on a busy PC for one
    name (issue #19)."""
    from app.paths import DataLayout, resolve_data_dir
    from app.toml_source import PlanFormatError
    from app.units import UnitDirectory, builtin_unit_directories, load_units
    from db.peek import kept_directory_sources

    sources: list[str | Path] = []
    kept = kept_directory_sources(DataLayout(resolve_data_dir(args.data_dir)).database)
    sources.extend(kept or builtin_unit_directories())
    for source in sources:
        try:
            directory: UnitDirectory = load_units(source)
        except PlanFormatError:
            continue  # a text written into the database by hand: the next one may name it
        if unit_id in directory:
            return directory.get(unit_id).name
    return "(không có trong danh mục đơn vị)"


def cmd_verify(args: argparse.Namespace) -> int:
    from app.fsio import read_capped
    from app.package import PackageError, verify_package
    from app.signing.minisign import parse_public_key_file

    text = read_capped(Path(args.pubkey), "khóa công khai", 64 * 1024, ConfigError)
    pk = parse_public_key_file(text)
    claimed = _unit_in_comment(pk.comment)

    def keys(unit_id: str) -> list[Any]:
        # A bare key file may not name its unit: then it is trusted for whichever unit the
        # package claims, and the claim is printed for the user to compare.
        return [pk.key] if claimed in (None, unit_id) else []

    try:
        verified = verify_package(Path(args.pkg), keys)
    except PackageError as exc:
        say(f"KHÔNG HỢP LỆ: {cli_text(exc.message)}", file=sys.stderr)
        if exc.hint:
            print(cli_text(exc.hint), file=sys.stderr)
        return 1
    r = verified.report
    say(f"HỢP LỆ: {verified.folder}")
    # the name from this installation's unit directory, never the one the package gives
    say(f"  Đơn vị:  {_directory_name(args, verified.unit_id)} ({verified.unit_id})")
    say(f"  Kỳ:      {r.period_label} — lần {verified.revision}, số thứ tự {verified.sequence}")
    say(f"  Khóa:    {verified.key.key_id_hex} ({verified.key.fingerprint()})")
    say(f"  Minh chứng: {len(verified.evidence)} tệp")
    return 0


def _unit_in_comment(comment: str | None) -> str | None:
    for part in (comment or "").split():
        if part.startswith("unit="):
            return part[len("unit=") :]
    return None


def register(sub: Any) -> None:
    p = sub.add_parser("key", help="khóa ký của đơn vị")
    ksub = p.add_subparsers(dest="key_command", metavar="LỆNH", required=True)
    k = ksub.add_parser("show", help="mã khóa và dấu vân tay")
    k.set_defaults(handler=cmd_key_show)
    k = ksub.add_parser("export-public", help="ghi khóa công khai (định dạng minisign)")
    k.add_argument("file", metavar="FILE")
    k.set_defaults(handler=cmd_key_export)
    k = ksub.add_parser("rotate", help="đổi khóa (tệp xác nhận ký bằng cả khóa cũ và mới)")
    k.set_defaults(handler=cmd_key_rotate)
    k = ksub.add_parser("export", help="bản sao khóa ký mã hóa bằng mật khẩu, cất tủ hồ sơ")
    k.add_argument("--out", required=True, metavar="FILE.tdsecret", help="tệp hoặc thư mục")
    k.set_defaults(handler=cmd_key_export_secret)
    k = ksub.add_parser("import", help="nhập bản sao khóa ký (máy mới, sau khi khôi phục)")
    k.add_argument("file", metavar="FILE.tdsecret")
    k.add_argument("--replace", action="store_true", help="thay khóa hiện tại của máy này")
    k.set_defaults(handler=cmd_key_import_secret)

    p = sub.add_parser("export", help="xuất gói báo cáo có chữ ký")
    add_plan_option(p)
    p.add_argument("--period", required=True, metavar="P")
    p.add_argument("--out", required=True, metavar="PATH")
    p.add_argument("--finalize", action="store_true", help="chốt bản nháp hợp lệ trước khi xuất")
    p.set_defaults(handler=cmd_export)

    p = sub.add_parser("verify", help="kiểm tra một gói báo cáo")
    p.add_argument("pkg", metavar="PKG")
    p.add_argument("--pubkey", required=True, metavar="FILE")
    p.set_defaults(handler=cmd_verify)
