"""The export browser's delayed warm-up: a page's first load does not share the CPU with
kaleido's Chromium starting (a fake session stands in for the browser)."""

from __future__ import annotations

import threading

from dashboard.output import export


class _FakeSession:
    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.running = False
        self.started = threading.Event()

    def start(self) -> None:
        self.running = True
        self.started.set()


def test_delayed_warm_up_starts_later_and_once(monkeypatch):
    fake = _FakeSession()
    monkeypatch.setattr(export, "_SESSION", fake)
    monkeypatch.setattr(export, "_WARM_TIMER", [])
    monkeypatch.setattr(export, "browser_available", lambda: (True, "/usr/bin/chromium"))
    assert export.warm_up(delay=0.3)
    assert not fake.running  # not during the page run that asked for it
    assert export.warm_up(delay=0.3)  # a second chart on the page: no second timer
    assert len(export._WARM_TIMER) == 1
    assert fake.started.wait(5)


def test_warm_up_without_a_browser_does_nothing(monkeypatch):
    fake = _FakeSession()
    monkeypatch.setattr(export, "_SESSION", fake)
    monkeypatch.setattr(export, "_WARM_TIMER", [])
    monkeypatch.setattr(export, "browser_available", lambda: (False, "install chromium"))
    assert not export.warm_up(delay=0.1)
    assert not export._WARM_TIMER and not fake.running


def test_undelayed_warm_up_starts_at_once(monkeypatch):
    fake = _FakeSession()
    monkeypatch.setattr(export, "_SESSION", fake)
    monkeypatch.setattr(export, "browser_available", lambda: (True, "/usr/bin/chromium"))
    assert export.warm_up() and fake.running
