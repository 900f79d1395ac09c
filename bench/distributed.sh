#!/usr/bin/env bash
# Data-parallel training on one machine: `tagwise-cli train --nproc 2` (two
# ranks of one c10d/Gloo job over loopback, one thread each) against one
# process with two threads, same recipe, same global batch, on 64 x 64
# Fashion-MNIST mosaics with colour tags (10 garment and 4 colour tags). Prints
# the test F2 (samples), micro-F1 and mAP of each run on held-out mosaics, the
# wall time of training, and what one step moves: the gradient bytes each rank
# all-reduces against the compute time of a step.
#
# usage: bench/distributed.sh [BUILD_DIR]     (default: build)
# environment: TRAIN (6000), VAL (1000), TEST (2000), EPOCHS (5), SEEDS ("0"),
#              ARCH (smallervggnet), BATCH (32), WORK (a new temporary folder), KEEP=1
# The first run decodes the images into WORK/cache; "epochs s" (training and
# validation, from metrics.json) leaves decoding out of both.
# Needs dataset-fashion-mnist and python3 (json only). Builds nothing.
set -euo pipefail

build="${1:-build}"
cli="$build/app/tagwise-cli"
epochs="${EPOCHS:-5}"
seeds="${SEEDS:-0}"
arch="${ARCH:-smallervggnet}"
batch="${BATCH:-32}"
python=/usr/bin/python3
if [[ ! -x "$cli" ]]; then
    echo "distributed: $cli not found; build it first" >&2
    exit 2
fi
work="${WORK:-$(mktemp -d -t tagwise-distributed.XXXXXX)}"
mkdir -p "$work"
[[ "${KEEP:-0}" == 1 || -n "${WORK:-}" ]] || trap 'rm -rf "$work"' EXIT
echo "work folder: $work; load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
now() { date +%s.%N; }

if [[ ! -f "$work/test.csv" ]]; then
    mkdir -p "$work/images"
    "$cli" mosaics --out "$work/train" --count "${TRAIN:-6000}" --source train --seed 1 --colours >/dev/null
    "$cli" mosaics --out "$work/val" --count "${VAL:-1000}" --source train --seed 1 --start "${TRAIN:-6000}" --colours >/dev/null
    "$cli" mosaics --out "$work/test" --count "${TEST:-2000}" --source test --seed 2 --colours >/dev/null
    for part in train val test; do
        find "$work/$part/images" -type f -exec ln -f {} "$work/images/" \;
        cp "$work/$part/labels.csv" "$work/$part.csv"
    done
fi

# The plain recipe of bench/recipes.sh: nothing that depends on the process count but the split.
recipe=(--csv "$work/train.csv" --val-csv "$work/val.csv" --images "$work/images" --arch "$arch" --size 64
        --epochs "$epochs" --batch "$batch" --lr 0.001 --optimizer adam --weight-decay 0 --schedule none
        --no-augment --no-tune --no-bf16 --dropout 1 --patience 0 --device cpu --cache "$work/cache")
results="$work/results.tsv"
: >"$results"
for seed in $seeds; do
    for setup in "1 process, 2 threads" "2 ranks, 1 thread each"; do
        name="seed$seed-$([[ $setup == 1* ]] && echo single || echo ranks)"
        rm -rf "$work/$name"
        if [[ $setup == 1* ]]; then
            extra=(--threads 2)
        else
            extra=(--nproc 2)
        fi
        t0=$(now)
        "$cli" train "${recipe[@]}" --seed "$seed" "${extra[@]}" --out "$work/$name" >"$work/$name.log" 2>&1
        t1=$(now)
        "$cli" evaluate --model "$work/$name" --csv "$work/test.csv" --images "$work/images" --threads 2 \
            --json "$work/$name.json" >/dev/null
        "$python" - "$work/$name.json" "$work/$name/metrics.json" "$work/$name.log" "$setup" "$seed" "$t0" "$t1" >>"$results" <<'PY'
import json, re, sys
test, metrics, log, setup, seed, t0, t1 = sys.argv[1:6] + [float(sys.argv[6]), float(sys.argv[7])]
d = json.load(open(test))
m = json.load(open(metrics))
rate = sum(e["images_per_second"] for e in m["epochs"]) / len(m["epochs"])
epochs = sum(e["seconds"] for e in m["epochs"])
print("\t".join([setup, seed, f"{d['fbeta_samples']:.4f}", f"{d['f1_micro']:.4f}", f"{d['map']:.4f}",
                 f"{rate:.1f}", f"{epochs:.1f}", f"{t1 - t0:.1f}"]))
PY
    done
done

echo
echo "| setup | seed | test F2 (samples) | micro-F1 | mAP | training img/s | epochs s | process wall s |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
while IFS=$'\t' read -r setup seed f2 micro map rate epochs wall; do
    echo "| $setup | $seed | $f2 | $micro | $map | $rate | $epochs | $wall |"
done <"$results"

# What a step moves: each rank all-reduces every gradient once (ring: 2 (N-1)/N of
# it sent and received per rank), while it computes its share of the batch.
"$python" - "$work" "$arch" "$batch" <<'PY'
import glob, json, os, re, sys
work, arch, batch = sys.argv[1], sys.argv[2], int(sys.argv[3])
params = None
for log in glob.glob(os.path.join(work, "*ranks.log")):
    for line in open(log):
        m = re.search(r"gradients: ([0-9]+) parameters", line)
        if m:
            params = int(m.group(1))
single = [json.load(open(p)) for p in glob.glob(os.path.join(work, "*single", "metrics.json"))]
if params and single:
    rate = sum(e["images_per_second"] for s in single for e in s["epochs"]) / sum(len(s["epochs"]) for s in single)
    step = batch / rate
    mb = params * 4 / 1e6
    print(f"\n{arch}: {params} trained parameters = {mb:.1f} MB of float32 gradients a step;")
    print(f"one step of the global batch of {batch} takes {step * 1000:.0f} ms on this machine's 2 threads.")
    for n in (2, 4, 8, 16):
        moved = 2 * (n - 1) / n * mb
        print(f"  {n:2d} ranks: {moved:5.1f} MB sent and received per rank per step; "
              f"at 1 GB/s {moved / 1000 * 1000:5.1f} ms, at 10 GB/s {moved / 10000 * 1000:4.1f} ms, "
              f"against {step / n * 1000:5.0f} ms of compute per rank (a machine like this one each)")
PY
