"""One submission, one sandbox: where and as whom a grader process runs learner code.

Each ``grade()`` call grades from a private tree in a fresh temporary directory: a copy of
the graders and kit, the pytest settings, and a copy of the folder under grading, nothing
else. The grader processes then run, best first:

- ``root`` (grading as root, ``unshare`` available): in new mount, network and PID
  namespaces, each as an unprivileged uid of its own (in a group, one per ``grade()``
  call, that owns the private copy), with ``no_new_privs``. The project's other folders
  (solutions/, tests/, .git...), the folder of submissions and other grading trees are
  hidden under empty read-only mounts; the network has loopback only; its temporary
  folder and its home (its working folder) are tmpfs of its own (TMP_SIZE), gone with it;
  the private tree is read-only to it but for the copy of the submission (nothing it
  writes there is loaded by the next grader process of the submission), and so is every
  other mount (/tmp included; /dev/shm is a tmpfs of its own); when the grader
  process ends, the kernel kills everything it started, ``setsid`` daemons included. A uid
  per process, not per submission: the cleanup after one process must not kill another
  one of the same submission, still grading its track.
- ``userns`` (not root, unprivileged user namespaces allowed): the same namespaces in a user
  namespace, as the grading user, with every capability dropped: the namespace's root
  could otherwise unmount what hides the other folders, or make the tree writable again.
  Everything else is read-only to it as in ``root``: the grading user's home, and the
  project's folder (its venvs, noxfile.py) and Python's own folders, which that user owns
  (what it wrote there would run in later processes: a .pth file in site-packages runs in
  every one).
- ``none``: a plain process in its own session (as root: as an unprivileged uid of its own
  when that uid can reach Python; never in a user namespace, where uid 0 keeps its power
  over the host's files); this process is a child subreaper and kills what is left after
  each grader process.
  No folder is hidden, the network is not cut, and without a uid of its own a grader
  process may write the private tree (its working folder is kept off ``sys.path``, but
  a ``conftest.py`` it writes there is loaded by the next one): the scoreboard says so.

``KATAS_ISOLATION`` (root, userns or none) forces a mode, for tests.
"""

from __future__ import annotations

import atexit
import collections
import contextlib
import ctypes
import functools
import hashlib
import importlib.util
import json
import marshal
import os
import secrets
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from .paths import GRADERS, REPO, STATE

ISOLATION_ENV = "KATAS_ISOLATION"
NAMESPACES = ["--mount", "--net", "--pid", "--fork", "--mount-proc", "--kill-child"]
UIDS = (200_000, 2_000_000_000)  # the range a submission's uid is drawn from
NPROC = 1024  # processes and threads one grader process may have at once
# The temporary folder of a grader process in namespaces is a tmpfs of this size, its own:
# reading a sparse file there costs no page-cache fill (hash_files' 500 MiB file: 0.3 s of
# CPU time instead of 1.5 s), and it is gone with the process's mount namespace. Its pages
# are memory: a submission that fills it costs at most this much per grader process (a
# gradebook runs eight at once on 2 cores). Sparse files count only what they hold, but
# an mmap that reads a hole gets a page of its own: a correct hash_files that maps each
# file fills hash_files' two sparse files (up to 512 MiB each, both alive in one check),
# and at 256 MiB it died of SIGBUS. So: 1 GiB for those two, and 128 MiB for the rest.
TMP_SIZE = "1152m"
# Hidden too: the grading user's terminals. In a user namespace a grader process runs as
# that user, who may write to its own /dev/pts/N: a child process (the audit hook sees only
# the grader process) wrote escape sequences and a forged total to every terminal the
# instructor had open.
TERMINALS = ("/dev/pts",)
# The CPU is shared between grader processes, not between processes: each grader process
# (grading as root) runs in a cgroup of its own with the cpu controller, which everything it
# starts stays in (its uid may not move a process out). Without it the kernel shares the
# CPU between sessions (autogroups), or between processes where there are none: a kata
# started 480 CPU spinners, each in a session of its own (setsid), and an honest classmate
# graded beside it lost 170 of 500 points (its real-clock katas ran out of time).
# Memory the same way, where a hierarchy gives the memory controller: a grader process and
# all it starts may hold this many MiB (KATAS_GRADER_MEMORY_MIB), page cache and its tmpfs
# included; past it the kernel kills a process of that group only, not a classmate's (a
# kata allocated 6 GiB unhindered). The reference solutions' largest grader process holds
# about 110 MiB; a correct hash_files that reads a 512 MiB file whole, or maps hash_files'
# sparse files (TMP_SIZE), about 1.3 GiB.
CGROUP_PREFIX = "katas-"
MEMORY_MIB = int(os.environ.get("KATAS_GRADER_MEMORY_MIB", "3072"))
# The file a cgroup has when its hierarchy gives it the controller: (cgroup v1, cgroup v2).
_KNOBS = {"cpu": ("cpu.shares", "cpu.weight"), "memory": ("memory.limit_in_bytes", "memory.max")}
SANDBOX_FAILED = 121  # the exit code of a sandbox that could not be set up
NOT_ISOLATED = (
    "not isolated: this machine allows no namespaces here, so this submission ran as an "
    "ordinary process that could read other folders, reach the network and change the "
    "graders its later grader processes loaded: grade untrusted code where namespaces work"
)

