#!/usr/bin/python3
"""Checks Tagwise's pretrained-weights path against torchvision, with real
files that torchvision itself writes (run by torchvision_parity.sh).

    torchvision_parity.py write DIR        weights of each architecture as
        DIR/<arch>.pt (torch.save(model.state_dict())) and DIR/<arch>.safetensors,
        a 224 x 224 image DIR/image.png, and torchvision's features of it
        (DIR/<arch>.features.json)
    torchvision_parity.py compare DIR      reads `tagwise-cli features --json`
        output DIR/<arch>.<format>.tagwise.json and prints the differences
    torchvision_parity.py logits FILE.safetensors ARCH TAGS IMAGE PREDICT_JSON
        loads an exported model into torchvision and compares its
        probabilities with `tagwise-cli predict --json`

Debian's python3-torch / python3-torchvision (0.14) only; safetensors is
written and read by hand (Debian has no package for it)."""

import json
import pathlib
import struct
import sys

import numpy as np
import torch
import torchvision
from PIL import Image

ARCHS = ["resnet18", "resnet50", "mobilenet_v2", "vgg16"]
MEAN = torch.tensor([0.485, 0.456, 0.406]).view(1, 3, 1, 1)
STD = torch.tensor([0.229, 0.224, 0.225]).view(1, 3, 1, 1)
DTYPES = {torch.float32: "F32", torch.int64: "I64", torch.float16: "F16"}


def write_safetensors(path, state):
    header, blobs, offset = {}, [], 0
    for name, tensor in state.items():
        data = tensor.contiguous().numpy().tobytes()
        header[name] = {"dtype": DTYPES[tensor.dtype], "shape": list(tensor.shape),
                        "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    text = json.dumps(header).encode()
    text += b" " * ((8 - len(text) % 8) % 8)
    with open(path, "wb") as out:
        out.write(struct.pack("<Q", len(text)) + text + b"".join(blobs))


def read_safetensors(path):
    raw = pathlib.Path(path).read_bytes()
    size = struct.unpack("<Q", raw[:8])[0]
    header = json.loads(raw[8:8 + size])
    header.pop("__metadata__", None)
    types = {"F32": np.float32, "I64": np.int64, "F16": np.float16}
    state = {}
    for name, entry in header.items():
        begin, end = entry["data_offsets"]
        array = np.frombuffer(raw[8 + size + begin:8 + size + end], dtype=types[entry["dtype"]])
        state[name] = torch.from_numpy(array.copy()).reshape(entry["shape"])
    return state


def model(arch, num_classes=1000):
    return getattr(torchvision.models, arch)(num_classes=num_classes).eval()


def features(net, arch, x):
    with torch.no_grad():
        if arch.startswith("resnet"):
            for name in ["conv1", "bn1", "relu", "maxpool", "layer1", "layer2", "layer3", "layer4"]:
                x = getattr(net, name)(x)
        else:
            x = net.features(x)
        return x.mean((2, 3))[0]


def image_tensor(path):
    pixels = np.asarray(Image.open(path).convert("RGB"), dtype=np.float32) / 255.0
    return (torch.from_numpy(pixels).permute(2, 0, 1).unsqueeze(0) - MEAN) / STD


def write(folder):
    folder = pathlib.Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(7)
    Image.fromarray(rng.integers(0, 256, (224, 224, 3), dtype=np.uint8)).save(folder / "image.png")
    x = image_tensor(folder / "image.png")
    for arch in ARCHS:
        torch.manual_seed(0)
        net = model(arch)
        # Batch norm statistics that are not the identity, as trained weights have.
        with torch.no_grad():
            for m in net.modules():
                if isinstance(m, torch.nn.BatchNorm2d):
                    m.running_mean.uniform_(-0.2, 0.2)
                    m.running_var.uniform_(0.5, 1.5)
                    m.weight.uniform_(0.5, 1.5)
                    m.bias.uniform_(-0.2, 0.2)
        torch.save(net.state_dict(), folder / f"{arch}.pt")
        write_safetensors(folder / f"{arch}.safetensors", net.state_dict())
        (folder / f"{arch}.features.json").write_text(json.dumps(features(net, arch, x).tolist()))


def compare(folder):
    folder = pathlib.Path(folder)
    worst = 0.0
    print(f"{'architecture':<14} {'file':<12} {'features':>8} {'max |diff|':>12} {'max |feature|':>14} {'relative':>10}")
    for arch in ARCHS:
        reference = np.array(json.loads((folder / f"{arch}.features.json").read_text()))
        for fmt in ["pt", "safetensors"]:
            ours = np.array(json.loads((folder / f"{arch}.{fmt}.tagwise.json").read_text())[0]["features"])
            diff = float(np.abs(ours - reference).max())
            scale = float(np.abs(reference).max())
            worst = max(worst, diff / scale)
            print(f"{arch:<14} {fmt:<12} {len(ours):>8} {diff:>12.3e} {scale:>14.4f} {diff / scale:>10.2e}")
    print(f"largest relative difference: {worst:.2e} ({'within' if worst < 1e-4 else 'OVER'} 1e-4)")
    return 0 if worst < 1e-4 else 1


def logits(weights, image, predicted):
    raw = pathlib.Path(weights).read_bytes()
    meta = json.loads(raw[8:8 + struct.unpack("<Q", raw[:8])[0]])["__metadata__"]
    tags = json.loads(meta["tags"])
    norm = json.loads(meta["normalization"])
    net = model(meta["architecture"], len(tags))
    net.load_state_dict(read_safetensors(weights))  # strict: every key and shape
    pixels = np.asarray(Image.open(image).convert("RGB"), dtype=np.float32) / 255.0
    x = torch.from_numpy(pixels).permute(2, 0, 1).unsqueeze(0)
    x = (x - torch.tensor(norm["mean"]).view(1, 3, 1, 1)) / torch.tensor(norm["std"]).view(1, 3, 1, 1)
    with torch.no_grad():
        theirs = torch.sigmoid(net(x))[0].numpy()
    ours = json.loads(pathlib.Path(predicted).read_text())[0]["probabilities"]
    ours = np.array([ours[t] for t in tags])
    diff = float(np.abs(theirs - ours).max())
    print(f"{meta['architecture']} exported with {len(tags)} tags, loaded by torchvision "
          f"{torchvision.__version__} (strict): max |probability difference| {diff:.2e} "
          f"({'within' if diff < 1e-4 else 'OVER'} 1e-4)")
    return 0 if diff < 1e-4 else 1


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "write":
        write(sys.argv[2])
    elif command == "compare":
        sys.exit(compare(sys.argv[2]))
    elif command == "logits":
        sys.exit(logits(sys.argv[2], sys.argv[3], sys.argv[4]))
