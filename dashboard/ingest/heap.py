"""The ingest process's heap: keep what a round frees from pinning resident memory.

glibc only (Linux); elsewhere both calls do nothing. Measured on the 10k bench corpus
(store_bench, rounds of 1,000, docs/performance.md "Heap fragmentation"): with glibc's
defaults the ingest's resident memory rose ~18 MB a round while the bytes in use stayed
flat — the freed bytes of each round's frames, query results and parsed articles left in
the heap between longer-lived blocks, where `malloc_trim` cannot return them.
"""

from __future__ import annotations

import ctypes
from functools import lru_cache

# mallopt's parameter number for the mmap threshold (malloc.h: M_MMAP_THRESHOLD).
_M_MMAP_THRESHOLD = -3
# Blocks of this size and larger get their own mapping, returned to the system when freed.
# glibc's default starts at 128 KiB but raises itself after each large free, up to 32 MiB,
# so a round's large buffers end up inside the heap; fixing it stops that.
MMAP_THRESHOLD = 128 * 1024


@lru_cache(maxsize=1)
def _libc() -> ctypes.CDLL | None:
    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.mallopt  # noqa: B018 - glibc has it; musl's libc.so.6 does not exist
        libc.malloc_trim  # noqa: B018
    except (OSError, AttributeError):  # not glibc (macOS, musl): nothing to call
        return None
    return libc


@lru_cache(maxsize=1)
def bound_fragmentation() -> bool:
    """Fix glibc's mmap threshold for this process (once). True when it was set."""
    libc = _libc()
    return bool(libc is not None and libc.mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD) == 1)


def release_memory() -> None:
    """Hand the heap a round freed back to the system. glibc keeps freed memory (a round's
    frames, query results and parsed articles, allocated by several DuckDB threads) for
    reuse, so without this the ingest's resident memory ratchets up round after round
    (10k bench: 965 -> 729 MB peak, docs/performance.md). A few ms per round."""
    libc = _libc()
    if libc is not None:
        libc.malloc_trim(0)
