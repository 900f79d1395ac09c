// The training data path: decode once, bad images, augmentation, the batch
// workers, the learning-rate schedule, JSON and atomic files.

#include "common/syntheticimageloader.h"
#include "core/ml/atomicfile.h"
#include "core/ml/batchloader.h"
#include "core/ml/batchtransform.h"
#include "core/ml/decodeddataset.h"
#include "core/ml/json.h"
#include "core/ml/lrschedule.h"
#include "core/ml/mlerror.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <fstream>
#include <numeric>
#include <set>

using namespace tagwise;
using namespace tagwise::ml;

namespace {

DecodedSet indexedSet(int count, int size)
{
    // Column 0 of the target holds the sample's index, so batches can be traced back.
    DecodedSet set;
    set.pixels = torch::randint(0, 256, {count, size, size, 3}, torch::kUInt8);
    set.targets = torch::arange(count, torch::kFloat).unsqueeze(1);
    return set;
}

std::vector<std::int64_t> servedOrder(BatchLoader &loader, int epoch, std::vector<std::int64_t> *batchSizes = nullptr)
{
    std::vector<std::int64_t> order;
    loader.start(epoch);
    BatchLoader::Batch batch;
    std::int64_t expectedIndex = 0;
    while (loader.next(batch)) {
        if (batch.index != expectedIndex++)
            throw std::runtime_error("batches out of order");
        if (batchSizes)
            batchSizes->push_back(batch.targets.size(0));
        for (std::int64_t i = 0; i < batch.targets.size(0); ++i)
            order.push_back(std::int64_t(batch.targets[i][0].item<float>()));
    }
    return order;
}

std::string readAll(const QString &path)
{
    std::ifstream stream(path.toStdString(), std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(stream), {});
}

}

class TestTrainerPipeline : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decodesEveryImageOnce();
    void corruptImageIsReportedOnceAndLeftOut();
    void failsWhenNothingIsLeft();
    void augmentation_data();
    void augmentation();
    void horizontalFlipIsExact();
    void shiftMovesTheContent();
    void brightnessChangesOnlyBrightness();
    void augmentedLabelsStayWithTheirImages();
    void workersServeEverySampleOncePerEpoch_data();
    void workersServeEverySampleOncePerEpoch();
    void workerErrorsReachTheConsumer();
    void schedules_data();
    void schedules();
    void plateauScheduleKeepsItsState();
    void jsonRoundTrip();
    void jsonErrorsNameTheSource_data();
    void jsonErrorsNameTheSource();
    void atomicWriteIgnoresLeftoverTempFile();
    void atomicWriteFailureKeepsTheOldFile();
};

void TestTrainerPipeline::decodesEveryImageOnce()
{
    test::SyntheticImageLoader loader;
    const DatasetSnapshot snapshot = test::SyntheticImageLoader::snapshot(10, 4);
    std::vector<std::string> warnings;
    const DecodedDataset data = DecodedDataset::decode(
        snapshot, 20, loader, [&](const std::string &w) { warnings.push_back(w); }, nullptr);
    QCOMPARE(loader.calls(), 1);
    for (const auto *list : {&snapshot.train, &snapshot.validation}) {
        for (const Sample &sample : *list)
            QCOMPARE(loader.decodes(sample.path), 1);
    }
    QVERIFY(warnings.empty());
    QCOMPARE(data.train.pixels.sizes().vec(), (std::vector<std::int64_t>{10, 20, 20, 3}));
    QCOMPARE(data.validation.pixels.sizes().vec(), (std::vector<std::int64_t>{4, 20, 20, 3}));
    QCOMPARE(data.train.pixels.scalar_type(), torch::kUInt8);
    // The pixels and targets of a validation image are its own.
    const auto expected = test::SyntheticImageLoader::draw(snapshot.validation[2].path, 20);
    const auto actual = data.validation.pixels[2].contiguous();
    QVERIFY(std::equal(expected.begin(), expected.end(), actual.data_ptr<std::uint8_t>()));
    for (std::size_t t = 0; t < 3; ++t)
        QCOMPARE(data.validation.targets[2][std::int64_t(t)].item<float>(), float(snapshot.validation[2].target[t]));
    QCOMPARE(data.validation.paths[2], snapshot.validation[2].path);
}

