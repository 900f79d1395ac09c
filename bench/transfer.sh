#!/usr/bin/env bash
# What transfer learning buys: a ResNet-18 backbone pretrained on one task
# (Fashion-MNIST's ten classes, one 28 x 28 garment per image, trained at 32
# px so that a garment has the size it has in a 64 px mosaic) and fine-tuned on a
# small multi-label set (a few hundred 64 x 64 mosaics of garments with colour
# tags), against the same network trained from scratch on the same small set
# for the same epochs. Both are scored on 2,000 held-out test mosaics; seeds
# 0-2. Everything goes through tagwise-cli: train, export-weights, train
# --weights, evaluate.
#
# usage: bench/transfer.sh [BUILD_DIR]     (default: build)
# environment: PRETRAIN (20000 images), PRETRAIN_EPOCHS (3), SMALL (300 training
#              mosaics; 100 more validate), EPOCHS (15), SEEDS ("0 1 2"),
#              THREADS (2), WORK (a new temporary folder), KEEP=1
# Needs dataset-fashion-mnist, python3-numpy and python3-pil. Builds nothing.
set -euo pipefail

build="${1:-build}"
cli="$build/app/tagwise-cli"
pretrain="${PRETRAIN:-20000}"
pretrain_epochs="${PRETRAIN_EPOCHS:-3}"
small="${SMALL:-300}"
epochs="${EPOCHS:-15}"
seeds="${SEEDS:-0 1 2}"
threads="${THREADS:-2}"
python=/usr/bin/python3
if [[ ! -x "$cli" ]]; then
    echo "transfer: $cli not found; build it first" >&2
    exit 2
fi
work="${WORK:-$(mktemp -d -t tagwise-transfer.XXXXXX)}"
mkdir -p "$work"
[[ "${KEEP:-0}" == 1 || -n "${WORK:-}" ]] || trap 'rm -rf "$work"' EXIT
echo "work folder: $work; load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
now() { date +%s.%N; }

# The data: Fashion-MNIST's own garments to pretrain on (the last PRETRAIN of its
# 60,000 training images); a small multi-label set and its test set, whose
# mosaics come from the official test images, which pretraining never sees.
data="${DATA:-/usr/share/datasets/fashion-mnist}"
mkdir -p "$work/single/images"
"$python" - "$data" "$work/single" "$pretrain" <<'PY'
import gzip, os, sys
import numpy as np
from PIL import Image
data, out, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
TAGS = ["tshirt", "trouser", "pullover", "dress", "coat", "sandal", "shirt", "sneaker", "bag", "ankle_boot"]
def idx(path, header):
    with gzip.open(path, "rb") as f:
        return np.frombuffer(f.read(), dtype=np.uint8, offset=header)
images = idx(os.path.join(data, "train-images-idx3-ubyte.gz"), 16).reshape(-1, 28, 28)[-count:]
labels = idx(os.path.join(data, "train-labels-idx1-ubyte.gz"), 8)[-count:]
rows = []
for i, (image, label) in enumerate(zip(images, labels)):
    Image.fromarray(image, mode="L").save(os.path.join(out, "images", f"g{i:05d}.png"), compress_level=1)
    rows.append(f"g{i:05d},{TAGS[label]}")
with open(os.path.join(out, "labels.csv"), "w") as f:
    f.write("image_name,tags\n" + "\n".join(rows) + "\n")
PY
"$cli" mosaics --out "$work/small" --count "$small" --source train --seed 1 --colours >/dev/null
"$cli" mosaics --out "$work/val" --count 100 --source train --seed 1 --start "$small" --colours >/dev/null
"$cli" mosaics --out "$work/test" --count 2000 --source test --seed 2 --colours >/dev/null
mkdir -p "$work/images"
for part in small val test; do
    find "$work/$part/images" -type f -exec ln -f {} "$work/images/" \;
done

# 1. Pretrain the backbone on the garments alone and export it.
t0=$(now)
"$cli" train --csv "$work/single/labels.csv" --images "$work/single/images" --arch resnet18 --size 32 \
    --epochs "$pretrain_epochs" --threads "$threads" --seed 0 --no-cache --out "$work/pretrain" >"$work/pretrain.log" 2>&1
"$cli" export-weights --model "$work/pretrain" --out "$work/backbone.safetensors" >/dev/null
t1=$(now)
echo "pretraining: $pretrain Fashion-MNIST garments, $pretrain_epochs epochs, $(printf %.0f "$(echo "$t1 - $t0" | bc)") s; $(grep -o 'best epoch.*' "$work/pretrain.log" | tail -1)"

# 2. The small set: from scratch and from the backbone, same epochs and seeds.
results="$work/results.tsv"
: >"$results"
for seed in $seeds; do
    for start in scratch pretrained; do
        args=()
        [[ "$start" == pretrained ]] && args=(--weights "$work/backbone.safetensors")
        name="$start-$seed"
        t0=$(now)
        "$cli" train --csv "$work/small/labels.csv" --val-csv "$work/val/labels.csv" --images "$work/images" \
            --arch resnet18 --size 64 --epochs "$epochs" --threads "$threads" --seed "$seed" --patience 0 --no-cache \
            "${args[@]}" --out "$work/$name" >"$work/$name.log" 2>&1
        t1=$(now)
        "$cli" evaluate --model "$work/$name" --csv "$work/test/labels.csv" --images "$work/images" \
            --threads "$threads" --json "$work/$name.json" >/dev/null
        "$python" - "$work/$name.json" "$start" "$seed" "$t0" "$t1" >>"$results" <<'PY'
import json, sys
path, start, seed, t0, t1 = sys.argv[1:]
d = json.load(open(path))
print("\t".join([start, seed, f"{d['fbeta_samples']:.4f}", f"{d['f1_micro']:.4f}", f"{d['f1_macro']:.4f}",
                 f"{d['map']:.4f}", f"{float(t1) - float(t0):.1f}"]))
PY
        tail -1 "$results"
    done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
"$python" - "$results" "$small" "$epochs" <<'PY'
import sys
from statistics import mean
rows = [line.split("\t") for line in open(sys.argv[1]).read().split("\n") if line]
print(f"\nResNet-18, {sys.argv[2]} training mosaics (64 px, garment and colour tags), {sys.argv[3]} epochs, "
      "2,000 test mosaics, thresholds tuned on validation; mean of seeds")
print("| start | seeds | test F2 (samples) | micro-F1 | macro-F1 | mAP | train s |")
print("| --- | --- | --- | --- | --- | --- | --- |")
for start in ("scratch", "pretrained"):
    r = [x for x in rows if x[0] == start]
    cols = [mean(float(x[i]) for x in r) for i in range(2, 7)]
    print(f"| {start} | {len(r)} | {cols[0]:.3f} | {cols[1]:.3f} | {cols[2]:.3f} | {cols[3]:.3f} | {cols[4]:.0f} |")
PY
