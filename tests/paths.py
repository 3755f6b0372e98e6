"""Where the tests find the repository, its fixtures and benchmarks, and ../shared beside it."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
BENCH = ROOT / "bench"
SHARED = ROOT.parent / "shared"
