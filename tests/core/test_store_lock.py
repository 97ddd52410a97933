"""One writer per store: a second bot process on the same store is refused with a clear message."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.errors import StoreError
from bot.store.lock import writer_lock

HOLD = """
import sys, time
from bot.store.lock import writer_lock
with writer_lock(sys.argv[1]):
    print("held", flush=True)
    time.sleep(60)
"""


def test_second_process_is_refused_and_the_lock_dies_with_its_holder(tmp_path: Path) -> None:
    db = tmp_path / "sub" / "s.db"
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(db)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        refused = rf"another stcwatch \(pid {holder.pid}\) is already polling"
        with pytest.raises(StoreError, match=refused), writer_lock(db):
            pass
    finally:
        holder.kill()  # like a crash: no cleanup runs
        holder.communicate(timeout=10)
    with writer_lock(db):  # the kernel released it with the process
        assert (tmp_path / "sub" / "s.db.lock").read_text() == f"{os.getpid()}\n"
    with writer_lock(db):  # and it is released on exit
        pass


def test_in_memory_store_needs_no_lock(tmp_path: Path) -> None:
    with writer_lock(":memory:"), writer_lock(":memory:"):
        pass
