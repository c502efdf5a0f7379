#pragma once

#include "connection.h"

#include <optional>

namespace pincart::server {

struct PincodeEntry
{
    QString pincode;
    QString office;
    QString district;
    QString state;
    std::optional<double> latitude;
    std::optional<double> longitude;
};

// The India Post pincode directory (resources/data/pincodes.csv, loaded by the seed).
class PincodeRepository
{
public:
    explicit PincodeRepository(Connection &connection)
        : m_db(connection)
    {}

    // Replaces the table's contents with the compiled-in directory, in one transaction.
    Result<int> loadDirectory();
    Result<std::optional<PincodeEntry>> find(const QString &pincode);
    Result<QList<PincodeEntry>> all(); // by pincode
    Result<qint64> count();

private:
    Connection &m_db;
};

// The compiled-in directory, parsed (RFC 4180 quoting).
Result<QList<PincodeEntry>> readPincodeDirectory();

} // namespace pincart::server
