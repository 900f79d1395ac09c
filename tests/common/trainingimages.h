#pragma once

// Image files for CLI tests: the synthetic images of SyntheticImageLoader
// written as PNG, with a Planet-style CSV of their tags.

#include "common/syntheticimageloader.h"
#include "core/project/projectstore.h"

#include <QDir>
#include <QFile>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace tagwise::test {

/// Writes images \a first .. \a first + \a count - 1 as DIR/<name>.png (\a size px); returns the CSV rows.
inline QStringList writeTrainingImages(const QString &dir, int first, int count, int size)
{
    QDir().mkpath(dir);
    QStringList rows;
    const auto names = SyntheticImageLoader::tagNames();
    for (const ml::Sample &sample : SyntheticImageLoader::samples(first, count)) {
        const auto pixels = SyntheticImageLoader::draw(sample.path, size);
        cv::Mat rgb(size, size, CV_8UC3, const_cast<std::uint8_t *>(pixels.data()));
        cv::Mat bgr;
        cv::cvtColor(rgb, bgr, cv::COLOR_RGB2BGR);
        const QString file = QDir(dir).filePath(QString::fromStdString(sample.path) + QStringLiteral(".png"));
        if (!cv::imwrite(file.toStdString(), bgr))
            return {};
        QStringList tags;
        for (std::size_t t = 0; t < names.size(); ++t) {
            if (sample.target[t])
                tags << QString::fromStdString(names[t]);
        }
        rows << QString::fromStdString(sample.path) + QLatin1Char(',') + tags.join(QLatin1Char(' '));
    }
    return rows;
}

/// Writes a Planet-style CSV with the header "image_name,tags".
inline bool writeCsv(const QString &file, const QStringList &rows)
{
    QFile out(file);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    QTextStream stream(&out);
    stream << "image_name,tags\n";
    for (const QString &row : rows)
        stream << row << '\n';
    return true;
}

/**
 * A project folder holding \a count training images (\a size px) with their
 * tags applied in the store (every image reviewed); false when it cannot be written.
 */
inline bool makeTaggedProject(const QString &root, int count, int size)
{
    const QStringList rows = writeTrainingImages(root, 0, count, size);
    if (rows.size() != count)
        return false;
    auto store = ProjectStore::open(root);
    QList<ImageTags> tags;
    for (const QString &row : rows) {
        tags.append({row.section(QLatin1Char(','), 0, 0) + QStringLiteral(".png"),
                     row.section(QLatin1Char(','), 1).split(QLatin1Char(' '), Qt::SkipEmptyParts)});
    }
    store->applyImageTags(tags, true);
    return true;
}

}
