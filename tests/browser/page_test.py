#!/usr/bin/env python3
"""page_test.py -- storyline's page in headless Chromium, driven over the
Chrome DevTools Protocol with nothing but the standard library.

    tests/browser/page_test.py BASE_URL SCREENSHOT_DIR

Loads BASE_URL (a server that holds the examples), checks that the top
stories are shown (headline, languages, sources, dates), opens the first
story by clicking its headline and checks its timeline and articles, runs
a search, and checks that the page asked for nothing but BASE_URL and
logged no error.  Saves top.png, story.png (desktop) and phone.png (a
390 px wide screen) in SCREENSHOT_DIR.  Prints "ok NAME" / "FAIL NAME:
why" lines; "skip" when Debian's chromium is not installed.

Chromium runs as the machine's setup allows: --headless --no-sandbox
--disable-gpu, no background networking, no first-run or component
updates, no sync, and a fresh --user-data-dir.
"""
import base64
import json
import os
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import time

CHROMIUM = os.environ.get("SL_CHROMIUM", "/usr/bin/chromium")


class WebSocket:
    """A minimal RFC 6455 client: text frames out (masked), frames in."""

    def __init__(self, url):
        assert url.startswith("ws://")
        hostport, _, path = url[5:].partition("/")
        host, _, port = hostport.partition(":")
        self.sock = socket.create_connection((host, int(port)), timeout=30)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall(("GET /%s HTTP/1.1\r\nHost: %s\r\nUpgrade: websocket\r\n"
                           "Connection: Upgrade\r\nSec-WebSocket-Key: %s\r\n"
                           "Sec-WebSocket-Version: 13\r\n\r\n" % (path, hostport, key)).encode())
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = self.sock.recv(4096)
            if not chunk:
                raise IOError("websocket handshake: connection closed")
            head += chunk
        if b" 101 " not in head.split(b"\r\n", 1)[0]:
            raise IOError("websocket handshake refused: %r" % head[:80])
        self.buf = head.split(b"\r\n\r\n", 1)[1]

    def send(self, text):
        data = text.encode()
        n = len(data)
        head = bytes([0x81])
        if n < 126:
            head += bytes([0x80 | n])
        elif n < 65536:
            head += bytes([0x80 | 126]) + struct.pack(">H", n)
        else:
            head += bytes([0x80 | 127]) + struct.pack(">Q", n)
        mask = os.urandom(4)
        self.sock.sendall(head + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(data)))

    def _read(self, n):
        while len(self.buf) < n:
            chunk = self.sock.recv(1 << 16)
            if not chunk:
                raise IOError("websocket closed")
            self.buf += chunk
        out, self.buf = self.buf[:n], self.buf[n:]
        return out

    def recv(self):
        message = b""
        while True:
            b0, b1 = self._read(2)
            n = b1 & 0x7F
            if n == 126:
                n = struct.unpack(">H", self._read(2))[0]
            elif n == 127:
                n = struct.unpack(">Q", self._read(8))[0]
            payload = self._read(n)
            op = b0 & 0x0F
            if op == 8:
                raise IOError("websocket closed by the browser")
            if op == 9:  # ping
                continue
            message += payload
            if b0 & 0x80:
                return message.decode()


