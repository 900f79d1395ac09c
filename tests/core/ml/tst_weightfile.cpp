// Weight files as other programs write them: PyTorch's torch.save (zip
// archive, OrderedDict with _metadata, views of one storage, every dtype) and
// .safetensors, read to the exact values torch saved (fixtures made by
// tests/data/make_weight_fixtures.py); damaged files are refused, naming the
// file, and never crash.

#include "core/ml/mlerror.h"
#include "core/ml/weightfile.h"

#include <QFile>
#include <QtEndian>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <caffe2/serialize/inline_container.h>
#include <torch/torch.h>

using namespace tagwise::ml;

namespace {

QString fixture(const QString &name)
{
    return QStringLiteral(TAGWISE_TEST_DATA "/weights/") + name;
}

QByteArray bytesOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

template<std::size_t N>
QByteArray raw(const char (&bytes)[N])
{
    return QByteArray(bytes, qsizetype(N - 1));
}

/// The MlError of reading \a path; empty when it reads.
QString errorOf(const QString &path)
{
    try {
        readWeightFile(path.toStdString());
    } catch (const MlError &error) {
        return QString::fromStdString(error.what());
    }
    return QString();
}

}

class TestWeightFile final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsWhatTorchWrote_data();
    void readsWhatTorchWrote();
    void viewsOfOneStorage();
    void checkpointHoldingAStateDict();
    void safetensorsRoundTrip();
    void refusedWithTheReason_data();
    void refusedWithTheReason();
    void damagedFilesNeverCrash();
    void craftedPicklesAreRefused_data();
    void craftedPicklesAreRefused();
};

void TestWeightFile::readsWhatTorchWrote_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("state_dict (OrderedDict with _metadata)") << "state_dict.pt";
    QTest::newRow("plain dict, every dtype") << "plain_dict.pt";
}

void TestWeightFile::readsWhatTorchWrote()
{
    QFETCH(QString, file);
    const QJsonObject expected
        = QJsonDocument::fromJson(bytesOf(fixture(QStringLiteral("expected.json")))).object().value(file).toObject();
    QVERIFY(!expected.isEmpty());
    const NamedTensors tensors = readWeightFile(fixture(file).toStdString());
    QStringList names;
    for (const auto &[name, tensor] : tensors)
        names << QString::fromStdString(name);
    QCOMPARE(names.size(), expected.size());
    for (const auto &[name, tensor] : tensors) {
        const QJsonObject want = expected.value(QString::fromStdString(name)).toObject();
        QVERIFY2(!want.isEmpty(), name.c_str());
        const QString dtype = QString::fromStdString(c10::toString(tensor.scalar_type())).toLower();
        const QHash<QString, QString> torchNames = {{"float", "float32"}, {"half", "float16"}, {"bfloat16", "bfloat16"},
                                                    {"long", "int64"},   {"double", "float64"}};
        QCOMPARE(torchNames.value(dtype, dtype), want.value("dtype").toString());
        QJsonArray shape;
        for (const auto d : tensor.sizes())
            shape.append(qint64(d));
        QCOMPARE(shape, want.value("shape").toArray());
        const at::Tensor values = tensor.to(torch::kDouble).flatten();
        const QJsonArray wanted = want.value("values").toArray();
        QCOMPARE(values.numel(), wanted.size());
        for (int i = 0; i < wanted.size(); ++i)
            QCOMPARE(values[i].item<double>(), wanted[i].toDouble()); // exact: the same bits
    }
}

void TestWeightFile::viewsOfOneStorage()
{
    const NamedTensors tensors = readWeightFile(fixture(QStringLiteral("plain_dict.pt")).toStdString());
    std::map<std::string, at::Tensor> byName(tensors.begin(), tensors.end());
    const at::Tensor base = byName.at("base");
    QVERIFY(torch::equal(byName.at("rows"), base.slice(0, 1)));
    QVERIFY(torch::equal(byName.at("transposed"), base.t()));
    QCOMPARE(byName.at("long")[2].item<std::int64_t>(), std::int64_t(1) << 40);
}

