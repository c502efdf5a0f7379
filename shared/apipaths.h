#pragma once

#include <QString>

// The REST routes' paths, named once for server routing, the client and the tests.
namespace pincart::paths {

inline constexpr char ApiPrefix[] = "/api/v1";

inline QString api(QStringView rest) { return QLatin1String(ApiPrefix) + rest; }
inline QString register_() { return api(u"/auth/register"); }
inline QString login() { return api(u"/auth/login"); }
inline QString me() { return api(u"/me"); }
inline QString adminUsers() { return api(u"/admin/users"); }
inline QString adminUser(qint64 id) { return api(u"/admin/users/") + QString::number(id); }
inline QString categories() { return api(u"/categories"); }
inline QString items() { return api(u"/items"); }
inline QString item(qint64 id) { return api(u"/items/") + QString::number(id); }
inline QString submissions() { return api(u"/supplier/submissions"); }
inline QString submission(qint64 id) { return api(u"/supplier/submissions/") + QString::number(id); }
inline QString openApi() { return api(u"/openapi.json"); }
inline QString healthz() { return QStringLiteral("/healthz"); }
inline QString readyz() { return QStringLiteral("/readyz"); }
inline QString metrics() { return QStringLiteral("/metrics"); }

} // namespace pincart::paths
