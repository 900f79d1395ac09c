#include "core/cli/runscommand.h"

#include "core/cli/commands.h"
#include "core/cli/options.h"
#include "core/project/projecterror.h"
#include "core/project/projectstore.h"
#include "core/workflow/projectruns.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace tagwise::cli {

namespace {

const char *const kUsage = "usage: tagwise-cli runs --project DIR [--json]\n";

QJsonValue isoDate(qint64 seconds)
{
    if (seconds <= 0)
        return QJsonValue::Null;
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(Qt::ISODate);
}

}

int runRuns(const QStringList &args, QTextStream &out, QTextStream &err)
{
    return runCommand("runs", kUsage, err, [&] {
        Options options({"project"}, {"json"});
        options.parse(args);
        const QString root = options.required(QStringLiteral("project"));
        if (!ProjectStore::exists(root))
            throw ProjectError(QStringLiteral("%1: no Tagwise project here").arg(root));
        const std::unique_ptr<ProjectStore> store = ProjectStore::open(root);
        const QList<RunRecord> runs = store->runs();
        if (options.isSet(QStringLiteral("json"))) {
            QJsonArray array;
            for (const RunRecord &run : runs) {
                array.append(QJsonObject{{QStringLiteral("id"), run.id},
                                         {QStringLiteral("created"), isoDate(run.created)},
                                         {QStringLiteral("finished"), isoDate(run.finished)},
                                         {QStringLiteral("architecture"), run.architecture},
                                         {QStringLiteral("status"), workflow::effectiveStatus(*store, run)},
                                         {QStringLiteral("best_fbeta"), run.bestFbeta >= 0.0 ? QJsonValue(run.bestFbeta)
                                                                                              : QJsonValue(QJsonValue::Null)},
                                         {QStringLiteral("epochs"), run.epochs},
                                         {QStringLiteral("folder"), workflow::runFolder(*store, run)}});
            }
            out << QJsonDocument(array).toJson(QJsonDocument::Indented);
            return ExitOk;
        }
        if (runs.isEmpty()) {
            out << "no runs yet: tagwise-cli train --project " << root << '\n';
            return ExitOk;
        }
        out << QString::asprintf("%-18s %-16s %-14s %-9s %7s %6s  %s\n", "id", "created", "architecture", "status",
                                 "fbeta", "epochs", "folder");
        for (const RunRecord &run : runs) {
            const QString created = QDateTime::fromSecsSinceEpoch(run.created).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
            out << QString::asprintf("%-18s %-16s %-14s %-9s %7s %6d  %s\n", qPrintable(run.id), qPrintable(created),
                                     qPrintable(run.architecture),
                                     qPrintable(workflow::effectiveStatus(*store, run)),
                                     run.bestFbeta >= 0.0 ? qPrintable(QString::number(run.bestFbeta, 'f', 4)) : "-",
                                     run.epochs, qPrintable(workflow::runFolder(*store, run)));
        }
        return ExitOk;
    });
}

}
