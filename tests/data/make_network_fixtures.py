#!/usr/bin/python3
"""Writes networks/torchvision_<arch>.json: the state-dict keys and shapes of
torchvision's resnet18/34/50(), mobilenet_v2() and vgg16(_bn)() with 5 outputs, which
tests/core/ml/tst_networks.cpp compares with Tagwise's own networks.

Run once with Debian's /usr/bin/python3 (python3-torchvision); the output is
committed, tests never run Python."""

import json
import pathlib

import torchvision

NUM_CLASSES = 5
HERE = pathlib.Path(__file__).resolve().parent / "networks"


def dump(name, model):
    shapes = {key: list(value.shape) for key, value in model.state_dict().items()}
    HERE.mkdir(exist_ok=True)
    with open(HERE / f"torchvision_{name}.json", "w") as out:
        # One key per line keeps the file small and its diffs readable.
        lines = [f" {json.dumps(key)}: {json.dumps(shape)}" for key, shape in shapes.items()]
        out.write(f'{{"numClasses": {NUM_CLASSES}, "torchvision": {json.dumps(torchvision.__version__)},\n')
        out.write('"stateDict": {\n' + ",\n".join(lines) + "\n}}\n")


dump("resnet18", torchvision.models.resnet18(num_classes=NUM_CLASSES))
dump("resnet34", torchvision.models.resnet34(num_classes=NUM_CLASSES))
dump("resnet50", torchvision.models.resnet50(num_classes=NUM_CLASSES))
dump("mobilenetv2", torchvision.models.mobilenet_v2(num_classes=NUM_CLASSES))
dump("vgg16", torchvision.models.vgg16(num_classes=NUM_CLASSES))
dump("vgg16_bn", torchvision.models.vgg16_bn(num_classes=NUM_CLASSES))
