#include "pagedtablemodel.h"

namespace pincart {

PagedTableModel::PagedTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

// The request context is a child, so it would go anyway; deleting it first cancels the request
// while the subclass's rows still exist.
PagedTableModel::~PagedTableModel()
{
    dropRequest(Cancel);
}

void PagedTableModel::setPageSize(int rows)
{
    m_pageSize = qBound(1, rows, 100);
}

bool PagedTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_state == State::Ready;
}

void PagedTableModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        startRequest();
}

void PagedTableModel::reload()
{
    dropRequest(Cancel);
    beginResetModel();
    clearRows();
    m_cursor.clear();
    m_error.clear();
    m_state = State::Ready;
    endResetModel();
    // Whoever watches the reset (a view, a model tester) may have asked for the page already.
    if (m_state == State::Ready)
        startRequest();
}

void PagedTableModel::retry()
{
    if (m_state == State::Failed)
        startRequest();
}

void PagedTableModel::startRequest()
{
    Q_ASSERT(m_request == nullptr);
    m_request = new QObject(this);
    m_error.clear();
    setState(State::Loading);
    requestPage(m_cursor, m_pageSize, m_request, ++m_ticket);
}

void PagedTableModel::finishPage(const QString &next, bool pageWasEmpty)
{
    dropRequest(Finished);
    // An empty page with a cursor would make a view ask forever: treat it as the end.
    if (next.isEmpty() || pageWasEmpty) {
        m_state = State::Complete;
    } else {
        m_cursor = next;
        m_state = State::Ready;
    }
}

void PagedTableModel::failPage(const DomainError &error)
{
    dropRequest(Finished);
    m_error = error.toString();
    setState(State::Failed);
}

void PagedTableModel::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void PagedTableModel::dropRequest(RequestEnd end)
{
    ++m_ticket; // first, so nothing the deletion triggers can pass isCurrent()
    if (end == Cancel)
        delete m_request; // aborts the reply: its callback never runs
    else if (m_request)
        m_request->deleteLater(); // its callback is running right now
    m_request = nullptr;
}

} // namespace pincart
