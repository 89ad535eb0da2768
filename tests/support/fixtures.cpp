#include "fixtures.h"

#include <QFile>
#include <QtTest/QTest>

namespace Fixtures {

QString path(const QString &relative)
{
    return QStringLiteral(REPLICA_TEST_SOURCE_DIR "/fixtures/") + relative;
}

QByteArray read(const QString &relative)
{
    QFile file(path(relative));
    if (!file.open(QIODevice::ReadOnly)) {
        qWarning("fixture missing: %s", qPrintable(file.fileName()));
        return {};
    }
    return file.readAll();
}

} // namespace Fixtures
