#include "commands.h"

#include <QTextStream>

namespace ReplicaCtl {

int conf(const QStringList &)
{
    QTextStream(stderr) << "replicactl conf: not available in this build yet\n";
    return BadInput;
}

} // namespace ReplicaCtl
