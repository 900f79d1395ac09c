#!/usr/bin/python3
"""PyTorch (Python) twin of `tagwise-cli train` + `evaluate`, for speed and
quality comparisons (bench/train_vs_pytorch.sh runs both on the same data).

Same model, data and recipe as the engine with the benchmark's settings:
- SmallerVGGNet layer for layer and initialised as core/ml/smallervggnet.cpp
  (same parameter names too);
- reads a Planet CSV (image_name,tags) and an images folder, decodes every
  image once into a uint8 N x S x S x 3 RGB cache (the engine does the same);
- inputs (x / 255 - mean) / std with the per-channel mean and std measured on
  the training cache, channels_last;
- no augmentation (the engine runs with --no-augment), BCE with logits,
  Adam (no weight decay), constant learning rate, shuffled batches where a lone
  last sample joins the batch before it;
- after each epoch the validation set is scored (F-beta over samples at
  threshold 0.5) and the best epoch's weights are kept; the test set is scored
  with those weights at threshold 0.5 (the engine runs with --no-tune).

Prints per-epoch training images/s (training phase only, as the engine's
img/s), the decoding time and the whole wall time, then the test F-beta
(samples), micro-F1 and mAP computed with scikit-learn, and one final line
"RESULT key=value ..." for scripts.
"""

import argparse
import copy
import csv
import os
import sys
import time
from concurrent.futures import ThreadPoolExecutor

START = time.perf_counter()

import numpy as np  # noqa: E402
import torch  # noqa: E402
import torch.nn as nn  # noqa: E402
import torch.nn.functional as F  # noqa: E402
from PIL import Image  # noqa: E402
from sklearn.metrics import average_precision_score, f1_score, fbeta_score  # noqa: E402

EXTENSIONS = (".png", ".jpg", ".jpeg", ".bmp", ".webp", ".tif", ".tiff")


