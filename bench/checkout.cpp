// checkout: many customers checking out at once over real HTTP (run by bench/checkout.sh; see
// bench/README.md). Each customer registers (through ApiClient), then loops for the duration over
// its own keep-alive connection (KeepAliveClient; --http qt: through ApiClient): 1 to 3 cart lines
// of random stocked items (PUT /cart/items/{id}), then POST /orders with an Idempotency-Key.
// Prints orders/s over the measured window, the latency of POST /orders (p50, p99) and of a whole
// checkout (cart and order), the CPU time each --cpu process and the load generator itself spent
// per order in the measured window, and one machine-readable RESULT line.

#include "apiclient.h"
#include "apipaths.h"
#include "keepaliveclient.h"
#include "order.h"

#include <algorithm>
#include <cstdio>
#include <memory>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTimer>
#include <QUuid>
#include <unistd.h>
#include <vector>

using namespace pincart;

namespace {

struct Stats
{
    std::vector<double> orderMs;
    std::vector<double> checkoutMs;
    int orders = 0;
    int failures = 0;
    QMap<int, int> statuses;
};

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, size_t(p / 100.0 * double(v.size())))];
}

// CPU seconds (user + system) a process has used so far, from /proc/PID/stat; -1 when unreadable.
double cpuSeconds(const QString &pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = stat.readAll();
    // Fields after the command name, which is in parentheses and may hold spaces: state is field 3,
    // utime and stime are fields 14 and 15.
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    return (fields.at(11).toDouble() + fields.at(12).toDouble()) / double(sysconf(_SC_CLK_TCK));
}

// The processes whose CPU time the measured window accounts for: NAME=PID from --cpu, and the
// load generator itself.
struct CpuMeter
{
    QList<QPair<QString, QString>> processes; // name, pid
    QList<double> atStart;

    void start()
    {
        atStart.clear();
        for (const auto &[name, pid] : std::as_const(processes))
            atStart << cpuSeconds(pid);
    }
    // {"name": ms per order, ...}
    QString perOrder(int orders) const
    {
        QStringList out;
        for (qsizetype i = 0; i < processes.size() && i < atStart.size(); ++i) {
            const double now = cpuSeconds(processes.at(i).second);
            if (now < 0 || atStart.at(i) < 0 || orders < 1)
                continue;
            out << QStringLiteral("\"%1\":%2")
                       .arg(processes.at(i).first)
                       .arg((now - atStart.at(i)) * 1000.0 / orders, 0, 'f', 3);
        }
        return out.join(u',');
    }
};

class Customer : public QObject
{
public:
    Customer(const QUrl &url, int index, const QList<qint64> &items, QString pincode, Stats &stats,
             const bool &measuring, const bool &running, bool throughQt)
        : m_http(url.host(), quint16(url.port(80)))
        , m_throughQt(throughQt)
        , m_index(index)
        , m_items(items)
        , m_pincode(std::move(pincode))
        , m_stats(stats)
        , m_measuring(measuring)
        , m_running(running)
        , m_random(quint32(index) * 7919u + 17u)
    {
        m_api.setBaseUrl(url);
    }

    void signUp(const QString &runTag, std::function<void(bool)> done)
    {
        const QString email = QStringLiteral("bench-%1-%2@example.com").arg(runTag).arg(m_index);
        const QJsonObject account{{QStringLiteral("email"), email},
                                  {QStringLiteral("password"), QStringLiteral("bench-password")},
                                  {QStringLiteral("name"), QStringLiteral("Bench Buyer")},
                                  {QStringLiteral("pincode"), m_pincode}};
        m_api.sendJson("POST", paths::register_(), account, this,
                       [this, email, done](const ApiResponse &) { logIn(email, 3, done); });
    }

    // Logins are retried: with 64 Argon2id verifications at once on a busy 2-core machine, now and
    // then one answers 401 although its account was just created (seen on 2026-12-04 with the
    // server before and after the checkout changes alike).
    void logIn(const QString &email, int tries, std::function<void(bool)> done)
    {
        m_api.login(email, QStringLiteral("bench-password"), this,
                    [this, email, tries, done](Result<Session> s) {
                        if (s.ok())
                            m_http.setToken(m_api.token());
                        if (s.ok() || tries <= 1)
                            done(s.ok());
                        else
                            logIn(email, tries - 1, done);
                    });
    }

