"""Unit directory commands: directory build (DESIGN.md §7).

`directory list` and `directory add` come with the storage for several directories.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from app.errors import ConfigError


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
    print(
        f"Đã ghi danh mục {province.name}: Ủy ban nhân dân {province.division} và "
        f"{len(province.communes)} đơn vị cấp xã ({province.counts()}) vào {out}."
    )
    print("Các sở, ban, ngành, cơ quan báo chí, cơ quan Đảng: thêm vào cuối tệp.")
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
