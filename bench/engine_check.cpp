// The engine on a device, with LibTorch alone (it builds without Qt and
// OpenCV: -DTAGWISE_ENGINE_ONLY=ON, see bench/gpu.sh). Checks, and prints:
//   1. the loss falls, in float32 and with mixed precision (CUDA: autocast;
//      CPU: bf16 autocast), on synthetic data whose tags follow the pixels;
//   2. every architecture's forward pass on the device equals the CPU's;
//   3. a checkpoint written on the device resumes on the CPU, and back;
//   4. training images/s with channels_last and mixed precision, for
//      SmallerVGGNet at 64 px and ResNet-18/50 at 224 px.
// Without CUDA, the device is the CPU and the CPU-against-device parts say so.
//
// usage: engine_check [--device cpu|cuda] [--quick]     exit 1 when a check fails

#include "core/ml/autocastscope.h"
#include "core/ml/checkpoint.h"
#include "core/ml/modelweights.h"
#include "core/ml/network.h"
#include "core/ml/networkfactory.h"
#include "core/ml/runtimeinfo.h"
#include "core/ml/threads.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>

using namespace tagwise::ml;

namespace {

int g_failures = 0;

void report(bool ok, const std::string &what)
{
    std::printf("%s  %s\n", ok ? "ok  " : "FAIL", what.c_str());
    if (!ok)
        ++g_failures;
}

/// Images whose tags follow them: tag t is on when colour channel t % 3 of quadrant t / 3 is bright.
std::pair<torch::Tensor, torch::Tensor> syntheticBatch(int batch, int size, int tags, torch::Device device)
{
    auto images = torch::rand({batch, 3, size, size}) * 0.5;
    auto targets = torch::zeros({batch, tags});
    const int half = size / 2;
    for (int t = 0; t < tags; ++t) {
        const auto on = torch::rand({batch}) > 0.5;
        const int channel = t % 3, quadrant = (t / 3) % 4;
        auto region = images.narrow(2, (quadrant / 2) * half, half).narrow(3, (quadrant % 2) * half, half).select(1, channel);
        region.add_(on.to(torch::kFloat).view({batch, 1, 1}) * 0.5);
        targets.select(1, t).copy_(on.to(torch::kFloat));
    }
    images = (images - 0.5) / 0.3;
    return {images.contiguous(at::MemoryFormat::ChannelsLast).to(device), targets.to(device)};
}

double trainSteps(NetworkImpl &network, torch::optim::Optimizer &optimizer, int steps, int batch, int size, int tags,
                  torch::Device device, bool mixed, double *firstLoss = nullptr)
{
    network.train();
    double last = 0.0;
    for (int step = 0; step < steps; ++step) {
        const auto [images, targets] = syntheticBatch(batch, size, tags, device);
        optimizer.zero_grad();
        torch::Tensor loss;
        {
            AutocastScope autocast(mixed && device.is_cuda(), mixed && !device.is_cuda());
            loss = torch::binary_cross_entropy_with_logits(network.forward(images).to(torch::kFloat), targets);
        }
        loss.backward();
        optimizer.step();
        last = loss.item<double>();
        if (step == 0 && firstLoss)
            *firstLoss = last;
    }
    return last;
}

double seconds(std::chrono::steady_clock::time_point since)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

void synchronize(torch::Device device)
{
    if (device.is_cuda())
        torch::cuda::synchronize();
}

}

