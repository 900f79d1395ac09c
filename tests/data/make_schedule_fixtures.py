#!/usr/bin/python3
"""Writes schedules/lr_schedules.json: the learning rate of every step of
whole runs under torch.optim.lr_scheduler, which
tests/core/ml/tst_trainerpipeline.cpp compares with core/ml/lrschedule.cpp:

- "onecycle": OneCycleLR with its defaults (pct_start 0.3, cosine annealing,
  div_factor 25, final_div_factor 1e4), stepped once per batch;
- "cosine": a linear warm-up (LinearLR from base / W to base over the first W
  steps) followed by CosineAnnealingLR to 0 over the remaining steps; without
  warm-up, CosineAnnealingLR alone. W is the warm-up epochs (at most
  epochs - 1) times the steps per epoch.

Each case records the rate in use at each optimiser step (before step()).
Run once with Debian's /usr/bin/python3 (python3-torch); the output is
committed, tests never run Python."""

import json
import pathlib

import torch

OUT = pathlib.Path(__file__).resolve().parent / "schedules" / "lr_schedules.json"

CASES = [
    # kind, base rate, epochs, steps per epoch, warm-up epochs
    ("onecycle", 1e-3, 5, 10, 0),
    ("onecycle", 0.1, 3, 7, 0),
    ("onecycle", 3e-4, 1, 40, 0),
    ("cosine", 1e-3, 5, 10, 1),
    ("cosine", 0.05, 4, 6, 2),
    ("cosine", 1e-3, 6, 5, 0),
    ("cosine", 2e-3, 1, 30, 1),
]


def rates(kind, base, epochs, steps, warmup):
    parameter = torch.nn.Parameter(torch.zeros(1))
    optimizer = torch.optim.SGD([parameter], lr=base)
    total = epochs * steps
    if kind == "onecycle":
        scheduler = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=base, total_steps=total)
    else:
        w = min(warmup, epochs - 1) * steps
        if w == 0:
            scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=total, eta_min=0.0)
        else:
            # Two schedulers in turn, as SequentialLR would; done by hand because
            # SequentialLR in PyTorch 1.13 applies the warm-up's first factor twice.
            warm = torch.optim.lr_scheduler.LinearLR(optimizer, start_factor=1.0 / w, end_factor=1.0,
                                                     total_iters=max(1, w - 1))
            out = []
            for _ in range(w):
                out.append(optimizer.param_groups[0]["lr"])
                optimizer.step()
                warm.step()
            for group in optimizer.param_groups:
                group["lr"] = base
                group["initial_lr"] = base
            cosine = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=total - w, eta_min=0.0)
            for _ in range(total - w):
                out.append(optimizer.param_groups[0]["lr"])
                optimizer.step()
                cosine.step()
            return out
    out = []
    for _ in range(total):
        out.append(optimizer.param_groups[0]["lr"])
        optimizer.step()
        scheduler.step()
    return out


def main():
    cases = []
    for kind, base, epochs, steps, warmup in CASES:
        cases.append({"kind": kind, "base": base, "epochs": epochs, "steps": steps, "warmup": warmup,
                      "rates": rates(kind, base, epochs, steps, warmup)})
    OUT.parent.mkdir(exist_ok=True)
    with open(OUT, "w") as f:
        f.write('{"torch": ' + json.dumps(torch.__version__) + ', "cases": [\n')
        f.write(",\n".join(json.dumps(case) for case in cases))
        f.write("\n]}\n")


if __name__ == "__main__":
    main()
