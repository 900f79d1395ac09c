// The layering docs/DESIGN.md describes, checked on the sources: which layer
// may include what, directly or through the project's own headers.

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

namespace {

const QString kSource = QStringLiteral(TAGWISE_SOURCE_DIR);
const QString kQtHeaders = QStringLiteral(TAGWISE_QT_HEADERS);

/// An #include of a file, as written: "core/ml/x.h" (project) or <QWidget> (system).
struct Include
{
    QString name;
    bool project = false;
};

QList<Include> includesOf(const QString &file)
{
    static const QRegularExpression pattern(QStringLiteral(R"(^\s*#\s*include\s*([<"])([^>"]+)[>"])"),
                                            QRegularExpression::MultilineOption);
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly))
        return {};
    const QString text = QString::fromUtf8(in.readAll());
    QList<Include> result;
    for (auto it = pattern.globalMatch(text); it.hasNext();) {
        const auto match = it.next();
        const QString name = match.captured(2);
        result.append({name, match.captured(1) == QLatin1String("\"") && QFileInfo::exists(kSource + '/' + name)});
    }
    return result;
}

/// Every system header a file reaches, through the project headers it includes: header -> the chain.
QHash<QString, QString> reachedSystemHeaders(const QString &relative)
{
    QHash<QString, QString> reached;
    QSet<QString> seen;
    QList<std::pair<QString, QString>> pending{{relative, relative}};
    while (!pending.isEmpty()) {
        const auto [file, chain] = pending.takeLast();
        if (seen.contains(file))
            continue;
        seen.insert(file);
        for (const Include &include : includesOf(kSource + '/' + file)) {
            if (include.project)
                pending.append({include.name, chain + QStringLiteral(" -> ") + include.name});
            else if (!reached.contains(include.name))
                reached.insert(include.name, chain);
        }
    }
    return reached;
}

QStringList sourcesUnder(const QString &folder)
{
    QStringList files;
    QDirIterator it(kSource + '/' + folder, {QStringLiteral("*.h"), QStringLiteral("*.cpp")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        files << QDir(kSource).relativeFilePath(it.next());
    files.sort();
    return files;
}

bool isTorch(const QString &header)
{
    return header.startsWith(QLatin1String("torch/")) || header.startsWith(QLatin1String("ATen/"))
           || header.startsWith(QLatin1String("c10/")) || header.startsWith(QLatin1String("caffe2/"));
}

/// The Qt module a header like <QWidget> or <QtGui/QImage> belongs to, or "" when it is not Qt's.
QString qtModule(const QString &header)
{
    if (header.startsWith(QLatin1String("Qt")) && header.contains('/'))
        return header.section('/', 0, 0);
    if (!header.startsWith('Q') || header.contains('/') || header.contains('.'))
        return {};
    for (const char *module : {"QtCore", "QtGui", "QtWidgets", "QtSql", "QtConcurrent", "QtTest", "QtPrintSupport",
                               "QtNetwork", "QtHttpServer"}) {
        if (QFileInfo::exists(kQtHeaders + '/' + QLatin1String(module) + '/' + header))
            return QLatin1String(module);
    }
    return QStringLiteral("Qt (unknown module)");
}

}

class TestLayering final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rules_data();
    void rules();
};

void TestLayering::rules_data()
{
    QTest::addColumn<QString>("folder");
    QTest::addColumn<QString>("rule");
    QTest::newRow("ui: no LibTorch") << "ui" << "no-torch";
    QTest::newRow("app: no LibTorch") << "app" << "no-torch";
    QTest::newRow("core: no QtWidgets or QtGui") << "core" << "no-gui";
    QTest::newRow("core/ml: no Qt") << "core/ml" << "no-qt";
    QTest::newRow("core/ml: no OpenCV") << "core/ml" << "no-opencv";
    QTest::newRow("core/io: Qt Core only") << "core/io" << "qt-core-only";
    QTest::newRow("core/workflow: headers free of LibTorch") << "core/workflow" << "no-torch-in-headers";
}

void TestLayering::rules()
{
    QFETCH(QString, folder);
    QFETCH(QString, rule);
    const QStringList files = sourcesUnder(folder);
    QVERIFY2(!files.isEmpty(), qPrintable(folder));
    QStringList broken;
    for (const QString &file : files) {
        if (rule == QLatin1String("no-torch-in-headers") && !file.endsWith(QLatin1String(".h")))
            continue;
        const auto reached = reachedSystemHeaders(file);
        for (auto it = reached.cbegin(); it != reached.cend(); ++it) {
            const QString &header = it.key();
            const QString module = qtModule(header);
            bool bad = false;
            if (rule == QLatin1String("no-torch") || rule == QLatin1String("no-torch-in-headers"))
                bad = isTorch(header);
            else if (rule == QLatin1String("no-gui"))
                bad = module == QLatin1String("QtGui") || module == QLatin1String("QtWidgets");
            else if (rule == QLatin1String("no-qt"))
                bad = !module.isEmpty();
            else if (rule == QLatin1String("no-opencv"))
                bad = header.startsWith(QLatin1String("opencv2/"));
            else if (rule == QLatin1String("qt-core-only"))
                bad = (!module.isEmpty() && module != QLatin1String("QtCore")) || isTorch(header)
                      || header.startsWith(QLatin1String("opencv2/"));
            if (bad)
                broken << QStringLiteral("<%1> (%2)").arg(header, it.value());
        }
    }
    QVERIFY2(broken.isEmpty(), qPrintable(broken.join(QStringLiteral("\n"))));
}

QTEST_GUILESS_MAIN(TestLayering)
#include "tst_layering.moc"
