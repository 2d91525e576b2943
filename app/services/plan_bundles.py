"""Plan bundles in an installation: the province publishes a kept plan with its unit
directory, signed with its key; a unit adds one (DESIGN.md §9, SECURITY.md 24, 29).

At a unit the first bundle is taken only once the officer has confirmed the province key's
fingerprint; from then on that key is the trusted province key for bundles and receipts
(the settings app.services.receipts reads). A later revision of the same plan amends it
as ``plan add`` does: task codes are stable, recorded work stays attached.

Everything is checked before anything is stored, and stored in one transaction: a refused
bundle leaves the installation exactly as it was.

Settings rows: ``plan_published:<plan id>`` at the province ("<revision> <plan sha256>
<directory sha256>" of the last bundle published) and ``plan_bundle:<plan id>`` at a unit
("<revision> <tag manifest sha256>" of the last bundle added).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import ConfigError, KnownError
from app.fsio import write_failure
from app.plan import Plan
from app.plan_units import names_unit
from app.services.catalog import ADDED, sha256_hex, store_directory, store_plan
from app.services.plans import check_directory_replacement
from app.services.receipts import SETTING_KEY, SETTING_KEY_ID, SETTING_UNIT, trusted_province_key
from app.services.workspace import Workspace
from app.toml_source import PlanFormatError
from app.units import UnitDirectory
from db import models as m

if TYPE_CHECKING:
    from app.package.plan_bundle import PlanBundle

PUBLISHED_PREFIX = "plan_published:"
ADDED_PREFIX = "plan_bundle:"


class PlanBundleError(KnownError):
    """A plan bundle cannot be published or added as asked; nothing was changed."""


class FingerprintNeeded(PlanBundleError):
    """The first bundle from a province: the officer must confirm the key's fingerprint."""


@dataclass(frozen=True)
class Published:
    """What :func:`publish_plan` wrote."""

    path: Path
    plan: Plan
    revision: int
    key_id: str
    fingerprint: str
    units: int  # units the plan asks to report


@dataclass(frozen=True)
class BundleCandidate:
    """A bundle read and checked for this unit; nothing stored yet."""

    bundle: PlanBundle
    plan: Plan
    directory: UnitDirectory
    first: bool  # no province key trusted yet: the fingerprint must be confirmed
    previous_revision: int  # 0: no bundle of this plan added before
    province_name: str  # from this installation's directories, else the bundle's

    @property
    def key_id(self) -> str:
        return self.bundle.key.key_id_hex

    @property
    def fingerprint(self) -> str:
        return self.bundle.key.fingerprint()

    @property
    def revision(self) -> int:
        return self.bundle.revision


@dataclass(frozen=True)
class AddedBundle:
    """What :func:`add_bundle` did."""

    plan: Plan
    revision: int
    amended: bool  # an earlier version of the plan was kept (its recorded work stays)
    trusted_now: bool  # the province key became trusted with this bundle


# --- province ----------------------------------------------------------------------------


def published_revision(ws: Workspace, plan_id: str) -> int:
    """The revision of the last bundle of ``plan_id`` published here (0: none)."""
    return _revision(_setting(ws, PUBLISHED_PREFIX + plan_id))


def next_revision(ws: Workspace, plan_id: str) -> int:
    """The revision :func:`publish_plan` would give ``plan_id`` now: one above the last
    published, or the same when neither the plan nor its directory changed since."""
    _, plan_sha, _, dir_sha = _sources(ws, plan_id)
    last = _setting(ws, PUBLISHED_PREFIX + plan_id).split()
    revision = _revision(" ".join(last))
    return revision if revision and last[1:] == [plan_sha, dir_sha] else revision + 1


def _sources(ws: Workspace, plan_id: str) -> tuple[str, str, str, str]:
    """The kept plan's text and hash, its directory's text and hash."""
    kept = ws.kept_plan(plan_id)
    with ws.db.session() as s:
        plan_row = s.get(m.PlanSource, plan_id)
        dir_row = s.get(m.UnitDirectory, kept.directory_id)
        assert plan_row is not None and dir_row is not None
        return plan_row.source, plan_row.source_sha256, dir_row.source, dir_row.source_sha256


