"""Shared fixtures: the seed reports copied into tests/fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = {
    "changde": FIXTURES / "000_914a51cc45050283.txt",
    "suining": FIXTURES / "001_21879049c23c2b1b.txt",
    "xunyang": FIXTURES / "002_b54cefeabe47dc2c.txt",
    "jiangyin": FIXTURES / "003_29ee9dc1e7e5be07.txt",
    "hedong": FIXTURES / "004_fab7716f6461393b.txt",
}
PEER = FIXTURES / "peer"


@pytest.fixture(scope="session")
def seeds() -> dict[str, Path]:
    return SEEDS
