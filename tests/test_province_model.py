"""A stateful property test of the province's rules (SECURITY.md 7-8): random sequences of
import, identical re-import, replay of an old revision, supersede, key rotation and
revocation, each checked against a small model of what must be accepted.

Packages are built once (two periods × three revisions × the old and the new key); each
example starts from a fresh province copied from a template, so it stays quick.
"""

from __future__ import annotations

import hashlib
import itertools
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from app.package.format import TAGMANIFEST_TXT
from app.services.province.intake import Outcome, import_packages
from app.services.province.keys import EnrollmentError, KeyState, enrolled_keys, revoke, rotate
from app.services.workspace import Workspace
from app.signing.keystore import KeyStore, UnitKey
from db import models as m
from tests.test_province import (
    enroll_key,
    integrity,
    make_package,
    new_province,
    with_zip_comment,
)

UNIT = "gl.chuse"
PERIODS = ("2024-H1", "2024")
REVISIONS = (1, 2, 3)
COUNT = 2 * len(PERIODS) * (len(REVISIONS) + 1)


@dataclass(frozen=True)
class Built:
    path: Path
    key: str  # "old" | "new"
    period: str
    revision: int
    tag: str  # identity of the signed content


class World:
    """What every example shares: keys, the rotation statement, the packages."""

    def __init__(self, root: Path) -> None:
        self.root = root
        store = KeyStore(root / "district")
        self.old: UnitKey = store.create(UNIT)
        self.statement = store.rotate(UNIT).data
        self.new: UnitKey = store.load(UNIT)
        self.packages: list[Built] = []
        sequence = itertools.count(1)
        for which, key in (("old", self.old), ("new", self.new)):
            for period in PERIODS:
                # revision 2 twice: exported again (new sequence number, same revision)
                for revision in (*REVISIONS, 2):
                    path = make_package(
                        root / "packages",
                        key,
                        period=period,
                        revision=revision,
                        sequence=next(sequence),
                        evidence=[
                            (f"{which}-{period}-{revision}.txt", f"{which}{revision}".encode())
                        ],
                        name=f"{which}-{period}-r{revision}-s{len(self.packages) + 1}.zip",
                    )
                    self.packages.append(Built(path, which, period, revision, _tag(path)))
        # The same signed content with another (unsigned) zip comment.
        self.commented = [
            Built(
                with_zip_comment(b.path, b"fwd", b.path.with_name(f"c-{b.path.name}")),
                b.key,
                b.period,
                b.revision,
                b.tag,
            )
            for b in self.packages
        ]


def _tag(path: Path) -> str:
    """The SHA-256 of the bag's tag manifest (test set-up: nothing is verified here)."""
    with zipfile.ZipFile(path) as z:
        name = next(n for n in z.namelist() if n.endswith("/" + TAGMANIFEST_TXT))
        return hashlib.sha256(z.read(name)).hexdigest()


class ProvinceRules(RuleBasedStateMachine):
    base: Path  # where the province template lives
    world: World

    def __init__(self) -> None:
        super().__init__()
        self.w = self.world
        self.folder = Path(tempfile.mkdtemp(prefix="tiendo-prov-", dir=self.w.root))
        self.ws: Workspace = new_province(self.base, self.folder / "p")
        enroll_key(self.ws, self.w.old)
        # the model
        self.active = {"old"}
        self.enrolled = {"old"}
        self.revoked: set[str] = set()
        self.rotated = False
        self.imported: dict[str, tuple[str, int]] = {}
        self.latest: dict[str, int] = {}

    def teardown(self) -> None:
        assert integrity(self.ws) == "ok"
        self.ws.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def _expect(self, b: Built) -> Outcome:
        if b.key not in self.active:
            return Outcome.REFUSED
        if b.tag in self.imported:
            return Outcome.ALREADY_IMPORTED
        if self.latest.get(b.period, 0) >= b.revision:
            return Outcome.REFUSED
        return Outcome.IMPORTED

    def _import(self, b: Built) -> None:
        expected = self._expect(b)
        [result] = import_packages(self.ws, [b.path], receipts=False)
        assert result.outcome is expected, (b, result.message)
        if expected is Outcome.IMPORTED:
            self.imported[b.tag] = (b.period, b.revision)
            self.latest[b.period] = b.revision

    @rule(index=st.integers(0, COUNT - 1))
    def import_package(self, index: int) -> None:
        self._import(self.w.packages[index])

    @rule(index=st.integers(0, COUNT - 1))
    def reimport_with_other_zip_comment(self, index: int) -> None:
        self._import(self.w.commented[index])

    @rule()
    def rotate(self) -> None:
        if "old" in self.revoked:
            with pytest.raises(EnrollmentError):
                rotate(self.ws, self.w.statement)
            return
        rotate(self.ws, self.w.statement)
        if not self.rotated:
            self.rotated = True
            self.active.discard("old")
            self.enrolled.add("new")
            if "new" not in self.revoked:
                self.active.add("new")

    @rule(which=st.sampled_from(["old", "new"]))
    def revoke(self, which: str) -> None:
        key = self.w.old if which == "old" else self.w.new
        if which not in self.enrolled:
            with pytest.raises(EnrollmentError):
                revoke(self.ws, key.public_key.key_id_hex)
            return
        revoke(self.ws, key.public_key.key_id_hex)
        self.revoked.add(which)
        self.active.discard(which)

    @invariant()
    def database_matches_the_model(self) -> None:
        with self.ws.db.session() as s:
            rows = list(s.query(m.ReceivedPackage))
        assert {r.sha256 for r in rows} == set(self.imported)
        for period in PERIODS:
            current = [r.revision for r in rows if r.period == period and r.state == "current"]
            assert current == ([self.latest[period]] if period in self.latest else [])
        states = {k.key_id: k.state for k in enrolled_keys(self.ws)}
        assert len(states) == len(self.enrolled)
        active = {k for k, s in states.items() if s is KeyState.ACTIVE}
        names = {
            self.w.old.public_key.key_id_hex: "old",
            self.w.new.public_key.key_id_hex: "new",
        }
        assert {names[k] for k in active} == self.active


@pytest.fixture
def machine(tmp_path_factory: pytest.TempPathFactory) -> type[ProvinceRules]:
    ProvinceRules.base = tmp_path_factory.getbasetemp()
    ProvinceRules.world = World(tmp_path_factory.mktemp("model"))
    return ProvinceRules


def test_province_rules_against_a_model(machine: type[ProvinceRules]) -> None:
    from hypothesis.stateful import run_state_machine_as_test

    run_state_machine_as_test(
        machine,
        settings=settings(
            max_examples=25,
            stateful_step_count=12,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
        ),
    )
