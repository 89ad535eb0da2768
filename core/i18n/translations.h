#pragma once

#include <QLocale>

// Loads the translations the programs ship (replica_studio_<lang>.qm, embedded
// in core as :/i18n) and Qt's own qtbase ones when the system has them. Both
// main() functions call it once, after the application object exists.
namespace Translations {

// Returns true when the program's own translation for the locale was found;
// English, the source language, needs none.
bool install(const QLocale &locale = QLocale::system());

} // namespace Translations
