#pragma once

// For GUI tests only (needs QtWidgets): what a screen-reader user would miss.

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QComboBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QStringList>
#include <QTabBar>
#include <QTextEdit>
#include <QWidget>
#include <QtTest/QTest>

#include "screenshot.h"

namespace AccessibilityCheck {

inline bool isInteractive(QWidget *widget)
{
    // Read through their table's cells or their view's scrolling.
    if (qobject_cast<QHeaderView *>(widget) || qobject_cast<QScrollBar *>(widget) ||
        widget->inherits("QTableCornerButton"))
        return false;
    // The editor inside a spin box or combo box is announced as that control.
    if (qobject_cast<QAbstractSpinBox *>(widget->parentWidget()) || qobject_cast<QComboBox *>(widget->parentWidget()))
        return false;
    return qobject_cast<QAbstractButton *>(widget) || qobject_cast<QLineEdit *>(widget) ||
           qobject_cast<QComboBox *>(widget) || qobject_cast<QAbstractItemView *>(widget) ||
           qobject_cast<QAbstractSlider *>(widget) || qobject_cast<QAbstractSpinBox *>(widget) ||
           qobject_cast<QTabBar *>(widget) || qobject_cast<QPlainTextEdit *>(widget) ||
           qobject_cast<QTextEdit *>(widget) || widget->inherits("QsciScintilla");
}

// Every visible control under root that a keyboard or screen-reader user
// meets without a name ("ClassName objectName"); empty when all are named.
inline QStringList unnamedControls(QWidget *root)
{
    QStringList unnamed;
    for (QWidget *widget : root->findChildren<QWidget *>()) {
        if (!widget->isVisibleTo(root) || !isInteractive(widget))
            continue;
        QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(widget);
        if (!accessible || accessible->text(QAccessible::Name).trimmed().isEmpty())
            unnamed << QStringLiteral("%1 \"%2\"")
                           .arg(QString::fromLatin1(widget->metaObject()->className()), widget->objectName());
    }
    return unnamed;
}

} // namespace AccessibilityCheck

// Saves a picture of what the user sees (Screenshot::save) and fails on an
// unnamed control in it: every page a test shows is walked for screen readers.
#define LOOK_AT(widget, name)                                                                                          \
    do {                                                                                                               \
        Screenshot::save((widget), (name));                                                                            \
        const QStringList unnamed_ = AccessibilityCheck::unnamedControls(widget);                                      \
        QVERIFY2(unnamed_.isEmpty(),                                                                                   \
                 qPrintable(QStringLiteral("%1: unnamed %2").arg(name, unnamed_.join(QStringLiteral(", ")))));         \
    } while (false)
