"""Plan bundle commands: tiendo province publish, and tiendo plan add FILE.tdplan."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.commands.workspace import _open
from app.errors import ConfigError
from app.translation import cli_text, say


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
    kind = cli_text(plan.kind).lower()
    say(f"Đã phát hành {kind} số {plan.number} ({plan.id}), lần {done.revision}: {done.path}")
    say(f"Gửi tệp này cho {done.units} đơn vị thực hiện (thư điện tử hoặc USB).")
    say(f"Dấu vân tay khóa của Sở (đọc cho đơn vị khi họ thêm gói lần đầu): {done.fingerprint}")
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
    kind = cli_text(plan.kind).lower()
    if added.amended:
        say(
            f"Đã cập nhật {kind} số {plan.number} ({plan.id}) theo gói của "
            f"{candidate.province_name}, lần phát hành {added.revision}: "
            f"{len(plan.tasks)} nhiệm vụ."
        )
    else:
        say(
            f"Đã thêm {kind} số {plan.number} ({plan.id}) theo gói của "
            f"{candidate.province_name}, lần phát hành {added.revision}: "
            f"{len(plan.tasks)} nhiệm vụ."
        )
    if added.amended:
        say("Các hoạt động và báo cáo đã ghi được giữ nguyên.")
    if added.trusted_now:
        say(f"Đã tin cậy khóa của Sở ({candidate.key_id}) để kiểm tra gói kế hoạch và biên nhận.")
    return 0
