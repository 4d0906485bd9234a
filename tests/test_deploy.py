"""The shared-server recipe of docs/deploy.md, tried for real on loopback.

PostgreSQL, two `streamlit run` instances sharing its database, and nginx built from
deploy/nginx.conf (TLS with a throwaway self-signed certificate, WebSocket upgrade, sticky
sessions). An editor uploads an article in headless Chromium through the proxy to one
instance; a viewer routed to the other instance sees it, also after that instance restarts.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import shutil
import ssl
import subprocess
import sys
import time
from contextlib import ExitStack
from pathlib import Path

import pytest
from conftest import free_port
from e2e_support import CHROMIUM, browser, streamlit_server, wait_http

from dashboard.web import auth

NGINX = "/usr/sbin/nginx"
ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
APP = "dashboard/serve.py"  # the command of README and deploy/coverage-dashboard@.service

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="needs Debian's chromium"),
    pytest.mark.skipif(not os.path.exists(NGINX), reason="needs nginx"),
    pytest.mark.skipif(shutil.which("openssl") is None, reason="needs openssl"),
]

EDITOR = ("erin", "editor password 1")
VIEWER = ("victor", "viewer password 2")
COOKIE_SECRET = "test-cookie-secret-shared-by-both-instances"
# An invented article (not a seed), uploaded as JSON so it carries its outlet and date.
ARTICLE = {
    "title": "Night ferry service resumes after storm repairs",
    "text": (
        "The regional ferry operator said on Tuesday that the night crossing would run "
        "again from Friday after three weeks of repairs to the pier.\n\n"
        '"Passengers can book from today," a spokeswoman for the operator said.'
    ),
    "outlet": "Harbour Test Gazette",
    "published_at": "2024-07-02",
    "language": "en",
}
WAIT_MS = 120_000  # first page loads import the whole analysis stack


# --------------------------------------------------------------------------- nginx config


def render_site(
    template: str,
    *,
    http_port: int,
    https_port: int,
    upstreams: list[int],
    cert: Path,
    key: Path,
    webroot: Path,
) -> str:
    """deploy/nginx.conf with test ports and paths; the proxy rules themselves unchanged.

    Every substitution must hit, so a changed template fails here rather than silently
    testing something else.
    """

    def sub(pattern: str, repl, text: str, count: int) -> str:
        out, n = re.subn(pattern, repl, text)
        assert n == count, f"deploy/nginx.conf: expected {count} match(es) of {pattern!r}, got {n}"
        return out

    s = sub(r"\n\s*listen \[::\]:\d+[^;]*;", "", template, 2)  # no IPv6 in CI containers
    s = sub(r"listen 80;", f"listen 127.0.0.1:{http_port};", s, 1)
    s = sub(r"listen 443 ssl", f"listen 127.0.0.1:{https_port} ssl", s, 1)
    ports = iter(upstreams)
    s = sub(r"server 127\.0\.0\.1:\d+", lambda m: f"server 127.0.0.1:{next(ports)}", s, 2)
    s = sub(r"ssl_certificate\s+\S+;", f"ssl_certificate {cert};", s, 1)
    s = sub(r"ssl_certificate_key\s+\S+;", f"ssl_certificate_key {key};", s, 1)
    s = sub(r"root /var/www/html;", f"root {webroot};", s, 1)
    # Test only: say which instance answered, to find cookie values for each instance.
    s = sub(
        r"(add_header Set-Cookie \$cd_route_cookie always;)",
        r"\1\n    add_header X-Test-Upstream $upstream_addr always;",
        s,
        1,
    )
    return s


def main_conf(tmp: Path, site: Path) -> str:
    user = "user root;\n" if os.geteuid() == 0 else ""  # workers must read the tmp dir
    temp = "\n".join(
        f"    {kind}_temp_path {tmp / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return f"""{user}worker_processes 1;
