#include "commands.h"

#include <QTextStream>

namespace ReplicaCtl {

int hba(const QStringList &)
{
    QTextStream(stderr) << "replicactl hba: not available in this build yet\n";
    return BadInput;
}

} // namespace ReplicaCtl
