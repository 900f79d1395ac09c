#!/usr/bin/env bash
# The engine on an NVIDIA GPU, on a machine with CUDA, CMake, ninja and a pip
# PyTorch (no Qt, no OpenCV, no network needed): builds core/ml alone
# (-DTAGWISE_ENGINE_ONLY=ON) against the LibTorch inside that PyTorch, or the
# one TAGWISE_TORCH_DIR names (an official LibTorch archive, unpacked), runs
# bench/engine_check on the GPU (the loss falls in float32 and with autocast,
# every architecture's forward equals the CPU's, checkpoints cross between
# GPU and CPU, training images/s), then the same networks' training images/s
# in Python PyTorch on the same GPU, side by side.
#
# usage: bench/gpu.sh [BUILD_DIR]     (default: build-engine)
# environment: PYTHON (python3), DEVICE (cuda; cpu runs the CPU parts alone),
#              TAGWISE_TORCH_DIR, NLOHMANN_JSON_INCLUDE (a folder holding
#              nlohmann/json.hpp when nlohmann-json3-dev is not installed)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build="${1:-$root/build-engine}"
python="${PYTHON:-python3}"
device="${DEVICE:-cuda}"
if [[ -n "${TAGWISE_TORCH_DIR:-}" ]]; then
    prefix="$TAGWISE_TORCH_DIR"
else
    prefix=$("$python" -c 'import torch; print(torch.utils.cmake_prefix_path)')
fi
echo "LibTorch from: $prefix"
start=$(date +%s)
cmake -S "$root" -B "$build" -G Ninja -DTAGWISE_ENGINE_ONLY=ON -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
cmake --build "$build" --target engine_check
echo "built in $(( $(date +%s) - start )) s"
echo
echo "== Tagwise's engine (LibTorch)"
status=0
"$build/engine_check" --device "$device" || status=$?
echo
echo "== the same networks in Python PyTorch"
"$python" "$root/bench/engine_check_reference.py" --device "$device"
exit "$status"
