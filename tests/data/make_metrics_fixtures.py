#!/usr/bin/python3
"""Writes metrics/*.json: small multi-label prediction sets with the scores
scikit-learn gives them, which tests/core/ml/tst_metrics.cpp compares with
tagwise::ml::computeMetrics() and tuneThresholds(); and review/threshold_sweep.json:
one prediction set at several threshold vectors, with scikit-learn's
multilabel_confusion_matrix and the tag-by-tag confusion at each, which the
metrics test and the Review workspace's test compare with.

Run once with Debian's /usr/bin/python3 (python3-sklearn, python3-numpy); the
output is committed, tests never run Python.

Probabilities and thresholds are float32 values (written exactly), and the
predictions use p >= threshold in float32, as the C++ code does."""

import json
import pathlib
import warnings

import numpy as np
import sklearn
from sklearn.exceptions import UndefinedMetricWarning
from sklearn.metrics import (average_precision_score, f1_score, fbeta_score, hamming_loss,
                             multilabel_confusion_matrix, precision_score, recall_score)

OUT = pathlib.Path(__file__).resolve().parent / "metrics"

# Zero divisions and tags without positives are the point of some fixtures.
warnings.simplefilter("ignore", UndefinedMetricWarning)
warnings.simplefilter("ignore", UserWarning)


def tune(probs, truth, beta):
    """Per tag, the candidate (0.5 first, then the distinct scores ascending)
    with the best binary F-beta; ties go to the candidate nearest 0.5."""
    thresholds, scores = [], []
    for t in range(truth.shape[1]):
        if truth[:, t].sum() == 0:
            thresholds.append(0.5)
            scores.append(0.0)
            continue
        best, best_score = np.float32(0.5), -1.0
        for c in [np.float32(0.5)] + sorted(set(probs[:, t].tolist())):
            c = np.float32(c)
            score = fbeta_score(truth[:, t], probs[:, t] >= c, beta=beta)
            if score > best_score + 1e-12 or (abs(score - best_score) <= 1e-12
                                              and abs(c - 0.5) < abs(best - 0.5)):
                best, best_score = c, max(score, best_score)
        thresholds.append(float(best))
        scores.append(float(best_score))
    return thresholds, scores


def write(name, description, probs, truth, thresholds, beta=2.0):
    probs = np.asarray(probs, dtype=np.float32)
    truth = np.asarray(truth, dtype=np.uint8)
    thresholds = np.asarray(thresholds, dtype=np.float32)
    n, num_tags = truth.shape
    tags = [f"tag{t}" for t in range(num_tags)]
    pred = (probs >= thresholds[None, :]).astype(np.uint8)

    mcm = multilabel_confusion_matrix(truth, pred)
    precision = precision_score(truth, pred, average=None)
    recall = recall_score(truth, pred, average=None)
    f1 = f1_score(truth, pred, average=None)
    ap = average_precision_score(truth, probs.astype(np.float64), average=None)
    tuned, tuned_scores = tune(probs, truth, beta)
    per_tag = []
    for t in range(num_tags):
        (tn, fp), (fn, tp) = mcm[t].tolist()
        per_tag.append({"tag": tags[t], "tp": tp, "fp": fp, "fn": fn, "tn": tn,
                        "precision": float(precision[t]), "recall": float(recall[t]),
                        "f1": float(f1[t]), "ap": float(ap[t]), "support": int(truth[:, t].sum()),
                        "threshold": float(thresholds[t]),
                        "tunedThreshold": tuned[t], "tunedFbeta": tuned_scores[t]})
    fixture = {
        "description": description,
        "sklearn": sklearn.__version__,
        "beta": beta,
        "tags": tags,
        "thresholds": [float(x) for x in thresholds],
        "probabilities": [[float(x) for x in row] for row in probs],
        "truth": truth.tolist(),
        "expected": {
            "fbetaSamples": float(fbeta_score(truth, pred, beta=beta, average="samples")),
            "f1Micro": float(f1_score(truth, pred, average="micro")),
            "f1Macro": float(f1_score(truth, pred, average="macro")),
            "map": float(average_precision_score(truth, probs.astype(np.float64), average="macro")),
            "hammingLoss": float(hamming_loss(truth, pred)),
            "perTag": per_tag,
        },
    }
    OUT.mkdir(exist_ok=True)
    with open(OUT / f"{name}.json", "w") as out:
        json.dump(fixture, out, indent=1)
        out.write("\n")


