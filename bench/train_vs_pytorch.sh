#!/usr/bin/env bash
# Trains the same SmallerVGGNet on the same Fashion-MNIST mosaics with
# `tagwise-cli train` (LibTorch, C++) and with bench/reference_train.py
# (PyTorch, Python), scores both on a test set, and prints a side-by-side table.
#
# usage: bench/train_vs_pytorch.sh [BUILD_DIR]     (default: build)
# environment: EPOCHS (5), TRAIN (8000), VAL (1000), TEST (2000) images,
#              THREADS (2), SIZE (64), BATCH (32), WORK (a new temporary folder),
#              KEEP=1 keeps WORK afterwards.
# It builds nothing: BUILD_DIR must hold app/tagwise-cli already.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
build="${1:-build}"
cli="$build/app/tagwise-cli"
epochs="${EPOCHS:-5}"
train_count="${TRAIN:-8000}"
val_count="${VAL:-1000}"
test_count="${TEST:-2000}"
threads="${THREADS:-2}"
size="${SIZE:-64}"
batch="${BATCH:-32}"
python=/usr/bin/python3

if [[ ! -x "$cli" ]]; then
    echo "train_vs_pytorch: $cli not found; build it first (cmake --build $build --target tagwise-cli)" >&2
    exit 2
fi

# The Python side needs Debian's PyTorch, scikit-learn, NumPy and Pillow.
if ! "$python" -c 'import torch, sklearn, numpy, PIL' 2>/dev/null; then
    echo "installing python3-torch python3-sklearn python3-numpy python3-pil ..." >&2
    sudo_cmd=()
    [[ "$(id -u)" -ne 0 ]] && sudo_cmd=(sudo)
    "${sudo_cmd[@]}" apt-get install -y python3-torch python3-sklearn python3-numpy python3-pil >&2
fi

work="${WORK:-$(mktemp -d -t tagwise-bench.XXXXXX)}"
mkdir -p "$work"
if [[ "${KEEP:-0}" != 1 && -z "${WORK:-}" ]]; then
    trap 'rm -rf "$work"' EXIT
fi
echo "work folder: $work"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"

now() { date +%s.%N; }

# --- data: Planet CSVs, every image in one folder (names do not collide) ----
"$cli" mosaics --out "$work/train" --count "$train_count" --source train --seed 1 >/dev/null
"$cli" mosaics --out "$work/val" --count "$val_count" --source train --seed 1 --start "$train_count" >/dev/null
"$cli" mosaics --out "$work/test" --count "$test_count" --source test --seed 2 >/dev/null
mkdir -p "$work/images"
for part in train val test; do
    find "$work/$part/images" -type f -exec ln -f {} "$work/images/" \;
done
echo "data: $train_count training, $val_count validation, $test_count test mosaics of ${size}x${size}"

# --- engine ---------------------------------------------------------------
# Adam at a constant rate, no augmentation, no early stop, thresholds 0.5 and
# no decoded-image cache: the recipe reference_train.py implements.
engine_log="$work/engine.log"
t0=$(now)
"$cli" train --csv "$work/train/labels.csv" --val-csv "$work/val/labels.csv" --images "$work/images" \
    --arch smallervggnet --size "$size" --epochs "$epochs" --batch "$batch" --lr 1e-3 --threads "$threads" \
    --optimizer adam --weight-decay 0 --schedule none --warmup 0 --patience 0 --no-augment --no-tune \
    --no-cache --seed 42 --out "$work/engine-run" | tee "$engine_log"
"$cli" evaluate --model "$work/engine-run" --csv "$work/test/labels.csv" --images "$work/images" \
    --json "$work/engine-test.json" >/dev/null
t1=$(now)
engine_wall=$("$python" -c "print(f'{$t1 - $t0:.2f}')")

# --- PyTorch --------------------------------------------------------------
python_log="$work/pytorch.log"
t2=$(now)
"$python" "$here/reference_train.py" --csv "$work/train/labels.csv" --val-csv "$work/val/labels.csv" \
    --test-csv "$work/test/labels.csv" --images "$work/images" --size "$size" --epochs "$epochs" \
    --batch "$batch" --lr 1e-3 --threads "$threads" --seed 42 | tee "$python_log"
t3=$(now)
python_wall=$("$python" -c "print(f'{$t3 - $t2:.2f}')")
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

# --- table ----------------------------------------------------------------
"$python" - "$engine_log" "$work/engine-test.json" "$engine_wall" "$python_log" "$python_wall" <<'PY'
import json, re, sys
engine_log, engine_json, engine_wall, python_log, python_wall = sys.argv[1:]

def rates(path):
    return [float(m.group(1)) for m in re.finditer(r"^epoch \d+/\d+ .*?([\d.]+) img/s", open(path).read(), re.M)]

def mean(values):
    return sum(values) / len(values) if values else float("nan")

engine_rates, python_rates = rates(engine_log), rates(python_log)
test = json.load(open(engine_json))
result = dict(kv.split("=") for kv in re.search(r"^RESULT (.*)$", open(python_log).read(), re.M).group(1).split())
decode = re.search(r"decoding ([\d.]+) s\)", open(engine_log).read())
rows = [
    ("train images/s (mean of epochs)", mean(engine_rates), mean(python_rates), "{:.1f}"),
    ("train images/s (best epoch)", max(engine_rates), max(python_rates), "{:.1f}"),
    ("whole run wall time, s", float(engine_wall), float(python_wall), "{:.1f}"),
    ("decoding, s", float(decode.group(1)) if decode else float("nan"), float(result["decode_s"]), "{:.1f}"),
    ("test F2 (samples)", test["fbeta_samples"], float(result["test_fbeta"]), "{:.4f}"),
    ("test micro-F1", test["f1_micro"], float(result["test_f1_micro"]), "{:.4f}"),
    ("test mAP", test["map"], float(result["test_map"]), "{:.4f}"),
]
print()
print(f"{'':34} {'tagwise':>10} {'pytorch':>10} {'tagwise/pytorch':>16}")
for name, a, b, fmt in rows:
    ratio = a / b if b else float("nan")
    print(f"{name:34} {fmt.format(a):>10} {fmt.format(b):>10} {ratio:>16.2f}")
print("wall time: training with per-epoch validation, then scoring the test set, decoding included "
      "(tagwise-cli train + evaluate; the whole Python script)")
PY
