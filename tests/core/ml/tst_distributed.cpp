// Data-parallel training's engine parts, with real c10d/Gloo process groups
// over loopback (one thread per rank): the torchrun environment, the shards of
// an epoch, batch norm over the global batch, and gradients averaged while
// backward runs — each against what one process computes on the whole batch.

#include "core/ml/batchloader.h"
#include "core/ml/distributed.h"
#include "core/ml/mlerror.h"
#include "core/ml/modelweights.h"
#include "core/ml/network.h"
#include "core/ml/syncbatchnorm.h"

#include <torch/torch.h>

#include <QElapsedTimer>
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <exception>
#include <functional>
#include <map>
#include <set>
#include <thread>

using namespace tagwise::ml;

namespace {

/// A loopback port nothing listens on now.
int freePort()
{
    const int probe = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    int port = 0;
    if (::bind(probe, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0
        && ::getsockname(probe, reinterpret_cast<sockaddr *>(&address), &length) == 0)
        port = ntohs(address.sin_port);
    ::close(probe);
    return port;
}

/// Runs \a body(rank, communicator) on \a ranks threads, each one rank of a job; rethrows the first failure.
void runRanks(int ranks, const std::function<void(int, Communicator &)> &body)
{
    const int port = freePort();
    std::vector<std::exception_ptr> failures;
    failures.resize(std::size_t(ranks));
    std::vector<std::thread> threads;
    for (int rank = 0; rank < ranks; ++rank) {
        threads.emplace_back([&, rank] {
            try {
                DistributedEnv env;
                env.masterPort = port;
                env.rank = rank;
                env.worldSize = ranks;
                const auto communicator = Communicator::connect(env, std::chrono::seconds(60));
                body(rank, *communicator);
            } catch (...) {
                failures[std::size_t(rank)] = std::current_exception();
            }
        });
    }
    for (auto &thread : threads)
        thread.join();
    for (const auto &failure : failures) {
        if (failure)
            std::rethrow_exception(failure);
    }
}

/// Training mode, but dropout off: its masks are drawn per process and could not match.
void trainWithoutDropout(NetworkImpl &network)
{
    network.train();
    for (const auto &module : network.modules(false)) {
        if (module->as<Dropout>())
            module->eval();
    }
}

double relativeDifference(const torch::Tensor &a, const torch::Tensor &b)
{
    return ((a - b).norm() / b.norm().clamp_min(1e-12)).item<double>();
}

}

class TestDistributed final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void environmentIsRead_data();
    void environmentIsRead();
    void shardsMakeTheGlobalBatch_data();
    void shardsMakeTheGlobalBatch();
    void validationShardsCoverEachSampleOnce();
    void allReduceAndBroadcast();
    void batchNormUsesTheGlobalBatch_data();
    void batchNormUsesTheGlobalBatch();
    void gradientsEqualOneProcess_data();
    void gradientsEqualOneProcess();
    void weightsEqualOneProcessAfterSteps();
    void freezingChangesTheBuckets();
    void missingRankIsAnErrorWithinTheTimeout();
};

void TestDistributed::initTestCase()
{
    if (!haveDistributed())
        QSKIP("this build has no c10d with Gloo (libgloo-dev)");
    torch::set_num_threads(1);
}

void TestDistributed::environmentIsRead_data()
{
    QTest::addColumn<QStringList>("variables"); // NAME=VALUE
    QTest::addColumn<int>("world");              // 0: no job
    QTest::addColumn<int>("rank");
    QTest::addColumn<QString>("error");          // part of the message, when it is refused

    QTest::newRow("no job") << QStringList{} << 0 << 0 << QString();
    QTest::newRow("rank 1 of 2") << QStringList{"WORLD_SIZE=2", "RANK=1", "LOCAL_RANK=1", "MASTER_ADDR=10.1.2.3",
                                                "MASTER_PORT=29400"}
                                 << 2 << 1 << QString();
    QTest::newRow("one process, no master needed") << QStringList{"WORLD_SIZE=1", "RANK=0"} << 1 << 0 << QString();
    QTest::newRow("rank missing") << QStringList{"WORLD_SIZE=2", "MASTER_ADDR=h", "MASTER_PORT=1"} << 0 << 0
                                  << "RANK is not set";
    QTest::newRow("rank too high") << QStringList{"WORLD_SIZE=2", "RANK=2", "MASTER_ADDR=h", "MASTER_PORT=1"} << 0
                                   << 0 << "RANK=2 is not a whole number from 0 to 1";
    QTest::newRow("port not a number") << QStringList{"WORLD_SIZE=2", "RANK=0", "MASTER_ADDR=h", "MASTER_PORT=http"}
                                       << 0 << 0 << "MASTER_PORT=http";
    QTest::newRow("no master") << QStringList{"WORLD_SIZE=2", "RANK=0", "MASTER_PORT=29400"} << 0 << 0
                               << "MASTER_ADDR is not set";
    QTest::newRow("world zero") << QStringList{"WORLD_SIZE=0", "RANK=0"} << 0 << 0 << "WORLD_SIZE=0";
}