void TestWeightFile::checkpointHoldingAStateDict()
{
    const NamedTensors direct = readWeightFile(fixture(QStringLiteral("state_dict.pt")).toStdString());
    const NamedTensors nested = readWeightFile(fixture(QStringLiteral("checkpoint.pt")).toStdString());
    QCOMPARE(nested.size(), direct.size());
    for (std::size_t i = 0; i < direct.size(); ++i) {
        QCOMPARE(nested[i].first, direct[i].first);
        QVERIFY(torch::equal(nested[i].second, direct[i].second));
    }
}

void TestWeightFile::safetensorsRoundTrip()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("all.safetensors")).toStdString();
    NamedTensors tensors = readWeightFile(fixture(QStringLiteral("plain_dict.pt")).toStdString());
    tensors.emplace_back("int32", torch::tensor({7, -8}, torch::kInt));
    tensors.emplace_back("bytes", torch::tensor({0, 255}, torch::kByte));
    tensors.emplace_back("flags", torch::tensor({true, false}, torch::kBool));
    tensors.emplace_back("scalar", torch::tensor(2.5f));
    tensors.emplace_back("empty", torch::empty({0, 3}));
    tensors.emplace_back("strided", torch::arange(6.0f).reshape({2, 3}).t()); // written contiguous
    writeSafetensors(path, tensors, {{"architecture", "resnet18"}, {"tags", "[\"a\", \"b\"]"}});
    std::map<std::string, std::string> metadata;
    const NamedTensors back = readWeightFile(path, &metadata);
    QCOMPARE(metadata, (std::map<std::string, std::string>{{"architecture", "resnet18"}, {"tags", "[\"a\", \"b\"]"}}));
    QCOMPARE(back.size(), tensors.size());
    for (std::size_t i = 0; i < tensors.size(); ++i) {
        QCOMPARE(back[i].first, tensors[i].first);
        QCOMPARE(back[i].second.scalar_type(), tensors[i].second.scalar_type());
        QVERIFY2(torch::equal(back[i].second, tensors[i].second), tensors[i].first.c_str());
    }
    // The header is 8-byte aligned and carries the metadata.
    const QByteArray bytes = bytesOf(QString::fromStdString(path));
    const quint64 headerSize = qFromLittleEndian<quint64>(bytes.constData());
    QCOMPARE(headerSize % 8, quint64(0));
    QVERIFY(bytes.mid(8, int(headerSize)).contains("\"__metadata__\":{\"architecture\":\"resnet18\","));
    QVERIFY_THROWS_EXCEPTION(MlError, writeSafetensors(path, {{"a", torch::ones(1)}, {"a", torch::ones(1)}}));
}

void TestWeightFile::refusedWithTheReason_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("reason");
    QTest::newRow("legacy torch.save") << fixture("legacy.pt") << "legacy torch.save format";
    QTest::newRow("a whole pickled module") << fixture("whole_module.pt") << "model.state_dict()";
    QTest::newRow("missing") << fixture("nothing-here.pt") << "cannot open";
    QTest::newRow("expected values") << fixture("expected.json") << "neither a .safetensors file nor";
}

void TestWeightFile::refusedWithTheReason()
{
    QFETCH(QString, file);
    QFETCH(QString, reason);
    const QString error = errorOf(file);
    QVERIFY2(error.startsWith(file + QStringLiteral(": ")), qPrintable(error));
    QVERIFY2(error.contains(reason), qPrintable(error));
}