class Page:
    """One tab: calls DevTools methods and keeps the events they cause."""

    def __init__(self, ws_url):
        self.ws = WebSocket(ws_url)
        self.next_id = 0
        self.events = []

    def call(self, method, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == self.next_id:
                if "error" in msg:
                    raise RuntimeError("%s: %s" % (method, msg["error"]))
                return msg.get("result", {})
            self.events.append(msg)

    def js(self, expr):
        r = self.call("Runtime.evaluate", expression=expr, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in r:
            raise RuntimeError("JS: %s" % r["exceptionDetails"].get("text"))
        return r["result"].get("value")

    def wait_for(self, expr, seconds=15):
        end = time.time() + seconds
        while time.time() < end:
            if self.js(expr):
                return True
            time.sleep(0.1)
        return False

    def screenshot(self, path):
        data = self.call("Page.captureScreenshot", format="png", captureBeyondViewport=True)["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))


def launch(profile):
    """Starts Chromium; returns (process, DevTools port)."""
    proc = subprocess.Popen(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
         "--disable-background-networking", "--no-first-run", "--disable-component-update",
         "--disable-sync", "--disable-extensions", "--disable-default-apps",
         "--user-data-dir=" + profile, "--remote-debugging-address=127.0.0.1",
         "--remote-debugging-port=0", "--window-size=1200,900", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    port_file = os.path.join(profile, "DevToolsActivePort")
    end = time.time() + 30
    while time.time() < end:
        if os.path.exists(port_file):
            lines = open(port_file).read().split()
            if lines:
                return proc, int(lines[0])
        time.sleep(0.1)
    proc.kill()
    raise RuntimeError("chromium did not start (no DevToolsActivePort)")


def http_get(port, path):
    """GET path from the DevTools server (which keeps connections open, so
    the body ends at its Content-Length)."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(("GET %s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n\r\n" % (path, port)).encode())
        data = b""
        while b"\r\n\r\n" not in data:
            data += s.recv(65536)
        head, body = data.split(b"\r\n\r\n", 1)
        n = 0
        for line in head.split(b"\r\n"):
            if line.lower().startswith(b"content-length:"):
                n = int(line.split(b":")[1])
        while len(body) < n:
            body += s.recv(65536)
        return body


def page_target(port):
    for _ in range(50):
        pages = [t for t in json.loads(http_get(port, "/json/list")) if t.get("type") == "page"]
        if pages:
            return pages[0]["webSocketDebuggerUrl"]
        time.sleep(0.1)
    raise RuntimeError("no page target")


def check(name, cond, why=""):
    print(("ok %s" % name) if cond else ("FAIL %s: %s" % (name, why)))
    sys.stdout.flush()
    return cond


def run(base, shots):
    profile = tempfile.mkdtemp(prefix="sl-chromium-")
    proc, port = launch(profile)
    try:
        p = Page(page_target(port))
        p.call("Page.enable")
        p.call("Runtime.enable")
        p.call("Network.enable")
        p.call("Log.enable")
        p.call("Page.navigate", url=base + "/")
        check("page-top-stories", p.wait_for("document.querySelectorAll('#stories .story').length > 0"),
              "no story shown: %s" % p.js("document.body.innerText.slice(0, 300)"))
        top = p.js("""(() => { const s = document.querySelector('#stories .story');
            return s && {headline: s.querySelector('h2').innerText,
                         langs: [...s.querySelectorAll('.lang')].map(x => x.innerText),
                         sources: s.querySelector('.sources').innerText,
                         dates: s.querySelector('.dates').innerText}; })()""") or {}
        check("page-story-headline", len(top.get("headline", "")) > 10, repr(top))
        check("page-story-languages", len(top.get("langs", [])) >= 2, repr(top))
        check("page-story-dates", any(ch.isdigit() for ch in top.get("dates", "")), repr(top))
        p.screenshot(os.path.join(shots, "top.png"))
        p.js("document.querySelector('#stories .story h2 a').click()")
        check("page-story-timeline", p.wait_for("document.querySelectorAll('#story .timeline li').length > 0"),
              p.js("document.body.innerText.slice(0, 300)"))
        arts = p.js("[...document.querySelectorAll('#story .articles li')].map(li => li.innerText)") or []
        check("page-story-articles", len(arts) >= 2, repr(arts))
        check("page-story-article-langs", p.js("document.querySelectorAll('#story .articles .lang').length") == len(arts))
        check("page-story-hash", p.js("location.hash").startswith("#/story/"), p.js("location.hash"))
        p.screenshot(os.path.join(shots, "story.png"))
        p.js("document.querySelector('#q').value = 'Antwerp'; document.querySelector('#search button').click()")
        check("page-search", p.wait_for("document.querySelectorAll('#results .hit').length > 0"),
              p.js("document.body.innerText.slice(0, 300)"))
        check("page-search-marks", p.js("document.querySelectorAll('#results mark').length") > 0)
        p.call("Emulation.setDeviceMetricsOverride", width=390, height=844, deviceScaleFactor=2, mobile=True)
        p.call("Page.navigate", url=base + "/#/")
        p.wait_for("document.querySelectorAll('#stories .story').length > 0")
        wide = p.js("document.documentElement.scrollWidth")
        check("page-phone-fits", wide is not None and wide <= 390, "page is %s px wide on a 390 px screen" % wide)
        p.screenshot(os.path.join(shots, "phone.png"))
        p.call("Network.disable")
        urls = [e["params"]["request"]["url"] for e in p.events if e.get("method") == "Network.requestWillBeSent"]
        outside = [u for u in urls if not u.startswith(base) and not u.startswith("data:")]
        check("page-no-external-requests", not outside and urls, repr(outside[:5]))
        errors = [e["params"] for e in p.events
                  if e.get("method") == "Runtime.exceptionThrown"
                  or (e.get("method") == "Log.entryAdded" and e["params"]["entry"]["level"] == "error")]
        check("page-no-errors", not errors, repr(errors[:2]))
    finally:
        proc.kill()
        proc.wait()
        shutil.rmtree(profile, ignore_errors=True)


def main():
    if not os.path.exists(CHROMIUM):
        print("skip browser: %s not installed (Debian package chromium)" % CHROMIUM)
        return
    base, shots = sys.argv[1].rstrip("/"), sys.argv[2]
    os.makedirs(shots, exist_ok=True)
    try:
        run(base, shots)
    except Exception as e:  # the browser itself failed: say so as a test failure
        import traceback
        where = traceback.extract_tb(e.__traceback__)[-1]
        print("FAIL page-browser: %s (line %d)" % (e, where.lineno))


if __name__ == "__main__":
    main()
