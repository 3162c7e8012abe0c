#!/usr/bin/env python3
"""bench/pool-join's timing loop (run inside the benchmark's namespace; standard library only).

usage: pool_join.py URL_A URL_C REPS
A is in a pool with B already. Each rep: A makes an invite, C joins with it (POST /api/v1/pool/join), and the
time runs until C's GET /api/v1/pool lists every member up (polled every 5 ms), and, separately, until A does too.
Then C leaves (POST /api/v1/pool/leave) and A is waited on to see C no longer up, untimed, before the next rep.
Prints one line per rep and, last, "median_join_ms C A FIRST_C" for the script to read (the first join is C's
first pool connection since it started, with TLS and JGroups still cold; it counts in the median).
"""
import json
import statistics
import sys
import time
import urllib.request

POLL_S = 0.005
PATIENCE_S = 30


def call(url, method="GET", body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as r:
        return json.loads(r.read())


def up(url):
    members = call(url + "/api/v1/pool").get("members", [])
    return sum(1 for m in members if m["state"] == "up"), len(members)


def await_up(url, count, start):
    """Seconds from start until url sees count members, all up."""
    while time.monotonic() - start < PATIENCE_S:
        if up(url) == (count, count):
            return time.monotonic() - start
        time.sleep(POLL_S)
    raise SystemExit(f"{url} did not see {count} members up within {PATIENCE_S}s: {call(url + '/api/v1/pool')}")


def main():
    a, c, reps = sys.argv[1], sys.argv[2], int(sys.argv[3])
    members = up(a)[1] + 1
    to_c, to_a = [], []
    for rep in range(1, reps + 1):
        code = call(a + "/api/v1/pool/invites", "POST", {})["code"]
        start = time.monotonic()
        call(c + "/api/v1/pool/join", "POST", {"code": code})
        answered = time.monotonic() - start
        seen_c = await_up(c, members, start)
        seen_a = await_up(a, members, start)
        to_c.append(seen_c)
        to_a.append(seen_a)
        print(f"join {rep}: join answered {answered * 1000:.0f} ms; C sees all {members} up {seen_c * 1000:.0f} ms;"
              f" A sees C up {seen_a * 1000:.0f} ms", flush=True)
        call(c + "/api/v1/pool/leave", "POST", {})
        left = time.monotonic()
        while up(a)[0] != members - 1 and time.monotonic() - left < PATIENCE_S:
            time.sleep(POLL_S)
    print(f"median_join_ms {statistics.median(to_c) * 1000:.0f} {statistics.median(to_a) * 1000:.0f}"
          f" {to_c[0] * 1000:.0f}")


if __name__ == "__main__":
    main()
