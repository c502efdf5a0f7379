#include "searchapi.h"

#include "apipaths.h"
#include "searchcodecs.h"

namespace pincart {

namespace {

template<typename T, typename Decode>
ApiClient::Callback decodeWith(ApiClient::Done<T> done, Decode decode)
{
    return [done = std::move(done), decode](const ApiResponse &r) {
        if (!r.isSuccess()) {
            done(r.error());
            return;
        }
        done(decode(r.json()));
    };
}

} // namespace

void searchItems(ApiClient *api, const SearchRequest &request, QObject *context,
                 ApiClient::Done<SearchResult> done)
{
    api->send("GET", paths::search(), request.toQuery(), {}, {}, context,
              decodeWith<SearchResult>(std::move(done), searchResultFromJson));
}

void searchCompletions(ApiClient *api, const QString &prefix, QObject *context,
                       ApiClient::Done<QStringList> done)
{
    // The request's own query string: a '+' typed in the box must reach the server as a plus.
    SearchRequest request;
    request.text = prefix;
    api->send("GET", paths::searchSuggest(), request.toQuery(), {}, {}, context,
              decodeWith<QStringList>(std::move(done), completionsFromJson));
}

} // namespace pincart
