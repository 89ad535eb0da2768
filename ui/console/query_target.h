#pragma once

#include <QList>
#include <QString>

// A server the query console can send statements to: the main window builds
// the list (the sandbox's primary and standbys, a cluster's servers) and the
// console shows it in its target selector.
struct QueryTarget
{
    QString name;           // "primary", "standby", a host name: what the selector shows
    QString conninfo;       // a libpq connection string
    bool isStandby = false; // a hot standby accepts reads only: the console says so
};