void TestDistributed::environmentIsRead()
{
    QFETCH(QStringList, variables);
    QFETCH(int, world);
    QFETCH(int, rank);
    QFETCH(QString, error);
    std::map<std::string, std::string> values;
    for (const QString &variable : variables)
        values[variable.section('=', 0, 0).toStdString()] = variable.section('=', 1).toStdString();
    const auto lookup = [&](const char *name) -> const char * {
        const auto it = values.find(name);
        return it == values.end() ? nullptr : it->second.c_str();
    };
    if (!error.isEmpty()) {
        try {
            DistributedEnv::fromEnvironment(lookup);
            QFAIL("accepted");
        } catch (const MlError &failure) {
            QVERIFY2(QString(failure.what()).contains(error), failure.what());
        }
        return;
    }
    const auto env = DistributedEnv::fromEnvironment(lookup);
    QCOMPARE(env.has_value(), world > 0);
    if (!env)
        return;
    QCOMPARE(env->worldSize, world);
    QCOMPARE(env->rank, rank);
    // What a launcher sets is what is read back.
    std::map<std::string, std::string> set = env->variables();
    const auto again = DistributedEnv::fromEnvironment([&](const char *name) -> const char * {
        const auto it = set.find(name);
        return it == set.end() ? nullptr : it->second.c_str();
    });
    QVERIFY(again);
    QCOMPARE(again->rank, env->rank);
    QCOMPARE(again->worldSize, env->worldSize);
    QCOMPARE(again->masterPort, env->masterPort);
    QCOMPARE(again->masterAddress, env->masterAddress);
}

void TestDistributed::shardsMakeTheGlobalBatch_data()
{
    QTest::addColumn<int>("samples");
    QTest::addColumn<int>("ranks");
    QTest::addColumn<int>("batch"); // global

    QTest::newRow("2 ranks, even") << 48 << 2 << 8;
    QTest::newRow("2 ranks, a short last batch") << 44 << 2 << 8;
    QTest::newRow("3 ranks, padded") << 50 << 3 << 12;
    QTest::newRow("4 ranks, fewer samples than a batch") << 10 << 4 << 16;
}

