#!/usr/bin/env bash
# Sanity run of the whole CLI on a real single-label data set: Fashion-MNIST
# (60,000 training and 10,000 test garments, 28 x 28 grey, 10 classes) written
# as folder-per-class PNGs, imported into a project, trained with the default
# recipe, and the official test set predicted; prints the test accuracy of the
# top tag (the tag with the highest probability), the epochs and the times.
#
# usage: bench/fashion_mnist_sanity.sh [BUILD_DIR]     (default: build)
# environment: EPOCHS (10), ARCH (smallervggnet), SIZE (28), THREADS (2),
#              LIMIT (use only the first LIMIT images of each part, for a quick try),
#              TRAIN_ARGS (more `tagwise-cli train` options; default "--no-augment":
#              the centred garments need no augmentation, and with the default
#              augmentation 10 epochs are not enough to reach the target),
#              DATA (/usr/share/datasets/fashion-mnist), WORK (a new temporary
#              folder), KEEP=1 keeps WORK afterwards.
# Needs the Debian packages dataset-fashion-mnist and python3-numpy,
# python3-pil (for writing the PNGs and scoring). It builds nothing.
set -euo pipefail

build="${1:-build}"
cli="$build/app/tagwise-cli"
epochs="${EPOCHS:-10}"
arch="${ARCH:-smallervggnet}"
size="${SIZE:-28}"
threads="${THREADS:-2}"
data="${DATA:-/usr/share/datasets/fashion-mnist}"
limit="${LIMIT:-0}"
read -r -a train_args <<<"${TRAIN_ARGS---no-augment}"
python=/usr/bin/python3

if [[ ! -x "$cli" ]]; then
    echo "fashion_mnist_sanity: $cli not found; build it first (cmake --build $build --target tagwise-cli)" >&2
    exit 2
fi
if [[ ! -f "$data/train-images-idx3-ubyte.gz" ]]; then
    echo "fashion_mnist_sanity: no Fashion-MNIST in $data (apt-get install dataset-fashion-mnist)" >&2
    exit 2
fi
if ! "$python" -c 'import numpy, PIL' 2>/dev/null; then
    echo "installing python3-numpy python3-pil ..." >&2
    sudo_cmd=()
    [[ "$(id -u)" -ne 0 ]] && sudo_cmd=(sudo)
    "${sudo_cmd[@]}" apt-get install -y python3-numpy python3-pil >&2
fi

work="${WORK:-$(mktemp -d -t tagwise-fmnist.XXXXXX)}"
mkdir -p "$work"
if [[ "${KEEP:-0}" != 1 && -z "${WORK:-}" ]]; then
    trap 'rm -rf "$work"' EXIT
fi
echo "work folder: $work"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
start=$(date +%s.%N)

# --- the data set as folder-per-class PNGs -------------------------------
"$python" - "$data" "$work" "$limit" <<'PY'
import gzip, os, sys
import numpy as np
from PIL import Image

data, work, limit = sys.argv[1], sys.argv[2], int(sys.argv[3])
# The same tag names as tagwise-cli mosaics uses.
TAGS = ["tshirt", "trouser", "pullover", "dress", "coat", "sandal", "shirt", "sneaker", "bag", "ankle_boot"]

def idx(path, header):
    with gzip.open(path, "rb") as f:
        raw = f.read()
    return np.frombuffer(raw, dtype=np.uint8, offset=header)

for part, prefix in (("train", "train"), ("test", "t10k")):
    images = idx(os.path.join(data, f"{prefix}-images-idx3-ubyte.gz"), 16).reshape(-1, 28, 28)
    labels = idx(os.path.join(data, f"{prefix}-labels-idx1-ubyte.gz"), 8)
    if len(images) != len(labels):
        sys.exit(f"{prefix}: {len(images)} images but {len(labels)} labels")
    if limit > 0:
        images, labels = images[:limit], labels[:limit]
    root = os.path.join(work, part)
    for tag in TAGS:
        os.makedirs(os.path.join(root, tag), exist_ok=True)
    for i, (image, label) in enumerate(zip(images, labels)):
        Image.fromarray(image, mode="L").save(os.path.join(root, TAGS[label], f"{part}_{i:05d}.png"),
                                              compress_level=1)
    print(f"{part}: {len(images)} images in {root}")
PY
written=$(date +%s.%N)

# --- import and train with the CLI ----------------------------------------
"$cli" import --project "$work/train" --folders "$work/train"
t0=$(date +%s.%N)
"$cli" train --project "$work/train" --arch "$arch" --size "$size" --epochs "$epochs" --threads "$threads" \
    "${train_args[@]}" --out "$work/run" | tee "$work/train.log"
t1=$(date +%s.%N)

# --- predict the official test set and score the top tag -------------------
"$cli" predict --model "$work/run" --json --threads "$threads" "$work/test" >"$work/predictions.json"
t2=$(date +%s.%N)
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

"$python" - "$work/predictions.json" "$work/train.log" "$start" "$written" "$t0" "$t1" "$t2" "$epochs" <<'PY'
import json, os, re, sys
predictions, log, start, written, t0, t1, t2, epochs = sys.argv[1:]
start, written, t0, t1, t2 = map(float, (start, written, t0, t1, t2))
items = json.load(open(predictions))
correct = 0
for item in items:
    truth = os.path.basename(os.path.dirname(item["path"]))
    probabilities = item["probabilities"]
    correct += max(probabilities, key=probabilities.get) == truth
accuracy = correct / len(items)
ran = len(re.findall(r"^epoch \d+/", open(log).read(), re.M))
print()
print(f"Fashion-MNIST test accuracy of the top tag: {accuracy:.4f} ({correct} of {len(items)} images)")
print(f"epochs: {ran} of {epochs} planned")
print(f"time: writing PNGs {written - start:.0f} s, import {t0 - written:.0f} s, training {t1 - t0:.0f} s, "
      f"predicting {t2 - t1:.0f} s")
print("target: accuracy >= 0.91 -> " + ("PASS" if accuracy >= 0.91 else "FAIL"))
PY
