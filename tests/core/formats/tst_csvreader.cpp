#include "core/formats/csvreader.h"
#include "core/project/projecterror.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using tagwise::ProjectError;
using tagwise::formats::CsvReader;
using tagwise::formats::csvRecord;

class TestCsvReader final : public QObject
{
    Q_OBJECT

private:
    QString write(const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(QStringLiteral("test.csv"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
            qFatal("cannot write the fixture");
        return path;
    }

    QTemporaryDir m_dir;

private Q_SLOTS:
    void parses_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QList<QStringList>>("records");
        QTest::addColumn<QList<int>>("lines");

        QTest::newRow("plain") << QByteArray("a,b\nc,d\n") << QList<QStringList>{{"a", "b"}, {"c", "d"}} << QList<int>{1, 2};
        QTest::newRow("no final line end") << QByteArray("a,b\nc,d") << QList<QStringList>{{"a", "b"}, {"c", "d"}}
                                           << QList<int>{1, 2};
        QTest::newRow("crlf") << QByteArray("a,b\r\nc,d\r\n") << QList<QStringList>{{"a", "b"}, {"c", "d"}}
                              << QList<int>{1, 2};
        QTest::newRow("bom") << QByteArray("\xEF\xBB\xBFimage,tags\r\nx,y\r\n")
                             << QList<QStringList>{{"image", "tags"}, {"x", "y"}} << QList<int>{1, 2};
        QTest::newRow("empty fields") << QByteArray("a,,\n,b,\n") << QList<QStringList>{{"a", "", ""}, {"", "b", ""}}
                                      << QList<int>{1, 2};
        QTest::newRow("quoted comma") << QByteArray("\"a,b\",c\n") << QList<QStringList>{{"a,b", "c"}} << QList<int>{1};
        QTest::newRow("doubled quote") << QByteArray("\"say \"\"hi\"\"\",x\n") << QList<QStringList>{{"say \"hi\"", "x"}}
                                       << QList<int>{1};
        QTest::newRow("line break in quotes") << QByteArray("\"a\nb\",c\nd,e\n")
                                              << QList<QStringList>{{"a\nb", "c"}, {"d", "e"}} << QList<int>{1, 3};
        QTest::newRow("crlf after quote") << QByteArray("\"a\",\"b\"\r\nc,d\r\n") << QList<QStringList>{{"a", "b"}, {"c", "d"}}
                                          << QList<int>{1, 2};
        QTest::newRow("blank lines skipped") << QByteArray("a\n\n\r\nb\n\n") << QList<QStringList>{{"a"}, {"b"}}
                                             << QList<int>{1, 4};
        QTest::newRow("spaces kept") << QByteArray(" a , b \n") << QList<QStringList>{{" a ", " b "}} << QList<int>{1};
        QTest::newRow("utf-8") << QByteArray("b\xC3\xA4r,\xE7\x8C\xAB\n")
                               << QList<QStringList>{{QString::fromUtf8("b\xC3\xA4r"), QString::fromUtf8("\xE7\x8C\xAB")}}
                               << QList<int>{1};
        QTest::newRow("quote inside unquoted field") << QByteArray("a\"b,c\n") << QList<QStringList>{{"a\"b", "c"}}
                                                     << QList<int>{1};
        QTest::newRow("quoted empty") << QByteArray("\"\",x\n") << QList<QStringList>{{"", "x"}} << QList<int>{1};
    }

    void parses()
    {
        QFETCH(QByteArray, input);
        QFETCH(QList<QStringList>, records);
        QFETCH(QList<int>, lines);
        CsvReader reader(write(input));
        QStringList fields;
        QList<QStringList> read;
        QList<int> readLines;
        while (reader.next(fields)) {
            read.append(fields);
            readLines.append(reader.line());
        }
        QCOMPARE(read, records);
        QCOMPARE(readLines, lines);
    }

    void rejects_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("expected");

        QTest::newRow("unterminated quote") << QByteArray("a,b\nc,\"d\ne\n") << QStringLiteral(":2: unterminated quoted field");
        QTest::newRow("text after quote") << QByteArray("a,b\n\"c\"x,d\n") << QStringLiteral(":2: unexpected text after a closing quote");
        QTest::newRow("not utf-8") << QByteArray("a,b\nc,\xFF\xFE\n") << QStringLiteral(":2: not valid UTF-8");
    }

    void rejects()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, expected);
        const QString path = write(input);
        try {
            CsvReader reader(path);
            QStringList fields;
            while (reader.next(fields)) {
            }
            QFAIL("no error");
        } catch (const ProjectError &error) {
            QVERIFY2(error.message().startsWith(path + expected), qPrintable(error.message()));
        }
    }

    void missingFile()
    {
        const QString path = m_dir.filePath(QStringLiteral("none.csv"));
        QVERIFY_THROWS_EXCEPTION(ProjectError, CsvReader{path});
    }

    void writesAndReadsBack_data()
    {
        QTest::addColumn<QStringList>("fields");
        QTest::newRow("plain") << QStringList{"a", "b"};
        QTest::newRow("comma") << QStringList{"a,b", "c"};
        QTest::newRow("quote") << QStringList{"say \"hi\"", "\""};
        QTest::newRow("line breaks") << QStringList{"a\nb", "c\r\nd"};
        QTest::newRow("spaces") << QStringList{" lead", "trail ", "in side"};
        QTest::newRow("non-ascii") << QStringList{QString::fromUtf8("caf\xC3\xA9/\xE7\x8C\xAB.png"), QString::fromUtf8("\xC3\x9F")};
        QTest::newRow("empty") << QStringList{"", "x", ""};
        QTest::newRow("one empty field") << QStringList{""};
    }

    void writesAndReadsBack()
    {
        QFETCH(QStringList, fields);
        const QString path = write((csvRecord(fields) + QLatin1Char('\n') + csvRecord({"end"}) + QLatin1Char('\n')).toUtf8());
        CsvReader reader(path);
        QStringList read;
        QVERIFY(reader.next(read));
        QCOMPARE(read, fields);
        QVERIFY(reader.next(read));
        QCOMPARE(read, QStringList{"end"});
        QVERIFY(!reader.next(read));
    }

    void quotesOnlyWhenNeeded()
    {
        QCOMPARE(csvRecord({"a", "b c", "d,e", "f\"g"}), QStringLiteral("a,b c,\"d,e\",\"f\"\"g\""));
    }
};

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
