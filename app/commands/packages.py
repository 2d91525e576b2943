"""Package commands: key show / export-public / rotate, export, verify."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.commands.workspace import _open, _progress_printer, add_plan_option
from app.errors import ConfigError


def cmd_key_show(args: argparse.Namespace) -> int:
    from app.services.packages import key_info

    ws = _open(args)
    try:
        info = key_info(ws)
        unit = ws.find_unit(info.unit_id)
        where = "kho khóa của hệ điều hành" if info.storage == "keyring" else "tệp mã hóa"
        print(f"Đơn vị:      {unit.name} ({unit.id})")
        print(f"Mã khóa:     {info.key_id}")
        print(f"Dấu vân tay: {info.fingerprint}")
        print(f"Lưu tại:     {where}")
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
        print(f"Đã ghi khóa công khai vào {out}. Gửi tệp này cho các đơn vị để kiểm tra biên nhận.")
    else:
        print(f"Đã ghi khóa công khai vào {out}. Gửi tệp này cho Sở để đăng ký.")
    return 0


def cmd_key_rotate(args: argparse.Namespace) -> int:
    from app.signing.keystore import KeyStore

    ws = _open(args)
    try:
        ws.require_setup()
        statement = KeyStore(ws.layout.root).rotate(ws.settings.unit_id)
        print(f"Đã đổi khóa: {statement.old_key.key_id_hex} → {statement.new_key.key_id_hex}")
        print(f"Gửi tệp xác nhận đổi khóa cho Sở: {statement.path}")
    finally:
        ws.close()
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from app.calendar import Period
    from app.services.packages import export_package

    period = Period.parse(args.period)
    ws = _open(args)
    try:
        result = export_package(
            ws,
            str(period),
            Path(args.out),
            finalize=args.finalize,
            progress=_progress_printer("Đang đóng gói"),
        )
    finally:
        ws.close()
    if result.finalized_now:
        print(f"Đã chốt báo cáo {period.label_vi} (lần {result.revision}).")
    size = f"{result.size:,}".replace(",", ".")
    print(
        f"Đã xuất gói báo cáo {period.label_vi}, lần {result.revision}, số thứ tự "
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
        print(f"KHÔNG HỢP LỆ: {exc.message}", file=sys.stderr)
        if exc.hint:
            print(exc.hint, file=sys.stderr)
        return 1
    r = verified.report
    print(f"HỢP LỆ: {verified.folder}")
    # the name from this installation's unit directory, never the one the package gives
    print(f"  Đơn vị:  {_directory_name(args, verified.unit_id)} ({verified.unit_id})")
    print(f"  Kỳ:      {r.period_label} — lần {verified.revision}, số thứ tự {verified.sequence}")
    print(f"  Khóa:    {verified.key.key_id_hex} ({verified.key.fingerprint()})")
    print(f"  Minh chứng: {len(verified.evidence)} tệp")
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
