// search_sql: the SQL baselines of the search benchmark (run by bench/search.sh; see
// bench/README.md). Opens the database pincart-server uses, builds the engine's own full-text index
// over the items table when it is missing (SQLite: an external-content FTS5 table with the porter
// tokenizer; MariaDB: an InnoDB FULLTEXT index) and reports its build time, then runs the query set
// of bench/search_queries.txt translated into SQL from N client threads, each with its own
// connection and prepared statements, for a fixed time (longer until every query of the set has
// run once). Prints queries/s, p50 and p99, and one machine-readable RESULT line.
//
//   pincart-bench-search-sql --queries bench/search_queries.txt --database sqlite:///x/pincart.db
//   pincart-bench-search-sql --queries ... --database 'mysql://root@127.0.0.1:3306/pincart'
//   pincart-bench-search-sql --queries ... --database ... --each    (each query alone: ms, hits)
//
// One query of the set is the work the server does for one GET /api/v1/search: the page (20 rows,
// ranked by relevance or sorted by price) and the facet counts by brand and by category over all
// the matches (their sum is the total). The translation, and where it is cheaper than the server:
//   q          every word must match (FTS5: quoted terms; MariaDB: +term in boolean mode) in title,
//              brand or description (the server also indexes attribute values); no phrase, prefix
//              or spelling work. MariaDB drops words shorter than innodb_ft_min_token_size.
//   category   category_id IN the category and its descendants (read from the categories table at
//              start, as the server keeps its category tree in memory)
//   brand, price_min, price_max, attr.NAME=VALUE   WHERE on the columns / the attributes JSON
//   pincode    only "some warehouse holds stock of it" (EXISTS over stock): the baseline cannot
//              compute delivery times, so it never drops an undeliverable item nor dates a promise
//   sort       relevance (bm25 / MATCH score; id without text), price_asc, price_desc; fastest is
//              ranked like relevance (no TAT in SQL)
// The facets count brand and category only (the server adds price bands and attributes).

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <memory>
#include <optional>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QThread>
#include <QUrl>
#include <QUrlQuery>
#include <thread>
#include <vector>

namespace {

enum class Engine { Sqlite, MariaDb };

const char *engineName(Engine e)
{
    return e == Engine::Sqlite ? "sqlite-fts5" : "mariadb-fulltext";
}

// The server's database URL (server/storage/databaseurl.cpp), parsed again: this tool links
// nothing of the server.
struct DatabaseUrl
{
    Engine engine = Engine::Sqlite;
    QString path; // SQLite
    QString host, user, password, database, unixSocket;
    int port = 3306;
};

std::optional<DatabaseUrl> parseDatabaseUrl(const QString &text)
{
    DatabaseUrl d;
    if (text.startsWith(QLatin1String("sqlite:"))) {
        d.path = text.mid(7);
        if (d.path.startsWith(QLatin1String("//")))
            d.path = d.path.mid(2);
        return d.path.isEmpty() ? std::nullopt : std::optional(d);
    }
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid()
        || (url.scheme() != QLatin1String("mysql") && url.scheme() != QLatin1String("mariadb")))
        return std::nullopt;
    d.engine = Engine::MariaDb;
    d.host = url.host().isEmpty() ? QStringLiteral("127.0.0.1") : url.host();
    d.port = url.port(3306);
    d.user = url.userName();
    d.password = url.password();
    d.database = url.path().mid(1);
    d.unixSocket = QUrlQuery(url).queryItemValue(QStringLiteral("unix_socket"), QUrl::FullyDecoded);
    return d;
}