int main(int argc, char **argv)
{
    std::string deviceName = cudaAvailable() ? "cuda" : "cpu";
    bool quick = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--device" && i + 1 < argc)
            deviceName = argv[++i];
        else if (arg == "--quick")
            quick = true;
        else {
            std::fprintf(stderr, "usage: engine_check [--device cpu|cuda] [--quick]\n");
            return 2;
        }
    }
    if (deviceName == "cuda" && !cudaAvailable()) {
        std::fprintf(stderr, "engine_check: this LibTorch has no CUDA, or no GPU is visible\n");
        return 1;
    }
    const torch::Device device(deviceName == "cuda" ? torch::kCUDA : torch::kCPU);
    std::printf("%s\ndevice %s\n", libTorchInfo().summary().c_str(), deviceText(device).c_str());
    if (device.is_cuda())
        at::globalContext().setBenchmarkCuDNN(true);
    const int tags = 8;

    // 1. The loss falls.
    for (const bool mixed : {false, true}) {
        torch::manual_seed(1);
        auto network = createNetwork("smallervggnet", tags, 64, 1);
        network->to(device);
        toChannelsLast(*network);
        torch::optim::Adam adam(network->parameters(), torch::optim::AdamOptions(1e-3));
        double first = 0.0;
        const double last = trainSteps(*network, adam, quick ? 40 : 80, 32, 64, tags, device, mixed, &first);
        char line[160];
        std::snprintf(line, sizeof line, "loss falls on %s, %s: %.4f -> %.4f", device.str().c_str(),
                      mixed ? (device.is_cuda() ? "autocast" : "bf16 autocast") : "float32", first, last);
        report(last < 0.6 * first, line);
    }

    // 2. The device's forward pass is the CPU's.
    if (!device.is_cuda()) {
        std::printf("skip  forward on the device against the CPU: the device is the CPU\n");
    } else {
        for (const std::string &arch : architectureNames()) {
            torch::manual_seed(2);
            auto network = createNetwork(arch, tags, 64, 2);
            network->eval();
            torch::NoGradGuard noGrad;
            const auto images = torch::randn({4, 3, 64, 64});
            const auto onCpu = network->forward(images);
            network->to(device);
            const auto onDevice = network->forward(images.to(device)).cpu();
            const double relative = ((onDevice - onCpu).abs().max() / onCpu.abs().max().clamp_min(1e-12)).item<double>();
            char line[160];
            std::snprintf(line, sizeof line, "forward of %s on %s against the CPU: %.1e of the largest logit",
                          arch.c_str(), device.str().c_str(), relative);
            report(relative < 1e-3, line);
        }
    }

    // 3. A checkpoint crosses devices.
    {
        const auto folder = std::filesystem::temp_directory_path() / ("tagwise-engine-check-" + std::to_string(::getpid()));
        std::filesystem::create_directories(folder);
        const torch::Device cpu(torch::kCPU);
        for (const auto &[from, to] : {std::pair{device, cpu}, std::pair{cpu, device}}) {
            torch::manual_seed(3);
            auto network = createNetwork("resnet18", tags, 64, 3);
            network->to(from);
            toChannelsLast(*network);
            torch::optim::Adam adam(network->parameters(), torch::optim::AdamOptions(1e-3));
            trainSteps(*network, adam, 2, 8, 64, tags, from, false);
            const std::string file = (folder / "last.pt").string();
            Checkpoint::save(file, *network, adam, Json{{"check", from.str()}});
            auto resumed = createNetwork("resnet18", tags, 64, 4);
            const Checkpoint checkpoint = Checkpoint::load(file, to);
            checkpoint.restoreModel(*resumed, to);
            resumed->to(to);
            torch::optim::Adam resumedAdam(resumed->parameters(), torch::optim::AdamOptions(1e-3));
            checkpoint.restoreOptimizer(resumedAdam);
            bool same = true;
            const auto saved = network->named_parameters();
            for (const auto &item : resumed->named_parameters())
                same = same && torch::equal(item.value().cpu(), saved[item.key()].cpu());
            // And it trains on from there.
            trainSteps(*resumed, resumedAdam, 1, 8, 64, tags, to, false);
            report(same, "checkpoint written on " + from.str() + " resumes on " + to.str());
        }
        std::filesystem::remove_all(folder);
    }

    // 4. Training speed, channels_last and mixed precision.
    std::printf("\n| network | input | batch | precision | training images/s |\n| --- | --- | --- | --- | --- |\n");
    struct Case
    {
        const char *arch;
        int size;
        int batch;
    };
    const bool small = quick || !device.is_cuda();
    for (const Case &c : {Case{"smallervggnet", 64, 64}, Case{"resnet18", 224, small ? 8 : 64},
                          Case{"resnet50", 224, small ? 4 : 64}}) {
        auto network = createNetwork(c.arch, tags, c.size, 5);
        network->to(device);
        toChannelsLast(*network);
        torch::optim::Adam adam(network->parameters(), torch::optim::AdamOptions(1e-3));
        const int warmup = 2, timed = small ? 3 : 20;
        // One batch, made before the clock starts: the rate is the network's, not the data's.
        const auto [images, targets] = syntheticBatch(c.batch, c.size, tags, device);
        network->train();
        std::chrono::steady_clock::time_point start;
        for (int step = 0; step < warmup + timed; ++step) {
            if (step == warmup) {
                synchronize(device);
                start = std::chrono::steady_clock::now();
            }
            adam.zero_grad();
            torch::Tensor loss;
            {
                AutocastScope autocast(device.is_cuda(), !device.is_cuda());
                loss = torch::binary_cross_entropy_with_logits(network->forward(images).to(torch::kFloat), targets);
            }
            loss.backward();
            adam.step();
        }
        synchronize(device);
        const double rate = double(timed * c.batch) / seconds(start);
        std::printf("| %s | %d | %d | %s | %.1f |\n", c.arch, c.size, c.batch,
                    device.is_cuda() ? "autocast" : "bf16 autocast", rate);
    }
    std::printf("\n%s\n", g_failures == 0 ? "all checks passed" : "SOME CHECKS FAILED");
    return g_failures == 0 ? 0 : 1;
}