void TestTrainerPipeline::corruptImageIsReportedOnceAndLeftOut()
{
    test::SyntheticImageLoader loader;
    DatasetSnapshot snapshot = test::SyntheticImageLoader::snapshot(8, 4);
    snapshot.train[3].path = "corrupt_3_1";
    std::vector<std::string> warnings;
    const DecodedDataset data = DecodedDataset::decode(
        snapshot, 16, loader, [&](const std::string &w) { warnings.push_back(w); }, nullptr);
    QCOMPARE(warnings.size(), std::size_t(1));
    QVERIFY2(warnings[0].find("corrupt_3_1") != std::string::npos, warnings[0].c_str());
    QVERIFY2(warnings[0].find("corrupt test image") != std::string::npos, warnings[0].c_str());
    QCOMPARE(data.train.size(), std::int64_t(7));
    QCOMPARE(data.validation.size(), std::int64_t(4));
    QVERIFY(std::find(data.train.paths.begin(), data.train.paths.end(), "corrupt_3_1") == data.train.paths.end());
    // The rows after the gap moved up with their targets.
    QCOMPARE(data.train.paths[3], snapshot.train[4].path);
    QCOMPARE(data.train.targets[3][1].item<float>(), float(snapshot.train[4].target[1]));
}

void TestTrainerPipeline::failsWhenNothingIsLeft()
{
    test::SyntheticImageLoader loader;
    DatasetSnapshot snapshot = test::SyntheticImageLoader::snapshot(3, 1);
    for (auto &sample : snapshot.train)
        sample.path = "corrupt_" + sample.path;
    int warnings = 0;
    try {
        DecodedDataset::decode(snapshot, 16, loader, [&](const std::string &) { ++warnings; }, nullptr);
        QFAIL("expected an error");
    } catch (const MlError &error) {
        QVERIFY2(std::string(error.what()).find("none of the 3 training images") != std::string::npos, error.what());
    }
    QCOMPARE(warnings, 3);
}

void TestTrainerPipeline::augmentation_data()
{
    QTest::addColumn<bool>("hflip");
    QTest::addColumn<bool>("vflip");
    QTest::addColumn<double>("shift");
    QTest::addColumn<double>("warp");
    QTest::addColumn<bool>("colour");
    QTest::newRow("none") << false << false << 0.0 << 0.0 << false;
    QTest::newRow("hflip") << true << false << 0.0 << 0.0 << false;
    QTest::newRow("vflip") << false << true << 0.0 << 0.0 << false;
    QTest::newRow("shift") << false << false << 0.2 << 0.0 << false;
    QTest::newRow("warp") << false << false << 0.0 << 1.0 << false;
    QTest::newRow("colour") << false << false << 0.0 << 0.0 << true;
    QTest::newRow("all") << true << true << 0.1 << 0.5 << true;
}

void TestTrainerPipeline::augmentation()
{
    QFETCH(bool, hflip);
    QFETCH(bool, vflip);
    QFETCH(double, shift);
    QFETCH(double, warp);
    QFETCH(bool, colour);
    AugmentationConfig config;
    config.horizontalFlip = hflip;
    config.verticalFlip = vflip;
    config.shiftFraction = shift;
    config.warpProbability = warp;
    config.colour = colour;
    config.rotationDegrees = 20;
    config.brightness = 0.3;
    Normalization normalization;
    normalization.mean = {0.4f, 0.5f, 0.6f};
    normalization.std = {0.2f, 0.25f, 0.3f};
    const BatchTransform transform(normalization, config, true);
    torch::manual_seed(1);
    const auto pixels = torch::randint(0, 256, {6, 24, 24, 3}, torch::kUInt8);

    const auto out = transform.apply(pixels, 7);
    QCOMPARE(out.sizes().vec(), (std::vector<std::int64_t>{6, 3, 24, 24}));
    QCOMPARE(out.scalar_type(), torch::kFloat);
    QVERIFY(out.is_contiguous(torch::MemoryFormat::ChannelsLast));
    QVERIFY(torch::isfinite(out).all().item<bool>());
    // Undo the normalisation: every value must be a pixel value on the 0..1 scale.
    const auto mean = torch::tensor({0.4f, 0.5f, 0.6f}).view({1, 3, 1, 1});
    const auto std = torch::tensor({0.2f, 0.25f, 0.3f}).view({1, 3, 1, 1});
    const auto unit = out * std + mean;
    QVERIFY(unit.min().item<float>() >= -1e-5f);
    QVERIFY(unit.max().item<float>() <= 1.0f + 1e-5f);

    const auto plain = transform.normalize(pixels);
    const auto expectedPlain = (pixels.permute({0, 3, 1, 2}).to(torch::kFloat) / 255.0f - mean) / std;
    QVERIFY(torch::allclose(plain, expectedPlain, 1e-5, 1e-5));

    // The same seed gives the same batch; augmentation changes it, a new seed changes it again.
    QVERIFY(torch::equal(out, transform.apply(pixels, 7)));
    const bool any = hflip || vflip || shift > 0 || warp > 0 || colour;
    QCOMPARE(torch::allclose(out, plain), !any);
    if (any)
        QVERIFY(!torch::equal(out, transform.apply(pixels, 8)));
    // Without a warp or colour change, every output value is an input value: nothing is resampled.
    if (warp == 0 && !colour) {
        const auto values = std::get<0>(torch::_unique(unit.mul(255.0f).round().to(torch::kInt)));
        const auto inputs = std::get<0>(torch::_unique(pixels.to(torch::kInt)));
        QVERIFY(torch::isin(values, inputs).all().item<bool>());
    }
}