_lock = threading.Lock()
_live: set[int] = set()  # pids of grader processes this process started and waits for
_uids: dict[int, int] = {}  # pid of a grader process -> the uid it runs as
_cgroups: dict[int, list[Path]] = {}  # pid of a grader process -> its cgroups (CGROUP_PREFIX)
_base: dict[str, Path] = {}  # the one folder all private trees of this process live in
_trees: set[Path] = set()  # the private trees in it (it is not listable)


def _works(cmd: list[str]) -> bool:
    try:
        return subprocess.run(cmd, capture_output=True, timeout=20).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


def mode() -> str:
    """``root``, ``userns`` or ``none``: the best isolation this machine allows (found once:
    the threads of a gradebook ask at once, and each asking first ran the probes)."""
    with _mode_lock:
        return _mode()


_mode_lock = threading.Lock()


@functools.cache
def _mode() -> str:
    forced = os.environ.get(ISOLATION_ENV, "")
    unshare = shutil.which("unshare")
    root = os.geteuid() == 0
    if forced == "none" or not unshare:
        return "none"
    if root and forced in ("", "root") and _works([unshare, *NAMESPACES, "true"]):
        return "root"
    if root and forced != "userns":
        return "none"  # a user namespace would keep uid 0 over the host's files: drop the uid
    if _works([unshare, "--user", "--map-root-user", *NAMESPACES, "true"]):
        return "userns"
    return "none"


@functools.cache
def hierarchy(controller: str) -> Path | None:
    """This process's own cgroup in a hierarchy with ``controller`` ("cpu" or "memory"; v1:
    a ``cgroup`` mount with it; v2: ``cgroup2``), where the groups of its grader processes
    go: within it, so that they stay inside whatever limits it has (a container's). None when
    not root, when none is mounted whole, or when a group made there gets no such controller
    (read-only in a container; v2 below a cgroup that runs processes, which may not hand it
    down)."""
    if os.geteuid() != 0:
        return None
    try:
        table = Path("/proc/self/mountinfo").read_text(encoding="utf-8", errors="replace")
        own = Path("/proc/self/cgroup").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    places: dict[str, str] = {}  # controller (v1) or "" (v2) -> this process's cgroup there
    for line in own.splitlines():
        _, controllers, path = line.split(":", 2) if line.count(":") >= 2 else ("", "-", "")
        for name in controllers.split(","):
            places.setdefault(name, path)
    for line in table.splitlines():
        fields = line.split()
        if "-" not in fields or len(fields) < 5 or fields[3] != "/":
            continue  # a part of a hierarchy only
        rest = fields[fields.index("-") + 1 :]
        if len(rest) < 3:
            continue
        v1, v2 = _KNOBS[controller]
        if rest[0] == "cgroup" and controller in rest[2].split(",") and controller in places:
            top, knob = Path(fields[4]) / places[controller].lstrip("/"), v1
        elif rest[0] == "cgroup2" and "" in places:
            top, knob = Path(fields[4]) / places[""].lstrip("/"), v2
        else:
            continue
        probe = top / f"{CGROUP_PREFIX}probe-{os.getpid()}"
        try:
            probe.mkdir()
        except OSError:
            continue
        works = (probe / knob).exists()
        try:
            probe.rmdir()
        except OSError:
            pass
        if works:
            return top
    return None


_groups: set[Path] = set()  # the cgroups of this process's grader processes still there
_swept: set[Path] = set()  # the hierarchies this process has swept of stale cgroups
# Seconds after which an empty cgroup of ours was left by an earlier grading (killed before it
# could remove it, or whose last process took longer to go than it waited): a new group holds
# its grader process a few milliseconds after it is made, and a busy one cannot be removed.
STALE_GROUP = 600.0


def sweep(top: Path) -> list[Path]:
    """Remove the empty cgroups (CGROUP_PREFIX) made in ``top`` over STALE_GROUP seconds ago;
    return them."""
    removed: list[Path] = []
    now = time.time()
    for group in top.glob(f"{CGROUP_PREFIX}*"):
        try:
            if now - group.stat().st_mtime > STALE_GROUP:
                group.rmdir()  # refused while a process is in it
                removed.append(group)
        except OSError:
            continue
    return removed