def publish_plan(
    ws: Workspace,
    plan_id: str,
    dest: Path,
    *,
    passphrase: str | None = None,
    now: dt.datetime | None = None,
) -> Published:
    """Write the signed bundle of a kept plan to ``dest`` (a .tdplan file, or a folder).

    The revision goes up by one when the plan or its directory changed since the last
    bundle; the same plan published again keeps its revision (units that have it already
    are told so). Raises PlanBundleError (not the province, not the plan's monitoring
    body), ConfigError (unknown plan, write error), KeyStoreError subclasses (no key,
    wrong passphrase); the revision is recorded only once the file is written.
    """
    from app.package.plan_bundle import BundleIdentity, build_plan_bundle, bundle_file_name
    from app.package.plan_bundle import write_plan_bundle as write_file
    from app.services.province.keys import province_key

    ws.require_setup()
    if ws.settings.role != "province":
        raise PlanBundleError(
            "Chỉ Sở (cơ quan theo dõi kế hoạch) mới phát hành gói kế hoạch.",
            "Ở đơn vị, thêm gói kế hoạch Sở gửi bằng “Thêm kế hoạch…”.",
        )
    kept = ws.kept_plan(plan_id)
    own = ws.settings.unit_id
    monitor = kept.plan.monitoring.monitor_unit
    if monitor != own:
        raise PlanBundleError(
            f"Kế hoạch «{plan_id}» do {_unit_name(ws, monitor)} theo dõi, không phải "
            f"{_unit_name(ws, own)}: các đơn vị chỉ tin gói kế hoạch của cơ quan theo dõi.",
            "Đề nghị cơ quan theo dõi kế hoạch phát hành gói này.",
        )
    plan_text, plan_sha, units_text, dir_sha = _sources(ws, plan_id)
    revision = next_revision(ws, plan_id)
    key = province_key(ws, passphrase)
    created = (now or dt.datetime.now().astimezone()).replace(microsecond=0)
    target = dest / bundle_file_name(plan_id, revision) if dest.is_dir() else dest
    identity = BundleIdentity(own, plan_id, kept.directory_id, revision)
    try:
        write_file(
            target,
            lambda fh: build_plan_bundle(
                fh,
                identity,
                province_name=ws.own_unit().name,
                plan_text=plan_text,
                units_text=units_text,
                key=key,
                created=created,
            ),
        )
    except OSError as exc:
        raise ConfigError(*write_failure(exc, target.parent, "gói kế hoạch")) from None
    with ws.db.transaction() as s:
        _put(s, PUBLISHED_PREFIX + plan_id, f"{revision} {plan_sha} {dir_sha}")
    ws.reload_settings()
    from app.plan_units import implementing_units

    units = ws.directories[kept.directory_id]
    return Published(
        path=target,
        plan=kept.plan,
        revision=revision,
        key_id=key.public_key.key_id_hex,
        fingerprint=key.public_key.fingerprint(),
        units=len(implementing_units(kept.plan, units)),
    )


# --- unit --------------------------------------------------------------------------------


def added_revision(ws: Workspace, plan_id: str) -> int:
    """The revision of the last bundle of ``plan_id`` added here (0: none)."""
    return _revision(_setting(ws, ADDED_PREFIX + plan_id))