void TestTrainerPipeline::horizontalFlipIsExact()
{
    AugmentationConfig config = AugmentationConfig::preset(AugmentationLevel::None);
    config.horizontalFlip = true;
    const BatchTransform transform(Normalization(), config, true);
    const auto pixels = torch::randint(0, 256, {16, 12, 12, 3}, torch::kUInt8);
    const auto out = transform.apply(pixels, 3);
    const auto plain = transform.normalize(pixels);
    int flipped = 0;
    for (int i = 0; i < 16; ++i) {
        const bool same = torch::equal(out[i], plain[i]);
        const bool mirrored = torch::equal(out[i], plain[i].flip({2}));
        QVERIFY(same || mirrored);
        flipped += mirrored ? 1 : 0;
    }
    QVERIFY(flipped > 0 && flipped < 16);
}

void TestTrainerPipeline::shiftMovesTheContent()
{
    // One bright pixel in the middle of a dark image: after a shift it sits
    // elsewhere, by whole pixels within the range, with its value unchanged.
    AugmentationConfig config = AugmentationConfig::preset(AugmentationLevel::None);
    config.shiftFraction = 0.25;
    const BatchTransform transform(Normalization(), config, true);
    auto pixels = torch::zeros({32, 16, 16, 3}, torch::kUInt8);
    pixels.index_put_({torch::indexing::Slice(), 8, 8}, 200);
    const auto out = transform.apply(pixels, 11);
    const auto plain = transform.normalize(pixels);
    const float bright = plain[0][0][8][8].item<float>();
    int moved = 0;
    for (std::int64_t i = 0; i < 32; ++i) {
        const auto where = torch::nonzero(out[i][0] == bright);
        QCOMPARE(where.size(0), std::int64_t(1)); // still one bright pixel, exactly as bright
        const std::int64_t dy = where[0][0].item<std::int64_t>() - 8;
        const std::int64_t dx = where[0][1].item<std::int64_t>() - 8;
        QVERIFY(std::abs(dx) <= 4 && std::abs(dy) <= 4);
        moved += (dx != 0 || dy != 0) ? 1 : 0;
        // Everything else is the dark background.
        QCOMPARE((out[i] != plain[i][0][0][0]).sum().item<std::int64_t>(), std::int64_t(3));
    }
    QVERIFY2(moved >= 28, qPrintable(QString::number(moved)));
}

void TestTrainerPipeline::brightnessChangesOnlyBrightness()
{
    // Brightness alone adds one number to every pixel of an image (no clipping
    // on mid-grey images): the difference from the plain image is flat.
    AugmentationConfig config = AugmentationConfig::preset(AugmentationLevel::None);
    config.colour = true;
    config.brightness = 0.2;
    config.contrast = 0.0;
    const BatchTransform transform(Normalization(), config, true);
    torch::manual_seed(3);
    const auto pixels = torch::randint(90, 166, {8, 12, 12, 3}, torch::kUInt8);
    const auto difference = (transform.apply(pixels, 5) - transform.normalize(pixels)) * 0.25f; // undo std 0.25
    for (std::int64_t i = 0; i < 8; ++i) {
        const auto d = difference[i];
        QVERIFY(torch::allclose(d, d.flatten()[0].expand_as(d), 1e-5, 1e-5));
        QVERIFY(std::abs(d.flatten()[0].item<float>()) <= 0.2f + 1e-5f);
    }
    QVERIFY(difference.abs().max().item<float>() > 0.01f);
}

