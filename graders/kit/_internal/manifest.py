"""The kata catalogue (graders/katas.toml): order, ids, titles, points, signatures and hints."""

from __future__ import annotations

import difflib
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

MANIFEST = Path(__file__).resolve().parents[2] / "katas.toml"


def close_matches(name: str, names: list[str], n: int = 3) -> list[str]:
    """Up to ``n`` of ``names`` close to ``name``, closest first: every "did you mean"."""
    return difflib.get_close_matches(name, names, n, cutoff=0.6)


@dataclass(frozen=True)
class KataInfo:
    """What the catalogue says of one kata (the loaded module is a ``kit.Kata``)."""

    id: str  # "<track>/<module>", e.g. "02_tasks/fetch_all"
    title: str
    points: int
    signatures: dict[str, str] = field(default_factory=dict)
    hints: tuple[str, ...] = ()
    why: str = ""  # a short "why the solution works"

    @property
    def track(self) -> str:
        """The track folder, e.g. "02_tasks"."""
        return self.id.split("/")[0]

    @property
    def name(self) -> str:
        """The module name, e.g. "fetch_all"."""
        return self.id.split("/")[1]

    @property
    def grader(self) -> Path:
        """The grader's file, e.g. graders/02_tasks/test_fetch_all.py."""
        return self.grader_in(MANIFEST.parent)

    def grader_in(self, graders: Path) -> Path:
        """The grader's file in the graders folder ``graders`` (of this tree or a copy)."""
        return graders / self.track / f"test_{self.name}.py"


@dataclass(frozen=True)
class Catalogue:
    """All tracks and katas, in teaching order."""

    tracks: dict[str, str]  # track id -> title
    katas: tuple[KataInfo, ...]

    def names(self) -> list[str]:
        """Every kata name and track id, for close-match suggestions."""
        return [k.name for k in self.katas] + list(self.tracks)

    def suggest(self, name: str, *, tracks: bool = True) -> list[str]:
        """Up to three valid names close to ``name`` (kata names, and track ids if ``tracks``)."""
        valid = self.names() if tracks else [k.name for k in self.katas]
        return close_matches(name, valid)

    def unknown(self, names: str) -> str:
        """One line for unknown kata names: close matches first, then every valid name."""
        close = sorted({m for n in names.split(", ") for m in self.suggest(n)})
        hint = f" Did you mean: {', '.join(close)}?" if close else ""
        return (
            f"unknown kata or track: {names}.{hint}\n"
            f"Katas: {', '.join(k.name for k in self.katas)}\nTracks: {', '.join(self.tracks)}"
        )

    def info(self, kata_id: str) -> KataInfo | None:
        """What the catalogue says of a full kata id, or None."""
        return next((k for k in self.katas if k.id == kata_id), None)

    def select(self, names: list[str]) -> list[KataInfo]:
        """Katas matching kata names, kata ids, track ids or track names ("tasks"); all if none.

        Raises LookupError naming the unknown names and the valid ones.
        """
        if not names:
            return list(self.katas)
        chosen: list[KataInfo] = []
        unknown: list[str] = []
        for name in names:
            key = name.strip().strip("/").removesuffix(".py")
            found = [
                k
                for k in self.katas
                if key in (k.id, k.name, k.track, k.track.split("_", 1)[1], k.track[:2])
            ]
            if not found:
                unknown.append(name)
            chosen.extend(k for k in found if k not in chosen)
        if unknown:
            raise LookupError(", ".join(unknown))
        return [k for k in self.katas if k in chosen]  # teaching order


@cache
def catalogue(path: Path = MANIFEST) -> Catalogue:
    """Read the manifest once."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    katas = tuple(
        KataInfo(
            id=k["id"],
            title=k["title"],
            points=int(k.get("points", 10)),
            signatures=dict(k.get("signatures", {})),
            hints=tuple(k.get("hints", ())),
            why=k.get("why", ""),
        )
        for k in data["kata"]
    )
    return Catalogue(dict(data["tracks"]), katas)
