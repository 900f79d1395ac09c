#include "core/formats/cocojson.h"

#include "core/formats/exportselection.h"
#include "core/formats/exportselection.h"
#include "core/formats/imageheader.h"
#include "core/formats/imageresolver.h"
#include "core/formats/reportbuilder.h"
#include "core/project/projecterror.h"
#include "core/project/projectstore.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>

#include <cmath>
#include <set>

namespace tagwise::formats {

namespace {

QString at(const char *array, qsizetype index)
{
    return QStringLiteral("%1[%2]").arg(QLatin1String(array)).arg(index);
}

class CocoParser final
{
public:
    explicit CocoParser(const QString &file) : m_file(file) {}

    [[noreturn]] void fail(const QString &where, const QString &reason) const
    {
        throw ProjectError(QStringLiteral("%1: %2: %3").arg(m_file, where, reason));
    }

    QJsonArray array(const QJsonObject &root, const QString &key) const
    {
        const QJsonValue value = root.value(key);
        if (value.isUndefined())
            fail(QStringLiteral("top level"), QObject::tr("missing \"%1\"").arg(key));
        if (!value.isArray())
            fail(key, QObject::tr("not an array"));
        return value.toArray();
    }

    QJsonObject object(const QJsonValue &value, const QString &where) const
    {
        if (!value.isObject())
            fail(where, QObject::tr("not an object"));
        return value.toObject();
    }

    qint64 id(const QJsonObject &object, const QString &key, const QString &where) const
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined())
            fail(where, QObject::tr("missing \"%1\"").arg(key));
        const double number = value.toDouble(std::nan(""));
        if (!value.isDouble() || std::floor(number) != number)
            fail(where, QObject::tr("\"%1\" is not an integer").arg(key));
        // JSON numbers are doubles: beyond 2^53 two different ids can read as one.
        if (std::abs(number) >= 9007199254740992.0)
            fail(where, QObject::tr("\"%1\" is too large (ids must stay below 2^53 = 9007199254740992 to be "
                                    "read exactly)")
                            .arg(key));
        return qint64(number);
    }

    QString text(const QJsonObject &object, const QString &key, const QString &where) const
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined())
            fail(where, QObject::tr("missing \"%1\"").arg(key));
        if (!value.isString() || value.toString().trimmed().isEmpty())
            fail(where, QObject::tr("\"%1\" is not a non-empty string").arg(key));
        return value.toString();
    }

    /**
     * The \a key text of each object in \a array (the list named \a name), and in
     * \a index each object's position by its "id"; a repeated id fails with
     * \a duplicate, whose %1 is the id.
     */
    QStringList texts(const QJsonArray &array, const char *name, const QString &key, const QString &duplicate,
                      QHash<qint64, qsizetype> &index) const
    {
        QStringList texts;
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString where = at(name, i);
            const QJsonObject item = object(array.at(i), where);
            const qint64 itemId = id(item, QStringLiteral("id"), where);
            if (index.contains(itemId))
                fail(where, duplicate.arg(itemId));
            index.insert(itemId, i);
            texts.append(text(item, key, where));
        }
        return texts;
    }

private:
    QString m_file;
};

}