void TestDistributed::shardsMakeTheGlobalBatch()
{
    QFETCH(int, samples);
    QFETCH(int, ranks);
    QFETCH(int, batch);
    DecodedSet set;
    // Each image's pixels are its row number, and so is its one target.
    set.pixels = torch::arange(samples, torch::kUInt8).view({samples, 1, 1, 1}).expand({samples, 2, 2, 3}).contiguous();
    set.targets = torch::arange(samples, torch::kFloat).view({samples, 1});
    const Normalization plain{{0.0, 0.0, 0.0}, {1.0, 1.0, 1.0}};
    for (const int epoch : {1, 2}) {
        BatchLoader single(set, BatchTransform(plain), batch, true, 0, 7);
        single.start(epoch);
        std::vector<std::unique_ptr<BatchLoader>> shards;
        for (int rank = 0; rank < ranks; ++rank) {
            shards.push_back(std::make_unique<BatchLoader>(set, BatchTransform(plain), batch / ranks, true, 0, 7,
                                                           DataShard{rank, ranks, true}));
            shards.back()->start(epoch);
            QCOMPARE(shards.back()->batchCount(), shards.front()->batchCount()); // the ranks step together
            QCOMPARE(shards.back()->sampleCount(), std::int64_t((samples + ranks - 1) / ranks));
        }
        std::multiset<int> seen;
        BatchLoader::Batch whole;
        for (std::int64_t step = 0; step < shards.front()->batchCount(); ++step) {
            std::multiset<int> together;
            for (auto &shard : shards) {
                BatchLoader::Batch part;
                QVERIFY(shard->next(part));
                // Labels stay with their images, and rows say which samples they are.
                const auto pixel = part.images.select(1, 0).select(1, 0).select(1, 0) * 255.0;
                QVERIFY(torch::allclose(pixel, part.targets.view(-1), 0.0, 1e-3));
                QVERIFY(torch::equal(part.rows.to(torch::kFloat), part.targets.view(-1)));
                for (std::int64_t i = 0; i < part.rows.size(0); ++i)
                    together.insert(int(part.rows[i].item<std::int64_t>()));
            }
            seen.insert(together.begin(), together.end());
            // Where no padding was needed, step k of the ranks is batch k of one process.
            if (samples % batch == 0) {
                QVERIFY(single.next(whole));
                std::multiset<int> expected;
                for (std::int64_t i = 0; i < whole.rows.size(0); ++i)
                    expected.insert(int(whole.rows[i].item<std::int64_t>()));
                QCOMPARE(together, expected);
            }
        }
        for (auto &shard : shards) {
            BatchLoader::Batch none;
            QVERIFY(!shard->next(none));
        }
        // Every sample once, and the padding repeats only the first few of the order.
        std::set<int> distinct(seen.begin(), seen.end());
        QCOMPARE(int(distinct.size()), samples);
        QCOMPARE(int(seen.size()), (samples + ranks - 1) / ranks * ranks);
    }
}

void TestDistributed::validationShardsCoverEachSampleOnce()
{
    DecodedSet set;
    const int samples = 23;
    set.pixels = torch::zeros({samples, 2, 2, 3}, torch::kUInt8);
    set.targets = torch::arange(samples, torch::kFloat).view({samples, 1});
    std::multiset<int> seen;
    for (int rank = 0; rank < 3; ++rank) {
        BatchLoader loader(set, BatchTransform(Normalization{{0, 0, 0}, {1, 1, 1}}), 4, false, 0, 1,
                           DataShard{rank, 3, false});
        loader.start(0);
        BatchLoader::Batch batch;
        while (loader.next(batch)) {
            for (std::int64_t i = 0; i < batch.rows.size(0); ++i)
                seen.insert(int(batch.rows[i].item<std::int64_t>()));
        }
    }
    QCOMPARE(int(seen.size()), samples);
    QCOMPARE(int(std::set<int>(seen.begin(), seen.end()).size()), samples);
}

void TestDistributed::allReduceAndBroadcast()
{
    std::vector<torch::Tensor> sums(3), broadcast(3);
    std::vector<double> asyncSums(3);
    runRanks(3, [&](int rank, Communicator &communicator) {
        QCOMPARE(communicator.rank(), rank);
        QCOMPARE(communicator.size(), 3);
        auto t = torch::full({5}, double(rank + 1), torch::kDouble);
        communicator.allReduce(t);
        sums[std::size_t(rank)] = t;
        auto a = torch::full({1000}, float(rank), torch::kFloat);
        auto pending = communicator.allReduceAsync(a);
        pending->wait();
        asyncSums[std::size_t(rank)] = a.sum().item<double>();
        std::vector<torch::Tensor> tensors{torch::full({4}, float(rank * 10)),
                                           torch::full({2, 2}, float(-rank)).contiguous()};
        communicator.broadcast(tensors, 0);
        broadcast[std::size_t(rank)] = torch::cat({tensors[0], tensors[1].view(-1)});
    });
    for (int rank = 0; rank < 3; ++rank) {
        QVERIFY(torch::equal(sums[std::size_t(rank)], torch::full({5}, 6.0, torch::kDouble)));
        QCOMPARE(asyncSums[std::size_t(rank)], 3000.0);
        QVERIFY(torch::equal(broadcast[std::size_t(rank)], torch::zeros({8})));
    }
}

