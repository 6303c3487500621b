#!/usr/bin/env python3
"""Measures edit-to-reload latency of `report-site serve` on the Markdown workload.

Usage: reload-latency.py N [EDITS]   (default N=4000, EDITS=20)

Starts `./report-site serve` on a copy of the N-page workload (made by gen-workload.py if missing, under
$BENCH_WORK, default /dev/shm/report-site-bench), listens on the live-reload channel like an open page,
then edits one page at a time the way editors save (write a temporary file, rename it over the page) and
times, for each edit:
  - event: from the rename to the reload event naming that page (what an open page waits for);
  - page:  from the rename until the page, fetched after the event, has the edit (event + one GET).
Prints min / median / 90th percentile / max in milliseconds and the server's own build times.
REPORT_SITE_JAR=path/to/report-site.jar runs that jar (another version, e.g. main's) through the launcher, with its JVM
options and without a class-data archive.
Python 3 standard library only; the server binds 127.0.0.1.
"""
import http.client
import json
import os
import queue
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def events(port, out):
    # the server ends each stream after a few seconds; connect again at once, as a page's EventSource does
    while True:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
        try:
            conn.request("GET", "/__report-site/events")
            resp = conn.getresponse()
            while True:
                line = resp.fp.readline()
                if not line:
                    break
                line = line.decode("utf-8").rstrip("\n")
                if line.startswith("data: "):
                    out.put((time.perf_counter(), json.loads(line[6:])))
        except OSError:
            return  # the server has stopped (an edit still waiting would time out and fail the run)
        finally:
            conn.close()


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 4000
    edits = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    work = os.environ.get("BENCH_WORK", "/dev/shm/report-site-bench")
    src = os.path.join(work, "md%d" % n)
    if not os.path.isdir(src):
        subprocess.run([sys.executable, os.path.join(HERE, "gen-workload.py"), "markdown", str(n), src], check=True)
    site = os.path.join(work, "serve-md%d" % n)
    shutil.rmtree(site, ignore_errors=True)
    shutil.copytree(os.path.join(src, "report-site"), site)
    out = os.path.join(work, "serve-md%d-out" % n)
    shutil.rmtree(out, ignore_errors=True)
    port = free_port()
    log = open(os.path.join(work, "serve-md%d.log" % n), "w")
    # another jar runs through the launcher too, with its JVM options (REPORT_SITE_JAR)
    command = [os.path.join(ROOT, "report-site")]
    server = subprocess.Popen(command + ["serve", "--port", str(port), "--content", os.path.join(site, "content"),
                               "--templates", os.path.join(site, "templates"), "--static", os.path.join(site, "static"), "--out", out],
                              stdout=subprocess.PIPE, stderr=log, text=True)
    try:
        started = time.perf_counter()
        for line in server.stdout:
            if line.startswith("Serving"):
                break
        print("# first build and start: %.2f s" % (time.perf_counter() - started), file=sys.stderr)
        threading.Thread(target=lambda: [log.write(l) for l in server.stdout], daemon=True).start()
        q = queue.Queue()
        threading.Thread(target=events, args=(port, q), daemon=True).start()
        last = q.get(timeout=30)[1]["build"]  # the state on connecting
        time.sleep(1.0)
        event_ms, page_ms = [], []
        for k in range(edits):
            i = 1 + (k * 197) % n
            page = os.path.join(site, "content", "narrative", "posts", "page-%05d.md" % i)
            name = "posts/page-%05d.html" % i
            marker = "Edit %d written at %d." % (k, time.time_ns())
            with open(page, encoding="utf-8") as f:
                text = f.read()
            tmp = os.path.join(os.path.dirname(page), ".page.swp")
            with open(tmp, "w", encoding="utf-8") as f:
                f.write(text + "\n" + marker + "\n")
            t0 = time.perf_counter()
            os.replace(tmp, page)
            while True:
                t, ev = q.get(timeout=60)
                # "changed" is null in the state sent on (re)connecting: a newer build then counts as this edit's
                if ev["ok"] and (name in (ev["changed"] or []) or (ev["changed"] is None and ev["build"] > last)):
                    last = ev["build"]
                    break
            event_ms.append((t - t0) * 1000)
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            conn.request("GET", "/" + name)
            body = conn.getresponse().read().decode("utf-8")
            t2 = time.perf_counter()
            if marker not in body:
                raise SystemExit("page %s does not show the edit" % name)
            page_ms.append((t2 - t0) * 1000)
            time.sleep(0.3)
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()

    def summary(xs):
        xs = sorted(xs)
        return "min %.0f  median %.0f  p90 %.0f  max %.0f" % (xs[0], statistics.median(xs), xs[int(0.9 * (len(xs) - 1))], xs[-1])

    builds = []
    with open(os.path.join(work, "serve-md%d.log" % n)) as f:
        for line in f:
            if line.startswith("build ") and "1 page(s) rendered" in line:
                builds.append(float(line.rsplit(",", 1)[1].split()[0]))
    print("N=%d, %d single-page edits, load %s" % (n, edits, open("/proc/loadavg").read().split()[0]))
    print("edit -> reload event (ms): " + summary(event_ms))
    print("edit -> edited page served (ms): " + summary(page_ms))
    if builds:
        print("server build time (ms): " + summary(builds))


if __name__ == "__main__":
    main()
