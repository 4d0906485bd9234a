"""The ingest's heap setting (dashboard/ingest/heap.py): large blocks keep their own
mapping after a larger one was freed, so a round's buffers do not pin the heap."""

import ctypes
import sys

import pytest

from dashboard.ingest import heap

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux") or heap._libc() is None, reason="glibc only"
)


class _MallInfo2(ctypes.Structure):
    _fields_ = [
        (name, ctypes.c_size_t)
        for name in "arena ordblks smblks hblks hblkhd usmblks fsmblks uordblks fordblks "
        "keepcost".split()
    ]


def _mapped_blocks(libc) -> int:
    libc.mallinfo2.restype = _MallInfo2
    return libc.mallinfo2().hblks


def test_a_block_over_the_threshold_is_mapped_after_a_larger_one_was_freed():
    libc = heap._libc()
    libc.malloc.restype = ctypes.c_void_p
    libc.free.argtypes = [ctypes.c_void_p]
    assert heap.bound_fragmentation() is True
    big = libc.malloc(8 * 1024 * 1024)
    libc.free(big)  # glibc's default would now raise its threshold to 8 MiB
    before = _mapped_blocks(libc)
    block = libc.malloc(4 * heap.MMAP_THRESHOLD)
    try:
        assert _mapped_blocks(libc) == before + 1  # its own mapping, not the heap
    finally:
        libc.free(block)
    assert _mapped_blocks(libc) == before
