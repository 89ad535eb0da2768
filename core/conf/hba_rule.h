#pragma once

#include <QString>
#include <QStringList>

// One record of pg_hba.conf: who may connect how. Plain value: HbaFile reads
// and writes these, the setup plan builds the replication rule it needs.
// Names keep their double quotes when written quoted ("all" in quotes is a
// database called all, not the keyword), so a rule renders as it was read.
struct HbaRule
{
    QString type;          // local, host, hostssl, hostnossl, hostgssenc, hostnogssenc
    QStringList databases; // all, sameuser, samerole, samegroup, replication, names, @file, "quoted"
    QStringList users;     // all, names, +group, @file, "quoted"
    QString address;       // empty for local; CIDR, IP address, host name, .suffix, all, samehost, samenet
    QString netmask;       // only after a plain IP address: "255.255.255.0"
    QString method;        // trust, reject, scram-sha-256, md5, password, peer, ident, cert, ...
    QStringList options;   // name=value, as written
    int lineNumber = 0;    // where it starts in its file (1-based); 0 for a rule not in a file

    bool isLocal() const { return type == QLatin1String("local"); }
};
