#include "commands.h"

#include <QTextStream>

namespace ReplicaCtl {

int setup(const QStringList &)
{
    QTextStream(stderr) << "replicactl setup: not available in this build yet\n";
    return BadInput;
}

int apply(const QStringList &)
{
    QTextStream(stderr) << "replicactl apply: not available in this build yet\n";
    return BadInput;
}

int status(const QStringList &)
{
    QTextStream(stderr) << "replicactl status: not available in this build yet\n";
    return BadInput;
}

} // namespace ReplicaCtl