// Opens a named connection in the calling thread (one per thread, as the server does).
QSqlDatabase openConnection(const DatabaseUrl &url, const QString &name)
{
    QSqlDatabase db;
    if (url.engine == Engine::Sqlite) {
        db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(url.path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    } else {
        db = QSqlDatabase::addDatabase(QStringLiteral("QMYSQL"), name);
        db.setHostName(url.host);
        db.setPort(url.port);
        db.setUserName(url.user);
        db.setPassword(url.password);
        db.setDatabaseName(url.database);
        if (!url.unixSocket.isEmpty())
            db.setConnectOptions(QStringLiteral("UNIX_SOCKET=") + url.unixSocket);
    }
    if (!db.open())
        return db;
    // Readers get a large page cache and the file mapped: the baseline at its best.
    const QStringList setup = url.engine == Engine::Sqlite
                                  ? QStringList{QStringLiteral("PRAGMA journal_mode=WAL"),
                                                QStringLiteral("PRAGMA cache_size=-131072"),
                                                QStringLiteral("PRAGMA mmap_size=4294967296"),
                                                QStringLiteral("PRAGMA temp_store=MEMORY")}
                                  : QStringList{QStringLiteral("SET NAMES utf8mb4")};
    for (const QString &sql : setup)
        QSqlQuery(db).exec(sql);
    return db;
}

// One line of the query set, parsed as the server's GET /api/v1/search reads it.
struct SearchRequest
{
    QString line;
    QString text;
    std::optional<qint64> category, priceMin, priceMax;
    QString brand, pincode, sort;
    QList<QPair<QString, QString>> attributes;
    int limit = 20;
};

QString decodeComponent(QString s)
{
    s.replace(QLatin1Char('+'), QLatin1Char(' '));
    return QUrl::fromPercentEncoding(s.toUtf8());
}

std::optional<SearchRequest> parseRequest(const QString &line)
{
    const qsizetype mark = line.indexOf(QLatin1Char('?'));
    if (!line.startsWith(QLatin1Char('/')))
        return std::nullopt;
    SearchRequest r;
    r.line = line;
    const QString query = mark < 0 ? QString() : line.mid(mark + 1);
    for (const QString &pair : query.split(QLatin1Char('&'), Qt::SkipEmptyParts)) {
        const qsizetype eq = pair.indexOf(QLatin1Char('='));
        const QString key = decodeComponent(eq < 0 ? pair : pair.left(eq));
        const QString value = eq < 0 ? QString() : decodeComponent(pair.mid(eq + 1));
        bool ok = true;
        if (key == QLatin1String("q"))
            r.text = value;
        else if (key == QLatin1String("category"))
            r.category = value.toLongLong(&ok);
        else if (key == QLatin1String("brand"))
            r.brand = value;
        else if (key == QLatin1String("price_min"))
            r.priceMin = value.toLongLong(&ok);
        else if (key == QLatin1String("price_max"))
            r.priceMax = value.toLongLong(&ok);
        else if (key == QLatin1String("pincode"))
            r.pincode = value;
        else if (key == QLatin1String("sort"))
            r.sort = value;
        else if (key == QLatin1String("limit"))
            r.limit = qBound(1, value.toInt(&ok), 100);
        else if (key.startsWith(QLatin1String("attr.")))
            r.attributes.append({key.mid(5), value});
        if (!ok)
            return std::nullopt;
    }
    return r;
}

// The words of a query as the full-text engines tokenize them: letters, digits and combining
// marks (Tamil and Devanagari words keep their vowel signs); everything else separates words.
QStringList words(const QString &text)
{
    QStringList out;
    QString word;
    for (const QChar c : text) {
        if (c.isLetterOrNumber() || c.isMark()) {
            word += c.toLower();
        } else if (!word.isEmpty()) {
            out << word;
            word.clear();
        }
    }
    if (!word.isEmpty())
        out << word;
    return out;
}

// The SQL of one query: the page and the two facet counts share FROM, WHERE and the bound values
// (positional: the page binds `rankValue` once more for MariaDB's relevance order).
struct Plan
{
    QString pageSql, brandsSql, categoriesSql;
    QVariantList values;
    std::optional<QVariant> rankValue;
};

// Category id -> its children's ids.
using CategoryChildren = QHash<qint64, QList<qint64>>;

QList<qint64> subtree(const CategoryChildren &children, qint64 root)
{
    QList<qint64> out{root};
    for (qsizetype i = 0; i < out.size(); ++i)
        out += children.value(out.at(i));
    return out;
}

Plan planFor(Engine engine, const SearchRequest &r, int minTokenSize,
             const CategoryChildren &children)
{
    Plan p;
    QString from = QStringLiteral(" FROM items i");
    QStringList where{QStringLiteral("i.status = 'active'")};
    QString relevance;
    QStringList terms = words(r.text);
    if (engine == Engine::MariaDb)
        terms.removeIf([&](const QString &w) { return w.size() < minTokenSize; });
    if (!terms.isEmpty()) {
        if (engine == Engine::Sqlite) {
            from = QStringLiteral(" FROM items_fts JOIN items i ON i.id = items_fts.rowid");
            where.prepend(QStringLiteral("items_fts MATCH ?"));
            QStringList quoted;
            for (const QString &t : std::as_const(terms))
                quoted << QLatin1Char('"') + t + QLatin1Char('"');
            p.values << quoted.join(QLatin1Char(' '));
            // Title first, then brand, then description (the server weights its fields too).
            relevance = QStringLiteral("bm25(items_fts, 10.0, 4.0, 1.0)");
        } else {
            const QString match
                = QStringLiteral("MATCH (i.title, i.brand, i.description) AGAINST (? IN BOOLEAN "
                                 "MODE)");
            where.prepend(match);
            QStringList required;
            for (const QString &t : std::as_const(terms))
                required << QLatin1Char('+') + t;
            p.values << required.join(QLatin1Char(' '));
            p.rankValue = p.values.constLast();
            relevance = match + QStringLiteral(" DESC");
        }
    }
    if (r.category) {
        const QList<qint64> ids = subtree(children, *r.category);
        QStringList marks;
        for (qint64 id : ids) {
            marks << QStringLiteral("?");
            p.values << id;
        }
        where << QStringLiteral("i.category_id IN (") + marks.join(QStringLiteral(", "))
                     + QLatin1Char(')');
    }
    if (!r.brand.isEmpty()) {
        where << QStringLiteral("i.brand = ?");
        p.values << r.brand;
    }
    if (r.priceMin) {
        where << QStringLiteral("i.price_amount >= ?");
        p.values << *r.priceMin;
    }
    if (r.priceMax) {
        where << QStringLiteral("i.price_amount <= ?");
        p.values << *r.priceMax;
    }
    static const QRegularExpression number(QStringLiteral("^-?[0-9]+(\\.[0-9]+)?$"));
    for (const auto &[name, value] : r.attributes) {
        // JSON booleans read as 1 and 0 on both (json_extract, JSON_VALUE); numbers compare as
        // numbers.
        where << (engine == Engine::Sqlite ? QStringLiteral("json_extract(i.attributes, ?) = ?")
                                           : QStringLiteral("JSON_VALUE(i.attributes, ?) = ?"));
        p.values << QVariant(QStringLiteral("$.") + name);
        if (value == QLatin1String("true") || value == QLatin1String("false"))
            p.values << (value == QLatin1String("true") ? 1 : 0);
        else if (number.match(value).hasMatch())
            p.values << value.toDouble();
        else
            p.values << value;
    }
    if (!r.pincode.isEmpty())
        where << QStringLiteral("EXISTS (SELECT 1 FROM stock s WHERE s.item_id = i.id AND "
                                "s.on_hand > s.reserved)");

    QString order;
    if (r.sort == QLatin1String("price_asc"))
        order = QStringLiteral("i.price_amount, i.id");
    else if (r.sort == QLatin1String("price_desc"))
        order = QStringLiteral("i.price_amount DESC, i.id DESC");
    else if (!relevance.isEmpty())
        order = relevance + QStringLiteral(", i.id");
    else
        order = QStringLiteral("i.id");
    if (!order.startsWith(QLatin1String("MATCH")))
        p.rankValue.reset(); // only MariaDB's relevance order binds the words a second time

    const QString filtered = from + QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    p.pageSql = QStringLiteral("SELECT i.id, i.sku, i.title, i.brand, i.category_id, "
                               "i.price_amount, i.currency, i.description, i.attributes")
                + filtered + QStringLiteral(" ORDER BY ") + order
                + QStringLiteral(" LIMIT %1").arg(r.limit);
    p.brandsSql = QStringLiteral("SELECT i.brand, COUNT(*)") + filtered
                  + QStringLiteral(" GROUP BY i.brand");
    p.categoriesSql = QStringLiteral("SELECT i.category_id, COUNT(*)") + filtered
                      + QStringLiteral(" GROUP BY i.category_id");
    return p;
}

bool execSql(QSqlDatabase &db, const QString &sql, QString *error)
{
    QSqlQuery q(db);
    if (q.exec(sql))
        return true;
    *error = q.lastError().text() + QStringLiteral(" in: ") + sql;
    return false;
}

struct IndexBuild
{
    bool built = false; // false: it was there already
    double textMs = 0;
    double filterMs = 0;
};

// The engine's full-text index, and secondary indexes a DBA would add for the filters and sorts,
// created when missing (timed apart). The database is a throwaway one: they stay.
std::optional<IndexBuild> ensureIndexes(QSqlDatabase &db, Engine engine, QString *error)
{
    IndexBuild b;
    QSqlQuery probe(db);
    const QString check
        = engine == Engine::Sqlite
              ? QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name = 'items_fts'")
              : QStringLiteral("SELECT COUNT(*) FROM information_schema.statistics WHERE "
                               "table_schema = DATABASE() AND table_name = 'items' AND "
                               "index_name = 'bench_items_text'");
    if (!probe.exec(check) || !probe.next()) {
        *error = probe.lastError().text();
        return std::nullopt;
    }
    if (probe.value(0).toInt() > 0)
        return b;
    b.built = true;
    QElapsedTimer t;
    t.start();
    const QStringList text
        = engine == Engine::Sqlite
              ? QStringList{QStringLiteral(
                                "CREATE VIRTUAL TABLE items_fts USING fts5(title, brand, "
                                "description, content='items', content_rowid='id', "
                                "tokenize='porter unicode61 remove_diacritics 2')"),
                            QStringLiteral("INSERT INTO items_fts(items_fts) VALUES('rebuild')"),
                            QStringLiteral("INSERT INTO items_fts(items_fts) VALUES('optimize')")}
              : QStringList{QStringLiteral("ALTER TABLE items ADD FULLTEXT INDEX bench_items_text "
                                           "(title, brand, description)")};
    for (const QString &sql : text) {
        if (!execSql(db, sql, error))
            return std::nullopt;
    }
    b.textMs = double(t.nsecsElapsed()) / 1e6;
    t.restart();
    // No index on brand: the planners then scan it whole for GROUP BY brand instead of the matches.
    const QStringList filters
        = engine == Engine::Sqlite
              ? QStringList{QStringLiteral("CREATE INDEX bench_items_category_price ON items "
                                           "(category_id, price_amount)"),
                            QStringLiteral("ANALYZE")}
              : QStringList{QStringLiteral("ALTER TABLE items ADD INDEX bench_items_category_price "
                                           "(category_id, price_amount)"),
                            QStringLiteral("ANALYZE TABLE items, stock, categories")};
    for (const QString &sql : filters) {
        if (!execSql(db, sql, error))
            return std::nullopt;
    }
    b.filterMs = double(t.nsecsElapsed()) / 1e6;
    return b;
}

// What the client threads share. Latencies are kept per thread and merged at the end.
struct Run
{
    explicit Run(size_t queries)
        : seen(std::make_unique<std::atomic<bool>[]>(queries))
    {}
    std::atomic<int> phase{0}; // 0 warm-up, 1 measuring, 2 stop
    std::atomic<int> failed{0};
    // Which queries completed in the measured window: it lasts until each one has, so that a slow
    // engine's figures cover the whole set and not a corner of it.
    std::unique_ptr<std::atomic<bool>[]> seen;
    std::atomic<size_t> seenCount{0};
};

struct WorkerResult
{
    std::vector<double> latencyMs;
    qint64 errors = 0;
    QString firstError;
    QHash<int, qint64> totals; // query index -> hits (sum of the category counts)
};

// Runs every statement of `plan`, reading all rows; returns the total hits, or -1 on error.
qint64 runOne(QSqlQuery &page, QSqlQuery &brands, QSqlQuery &categories, const Plan &plan,
              QString *error)
{
    const auto bindAll = [&](QSqlQuery &q, bool withRank) {
        int i = 0;
        for (const QVariant &v : plan.values)
            q.bindValue(i++, v);
        if (withRank && plan.rankValue)
            q.bindValue(i, *plan.rankValue);
    };
    bindAll(page, true);
    if (!page.exec()) {
        *error = page.lastError().text();
        return -1;
    }
    // Every value of every row is read, as a server encoding the answer would.
    const auto drain = [](QSqlQuery &q) {
        const int columns = q.record().count();
        while (q.next()) {
            for (int c = 0; c < columns; ++c)
                q.value(c);
        }
    };
    drain(page);
    bindAll(brands, false);
    if (!brands.exec()) {
        *error = brands.lastError().text();
        return -1;
    }
    drain(brands);
    bindAll(categories, false);
    if (!categories.exec()) {
        *error = categories.lastError().text();
        return -1;
    }
    qint64 total = 0;
    while (categories.next())
        total += categories.value(1).toLongLong();
    page.finish();
    brands.finish();
    categories.finish();
    return total;
}

void worker(const DatabaseUrl &url, int index, int threads, const std::vector<Plan> &plans,
            Run &run, WorkerResult &out)
{
    const QString name = QStringLiteral("search-sql-%1").arg(index);
    {
        QSqlDatabase db = openConnection(url, name);
        if (!db.isOpen()) {
            out.firstError = db.lastError().text();
            run.failed = 1;
        } else {
            // Every statement prepared once per connection.
            struct Prepared
            {
                std::unique_ptr<QSqlQuery> page, brands, categories;
            };
            std::vector<Prepared> prepared;
            for (const Plan &plan : plans) {
                Prepared p{std::make_unique<QSqlQuery>(db), std::make_unique<QSqlQuery>(db),
                           std::make_unique<QSqlQuery>(db)};
                for (auto &[q, sql] : {std::pair{p.page.get(), &plan.pageSql},
                                       std::pair{p.brands.get(), &plan.brandsSql},
                                       std::pair{p.categories.get(), &plan.categoriesSql}}) {
                    q->setForwardOnly(true);
                    if (!q->prepare(*sql) && out.firstError.isEmpty()) {
                        out.firstError = q->lastError().text() + QStringLiteral(" in: ") + *sql;
                        run.failed = 1;
                    }
                }
                prepared.push_back(std::move(p));
            }
            // Spread evenly over the set (as wrk's threads of bench/search.lua are, at random).
            size_t next = size_t(index) * plans.size() / size_t(threads);
            out.latencyMs.reserve(1 << 16);
            QElapsedTimer t;
            while (!run.failed && run.phase.load() < 2) {
                const size_t i = next;
                next = (next + 1) % plans.size();
                t.start();
                QString error;
                const qint64 total = runOne(*prepared[i].page, *prepared[i].brands,
                                            *prepared[i].categories, plans[i], &error);
                const double ms = double(t.nsecsElapsed()) / 1e6;
                if (total < 0) {
                    ++out.errors;
                    if (out.firstError.isEmpty())
                        out.firstError
                            = error + QStringLiteral(" (") + plans[i].pageSql + QLatin1Char(')');
                    continue;
                }
                out.totals.insert(int(i), total);
                // Counted when it ended inside the measured window, as wrk counts answers.
                if (run.phase.load() == 1) {
                    out.latencyMs.push_back(ms);
                    if (!run.seen[i].exchange(true))
                        ++run.seenCount;
                }
            }
        }
    }
    QSqlDatabase::removeDatabase(name);
}

// --each: every query alone on one connection, its second run timed; one line each on stdout
// ("ms hits request"), to find the expensive ones and to compare hit counts with the server's.
int profileEach(const DatabaseUrl &url, const std::vector<Plan> &plans,
                const std::vector<SearchRequest> &requests)
{
    const QString name = QStringLiteral("search-sql-each");
    int status = 0;
    {
        QSqlDatabase db = openConnection(url, name);
        for (size_t i = 0; i < plans.size() && db.isOpen(); ++i) {
            QSqlQuery page(db), brands(db), categories(db);
            page.prepare(plans[i].pageSql);
            brands.prepare(plans[i].brandsSql);
            categories.prepare(plans[i].categoriesSql);
            QString error;
            qint64 total = runOne(page, brands, categories, plans[i], &error);
            QElapsedTimer t;
            t.start();
            if (total >= 0)
                total = runOne(page, brands, categories, plans[i], &error);
            if (total < 0) {
                std::fprintf(stderr, "search_sql: %s: %s\n", qPrintable(requests[i].line),
                             qPrintable(error));
                status = 1;
                continue;
            }
            std::printf("%10.3f %8lld %s\n", double(t.nsecsElapsed()) / 1e6, total,
                        qPrintable(requests[i].line));
        }
        if (!db.isOpen()) {
            std::fprintf(stderr, "search_sql: %s\n", qPrintable(db.lastError().text()));
            status = 1;
        }
    }
    QSqlDatabase::removeDatabase(name);
    return status;
}

double percentile(std::vector<double> &sorted, double p)
{
    if (sorted.empty())
        return 0;
    return sorted[std::min(sorted.size() - 1, size_t(p / 100.0 * double(sorted.size())))];
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("The SQL baselines of the search benchmark (bench/README.md)."));
    parser.addHelpOption();
    parser.addOptions(
        {{QStringLiteral("database"),
          QStringLiteral("sqlite://PATH or mysql://USER@HOST:PORT/DB[?unix_socket=PATH]."),
          QStringLiteral("url")},
         {QStringLiteral("queries"), QStringLiteral("The query set, one request path a line."),
          QStringLiteral("file")},
         {QStringLiteral("threads"), QStringLiteral("Client threads, one connection each."),
          QStringLiteral("n"), QStringLiteral("8")},
         {QStringLiteral("warmup"), QStringLiteral("Seconds run but not measured."),
          QStringLiteral("s"), QStringLiteral("5")},
         {QStringLiteral("duration"),
          QStringLiteral("Seconds measured at least (more until every query ran once)."),
          QStringLiteral("s"), QStringLiteral("15")},
         {QStringLiteral("max-duration"),
          QStringLiteral("Seconds measured at most, every query run or not."), QStringLiteral("s"),
          QStringLiteral("120")},
         {QStringLiteral("min-token-size"),
          QStringLiteral("MariaDB: words shorter than this are dropped from queries (the "
                         "server's innodb_ft_min_token_size; read from it when not given)."),
          QStringLiteral("n")},
         {QStringLiteral("build-only"), QStringLiteral("Build the indexes, run no queries.")},
         {QStringLiteral("each"),
          QStringLiteral("Run every query alone once (after one untimed run) and print its time "
                         "and hits instead of the load.")}});
    parser.process(app);

    const auto url = parseDatabaseUrl(parser.value(QStringLiteral("database")));
    if (!url) {
        std::fprintf(stderr, "search_sql: --database must be sqlite://PATH or mysql://...\n");
        return 2;
    }
    QFile file(parser.value(QStringLiteral("queries")));
    std::vector<SearchRequest> requests;
    if (file.open(QIODevice::ReadOnly)) {
        for (const QByteArray &raw : file.readAll().split('\n')) {
            const QString line = QString::fromUtf8(raw.trimmed());
            if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
                continue;
            if (auto r = parseRequest(line)) {
                requests.push_back(*r);
            } else {
                std::fprintf(stderr, "search_sql: cannot read query %s\n", qPrintable(line));
                return 2;
            }
        }
    }
    if (requests.empty() && !parser.isSet(QStringLiteral("build-only"))) {
        std::fprintf(stderr, "search_sql: --queries names no file of queries\n");
        return 2;
    }
    const int threads = qMax(1, parser.value(QStringLiteral("threads")).toInt());
    const int warmup = qMax(0, parser.value(QStringLiteral("warmup")).toInt());
    const int duration = qMax(1, parser.value(QStringLiteral("duration")).toInt());
    const int maxDuration = qMax(duration, parser.value(QStringLiteral("max-duration")).toInt());
    const char *engine = engineName(url->engine);

    qint64 items = 0;
    CategoryChildren children;
    IndexBuild build;
    int minTokenSize = parser.value(QStringLiteral("min-token-size")).toInt();
    {
        QSqlDatabase db = openConnection(*url, QStringLiteral("search-sql-setup"));
        if (!db.isOpen()) {
            std::fprintf(stderr, "search_sql: cannot open the database: %s\n",
                         qPrintable(db.lastError().text()));
            return 1;
        }
        QString error;
        QSqlQuery q(db);
        if (q.exec(QStringLiteral("SELECT COUNT(*) FROM items")) && q.next())
            items = q.value(0).toLongLong();
        if (url->engine == Engine::MariaDb && minTokenSize <= 0) {
            if (q.exec(QStringLiteral("SELECT @@innodb_ft_min_token_size")) && q.next())
                minTokenSize = q.value(0).toInt();
        }
        if (q.exec(QStringLiteral("SELECT id, parent_id FROM categories WHERE parent_id IS NOT "
                                  "NULL"))) {
            while (q.next())
                children[q.value(1).toLongLong()] << q.value(0).toLongLong();
        }
        q.finish();
        std::fprintf(stderr, "search_sql: %s, %lld items; building the indexes if missing\n",
                     engine, items);
        const auto built = ensureIndexes(db, url->engine, &error);
        if (!built) {
            std::fprintf(stderr, "search_sql: building the index failed: %s\n", qPrintable(error));
            return 1;
        }
        build = *built;
        if (build.built)
            std::fprintf(stderr,
                         "search_sql: %s full-text index built in %.0f ms; filter indexes and "
                         "statistics in %.0f ms\n",
                         engine, build.textMs, build.filterMs);
        else
            std::fprintf(stderr, "search_sql: %s index present, not rebuilt\n", engine);
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("search-sql-setup"));
    if (parser.isSet(QStringLiteral("build-only"))) {
        std::printf("RESULT {\"engine\":\"%s\",\"items\":%lld,\"index_built\":%s,\"index_ms\":%.0f,"
                    "\"filter_index_ms\":%.0f}\n",
                    engine, items, build.built ? "true" : "false", build.textMs, build.filterMs);
        return 0;
    }

    std::vector<Plan> plans;
    plans.reserve(requests.size());
    for (const SearchRequest &r : requests)
        plans.push_back(planFor(url->engine, r, minTokenSize, children));
    if (parser.isSet(QStringLiteral("each")))
        return profileEach(*url, plans, requests);

    Run run(plans.size());
    std::vector<WorkerResult> results(static_cast<size_t>(threads));
    std::vector<std::thread> pool;
    for (int i = 0; i < threads; ++i)
        pool.emplace_back(worker, std::cref(*url), i, threads, std::cref(plans), std::ref(run),
                          std::ref(results[size_t(i)]));
    std::fprintf(stderr,
                 "search_sql: %d threads, %zu queries; warm-up %d s, then %d s measured (longer "
                 "until every query ran once, at most %d s)\n",
                 threads, plans.size(), warmup, duration, maxDuration);
    QThread::sleep(unsigned(warmup));
    run.phase = 1;
    QElapsedTimer window;
    window.start();
    while (!run.failed
           && (window.elapsed() < qint64(duration) * 1000
               || (run.seenCount.load() < plans.size()
                   && window.elapsed() < qint64(maxDuration) * 1000)))
        QThread::msleep(50);
    run.phase = 2;
    if (run.seenCount.load() < plans.size())
        std::fprintf(stderr, "search_sql: %zu of %zu queries ran in the measured window\n",
                     run.seenCount.load(), plans.size());
    const double seconds = double(window.nsecsElapsed()) / 1e9;
    for (std::thread &t : pool)
        t.join();

    std::vector<double> all;
    qint64 errors = 0;
    QString firstError;
    QHash<int, qint64> totals;
    for (WorkerResult &r : results) {
        all.insert(all.end(), r.latencyMs.begin(), r.latencyMs.end());
        errors += r.errors;
        if (firstError.isEmpty())
            firstError = r.firstError;
        totals.insert(r.totals);
    }
    if (!firstError.isEmpty())
        std::fprintf(stderr, "search_sql: first error: %s\n", qPrintable(firstError));
    if (run.failed)
        return 1;
    std::sort(all.begin(), all.end());
    int zeroHits = 0;
    double hits = 0;
    for (auto it = totals.cbegin(); it != totals.cend(); ++it) {
        zeroHits += it.value() == 0 ? 1 : 0;
        hits += double(it.value());
    }
    const double qps = double(all.size()) / seconds;
    const double p50 = percentile(all, 50), p99 = percentile(all, 99);
    std::fprintf(stderr,
                 "search_sql: %s: %.1f queries/s, p50 %.3f ms, p99 %.3f ms, max %.3f ms; %lld "
                 "errors; %d of %lld queries without hits, %.0f hits a query on average\n",
                 engine, qps, p50, p99, all.empty() ? 0.0 : all.back(), errors, zeroHits,
                 qint64(totals.size()), totals.isEmpty() ? 0.0 : hits / double(totals.size()));
    std::printf("RESULT {\"engine\":\"%s\",\"items\":%lld,\"index_built\":%s,\"index_ms\":%.0f,"
                "\"filter_index_ms\":%.0f,\"threads\":%d,\"queries\":%zu,\"duration_s\":%.3f,"
                "\"qps\":%.1f,\"p50_ms\":%.3f,\"p99_ms\":%.3f,\"max_ms\":%.3f,\"errors\":%lld,"
                "\"zero_hit_queries\":%d,\"queries_run\":%lld,\"covered_queries\":%zu,"
                "\"query_set\":%zu}\n",
                engine, items, build.built ? "true" : "false", build.textMs, build.filterMs,
                threads, all.size(), seconds, qps, p50, p99, all.empty() ? 0.0 : all.back(), errors,
                zeroHits, qint64(totals.size()), run.seenCount.load(), plans.size());
    return 0; // errors are in the RESULT line: the script reports them
}
