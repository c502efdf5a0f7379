#pragma once

#include <QList>
#include <QString>

namespace pincart {

// One field that failed validation: `field` is a JSON path such as "attributes.panel".
struct FieldError
{
    QString field;
    QString message;
    bool operator==(const FieldError &) const = default;
};

// The one error model of Pincart: services return it, http/ maps its kind to a status and
// problem+json, and the client decodes problem+json back into it.
class DomainError
{
public:
    enum class Kind {
        BadRequest,      // malformed input: not JSON, wrong shape
        Unauthorized,    // no, bad or expired credentials
        Forbidden,       // authenticated, but not allowed
        NotFound,
        Conflict,        // duplicate SKU, out of stock, reused idempotency key
        Validation,      // well-formed, but fails the rules (422), with field errors
        PayloadTooLarge,
        RateLimited,
        Unavailable,     // database down, not ready
        Internal,        // a bug or an unexpected storage failure; details stay in the log
        Network,         // client side only: the server could not be reached
    };

    DomainError() = default;
    DomainError(Kind kind, QString message, QList<FieldError> fields = {})
        : m_kind(kind)
        , m_message(std::move(message))
        , m_fields(std::move(fields))
    {}

    static DomainError badRequest(QString message) { return {Kind::BadRequest, std::move(message)}; }
    static DomainError unauthorized(QString message = QStringLiteral("Authentication required"))
    {
        return {Kind::Unauthorized, std::move(message)};
    }
    static DomainError forbidden(QString message = QStringLiteral("Not allowed"))
    {
        return {Kind::Forbidden, std::move(message)};
    }
    static DomainError notFound(QString message = QStringLiteral("Not found"))
    {
        return {Kind::NotFound, std::move(message)};
    }
    static DomainError conflict(QString message, QList<FieldError> fields = {})
    {
        return {Kind::Conflict, std::move(message), std::move(fields)};
    }
    static DomainError validation(QList<FieldError> fields,
                                  QString message = QStringLiteral("Validation failed"))
    {
        return {Kind::Validation, std::move(message), std::move(fields)};
    }
    static DomainError validation(const QString &field, const QString &message)
    {
        return validation(QList<FieldError>{{field, message}});
    }
    static DomainError tooLarge(QString message) { return {Kind::PayloadTooLarge, std::move(message)}; }
    static DomainError unavailable(QString message) { return {Kind::Unavailable, std::move(message)}; }
    static DomainError internal(QString message) { return {Kind::Internal, std::move(message)}; }

    Kind kind() const { return m_kind; }
    const QString &message() const { return m_message; }
    const QList<FieldError> &fields() const { return m_fields; }

    // A one-line description for logs and message boxes.
    QString toString() const;

private:
    Kind m_kind = Kind::Internal;
    QString m_message;
    QList<FieldError> m_fields;
};

} // namespace pincart