def read_bundle(ws: Workspace, path: Path) -> BundleCandidate:
    """Read and check a bundle for this unit; changes nothing.

    Refused (PlanBundleError, or a PackageError from the reader, each with what to do):
    an installation that is not a unit; a bundle not signed by the trusted province key
    (a tampered one fails its signature); a plan or directory file that is not valid; a
    bundle whose directory lacks this unit or whose plan does not ask it to report (a
    plan of another province); one not published by the plan's monitoring body; a
    revision not above the one added before; a directory that would break another kept
    plan or drop this unit.
    """
    from app.package.plan_bundle import verify_plan_bundle

    set_up = ws.settings.is_set_up
    if set_up and ws.settings.role != "unit":
        raise PlanBundleError(
            "Gói kế hoạch (.tdplan) dành cho các đơn vị thực hiện; Sở thêm kế hoạch bằng tệp "
            ".toml.",
            "Chọn tệp kế hoạch .toml, hoặc gửi gói này cho các đơn vị.",
        )
    trusted = trusted_province_key(ws)
    bundle = verify_plan_bundle(path, trusted.key if trusted is not None else None)
    directory, plan = _parse(bundle)
    # A new installation adds its first bundle from the setup wizard, before it knows
    # which unit it is: the wizard then offers only the units this plan names.
    own = ws.settings.unit_id if set_up else None
    if own is not None and own not in directory:
        raise PlanBundleError(
            f"Gói kế hoạch «{plan.id}» dùng danh mục «{directory.id}» ({directory.name}), "
            f"không có đơn vị này ({_unit_name(ws, own)}).",
            "Gói này dành cho đơn vị khác hoặc tỉnh khác; không có gì thay đổi. Đề nghị Sở "
            "gửi đúng gói kế hoạch của đơn vị.",
        )
    if own is not None and not names_unit(plan, directory, own):
        raise PlanBundleError(
            f"Kế hoạch «{plan.id}» trong gói không giao nhiệm vụ cho đơn vị này "
            f"({_unit_name(ws, own)}).",
            "Gói này dành cho đơn vị khác hoặc tỉnh khác; không có gì thay đổi. Đề nghị Sở "
            "gửi đúng gói kế hoạch của đơn vị.",
        )
    province = bundle.identity.province_id
    if plan.monitoring.monitor_unit != province or province not in directory:
        raise PlanBundleError(
            f"Gói kế hoạch «{plan.id}» do «{province}» phát hành, không phải cơ quan theo dõi "
            "kế hoạch.",
            "Chỉ thêm gói do cơ quan theo dõi kế hoạch gửi; không có gì thay đổi.",
        )
    if trusted is not None and trusted.unit_id and trusted.unit_id != province:
        raise PlanBundleError(
            f"Gói kế hoạch được ký bằng khóa của Sở nhưng ghi đơn vị phát hành «{province}», "
            f"khác đơn vị của khóa «{trusted.unit_id}».",
            "Đề nghị Sở kiểm tra và gửi lại gói; không có gì thay đổi.",
        )
    previous = added_revision(ws, plan.id)
    if bundle.revision == previous:
        raise PlanBundleError(
            f"Gói kế hoạch «{plan.id}» lần phát hành {previous} đã được thêm trước đó; kế "
            "hoạch được giữ nguyên.",
            "Không cần thêm lại. Nếu Sở đã sửa kế hoạch, đề nghị Sở gửi gói mới nhất.",
        )
    if bundle.revision < previous:
        raise PlanBundleError(
            f"Gói kế hoạch «{plan.id}» lần phát hành {bundle.revision} cũ hơn lần "
            f"{previous} đơn vị đã thêm; kế hoạch được giữ nguyên.",
            "Không cần thêm lại. Nếu Sở đã sửa kế hoạch, đề nghị Sở gửi gói mới nhất.",
        )
    if directory.id in ws.directories:
        check_directory_replacement(ws, directory, skip_plan=plan.id)
    return BundleCandidate(
        bundle=bundle,
        plan=plan,
        directory=directory,
        first=trusted is None,
        previous_revision=previous,
        # this installation's own directory names the province when it can (SECURITY.md
        # 28's rule); a first bundle's directory is only as trusted as its key
        province_name=(
            _unit_name(ws, province) if ws.knows_unit(province) else directory.get(province).name
        ),
    )


def fingerprint_matches(candidate: BundleCandidate, given: str) -> bool:
    """Whether ``given`` is the key's fingerprint or key id as ``key show`` prints it
    (spaces, dashes and the slash do not matter, nor letter case)."""

    def norm(text: str) -> str:
        return re.sub(r"[^0-9A-Z]", "", text.upper())

    wanted = norm(given)
    return bool(wanted) and wanted in (norm(candidate.fingerprint), norm(candidate.key_id))


