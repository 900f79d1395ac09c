#!/usr/bin/env bash
# Tagwise's pretrained-weights path against torchvision 0.14 (Debian's), with
# files torchvision itself writes:
#  1. for ResNet-18, ResNet-50, MobileNetV2 and VGG16, the same weights as
#     torch.save(model.state_dict()) and as .safetensors give the same
#     backbone features (`tagwise-cli features`) as torchvision on a 224 x 224
#     image: the largest difference relative to the largest feature;
#  2. a model trained here and written by `tagwise-cli export-weights` loads
#     into torchvision.models.<arch>(num_classes=N) strictly and gives the same
#     probabilities as `tagwise-cli predict`.
#
# usage: bench/torchvision_parity.sh [BUILD_DIR]     (default: build)
# environment: WORK (a new temporary folder; about 1.5 GB of weights), KEEP=1
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
build="${1:-build}"
cli="$build/app/tagwise-cli"
python=/usr/bin/python3
if [[ ! -x "$cli" ]]; then
    echo "torchvision_parity: $cli not found; build it first" >&2
    exit 2
fi
if ! "$python" -c 'import torch, torchvision, PIL, numpy' 2>/dev/null; then
    echo "installing python3-torch python3-torchvision python3-pil python3-numpy ..." >&2
    sudo_cmd=()
    [[ "$(id -u)" -ne 0 ]] && sudo_cmd=(sudo)
    "${sudo_cmd[@]}" apt-get install -y python3-torch python3-torchvision python3-pil python3-numpy >&2
fi
work="${WORK:-$(mktemp -d)}"
[[ "${KEEP:-0}" == 1 ]] || trap 'rm -rf "$work"' EXIT
mkdir -p "$work"

echo "== 1. features: torchvision's files, torchvision's numbers"
"$python" "$here/torchvision_parity.py" write "$work"
for arch in resnet18 resnet50 mobilenet_v2 vgg16; do
    for format in pt safetensors; do
        "$cli" features --arch "$arch" --weights "$work/$arch.$format" --json "$work/image.png" \
            > "$work/$arch.$format.tagwise.json" 2> "$work/$arch.$format.log"
    done
    sed -n 1p "$work/$arch.pt.log"
done
status=0
"$python" "$here/torchvision_parity.py" compare "$work" || status=1

echo
echo "== 2. export-weights: a model trained here, loaded by torchvision"
"$cli" demo --out "$work/demo" --count 120 > /dev/null
"$cli" train --project "$work/demo" --arch resnet18 --size 64 --epochs 1 --batch 16 --out "$work/run" \
    --no-tune > /dev/null
"$cli" export-weights --model "$work/run" --out "$work/exported.safetensors"
"$python" - "$work/probe.png" <<'PY'
import sys
import numpy as np
from PIL import Image
Image.fromarray(np.random.default_rng(3).integers(0, 256, (64, 64, 3), dtype=np.uint8)).save(sys.argv[1])
PY
"$cli" predict --model "$work/run" --json "$work/probe.png" > "$work/probe.json"
"$python" "$here/torchvision_parity.py" logits "$work/exported.safetensors" "$work/probe.png" "$work/probe.json" \
    || status=1
exit $status