class SmallerVGGNet(nn.Module):
    """core/ml/smallervggnet.cpp: CONV-RELU-BN blocks with Keras-style pools."""

    def __init__(self, num_tags, size):
        super().__init__()
        side = ((size - 3) // 3 + 1) // 2 // 2
        if side < 1:
            raise ValueError(f"input size {size} is too small (at least 12 pixels)")
        self.conv1, self.bn1 = nn.Conv2d(3, 32, 3, padding=1), nn.BatchNorm2d(32)
        self.drop1 = nn.Dropout(0.25)
        self.conv2, self.bn2 = nn.Conv2d(32, 64, 3, padding=1), nn.BatchNorm2d(64)
        self.conv3, self.bn3 = nn.Conv2d(64, 64, 3, padding=1), nn.BatchNorm2d(64)
        self.drop2 = nn.Dropout(0.25)
        self.conv4, self.bn4 = nn.Conv2d(64, 128, 3, padding=1), nn.BatchNorm2d(128)
        self.conv5, self.bn5 = nn.Conv2d(128, 128, 3, padding=1), nn.BatchNorm2d(128)
        self.drop3 = nn.Dropout(0.25)
        self.fc1 = nn.Linear(128 * side * side, 1024)
        self.bn_fc = nn.BatchNorm1d(1024)
        self.drop4 = nn.Dropout(0.5)
        self.fc2 = nn.Linear(1024, num_tags)
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                nn.init.kaiming_normal_(m.weight, mode="fan_out", nonlinearity="relu")
                nn.init.zeros_(m.bias)
            elif isinstance(m, nn.Linear):
                nn.init.normal_(m.weight, 0.0, 0.01)
                nn.init.zeros_(m.bias)

    def forward(self, x):
        x = self.drop1(F.max_pool2d(self.bn1(F.relu(self.conv1(x))), 3))
        x = self.bn2(F.relu(self.conv2(x)))
        x = self.bn3(F.relu(self.conv3(x)))
        x = self.drop2(F.max_pool2d(x, 2))
        x = self.bn4(F.relu(self.conv4(x)))
        x = self.bn5(F.relu(self.conv5(x)))
        x = self.drop3(F.max_pool2d(x, 2))
        x = x.contiguous().flatten(1)
        x = self.drop4(self.bn_fc(F.relu(self.fc1(x))))
        return self.fc2(x)


def read_planet_csv(path, images_dir):
    """(file paths, tag lists) of a Planet CSV; names without an extension are
    resolved against the images folder."""
    by_stem = {}
    for name in os.listdir(images_dir):
        stem, ext = os.path.splitext(name)
        if ext.lower() in EXTENSIONS:
            by_stem.setdefault(stem, name)
    paths, tags = [], []
    with open(path, newline="") as f:
        reader = csv.reader(f)
        next(reader)
        for row in reader:
            if not row:
                continue
            name = row[0]
            if not os.path.exists(os.path.join(images_dir, name)):
                if name not in by_stem:
                    sys.exit(f"{path}: image {name} not found in {images_dir}")
                name = by_stem[name]
            paths.append(os.path.join(images_dir, name))
            tags.append(row[1].split() if len(row) > 1 else [])
    return paths, tags


def decode_all(paths, size, threads):
    """uint8 N x size x size x 3 RGB, as the engine's decoded cache."""
    def load(path):
        with Image.open(path) as im:
            im = im.convert("RGB")
            if im.size != (size, size):
                shrink = im.size[0] > size or im.size[1] > size
                im = im.resize((size, size), Image.BOX if shrink else Image.BILINEAR)
            return np.asarray(im, dtype=np.uint8)
    cache = np.empty((len(paths), size, size, 3), dtype=np.uint8)
    with ThreadPoolExecutor(max_workers=threads) as pool:
        for i, pixels in enumerate(pool.map(load, paths)):
            cache[i] = pixels
    return torch.from_numpy(cache)


def targets_of(tag_lists, tag_index):
    t = torch.zeros(len(tag_lists), len(tag_index))
    for i, tags in enumerate(tag_lists):
        for tag in tags:
            if tag in tag_index:
                t[i, tag_index[tag]] = 1.0
    return t


def batch_bounds(n, batch):
    bounds = list(range(0, n, batch)) + [n]
    if len(bounds) > 2 and n - bounds[-2] == 1:
        del bounds[-2]  # a lone last sample joins the batch before it, as the engine does
    return list(zip(bounds[:-1], bounds[1:]))


def to_input(pixels, mean, std):
    x = pixels.permute(0, 3, 1, 2).float().div_(255.0)
    x = (x - mean) / std
    return x.contiguous(memory_format=torch.channels_last)


def predict(model, cache, targets, mean, std, batch):
    model.eval()
    probs, loss_sum = [], 0.0
    with torch.inference_mode():
        for begin, end in batch_bounds(cache.shape[0], batch):
            logits = model(to_input(cache[begin:end], mean, std))
            loss_sum += F.binary_cross_entropy_with_logits(logits, targets[begin:end]).item() * (end - begin)
            probs.append(torch.sigmoid(logits))
    return torch.cat(probs).numpy(), loss_sum / max(1, cache.shape[0])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--csv", required=True, help="training Planet CSV")
    parser.add_argument("--val-csv", required=True, help="validation Planet CSV")
    parser.add_argument("--test-csv", required=True, help="test Planet CSV")
    parser.add_argument("--images", required=True, help="folder holding every image")
    parser.add_argument("--size", type=int, default=64)
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--beta", type=float, default=2.0)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--profile", action="store_true",
                        help="also print where each epoch's training time goes (batch assembly, forward, "
                             "backward, optimizer)")
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)

    decode_start = time.perf_counter()
    train_paths, train_tags = read_planet_csv(args.csv, args.images)
    val_paths, val_tags = read_planet_csv(args.val_csv, args.images)
    test_paths, test_tags = read_planet_csv(args.test_csv, args.images)
    tags = sorted({t for ts in train_tags for t in ts})
    tag_index = {t: i for i, t in enumerate(tags)}
    train_cache = decode_all(train_paths, args.size, args.threads)
    val_cache = decode_all(val_paths, args.size, args.threads)
    decode_seconds = time.perf_counter() - decode_start
    print(f"data: {len(train_paths)} training, {len(val_paths)} validation, {len(test_paths)} test images, "
          f"{len(tags)} tags; decoding {decode_seconds:.1f} s", flush=True)

    train_targets = targets_of(train_tags, tag_index)
    val_targets = targets_of(val_tags, tag_index)
    pixels = train_cache.reshape(-1, 3).double()
    mean = (pixels.mean(0) / 255.0).float().view(1, 3, 1, 1)
    std = (pixels.std(0, unbiased=False) / 255.0).clamp_min(1e-3).float().view(1, 3, 1, 1)
    del pixels

    model = SmallerVGGNet(len(tags), args.size).to(memory_format=torch.channels_last)
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)
    generator = torch.Generator().manual_seed(args.seed)
    n = train_cache.shape[0]
    rates, best_fbeta, best_epoch, best_state = [], -1.0, 0, None
    for epoch in range(1, args.epochs + 1):
        epoch_start = time.perf_counter()
        model.train()
        order = torch.randperm(n, generator=generator)
        loss_sum = 0.0
        phases = [0.0, 0.0, 0.0, 0.0]  # batch assembly, forward + loss, backward, optimizer
        for begin, end in batch_bounds(n, args.batch):
            t0 = time.perf_counter()
            index = order[begin:end]
            x = to_input(train_cache[index], mean, std)
            t1 = time.perf_counter()
            loss = F.binary_cross_entropy_with_logits(model(x), train_targets[index])
            t2 = time.perf_counter()
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            t3 = time.perf_counter()
            optimizer.step()
            loss_sum += loss.item() * (end - begin)
            t4 = time.perf_counter()
            for i, seconds in enumerate((t1 - t0, t2 - t1, t3 - t2, t4 - t3)):
                phases[i] += seconds
        train_seconds = time.perf_counter() - epoch_start
        if args.profile:
            total = sum(phases)
            print("  profile: " + "  ".join(f"{name} {seconds:.1f} s ({100 * seconds / total:.0f} %)" for name, seconds in
                                            zip(("batches", "forward", "backward", "optimizer"), phases)),
                  flush=True)
        rates.append(n / train_seconds)
        probs, val_loss = predict(model, val_cache, val_targets, mean, std, args.batch)
        fbeta = fbeta_score(val_targets.numpy(), probs >= 0.5, beta=args.beta, average="samples", zero_division=0)
        if fbeta > best_fbeta:
            best_fbeta, best_epoch, best_state = fbeta, epoch, copy.deepcopy(model.state_dict())
        print(f"epoch {epoch}/{args.epochs}  train_loss {loss_sum / n:.4f}  val_loss {val_loss:.4f}  "
              f"fbeta {fbeta:.4f}  {rates[-1]:.1f} img/s  {time.perf_counter() - epoch_start:.1f} s", flush=True)

    model.load_state_dict(best_state)
    test_cache = decode_all(test_paths, args.size, args.threads)
    test_targets = targets_of(test_tags, tag_index).numpy()
    probs, _ = predict(model, test_cache, torch.from_numpy(test_targets), mean, std, args.batch)
    predicted = probs >= 0.5
    test_fbeta = fbeta_score(test_targets, predicted, beta=args.beta, average="samples", zero_division=0)
    test_f1_micro = f1_score(test_targets, predicted, average="micro", zero_division=0)
    test_map = average_precision_score(test_targets, probs, average="macro")
    wall = time.perf_counter() - START
    mean_rate = sum(rates) / len(rates)
    print(f"best epoch {best_epoch}: validation fbeta {best_fbeta:.4f}")
    print(f"test ({len(test_paths)} images): fbeta_samples {test_fbeta:.4f}  f1_micro {test_f1_micro:.4f}  "
          f"map {test_map:.4f}")
    print(f"time: {wall:.1f} s (decoding {decode_seconds:.1f} s), mean {mean_rate:.1f} training img/s")
    print(f"RESULT images_per_s={mean_rate:.2f} wall_s={wall:.2f} decode_s={decode_seconds:.2f} "
          f"test_fbeta={test_fbeta:.6f} test_f1_micro={test_f1_micro:.6f} test_map={test_map:.6f}")


if __name__ == "__main__":
    main()