def add_bundle(
    ws: Workspace,
    candidate: BundleCandidate,
    *,
    fingerprint: str | None = None,
    today: dt.date | None = None,
) -> AddedBundle:
    """Keep the plan and directory of a checked bundle, follow the plan, record its
    revision and, for the first bundle, trust the province key, in one transaction.

    The first bundle needs ``fingerprint`` (what the officer confirmed; the GUI passes the
    shown one once confirmed): FingerprintNeeded without it, PlanBundleError when it
    differs. Nothing is changed when it raises.
    """
    bundle = candidate.bundle
    if candidate.first:
        if not fingerprint:
            raise FingerprintNeeded(
                f"Đây là gói kế hoạch đầu tiên từ {candidate.province_name}: cần đối chiếu dấu "
                f"vân tay khóa của Sở trước khi tin cậy ({candidate.fingerprint}).",
                "Gọi điện cho Sở (hoặc xem công văn kèm theo), đối chiếu dấu vân tay Sở đọc với "
                "dấu vân tay trên; nếu trùng, thêm lại gói với --fingerprint DẤU_VÂN_TAY.",
            )
        if not fingerprint_matches(candidate, fingerprint):
            raise PlanBundleError(
                f"Dấu vân tay {fingerprint!r} không khớp khóa đã ký gói kế hoạch "
                f"({candidate.fingerprint}).",
                "Không tin cậy khóa này và không thêm gói; gọi lại cho Sở để kiểm tra. Không "
                "có gì thay đổi.",
            )
    plan, directory = candidate.plan, candidate.directory
    plan_sha = sha256_hex(bundle.plan_text.encode("utf-8"))
    dir_sha = sha256_hex(bundle.units_text.encode("utf-8"))
    old = next((k for k in ws.kept if k.id == plan.id), None)
    with ws.db.transaction() as s:
        # Stored even when the text is the app's own: marked "added", an app update never
        # refreshes them from its shipped files over the province's version.
        store_directory(s, directory, bundle.units_text, dir_sha, ADDED)
        s.flush()
        store_plan(s, plan, directory.id, bundle.plan_text, plan_sha, ADDED)
        s.flush()
        if s.get(m.UnitPlan, plan.id) is None:
            s.add(m.UnitPlan(plan_id=plan.id, followed_since=today or dt.date.today()))
        _put(s, ADDED_PREFIX + plan.id, f"{bundle.revision} {bundle.tagmanifest_sha256}")
        if candidate.first:
            _put(s, SETTING_KEY, bundle.key.to_base64())
            _put(s, SETTING_KEY_ID, bundle.key.key_id_hex)
            _put(s, SETTING_UNIT, bundle.identity.province_id)
    ws.reload_settings()
    ws.reload_plans()
    return AddedBundle(
        plan=plan, revision=bundle.revision, amended=old is not None, trusted_now=candidate.first
    )


# --- helpers -----------------------------------------------------------------------------


def _parse(bundle: PlanBundle) -> tuple[UnitDirectory, Plan]:
    """The directory and the plan checked against it, as ``plan add`` checks a file;
    PlanBundleError naming the problems, and that the bundle comes signed."""
    from app.plan_format import load_plan
    from app.units import load_units

    try:
        directory = load_units(bundle.units_text)
        plan = load_plan(bundle.plan_text, units=directory)
    except PlanFormatError as exc:
        details = "\n".join(f"  {p.field}: {p.message}" for p in exc.problems[:5])
        raise PlanBundleError(
            f"Gói kế hoạch có chữ ký hợp lệ nhưng tệp kế hoạch hoặc danh mục trong gói không "
            f"đọc được:\n{details}",
            "Có thể gói do phiên bản Tiến Độ mới hơn tạo ra: cập nhật ứng dụng, hoặc báo Sở.",
        ) from None
    ident = bundle.identity
    if plan.id != ident.plan_id or directory.id != ident.directory_id:
        raise PlanBundleError(
            f"Gói kế hoạch ghi kế hoạch «{ident.plan_id}», danh mục «{ident.directory_id}» "
            f"nhưng chứa kế hoạch «{plan.id}», danh mục «{directory.id}».",
            "Đề nghị Sở phát hành lại gói; không có gì thay đổi.",
        )
    return directory, plan


def _setting(ws: Workspace, key: str) -> str:
    with ws.db.session() as s:
        return s.scalar(select(m.Setting.value).where(m.Setting.key == key)) or ""


def _put(s: Session, key: str, value: str) -> None:
    row = s.get(m.Setting, key)
    if row is None:
        s.add(m.Setting(key=key, value=value))
    elif row.value != value:
        row.value = value


def _revision(value: str) -> int:
    first = value.split(" ", 1)[0]
    return int(first) if first.isdigit() else 0


def _unit_name(ws: Workspace, unit_id: str) -> str:
    try:
        return ws.find_unit(unit_id).name
    except ConfigError:
        return unit_id


def bundle_path_error(path: Path) -> PlanBundleError:
    """For a file that is neither .toml nor .tdplan."""
    return PlanBundleError(
        f"Tệp {path.name} không phải tệp kế hoạch (.toml) hay gói kế hoạch của Sở (.tdplan).",
        "Chọn tệp .tdplan Sở gửi, hoặc tệp kế hoạch .toml.",
    )
