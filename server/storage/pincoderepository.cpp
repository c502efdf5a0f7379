#include "pincoderepository.h"

#include "migrations.h"
#include "statement.h"

#include <QFile>

namespace pincart::server {

namespace {

// Splits one CSV line (no embedded newlines in this file) honouring quotes.
QStringList splitCsvLine(QStringView line)
{
    QStringList fields;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < line.size() && line[i + 1] == QLatin1Char('"')) {
                    field += c;
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            fields << field;
            field.clear();
        } else {
            field += c;
        }
    }
    fields << field;
    return fields;
}

std::optional<double> optionalDouble(const QString &s)
{
    bool ok = false;
    const double d = s.toDouble(&ok);
    return ok ? std::optional(d) : std::nullopt;
}

} // namespace

Result<QList<PincodeEntry>> readPincodeDirectory()
{
    initResources();
    QFile file(QStringLiteral(":/data/pincodes.csv"));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return DomainError::internal(QStringLiteral("pincodes.csv is missing from the build"));
    const QString text = QString::fromUtf8(file.readAll());
    const auto lines = QStringView(text).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QList<PincodeEntry> entries;
    entries.reserve(lines.size());
    for (qsizetype i = 1; i < lines.size(); ++i) { // line 0 is the header
        const QStringList f = splitCsvLine(lines[i]);
        if (f.size() != 6)
            return DomainError::internal(
                QStringLiteral("pincodes.csv line %1 is malformed").arg(i + 1));
        entries.append({f[0], f[1], f[2], f[3], optionalDouble(f[4]), optionalDouble(f[5])});
    }
    return entries;
}

Result<int> PincodeRepository::loadDirectory()
{
    const auto entries = readPincodeDirectory();
    if (!entries)
        return entries.error();
    Transaction tx(m_db);
    if (!tx.started())
        return tx.started().error();
    Statement clear(m_db, QStringLiteral("DELETE FROM pincodes"));
    if (Status s = clear.exec("clear pincodes"); !s)
        return s.error();
    const QVariant nullDouble(QMetaType(QMetaType::Double));
    for (const PincodeEntry &e : *entries) {
        Statement q(m_db,
                    QStringLiteral("INSERT INTO pincodes (pincode, office, district, state, "
                                   "latitude, longitude) VALUES (:p, :o, :d, :s, :lat, :lon)"));
        q.bind(QStringLiteral(":p"), e.pincode)
            .bind(QStringLiteral(":o"), e.office)
            .bind(QStringLiteral(":d"), e.district)
            .bind(QStringLiteral(":s"), e.state)
            .bind(QStringLiteral(":lat"), e.latitude ? QVariant(*e.latitude) : nullDouble)
            .bind(QStringLiteral(":lon"), e.longitude ? QVariant(*e.longitude) : nullDouble);
        if (Status s = q.exec("insert pincode"); !s)
            return s.error();
    }
    if (Status s = tx.commit(); !s)
        return s.error();
    return int(entries->size());
}

namespace {

const QString SelectEntry
    = QStringLiteral("SELECT pincode, office, district, state, latitude, longitude FROM pincodes");

PincodeEntry entryFrom(const Statement &q)
{
    PincodeEntry e{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                   q.value(3).toString(), std::nullopt,          std::nullopt};
    if (!q.value(4).isNull())
        e.latitude = q.value(4).toDouble();
    if (!q.value(5).isNull())
        e.longitude = q.value(5).toDouble();
    return e;
}

} // namespace

Result<std::optional<PincodeEntry>> PincodeRepository::find(const QString &pincode)
{
    Statement q(m_db, SelectEntry + QStringLiteral(" WHERE pincode = :p"));
    q.bind(QStringLiteral(":p"), pincode);
    if (Status s = q.exec("find pincode"); !s)
        return s.error();
    if (!q.next())
        return std::optional<PincodeEntry>();
    return std::optional<PincodeEntry>(entryFrom(q));
}

Result<QList<PincodeEntry>> PincodeRepository::all()
{
    Statement q(m_db, SelectEntry + QStringLiteral(" ORDER BY pincode"));
    if (Status s = q.exec("all pincodes"); !s)
        return s.error();
    QList<PincodeEntry> entries;
    while (q.next())
        entries << entryFrom(q);
    return entries;
}

Result<qint64> PincodeRepository::count()
{
    Statement q(m_db, QStringLiteral("SELECT COUNT(*) FROM pincodes"));
    if (Status s = q.exec("count pincodes"); !s)
        return s.error();
    return q.next() ? q.value(0).toLongLong() : 0;
}

} // namespace pincart::server
