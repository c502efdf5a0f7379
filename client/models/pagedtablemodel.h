#pragma once

#include "page.h"
#include "result.h"

#include <functional>
#include <QAbstractTableModel>
#include <QList>

namespace pincart {

// The paging state machine of every keyset-paged list: rows arrive a page at a time through
// canFetchMore()/fetchMore(), each page asked for with the cursor (`next`) of the one before.
// Invariants: at most one page request is in flight; a reload cancels it, and an answer to a
// request made before the last reload never reaches the rows; after a failure nothing is fetched
// again until retry() or reload() is called, so a view cannot hammer a failing server.
class PagedTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class State {
        Ready,    // more rows may follow (or nothing was asked yet): fetchMore() asks
        Loading,  // one page request is in flight
        Failed,   // the last request failed: errorString() says why
        Complete, // every row is loaded
    };
    Q_ENUM(State)

    explicit PagedTableModel(QObject *parent = nullptr);
    ~PagedTableModel() override;

    State state() const { return m_state; }
    QString errorString() const { return m_error; }
    int pageSize() const { return m_pageSize; }
    void setPageSize(int rows); // 1..100, the API's limit

    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // Drops every row and the cursor, cancels a request in flight and asks for the first page.
    void reload();
    // After a failure: asks again for the page that failed. Does nothing in any other state.
    void retry();

Q_SIGNALS:
    void stateChanged(pincart::PagedTableModel::State state);

protected:
    // Asks the server for the page after `cursor` (empty: the first), of at most `limit` rows,
    // through an ApiClient call made with `context`; the answer goes to pageArrived(ticket, ...).
    virtual void requestPage(const QString &cursor, int limit, QObject *context, quint64 ticket)
        = 0;
    // Forgets every row; called between beginResetModel() and endResetModel().
    virtual void clearRows() = 0;

    // False for the answer to a request made before the last reload (or cancelled).
    bool isCurrent(quint64 ticket) const { return ticket == m_ticket && m_request != nullptr; }
    // Records the end of the current request: call before inserting its rows.
    void finishPage(const QString &next, bool pageWasEmpty);
    void failPage(const DomainError &error);
    // Emits stateChanged() once the rows of a finished page are in.
    void announceState() { Q_EMIT stateChanged(m_state); }

private:
    void startRequest();
    void setState(State state);
    enum RequestEnd { Cancel, Finished };
    void dropRequest(RequestEnd end);

    State m_state = State::Ready;
    QString m_cursor; // where the next page starts; empty before the first
    QString m_error;
    int m_pageSize = 20;
    QObject *m_request = nullptr; // context of the request in flight: deleting it cancels it
    quint64 m_ticket = 0;         // bumped by every request and every reload
};

// A PagedTableModel whose rows are values of T, delivered by one ApiClient call per page.
template<typename T>
class PagedListModel : public PagedTableModel
{
public:
    using PagedTableModel::PagedTableModel;
    using Done = std::function<void(Result<Page<T>>)>;

    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_rows.size());
    }
    const QList<T> &rows() const { return m_rows; }
    const T &at(int row) const { return m_rows.at(row); }

protected:
    // One page from the server: an ApiClient call with `context` that ends by calling `done`.
    virtual void fetchPage(const QString &after, int limit, QObject *context, Done done) = 0;

    void requestPage(const QString &cursor, int limit, QObject *context, quint64 ticket) final
    {
        fetchPage(cursor, limit, context, [this, ticket](Result<Page<T>> result) {
            if (!isCurrent(ticket))
                return;
            if (!result) {
                failPage(result.error());
                return;
            }
            Page<T> &page = result.value();
            finishPage(page.next, page.items.isEmpty());
            if (!page.items.isEmpty()) {
                const int first = int(m_rows.size());
                beginInsertRows({}, first, first + int(page.items.size()) - 1);
                m_rows.append(std::move(page.items));
                endInsertRows();
            }
            announceState();
        });
    }

    void clearRows() final { m_rows.clear(); }

    void removeRowAt(int row)
    {
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        endRemoveRows();
    }

    void replaceRowAt(int row, T value)
    {
        m_rows[row] = std::move(value);
        Q_EMIT dataChanged(index(row, 0), index(row, columnCount() - 1));
    }

private:
    QList<T> m_rows;
};

} // namespace pincart