    void loop()
    {
        if (!m_running)
            return;
        m_started.start();
        m_lines = 1 + int(m_random.bounded(3));
        addLine(0);
    }

private:
    void addLine(int n)
    {
        if (n == m_lines) {
            order();
            return;
        }
        const qint64 item = m_items.at(int(m_random.bounded(quint32(m_items.size()))));
        request("PUT", paths::cartItem(item), R"({"quantity":1})", {}, [this, n](int status) {
            if (status < 200 || status > 299)
                fail(status);
            addLine(n + 1);
        });
    }

    void order()
    {
        const QByteArray body
            = QJsonDocument(QJsonObject{{QStringLiteral("pincode"), m_pincode},
                                        {QStringLiteral("address"), QStringLiteral("1 Bench Road")},
                                        {QStringLiteral("payment"), QStringLiteral("cod")}})
                  .toJson(QJsonDocument::Compact);
        QElapsedTimer t;
        t.start();
        const HeaderList key{
            {"Idempotency-Key", QUuid::createUuid().toByteArray(QUuid::WithoutBraces)}};
        request("POST", paths::orders(), body, key, [this, t](int status) {
            const double orderMs = t.nsecsElapsed() / 1e6;
            const double checkoutMs = m_started.nsecsElapsed() / 1e6;
            if (m_measuring) {
                m_stats.statuses[status] += 1;
                if (status == 201) {
                    ++m_stats.orders;
                    m_stats.orderMs.push_back(orderMs);
                    m_stats.checkoutMs.push_back(checkoutMs);
                } else {
                    ++m_stats.failures;
                }
            }
            loop();
        });
    }

    // The measured requests: over one keep-alive socket, or (--http qt) through ApiClient's
    // QNetworkAccessManager as the client application sends them.
    void request(const QByteArray &method, const QString &path, const QByteArray &body,
                 const HeaderList &headers, std::function<void(int status)> done)
    {
        if (m_throughQt)
            m_api.send(
                method, path, {}, body, "application/json", this,
                [done = std::move(done)](const ApiResponse &r) { done(r.status); }, headers);
        else
            m_http.send(method, path.toLatin1(), body, headers,
                        [done = std::move(done)](int status, const QByteArray &) { done(status); });
    }

    void fail(int status)
    {
        if (m_measuring) {
            m_stats.statuses[status] += 1;
            ++m_stats.failures;
        }
    }