void TestDistributed::batchNormUsesTheGlobalBatch_data()
{
    QTest::addColumn<QList<int>>("shape"); // of the global batch
    QTest::addColumn<bool>("channelsLast");
    QTest::newRow("images") << QList<int>{12, 5, 6, 7} << false;
    QTest::newRow("images, channels_last") << QList<int>{12, 5, 6, 7} << true;
    QTest::newRow("features (BatchNorm1d)") << QList<int>{12, 9} << false;
}

void TestDistributed::batchNormUsesTheGlobalBatch()
{
    QFETCH(QList<int>, shape);
    QFETCH(bool, channelsLast);
    const int ranks = 3;
    torch::manual_seed(3);
    const std::vector<std::int64_t> sizes(shape.begin(), shape.end());
    // Far from zero mean and unit variance, where a careless variance loses digits.
    auto x = torch::randn(sizes) * 4.0 + 50.0;
    if (channelsLast)
        x = x.contiguous(at::MemoryFormat::ChannelsLast);
    const auto upstream = torch::randn(sizes);
    const std::int64_t channels = sizes[1];
    const auto weight0 = torch::rand({channels}) + 0.5;
    const auto bias0 = torch::randn({channels});

    // One process, the whole batch: LibTorch's batch norm, in double (the float kernels lose
    // digits of their own at this mean).
    SyncBatchNorm whole(channels);
    whole->to(torch::kDouble);
    {
        torch::NoGradGuard noGrad;
        whole->weight.copy_(weight0);
        whole->bias.copy_(bias0);
    }
    auto xWhole = x.to(torch::kDouble).requires_grad_(true);
    const auto yWhole = whole->forward(xWhole);
    (yWhole * upstream.to(torch::kDouble)).sum().backward();

    // Three ranks, a third each, the loss of each rank its own part.
    std::vector<torch::Tensor> outputs(ranks), inputGradients(ranks), weightGradients(ranks), biasGradients(ranks),
        runningMeans(ranks), runningVars(ranks);
    runRanks(ranks, [&](int rank, Communicator &communicator) {
        SyncBatchNorm part(channels);
        {
            torch::NoGradGuard noGrad;
            part->weight.copy_(weight0);
            part->bias.copy_(bias0);
        }
        part->setCommunicator(&communicator);
        const std::int64_t n = sizes[0] / ranks;
        auto xPart = x.narrow(0, rank * n, n).clone().requires_grad_(true);
        const auto y = part->forward(xPart);
        (y * upstream.narrow(0, rank * n, n)).sum().backward();
        outputs[std::size_t(rank)] = y.detach();
        inputGradients[std::size_t(rank)] = xPart.grad();
        weightGradients[std::size_t(rank)] = part->weight.grad();
        biasGradients[std::size_t(rank)] = part->bias.grad();
        runningMeans[std::size_t(rank)] = part->running_mean.clone();
        runningVars[std::size_t(rank)] = part->running_var.clone();
        QCOMPARE(part->num_batches_tracked.item<std::int64_t>(), std::int64_t(1));
    });
    const auto close = [](const torch::Tensor &ours, const torch::Tensor &reference) {
        return relativeDifference(ours.to(torch::kDouble), reference) < 1e-6;
    };
    QVERIFY(close(torch::cat(outputs), yWhole));
    QVERIFY(close(torch::cat(inputGradients), xWhole.grad()));
    // The parameters' gradients are each rank's part: summed (as averaging does, times the ranks), the whole.
    QVERIFY(close(torch::stack(weightGradients).sum(0), whole->weight.grad()));
    QVERIFY(close(torch::stack(biasGradients).sum(0), whole->bias.grad()));
    for (int rank = 0; rank < ranks; ++rank) {
        QVERIFY(close(runningMeans[std::size_t(rank)], whole->running_mean));
        QVERIFY(close(runningVars[std::size_t(rank)], whole->running_var));
    }
}

