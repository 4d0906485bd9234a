"""The ingest's heap setting (dashboard/ingest/heap.py): large blocks keep their own
mapping after a larger one was freed, so a round's buffers do not pin the heap."""

import os
import subprocess
import sys
import textwrap

import pytest

from dashboard.ingest import heap

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux") or heap._libc() is None, reason="glibc only"
)

# Run in a fresh process: a heap that earlier tests fragmented may serve the block from a
# free chunk of its own, which says nothing about the threshold.
_PROBE = textwrap.dedent(
    """
    import ctypes, sys
    from dashboard.ingest import heap

    class MallInfo2(ctypes.Structure):
        _fields_ = [(n, ctypes.c_size_t) for n in
                    "arena ordblks smblks hblks hblkhd usmblks fsmblks uordblks fordblks "
                    "keepcost".split()]

    libc = ctypes.CDLL("libc.so.6")
    libc.malloc.restype = ctypes.c_void_p
    libc.free.argtypes = [ctypes.c_void_p]
    libc.mallinfo2.restype = MallInfo2
    if sys.argv[1] == "bound":
        assert heap.bound_fragmentation() is True
    libc.free(libc.malloc(8 * 1024 * 1024))  # glibc's default now raises its threshold
    before = libc.mallinfo2().hblks
    block = libc.malloc(4 * heap.MMAP_THRESHOLD)
    print(libc.mallinfo2().hblks - before)
    """
)


def _mapped(mode: str) -> int:
    # Without the malloc settings of the environment: Dask's LocalCluster (other tests in the
    # same worker) leaves MALLOC_TRIM_THRESHOLD_ in os.environ, and any such setting turns
    # glibc's moving threshold off in the children, so the block was mapped in both modes.
    env = {
        k: v for k, v in os.environ.items() if not k.startswith("MALLOC_") and k != "GLIBC_TUNABLES"
    }
    out = subprocess.run(
        [sys.executable, "-c", _PROBE, mode], capture_output=True, text=True, check=True, env=env
    )
    return int(out.stdout.strip())


def test_a_block_over_the_threshold_is_mapped_after_a_larger_one_was_freed():
    assert _mapped("bound") == 1  # its own mapping, returned to the system when freed
    # glibc's moving threshold puts it in the heap.
    assert _mapped("default") == 0