    ApiClient m_api; // registration and login
    bench::KeepAliveClient m_http;
    bool m_throughQt;
    int m_index;
    const QList<qint64> &m_items;
    QString m_pincode;
    Stats &m_stats;
    const bool &m_measuring;
    const bool &m_running;
    QRandomGenerator m_random;
    QElapsedTimer m_started;
    int m_lines = 1;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOptions(
        {{QStringLiteral("url"), QStringLiteral("Server base URL."), QStringLiteral("url")},
         {QStringLiteral("customers"), QStringLiteral("Concurrent customers."), QStringLiteral("n"),
          QStringLiteral("64")},
         {QStringLiteral("items"), QStringLiteral("File of stocked item ids, one a line."),
          QStringLiteral("file")},
         {QStringLiteral("pincode"), QStringLiteral("The customers' pincode."),
          QStringLiteral("pincode"), QStringLiteral("110001")},
         {QStringLiteral("warmup"), QStringLiteral("Seconds not measured."), QStringLiteral("s"),
          QStringLiteral("5")},
         {QStringLiteral("duration"), QStringLiteral("Seconds measured."), QStringLiteral("s"),
          QStringLiteral("20")},
         {QStringLiteral("cpu"),
          QStringLiteral(
              "NAME=PID: report this process's CPU time per order in the measured window."),
          QStringLiteral("name=pid")},
         {QStringLiteral("http"),
          QStringLiteral("How the measured requests go: socket (one keep-alive connection per "
                         "customer, cheap) or qt (QNetworkAccessManager, as the client sends)."),
          QStringLiteral("socket|qt"), QStringLiteral("socket")}});
    parser.process(app);
    const QUrl url(parser.value(QStringLiteral("url")));
    QFile file(parser.value(QStringLiteral("items")));
    QList<qint64> items;
    if (file.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : file.readAll().split('\n')) {
            if (const qint64 id = line.trimmed().toLongLong())
                items << id;
        }
    }
    if (!url.isValid() || items.isEmpty()) {
        std::fprintf(stderr, "checkout: --url and a non-empty --items file are needed\n");
        return 2;
    }
    const QString http = parser.value(QStringLiteral("http"));
    if (http != QLatin1String("socket") && http != QLatin1String("qt")) {
        std::fprintf(stderr, "checkout: --http is socket or qt\n");
        return 2;
    }
    const int customers = qMax(1, parser.value(QStringLiteral("customers")).toInt());
    const int warmup = parser.value(QStringLiteral("warmup")).toInt();
    const int duration = qMax(1, parser.value(QStringLiteral("duration")).toInt());

    CpuMeter cpu;
    for (const QString &named : parser.values(QStringLiteral("cpu"))) {
        const qsizetype eq = named.indexOf(u'=');
        if (eq < 1) {
            std::fprintf(stderr, "checkout: --cpu takes NAME=PID, not %s\n", qPrintable(named));
            return 2;
        }
        cpu.processes.append({named.left(eq), named.mid(eq + 1)});
    }
    cpu.processes.append({QStringLiteral("load"), QString::number(getpid())});

    Stats stats;
    bool measuring = false;
    bool running = true;
    std::vector<std::unique_ptr<Customer>> all;
    const QString runTag = QString::number(QDateTime::currentMSecsSinceEpoch());
    int signedUp = 0;
    int failedSignUps = 0;
    for (int i = 0; i < customers; ++i) {
        all.push_back(std::make_unique<Customer>(url, i, items,
                                                 parser.value(QStringLiteral("pincode")), stats,
                                                 measuring, running, http == QLatin1String("qt")));
        all.back()->signUp(runTag, [&](bool ok) {
            ++signedUp;
            failedSignUps += ok ? 0 : 1;
        });
    }
    while (signedUp < customers)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    if (failedSignUps) {
        std::fprintf(stderr, "checkout: %d customers could not sign up\n", failedSignUps);
        return 1;
    }
    std::fprintf(stderr, "checkout: %d customers signed up; warm-up %d s, then %d s measured\n",
                 customers, warmup, duration);
    for (auto &c : all)
        c->loop();
    QString cpuPerOrder;
    QTimer::singleShot(warmup * 1000, &app, [&] {
        measuring = true;
        cpu.start();
        std::fprintf(stderr,
                     "checkout: measuring\n"); // bench/checkout.sh --perf starts recording here
        std::fflush(stderr);
    });
    QTimer::singleShot((warmup + duration) * 1000, &app, [&] {
        measuring = false;
        cpuPerOrder = cpu.perOrder(stats.orders);
        running = false;
        QTimer::singleShot(3000, &app, &QCoreApplication::quit); // let the last requests finish
    });
    app.exec();

    const double seconds = duration; // measuring is on for exactly this long
    const double rate = stats.orders / seconds;
    QStringList statuses;
    for (auto it = stats.statuses.cbegin(); it != stats.statuses.cend(); ++it)
        statuses << QStringLiteral("\"%1\":%2").arg(it.key()).arg(it.value());
    std::printf(
        "RESULT "
        "{\"customers\":%d,\"orders\":%d,\"failures\":%d,\"duration_s\":%.1f,\"orders_per_s\":%.1f,"
        "\"order_p50_ms\":%.2f,\"order_p99_ms\":%.2f,\"checkout_p50_ms\":%.2f,\"checkout_p99_ms\":%"
        ".2f,"
        "\"statuses\":{%s},\"cpu_ms_per_order\":{%s}}\n",
        customers, stats.orders, stats.failures, seconds, rate, percentile(stats.orderMs, 50),
        percentile(stats.orderMs, 99), percentile(stats.checkoutMs, 50),
        percentile(stats.checkoutMs, 99), qPrintable(statuses.join(u',')), qPrintable(cpuPerOrder));
    return 0;
}