def _new_groups(uid: int) -> list[Path]:
    """Fresh cgroups for the grader process running as ``uid``: one in each hierarchy that
    gives the cpu or the memory controller (one for both in cgroup v2), the memory one
    limited to MEMORY_MIB. The first time a hierarchy is used, it is swept of stale groups."""
    groups: list[Path] = []
    for controller, (v1, v2) in _KNOBS.items():
        top = hierarchy(controller)
        if top is None:
            continue
        with _lock:
            fresh = top not in _swept
            _swept.add(top)
        if fresh:
            sweep(top)
        group = top / f"{CGROUP_PREFIX}{uid}"
        if group not in groups:
            try:
                group.mkdir()
            except OSError:
                continue
            groups.append(group)
            with _lock:
                if not _groups:
                    atexit.register(_remove_groups)
                _groups.add(group)
        if controller == "memory":
            knob = group / (v2 if (group / v2).exists() else v1)
            with contextlib.suppress(OSError):
                knob.write_text(str(MEMORY_MIB << 20), encoding="ascii")
    return groups


def _remove_group(group: Path, wait: float = 3.0) -> None:
    """Remove ``group`` once its processes are gone (a killed process leaves it a moment
    later)."""
    deadline = time.monotonic() + wait
    while True:
        try:
            group.rmdir()
        except FileNotFoundError:
            pass
        except OSError:
            if time.monotonic() < deadline:
                time.sleep(0.05)
                continue
            return
        with _lock:
            _groups.discard(group)
        return


def _remove_groups() -> None:
    with _lock:
        left = list(_groups)
    for group in left:
        _remove_group(group, wait=0)


