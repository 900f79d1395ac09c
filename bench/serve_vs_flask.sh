#!/usr/bin/env bash
# `tagwise-cli serve` against the minimal Flask + PyTorch server of the
# tutorials (bench/flask_server.py), the same network (SmallerVGGNet at SIZE
# px) on the same machine, asked by the same client (bench/http_load.py) with
# 1 and 8 clients at once: requests/s and p50/p99 latency, side by side.
#
# usage: bench/serve_vs_flask.sh [BUILD_DIR]     (default: build)
# environment: SIZE (64), THREADS (2: each server's compute threads),
#              REQUESTS (50 per client), WORK (a new temporary folder), KEEP=1
# It builds nothing: BUILD_DIR must hold app/tagwise-cli already.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
build="${1:-build}"
cli="$build/app/tagwise-cli"
size="${SIZE:-64}"
threads="${THREADS:-2}"
requests="${REQUESTS:-50}"
python=/usr/bin/python3

if [[ ! -x "$cli" ]]; then
    echo "serve_vs_flask: $cli not found; build it first" >&2
    exit 2
fi
if ! "$python" -c 'import torch, flask, PIL, numpy' 2>/dev/null; then
    echo "installing python3-torch python3-flask python3-pil python3-numpy ..." >&2
    sudo_cmd=()
    [[ "$(id -u)" -ne 0 ]] && sudo_cmd=(sudo)
    "${sudo_cmd[@]}" apt-get install -y python3-torch python3-flask python3-pil python3-numpy >&2
fi

work="${WORK:-$(mktemp -d)}"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    [[ "${KEEP:-0}" == 1 ]] || rm -rf "$work"
}
trap cleanup EXIT

# A model to serve: one epoch on the demo project (its speed is what counts here).
"$cli" demo --out "$work/project" --count 400 >/dev/null
"$cli" train --project "$work/project" --arch smallervggnet --size "$size" --epochs 1 --threads "$threads" \
    --out "$work/run" >/dev/null 2>&1
image=$(find "$work/project/images" -name "*.png" -print -quit)
tags=$("$cli" review --model "$work/run" --json "$work/review.json" >/dev/null && \
       "$python" -c 'import json,sys; print(",".join(json.load(open(sys.argv[1]))["confusion"]["tags"]))' "$work/review.json")

port_free() { "$python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_up() {
    for _ in $(seq 100); do
        if "$python" -c 'import sys,urllib.request; urllib.request.urlopen(sys.argv[1], timeout=1)' "$1" 2>/dev/null; then return 0; fi
        sleep 0.2
    done
    echo "serve_vs_flask: $1 never answered" >&2
    exit 1
}

tw_port=$(port_free)
"$cli" serve --model "$work/run" --port "$tw_port" --threads "$threads" >"$work/serve.log" 2>&1 &
pids+=($!)
fl_port=$(port_free)
"$python" "$here/flask_server.py" --port "$fl_port" --size "$size" --tags "$tags" --threads "$threads" \
    >"$work/flask.log" 2>&1 &
pids+=($!)
wait_up "http://127.0.0.1:$tw_port/health"
"$python" -c 'import sys,time,urllib.request
for _ in range(100):
    try:
        urllib.request.urlopen(urllib.request.Request(sys.argv[1], data=open(sys.argv[2],"rb").read())); break
    except Exception: time.sleep(0.2)' "http://127.0.0.1:$fl_port/predict" "$image"

echo "SmallerVGGNet at ${size} px, ${threads} compute threads per server, ${requests} requests per client, $(nproc) cores"
printf '%-22s %8s %12s %10s %10s %7s\n' server clients "requests/s" "p50 ms" "p99 ms" errors
for clients in 1 8; do
    for server in tagwise flask; do
        port=$tw_port
        [[ $server == flask ]] && port=$fl_port
        read -r rate p50 p99 errors < <("$python" "$here/http_load.py" "http://127.0.0.1:$port/predict" "$image" "$clients" "$requests")
        name="tagwise-cli serve"
        [[ $server == flask ]] && name="Flask + PyTorch"
        printf '%-22s %8d %12s %10s %10s %7s\n' "$name" "$clients" "$rate" "$p50" "$p99" "$errors"
    done
done
