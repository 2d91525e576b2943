"""Unit directory commands (DESIGN.md §7): `directory list` (the directories the
installation keeps), `directory add FILE.toml` (keep one, checked first) and
`directory build` (a province's 2025 directory from the official list)."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from app.errors import ConfigError
from app.translation import cli_text, say


def cmd_directory_build(args: argparse.Namespace) -> int:
    from app.directory_build import official_province, render_directory
    from app.fsio import write_atomic

    province = official_province(args.province)
    text = render_directory(province, as_of=dt.date.today())
    out = Path(args.out)
    try:
        write_atomic(out, text.encode("utf-8"))
    except OSError as exc:
        raise ConfigError(f"Không ghi được {out}: {exc.strerror or exc}") from None
    say(
        f"Đã ghi danh mục {province.name}: Ủy ban nhân dân {province.division} và "
        f"{len(province.communes)} đơn vị cấp xã ({province.counts()}) vào {out}."
    )
    say("Các sở, ban, ngành, cơ quan báo chí, cơ quan Đảng: thêm vào cuối tệp.")
    return 0


def cmd_directory_list(args: argparse.Namespace) -> int:
    import json
    import sys

    from app.commands.workspace import _open
    from app.plan_units import group_label
    from app.services.plans import directories

    ws = _open(args)
    try:
        found = directories(ws)
    finally:
        ws.close()
    if args.json:
        data = [
            {
                "id": d.id,
                "name": d.name,
                "units": d.units,
                "kinds": d.kinds,
                "origin": d.origin,
                "version": d.version,
                "sha256": d.source_sha256,
                "installed_at": d.installed_at.isoformat(),
                "plans": list(d.plans),
            }
            for d in found
        ]
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    for d in found:
        kinds = ", ".join(f"{group_label(k).lower()} {n}" for k, n in d.kinds.items())
        plans = ", ".join(d.plans) or cli_text("chưa có kế hoạch nào dùng")
        say(
            f"{d.id:<16} {d.name}, phiên bản {d.version}: {d.units} đơn vị ({kinds}); "
            f"kế hoạch: {plans}"
        )
    return 0


def cmd_directory_add(args: argparse.Namespace) -> int:
    from app.commands.workspace import _open
    from app.services.plans import Change, add_directory

    path = Path(args.file)
    ws = _open(args)
    try:
        added = add_directory(ws, path)
    finally:
        ws.close()
    d, count = added.directory, len(added.directory)
    if added.change is Change.INSTALLED:
        say(f"Đã thêm danh mục {d.id} — {d.name}: {count} đơn vị.")
    elif added.change is Change.UPDATED:
        say(f"Đã cập nhật danh mục {d.id} — {d.name}: {count} đơn vị.")
    else:
        say(f"Đã có sẵn, không thay đổi: danh mục {d.id} — {d.name}: {count} đơn vị.")
    return 0


def register(sub: Any) -> None:
    p = sub.add_parser("directory", help="danh mục đơn vị")
    directory_sub = p.add_subparsers(dest="directory_command", metavar="LỆNH", required=True)
    b = directory_sub.add_parser(
        "build",
        help="danh mục xã, phường của một tỉnh theo danh mục đơn vị hành chính (từ 01/7/2025)",
    )
    b.add_argument("--province", required=True, metavar="TÊN", help='ví dụ: "Gia Lai"')
    b.add_argument("--out", required=True, metavar="FILE.toml")
    b.set_defaults(handler=cmd_directory_build)
    ls = directory_sub.add_parser("list", help="các danh mục đơn vị bản cài đặt lưu giữ")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(handler=cmd_directory_list)
    a = directory_sub.add_parser(
        "add", help="thêm (hoặc cập nhật) một tệp danh mục, kiểm tra trước"
    )
    a.add_argument("file", metavar="FILE.toml")
    a.set_defaults(handler=cmd_directory_add)