def _set_subreaper() -> None:
    """Become the parent of every orphaned descendant (Linux prctl PR_SET_CHILD_SUBREAPER)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(36, 1, 0, 0, 0)
    except (OSError, AttributeError):
        pass


def _remove_base(path: Path) -> None:
    try:
        path.chmod(0o700)  # listable again, to be removed: no grader process is left
    except OSError:
        return
    remove_tree(path)


def base() -> Path:
    """The folder (root-owned, 0711) under which every private tree of this process lives,
    removed when this process exits."""
    with _lock:
        if "dir" not in _base:
            path = Path(tempfile.mkdtemp(prefix="katas-grade-"))
            # Not listable, by its owner either: in a user namespace a grader process runs
            # as the grading user, and a listing showed the trees of classmates started
            # after its own, which no hiding mount covered (a submission copied a
            # classmate's code into its own copy, every point and no flag). Their names,
            # random, are known to this process alone (_trees).
            path.chmod(0o311)
            _base["dir"] = path
            atexit.register(_remove_base, path)  # with what is left in it
            if mode() == "none":
                _set_subreaper()
        return _base["dir"]


ROOT_ON_PATH = 'pythonpath = [".", "graders"]'


def copy_graders(dest: Path) -> None:
    """Copy graders/ (without bytecode) and the pytest settings into ``dest``, and give the
    copy bytecode compiled here (see compile_graders)."""
    shutil.copytree(
        GRADERS, dest / "graders", ignore=shutil.ignore_patterns("__pycache__", "*.pyc")
    )
    settings = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    if ROOT_ON_PATH not in settings:
        raise RuntimeError(f"pyproject.toml: no {ROOT_ON_PATH!r} to take the tree's root from")
    # The tree's root holds the copy of the submission, named like its folder: on sys.path,
    # a folder named `kit` (or like any module imported later) was imported in its place
    # by the graders' conftest, before any watch existed (attack 28).
    settings = settings.replace(ROOT_ON_PATH, 'pythonpath = ["graders"]')
    (dest / "pyproject.toml").write_text(settings, encoding="utf-8")
    compile_graders(dest / "graders")
    for path in [dest, *dest.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)


_compiled: dict[str, bytes] = {}  # sha256 of a module's source -> its code, marshalled


def compile_graders(graders: Path) -> None:
    """Write bytecode beside each module of ``graders``, a fresh copy that no grader process
    has run in yet, compiled by this process from the copy's own source.

    Checked hash-based bytecode (PEP 552): a grader process loads it only while the source
    beside it hashes the same, wherever the copy lies. It cannot change it for a later
    process: in namespaces the copy is read-only (see BOOT) or not its uid's; without them
    it reads bytecode from elsewhere for a submission (Sandbox._pycache). Without this,
    every grader process compiled the kit and its graders from source: about 0.5 s of CPU
    time for the 48 graders."""
    tag: str | None = sys.implementation.cache_tag  # None: this Python caches no bytecode
    if tag is None:
        return
    header = importlib.util.MAGIC_NUMBER + (0b11).to_bytes(4, "little")  # hash-based, checked
    for source in sorted(graders.rglob("*.py")):
        data = source.read_bytes()
        code = _code(data, str(source), tag)
        if code is not None:
            folder = source.parent / "__pycache__"
            folder.mkdir(exist_ok=True)
            pyc = folder / f"{source.stem}.{tag}.pyc"
            pyc.write_bytes(header + importlib.util.source_hash(data) + code)


def _code(data: bytes, filename: str, tag: str) -> bytes | None:
    """The marshalled code of the source ``data``, compiled once: kept in memory, and on
    disk under .katas/ where grader processes cannot reach it (with isolation only, as the
    graders' collection). None when it does not compile (the grader process reports it)."""
    key = hashlib.sha256(data).hexdigest()
    with _lock:
        code = _compiled.get(key)
    if code is not None:
        return code
    cache = STATE / "bytecode" / tag / f"{key}.code" if mode() != "none" else None
    try:
        code = cache.read_bytes() if cache else None
        if code is not None:
            marshal.loads(code)  # whole, not cut short
    except (OSError, EOFError, ValueError, TypeError):
        code = None
    if code is None:
        try:
            code = marshal.dumps(compile(data, filename, "exec", dont_inherit=True, optimize=0))
        except (SyntaxError, ValueError):
            return None
        if cache:
            try:
                cache.parent.mkdir(parents=True, exist_ok=True)
                part = cache.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
                part.write_bytes(code)
                part.replace(cache)
            except OSError:
                pass
    with _lock:
        _compiled[key] = code
    return code


@dataclass
class Sandbox:
    """A private tree for one ``grade()`` call and the way its grader processes start."""

    root: Path
    target: Path  # the private copy of the folder under grading
    original: Path  # the folder it was copied from
    group: int | None  # the id (user and group) that owns the private copy; None: no own ids
    mode: str
    hide: list[str] = field(default_factory=list)

    @property
    def isolated(self) -> bool:
        """True when the grader processes run in namespaces."""
        return self.mode in ("root", "userns")

    def env(
        self, uid: int | None = None, more: Mapping[str, str] = MappingProxyType({})
    ) -> dict[str, str]:
        """The environment of a grader process: nothing of the grading shell but PATH, and
        ``more``."""
        return {
            **more,
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(self.root / "home"),
            "TMPDIR": str(self.tmp(uid)),
            "PYTHONPATH": str(self.root / "graders"),
            "PYTHONDONTWRITEBYTECODE": "1",
            # The same code gets the same grade every time: no hash randomisation, so the
            # order of a set of strings (links, names) is the same in every run.
            "PYTHONHASHSEED": "0",
            **self._pycache(),
            "NO_COLOR": "1",
            "LANG": "C.UTF-8",
            "PYTHONIOENCODING": "utf-8:backslashreplace",
            **{k: v for k, v in os.environ.items() if k.startswith("KATAS_")},
        }

    def _pycache(self) -> dict[str, str]:
        """Where a grader process looks for bytecode: beside the sources, as compiled by
        this process for its copy of graders/ (compile_graders) and at install time for
        Python's packages. In namespaces it can change neither (the tree and Python's
        folders are read-only to it, see BOOT), nor can it as a uid of its own. Without
        either, for a submission it reads bytecode from an empty folder instead (what it
        could plant there is not read by the next one); that costs compiling pytest and
        aiohttp from source (about 1 s a process), so not otherwise."""
        own = {(REPO / "exercises").resolve(), (REPO / "solutions").resolve()}
        if self.isolated or self.group is not None or self.original.resolve() in own:
            return {}
        return {"PYTHONPYCACHEPREFIX": str(self.root / "tmp" / "pycache")}

    def new_uid(self) -> int | None:
        """A fresh uid for one grader process (None without ids of its own), with a temporary
        folder of its own: processes of one ``grade()`` call share only the group, so what
        each leaves behind is told apart."""
        if self.group is None:
            return None
        uid = _draw_id()
        self.tmp(uid).mkdir(mode=0o700)
        os.chown(self.tmp(uid), uid, self.group)
        return uid

    def tmp(self, uid: int | None) -> Path:
        """The temporary folder of a grader process running as ``uid``."""
        return self.root / "tmp" if uid is None else self.root / "tmp" / str(uid)

    def command(
        self,
        argv: list[str],
        uid: int | None,
        env: Mapping[str, str] = MappingProxyType({}),
        groups: Sequence[Path] = (),
    ) -> list[str]:
        """``argv`` wrapped so that it starts inside this sandbox as ``uid`` (in the cgroups
        ``groups``), with ``env`` added to its environment."""
        if not self.isolated:
            return argv
        spec = {
            "cgroups": [str(group / "cgroup.procs") for group in groups],
            "hide": [*self.hide, *TERMINALS],
            "expose": _exposed(),
            "home": str(self.root / "home"),
            "writable": [str(self.target)],
            "stage": str(self.root / "stage"),
            "tmp": str(self.tmp(uid)),
            "tmp_size": TMP_SIZE,
            "uid": uid,
            "gid": self.group,
            "nproc": NPROC,
            "cwd": str(self.root / "home"),
            "argv": argv,
            "env": self.env(uid, env),
        }
        user = [] if self.mode == "root" else ["--user", "--map-root-user"]
        unshare = shutil.which("unshare") or "unshare"
        return [
            unshare,
            *user,
            *NAMESPACES,
            sys.executable,
            "-I",
            "-S",
            "-c",
            BOOT,
            json.dumps(spec),
        ]

    def popen_options(
        self, uid: int | None, env: Mapping[str, str] = MappingProxyType({})
    ) -> dict[str, object]:
        """How to start a grader process: its own session, and its ids when not in namespaces."""
        options: dict[str, object] = {"start_new_session": True, "cwd": str(self.root / "home")}
        if not self.isolated:
            options["env"] = self.env(uid, env)
            if uid is not None:
                options.update(user=uid, group=self.group, extra_groups=[])
        return options

    def cleanup_processes(self, proc: subprocess.Popen[bytes], grace: float = 3.0) -> list[int]:
        """Kill whatever the uid of grader process ``proc`` still runs (or, without ids of
        its own, the orphans adopted as subreaper) once ``grace`` seconds have not ended it;
        return the pids that had to be killed (none once namespaces have done their job)."""
        uid = _uids.pop(proc.pid, None)
        with _lock:
            groups = _cgroups.pop(proc.pid, [])
        left = self._left(uid)
        deadline = time.monotonic() + grace
        while left and time.monotonic() < deadline:
            time.sleep(0.05)  # a PID namespace's processes die with its first one
            left = self._left(uid)
        for pid in left:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        for pid in left:
            try:
                os.waitpid(pid, os.WNOHANG)
            except OSError:
                pass
        for group in groups:
            _remove_group(group)
        return left

    @staticmethod
    def _left(uid: int | None) -> list[int]:
        return _leftovers(uid) if uid is not None else _orphans()

    def refresh(self) -> None:
        """Copy the folder under grading afresh (for a grader process started ahead)."""
        remove_tree(self.target)
        _fill(self.target, self.original, self.group)

    def remove(self) -> None:
        """Delete the private tree."""
        remove_tree(self.root)
        with _lock:
            _trees.discard(self.root)


def remove_tree(path: Path) -> None:
    """Remove ``path`` and all it holds, as ``shutil.rmtree(path, ignore_errors=True)`` did,
    but at any depth: rmtree recurses, and a submission's code that made a folder 1500 deep
    in its copy ended ``grade`` with a RecursionError as its sandbox was removed (no
    report). Each folder met is moved to the top before its turn comes, so no path is ever
    deeper than two folders below ``path``."""
    if path.is_symlink() or not path.is_dir():
        try:
            path.unlink()
        except OSError:
            pass
        return
    emptied, todo = [], [path]
    while todo:
        folder = todo.pop()
        emptied.append(folder)
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            try:
                if entry.is_dir(follow_symlinks=False):
                    moved = path / f".katas-removed-{secrets.token_hex(8)}"
                    os.rename(entry.path, moved)
                    todo.append(moved)
                else:
                    os.unlink(entry.path)
            except OSError:
                continue
    for folder in reversed(emptied):
        try:
            os.rmdir(folder)
        except OSError:
            pass


def _leftovers(uid: int) -> list[int]:
    """Pids of processes running as ``uid``."""
    found: list[int] = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("Uid:") and int(line.split()[1]) == uid:
                found.append(int(entry.name))
    return found


def _orphans() -> list[int]:
    """Direct children of this process that are not grader processes it waits for (the
    orphans it adopted as a subreaper)."""
    me, found = os.getpid(), []
    with _lock:
        live = set(_live)
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) in live:
            continue
        try:
            stat = (entry / "stat").read_text()
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        if ppid == me:
            found.append(int(entry.name))
    return found


