#!/usr/bin/env bash
# The one-click defaults against a plain recipe, on two data sets, at two
# training lengths, over several seeds: test F2 (samples), micro and macro F1,
# mAP (and top-1 accuracy on Fashion-MNIST) and the wall time of each run,
# then the means per recipe side by side.
#
#   plain:    --arch smallervggnet --optimizer adam --weight-decay 0 --schedule none
#             --no-augment --lr 1e-3 --no-tune --no-bf16 --dropout 1 (the recipe of
#             bench/train_vs_pytorch.sh)
#   defaults: nothing but the data, the epochs and the seed: what `tagwise-cli
#             train` chooses (the "default:" lines of its log say what and why)
#
# Data sets:
#   mosaics:  64 x 64 Fashion-MNIST mosaics with colour tags (10 garment and 4
#             colour tags): TRAIN (6000) training and VAL (1000) validation
#             images from Fashion-MNIST's training part, TEST (2000) from its
#             test part
#   fashion:  Fashion-MNIST itself (28 x 28, one tag an image): the 60,000
#             training images split 54,000 / 6,000 (the last 6,000 validate),
#             scored on the official 10,000 test images
#
# usage: bench/recipes.sh [BUILD_DIR]          (default: build)
# environment: SETS ("mosaics fashion"), EPOCHS ("5 15"; "auto" lets the defaults
#              choose the epochs from a 10-minute budget, and runs no plain
#              recipe), SEEDS ("0 1 2"),
#              RECIPES ("plain defaults"), THREADS (2), TRAIN, VAL, TEST,
#              WORK (a new temporary folder), KEEP=1 keeps WORK afterwards.
# Needs dataset-fashion-mnist and python3-numpy, python3-pil. Builds nothing.
set -euo pipefail

build="${1:-build}"
cli="$build/app/tagwise-cli"
sets="${SETS:-mosaics fashion}"
epoch_list="${EPOCHS:-5 15}"
seeds="${SEEDS:-0 1 2}"
recipes="${RECIPES:-plain defaults}"
threads="${THREADS:-2}"
data=/usr/share/datasets/fashion-mnist
python=/usr/bin/python3

if [[ ! -x "$cli" ]]; then
    echo "recipes: $cli not found; build it first (cmake --build $build --target tagwise-cli)" >&2
    exit 2
fi
if ! "$python" -c 'import numpy, PIL' 2>/dev/null; then
    echo "recipes: needs python3-numpy and python3-pil" >&2
    exit 2
fi

work="${WORK:-$(mktemp -d -t tagwise-recipes.XXXXXX)}"
mkdir -p "$work"
if [[ "${KEEP:-0}" != 1 && -z "${WORK:-}" ]]; then
    trap 'rm -rf "$work"' EXIT
fi
echo "work folder: $work"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
results="$work/results.tsv"
: >"$results"
now() { date +%s.%N; }

make_mosaics() {
    local dir="$work/mosaics"
    [[ -f "$dir/test.csv" ]] && return
    mkdir -p "$dir/images"
    "$cli" mosaics --out "$dir/train" --count "${TRAIN:-6000}" --source train --seed 1 --colours >/dev/null
    "$cli" mosaics --out "$dir/val" --count "${VAL:-1000}" --source train --seed 1 --start "${TRAIN:-6000}" --colours >/dev/null
    "$cli" mosaics --out "$dir/test" --count "${TEST:-2000}" --source test --seed 2 --colours >/dev/null
    for part in train val test; do
        find "$dir/$part/images" -type f -exec ln -f {} "$dir/images/" \;
        cp "$dir/$part/labels.csv" "$dir/$part.csv"
    done
}

make_fashion() {
    local dir="$work/fashion"
    [[ -f "$dir/test.csv" ]] && return
    mkdir -p "$dir/images"
    "$python" - "$data" "$dir" <<'PY'
import gzip, os, sys
import numpy as np
from PIL import Image
data, out = sys.argv[1], sys.argv[2]
TAGS = ["tshirt", "trouser", "pullover", "dress", "coat", "sandal", "shirt", "sneaker", "bag", "ankle_boot"]
def idx(path, header):
    with gzip.open(path, "rb") as f:
        return np.frombuffer(f.read(), dtype=np.uint8, offset=header)
for part, prefix in (("train", "train"), ("test", "t10k")):
    images = idx(os.path.join(data, f"{prefix}-images-idx3-ubyte.gz"), 16).reshape(-1, 28, 28)
    labels = idx(os.path.join(data, f"{prefix}-labels-idx1-ubyte.gz"), 8)
    rows = {"train": [], "val": [], "test": []}
    for i, (image, label) in enumerate(zip(images, labels)):
        name = f"{part}_{i:05d}"
        Image.fromarray(image, mode="L").save(os.path.join(out, "images", name + ".png"), compress_level=1)
        which = "test" if part == "test" else ("val" if i >= len(images) - 6000 else "train")
        rows[which].append(f"{name},{TAGS[label]}")
    for which, lines in rows.items():
        if lines:
            with open(os.path.join(out, which + ".csv"), "w") as f:
                f.write("image_name,tags\n" + "\n".join(lines) + "\n")
PY
}

