#pragma once

// Seeded random-mutation fuzzing of everything that reads a user's files:
// the five importers and the image decoder. Each target takes valid inputs,
// mutates them (bit flips, special bytes, inserted, deleted and repeated
// runs, splices) and feeds them in; a malformed input must end in the
// layer's own error (ProjectError, a decoder error value), never a crash or
// another exception. The suite runs a bounded number of inputs
// (tests/core/formats/tst_fuzz.cpp); bench/bench_fuzz.cpp runs for a time.

#include "core/formats/classfolders.h"
#include "core/formats/cocojson.h"
#include "core/formats/onehotcsv.h"
#include "core/formats/planetcsv.h"
#include "core/formats/vocxml.h"
#include "core/imaging/imagedecoder.h"
#include "core/project/projecterror.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QString>

#include <functional>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

namespace tagwise::test {

class Mutator final
{
public:
    explicit Mutator(std::uint64_t seed) : m_random(seed) {}

    QByteArray mutate(QByteArray data, const std::vector<QByteArray> &corpus)
    {
        const int steps = 1 + int(m_random() % 6);
        for (int s = 0; s < steps; ++s) {
            const qsizetype size = data.size();
            const auto at = [&](qsizetype n) { return n <= 0 ? qsizetype(0) : qsizetype(m_random() % std::uint64_t(n)); };
            switch (m_random() % 8) {
            case 0: // flip a bit
                if (size > 0)
                    data[at(size)] ^= char(1 << (m_random() % 8));
                break;
            case 1: { // a byte that means something to some parser
                static const char special[] = {'\0', '\xff', '"', ',', '\n', '\r', '<', '>', '{', '}', '[', ']',
                                               ':', '\\', '/', '.', ' ', '\x7f', '\x80', '0', '9', '-', '&', ';'};
                if (size > 0)
                    data[at(size)] = special[m_random() % sizeof(special)];
                break;
            }
            case 2: { // insert random bytes
                QByteArray bytes(qsizetype(1 + m_random() % 16), '\0');
                for (char &c : bytes)
                    c = char(m_random() & 0xff);
                data.insert(at(size + 1), bytes);
                break;
            }
            case 3: // delete a run
                if (size > 0) {
                    const qsizetype from = at(size);
                    data.remove(from, qsizetype(1 + m_random() % std::uint64_t(std::min<qsizetype>(64, size - from))));
                }
                break;
            case 4: // repeat a run
                if (size > 0) {
                    const qsizetype from = at(size);
                    const QByteArray run = data.mid(from, qsizetype(1 + m_random() % 32));
                    data.insert(at(size + 1), run.repeated(qsizetype(1 + m_random() % 8)));
                }
                break;
            case 5: // splice the start of one input onto the end of another
                if (!corpus.empty()) {
                    const QByteArray &other = corpus[m_random() % corpus.size()];
                    data = data.left(at(size + 1)) + other.mid(at(other.size() + 1));
                }
                break;
            case 6: // a large or negative number as text
                data.insert(at(size + 1), m_random() % 2 ? QByteArray("99999999999999999999") : QByteArray("-1"));
                break;
            default: // cut the end off
                data.truncate(at(size + 1));
                break;
            }
        }
        return data;
    }

