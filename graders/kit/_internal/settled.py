"""What the graders read from the kit and from their own modules, watched for changes.

The recorder's ``snapshot`` (sandbox.py) covers the public functions of a few modules. Code
under grading can reach the rest without an import statement (``asyncio.events.sys.modules``)
and change how a check judges without replacing any of those functions: a method of a kit
class (``kit.Kata.run``), a name in a grader's module (its ``kit``, or a new ``abs`` that
shadows the builtin), a constant or a list of the kit (``CHECKS``). ``Settled`` takes, after
collection and before any learner code runs, the identity of every such entry: in each
module loaded from the graders' folder (the kit, the graders, their conftest), every
function, class and module it holds (private names too), every public constant or container
(in the kit, what a container holds too, one level deep), the builtins' names it holds, and
the methods of the classes it defines (and how many names those classes have).
``changed()`` names what differs; the recorder asks once each check's teardown has run.
"""

from __future__ import annotations

import builtins
import sys
from collections.abc import Mapping
from pathlib import Path
from types import ModuleType
from typing import Any

# Public module-level values watched by identity besides callables and modules: constants,
# and containers whose items are watched too. Other objects (a Trace the kit renews per
# check) may be rebound.
_CONSTANTS = (bool, int, float, complex, str, bytes, tuple, frozenset, type(None))
_CONTAINERS = (list, dict, set)
_BUILTINS = frozenset(n for n in vars(builtins) if n[:2] != "__")  # names a module could shadow


def grading_modules(root: Path) -> list[ModuleType]:
    """The modules loaded from files under ``root``, but kata modules (``kata_*``)."""
    found: list[ModuleType] = []
    for name, module in list(sys.modules.items()):
        path = getattr(module, "__file__", None)
        if not path or name.startswith("kata_"):
            continue
        try:
            inside = Path(path).resolve().is_relative_to(root)
        except (OSError, ValueError):
            continue
        if inside:
            found.append(module)
    return found


def _watched(key: str, value: Any) -> bool:
    if key[:2] == "__":
        return False
    if callable(value) or isinstance(value, ModuleType):
        return True
    return key[:1] != "_" and type(value) in (*_CONSTANTS, *_CONTAINERS)


def _method(value: Any) -> bool:
    """A class's function, property, classmethod or staticmethod (not its data, which a
    class may keep and change: a list of the queues it made)."""
    return callable(value) or hasattr(type(value), "__get__")


class Settled:
    """The identities of what graders read (see the module docstring), for fast second looks."""

    def __init__(self, modules: list[ModuleType]) -> None:
        # (label, a module's or a class's namespace, the keys watched in it)
        self._modules: list[tuple[str, Mapping[str, Any], list[str]]] = []
        self._classes: list[tuple[str, Mapping[str, Any], list[str]]] = []
        self._containers: list[tuple[str, Any]] = []
        for module in modules:
            space = vars(module)
            name = module.__name__
            keys = [k for k, v in list(space.items()) if _watched(k, v)]
            self._modules.append((name, space, keys))
            for key in keys:
                value = space[key]
                if type(value) in _CONTAINERS and (name == "kit" or name.startswith("kit.")):
                    self._containers.append((f"{name}.{key}", value))  # graders keep records
                if isinstance(value, type) and value.__module__ == name:
                    attrs = [a for a, v in value.__dict__.items() if _method(v)]
                    self._classes.append((f"{name}.{key}", value.__dict__, attrs))
        self._before = self._fingerprint()
        self._shadows = [space.keys() & _BUILTINS for _, space, _ in self._modules]

    def _fingerprint(self) -> list[Any]:
        """Per module: its names in order (a tuple made in C: a name added or removed shows
        at a tenth of the cost of finding the builtins' names it holds, which ``changed``
        does only then) and the ids of its watched names; per class: its size and the ids of
        its methods; per container: a tuple of its size and the ids of what it holds."""
        ids: list[Any] = []
        for _, space, keys in self._modules:
            ids.append(tuple(space))
            ids.extend(map(id, map(space.get, keys)))  # a removed name reads None
        for _, space, keys in self._classes:
            ids.append(len(space))
            ids.extend(map(id, map(space.get, keys)))
        for _, container in self._containers:
            items = [*container, *container.values()] if isinstance(container, dict) else container
            ids.append((len(container), *map(id, items)))
        return ids

    def changed(self) -> list[str]:
        """What differs from when this was made: ``kit.kata.Kata.run``, a module given a
        builtin's name (``test_x: abs``), a class given a new attribute (``kit.kata.Kata:
        names added or removed``), ``what kit.running.CHECKS holds``; empty when nothing."""
        now = self._fingerprint()
        if now == self._before:
            return []
        pairs = iter(zip(now, self._before, strict=True))

        def moved() -> bool:
            a, b = next(pairs)
            return bool(a != b)

        found: list[str] = []
        for (label, space, keys), before in zip(self._modules, self._shadows, strict=True):
            next(pairs)  # the names in order: only the builtins' names among them count
            found.extend(f"{label}: {name}" for name in sorted((space.keys() & _BUILTINS) ^ before))
            found.extend(f"{label}.{key}" for key in keys if moved())
        for label, _, keys in self._classes:
            if moved():
                found.append(f"{label}: names added or removed")
            found.extend(f"{label}.{key}" for key in keys if moved())
        found.extend(f"what {label} holds" for label, _ in self._containers if moved())
        if not found:  # names came or went, none a builtin's, nothing watched replaced
            self._before = now
        return found
