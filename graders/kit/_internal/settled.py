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
``changed()`` names what differs; the recorder asks once each check's teardown has run, of
the kit's modules and that check's grader, and of every grader once a kata's last check ran.
"""

from __future__ import annotations

import builtins
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from .sandbox import identical

# Bound when the kit is imported, before learner code runs (see sandbox.py).
_map, _len, _sorted, _zip = map, len, sorted, zip

# Public module-level values watched by identity besides callables and modules: constants,
# and containers whose items are watched too. Other objects (a Trace the kit renews per
# check) may be rebound.
_CONSTANTS = (bool, int, float, complex, str, bytes, tuple, frozenset, type(None))
_CONTAINERS = (list, dict, set)
_BUILTINS = frozenset(n for n in vars(builtins) if n[:2] != "__")  # names a module could shadow


def grading_modules(root: Path) -> list[ModuleType]:
    """The modules loaded from files under ``root``, but kata modules (``kata_*``). Each
    folder is resolved once (a grader process holds about 900 modules from about 150
    folders: resolving every file's path took 0.1 s), a file itself only when it is a link."""
    found: list[ModuleType] = []
    inside: dict[str, bool] = {}  # folder -> whether it resolves to one under ``root``
    for name, module in list(sys.modules.items()):
        path = getattr(module, "__file__", None)
        if not path or name.startswith("kata_"):
            continue
        try:
            path = os.fspath(path)
            if os.path.islink(path):
                within = Path(path).resolve().is_relative_to(root)
            else:
                folder = os.path.dirname(os.path.abspath(path))
                if folder not in inside:
                    inside[folder] = Path(folder).resolve().is_relative_to(root)
                within = inside[folder]
        except (OSError, ValueError, TypeError):
            continue
        if within:
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


Look = tuple[tuple[str, ...], list[Any], list[int]]


def _same(now: Look, then: Look) -> bool:
    """Whether two looks hold the same names, objects (``identical``) and sizes."""
    return identical(now[0], then[0]) and identical(now[1], then[1]) and now[2] == then[2]


@dataclass
class _Module:
    """What is watched of one module: its names, its classes' methods, its containers."""

    label: str
    space: Mapping[str, Any]
    keys: list[str]  # the names watched in ``space``
    test: bool  # a grader's test module (test_*.py), looked at with its own checks only
    classes: list[tuple[str, Mapping[str, Any], list[str]]] = field(default_factory=list)
    containers: list[tuple[str, Any, int]] = field(default_factory=list)  # label, it, 2 for a dict
    before: Look = ((), [], [])
    shadows: set[str] = field(default_factory=set)  # the builtins' names it held

    def look(self) -> Look:
        """Its names in order (a tuple made in C: a name added or removed shows at a tenth of
        the cost of finding the builtins' names it holds, which ``Settled`` does only then);
        the objects it watches: what each watched name holds (None once it is gone), each
        class's methods, what each container holds; and the size of each class and
        container. It holds what it watched, so no id is ever reused by an impostor."""
        objects = [*_map(self.space.get, self.keys)]
        sizes: list[int] = []
        for _, space, keys in self.classes:
            sizes.append(_len(space))
            objects.extend(_map(space.get, keys))
        for _, container, many in self.containers:
            sizes.append(_len(container))
            objects.extend(container)
            if many == 2:
                objects.extend(container.values())
        return (*self.space,), objects, sizes

    def differences(self, now: Look) -> list[str]:
        """What ``now`` (a look) says changed, by name."""
        shadows = (self.space.keys() & _BUILTINS) ^ self.shadows
        found = [f"{self.label}: {name}" for name in _sorted(shadows)]
        objects, before = now[1], self.before[1]
        at = [0, 0]  # where the next objects of ``now`` and of ``before`` are

        def moved(count: int, was: int) -> bool:
            held, had = objects[at[0] : at[0] + count], before[at[1] : at[1] + was]
            at[0], at[1] = at[0] + count, at[1] + was
            return not identical(held, had)

        found.extend(f"{self.label}.{key}" for key in self.keys if moved(1, 1))
        sizes = [*_zip(now[2], self.before[2], strict=True)]
        for (label, _, keys), (size, was) in _zip(self.classes, sizes, strict=False):
            if size != was:
                found.append(f"{label}: names added or removed")
            found.extend(f"{label}.{key}" for key in keys if moved(1, 1))
        for (label, _, many), (size, was) in _zip(
            self.containers, sizes[_len(self.classes) :], strict=True
        ):
            if moved(many * size, many * was):
                found.append(f"what {label} holds")
        return found


class Settled:
    """The identities of what graders read (see the module docstring), for fast second looks."""

    def __init__(self, modules: list[ModuleType]) -> None:
        self._modules: list[_Module] = []  # what is watched of each module
        for module in modules:
            space = vars(module)
            name = module.__name__
            keys = [k for k, v in list(space.items()) if _watched(k, v)]
            test = Path(getattr(module, "__file__", None) or "").name.startswith("test_")
            entry = _Module(name, space, keys, test)
            for key in keys:
                value = space[key]
                if type(value) in _CONTAINERS and (name == "kit" or name.startswith("kit.")):
                    many = 2 if type(value) is dict else 1
                    entry.containers.append((f"{name}.{key}", value, many))  # graders keep records
                if isinstance(value, type) and value.__module__ == name:
                    attrs = [a for a, v in value.__dict__.items() if _method(v)]
                    entry.classes.append((f"{name}.{key}", value.__dict__, attrs))
            entry.before, entry.shadows = entry.look(), space.keys() & _BUILTINS
            self._modules.append(entry)

    def changed(self, test: ModuleType | None = None) -> list[str]:
        """What differs from when this was made: ``kit.kata.Kata.run``, a module given a
        builtin's name (``test_x: abs``), a class given a new attribute (``kit.kata.Kata:
        names added or removed``), ``what kit.running.CHECKS holds``; empty when nothing.

        Given ``test`` (the module of the check that just ran), only that grader's module is
        looked at, and every module that is not a grader's (the kit, conftest, helpers):
        the recorder looks at every grader's module once each kata's last check has run, so
        a change to another kata's grader is named before that kata runs."""
        found: list[str] = []
        for entry in self._modules:
            if test is not None and entry.test and entry.space is not test.__dict__:
                continue
            now = entry.look()
            if _same(now, entry.before):
                continue
            differences = entry.differences(now)
            if not differences:  # names came or went, none a builtin's, nothing replaced
                entry.before = now
            found.extend(differences)
        return found
