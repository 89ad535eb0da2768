#include "commands.h"

#include <QTextStream>

namespace ReplicaCtl {

int sandbox(const QStringList &)
{
    QTextStream(stderr) << "replicactl sandbox: not available in this build yet\n";
    return BadInput;
}

} // namespace ReplicaCtl
