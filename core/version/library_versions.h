#pragma once

#include <QList>
#include <QString>

// The versions of the libraries this build runs with (Qt, libpq, libssh),
// for the About box and `--version`: what a bug report needs first.
struct LibraryVersion
{
    QString name;
    QString version;
};

QList<LibraryVersion> libraryVersions();