void TestDistributed::gradientsEqualOneProcess_data()
{
    QTest::addColumn<QString>("architecture");
    QTest::addColumn<bool>("channelsLast");
    QTest::newRow("resnet18, channels_last") << "resnet18" << true;
    QTest::newRow("smallervggnet (BatchNorm1d too)") << "smallervggnet" << false;
    QTest::newRow("smallervggnet, channels_last") << "smallervggnet" << true;
}

void TestDistributed::gradientsEqualOneProcess()
{
    QFETCH(QString, architecture);
    QFETCH(bool, channelsLast);
    const int tags = 6;
    const int size = 32;
    const int ranks = 2;
    torch::manual_seed(11);
    // In double, where another order of the sums never sends a gradient across a ReLU's 0
    // (see weightsEqualOneProcessAfterSteps); SyncBatchNorm's float path is checked above.
    auto images = torch::rand({8, 3, size, size}, torch::kDouble);
    if (channelsLast)
        images = images.contiguous(at::MemoryFormat::ChannelsLast);
    const auto targets = (torch::rand({8, tags}) > 0.5).to(torch::kDouble);

    const auto single = createNetwork(architecture.toStdString(), tags, size, 1);
    single->to(torch::kDouble);
    if (channelsLast)
        toChannelsLast(*single);
    trainWithoutDropout(*single);
    torch::binary_cross_entropy_with_logits(single->forward(images), targets).backward();

    std::vector<std::map<std::string, torch::Tensor>> gradients(ranks);
    std::vector<std::int64_t> bytes(ranks);
    runRanks(ranks, [&](int rank, Communicator &communicator) {
        // Another seed on rank 1: the broadcast must make the weights rank 0's.
        const auto network = createNetwork(architecture.toStdString(), tags, size, rank == 0 ? 1 : 99);
        network->to(torch::kDouble);
        if (channelsLast)
            toChannelsLast(*network);
        broadcastModule(communicator, *network);
        synchronizeBatchNorms(*network, &communicator);
        trainWithoutDropout(*network);
        GradientAverager averager(communicator, network->parameters(), 256 << 10);
        const std::int64_t n = 8 / ranks;
        for (int step = 0; step < 2; ++step) { // the buckets are used again
            for (auto &parameter : network->parameters())
                parameter.mutable_grad().reset();
            averager.prepare();
            torch::binary_cross_entropy_with_logits(network->forward(images.narrow(0, rank * n, n)),
                                                    targets.narrow(0, rank * n, n))
                .backward();
            averager.finish();
        }
        QVERIFY(averager.bucketCount() > 1);
        bytes[std::size_t(rank)] = averager.bytesPerStep();
        for (const auto &item : network->named_parameters())
            gradients[std::size_t(rank)][item.key()] = item.value().grad().clone();
    });
    std::int64_t parameterBytes = 0;
    double worst = 0.0;
    for (const auto &item : single->named_parameters()) {
        parameterBytes += item.value().numel() * 8;
        for (int rank = 0; rank < ranks; ++rank) {
            const auto &averaged = gradients[std::size_t(rank)].at(item.key());
            QVERIFY(torch::equal(averaged, gradients[0].at(item.key()))); // every rank the same, bit for bit
            worst = std::max(worst, relativeDifference(averaged, item.value().grad()));
        }
    }
    qInfo("%s: largest relative difference of a gradient from one process's: %.2e", qPrintable(architecture), worst);
    QVERIFY(worst < 1e-9);
    QCOMPARE(bytes[0], parameterBytes);
}

