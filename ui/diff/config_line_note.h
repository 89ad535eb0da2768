#pragma once

#include <QString>

// What ConfigDiffView says about one line of the proposed file: shown as a
// margin symbol, a tooltip and (for what changes the outcome) a note under
// the line. Plain value made by ConfigLineChecks.
struct ConfigLineNote
{
    enum class Kind {
        Invalid,    // the server would refuse the file: blocks the wizard
        Restart,    // a changed setting that takes effect only after a restart
        Overridden, // a later line or file sets the same setting: this line has no effect
        Shadowed,   // a pg_hba.conf rule an earlier rule makes unreachable
    };

    Kind kind = Kind::Invalid;
    int line = 0;    // 1-based
    QString message; // a full sentence
    int start = -1;  // bytes of the line to underline (the value), -1 for none
    int end = -1;
    int otherLine = 0; // Shadowed: the earlier rule's line; Overridden within the file: the winning line
};