void TestTrainerPipeline::augmentedLabelsStayWithTheirImages()
{
    // Image k is one flat colour k and its target is k: after shuffling and the
    // strongest augmentation but colour, every image still wears its own target.
    const int count = 40;
    DecodedSet set;
    set.pixels = torch::arange(count, torch::kUInt8).mul(5).view({count, 1, 1, 1}).expand({count, 16, 16, 3}).contiguous();
    set.targets = torch::arange(count, torch::kFloat).unsqueeze(1);
    AugmentationConfig config = AugmentationConfig::preset(AugmentationLevel::Strong);
    config.colour = false;
    config.verticalFlip = true;
    BatchLoader loader(set, BatchTransform(Normalization(), config, true), 8, true, 2, 9);
    loader.start(1);
    BatchLoader::Batch batch;
    int seen = 0;
    while (loader.next(batch)) {
        for (std::int64_t i = 0; i < batch.targets.size(0); ++i) {
            const int target = int(batch.targets[i][0].item<float>());
            const float expected = (float(target * 5) / 255.0f - 0.5f) / 0.25f;
            QVERIFY2(torch::allclose(batch.images[i], torch::full_like(batch.images[i], expected), 1e-4, 1e-4),
                     qPrintable(QStringLiteral("image with target %1").arg(target)));
            ++seen;
        }
    }
    QCOMPARE(seen, count);
}

void TestTrainerPipeline::workersServeEverySampleOncePerEpoch_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("batchSize");
    QTest::addColumn<int>("workers");
    QTest::addColumn<int>("expectedBatches");
    QTest::newRow("inline") << 37 << 8 << 0 << 5;
    QTest::newRow("one worker") << 37 << 8 << 1 << 5;
    QTest::newRow("three workers") << 37 << 8 << 3 << 5;
    QTest::newRow("lone last sample joins") << 33 << 8 << 2 << 4;
    QTest::newRow("exact") << 32 << 8 << 2 << 4;
    QTest::newRow("one batch") << 5 << 8 << 4 << 1;
}

void TestTrainerPipeline::workersServeEverySampleOncePerEpoch()
{
    QFETCH(int, count);
    QFETCH(int, batchSize);
    QFETCH(int, workers);
    QFETCH(int, expectedBatches);
    const DecodedSet set = indexedSet(count, 8);
    AugmentationConfig augmentation; // on: the workers run the full transform
    BatchLoader loader(set, BatchTransform(Normalization(), augmentation, true), batchSize, true, workers, 11);
    QCOMPARE(loader.batchCount(), std::int64_t(expectedBatches));

    std::vector<std::int64_t> sizes;
    const auto first = servedOrder(loader, 1, &sizes);
    QCOMPARE(sizes.size(), std::size_t(expectedBatches));
    for (const auto size : sizes)
        QVERIFY(size >= 2 || count < 2);
    std::vector<std::int64_t> sorted = first;
    std::sort(sorted.begin(), sorted.end());
    std::vector<std::int64_t> all(std::size_t(count), 0);
    std::iota(all.begin(), all.end(), 0);
    QCOMPARE(sorted, all);

    // Another epoch: another order; the same epoch again: the same order and pixels.
    const auto second = servedOrder(loader, 2);
    QVERIFY(second != first);
    QCOMPARE(servedOrder(loader, 1), first);

    // Stopping half way and starting again is clean.
    loader.start(3);
    BatchLoader::Batch batch;
    QVERIFY(loader.next(batch));
    loader.stop();
    QCOMPARE(servedOrder(loader, 1), first);

    // Without shuffling the order is the set's.
    BatchLoader plain(set, BatchTransform(Normalization()), batchSize, false, workers, 11);
    QCOMPARE(servedOrder(plain, 1), all);
}