void TestDistributed::weightsEqualOneProcessAfterSteps()
{
    // A few steps of SGD with momentum, as the trainer takes them, on one process and on two
    // ranks with half of each batch: the same weights and batch-norm statistics. In double:
    // in float, the other order of the sums now and then rounds an activation to the other
    // side of a ReLU's 0 or a max pool's tie, which sends its gradient elsewhere (on one
    // process between thread counts too); the next steps then part by up to the rate.
    const int tags = 5;
    const int size = 32;
    const int steps = 4;
    torch::manual_seed(21);
    std::vector<torch::Tensor> images, targets;
    for (int step = 0; step < steps; ++step) {
        images.push_back(torch::rand({8, 3, size, size}, torch::kDouble).contiguous(at::MemoryFormat::ChannelsLast));
        targets.push_back((torch::rand({8, tags}) > 0.5).to(torch::kDouble));
    }
    const auto train = [&](NetworkImpl &network, Communicator *communicator, int rank, int ranks) {
        network.to(torch::kDouble);
        toChannelsLast(network);
        std::unique_ptr<GradientAverager> averager;
        if (communicator) {
            broadcastModule(*communicator, network);
            synchronizeBatchNorms(network, communicator);
            averager = std::make_unique<GradientAverager>(*communicator, network.parameters());
        }
        network.train();
        torch::optim::SGD sgd(network.parameters(), torch::optim::SGDOptions(0.05).momentum(0.9));
        const std::int64_t n = 8 / ranks;
        for (int step = 0; step < steps; ++step) {
            sgd.zero_grad();
            const auto loss = torch::binary_cross_entropy_with_logits(
                network.forward(images[std::size_t(step)].narrow(0, rank * n, n)),
                targets[std::size_t(step)].narrow(0, rank * n, n));
            if (averager)
                averager->prepare();
            loss.backward();
            if (averager)
                averager->finish();
            sgd.step();
        }
        std::vector<torch::Tensor> state;
        for (const auto &parameter : network.parameters())
            state.push_back(parameter.detach().reshape(-1));
        for (const auto &buffer : network.buffers())
            state.push_back(buffer.to(torch::kDouble).reshape(-1));
        return torch::cat(state);
    };
    const auto single = createNetwork("resnet18", tags, size, 4);
    const auto expected = train(*single, nullptr, 0, 1);
    std::vector<torch::Tensor> states(2);
    runRanks(2, [&](int rank, Communicator &communicator) {
        const auto network = createNetwork("resnet18", tags, size, 4);
        states[std::size_t(rank)] = train(*network, &communicator, rank, 2);
    });
    QVERIFY(torch::equal(states[0], states[1]));
    const double worst = (states[0] - expected).abs().max().item<double>();
    qInfo("largest difference of a weight or statistic after %d steps: %.2e", steps, worst);
    QVERIFY(worst < 1e-5);
}

void TestDistributed::freezingChangesTheBuckets()
{
    runRanks(2, [&](int rank, Communicator &communicator) {
        torch::manual_seed(5);
        torch::nn::Sequential network(torch::nn::Linear(4, 8), torch::nn::Linear(8, 2));
        broadcastModule(communicator, *network);
        GradientAverager averager(communicator, network->parameters(), 1 << 20);
        auto step = [&] {
            for (auto &parameter : network->parameters())
                parameter.mutable_grad().reset();
            averager.prepare();
            network->forward(torch::full({3, 4}, double(rank + 1))).sum().backward();
            averager.finish();
        };
        step();
        QCOMPARE(averager.bytesPerStep(), std::int64_t((4 * 8 + 8 + 8 * 2 + 2) * 4));
        // The first layer frozen: its parameters neither get gradients nor take bucket space.
        for (auto &parameter : network[0]->parameters())
            parameter.set_requires_grad(false);
        step();
        QCOMPARE(averager.bytesPerStep(), std::int64_t((8 * 2 + 2) * 4));
        QVERIFY(!network[0]->parameters()[0].grad().defined());
        // The last bias's gradient is the batch size, 3 on either rank: the average too.
        QVERIFY(torch::equal(network[1]->parameters()[1].grad(), torch::full({2}, 3.0f)));
    });
}

void TestDistributed::missingRankIsAnErrorWithinTheTimeout()
{
    DistributedEnv env;
    env.masterPort = freePort();
    env.rank = 0;
    env.worldSize = 2; // rank 1 never comes
    QElapsedTimer timer;
    timer.start();
    try {
        Communicator::connect(env, std::chrono::seconds(2));
        QFAIL("connected without rank 1");
    } catch (const MlError &error) {
        const QString message = error.what();
        QVERIFY2(message.contains("rank 0 of 2") && message.contains("127.0.0.1:" + QString::number(env.masterPort)),
                 qPrintable(message));
    }
    QVERIFY2(timer.elapsed() < 30000, qPrintable(QString::number(timer.elapsed())));
}

QTEST_GUILESS_MAIN(TestDistributed)
#include "tst_distributed.moc"