def start(
    cmd: list[str],
    box: Sandbox,
    env: Mapping[str, str] = MappingProxyType({}),
    **kwargs: object,
) -> subprocess.Popen[bytes]:
    """Start a grader process in ``box`` as a fresh uid, ``env`` added to its environment,
    and remember it as live."""
    uid = box.new_uid()
    groups = _new_groups(uid) if uid is not None and box.mode == "root" else []
    with _lock:
        options = {**box.popen_options(uid, env), **kwargs}
        proc = subprocess.Popen(box.command(cmd, uid, env, groups), **options)  # type: ignore[call-overload]
        _live.add(proc.pid)
        if uid is not None:
            _uids[proc.pid] = uid
        if groups:
            _cgroups[proc.pid] = groups
    return proc  # type: ignore[no-any-return]


def kill(proc: subprocess.Popen[bytes]) -> None:
    """Kill a grader process and its session, and forget it."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except OSError:
        pass
    proc.kill()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        pass
    with _lock:
        _live.discard(proc.pid)


def _blocked(path: Path) -> Path | None:
    """The highest folder on the way to ``path`` that other users may not enter."""
    for folder in [*reversed(path.parents), path]:
        try:
            if not folder.stat().st_mode & 0o001:
                return folder
        except OSError:
            return None
    return None


@functools.cache
def _exposed() -> list[tuple[str, list[str]]]:
    """Python's folders that an unprivileged uid could not reach (a Python installed under
    /root): each closed folder, to be covered with an open one, and what to mount back in."""
    if os.geteuid() != 0:
        return []
    wanted = {Path(sys.prefix).resolve(), Path(sys.base_prefix).resolve()}
    wanted.add(Path(sys.executable).resolve().parent)
    wanted.update(Path(p).resolve() for p in sys.path if p and Path(p).is_dir())
    closed: dict[Path, set[Path]] = {}
    for path in wanted:
        blocked = _blocked(path)
        if blocked is not None and blocked != path:
            closed.setdefault(blocked, set()).add(path)
    result: list[tuple[str, list[str]]] = []
    for blocked, paths in closed.items():
        top = sorted(paths, key=lambda p: len(p.parts))
        kept = [p for i, p in enumerate(top) if not any(p.is_relative_to(q) for q in top[:i])]
        result.append((str(blocked), [str(p) for p in kept]))
    return result


def _contains(folder: Path, *paths: Path) -> bool:
    return any(p == folder or p.is_relative_to(folder) for p in paths)


def _hidden(target: Path, root: Path) -> list[str]:
    """Folders a grader process must not see: the project's (but the venv), the submission's
    siblings, other private trees."""
    keep = [root, Path(sys.prefix).resolve(), Path(sys.base_prefix).resolve()]
    keep.append(Path(sys.executable).resolve())
    hide: list[Path] = []
    # The project, and another checkout of it that holds the Python that grades (a venv in
    # a second clone's .nox: its solutions/ was open to the grader process, and the hostile
    # copies_reference read the reference from there).
    checkouts = {REPO}
    for path in keep[1:]:
        checkouts.update(p for p in path.parents if (p / "graders" / "katas.toml").is_file())
    for checkout in sorted(checkouts):
        for child in sorted(checkout.iterdir()):
            if child.is_dir() and not child.is_symlink() and not _contains(child, *keep):
                hide.append(child)
    for folder in (target, target.parent):
        if folder.is_dir() and not _contains(folder, *keep) and folder != Path("/"):
            hide.append(folder)
    with _lock:
        siblings = sorted(_trees)
    for sibling in siblings:
        if sibling != root and sibling.is_dir():
            hide.append(sibling)
    kept: list[Path] = []
    for path in sorted(set(hide), key=lambda p: len(p.parts)):
        if not any(path.is_relative_to(k) for k in kept):
            kept.append(path)
    return [str(p) for p in kept]


# A file of a submission larger than this is not copied (nor graded): a sparse file of
# 100 GB, a few bytes in an archive, was copied whole onto the grading machine's disk.
COPY_LIMIT = 16 << 20


def copied(path: str | Path) -> bool:
    """Whether a submission's entry at ``path`` is copied into its sandbox: a folder, or a
    regular file of at most COPY_LIMIT bytes (never a symlink, a FIFO or a device)."""
    try:
        st = os.lstat(path)
    except OSError:
        return False
    return stat.S_ISDIR(st.st_mode) or (stat.S_ISREG(st.st_mode) and st.st_size <= COPY_LIMIT)


def _not_copied(folder: str, names: list[str]) -> set[str]:
    """Bytecode, .git, symlinks (a link could point at the reference solutions or at files
    only the grading user may read, and this process copies as that user), and what is not
    a folder or a regular file of a sane size: a FIFO ended ``grade`` with a traceback, a
    device node (``/dev/zero``'s numbers, as tar extracts them for root) was copied until
    the disk filled."""
    skip = {n for n in names if n in ("__pycache__", ".git") or n.endswith(".pyc")}
    return skip | {n for n in names if not copied(os.path.join(folder, n))}


def sandbox(target: Path) -> Sandbox:
    """A private tree for grading ``target``: graders, settings and a copy of ``target``."""
    how = mode()
    root = Path(tempfile.mkdtemp(prefix="s-", dir=base()))
    with _lock:
        _trees.add(root)
    root.chmod(0o755)
    copy_graders(root)
    reserved = ("", "graders", "home", "tmp", "stage", "pyproject.toml")
    name = target.name if target.name not in reserved else "submission"
    copy = root / name
    # Without namespaces, a uid of its own only where it can reach Python (not under /root).
    own_uid = os.geteuid() == 0 and (how == "root" or (how == "none" and not _exposed()))
    group = _draw_id() if own_uid else None
    for sub in ("home", "tmp"):
        (root / sub).mkdir(mode=0o700)
        _give(root / sub, group)
    _fill(copy, target, group)
    return Sandbox(root, copy, target, group, how, _hidden(target, root) if how != "none" else [])


# A submission's folders deeper than this are not copied (nor graded): kata files lie one
# folder down. shutil.copytree recursed, and a folder 1500 deep ended ``grade`` with a
# RecursionError and no report.
COPY_DEPTH = 16


# What a copy holds at most, in all: past it, the submission's other files are not copied
# (nor graded). Each file was held to COPY_LIMIT, but not their sum: 30 sparse files of
# 16 MiB (16 kB on the disk) became 481 MB in each sandbox, and 6,000 of them (96 GB) would
# fill the grading machine's disk under every classmate graded beside them (attack 49).
COPY_TOTAL = 256 << 20
COPY_ENTRIES = 20_000


def _copy_tree(target: Path, copy: Path) -> None:
    """Copy ``target`` to ``copy`` without recursion, leaving out what _not_copied names,
    folders deeper than COPY_DEPTH, and what is past COPY_TOTAL bytes or COPY_ENTRIES
    entries in all; a level at a time (the kata files, one folder down, first)."""
    queue = collections.deque([(str(target), str(copy), 0)])
    room, entries = COPY_TOTAL, COPY_ENTRIES
    while queue:
        source, dest, depth = queue.popleft()
        os.mkdir(dest)
        names = os.listdir(source)
        skip = _not_copied(source, names)
        for name in sorted(n for n in names if n not in skip):
            entries -= 1
            if entries < 0:
                break
            inner, outer = os.path.join(source, name), os.path.join(dest, name)
            if os.path.isdir(inner):  # never a symlink here (_not_copied)
                if depth < COPY_DEPTH:
                    queue.append((inner, outer, depth + 1))
            elif (size := os.lstat(inner).st_size) <= room:
                room -= size
                shutil.copy2(inner, outer)


def _fill(copy: Path, target: Path, group: int | None) -> None:
    """Copy ``target`` to ``copy``, owned by ``group`` when there is one."""
    _copy_tree(target, copy)
    for path in [*copy.rglob("*"), copy]:
        _give(path, group)
    if group is not None:
        copy.chmod(0o770)


def _give(path: Path, group: int | None) -> None:
    """Make ``path`` the group's (each grader process runs as a uid of its own in it)."""
    if group is None:
        return
    os.lchown(path, group, group)
    if not path.is_symlink():
        bits = path.stat().st_mode & 0o777
        path.chmod(bits | (bits & 0o700) >> 3)


def _draw_id() -> int:
    return secrets.randbelow(UIDS[1] - UIDS[0]) + UIDS[0]


# Runs as root inside the new namespaces (python -I -S): hide folders under empty read-only
# mounts, bring up loopback, give the process a tmpfs of its own as its temporary folder and
# another as its home (its working folder), make the private tree read-only but for the copy
# of the submission (in a user namespace the process runs as the grading user, who owns the
# tree: the next grader process of the submission would load a conftest.py or graders
# written there), and every other mount too, drop to the submission's uid, and exec the
# grader process.
BOOT = r"""
import ctypes, fcntl, json, os, resource, socket, struct, sys
spec = json.loads(sys.argv[1])
libc = ctypes.CDLL(None, use_errno=True)
def fail(what):
    print(f"katas sandbox: {what}: {os.strerror(ctypes.get_errno())}", file=sys.stderr)
    os._exit(121)
# Where the grader process may write, symlinks are not followed (MS_NOSYMFOLLOW, Linux 5.10):
# a link to /proc/self/mem, made by a child process (out of the audit hook's sight) and opened
# relative to a folder (dir_fd: the audit hook sees "x", not where it is), read the grader
# process's memory and the recorder's key in it (attack 48).
NOSYMFOLLOW = 256
def tmpfs(path, how, options):  # 0 once mounted; without NOSYMFOLLOW on an older kernel
    path = os.fsencode(path)
    return libc.mount(b"none", path, b"tmpfs", how | NOSYMFOLLOW, options) and libc.mount(
        b"none", path, b"tmpfs", how, options
    )
def kept(mounted):  # what a remount keeps: nosuid, nodev, noexec and the atime flags
    return (mounted & (2 | 4 | 8 | 1024 | 2048)) | ((1 << 21) if mounted & 4096 else 0)
for procs_file in spec["cgroups"]:  # before anything starts: what it starts stays in them
    try:
        with open(procs_file, "w") as procs:
            procs.write("0")
    except OSError as e:
        print(f"katas sandbox: cannot join {procs_file}: {e}", file=sys.stderr)
        os._exit(121)
for path in spec["hide"]:
    if libc.mount(b"none", os.fsencode(path), b"tmpfs", 1 | 2 | 4 | 8, b"size=4k,mode=0555"):
        if ctypes.get_errno() != 2:  # ENOENT: gone since (another tree, removed)
            fail(f"cannot hide {path}")
with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
    flags = struct.unpack("16sH", fcntl.ioctl(s, 0x8913, struct.pack("16sH", b"lo", 0)))[1]
    fcntl.ioctl(s, 0x8914, struct.pack("16sH", b"lo", flags | 1))
owner = "" if spec["uid"] is None else f",uid={spec['uid']},gid={spec['gid']}"
options = f"size={spec['tmp_size']},mode=0700{owner}".encode()
if tmpfs(spec["tmp"], 2 | 4, options):
    fail(f"cannot mount a tmpfs on {spec['tmp']}")
for i, (blocked, paths) in enumerate(spec["expose"]):
    stages = []
    for j, path in enumerate(paths):
        stage = os.path.join(spec["stage"], f"{i}-{j}")
        os.makedirs(stage, exist_ok=True)
        if libc.mount(os.fsencode(path), os.fsencode(stage), None, 4096 | 16384, None):
            fail(f"cannot reach {path}")
        stages.append((stage, path))
    libc.mount(b"none", os.fsencode(blocked), b"tmpfs", 2 | 4, b"size=64k,mode=0755")
    for stage, path in stages:
        os.makedirs(path, exist_ok=True)
        libc.mount(os.fsencode(stage), os.fsencode(path), None, 4096 | 16384, None)
    libc.mount(None, os.fsencode(blocked), None, 32 | 1 | 2 | 4, None)
home = f"size=16m,mode=0700{owner}".encode()
if tmpfs(spec["home"], 2 | 4, home):
    fail(f"cannot mount a tmpfs on {spec['home']}")
for path in spec["writable"]:  # a mount of its own, left writable under the read-only tree
    if libc.mount(os.fsencode(path), os.fsencode(path), None, 4096, None):
        fail(f"cannot bind {path}")
    keep = kept(os.statvfs(path).f_flag)
    libc.mount(None, os.fsencode(path), None, 32 | 4096 | NOSYMFOLLOW | keep, None)
# Then every mount but those and /proc is made read-only: the private tree, the project's
# folder, Python's folders (in a user namespace the grading user owns them, and what it
# wrote there would run in later processes) and whatever else its uid could write (as a uid
# of its own where any user may, as the grading user that user's files).
points = {}
with open("/proc/self/mountinfo", "rb") as table:
    for line in table:
        point = os.fsdecode(line.split()[4].decode("unicode_escape").encode("latin-1"))
        points[point] = True  # the last mount on a point is the one seen there
for point in points:
    if point in (spec["tmp"], spec["home"], *spec["writable"]) or point == "/proc":
        continue
    if point.startswith("/proc/"):
        continue
    try:
        flags = os.statvfs(point).f_flag  # files too (a bind-mounted /etc/hosts)
    except OSError:  # gone, or not this process's to reach: nothing to write there either
        continue
    readonly = 32 | 4096 | 1 | kept(flags)  # a remount, bound, read-only
    if not flags & 1 and libc.mount(None, os.fsencode(point), None, readonly, None):
        fail(f"cannot make {point} read-only")
if os.path.isdir("/dev/shm"):  # shared memory of its own (POSIX semaphores, queues)
    tmpfs("/dev/shm", 2 | 4 | 8, b"size=16m,mode=1777")
uid = spec["uid"]
# Processes and threads at most (counted per user namespace since Linux 5.14): in a user
# namespace too, where a fork bomb otherwise used up the machine's pid_max in seconds.
resource.setrlimit(resource.RLIMIT_NPROC, (spec["nproc"], spec["nproc"]))
if uid is not None:
    os.setgroups([])
    os.setgid(spec["gid"])
    os.setuid(uid)
else:  # root of a user namespace: drop every capability, or it could unmount what hides
    if libc.prctl(28, 0x2F, 0, 0, 0):  # PR_SET_SECUREBITS: no powers for uid 0, locked
        fail("cannot set securebits")
    cap = 0
    while libc.prctl(24, cap, 0, 0, 0) == 0:  # PR_CAPBSET_DROP, up to the last capability
        cap += 1
    libc.prctl(47, 4, 0, 0, 0)  # PR_CAP_AMBIENT_CLEAR_ALL
    if libc.capset(struct.pack("II", 0x20080522, 0), bytes(24)):  # _LINUX_CAPABILITY_VERSION_3
        fail("cannot drop capabilities")
libc.prctl(38, 1, 0, 0, 0)
os.chdir(spec["cwd"])
os.execve(spec["argv"][0], spec["argv"], spec["env"])
"""