def write_sweep(probs, truth, steps):
    probs = np.asarray(probs, dtype=np.float32)
    truth = np.asarray(truth, dtype=np.uint8)
    tags = [f"tag{t}" for t in range(truth.shape[1])]
    out = []
    for thresholds in steps:
        thresholds = np.asarray(thresholds, dtype=np.float32)
        pred = (probs >= thresholds[None, :]).astype(np.int64)
        mcm = multilabel_confusion_matrix(truth, pred)
        out.append({"thresholds": [float(x) for x in thresholds],
                    # per tag [[tn, fp], [fn, tp]], as scikit-learn gives it
                    "multilabel_confusion_matrix": mcm.tolist(),
                    # (i, j): images that have tag i and get tag j predicted
                    "tag_confusion": (truth.T.astype(np.int64) @ pred).tolist()})
    fixture = {"description": "one prediction set at several thresholds", "sklearn": sklearn.__version__,
               "tags": tags, "probabilities": [[float(x) for x in row] for row in probs],
               "truth": truth.tolist(), "steps": out}
    folder = OUT.parent / "review"
    folder.mkdir(exist_ok=True)
    with open(folder / "threshold_sweep.json", "w") as file:
        json.dump(fixture, file, indent=1)
        file.write("\n")


def correlated(rng, n, num_tags, rate=0.35):
    truth = (rng.random((n, num_tags)) < rate).astype(np.uint8)
    probs = truth * 0.3 + rng.random((n, num_tags)) * 0.7  # overlapping: AP below 1
    return probs, truth


def main():
    rng = np.random.default_rng(20240611)

    probs, truth = correlated(rng, 60, 5)
    write("random", "60 samples, 5 tags, scores correlated with the truth", probs, truth, [0.5] * 5)

    probs = rng.random((40, 6))
    truth = (rng.random((40, 6)) < 0.4).astype(np.uint8)
    write("random_beta1_custom_thresholds", "uncorrelated scores, per-tag thresholds, beta 1",
          probs, truth, [0.1, 0.3, 0.5, 0.7, 0.9, 0.45], beta=1.0)

    probs, truth = correlated(rng, 50, 4)
    probs = np.round(probs * 10) / 10  # one decimal: many ties, many exactly at 0.5
    write("ties", "scores rounded to 0.1 (ties, values equal to the threshold)", probs, truth, [0.5] * 4)

    probs, truth = correlated(rng, 30, 4)
    truth[:, 2] = 0
    probs[:5, 2] = 0.9  # predicted although it never occurs
    write("no_positive_tag", "tag2 never occurs in the truth but is predicted", probs, truth, [0.5] * 4)

    probs, truth = correlated(rng, 30, 4)
    truth[:6] = 0
    probs[:3] = 0.1   # no labels, no predictions
    probs[3:6, 1] = 0.8  # no labels, one prediction
    truth[6:9, 0] = 1
    probs[6:9] = 0.05  # labels, no predictions
    write("empty_samples", "samples with no labels and/or no predictions", probs, truth, [0.5] * 4, beta=0.5)

    truth = (rng.random((25, 5)) < 0.4).astype(np.uint8)
    probs = np.where(truth == 1, 0.6 + 0.4 * rng.random((25, 5)), 0.4 * rng.random((25, 5)))
    write("all_correct", "every prediction right", probs, truth, [0.5] * 5)

    probs, truth = correlated(rng, 20, 3)
    write("never_predicted", "thresholds above every score for tag1", probs, truth, [0.5, 1.5, 0.5])

    probs, truth = correlated(rng, 48, 4)
    probs = np.round(probs * 100) / 100
    write_sweep(probs, truth, [[0.5] * 4, [0.2] * 4, [0.8] * 4, [0.3, 0.5, 0.7, 0.9], [0.0, 1.0, 0.45, 0.55]])


if __name__ == "__main__":
    main()
