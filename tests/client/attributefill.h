#pragma once

// Test helper: sets an AttributeForm's editors the way a user would.

#include "supplier/attributeform.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QJsonObject>
#include <QLineEdit>
#include <QSpinBox>
#include <QTest>

namespace pincart::test {

// Picks the combo entry with the value's text, sets the spin box, ticks or clears the box, types
// the text. Attributes absent from `values` are left untouched. Fails the test on an attribute
// the form has no editor for.
inline void fillLikeAUser(AttributeForm &form, const QJsonObject &values)
{
    for (auto it = values.begin(); it != values.end(); ++it) {
        QWidget *editor = form.editor(it.key());
        QVERIFY2(editor, qPrintable(it.key()));
        if (auto *combo = qobject_cast<QComboBox *>(editor)) {
            const int index = combo->findText(it.value().toString());
            QVERIFY2(index >= 0, qPrintable(it.value().toString()));
            combo->setCurrentIndex(index);
        } else if (auto *spin = qobject_cast<QSpinBox *>(editor)) {
            spin->setValue(it.value().toInt());
        } else if (auto *doubleSpin = qobject_cast<QDoubleSpinBox *>(editor)) {
            doubleSpin->setValue(it.value().toDouble());
        } else if (auto *box = qobject_cast<QCheckBox *>(editor)) {
            box->setCheckState(it.value().toBool() ? Qt::Checked : Qt::Unchecked);
        } else if (auto *edit = qobject_cast<QLineEdit *>(editor)) {
            edit->clear();
            QTest::keyClicks(edit, it.value().toString());
        } else {
            QFAIL(qPrintable(QStringLiteral("unexpected editor for ") + it.key()));
        }
    }
}

} // namespace pincart::test