pid {tmp / "nginx.pid"};
error_log {tmp / "error.log"} notice;
events {{ worker_connections 512; }}
http {{
    access_log {tmp / "access.log"};
{temp}
    include {site};
}}
"""


def self_signed_cert(tmp: Path) -> tuple[Path, Path]:
    cert, key = tmp / "cert.pem", tmp / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-subj", "/CN=127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    return cert, key


# --------------------------------------------------------------------------- processes


class Instance:
    """One app instance that can be stopped and started again on the same port."""

    def __init__(self, port: int, env: dict[str, str]):
        self.port, self.env = port, env
        self._cm = None

    def start(self) -> None:
        self._cm = streamlit_server(self.port, self.env, app=APP)
        self._cm.__enter__()

    def stop(self) -> None:
        if self._cm is not None:
            cm, self._cm = self._cm, None
            cm.__exit__(None, None, None)


class Nginx:
    def __init__(self, tmp: Path, conf: Path):
        self.tmp, self.conf = tmp, conf
        check = subprocess.run(
            [NGINX, "-t", "-p", str(tmp), "-c", str(conf)], capture_output=True, text=True
        )
        assert check.returncode == 0, f"nginx -t failed:\n{check.stderr}"
        self.log = open(tmp / "nginx.out", "w")  # noqa: SIM115 - closed in stop()
        self.proc = subprocess.Popen(
            [NGINX, "-p", str(tmp), "-c", str(conf), "-g", "daemon off;"],
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=10)
        self.log.close()


def https_get(port: int, path: str, cookie: str | None = None) -> http.client.HTTPResponse:
    ctx = ssl.create_default_context()
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE  # the throwaway self-signed certificate
    con = http.client.HTTPSConnection("127.0.0.1", port, context=ctx, timeout=10)
    con.request("GET", path, headers={"Cookie": f"cd_route={cookie}"} if cookie else {})
    resp = con.getresponse()
    resp.read()
    con.close()
    return resp


def wait_proxy(port: int, timeout: float = 30) -> None:
    deadline = time.time() + timeout
    while True:
        try:
            if https_get(port, "/_stcore/health").status == 200:
                return
        except OSError:
            pass
        if time.time() > deadline:
            raise TimeoutError("nginx did not answer on its TLS port")
        time.sleep(0.2)


# --------------------------------------------------------------------------- the deployment


@pytest.fixture(scope="module")
def deployment(pg_server, tmp_path_factory):
    started = time.perf_counter()
    tmp = tmp_path_factory.mktemp("deploy")
    if os.geteuid() == 0:
        os.chmod(tmp, 0o755)
    db_url = pg_server.new_database()

    # Seeds go in with the CLI, as docs/deploy.md says (auto-ingest is off on servers).
    subprocess.run(
        [sys.executable, "-m", "dashboard", "ingest", str(ROOT / "seeds"),
         "--database", db_url, "--workers", "1"],
        cwd=ROOT, check=True, capture_output=True, timeout=300,
    )  # fmt: skip

    secrets = tmp / "secrets.toml"
    secrets.write_text(
        f'[database]\nurl = "{db_url}"\n\n'
        f'[auth.users.{EDITOR[0]}]\npassword_hash = "{auth.hash_password(EDITOR[1], rounds=4)}"\n'
        'role = "editor"\n\n'
        f'[auth.users.{VIEWER[0]}]\npassword_hash = "{auth.hash_password(VIEWER[1], rounds=4)}"\n'
        'role = "viewer"\n'
    )
    base_env = {
        "DASHBOARD_DATA_DIR": str(tmp),
        "DASHBOARD_AUTO_INGEST_SEEDS": "0",
        "STREAMLIT_SECRETS_FILES": str(secrets),
        "STREAMLIT_SERVER_COOKIE_SECRET": COOKIE_SECRET,
    }
    port_a, port_b = free_port(), free_port()
    # A gets the database from the environment, B from secrets.toml: both routes tested.
    a = Instance(port_a, {**base_env, "DASHBOARD_DATABASE_URL": db_url})
    b = Instance(port_b, {**base_env, "DASHBOARD_DATABASE_URL": ""})

    cert, key = self_signed_cert(tmp)
    http_port, https_port = free_port(), free_port()
    site = tmp / "site.conf"
    site.write_text(
        render_site(
            (DEPLOY / "nginx.conf").read_text(),
            http_port=http_port,
            https_port=https_port,
            upstreams=[port_a, port_b],
            cert=cert,
            key=key,
            webroot=tmp,
        )
    )
    conf = tmp / "nginx.conf"
    conf.write_text(main_conf(tmp, site))

    with ExitStack() as stack:
        a.start()
        stack.callback(a.stop)
        b.start()
        stack.callback(b.stop)
        proxy = Nginx(tmp, conf)
        stack.callback(proxy.stop)
        wait_proxy(https_port)
        yield {
            "db_url": db_url,
            "a": a,
            "b": b,
            "http_port": http_port,
            "https_port": https_port,
            "tmp": tmp,
            "started": started,
        }
    elapsed = time.perf_counter() - started
    (tmp / "timing.txt").write_text(f"{elapsed:.1f}\n")
    print(f"\n[test_deploy] whole deployment test: {elapsed:.1f} s")


def upstream_port(resp: http.client.HTTPResponse) -> int:
    addr = resp.getheader("X-Test-Upstream") or ""
    return int(addr.rsplit(":", 1)[1])


def route_keys(deployment) -> dict[int, str]:
    """A sticky-cookie value for each instance (which value lands where is nginx's hash)."""
    found: dict[int, str] = {}
    for i in range(200):
        key = f"route-{i}"
        found.setdefault(upstream_port(https_get(deployment["https_port"], "/", key)), key)
        if len(found) == 2:
            return found
    raise AssertionError(f"200 cookie values all went to {list(found)}")


def test_proxy_redirects_to_https_and_keeps_sessions_sticky(deployment):
    port_a, port_b = deployment["a"].port, deployment["b"].port
    con = http.client.HTTPConnection("127.0.0.1", deployment["http_port"], timeout=10)
    con.request("GET", "/reader?article=x", headers={"Host": "dashboard.example.org"})
    resp = con.getresponse()
    assert resp.status == 301
    assert resp.getheader("Location") == "https://dashboard.example.org/reader?article=x"
    con.close()

    # First visit: nginx sets the cookie, and the request it answered went to the
    # instance that the cookie's value keeps pointing to.
    first = https_get(deployment["https_port"], "/")
    assert first.status == 200
    cookie = re.match(r"cd_route=([^;]+);", first.getheader("Set-Cookie") or "")
    assert cookie, first.getheaders()
    assert "HttpOnly" in first.getheader("Set-Cookie")
    for _ in range(5):
        again = https_get(deployment["https_port"], "/", cookie.group(1))
        assert upstream_port(again) == upstream_port(first)
        assert not any(h == "Set-Cookie" and "cd_route" in v for h, v in again.getheaders())

    keys = route_keys(deployment)
    assert set(keys) == {port_a, port_b}
    for port, key in keys.items():
        assert {upstream_port(https_get(deployment["https_port"], "/", key)) for _ in range(5)} == {
            port
        }


def test_proxy_forbids_framing_by_other_sites(deployment):
    # Issue 16, item 5: no other site may show the dashboard in a frame (clickjacking).
    for path in ("/", "/_stcore/health", "/static/nonexistent.js"):
        resp = https_get(deployment["https_port"], path)
        assert resp.getheader("Content-Security-Policy") == "frame-ancestors 'none'", path
        assert resp.getheader("X-Frame-Options") == "DENY", path


def _context(b, deployment, key: str | None):
    ctx = b.new_context(ignore_https_errors=True, viewport={"width": 1400, "height": 1000})
    if key:
        ctx.add_cookies(
            [
                {
                    "name": "cd_route",
                    "value": key,
                    "url": f"https://127.0.0.1:{deployment['https_port']}",
                }
            ]
        )
    return ctx


def _sign_in(page, user: tuple[str, str]) -> None:
    page.get_by_label("User name").wait_for(timeout=WAIT_MS)
    page.get_by_label("User name").fill(user[0])
    page.get_by_label("Password", exact=True).fill(user[1])
    page.get_by_role("button", name="Sign in").click()


def _no_exception(page) -> None:
    assert page.locator('[data-testid="stException"]').count() == 0, page.inner_text("body")


def _nav_labels(page) -> list[str]:
    return [t.strip() for t in page.locator('[data-testid="stSidebarNav"] a').all_inner_texts()]


def test_upload_through_one_instance_is_seen_by_the_other_and_survives_restart(deployment):
    import psycopg

    keys = route_keys(deployment)
    a, b = deployment["a"], deployment["b"]
    proxy = f"https://127.0.0.1:{deployment['https_port']}"
    seed_outlet = "Akhbar El Yom"  # an outlet of the seed articles ingested by the fixture
    with browser() as br:
        # Viewer, routed to instance B, opens the overview first: B computes and caches
        # the page data for the two seed articles.
        ctx_b = _context(br, deployment, keys[b.port])
        viewer = ctx_b.new_page()
        viewer.goto(f"{proxy}/", wait_until="domcontentloaded")
        _sign_in(viewer, VIEWER)
        viewer.get_by_text(seed_outlet).first.wait_for(timeout=WAIT_MS)
        assert viewer.get_by_text(ARTICLE["title"]).count() == 0
        assert "Add articles" not in " ".join(_nav_labels(viewer))
        _no_exception(viewer)

        # Editor, routed to instance A: a link to the upload page leads there after signing in.
        ctx_a = _context(br, deployment, keys[a.port])
        page = ctx_a.new_page()
        page.goto(f"{proxy}/upload", wait_until="domcontentloaded")
        _sign_in(page, EDITOR)
        uploader = page.locator('[data-testid="stFileUploaderDropzoneInput"]')
        uploader.wait_for(state="attached", timeout=WAIT_MS)
        assert "Add articles" in " ".join(_nav_labels(page))
        uploader.set_input_files(
            files=[
                {
                    "name": "ferry.json",
                    "mimeType": "application/json",
                    "buffer": json.dumps(ARTICLE).encode(),
                }
            ]
        )
        page.get_by_text("Preview: 1 article(s)").wait_for(timeout=WAIT_MS)
        page.get_by_role("button", name="Save", exact=True).click()
        page.get_by_text("1 added, 0 skipped as duplicates, 0 rejected").wait_for(timeout=WAIT_MS)
        _no_exception(page)
        ctx_a.close()

        with psycopg.connect(deployment["db_url"]) as con:
            titles = [r[0] for r in con.execute("SELECT title FROM articles")]
        assert ARTICLE["title"] in titles and len(titles) == 3  # two seeds + the upload

        # The viewer refreshes the page on B: B's cached page data must not hide the new
        # article (the cache key includes the data version kept in the database). A
        # refresh starts a new Streamlit session; the signed session cookie keeps the
        # viewer signed in, without the form.
        assert upstream_port(https_get(deployment["https_port"], "/", keys[b.port])) == b.port
        viewer.reload(wait_until="domcontentloaded")
        viewer.get_by_text(ARTICLE["title"]).first.wait_for(timeout=WAIT_MS)
        viewer.get_by_text(ARTICLE["outlet"]).first.wait_for(timeout=WAIT_MS)
        assert viewer.get_by_label("User name").count() == 0
        assert (
            f"Signed in as {VIEWER[0]}" in viewer.locator('[data-testid="stSidebar"]').inner_text()
        )
        _no_exception(viewer)

        # The cookie issued by B is accepted by A (one secrets file, one signing key).
        ctx_b.add_cookies([{"name": "cd_route", "value": keys[a.port], "url": proxy}])
        viewer.reload(wait_until="domcontentloaded")
        viewer.get_by_text(ARTICLE["title"]).first.wait_for(timeout=WAIT_MS)
        assert viewer.get_by_label("User name").count() == 0

        # Signing out ends it: the next reload shows the form again.
        viewer.get_by_role("button", name="Sign out").click()
        viewer.get_by_label("User name").wait_for(timeout=WAIT_MS)
        viewer.wait_for_timeout(500)  # the page's script deletes the cookie
        viewer.reload(wait_until="domcontentloaded")
        viewer.get_by_label("User name").wait_for(timeout=WAIT_MS)
        assert viewer.get_by_text(ARTICLE["title"]).count() == 0
        ctx_b.close()

        def viewer_sees_article(url: str) -> None:
            ctx = _context(br, deployment, keys[b.port])
            page = ctx.new_page()
            page.goto(url, wait_until="domcontentloaded")
            _sign_in(page, VIEWER)
            page.get_by_text(ARTICLE["title"]).first.wait_for(timeout=WAIT_MS)
            page.get_by_text(ARTICLE["outlet"]).first.wait_for(timeout=WAIT_MS)
            assert "Add articles" not in page.locator("h1").all_inner_texts()
            _no_exception(page)
            ctx.close()

        # Restart B: the article is still there (it lives in PostgreSQL, not the process).
        b.stop()
        b.start()
        wait_http(f"http://127.0.0.1:{b.port}/_stcore/health")
        assert upstream_port(https_get(deployment["https_port"], "/", keys[b.port])) == b.port
        viewer_sees_article(f"{proxy}/")
        # And directly on B's port, without the proxy.
        viewer_sees_article(f"http://127.0.0.1:{b.port}/")


def test_backup_script_writes_a_restorable_dump(deployment, tmp_path):
    from urllib.parse import urlparse

    u = urlparse(deployment["db_url"])
    env = {
        **os.environ,
        "DB": u.path.lstrip("/"),
        "DEST": str(tmp_path / "backups"),
        "PGHOST": u.hostname,
        "PGPORT": str(u.port),
        "PGUSER": u.username,
    }
    out = subprocess.run(
        ["sh", str(DEPLOY / "backup.sh")], env=env, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    (dump,) = (tmp_path / "backups").glob("*.dump")
    listing = subprocess.run(
        ["pg_restore", "--list", str(dump)], capture_output=True, text=True, check=True
    ).stdout
    assert "TABLE public articles" in listing and "TABLE DATA public articles" in listing
    assert not list((tmp_path / "backups").glob("*.partial"))


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="needs systemd-analyze")
def test_systemd_unit_is_valid(tmp_path):
    # Point the unit at this Python so `verify` can check the command exists.
    unit = (DEPLOY / "coverage-dashboard@.service").read_text()
    assert "%i" in unit and "--server.port %i" in unit
    assert "--secrets.files /etc/coverage-dashboard/secrets.toml" in unit
    unit = unit.replace("/opt/coverage-dashboard/venv/bin/python", sys.executable)
    path = tmp_path / "coverage-dashboard@8501.service"
    path.write_text(unit)
    out = subprocess.run(
        ["systemd-analyze", "verify", "--man=no", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    problems = [
        line
        for line in (out.stdout + out.stderr).splitlines()
        # The service user and folders exist only on the real server.
        if line.strip() and "/etc/coverage-dashboard/env" not in line
    ]
    assert problems == [], problems
