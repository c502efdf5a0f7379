#include "messageline.h"

#include <QLabel>

namespace pincart {

QLabel *newMessageLabel(const QString &objectName)
{
    auto *label = new QLabel;
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText); // messages quote titles and server text
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setVisible(false);
    return label;
}

void showMessage(QLabel *label, const QString &text, bool isError)
{
    QPalette palette;
    if (isError)
        palette.setColor(QPalette::WindowText, QColor(0xb0, 0x00, 0x20));
    label->setPalette(palette);
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

} // namespace pincart
