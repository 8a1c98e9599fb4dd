#!/usr/bin/env python3
"""Latency of `plansim serve` as the page sees it: from a changed driver to a complete /api/forecast response.

Usage: ./plansim serve --port 8080 &   then   python3 benchmarks/serve_latency.py [--url http://127.0.0.1:8080]
       [--paths 10000] [--requests 20] [--users 1,8]

Each simulated user moves trade.exportTrend to a new value per request (a new run every time; the unmodified
scenario's run is cached by the server after the first request, as for a page). Warm-up: 5 requests first.
Prints per user count the median, 95th percentile and maximum latency in ms and the number of errors.
"""
import argparse
import json
import statistics
import threading
import time
import urllib.error
import urllib.request


def forecast(url, paths, value, client):
    body = json.dumps({"scenario": "yiwu/baseline", "overrides": ["trade.exportTrend=%.4f" % value],
                       "paths": paths, "seed": 1, "client": client}).encode()
    req = urllib.request.Request(url + "/api/forecast", data=body, headers={"Content-Type": "application/json"})
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(req, timeout=120) as r:
            r.read()
            ok = r.status == 200
    except urllib.error.HTTPError as e:
        e.read()
        ok = False
    return (time.perf_counter() - start) * 1000, ok


def run(url, paths, users, requests):
    latencies, errors = [], [0]
    lock = threading.Lock()

    def user(u):
        for i in range(requests):
            ms, ok = forecast(url, paths, -0.05 + 0.001 * (u * requests + i), "bench-%d" % u)
            with lock:
                latencies.append(ms)
                errors[0] += 0 if ok else 1

    threads = [threading.Thread(target=user, args=(u,)) for u in range(users)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    latencies.sort()
    p95 = latencies[max(0, int(round(0.95 * len(latencies))) - 1)]
    return statistics.median(latencies), p95, latencies[-1], len(latencies), errors[0]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", default="http://127.0.0.1:8080")
    ap.add_argument("--paths", type=int, default=10000)
    ap.add_argument("--requests", type=int, default=20, help="requests per user")
    ap.add_argument("--users", default="1,8")
    a = ap.parse_args()
    for i in range(5):
        forecast(a.url, a.paths, 0.01 * i, "warm-up")
    print("plansim serve latency, yiwu/baseline, %d paths, a changed driver per request" % a.paths)
    print("%5s %9s %8s %8s %8s %6s" % ("users", "requests", "p50 ms", "p95 ms", "max ms", "errors"))
    for users in [int(u) for u in a.users.split(",")]:
        p50, p95, mx, n, err = run(a.url, a.paths, users, a.requests)
        print("%5d %9d %8.0f %8.0f %8.0f %6d" % (users, n, p50, p95, mx, err))


if __name__ == "__main__":
    main()
