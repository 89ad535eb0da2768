#pragma once

// For GUI tests only (needs QtWidgets): a picture of a widget for a person
// to look at, in $REPLICA_SCREENSHOT_DIR (the build's screenshots/ folder).

#include <QDir>
#include <QString>
#include <QWidget>
#include <QtTest/QTest>

namespace Screenshot {

inline QString folder()
{
    const QString dir =
        qEnvironmentVariable("REPLICA_SCREENSHOT_DIR", QStringLiteral(REPLICA_BINARY_DIR "/screenshots"));
    QDir().mkpath(dir);
    return dir;
}

// Fails the test when the picture cannot be written.
inline void save(QWidget *widget, const QString &name)
{
    const QString path = folder() + QLatin1Char('/') + name;
    QVERIFY2(widget->grab().save(path), qPrintable(path));
    qInfo("screenshot: %s", qPrintable(path));
}

} // namespace Screenshot