void TestTrainerPipeline::workerErrorsReachTheConsumer()
{
    DecodedSet set = indexedSet(20, 8);
    set.targets = torch::zeros({10, 1}); // fewer target rows than images: index_select fails in a worker
    BatchLoader loader(set, BatchTransform(Normalization()), 4, false, 2, 1);
    loader.start(1);
    BatchLoader::Batch batch;
    bool threw = false;
    try {
        while (loader.next(batch)) {
        }
    } catch (const std::exception &) {
        threw = true;
    }
    QVERIFY(threw);
}

void TestTrainerPipeline::schedules_data()
{
    // tests/data/make_schedule_fixtures.py: whole runs of torch.optim.lr_scheduler's
    // OneCycleLR, and LinearLR warm-up then CosineAnnealingLR.
    QFile file(QStringLiteral(TAGWISE_TEST_DATA "/schedules/lr_schedules.json"));
    if (!file.open(QIODevice::ReadOnly))
        QFAIL(qPrintable(file.fileName()));
    const Json root = parseJson(file.readAll().toStdString(), file.fileName().toStdString());
    QTest::addColumn<QString>("kind");
    QTest::addColumn<double>("base");
    QTest::addColumn<int>("epochs");
    QTest::addColumn<int>("steps");
    QTest::addColumn<int>("warmup");
    QTest::addColumn<QList<double>>("rates");
    for (const Json &c : root.at("cases")) {
        QList<double> rates;
        for (const Json &rate : c.at("rates"))
            rates.append(rate.get<double>());
        const QString kind = QString::fromStdString(c.at("kind").get<std::string>());
        const int epochs = c.at("epochs").get<int>();
        const int steps = c.at("steps").get<int>();
        const int warmup = c.at("warmup").get<int>();
        QTest::addRow("%s %d epochs x %d steps, warm-up %d", qPrintable(kind), epochs, steps, warmup)
            << kind << c.at("base").get<double>() << epochs << steps << warmup << rates;
    }
}

void TestTrainerPipeline::schedules()
{
    QFETCH(QString, kind);
    QFETCH(double, base);
    QFETCH(int, epochs);
    QFETCH(int, steps);
    QFETCH(int, warmup);
    QFETCH(QList<double>, rates);
    QCOMPARE(rates.size(), qsizetype(epochs) * steps);
    const LrSchedule schedule(scheduleFromName(kind.toStdString()), base, epochs, steps, warmup);
    for (int epoch = 1; epoch <= epochs; ++epoch) {
        for (int step = 0; step < steps; ++step) {
            const double expected = rates.at(qsizetype(epoch - 1) * steps + step);
            const double actual = schedule.rate(epoch, step);
            QVERIFY2(std::abs(actual - expected) <= 1e-9 * base,
                     qPrintable(QStringLiteral("epoch %1 step %2: %3 against PyTorch's %4")
                                    .arg(epoch).arg(step).arg(actual, 0, 'g', 12).arg(expected, 0, 'g', 12)));
        }
    }
    // A constant schedule is the base rate throughout.
    const LrSchedule none(ScheduleKind::None, base, epochs, steps, warmup);
    QCOMPARE(none.rate(1, 0), base);
    QCOMPARE(none.rate(epochs, steps - 1), base);
}

void TestTrainerPipeline::plateauScheduleKeepsItsState()
{
    LrSchedule schedule(ScheduleKind::Plateau, 0.5, 20, 4, 0);
    schedule.epochEnded(0.3);
    schedule.epochEnded(0.3);
    schedule.epochEnded(0.3);
    QCOMPARE(schedule.rate(4, 0), 0.5);
    LrSchedule restored(ScheduleKind::Plateau, 0.5, 20, 4, 0);
    restored.restore(parseJson(dumpJson(schedule.state()), "state"));
    schedule.epochEnded(0.3); // the third epoch without progress
    restored.epochEnded(0.3);
    QVERIFY(std::abs(schedule.rate(5, 0) - 0.05) < 1e-12);
    QCOMPARE(restored.rate(5, 0), schedule.rate(5, 0));
    schedule.epochEnded(0.4);
    QVERIFY(std::abs(schedule.rate(6, 0) - 0.05) < 1e-12);
}