# run SET RECIPE EPOCHS SEED: one training run, scored on the test set; appends a line to results.tsv
run() {
    local set="$1" recipe="$2" epochs="$3" seed="$4"
    local dir="$work/$set" name="$set-$recipe-$epochs-$seed"
    local args=()
    [[ "$epochs" != auto ]] && args=(--epochs "$epochs")
    [[ "$recipe" == plain ]] && args+=(--arch smallervggnet --optimizer adam --weight-decay 0 --schedule none --no-augment
                                       --lr 1e-3 --no-tune --no-bf16 --dropout 1)
    [[ "$set" == fashion ]] && args+=(--size 28)
    [[ "$set" == mosaics ]] && args+=(--size 64)
    local t0 t1
    rm -rf "$work/runs/$name" # a WORK of an earlier run holds its runs
    t0=$(now)
    "$cli" train --csv "$dir/train.csv" --val-csv "$dir/val.csv" --images "$dir/images" \
        --seed "$seed" --threads "$threads" --no-cache --patience 0 "${args[@]}" --out "$work/runs/$name" \
        >"$work/runs/$name.log" 2>&1
    "$cli" evaluate --model "$work/runs/$name" --csv "$dir/test.csv" --images "$dir/images" --threads "$threads" \
        --json "$work/runs/$name.json" >/dev/null
    t1=$(now)
    local top1=nan
    if [[ "$set" == fashion ]]; then
        "$cli" predict --model "$work/runs/$name" --json --threads "$threads" "$dir/images" >"$work/runs/$name-predictions.json"
        top1=$("$python" - "$dir/test.csv" "$work/runs/$name-predictions.json" <<'PY'
import csv, json, os, sys
truth = {row["image_name"]: row["tags"] for row in csv.DictReader(open(sys.argv[1]))}
hits = total = 0
for item in json.load(open(sys.argv[2])):
    name = os.path.splitext(os.path.basename(item["path"]))[0]
    if name in truth:
        p = item["probabilities"]
        hits += max(p, key=p.get) == truth[name]
        total += 1
print(f"{hits / total:.4f}")
PY
)
    fi
    "$python" - "$work/runs/$name.json" "$set" "$recipe" "$epochs" "$seed" "$t0" "$t1" "$top1" >>"$results" <<'PY'
import json, sys
path, set_, recipe, epochs, seed, t0, t1, top1 = sys.argv[1:]
d = json.load(open(path))
print("\t".join([set_, recipe, epochs, seed, f"{d['fbeta_samples']:.4f}", f"{d['f1_micro']:.4f}",
                 f"{d['f1_macro']:.4f}", f"{d['map']:.4f}", top1, f"{float(t1) - float(t0):.1f}"]))
PY
    tail -1 "$results"
}

mkdir -p "$work/runs"
for set in $sets; do
    "make_$set"
    for epochs in $epoch_list; do
        for seed in $seeds; do
            for recipe in $recipes; do
                [[ "$epochs" == auto && "$recipe" != defaults ]] && continue
                run "$set" "$recipe" "$epochs" "$seed"
            done
        done
    done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

"$python" - "$results" <<'PY'
import collections, statistics, sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1]) if line.strip()]
groups = collections.OrderedDict()
for set_, recipe, epochs, seed, f2, micro, macro, map_, top1, wall in rows:
    groups.setdefault((set_, epochs), collections.OrderedDict()).setdefault(recipe, []).append(
        [float(f2), float(micro), float(macro), float(map_), float(top1), float(wall)])
def cell(values):
    if all(v != v for v in values):
        return "-"
    m = statistics.mean(values)
    return f"{m:.4f}" + (f" ({statistics.stdev(values):.3f})" if len(values) > 1 else "")
print()
print("| set | epochs | recipe | seeds | test F2 | micro-F1 | macro-F1 | mAP | top-1 | wall s | wall vs plain |")
print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
for (set_, epochs), recipes in groups.items():
    plain_wall = statistics.mean(r[5] for r in recipes["plain"]) if "plain" in recipes else None
    for recipe, runs in recipes.items():
        columns = list(zip(*runs))
        wall = statistics.mean(columns[5])
        ratio = f"{wall / plain_wall:.2f}" if plain_wall else "-"
        print(f"| {set_} | {epochs} | {recipe} | {len(runs)} | " + " | ".join(cell(c) for c in columns[:5])
              + f" | {wall:.0f} | {ratio} |")
print("mean (standard deviation over seeds); wall: train + evaluate on the test set, decoding included")
PY
