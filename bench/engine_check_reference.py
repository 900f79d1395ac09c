#!/usr/bin/python3
"""Training images/s of the networks bench/engine_check times, in Python PyTorch:
SmallerVGGNet (bench/reference_train.py's twin of the engine's) at 64 px and
torchvision's ResNet-18/50 at 224 px, channels_last, autocast (bf16), Adam,
BCE with logits, one batch made before the clock starts; the same batch sizes
and step counts as engine_check."""

import argparse
import os
import sys
import time

import torch
import torchvision

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from reference_train import SmallerVGGNet  # noqa: E402


def rate(model, size, batch, device, warmup, timed, tags=8):
    model = model.to(device).to(memory_format=torch.channels_last).train()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    images = torch.randn(batch, 3, size, size, device=device).contiguous(memory_format=torch.channels_last)
    targets = (torch.rand(batch, tags, device=device) > 0.5).float()
    start = 0.0
    for step in range(warmup + timed):
        if step == warmup:
            if device.type == "cuda":
                torch.cuda.synchronize()
            start = time.perf_counter()
        optimizer.zero_grad()
        with torch.autocast(device.type, dtype=torch.bfloat16):
            loss = torch.nn.functional.binary_cross_entropy_with_logits(model(images).float(), targets)
        loss.backward()
        optimizer.step()
    if device.type == "cuda":
        torch.cuda.synchronize()
    return timed * batch / (time.perf_counter() - start)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    device = torch.device(args.device)
    if device.type == "cuda":
        torch.backends.cudnn.benchmark = True
    small = args.quick or device.type != "cuda"
    timed = 3 if small else 20
    print(f"PyTorch {torch.__version__}, device {device}")
    print("\n| network | input | batch | precision | training images/s |\n| --- | --- | --- | --- | --- |")
    cases = [("smallervggnet", SmallerVGGNet(8, 64), 64, 64),
             ("resnet18", torchvision.models.resnet18(num_classes=8), 224, 8 if small else 64),
             ("resnet50", torchvision.models.resnet50(num_classes=8), 224, 4 if small else 64)]
    for name, model, size, batch in cases:
        print(f"| {name} | {size} | {batch} | {'autocast' if device.type == 'cuda' else 'bf16 autocast'} | "
              f"{rate(model, size, batch, device, 2, timed):.1f} |")


if __name__ == "__main__":
    main()