void TestTrainerPipeline::jsonRoundTrip()
{
    // The engine's files keep their keys in the order written, survive text that
    // needs escaping, 64-bit integers, and NaN (written as null, read back as NaN).
    Json json{{"text", "quote \" backslash \\ newline \n tab \t unicode \xC3\xA9 \xE4\xB8\xAD"},
              {"number", 0.1},
              {"integer", 12345678901LL},
              {"nan", std::nan("")},
              {"flag", true}};
    json["z_last_but_set_first"] = 1;
    json["a_set_last"] = 2;
    for (const int indent : {-1, 0, 2}) {
        const Json back = parseJson(dumpJson(json, indent), "round trip");
        QCOMPARE(jsonValue<std::string>(back, "text"), json["text"].get<std::string>());
        QCOMPARE(jsonValue<double>(back, "number"), 0.1);
        QCOMPARE(jsonValue<long long>(back, "integer"), 12345678901LL);
        QVERIFY(std::isnan(jsonValue<double>(back, "nan")));
        QCOMPARE(jsonValue<bool>(back, "flag"), true);
        std::vector<std::string> keys;
        for (const auto &item : back.items())
            keys.push_back(item.key());
        QCOMPARE(keys, (std::vector<std::string>{"text", "number", "integer", "nan", "flag", "z_last_but_set_first",
                                                 "a_set_last"}));
    }
    // Text that is not UTF-8 does not make a write fail.
    const Json latin1{{"name", std::string("caf\xE9")}};
    QCOMPARE(jsonValue<std::string>(parseJson(dumpJson(latin1), "x"), "name"), std::string("caf\xEF\xBF\xBD"));
}

void TestTrainerPipeline::jsonErrorsNameTheSource_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << "";
    QTest::newRow("unterminated object") << "{\"a\": 1";
    QTest::newRow("missing colon") << "{\"a\" 1}";
    QTest::newRow("trailing text") << "[1] x";
    QTest::newRow("bad number") << "[1.2.3]";
    QTest::newRow("unterminated string") << "\"abc";
    QTest::newRow("bad escape") << "\"\\q\"";
}

void TestTrainerPipeline::jsonErrorsNameTheSource()
{
    QFETCH(QString, text);
    try {
        parseJson(text.toStdString(), "some.json");
        QFAIL("expected an error");
    } catch (const MlError &error) {
        const std::string what = error.what();
        QVERIFY2(what.rfind("some.json: not valid JSON: ", 0) == 0, error.what());
        QVERIFY2(what.find("[json.exception") == std::string::npos, error.what());
    }
    // Typed reads name the key and refuse the wrong type or a missing key.
    const Json object{{"epochs", "three"}};
    try {
        jsonValue<int>(object, "epochs");
        QFAIL("expected an error");
    } catch (const std::runtime_error &error) {
        QCOMPARE(std::string(error.what()), std::string("\"epochs\" must be a number"));
    }
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, jsonValue<double>(object, "missing"));
    QCOMPARE(jsonValue<int>(object, "missing", 7), 7);
}

void TestTrainerPipeline::atomicWriteIgnoresLeftoverTempFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string path = dir.filePath("last.pt").toStdString();
    writeFileAtomically(path, "good checkpoint");
    // A crash during the next write left a torn temp file behind.
    {
        std::ofstream torn(path + ".part", std::ios::binary);
        torn << "torn";
    }
    QCOMPARE(readFileBytes(path), std::string("good checkpoint"));
    writeFileAtomically(path, "newer checkpoint");
    QCOMPARE(readFileBytes(path), std::string("newer checkpoint"));
    QVERIFY(!QFile::exists(dir.filePath("last.pt.part")));
    QCOMPARE(readAll(dir.filePath("last.pt")), std::string("newer checkpoint"));
}

void TestTrainerPipeline::atomicWriteFailureKeepsTheOldFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string path = dir.filePath("best.pt").toStdString();
    writeFileAtomically(path, "good");
    // A folder in the way of the temp file makes the write fail before the rename.
    QVERIFY(QDir(dir.path()).mkdir("best.pt.part"));
    try {
        writeFileAtomically(path, "replacement");
        QFAIL("expected an error");
    } catch (const MlError &error) {
        QVERIFY2(std::string(error.what()).find("best.pt.part") != std::string::npos, error.what());
    }
    QCOMPARE(readFileBytes(path), std::string("good"));
    QVERIFY_THROWS_EXCEPTION(MlError, readFileBytes(dir.filePath("missing.pt").toStdString()));
}

QTEST_GUILESS_MAIN(TestTrainerPipeline)
#include "tst_trainerpipeline.moc"