void TestWeightFile::damagedFilesNeverCrash()
{
    QTemporaryDir dir;
    const std::string good = dir.filePath(QStringLiteral("good.safetensors")).toStdString();
    writeSafetensors(good, {{"w", torch::arange(24.0f).reshape({2, 3, 4})}, {"b", torch::ones({5}, torch::kLong)}});
    const QList<QByteArray> sources = {bytesOf(QString::fromStdString(good)), bytesOf(fixture("state_dict.pt")),
                                       bytesOf(fixture("plain_dict.pt"))};
    int refused = 0;
    const QString path = dir.filePath(QStringLiteral("damaged"));
    for (const QByteArray &source : sources) {
        QVERIFY(!source.isEmpty());
        // Every prefix up to 300 bytes, then every 37th: a download cut short.
        for (int length = 0; length < source.size(); length += length < 300 ? 1 : 37) {
            QVERIFY(writeBytes(path, source.left(length)));
            const QString error = errorOf(path);
            QVERIFY2(!error.isEmpty() || length == source.size(), qPrintable(QString::number(length)));
            QVERIFY2(error.startsWith(path + QStringLiteral(": ")), qPrintable(error));
            ++refused;
        }
        // Bytes flipped one at a time in the first 512: read, or refused with a reason.
        for (int at = 0; at < std::min<int>(512, int(source.size())); ++at) {
            QByteArray bad = source;
            bad[at] = char(bad[at] ^ 0x5a);
            QVERIFY(writeBytes(path, bad));
            const QString error = errorOf(path);
            QVERIFY2(error.isEmpty() || error.startsWith(path + QStringLiteral(": ")), qPrintable(error));
        }
    }
    QVERIFY(refused > 600);
    // A header that claims more than the file holds, and offsets past the data.
    QByteArray header = bytesOf(QString::fromStdString(good));
    QByteArray huge = header;
    qToLittleEndian<quint64>(quint64(1) << 40, huge.data());
    QVERIFY(writeBytes(path, huge));
    QVERIFY2(errorOf(path).contains("does not fit"), qPrintable(errorOf(path)));
    QByteArray past = header;
    past.replace("\"data_offsets\":[0,96]", "\"data_offsets\":[0,960]");
    QVERIFY(past != header);
    QVERIFY(writeBytes(path, past));
    QVERIFY2(errorOf(path).contains("data offsets"), qPrintable(errorOf(path)));
}

void TestWeightFile::craftedPicklesAreRefused_data()
{
    // Pickles made by hand (octal escapes: a hex escape would swallow the letters after it).
    QTest::addColumn<QByteArray>("pickle");
    QTest::addColumn<QString>("reason");
    // A dict holding itself under "state_dict": followed once, not forever.
    QTest::newRow("a dict that holds itself") << raw("\200\002\175\161\000\050\130\012\000\000\000\163\164\141\164\145\137\144\151\143\164\150\000\165\056") << "holds a dict without tensors";
    // _rebuild_tensor_v2 of a 4-value storage with sizes and strides whose extent overflows 64 bits.
    QTest::newRow("extent past 2^63") << raw("\200\002\175\130\001\000\000\000\167\143\164\157\162\143\150\056\137\165\164\151\154\163\012\137\162\145\142\165\151\154\144\137\164\145\156\163\157\162\137\166\062\012\050\050\130\007\000\000\000\163\164\157\162\141\147\145\143\164\157\162\143\150\012\106\154\157\141\164\123\164\157\162\141\147\145\012\130\001\000\000\000\060\130\003\000\000\000\143\160\165\113\004\164\121\113\000\112\000\000\000\100\112\000\000\000\100\206\212\010\000\000\000\000\000\000\000\100\212\010\000\000\000\000\000\000\000\100\206\211\051\164\122\163\056") << "does not fit its storage";
    // A view of 3 values from offset 2 of 4.
    QTest::newRow("a view past its storage") << raw("\200\002\175\130\001\000\000\000\167\143\164\157\162\143\150\056\137\165\164\151\154\163\012\137\162\145\142\165\151\154\144\137\164\145\156\163\157\162\137\166\062\012\050\050\130\007\000\000\000\163\164\157\162\141\147\145\143\164\157\162\143\150\012\106\154\157\141\164\123\164\157\162\141\147\145\012\130\001\000\000\000\060\130\003\000\000\000\143\160\165\113\004\164\121\113\002\113\003\205\113\001\205\211\051\164\122\163\056") << "reaching past its storage";
    QTest::newRow("an unknown opcode") << raw("\200\002\175\377\056") << "pickle opcode 0xff";
    QTest::newRow("cut short") << raw("\200\002\175\130\011\000") << "ends too early";
    QTest::newRow("os.system") << raw("\200\002cos\nsystem\n.") << "not part of a state dict";
}

void TestWeightFile::craftedPicklesAreRefused()
{
    QFETCH(QByteArray, pickle);
    QFETCH(QString, reason);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("crafted.pt"));
    {
        caffe2::serialize::PyTorchStreamWriter writer(path.toStdString());
        writer.writeRecord("data.pkl", pickle.constData(), std::size_t(pickle.size()));
        const float values[4] = {1, 2, 3, 4};
        writer.writeRecord("data/0", values, sizeof values);
        writer.writeEndOfFile();
    }
    const QString error = errorOf(path);
    QVERIFY2(error.startsWith(path + QStringLiteral(": ")) && error.contains(reason), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestWeightFile)
#include "tst_weightfile.moc"
