#!/usr/bin/env bash
# Trains the same SmallerVGGNet on the same Fashion-MNIST mosaics with
# `tagwise-cli train` (LibTorch, C++) and with bench/reference_train.py
# (PyTorch, Python), scores both on a test set, and prints a side-by-side table.
#
# usage: bench/train_vs_pytorch.sh [BUILD_DIR]     (default: build)
# environment: EPOCHS (5), TRAIN (8000), VAL (1000), TEST (2000) images,
#              THREADS (2), SIZE (64), BATCH (32), SEED (42: the weights' and the
#              batches' seed of all runs), WORK (a new temporary folder),
#              KEEP=1 keeps WORK afterwards, BF16=0 leaves out the third run
#              (the engine again with --bf16: bfloat16 autocast on the CPU).
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
seed="${SEED:-42}"
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
# run_engine NAME [MORE TRAIN OPTIONS]: writes NAME.log, NAME-test.json, NAME.wall
run_engine() {
    local name="$1"
    shift
    local t0 t1
    t0=$(now)
    "$cli" train --csv "$work/train/labels.csv" --val-csv "$work/val/labels.csv" --images "$work/images" \
        --arch smallervggnet --size "$size" --epochs "$epochs" --batch "$batch" --lr 1e-3 --threads "$threads" \
        --optimizer adam --weight-decay 0 --schedule none --warmup 0 --patience 0 --no-augment --no-tune --dropout 1 \
        --no-cache --seed "$seed" "$@" --out "$work/$name-run" | tee "$work/$name.log"
    "$cli" evaluate --model "$work/$name-run" --csv "$work/test/labels.csv" --images "$work/images" \
        --threads "$threads" --json "$work/$name-test.json" >/dev/null
    t1=$(now)
    "$python" -c "print(f'{$t1 - $t0:.2f}')" >"$work/$name.wall"
}
run_engine engine --no-bf16

# --- PyTorch --------------------------------------------------------------
t2=$(now)
"$python" "$here/reference_train.py" --csv "$work/train/labels.csv" --val-csv "$work/val/labels.csv" \
    --test-csv "$work/test/labels.csv" --images "$work/images" --size "$size" --epochs "$epochs" \
    --batch "$batch" --lr 1e-3 --threads "$threads" --seed "$seed" | tee "$work/pytorch.log"
t3=$(now)
"$python" -c "print(f'{$t3 - $t2:.2f}')" >"$work/pytorch.wall"

# --- engine with bfloat16 -------------------------------------------------
if [[ "${BF16:-1}" != 0 ]]; then
    run_engine engine-bf16 --bf16
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

# --- table ----------------------------------------------------------------
"$python" - "$work" <<'PY'
import json, os, re, sys
work = sys.argv[1]

def text(name):
    return open(os.path.join(work, name)).read()

def mean(values):
    return sum(values) / len(values) if values else float("nan")

def rates(log):
    return [float(m.group(1)) for m in re.finditer(r"^epoch \d+/\d+ .*?([\d.]+) img/s", log, re.M)]

def engine(name):
    log = text(name + ".log")
    test = json.loads(text(name + "-test.json"))
    decode = re.search(r"decoding ([\d.]+) s\)", log)
    return {"rates": rates(log), "wall": float(text(name + ".wall")),
            "decode": float(decode.group(1)) if decode else float("nan"),
            "fbeta": test["fbeta_samples"], "f1_micro": test["f1_micro"], "map": test["map"]}

log = text("pytorch.log")
result = dict(kv.split("=") for kv in re.search(r"^RESULT (.*)$", log, re.M).group(1).split())
columns = {"tagwise": engine("engine"),
           "pytorch": {"rates": rates(log), "wall": float(text("pytorch.wall")), "decode": float(result["decode_s"]),
                       "fbeta": float(result["test_fbeta"]), "f1_micro": float(result["test_f1_micro"]),
                       "map": float(result["test_map"])}}
if os.path.exists(os.path.join(work, "engine-bf16.wall")):
    columns["tagwise bf16"] = engine("engine-bf16")
rows = [
    ("train images/s (mean of epochs)", lambda c: mean(c["rates"]), "{:.1f}"),
    ("train images/s (best epoch)", lambda c: max(c["rates"]), "{:.1f}"),
    ("whole run wall time, s", lambda c: c["wall"], "{:.1f}"),
    ("decoding, s", lambda c: c["decode"], "{:.1f}"),
    ("test F2 (samples)", lambda c: c["fbeta"], "{:.4f}"),
    ("test micro-F1", lambda c: c["f1_micro"], "{:.4f}"),
    ("test mAP", lambda c: c["map"], "{:.4f}"),
]
engines = [name for name in columns if name != "pytorch"]
header = f"{'':34}" + "".join(f" {name:>13}" for name in columns) + "".join(f" {name + '/pytorch':>21}" for name in engines)
print()
print(header)
for label, value, fmt in rows:
    reference = value(columns["pytorch"])
    line = f"{label:34}" + "".join(f" {fmt.format(value(c)):>13}" for c in columns.values())
    line += "".join(f" {value(columns[name]) / reference if reference else float('nan'):>21.2f}" for name in engines)
    print(line)
print("wall time: training with per-epoch validation, then scoring the test set, decoding included "
      "(tagwise-cli train + evaluate; the whole Python script)")
PY
