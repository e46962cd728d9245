"""The kata catalogue (graders/katas.toml): order, ids, titles, points, signatures and hints."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

MANIFEST = Path(__file__).resolve().parents[1] / "katas.toml"


@dataclass(frozen=True)
class Entry:
    """One kata of the catalogue."""

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


@dataclass(frozen=True)
class Catalogue:
    """All tracks and katas, in teaching order."""

    tracks: dict[str, str]  # track id -> title
    katas: tuple[Entry, ...]

    def entry(self, kata_id: str) -> Entry | None:
        """The entry for a full kata id, or None."""
        return next((k for k in self.katas if k.id == kata_id), None)

    def select(self, names: list[str]) -> list[Entry]:
        """Katas matching kata names, kata ids, track ids or track names ("tasks"); all if none.

        Raises LookupError naming the unknown names and the valid ones.
        """
        if not names:
            return list(self.katas)
        chosen: list[Entry] = []
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
        Entry(
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
