#include "searchcontroller.h"

#include "jsonkeys.h"
#include "models/facetmodel.h"
#include "models/searchresultmodel.h"

namespace pincart {

SearchController::SearchController(ApiClient *api, QObject *parent)
    : QObject(parent)
    , m_results(new SearchResultModel(api, this))
    , m_facets(new FacetModel(this))
{
    connect(m_results, &SearchResultModel::summaryChanged, this,
            [this] { m_facets->setFacets(m_results->facets()); });
    connect(m_results, &PagedTableModel::stateChanged, this, [this](PagedTableModel::State state) {
        if (state == PagedTableModel::State::Failed)
            onResultsFailed();
    });
    connect(m_facets, &FacetModel::filtersEdited, this, &SearchController::run);
}

void SearchController::search(const QString &text)
{
    m_request.text = text.trimmed().left(SearchLimits::MaxQueryLength);
    m_facets->clearFilters(); // the old text's brands and bands may mean nothing here
    m_active = true;
    Q_EMIT searched(m_request.text);
    run();
}

void SearchController::setOptions(const QString &pincode, SearchSort sort)
{
    if (pincode == m_pincode && sort == m_sort)
        return;
    m_pincode = pincode;
    m_sort = sort;
    if (m_active)
        run();
}

void SearchController::clearFilters()
{
    if (m_facets->filters().isEmpty())
        return;
    m_facets->clearFilters();
    if (m_active)
        run();
}

void SearchController::run()
{
    m_request.pincode = m_pincode;
    // The server cannot order by a delivery date it was not asked about.
    m_request.sort
        = m_sort == SearchSort::Fastest && m_pincode.isEmpty() ? SearchSort::Relevance : m_sort;
    m_facets->filters().applyTo(m_request);
    m_results->setRequest(m_request);
}

void SearchController::onResultsFailed()
{
    const auto &error = m_results->lastError();
    if (!error || error->kind() != DomainError::Kind::Validation)
        return;
    for (const FieldError &f : error->fields()) {
        if (f.field == keys::Pincode) {
            Q_EMIT pincodeRefused(m_results->request().pincode, f.message);
            return;
        }
    }
}

} // namespace pincart
