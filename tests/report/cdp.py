"""cdp.py - a small client of the Chrome DevTools Protocol over a pipe
(chromium --remote-debugging-pipe: commands on fd 3, answers on fd 4,
each message JSON ended by a NUL byte). Python's standard library only,
so the browser tests need no more than the chromium package.

    with Browser() as b:
        page = b.open("file:///tmp/x.html")
        page.eval("document.title")
"""
import json
import os
import select
import shutil
import subprocess
import tempfile
import time

FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-default-apps", "--disable-extensions", "--mute-audio",
    "--remote-debugging-pipe",
]


class CdpError(Exception):
    pass


def find_chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        p = shutil.which(name)
        if p:
            return p
    return None


class Browser:
    """A headless Chromium driven over the pipe. Every wait has a limit
    (a hung browser fails the test, it does not hang it)."""

    def __init__(self, size=(1280, 900), limit=60):
        self.exe = find_chromium()
        if not self.exe:
            raise CdpError("chromium is not installed")
        self.size = size
        self.limit = limit
        self.next_id = 0
        self.buf = b""
        self.events = []          # (sessionId, method, params) not yet read
        self.profile = tempfile.mkdtemp(prefix="kg-cdp-")

    def __enter__(self):
        # fd 3: our commands to the browser; fd 4: its answers to us
        cmd_r, self.cmd_w = os.pipe()
        self.ans_r, ans_w = os.pipe()
        args = [self.exe] + FLAGS + ["--user-data-dir=" + self.profile,
                                     "--window-size=%d,%d" % self.size, "about:blank"]
        self.proc = subprocess.Popen(
            ["sh", "-c", 'exec "$@" 3<&%d 4>&%d' % (cmd_r, ans_w), "sh"] + args,
            pass_fds=(cmd_r, ans_w), stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(cmd_r)
        os.close(ans_w)
        return self

    def __exit__(self, *exc):
        try:
            self.call("Browser.close")
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        for fd in (self.cmd_w, self.ans_r):
            try:
                os.close(fd)
            except OSError:
                pass
        shutil.rmtree(self.profile, ignore_errors=True)

    def _read(self, deadline):
        """One message from the browser, or CdpError at the deadline."""
        while b"\0" not in self.buf:
            left = deadline - time.monotonic()
            if left <= 0:
                raise CdpError("no answer from chromium in time")
            r, _, _ = select.select([self.ans_r], [], [], left)
            if not r:
                continue
            chunk = os.read(self.ans_r, 1 << 20)
            if not chunk:
                raise CdpError("chromium closed the pipe (did it crash?)")
            self.buf += chunk
        msg, self.buf = self.buf.split(b"\0", 1)
        return json.loads(msg)

    def call(self, method, params=None, session=None):
        self.next_id += 1
        mid = self.next_id
        msg = {"id": mid, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self.cmd_w, json.dumps(msg).encode() + b"\0")
        deadline = time.monotonic() + self.limit
        while True:
            m = self._read(deadline)
            if m.get("id") == mid:
                if "error" in m:
                    raise CdpError("%s: %s" % (method, m["error"].get("message")))
                return m.get("result", {})
            if "method" in m:
                self.events.append((m.get("sessionId"), m["method"], m.get("params", {})))

    def wait_event(self, method, session=None, limit=None):
        deadline = time.monotonic() + (limit or self.limit)
        for k, (s, m, p) in enumerate(self.events):
            if m == method and (session is None or s == session):
                del self.events[k]
                return p
        while True:
            m = self._read(deadline)
            if "method" not in m:
                continue
            if m["method"] == method and (session is None or m.get("sessionId") == session):
                return m.get("params", {})
            self.events.append((m.get("sessionId"), m["method"], m.get("params", {})))

    def open(self, url, script=True):
        """A new tab on url (loaded); script=False opens it with
        JavaScript disabled."""
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        sid = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        page = Page(self, sid)
        for m in ("Page.enable", "Runtime.enable", "Network.enable", "Log.enable"):
            self.call(m, session=sid)
        self.call("Emulation.setDeviceMetricsOverride",
                  {"width": self.size[0], "height": self.size[1], "deviceScaleFactor": 1,
                   "mobile": False}, session=sid)
        if not script:
            self.call("Emulation.setScriptExecutionDisabled", {"value": True}, session=sid)
        self.call("Page.navigate", {"url": url}, session=sid)
        self.wait_event("Page.loadEventFired", sid)
        return page


class Page:
    def __init__(self, browser, sid):
        self.b = browser
        self.sid = sid

    def call(self, method, params=None):
        return self.b.call(method, params, self.sid)

    def eval(self, expr):
        """The value of a JavaScript expression (JSON-able), evaluated in
        the page; an exception in it is a CdpError."""
        r = self.call("Runtime.evaluate", {"expression": expr, "returnByValue": True,
                                           "awaitPromise": True})
        if "exceptionDetails" in r:
            d = r["exceptionDetails"]
            raise CdpError("in %r: %s" % (expr[:80], d.get("exception", {}).get("description")
                                          or d.get("text")))
        return r["result"].get("value")

    def mouse(self, kind, x, y, **kw):
        p = {"type": kind, "x": x, "y": y}
        p.update(kw)
        self.call("Input.dispatchMouseEvent", p)

    def click(self, x, y):
        self.mouse("mouseMoved", x, y)
        self.mouse("mousePressed", x, y, button="left", buttons=1, clickCount=1)
        self.mouse("mouseReleased", x, y, button="left", buttons=0, clickCount=1)

    def wheel(self, x, y, dy):
        self.mouse("mouseWheel", x, y, deltaX=0, deltaY=dy)

    def type_text(self, text):
        self.call("Input.insertText", {"text": text})

    def screenshot(self, path, full=False):
        import base64
        p = {"format": "png"}
        if full:
            m = self.call("Page.getLayoutMetrics")
            cs = m.get("cssContentSize") or m["contentSize"]
            p["clip"] = {"x": 0, "y": 0, "width": cs["width"], "height": cs["height"],
                         "scale": 1}
            p["captureBeyondViewport"] = True
        data = self.call("Page.captureScreenshot", p)["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))

    def events(self, method):
        """The events of this page with that method received so far."""
        self.b.call("Runtime.evaluate", {"expression": "0"}, self.sid)  # flush
        return [p for s, m, p in self.b.events if s == self.sid and m == method]
