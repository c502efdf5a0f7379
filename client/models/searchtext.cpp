#include "searchtext.h"

#include <QCoreApplication>
#include <QLocale>

namespace pincart {

namespace {

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("pincart::Search", text, nullptr, n);
}

} // namespace

QString arrivesByText(const QDate &date)
{
    if (!date.isValid())
        return QStringLiteral("—");
    return tr("Arrives by %1").arg(QLocale().toString(date, QStringLiteral("ddd d MMM")));
}

QString searchSortText(SearchSort sort)
{
    switch (sort) {
    case SearchSort::Relevance:
        return tr("Relevance");
    case SearchSort::PriceAsc:
        return tr("Price: low to high");
    case SearchSort::PriceDesc:
        return tr("Price: high to low");
    case SearchSort::Fastest:
        return tr("Fastest delivery");
    }
    return {};
}

QString searchSummaryText(qint64 total, const QString &text, const QString &pincode)
{
    if (total == 0) {
        return pincode.isEmpty()
                   ? tr("No results for “%1”").arg(text)
                   : tr("No results for “%1” that can be delivered to %2").arg(text, pincode);
    }
    // %n takes an int; a total past two billion would not be shown anyway.
    const int n = int(qMin<qint64>(total, std::numeric_limits<int>::max()));
    return pincode.isEmpty() ? tr("%n result(s) for “%1”", n).arg(text)
                             : tr("%n result(s) for “%1” delivered to %2", n).arg(text, pincode);
}

} // namespace pincart
