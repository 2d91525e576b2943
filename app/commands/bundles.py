"""Plan bundle commands: tiendo province publish, and tiendo plan add FILE.tdplan."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.commands.workspace import _open
from app.errors import ConfigError


def cmd_publish(args: argparse.Namespace) -> int:
    from app.package.plan_bundle import BUNDLE_SUFFIX
    from app.services.plan_bundles import publish_plan

    out = Path(args.out)
    if not out.is_dir() and out.suffix.lower() != BUNDLE_SUFFIX:
        raise ConfigError(f"Tệp gói kế hoạch {out.name} phải có đuôi {BUNDLE_SUFFIX}.")
    ws = _open(args)
    try:
        done = publish_plan(ws, args.plan, out)
    finally:
        ws.close()
    plan = done.plan
    print(
        f"Đã phát hành {plan.kind.lower()} số {plan.number} ({plan.id}), lần {done.revision}: "
        f"{done.path}"
    )
    print(f"Gửi tệp này cho {done.units} đơn vị thực hiện (thư điện tử hoặc USB).")
    print(f"Dấu vân tay khóa của Sở (đọc cho đơn vị khi họ thêm gói lần đầu): {done.fingerprint}")
    return 0


def add_bundle(args: argparse.Namespace, path: Path) -> int:
    """`tiendo plan add FILE.tdplan [--fingerprint FP]` at a unit."""
    from app.services.plan_bundles import add_bundle, read_bundle

    ws = _open(args)
    try:
        candidate = read_bundle(ws, path)
        added = add_bundle(ws, candidate, fingerprint=args.fingerprint)
    finally:
        ws.close()
    plan = added.plan
    what = "Đã cập nhật" if added.amended else "Đã thêm"
    print(
        f"{what} {plan.kind.lower()} số {plan.number} ({plan.id}) theo gói của "
        f"{candidate.province_name}, lần phát hành {added.revision}: {len(plan.tasks)} nhiệm vụ."
    )
    if added.amended:
        print("Các hoạt động và báo cáo đã ghi được giữ nguyên.")
    if added.trusted_now:
        print(f"Đã tin cậy khóa của Sở ({candidate.key_id}) để kiểm tra gói kế hoạch và biên nhận.")
    return 0
