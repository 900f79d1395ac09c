#!/usr/bin/python3
"""Writes the fixtures of tests/core/ml/tst_weightfile.cpp and tst_pretrained.cpp
(tests/data/weights/). Run once with Debian's /usr/bin/python3 (python3-torch,
python3-torchvision 0.14); the output is committed, tests never run Python.

- state_dict.pt: torch.save(model.state_dict()) of a tiny Conv-BN-Linear
  network (an OrderedDict with _metadata, an int64 num_batches_tracked);
- plain_dict.pt: a plain dict of float16, bfloat16, int64 and float64 tensors
  and two views of one storage (a slice and a transpose);
- checkpoint.pt: {"state_dict": ..., "epoch": 3}, as training scripts save;
- legacy.pt: the pre-1.6 torch.save format; whole_module.pt: a pickled module;
- expected.json: every tensor of those files (dtype, shape, values);
- features.json: torchvision's backbone features of resnet18, resnet50,
  mobilenet_v2 and vgg16 whose weights follow formula() below (which the C++
  test computes too: 100 MB of weights need not be committed) for the input
  of formula_input(), after global average pooling."""

import collections
import json
import math
import pathlib

import numpy as np
import torch
import torchvision

HERE = pathlib.Path(__file__).resolve().parent / "weights"


def tiny():
    torch.manual_seed(5)
    net = torch.nn.Sequential(torch.nn.Conv2d(3, 4, 3), torch.nn.BatchNorm2d(4), torch.nn.Flatten(),
                              torch.nn.Linear(4, 2))
    net[1].running_mean.uniform_(-1, 1)
    net[1].running_var.uniform_(0.5, 2)
    net[1].num_batches_tracked.fill_(7)
    return net


def describe(tensors):
    return {name: {"dtype": str(t.dtype).replace("torch.", ""), "shape": list(t.shape),
                   "values": t.double().flatten().tolist()} for name, t in tensors.items()}


def formula(name, shape, index):
    """The value of every weight: a sine of its position, scaled by its role."""
    count = int(np.prod(shape)) if shape else 1
    wave = np.sin(1.3 * np.arange(count, dtype=np.float64) + 0.7 * index)
    if name.endswith("running_var"):
        values = 1.0 + 0.5 * np.abs(wave)
    elif name.endswith("running_mean") or name.endswith("bias"):
        values = 0.1 * wave
    elif len(shape) == 1:  # batch-norm weight
        values = 1.0 + 0.2 * wave
    else:
        fan_in = count // shape[0]
        values = math.sqrt(3.0 / fan_in) * wave
    return torch.from_numpy(values.reshape(shape)).float()


def formula_input(size=224):
    c, h, w = np.meshgrid(np.arange(3), np.arange(size), np.arange(size), indexing="ij")
    return torch.from_numpy(np.sin(0.05 * h + 0.07 * w + 1.1 * c)).float().unsqueeze(0)


def backbone_features(arch):
    net = getattr(torchvision.models, arch)(num_classes=1000).eval()
    state = net.state_dict()
    index = 0
    for name in state:
        if name.endswith("num_batches_tracked"):
            continue
        if not (name.startswith("fc.") or name.startswith("classifier.")):
            state[name] = formula(name, list(state[name].shape), index)
        index += 1
    net.load_state_dict(state)
    x = formula_input()
    with torch.no_grad():
        if arch.startswith("resnet"):
            for part in ["conv1", "bn1", "relu", "maxpool", "layer1", "layer2", "layer3", "layer4"]:
                x = getattr(net, part)(x)
        else:
            x = net.features(x)
    return [float(f"{v:.8g}") for v in x.mean((2, 3))[0].tolist()]


def main():
    HERE.mkdir(exist_ok=True)
    net = tiny()
    torch.save(net.state_dict(), HERE / "state_dict.pt")
    torch.save(net.state_dict(), HERE / "legacy.pt", _use_new_zipfile_serialization=False)
    torch.save(net, HERE / "whole_module.pt")
    torch.save({"state_dict": net.state_dict(), "epoch": 3}, HERE / "checkpoint.pt")
    base = torch.arange(12, dtype=torch.float32).reshape(3, 4)
    plain = {"half": torch.tensor([0.5, -2.0, 65504.0], dtype=torch.float16),
             "bf16": torch.tensor([[1.5, -0.25]], dtype=torch.bfloat16),
             "long": torch.tensor([3, -4, 1 << 40], dtype=torch.int64),
             "double": torch.tensor([math.pi], dtype=torch.float64),
             "base": base, "rows": base[1:], "transposed": base.t()}
    torch.save(plain, HERE / "plain_dict.pt")
    expected = {"state_dict.pt": describe(net.state_dict()), "plain_dict.pt": describe(plain)}
    (HERE / "expected.json").write_text(json.dumps(expected, indent=1) + "\n")
    features = {arch: backbone_features(arch) for arch in ["resnet18", "resnet50", "mobilenet_v2", "vgg16"]}
    (HERE / "features.json").write_text(
        "{\n" + ",\n".join(f' "{a}": {json.dumps(v)}' for a, v in features.items()) + "\n}\n")


main()
