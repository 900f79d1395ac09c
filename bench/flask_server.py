#!/usr/bin/python3
"""The minimal Flask + PyTorch prediction server of the tutorials, serving the
same network as `tagwise-cli serve` (SmallerVGGNet of reference_train.py, in
evaluation mode) with the same JSON, for bench/serve_vs_flask.sh. Its weights
are random: the network's cost is what is compared, not its answers.

usage: flask_server.py --port P --size S --tags a,b,c [--threads N]"""

import argparse
import io
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import numpy as np  # noqa: E402
import torch  # noqa: E402
from flask import Flask, jsonify, request  # noqa: E402
from PIL import Image  # noqa: E402

from reference_train import SmallerVGGNet  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--size", type=int, required=True)
    parser.add_argument("--tags", required=True)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    tags = args.tags.split(",")
    model = SmallerVGGNet(len(tags), args.size).eval()
    app = Flask(__name__)

    @app.route("/predict", methods=["POST"])
    def predict():
        try:
            image = Image.open(io.BytesIO(request.get_data())).convert("RGB")
        except Exception as error:  # noqa: BLE001
            return jsonify({"error": str(error)}), 400
        image = image.resize((args.size, args.size), Image.BILINEAR)
        x = torch.from_numpy(np.asarray(image, dtype=np.float32) / 255.0).permute(2, 0, 1).unsqueeze(0)
        x = (x - 0.5) / 0.25
        with torch.inference_mode():
            p = torch.sigmoid(model(x))[0].tolist()
        return jsonify([{"path": "-", "probabilities": dict(zip(tags, p)),
                         "tags": [t for t, v in zip(tags, p) if v >= 0.5]}])

    app.run(host="127.0.0.1", port=args.port, threaded=True)


if __name__ == "__main__":
    main()