    std::uint64_t next() { return m_random(); }

private:
    std::mt19937_64 m_random;
};

/// One fuzz target: valid seed inputs and a function that feeds one input in.
struct FuzzTarget
{
    std::string name;
    std::vector<QByteArray> corpus;
    /// Feeds \a input in; returns normally for success or an expected error.
    std::function<void(const QByteArray &input)> feed;
};

inline bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

inline QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// Runs an importer, counting ProjectError as the expected way to refuse.
inline void expectProjectError(const std::function<void()> &read)
{
    try {
        read();
    } catch (const ProjectError &) {
    }
}

/**
 * The targets, working in \a dir, where \a imagesDir holds a few real images
 * that the inputs name (so rows can resolve), and \a sampleImages holds image
 * files of every format the decoder reads (the decoder's corpus).
 */
inline std::vector<FuzzTarget> fuzzTargets(const QString &dir, const QString &imagesDir,
                                           const QStringList &sampleImages)
{
    std::vector<FuzzTarget> targets;
    const QString input = dir + QStringLiteral("/input");
    targets.push_back({"planet csv",
                       {"image_name,tags\na.png,cat dog\nb,\n\"c.png\",\"x y\"\n", "image_name,tags\r\na.png,x\r\n"},
                       [=](const QByteArray &bytes) {
                           writeBytes(input, bytes);
                           expectProjectError([&] { formats::readPlanetCsv(input, imagesDir); });
                       }});
    targets.push_back({"one-hot csv",
                       {"image_path,cat,dog\na.png,1,0\nb.png,0,1\nc.png,1,1\n", "image_path,x\n\"a.png\",0\n"},
                       [=](const QByteArray &bytes) {
                           writeBytes(input, bytes);
                           expectProjectError([&] { formats::readOneHotCsv(input, imagesDir); });
                       }});
    const QString vocDir = dir + QStringLiteral("/voc");
    targets.push_back({"pascal voc xml",
                       {"<annotation><filename>a.png</filename><size><width>4</width><height>3</height></size>"
                        "<object><name>cat</name><bndbox><xmin>0</xmin><ymin>0</ymin><xmax>3</xmax><ymax>2</ymax>"
                        "</bndbox></object><object><name>dog</name></object></annotation>",
                        "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY e \"x\">]><annotation><filename>b.png"
                        "</filename><object><name>&e;</name></object></annotation>"},
                       [=](const QByteArray &bytes) {
                           writeBytes(vocDir + QStringLiteral("/a.xml"), bytes);
                           expectProjectError([&] { formats::readVocFolder(vocDir, imagesDir); });
                       }});
    targets.push_back({"coco json",
                       {"{\"images\": [{\"id\": 1, \"file_name\": \"a.png\", \"width\": 4, \"height\": 3}, "
                        "{\"id\": 2, \"file_name\": \"b.png\"}], \"categories\": [{\"id\": 7, \"name\": \"cat\"}, "
                        "{\"id\": 8, \"name\": \"dog\"}], \"annotations\": [{\"id\": 1, \"image_id\": 1, "
                        "\"category_id\": 7}, {\"id\": 2, \"image_id\": 2, \"category_id\": 8}]}"},
                       [=](const QByteArray &bytes) {
                           writeBytes(input, bytes);
                           expectProjectError([&] { formats::readCoco(input, imagesDir); });
                       }});
    // Folder-per-class: the input is a list of "folder/file" names, made on disk.
    const QString classes = dir + QStringLiteral("/classes");
    const QByteArray png = fileBytes(imagesDir + QStringLiteral("/a.png"));
    targets.push_back({"class folders",
                       {"cat/a.png\ndog/a.png\ndog/b.png\n", "red_dress/x.jpg\n.hidden/y.png\nz.png\n"},
                       [=](const QByteArray &bytes) {
                           QDir(classes).removeRecursively();
                           QDir().mkpath(classes);
                           for (const QByteArray &line : bytes.split('\n')) {
                               QString name = QString::fromUtf8(line).remove(QChar(0)).left(120);
                               if (name.isEmpty() || name.contains(QLatin1String("..")))
                                   continue;
                               writeBytes(classes + '/' + name, png);
                           }
                           expectProjectError([&] { formats::readClassFolders(classes, QStringLiteral("_")); });
                       }});
    std::vector<QByteArray> images;
    for (const QString &file : sampleImages)
        images.push_back(fileBytes(file));
    targets.push_back({"image decoder", images, [](const QByteArray &bytes) {
                           // Errors are values here: a result either way.
                           const ImageDecoder decoder(4'000'000);
                           const DecodedImage decoded = decoder.decodeData(bytes, QStringLiteral("fuzz"), 2);
                           if (decoded.ok() && decoded.image.type() != CV_8UC3)
                               throw std::logic_error("the decoder returned a Mat that is not 8-bit BGR");
                       }});
    return targets;
}

/// What one run of a target did.
struct FuzzResult
{
    long long inputs = 0;
    std::string failure; ///< the first unexpected exception, empty when none
};

/**
 * Feeds \a target mutated inputs from \a seed until \a maxInputs were fed or
 * \a seconds passed (whichever comes first; 0 means no limit of that kind).
 */
inline FuzzResult runFuzzTarget(const FuzzTarget &target, std::uint64_t seed, long long maxInputs, double seconds)
{
    Mutator mutator(seed);
    FuzzResult result;
    QElapsedTimer timer;
    timer.start();
    while ((maxInputs <= 0 || result.inputs < maxInputs) && (seconds <= 0 || timer.elapsed() < seconds * 1000.0)) {
        const QByteArray &base = target.corpus[mutator.next() % target.corpus.size()];
        const QByteArray input = result.inputs < qsizetype(target.corpus.size()) ? base : mutator.mutate(base, target.corpus);
        try {
            target.feed(input);
        } catch (const std::exception &error) {
            result.failure = std::string(error.what()) + " (input " + std::to_string(result.inputs) + ", hex "
                             + input.left(200).toHex().toStdString() + ")";
            return result;
        }
        ++result.inputs;
    }
    return result;
}

}
