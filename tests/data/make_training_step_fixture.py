#!/usr/bin/python3
"""Writes networks/reference_training_steps.json: ten Adam steps of
bench/reference_train.py's SmallerVGGNet (the PyTorch twin that
bench/train_vs_pytorch.sh compares the engine with), from weights and a batch
that both sides compute from the same formulas, with dropout off.
tests/core/ml/tst_networks.cpp repeats the steps with the engine's network and
LibTorch's Adam and compares.

The steps run in float64. Ten float32 Adam steps are chaotic: the summation
order of another CPU's kernels, or of another thread count, moves the loss of
step 9 by as much as 0.2, so a float32 fixture holds only on the machine that
made it. In float64 the two sides agree to about 1e-10 on any x86-64 CPU and
thread count, which leaves a tolerance of 1e-7 that a real difference in the
network, the loss or the optimiser cannot pass. The float32 logits of the
first forward pass (not chaotic: one pass, no steps) are kept too, with a
tolerance that holds across CPUs.

Run once with Debian's /usr/bin/python3; it needs python3-torch and
python3-pil (reference_train.py imports PIL) and python3-sklearn. The output
is committed; tests never run Python."""

import json
import math
import pathlib
import sys

import torch
import torch.nn.functional as F

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))
from reference_train import SmallerVGGNet  # noqa: E402

SIZE, TAGS, BATCH, STEPS, LR = 24, 3, 8, 10, 1e-3
OUT = pathlib.Path(__file__).resolve().parent / "networks" / "reference_training_steps.json"


def formula_weights(model):
    """Parameter k, element i (in NCHW order): BN scales 1 + 0.1 sin(0.1 i + k),
    other vectors 0.1 sin(...), matrices and kernels sqrt(3 / fan_in) sin(...)."""
    with torch.no_grad():
        for k, (name, p) in enumerate(model.named_parameters()):
            i = torch.arange(p.numel(), dtype=torch.float64)
            wave = torch.sin(0.1 * i + k)
            if p.dim() == 1:
                value = 1 + 0.1 * wave if name.startswith("bn") and name.endswith(".weight") else 0.1 * wave
            else:
                value = math.sqrt(3.0 / (p.numel() / p.shape[0])) * wave
            p.copy_(value.view(p.shape).to(p.dtype))


def formula_batch(dtype):
    i = torch.arange(BATCH * 3 * SIZE * SIZE, dtype=torch.float64)
    x = (1.5 * torch.sin(0.05 * i + 0.3)).to(dtype).view(BATCH, 3, SIZE, SIZE)
    n = torch.arange(BATCH).view(-1, 1)
    t = torch.arange(TAGS).view(1, -1)
    y = ((n * 3 + t * 7) % 5 < 2).to(dtype)
    return x.contiguous(memory_format=torch.channels_last), y


def model_in(dtype):
    model = SmallerVGGNet(TAGS, SIZE).to(dtype)
    formula_weights(model)
    model = model.to(memory_format=torch.channels_last)
    model.train()
    for module in model.modules():
        if isinstance(module, torch.nn.Dropout):
            module.eval()
    return model


def main():
    torch.set_num_threads(1)
    model = model_in(torch.float32)
    x, _ = formula_batch(torch.float32)
    logits32 = model(x).detach().flatten().tolist()

    model = model_in(torch.float64)
    x, y = formula_batch(torch.float64)
    optimizer = torch.optim.Adam(model.parameters(), lr=LR)
    losses, logits = [], None
    for step in range(STEPS):
        optimizer.zero_grad(set_to_none=True)
        out = model(x)
        if step == 0:
            logits = out.detach().flatten().tolist()
        loss = F.binary_cross_entropy_with_logits(out, y)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    OUT.parent.mkdir(exist_ok=True)
    with open(OUT, "w") as f:
        json.dump({"size": SIZE, "tags": TAGS, "batch": BATCH, "lr": LR, "torch": torch.__version__,
                   "dtype": "float64", "logits": logits, "losses": losses, "float32_logits": logits32},
                  f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
