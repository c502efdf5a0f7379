#pragma once

#include <QString>

class QLabel;

// The storefront's one-line messages under a form or a list: plain text, wrapped, selectable,
// hidden while empty, dark red for errors (the colour of every error line in the client).
namespace pincart {

QLabel *newMessageLabel(const QString &objectName);
void showMessage(QLabel *label, const QString &text, bool isError = false);

} // namespace pincart
