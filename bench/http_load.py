#!/usr/bin/python3
"""Posts one image to URL from C clients at once (each with its own keep-alive
connection) for N requests each, after a warm-up, and prints one line:
requests/s, p50 and p99 latency in ms. Used by bench/serve_vs_flask.sh.

usage: http_load.py URL IMAGE CLIENTS REQUESTS_PER_CLIENT"""

import http.client
import sys
import threading
import time
import urllib.parse


def main():
    url, image, clients, per_client = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    parts = urllib.parse.urlsplit(url)
    body = open(image, "rb").read()
    latencies, errors = [], []
    lock = threading.Lock()
    start = threading.Barrier(clients + 1)

    def client():
        connection = http.client.HTTPConnection(parts.hostname, parts.port)
        headers = {"Content-Type": "application/octet-stream"}
        for _ in range(3):  # warm-up
            connection.request("POST", parts.path, body, headers)
            connection.getresponse().read()
        start.wait()
        mine = []
        for _ in range(per_client):
            t0 = time.perf_counter()
            connection.request("POST", parts.path, body, headers)
            response = connection.getresponse()
            response.read()
            mine.append(time.perf_counter() - t0)
            if response.status != 200:
                errors.append(response.status)
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for t in threads:
        t.start()
    start.wait()
    t0 = time.perf_counter()
    for t in threads:
        t.join()
    seconds = time.perf_counter() - t0
    latencies.sort()
    p50 = latencies[len(latencies) // 2] * 1000
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000
    print(f"{len(latencies) / seconds:.1f} {p50:.2f} {p99:.2f} {len(errors)}")


if __name__ == "__main__":
    main()
