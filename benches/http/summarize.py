"""Reads the wrk reports of one backend's run (benches/http/run.sh) and
prints one JSON line per load mode: latency percentiles in ms, requests per
second, errors (non-2xx answers and socket errors), and peak memory."""

import json
import re
import sys


def report(path, seconds):
    text = open(path).read()

    def ms(label):
        match = re.search(rf"^\s*{label}\s+([\d.]+)(us|ms|s)\s*$", text, re.M)
        value, unit = float(match.group(1)), match.group(2)
        scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
        return round(value * scale, 3)

    requests = int(re.search(r"(\d+) requests in", text).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    sockets = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    errors = (int(non2xx.group(1)) if non2xx else 0) + (
        sum(map(int, sockets.groups())) if sockets else 0
    )
    return {
        "p50_ms": ms("50%"),
        "p90_ms": ms("90%"),
        "p99_ms": ms("99%"),
        "requests_per_second": round(requests / seconds),
        "errors": errors,
    }


def main():
    name, home, peak_kib, seconds, pace = sys.argv[1:6]
    for mode in ("saturating", "paced"):
        print(json.dumps({
            "backend": name,
            "load": mode if mode == "saturating" else f"paced ({pace} ms between requests per connection)",
            "connections": 100,
            "seconds": int(seconds),
            "status": report(f"{home}/status-{mode}.txt", int(seconds)),
            "submit": report(f"{home}/submit-{mode}.txt", int(seconds)),
            "peak_rss_mib": round(int(peak_kib) / 1024, 1),
        }))


main()