ImportReport readCoco(const QString &jsonFile, const QString &imagesDir)
{
    QFile file(jsonFile);
    if (!file.open(QIODevice::ReadOnly))
        throw ProjectError(QObject::tr("%1: cannot open: %2").arg(jsonFile, file.errorString()));
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError)
        throw ProjectError(QObject::tr("%1: cannot read: %2").arg(jsonFile, file.errorString()));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError) {
        const qsizetype line = bytes.left(error.offset).count('\n') + 1;
        throw ProjectError(QObject::tr("%1:%2: JSON error at byte %3: %4")
                               .arg(jsonFile)
                               .arg(line)
                               .arg(error.offset)
                               .arg(error.errorString()));
    }
    const CocoParser parser(jsonFile);
    if (!document.isObject())
        parser.fail(QStringLiteral("top level"), QObject::tr("not a JSON object"));
    const QJsonObject root = document.object();
    const QJsonArray categories = parser.array(root, QStringLiteral("categories"));
    const QJsonArray images = parser.array(root, QStringLiteral("images"));
    const QJsonArray annotations = parser.array(root, QStringLiteral("annotations"));

    QHash<qint64, qsizetype> categoryIndex; // id -> position in the array
    const QStringList categoryNames = parser.texts(categories, "categories", QStringLiteral("name"),
                                                   QObject::tr("duplicate category id %1"), categoryIndex);
    QHash<qint64, qsizetype> imageIndex;
    const QStringList fileNames = parser.texts(images, "images", QStringLiteral("file_name"),
                                               QObject::tr("duplicate image id %1"), imageIndex);

    std::vector<std::set<qsizetype>> present(size_t(images.size())); // category positions per image
    for (qsizetype i = 0; i < annotations.size(); ++i) {
        const QString where = at("annotations", i);
        const QJsonObject annotation = parser.object(annotations.at(i), where);
        const qint64 imageId = parser.id(annotation, QStringLiteral("image_id"), where);
        const qint64 categoryId = parser.id(annotation, QStringLiteral("category_id"), where);
        const auto image = imageIndex.constFind(imageId);
        if (image == imageIndex.cend())
            parser.fail(where, QObject::tr("unknown image_id %1").arg(imageId));
        const auto category = categoryIndex.constFind(categoryId);
        if (category == categoryIndex.cend())
            parser.fail(where, QObject::tr("unknown category_id %1").arg(categoryId));
        present[size_t(image.value())].insert(category.value());
    }

    const ImageResolver resolver(imagesDir);
    ReportBuilder builder(jsonFile);
    for (qsizetype i = 0; i < images.size(); ++i) {
        const ImageResolver::Result image = resolver.resolve(fileNames.at(i));
        if (image.path.isEmpty()) {
            builder.addProblem(QStringLiteral("%1: %2: %3").arg(jsonFile, at("images", i), image.problem));
            continue;
        }
        QStringList tags;
        for (qsizetype category : present[size_t(i)])
            tags.append(categoryNames.at(category));
        builder.addRow(image.path, tags);
    }
    return builder.report();
}

void writeCoco(const ProjectStore &store, const QString &jsonFile)
{
    QJsonArray categories;
    QHash<qint64, int> categoryOfTag;
    for (const TagInfo &tag : store.tags()) {
        const int id = int(categories.size()) + 1;
        categoryOfTag.insert(tag.id, id);
        categories.append(QJsonObject{{QStringLiteral("id"), id},
                                      {QStringLiteral("name"), tag.name},
                                      {QStringLiteral("supercategory"), QString()}});
    }

    QJsonArray images;
    QJsonArray annotations;
    for (const ImageRecord *image : exportedImages(store)) {
        const ImageHeader header = readImageHeader(store.absolutePath(image->path));
        const int imageId = int(images.size()) + 1;
        images.append(QJsonObject{{QStringLiteral("id"), imageId},
                                  {QStringLiteral("file_name"), image->path},
                                  {QStringLiteral("width"), header.width},
                                  {QStringLiteral("height"), header.height}});
        const double w = header.width;
        const double h = header.height;
        for (const TagInfo &tag : store.tags()) {
            if (!image->hasTag(tag.id))
                continue;
            annotations.append(QJsonObject{
                {QStringLiteral("id"), int(annotations.size()) + 1},
                {QStringLiteral("image_id"), imageId},
                {QStringLiteral("category_id"), categoryOfTag.value(tag.id)},
                {QStringLiteral("bbox"), QJsonArray{0, 0, w, h}},
                {QStringLiteral("area"), w * h},
                {QStringLiteral("iscrowd"), 0},
                {QStringLiteral("segmentation"), QJsonArray{QJsonArray{0, 0, w, 0, w, h, 0, h}}}});
        }
    }

    const QJsonObject root{
        {QStringLiteral("info"), QJsonObject{{QStringLiteral("description"), QStringLiteral("Exported by Tagwise")}}},
        {QStringLiteral("licenses"), QJsonArray()},
        {QStringLiteral("categories"), categories},
        {QStringLiteral("images"), images},
        {QStringLiteral("annotations"), annotations}};
    writeExportFile(store, jsonFile, QJsonDocument(root).toJson(QJsonDocument::Compact));
}

}
