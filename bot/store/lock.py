"""One polling, posting process per store.

Two bots on one store would both fetch every feed and both deliver every queued alert, so each alert
would be posted twice. The lock is an advisory `flock` on a file beside the database: the kernel drops it
when the process dies (even on SIGKILL), so a crash never leaves a stale lock behind. The lock file sits
beside the resolved store file (symlinks followed), so every path to one store shares one lock.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bot.errors import StoreError

__all__ = ["writer_lock"]


def _in_memory(path: str) -> bool:
    return path == ":memory:" or path.startswith("file::memory:")


@contextmanager
def writer_lock(db_path: str | Path) -> Iterator[None]:
    """Hold the store's writer lock for the block; StoreError naming the holder if another process has it."""
    if _in_memory(str(db_path)):
        yield
        return
    # Keyed by the file the path leads to, not the path as written: the same store reached through a
    # symlink (or "./x.db" beside "/abs/x.db") is one store and must get one lock.
    lock_path = Path(f"{Path(db_path).resolve()}.lock")
    try:
        lock_path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as exc:
        raise StoreError(f"cannot create the lock file {lock_path}: {exc.strerror or exc}") from exc
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "unknown"
            raise StoreError(
                f"another stcwatch (pid {holder}) is already polling and posting from {db_path}; stop it first "
                "or give this one its own [store] path (two would post every alert twice)"
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock
