#include "csvreader.h"
#include "submissioncsv.h"

#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

using namespace pincart;

// Test data lives in free functions and out-of-class slot definitions: moc only reads the class
// body, so nothing here can confuse it.
namespace {

Category television()
{
    Category c;
    c.id = 101;
    c.name = QStringLiteral("Televisions");
    AttributeSpec size{QStringLiteral("screen_size"), QStringLiteral("Screen size"),
                       AttributeSpec::Type::Number};
    size.unit = QStringLiteral("in");
    size.min = 24;
    size.max = 100;
    size.integer = true;
    size.required = true;
    AttributeSpec panel{QStringLiteral("panel"), QStringLiteral("Panel"),
                        AttributeSpec::Type::Enum};
    panel.values = {QStringLiteral("LED"), QStringLiteral("OLED"), QStringLiteral("QLED")};
    panel.required = true;
    AttributeSpec smart{QStringLiteral("smart"), QStringLiteral("Smart TV"),
                        AttributeSpec::Type::Bool};
    c.attributes = {size, panel, smart};
    return c;
}

Category tshirt()
{
    Category c;
    c.id = 202;
    c.name = QStringLiteral("T-shirts");
    AttributeSpec colour{QStringLiteral("colour"), QStringLiteral("Colour"),
                         AttributeSpec::Type::Enum};
    colour.values = {QStringLiteral("Black"), QStringLiteral("White"), QStringLiteral("Navy")};
    AttributeSpec size{QStringLiteral("size"), QStringLiteral("Size"), AttributeSpec::Type::Enum};
    size.values
        = {QStringLiteral("S"), QStringLiteral("M"), QStringLiteral("L"), QStringLiteral("XL")};
    size.required = true;
    AttributeSpec collar{QStringLiteral("collar"), QStringLiteral("Collar"),
                         AttributeSpec::Type::Enum};
    collar.values = {QStringLiteral("Round"), QStringLiteral("V-neck"), QStringLiteral("Polo")};
    c.attributes = {colour, size, collar};
    return c;
}

const QList<Category> &categories()
{
    static const QList<Category> all{television(), tshirt()};
    return all;
}

const Category *categoryById(qint64 id)
{
    for (const Category &c : categories()) {
        if (c.id == id)
            return &c;
    }
    return nullptr;
}

const CategoryLookup lookup = categoryById;

const QByteArray TvHeader = "sku,title,description,brand,category_id,price,attr.screen_size,"
                            "attr.panel,attr.smart\n";
const QByteArray ShirtHeader = "sku,title,description,brand,category_id,price,attr.colour,"
                               "attr.size,attr.collar\n";
const QByteArray MixedHeader = "sku,title,description,brand,category_id,price,attr.screen_size,"
                               "attr.panel,attr.smart,attr.colour,attr.size,attr.collar\n";

// One television row of TvHeader; cells are written as they go into the file (quote them
// yourself when a test needs quotes).
struct Tv
{
    QByteArray sku = "TV-1";
    QByteArray title = "Sony Bravia 55";
    QByteArray description = "A television";
    QByteArray brand = "Sony";
    QByteArray category = "101";
    QByteArray price = "54990";
    QByteArray size = "55";
    QByteArray panel = "OLED";
    QByteArray smart = "yes";

    QByteArray line() const
    {
        return QByteArrayList{sku, title, description, brand, category, price, size, panel, smart}
                   .join(',')
               + '\n';
    }
};

struct Shirt
{
    QByteArray sku = "TS-1";
    QByteArray title = "Cotton crew tee";
    QByteArray description = "";
    QByteArray brand = "Basics";
    QByteArray category = "202";
    QByteArray price = "499";
    QByteArray colour = "Black";
    QByteArray size = "M";
    QByteArray collar = "Round";

    QByteArray line() const
    {
        return QByteArrayList{sku, title, description, brand, category, price, colour, size, collar}
                   .join(',')
               + '\n';
    }
};

QByteArray withLineEnds(QByteArray csv, const char *lineEnd)
{
    return csv.replace('\n', lineEnd);
}

// "line 7, field 3: ..." -> 7; 0 when the message names no line.
int lineOf(const QString &message)
{
    const qsizetype at = message.indexOf(QLatin1StringView("line "));
    if (at < 0)
        return 0;
    qsizetype end = at + 5;
    while (end < message.size() && message.at(end).isDigit())
        ++end;
    return message.mid(at + 5, end - at - 5).toInt();
}

// Everything wrong with a parse, as "header:FIELD", "ROW:FIELD" and "file:LINE".
QStringList problemsOf(const SubmissionParse &parse)
{
    QStringList out;
    for (const FieldError &e : parse.headerErrors)
        out << QStringLiteral("header:") + e.field;
    for (const SubmissionRow &row : parse.rows) {
        for (const FieldError &e : row.errors)
            out << QString::number(row.row) + QLatin1Char(':') + e.field;
    }
    for (const FieldError &e : parse.fileErrors)
        out << QStringLiteral("file:") + QString::number(lineOf(e.message));
    return out;
}

void dump(const SubmissionParse &parse)
{
    for (const FieldError &e : parse.headerErrors)
        qInfo("header %s: %s", qPrintable(e.field), qPrintable(e.message));
    for (const SubmissionRow &row : parse.rows) {
        for (const FieldError &e : row.errors)
            qInfo("row %d (line %d) %s: %s", row.row, row.line, qPrintable(e.field),
                  qPrintable(e.message));
    }
    for (const FieldError &e : parse.fileErrors)
        qInfo("file: %s", qPrintable(e.message));
}

constexpr int NoError = -1;

int kind(CsvError::Kind k)
{
    return int(k);
}

} // namespace

class TestSubmissionCsv : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void reader_data();
    void reader();
    void readerLimits_data();
    void readerLimits();
    void readerDefaultLimits();
    void readerNeverLoopsOrCrashes();

    void submission_data();
    void submission();
    void rowValues();
    void headerColumns();
    void rowWithoutLookup();
    void maxRows();
    void csvTemplate_data();
    void csvTemplate();
    void errorsExport();
    void hundredThousandRows();

private:
    void addRowErrorRows();
};

// ---- CsvReader -------------------------------------------------------------------------------

void TestSubmissionCsv::reader_data()
{
    using Records = QList<QStringList>;
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<Records>("records");
    QTest::addColumn<QList<int>>("lines");
    QTest::addColumn<int>("errorLine"); // 0: no error
    QTest::addColumn<int>("errorField");
    QTest::addColumn<int>("errorKind");

    const int none = NoError;
    QTest::addRow("empty") << QByteArray() << Records{} << QList<int>{} << 0 << 0 << none;
    QTest::addRow("only a bom") << QByteArray("\xEF\xBB\xBF") << Records{} << QList<int>{} << 0 << 0
                                << none;
    QTest::addRow("only blank lines")
        << QByteArray("\n\r\n\r") << Records{} << QList<int>{} << 0 << 0 << none;
    QTest::addRow("lf") << QByteArray("a,b,c\n1,2,3\n") << Records{{"a", "b", "c"}, {"1", "2", "3"}}
                        << QList<int>{1, 2} << 0 << 0 << none;
    QTest::addRow("no trailing line end")
        << QByteArray("a,b\n1,2") << Records{{"a", "b"}, {"1", "2"}} << QList<int>{1, 2} << 0 << 0
        << none;
    QTest::addRow("crlf") << QByteArray("a,b\r\n1,2\r\n") << Records{{"a", "b"}, {"1", "2"}}
                          << QList<int>{1, 2} << 0 << 0 << none;
    QTest::addRow("lone cr") << QByteArray("a,b\r1,2\r") << Records{{"a", "b"}, {"1", "2"}}
                             << QList<int>{1, 2} << 0 << 0 << none;
    QTest::addRow("mixed line ends")
        << QByteArray("a\r\nb\nc\rd") << Records{{"a"}, {"b"}, {"c"}, {"d"}}
        << QList<int>{1, 2, 3, 4} << 0 << 0 << none;
    QTest::addRow("blank lines skipped but counted")
        << QByteArray("\n\na\n\r\n\rb\n\n") << Records{{"a"}, {"b"}} << QList<int>{3, 6} << 0 << 0
        << none;
    QTest::addRow("bom skipped") << QByteArray("\xEF\xBB\xBFsku,title\n")
                                 << Records{{"sku", "title"}} << QList<int>{1} << 0 << 0 << none;
    const QByteArray bom("\xEF\xBB\xBF");
    QTest::addRow("bom only at the start")
        << QByteArray("a\n" + bom + "b\n") << Records{{"a"}, {QChar(0xFEFF) + QStringLiteral("b")}}
        << QList<int>{1, 2} << 0 << 0 << none;
    QTest::addRow("quoted comma") << QByteArray("\"a,b\",c\n") << Records{{"a,b", "c"}}
                                  << QList<int>{1} << 0 << 0 << none;
    QTest::addRow("doubled quotes")
        << QByteArray("\"5\"\" TV\",\"say \"\"hi\"\"\"\n") << Records{{"5\" TV", "say \"hi\""}}
        << QList<int>{1} << 0 << 0 << none;
    QTest::addRow("only a doubled quote")
        << QByteArray("\"\"\"\"") << Records{{"\""}} << QList<int>{1} << 0 << 0 << none;
    QTest::addRow("empty quoted fields")
        << QByteArray("\"\",x,\"\"") << Records{{"", "x", ""}} << QList<int>{1} << 0 << 0 << none;
    QTest::addRow("newline inside quotes")
        << QByteArray("\"one\ntwo\",x\nnext\n") << Records{{"one\ntwo", "x"}, {"next"}}
        << QList<int>{1, 3} << 0 << 0 << none;
    QTest::addRow("crlf inside quotes kept")
        << QByteArray("\"a\r\nb\"\r\nz") << Records{{"a\r\nb"}, {"z"}} << QList<int>{1, 3} << 0 << 0
        << none;
    QTest::addRow("lone cr inside quotes counts")
        << QByteArray("\"a\rb\"\nz") << Records{{"a\rb"}, {"z"}} << QList<int>{1, 3} << 0 << 0
        << none;
    QTest::addRow("blank line inside quotes kept")
        << QByteArray("\"a\n\nb\"\nz") << Records{{"a\n\nb"}, {"z"}} << QList<int>{1, 4} << 0 << 0
        << none;
    QTest::addRow("whitespace kept")
        << QByteArray(" a , b \t,\" c \"") << Records{{" a ", " b \t", " c "}} << QList<int>{1} << 0
        << 0 << none;
    QTest::addRow("trailing comma")
        << QByteArray("a,\n") << Records{{"a", ""}} << QList<int>{1} << 0 << 0 << none;
    QTest::addRow("trailing comma at the end")
        << QByteArray("a,") << Records{{"a", ""}} << QList<int>{1} << 0 << 0 << none;
    QTest::addRow("only commas") << QByteArray(",,\n") << Records{{"", "", ""}} << QList<int>{1}
                                 << 0 << 0 << none;
    QTest::addRow("spaces make a record")
        << QByteArray("  \n") << Records{{"  "}} << QList<int>{1} << 0 << 0 << none;
    QTest::addRow("hindi and tamil")
        << QByteArray("टेलीविज़न,\"தொலைக்காட்சி, 55\"\n")
        << Records{{QString::fromUtf8("टेलीविज़न"), QString::fromUtf8("தொலைக்காட்சி, 55")}}
        << QList<int>{1} << 0 << 0 << none;

    QTest::addRow("unterminated quote at the end")
        << QByteArray("a\n\"abc\ndef") << Records{{"a"}} << QList<int>{1} << 2 << 1
        << kind(CsvError::Kind::UnterminatedQuote);
    QTest::addRow("unterminated quote in a later field")
        << QByteArray("a\nb,c,\"d") << Records{{"a"}} << QList<int>{1} << 2 << 3
        << kind(CsvError::Kind::UnterminatedQuote);
    QTest::addRow("lone quote") << QByteArray("\"") << Records{} << QList<int>{} << 1 << 1
                                << kind(CsvError::Kind::UnterminatedQuote);
    QTest::addRow("quote inside an unquoted field")
        << QByteArray("a\nab\"c,d\n") << Records{{"a"}} << QList<int>{1} << 2 << 1
        << kind(CsvError::Kind::QuoteInUnquotedField);
    QTest::addRow("space before an opening quote")
        << QByteArray("a, \"b\"\n") << Records{} << QList<int>{} << 1 << 2
        << kind(CsvError::Kind::QuoteInUnquotedField);
    QTest::addRow("text after a closing quote")
        << QByteArray("\"a\"b\n") << Records{} << QList<int>{} << 1 << 1
        << kind(CsvError::Kind::TextAfterClosingQuote);
    QTest::addRow("text after a multi-line quoted field")
        << QByteArray("x\n\"a\nb\" ,c\n") << Records{{"x"}} << QList<int>{1} << 3 << 1
        << kind(CsvError::Kind::TextAfterClosingQuote);
    QTest::addRow("invalid byte") << QByteArray("ok\nab,\xFF\n") << Records{{"ok"}} << QList<int>{1}
                                  << 2 << 2 << kind(CsvError::Kind::InvalidUtf8);
    QTest::addRow("latin-1 e acute") << QByteArray("caf\xE9\n") << Records{} << QList<int>{} << 1
                                     << 1 << kind(CsvError::Kind::InvalidUtf8);
    QTest::addRow("overlong slash") << QByteArray("\xC0\xAF") << Records{} << QList<int>{} << 1 << 1
                                    << kind(CsvError::Kind::InvalidUtf8);
    QTest::addRow("surrogate") << QByteArray("\xED\xA0\x80") << Records{} << QList<int>{} << 1 << 1
                               << kind(CsvError::Kind::InvalidUtf8);
    QTest::addRow("above U+10FFFF") << QByteArray("\xF4\x90\x80\x80") << Records{} << QList<int>{}
                                    << 1 << 1 << kind(CsvError::Kind::InvalidUtf8);
    QTest::addRow("truncated sequence at the end")
        << QByteArray("ok\n\xE0\xA4") << Records{{"ok"}} << QList<int>{1} << 2 << 1
        << kind(CsvError::Kind::InvalidUtf8);
    QTest::addRow("invalid byte in a quoted field")
        << QByteArray("\"a\n\x80\"") << Records{} << QList<int>{} << 1 << 1
        << kind(CsvError::Kind::InvalidUtf8);
    QTest::addRow("four-byte emoji is valid")
        << QByteArray("\xF0\x9F\x93\xBA") << Records{{QString::fromUtf8("\xF0\x9F\x93\xBA")}}
        << QList<int>{1} << 0 << 0 << none;
}

void TestSubmissionCsv::reader()
{
    using Records = QList<QStringList>;
    QFETCH(QByteArray, data);
    QFETCH(Records, records);
    QFETCH(QList<int>, lines);
    QFETCH(int, errorLine);
    QFETCH(int, errorField);
    QFETCH(int, errorKind);

    CsvReader reader(data);
    Records gotRecords;
    QList<int> gotLines;
    while (auto record = reader.next()) {
        gotRecords << record->fields;
        gotLines << record->line;
    }
    QCOMPARE(gotRecords, records);
    QCOMPARE(gotLines, lines);
    QVERIFY(reader.atEnd());
    QVERIFY(!reader.next()); // stays at the end
    if (errorLine == 0) {
        QVERIFY2(!reader.error(),
                 qPrintable(reader.error() ? reader.error()->toString() : QString()));
        return;
    }
    QVERIFY(reader.error());
    QCOMPARE(reader.error()->line, errorLine);
    QCOMPARE(reader.error()->field, errorField);
    QCOMPARE(int(reader.error()->kind), errorKind);
    QVERIFY(!reader.error()->message.isEmpty());
    QVERIFY(reader.error()->toString().startsWith(
        QStringLiteral("line %1, field %2: ").arg(errorLine).arg(errorField)));
}

void TestSubmissionCsv::readerLimits_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<int>("maxFieldBytes");
    QTest::addColumn<int>("maxFields");
    QTest::addColumn<int>("records"); // read before the end or the error
    QTest::addColumn<int>("errorLine");
    QTest::addColumn<int>("errorField");
    QTest::addColumn<int>("errorKind");

    const int tooLong = kind(CsvError::Kind::FieldTooLong);
    const int tooMany = kind(CsvError::Kind::TooManyFields);
    QTest::addRow("field at the limit") << QByteArray("abcde") << 5 << 10 << 1 << 0 << 0 << NoError;
    QTest::addRow("field over the limit")
        << QByteArray("ab,abcdef") << 5 << 10 << 0 << 1 << 2 << tooLong;
    QTest::addRow("limit counts utf-8 bytes")
        << QByteArray("\xC3\xA9\xC3\xA9\xC3\xA9") << 5 << 10 << 0 << 1 << 1 << tooLong;
    QTest::addRow("quoted field measured unquoted")
        << QByteArray("\"ab\"\"cd\"") << 5 << 10 << 1 << 0 << 0 << NoError;
    QTest::addRow("multi-line field reported where it starts")
        << QByteArray("x\n\"abc\ndef\"\n") << 5 << 10 << 1 << 2 << 1 << tooLong;
    QTest::addRow("fields at the limit")
        << QByteArray("a,b,c\n") << 100 << 3 << 1 << 0 << 0 << NoError;
    QTest::addRow("one field too many")
        << QByteArray("a,b,c,d\n") << 100 << 3 << 0 << 1 << 4 << tooMany;
    QTest::addRow("too many fields later")
        << QByteArray("a\nb\nc,d,,\n") << 100 << 3 << 2 << 3 << 4 << tooMany;
    QTest::addRow("trailing comma is a field")
        << QByteArray("a,b,c,") << 100 << 3 << 0 << 1 << 4 << tooMany;
}

void TestSubmissionCsv::readerLimits()
{
    QFETCH(QByteArray, data);
    QFETCH(int, maxFieldBytes);
    QFETCH(int, maxFields);
    QFETCH(int, records);
    QFETCH(int, errorLine);
    QFETCH(int, errorField);
    QFETCH(int, errorKind);

    CsvReader reader(data, CsvLimits{maxFieldBytes, maxFields});
    int count = 0;
    while (reader.next())
        ++count;
    QCOMPARE(count, records);
    QCOMPARE(reader.error() ? reader.error()->line : 0, errorLine);
    QCOMPARE(reader.error() ? reader.error()->field : 0, errorField);
    QCOMPARE(reader.error() ? int(reader.error()->kind) : NoError, errorKind);
}

void TestSubmissionCsv::readerDefaultLimits()
{
    QCOMPARE(CsvLimits{}.maxFieldBytes, 20'000);
    QCOMPARE(CsvLimits{}.maxFieldsPerRecord, 300);
    {
        CsvReader reader("x," + QByteArray(20'000, 'a') + ",\"" + QByteArray(20'000, 'b') + "\"\n");
        const auto record = reader.next();
        QVERIFY(record);
        QCOMPARE(record->fields.size(), 3);
        QCOMPARE(record->fields.at(2).size(), 20'000);
        QVERIFY(!reader.error());
    }
    {
        CsvReader reader("x," + QByteArray(20'001, 'a'));
        QVERIFY(!reader.next());
        QVERIFY(reader.error());
        QCOMPARE(reader.error()->kind, CsvError::Kind::FieldTooLong);
    }
    {
        CsvReader reader(QByteArray(299, ','));
        const auto record = reader.next();
        QVERIFY(record);
        QCOMPARE(record->fields.size(), 300);
    }
    {
        CsvReader reader(QByteArray(300, ','));
        QVERIFY(!reader.next());
        QVERIFY(reader.error());
        QCOMPARE(reader.error()->kind, CsvError::Kind::TooManyFields);
        QCOMPARE(reader.error()->field, 301);
    }
}

// Random bytes from CSV's awkward alphabet: every input ends, nothing crashes (run under
// ASan/UBSan with PINCART_SANITIZE for the full value of this test).
void TestSubmissionCsv::readerNeverLoopsOrCrashes()
{
    static const char alphabet[]
        = {'a', ',', '"', '\n', '\r', ' ', '\xC3', '\xA9', '\xFF', '\xEF', '\xBB', '\xBF'};
    QRandomGenerator random(4180);
    for (int round = 0; round < 5000; ++round) {
        QByteArray data(random.bounded(0, 120), Qt::Uninitialized);
        for (char &c : data)
            c = alphabet[random.bounded(int(sizeof alphabet))];
        CsvReader reader(data, CsvLimits{16, 8});
        int records = 0;
        int lastLine = 0;
        while (const auto record = reader.next()) {
            QVERIFY(record->line > lastLine);
            lastLine = record->line;
            QVERIFY(++records <= data.size());
        }
        if (reader.error())
            QVERIFY(reader.error()->line >= 1 && reader.error()->line <= data.size() + 1);
        const SubmissionParse parse = parseSubmissionCsv(TvHeader + data, lookup);
        QVERIFY(parse.rows.size() <= data.size());
    }
}

// ---- Submission files -------------------------------------------------------------------------

void TestSubmissionCsv::submission_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("accepted");
    QTest::addColumn<QList<int>>("lines");     // of each row
    QTest::addColumn<QStringList>("problems"); // "header:FIELD", "ROW:FIELD", "file:LINE"

    const QByteArray H = TvHeader;
    const QByteArray tv1 = Tv{}.line();
    const QByteArray tv2 = Tv{.sku = "TV-2"}.line();
    using L = QList<int>;
    using P = QStringList;

    // Accepted files, in every shape a spreadsheet or an editor writes them.
    QTest::addRow("one television") << QByteArray(H + tv1) << 1 << 1 << L{2} << P{};
    QTest::addRow("one t-shirt") << QByteArray(ShirtHeader + Shirt{}.line()) << 1 << 1 << L{2}
                                 << P{};
    QTest::addRow("two categories in one file")
        << QByteArray(MixedHeader
                      + "TV-1,Sony Bravia 55,,Sony,101,54990,55,OLED,yes,,,\n"
                        "TS-1,Cotton crew tee,,Basics,202,499,,,,Black,M,Round\n")
        << 2 << 2 << L{2, 3} << P{};
    QTest::addRow("quoted comma in a title")
        << QByteArray(H + Tv{.title = "\"Bravia, 55 inch\""}.line()) << 1 << 1 << L{2} << P{};
    QTest::addRow("doubled quotes in a title")
        << QByteArray(H + Tv{.title = "\"Bravia 55\"\" OLED\""}.line()) << 1 << 1 << L{2} << P{};
    QTest::addRow("newline inside a quoted description")
        << QByteArray(H + Tv{.description = "\"Line one\nLine two\""}.line() + tv2) << 2 << 2
        << L{2, 4} << P{};
    const QByteArray indian
        = H + Tv{.title = "सोनी ब्राविया 55 इंच स्मार्ट टीवी"}.line()
          + Tv{.sku = "TV-2", .title = "சோனி பிராவியா தொலைக்காட்சி", .brand = "சோனி"}.line();
    QTest::addRow("hindi and tamil titles") << indian << 2 << 2 << L{2, 3} << P{};
    QTest::addRow("utf-8 bom") << QByteArray("\xEF\xBB\xBF" + H + tv1) << 1 << 1 << L{2} << P{};
    QTest::addRow("crlf") << withLineEnds(H + tv1 + tv2, "\r\n") << 2 << 2 << L{2, 3} << P{};
    QTest::addRow("lone cr") << withLineEnds(H + tv1 + tv2, "\r") << 2 << 2 << L{2, 3} << P{};
    QTest::addRow("blank lines") << QByteArray(H + "\n" + tv1 + "\n\r\n" + tv2 + "\n") << 2 << 2
                                 << L{3, 6} << P{};
    QTest::addRow("blank lines before the header")
        << QByteArray("\n\n" + H + tv1) << 1 << 1 << L{4} << P{};
    QTest::addRow("no trailing newline") << QByteArray(H + tv1.chopped(1)) << 1 << 1 << L{2} << P{};
    QTest::addRow("rows of empty cells skipped")
        << QByteArray(H + tv1 + ",,,,,,,,\n" + " , ,\n" + tv2) << 2 << 2 << L{2, 5} << P{};
    const QByteArray loose = " SKU ,Title,DESCRIPTION,brand , "
                             "Category_ID,PRICE,Attr.Screen_Size,ATTR.PANEL,attr.smart\n"
                             + tv1;
    QTest::addRow("header names in any case, with spaces") << loose << 1 << 1 << L{2} << P{};
    QTest::addRow("columns in any order")
        << QByteArray("price,attr.panel,sku,category_id,title,brand,attr.screen_size,description\n"
                      "54990,OLED,TV-1,101,Sony Bravia 55,Sony,55,\n")
        << 1 << 1 << L{2} << P{};
    const QByteArray spaced = H
                              + Tv{.sku = " TV-1 ",
                                   .title = " Sony Bravia 55 ",
                                   .price = " 54990 ",
                                   .size = " 55 ",
                                   .panel = " OLED "}
                                    .line();
    QTest::addRow("cells trimmed") << spaced << 1 << 1 << L{2} << P{};
    const QByteArray statuses
        = "sku,title,description,brand,category_id,price,status,attr.screen_size,attr.panel\n"
          "TV-1,Sony Bravia 55,,Sony,101,54990,active,55,LED\n"
          "TV-2,Sony Bravia 55,,Sony,101,54990,Inactive,55,LED\n"
          "TV-3,Sony Bravia 55,,Sony,101,54990,,55,LED\n"
          "TV-4,Sony Bravia 55,,Sony,101,54990,gone,55,LED\n";
    QTest::addRow("status column") << statuses << 4 << 3 << L{2, 3, 4, 5} << P{"4:status"};

    // The header.
    QTest::addRow("missing required column")
        << QByteArray("sku,title,description,brand,category_id,attr.screen_size,attr.panel\n"
                      "TV-1,Sony Bravia 55,,Sony,101,55,OLED\n")
        << 0 << 0 << L{} << P{"header:price"};
    QTest::addRow("missing several required columns")
        << QByteArray("sku,title\nTV-1,Sony Bravia 55\n") << 0 << 0 << L{}
        << P{"header:description", "header:brand", "header:category_id", "header:price"};
    QTest::addRow("unknown column")
        << QByteArray("sku,title,description,brand,category_id,price,Colour\n"
                      "TV-1,Sony Bravia 55,,Sony,101,54990,Black\n")
        << 0 << 0 << L{} << P{"header:Colour"};
    QTest::addRow("supplier_id is not a column")
        << QByteArray(H.chopped(1) + ",supplier_id\n") << 0 << 0 << L{} << P{"header:supplier_id"};
    QTest::addRow("duplicate column")
        << QByteArray(H.chopped(1) + ", Price\n" + tv1.chopped(1) + ",1\n") << 0 << 0 << L{}
        << P{"header:price"};
    QTest::addRow("duplicate attribute column")
        << QByteArray(H.chopped(1) + ",ATTR.panel\n") << 0 << 0 << L{} << P{"header:attr.panel"};
    QTest::addRow("column without a name")
        << QByteArray(H.chopped(1) + ",\n" + tv1) << 0 << 0 << L{} << P{"header:"};
    QTest::addRow("attr. without a name")
        << QByteArray(H.chopped(1) + ",attr.\n") << 0 << 0 << L{} << P{"header:attr."};
    QTest::addRow("data row as header") << QByteArray(tv1 + tv2) << 0 << 0 << L{}
                                        << P{"header:TV-1",         "header:Sony Bravia 55",
                                             "header:A television", "header:Sony",
                                             "header:101",          "header:54990",
                                             "header:55",           "header:OLED",
                                             "header:yes",          "header:sku",
                                             "header:title",        "header:description",
                                             "header:brand",        "header:category_id",
                                             "header:price"};

    // Cell counts.
    QTest::addRow("missing cells") << QByteArray(H + tv1.left(tv1.lastIndexOf(',')) + "\n" + tv2)
                                   << 2 << 1 << L{2, 3} << P{"1:"};
    QTest::addRow("extra cells") << QByteArray(H + tv1.chopped(1) + ",extra\n" + tv2) << 2 << 1
                                 << L{2, 3} << P{"1:"};
    QTest::addRow("trailing comma is an extra cell")
        << QByteArray(H + tv1.chopped(1) + ",\n") << 1 << 0 << L{2} << P{"1:"};

    addRowErrorRows();
}

// Rows with wrong cells, and files that cannot be read to the end.
void TestSubmissionCsv::addRowErrorRows()
{
    const QByteArray H = TvHeader;
    const QByteArray tv1 = Tv{}.line();
    const QByteArray tv2 = Tv{.sku = "TV-2"}.line();
    using L = QList<int>;
    using P = QStringList;
    auto one = [&](const char *name, const Tv &tv, const P &problems) {
        QTest::addRow("%s", name) << QByteArray(H + tv.line()) << 1 << (problems.isEmpty() ? 1 : 0)
                                  << L{2} << problems;
    };

    QTest::addRow("attribute of another category")
        << QByteArray(MixedHeader + "TV-1,Sony Bravia 55,,Sony,101,54990,55,OLED,yes,Black,,\n")
        << 1 << 0 << L{2} << P{"1:attr.colour"};
    QTest::addRow("row in the wrong category")
        << QByteArray(ShirtHeader + Shirt{.category = "101"}.line()) << 1 << 0 << L{2}
        << P{"1:attr.colour", "1:attr.size", "1:attr.collar", "1:attr.screen_size", "1:attr.panel"};

    one("price 12,99.x", Tv{.price = "\"12,99.x\""}, {"1:price"});
    one("price empty", Tv{.price = ""}, {"1:price"});
    one("price zero", Tv{.price = "0"}, {"1:price"});
    one("price with grouping and paise", Tv{.price = "\"54,990.50\""}, {});
    one("price with three decimals", Tv{.price = "12.999"}, {"1:price"});
    one("price negative", Tv{.price = "-5"}, {"1:price"});
    one("price with a rupee sign", Tv{.price = "₹54990"}, {"1:price"});
    one("price above the maximum", Tv{.price = "1000000001"}, {"1:price"});

    one("number with a unit", Tv{.size = "55 in"}, {"1:attr.screen_size"});
    one("number that is text", Tv{.size = "abc"}, {"1:attr.screen_size"});
    one("number with an exponent", Tv{.size = "5e1"}, {"1:attr.screen_size"});
    one("decimal for an integer spec", Tv{.size = "55.5"}, {"1:attr.screen_size"});
    one("whole decimal for an integer spec", Tv{.size = "55.0"}, {});
    one("number above the maximum", Tv{.size = "101"}, {"1:attr.screen_size"});
    one("number at the minimum", Tv{.size = "24"}, {});
    one("required number empty", Tv{.size = ""}, {"1:attr.screen_size"});

    one("bool maybe", Tv{.smart = "maybe"}, {"1:attr.smart"});
    one("optional bool empty", Tv{.smart = ""}, {});
    const QByteArray bools
        = H + Tv{.sku = "A", .smart = "TRUE"}.line() + Tv{.sku = "B", .smart = "No"}.line()
          + Tv{.sku = "C", .smart = "1"}.line() + Tv{.sku = "D", .smart = "0"}.line()
          + Tv{.sku = "E", .smart = "False"}.line();
    QTest::addRow("bool spelled many ways") << bools << 5 << 5 << L{2, 3, 4, 5, 6} << P{};

    one("enum in another case", Tv{.panel = "oled"}, {});
    one("enum in another case with spaces", Tv{.panel = " Qled "}, {});
    one("enum not in the schema", Tv{.panel = "CRT"}, {"1:attr.panel"});
    one("required enum empty", Tv{.panel = ""}, {"1:attr.panel"});
    QTest::addRow("required attribute column absent")
        << QByteArray("sku,title,description,brand,category_id,price,attr.screen_size\n"
                      "TV-1,Sony Bravia 55,,Sony,101,54990,55\n")
        << 1 << 0 << L{2} << P{"1:attr.panel"};
    QTest::addRow("t-shirt without a size")
        << QByteArray(ShirtHeader + Shirt{.size = ""}.line()) << 1 << 0 << L{2} << P{"1:attr.size"};

    one("unknown category", Tv{.category = "999"}, {"1:category_id"});
    one("unknown category, its attributes unchecked", Tv{.category = "999", .panel = "CRT"},
        {"1:category_id"});
    one("category not a number", Tv{.category = "TV"}, {"1:category_id"});
    one("category with decimals", Tv{.category = "101.0"}, {"1:category_id"});
    one("category with a sign", Tv{.category = "+101"}, {"1:category_id"});
    one("category negative", Tv{.category = "-101"}, {"1:category_id"});
    one("category empty", Tv{.category = ""}, {"1:category_id"});

    QTest::addRow("duplicate skus")
        << QByteArray(H + tv1 + tv2 + Tv{.sku = "TV-1"}.line() + Tv{.sku = "tv-2"}.line()
                      + Tv{.sku = "TV-3"}.line())
        << 5 << 3 << L{2, 3, 4, 5, 6} << P{"3:sku", "4:sku"};
    QTest::addRow("three copies of a row")
        << QByteArray(H + tv1 + tv1 + tv1) << 3 << 1 << L{2, 3, 4} << P{"2:sku", "3:sku"};
    QTest::addRow("duplicate of a rejected row") << QByteArray(H + Tv{.price = "x"}.line() + tv1)
                                                 << 2 << 0 << L{2, 3} << P{"1:price", "2:sku"};
    QTest::addRow("invalid skus are not duplicates")
        << QByteArray(H + Tv{.sku = "TV 1"}.line() + Tv{.sku = "TV 1"}.line()) << 2 << 0 << L{2, 3}
        << P{"1:sku", "2:sku"};

    one("title over 200 characters", Tv{.title = QByteArray(201, 'x')}, {"1:title"});
    one("title of 200 characters", Tv{.title = QByteArray(200, 'x')}, {});
    one("title too short", Tv{.title = "TV"}, {"1:title"});
    one("title with a control character",
        Tv{.title = "Bravia\x01"
                    "55"},
        {"1:title"});
    one("description over 5000 characters", Tv{.description = QByteArray(5001, 'd')},
        {"1:description"});
    one("brand empty", Tv{.brand = ""}, {"1:brand"});
    one("sku with a space", Tv{.sku = "TV 1"}, {"1:sku"});
    one("sku empty", Tv{.sku = ""}, {"1:sku"});
    one("errors in column order",
        Tv{.sku = "bad sku", .price = "x", .size = "55 in", .panel = "CRT"},
        {"1:sku", "1:price", "1:attr.screen_size", "1:attr.panel"});
    one("template example row left in", Tv{.sku = "EXAMPLE-DELETE-ME"}, {"1:sku"});

    // Files that cannot be read to the end keep the rows before the fault.
    QTest::addRow("unterminated quote at the end of the file")
        << QByteArray(H + tv1 + "TV-2,\"Broken title,x,Sony,101,1,55,LED,no\n") << 1 << 1 << L{2}
        << P{"file:3"};
    QTest::addRow("unterminated quote in the last cell")
        << QByteArray(H + tv1 + Tv{.sku = "TV-2", .smart = "\"yes"}.line()) << 1 << 1 << L{2}
        << P{"file:3"};
    QTest::addRow("quote inside an unquoted cell")
        << QByteArray(H + Tv{.title = "Bravia 55\" OLED"}.line() + tv2) << 0 << 0 << L{}
        << P{"file:2"};
    QTest::addRow("invalid utf-8")
        << QByteArray(H + tv1 + Tv{.sku = "TV-2", .title = "Bad \xFF byte"}.line()) << 1 << 1
        << L{2} << P{"file:3"};
    QTest::addRow("latin-1 file") << QByteArray(H + Tv{.title = "Caf\xE9 TV"}.line()) << 0 << 0
                                  << L{} << P{"file:2"};
    QTest::addRow("invalid utf-8 in the header")
        << QByteArray("sku,ti\xFFtle\n") << 0 << 0 << L{} << P{"file:1"};
    QTest::addRow("empty file") << QByteArray() << 0 << 0 << L{} << P{"header:"};
    QTest::addRow("only a bom") << QByteArray("\xEF\xBB\xBF") << 0 << 0 << L{} << P{"header:"};
    QTest::addRow("only blank lines") << QByteArray("\n\r\n\n") << 0 << 0 << L{} << P{"header:"};
    QTest::addRow("header only") << H << 0 << 0 << L{} << P{"file:1"};
    QTest::addRow("header only, no newline") << H.chopped(1) << 0 << 0 << L{} << P{"file:1"};
    QTest::addRow("header and empty rows")
        << QByteArray(H + "\n,,,\n\n") << 0 << 0 << L{} << P{"file:1"};
}

void TestSubmissionCsv::submission()
{
    QFETCH(QByteArray, csv);
    QFETCH(int, rows);
    QFETCH(int, accepted);
    QFETCH(QList<int>, lines);
    QFETCH(QStringList, problems);

    const SubmissionParse parse = parseSubmissionCsv(csv, lookup);
    const QStringList got = problemsOf(parse);
    if (got != problems)
        dump(parse);
    QCOMPARE(got, problems);
    QCOMPARE(parse.rows.size(), qsizetype(rows));
    QCOMPARE(parse.acceptedCount(), qsizetype(accepted));
    QList<int> gotLines;
    for (qsizetype i = 0; i < parse.rows.size(); ++i) {
        QCOMPARE(parse.rows.at(i).row, int(i) + 1);
        gotLines << parse.rows.at(i).line;
    }
    QCOMPARE(gotLines, lines);
    // Every error says something, and an accepted row carries a complete create.
    for (const SubmissionRow &row : parse.rows) {
        for (const FieldError &e : row.errors)
            QVERIFY2(!e.message.isEmpty(), qPrintable(e.field));
        if (row.accepted()) {
            QVERIFY(row.input.sku && row.input.title && row.input.description && row.input.brand);
            QVERIFY(row.input.categoryId && row.input.price && row.input.attributes);
        }
    }
    for (const FieldError &e : parse.headerErrors + parse.fileErrors)
        QVERIFY(!e.message.isEmpty());
    QCOMPARE(parse.fileOk(), parse.headerErrors.isEmpty() && parse.fileErrors.isEmpty());
}

// What an accepted row maps to, cell by cell.
void TestSubmissionCsv::rowValues()
{
    const QByteArray csv = TvHeader
                           + Tv{.sku = " TV-1 ",
                                .title = "\"Bravia, 55\"\" OLED\"",
                                .description = "\"Line one\r\nLine two\"",
                                .price = "\"54,990.50\"",
                                .size = "55.0",
                                .panel = "oled",
                                .smart = "No"}
                                 .line()
                           + Tv{.sku = "TV-2",
                                .title = "सोनी ब्राविया",
                                .brand = "சோனி",
                                .price = "1299.5",
                                .smart = ""}
                                 .line()
                           + "TS-1,Cotton crew tee,,Basics,202,499,,,\n";
    const SubmissionParse parse = parseSubmissionCsv(csv, lookup);
    QVERIFY(parse.fileOk());
    QCOMPARE(parse.rows.size(), 3);

    const ItemInput &tv = parse.rows.at(0).input;
    QVERIFY(parse.rows.at(0).accepted());
    QCOMPARE(*tv.sku, QStringLiteral("TV-1"));
    QCOMPARE(*tv.title, QStringLiteral("Bravia, 55\" OLED"));
    QCOMPARE(*tv.description, QStringLiteral("Line one\r\nLine two"));
    QCOMPARE(*tv.brand, QStringLiteral("Sony"));
    QCOMPARE(*tv.categoryId, 101);
    QCOMPARE(*tv.price, (Money{5'499'050, QStringLiteral("INR")}));
    const QJsonObject expected{{QStringLiteral("screen_size"), 55},
                               {QStringLiteral("panel"), QStringLiteral("OLED")},
                               {QStringLiteral("smart"), false}};
    QCOMPARE(*tv.attributes, expected);
    QVERIFY(!tv.status);
    QVERIFY(!tv.supplierId);

    const ItemInput &second = parse.rows.at(1).input;
    QVERIFY(parse.rows.at(1).accepted());
    QCOMPARE(*second.title, QString::fromUtf8("सोनी ब्राविया"));
    QCOMPARE(*second.brand, QString::fromUtf8("சோனி"));
    QCOMPARE(second.price->amount, 129'950);
    QVERIFY(!second.attributes->contains(QStringLiteral("smart"))); // empty cell: absent

    // A row of another category under the television header: its attr.* cells are empty.
    const SubmissionRow &shirt = parse.rows.at(2);
    QCOMPARE(shirt.errors,
             (QList<FieldError>{{QStringLiteral("attr.size"), QStringLiteral("is required")}}));
    QCOMPARE(*shirt.input.categoryId, 202);
}

void TestSubmissionCsv::headerColumns()
{
    const auto header = parseSubmissionHeader(
        {QStringLiteral(" Price"), QStringLiteral("SKU"), QStringLiteral("title"),
         QStringLiteral("description"), QStringLiteral("brand"), QStringLiteral("category_id"),
         QStringLiteral("Status"), QStringLiteral("attr.Panel")});
    QVERIFY(header);
    QCOMPARE(header->columns.size(), 8);
    QCOMPARE(header->columns.at(0).name, QStringLiteral("price"));
    QCOMPARE(header->columns.at(0).kind, SubmissionHeader::Kind::Price);
    QCOMPARE(header->columns.at(6).kind, SubmissionHeader::Kind::ItemStatus);
    QCOMPARE(header->columns.at(7).kind, SubmissionHeader::Kind::Attribute);
    QCOMPARE(header->columns.at(7).name, QStringLiteral("attr.panel"));
    QCOMPARE(header->columns.at(7).attribute, QStringLiteral("panel"));
    QCOMPARE(header->indexOf(u"sku"), 1);
    QCOMPARE(header->indexOf(u"attr.colour"), -1);

    const auto bad = parseSubmissionHeader(
        {QStringLiteral("sku"), QStringLiteral("sku"), QStringLiteral("x")});
    QVERIFY(!bad);
    QCOMPARE(bad.error().kind(), DomainError::Kind::Validation);
    QStringList fields;
    for (const FieldError &e : bad.error().fields())
        fields << e.field;
    QCOMPARE(fields,
             (QStringList{"sku", "x", "title", "description", "brand", "category_id", "price"}));
    QCOMPARE(bad.error().fields().at(0).message, QStringLiteral("appears twice (columns 1 and 2)"));
}

// The server may call parseSubmissionRow alone; a missing lookup is every category unknown.
void TestSubmissionCsv::rowWithoutLookup()
{
    const auto header
        = parseSubmissionHeader(QString::fromUtf8(TvHeader.trimmed()).split(QLatin1Char(',')));
    QVERIFY(header);
    const QStringList cells = QString::fromUtf8(Tv{}.line().trimmed()).split(QLatin1Char(','));
    const SubmissionRow row = parseSubmissionRow(*header, cells, 7, 9, CategoryLookup());
    QCOMPARE(row.row, 7);
    QCOMPARE(row.line, 9);
    QCOMPARE(row.errors.size(), 1);
    QCOMPARE(row.errors.at(0).field, QStringLiteral("category_id"));

    const SubmissionRow ok = parseSubmissionRow(*header, cells, 1, 2, lookup);
    QVERIFY(ok.accepted());
}

void TestSubmissionCsv::maxRows()
{
    const QByteArray csv
        = TvHeader + Tv{}.line() + Tv{.sku = "TV-2"}.line() + "\n" + Tv{.sku = "TV-3"}.line();
    {
        const SubmissionParse parse = parseSubmissionCsv(csv, lookup, 3);
        QVERIFY(parse.fileOk());
        QCOMPARE(parse.rows.size(), 3);
    }
    {
        const SubmissionParse parse = parseSubmissionCsv(csv, lookup, 2);
        QCOMPARE(parse.rows.size(), 2);
        QCOMPARE(problemsOf(parse), QStringList{"file:5"});
    }
    QCOMPARE(submissioncsv::DefaultMaxRows, 10'000);
}

void TestSubmissionCsv::csvTemplate_data()
{
    QTest::addColumn<qint64>("categoryId");
    QTest::addColumn<QByteArray>("expected");

    QTest::addRow("television")
        << qint64(101)
        << QByteArray(
               "\xEF\xBB\xBF"
               "sku,title,description,brand,category_id,price,status,attr.screen_size,attr.panel,"
               "attr.smart\r\n"
               "EXAMPLE-DELETE-ME,Example: Televisions (delete this row),\"A few sentences about "
               "the item, on one line or several.\",Example "
               "brand,101,1299.00,active,24,LED,true\r\n");
    QTest::addRow("t-shirt")
        << qint64(202)
        << QByteArray(
               "\xEF\xBB\xBF"
               "sku,title,description,brand,category_id,price,status,attr.colour,attr.size,"
               "attr.collar\r\n"
               "EXAMPLE-DELETE-ME,Example: T-shirts (delete this row),\"A few sentences about "
               "the item, on one line or several.\",Example "
               "brand,202,1299.00,active,Black,S,Round\r\n");
}

// The template is a valid file whose only fault is its example SKU.
void TestSubmissionCsv::csvTemplate()
{
    QFETCH(qint64, categoryId);
    QFETCH(QByteArray, expected);

    const QByteArray csv = submissionCsvTemplate(*categoryById(categoryId));
    QCOMPARE(csv, expected);

    const SubmissionParse parse = parseSubmissionCsv(csv, lookup);
    QCOMPARE(problemsOf(parse), QStringList{"1:sku"});

    QByteArray filled = csv;
    filled.replace(QByteArray(submissioncsv::ExampleSku.data()), QByteArray("MY-SKU-1"));
    const SubmissionParse filledParse = parseSubmissionCsv(filled, lookup);
    QCOMPARE(problemsOf(filledParse), QStringList{});
    QCOMPARE(filledParse.acceptedCount(), 1);
}

void TestSubmissionCsv::errorsExport()
{
    SubmissionRow first;
    first.row = 1;
    first.line = 2;
    first.errors = {{QStringLiteral("price"), QStringLiteral("\"12,99.x\" is not a price")}};
    SubmissionRow clean;
    clean.row = 2;
    clean.line = 3;
    SubmissionRow third;
    third.row = 3;
    third.line = 5;
    third.errors = {{QString(), QStringLiteral("has 8 cells, the header has 9 columns")},
                    {QStringLiteral("attr.x"), QStringLiteral("=HYPERLINK(\"http://x\")")}};

    const QByteArray csv = errorsToCsv({first, clean, third});
    QCOMPARE(csv, QByteArray("\xEF\xBB\xBF"
                             "row,line,field,message\r\n"
                             "1,2,price,\"\"\"12,99.x\"\" is not a price\"\r\n"
                             "3,5,,\"has 8 cells, the header has 9 columns\"\r\n"
                             "3,5,attr.x,\"'=HYPERLINK(\"\"http://x\"\")\"\r\n"));

    CsvReader reader(csv);
    QList<QStringList> records;
    while (auto record = reader.next())
        records << record->fields;
    QVERIFY(!reader.error());
    QCOMPARE(records.size(), 4);
    QCOMPARE(records.at(1), (QStringList{"1", "2", "price", "\"12,99.x\" is not a price"}));

    QCOMPARE(errorsToCsv({}), QByteArray("\xEF\xBB\xBFrow,line,field,message\r\n"));
}

// 100k generated rows of 12 cells, some quoted, two categories: all read, all accepted.
// No timing assertion here (shared CI machines); see the report for measurements.
void TestSubmissionCsv::hundredThousandRows()
{
    constexpr int Rows = 100'000;
    QByteArray csv = MixedHeader;
    csv.reserve(Rows * 80);
    for (int i = 0; i < Rows; ++i) {
        const QByteArray n = QByteArray::number(i);
        if (i % 2 == 0) {
            csv += "TV-" + n
                   + (i % 10 == 0 ? QByteArray(",\"Bravia, " + n + " inch\"")
                                  : QByteArray(",Sony Bravia " + n))
                   + ",A television,Sony,101,54990.50," + QByteArray::number(24 + i % 77)
                   + ",OLED,yes,,,\n";
        } else {
            csv += "TS-" + n + ",Cotton crew tee " + n + ",,Basics,202,499,,,,Navy,XL,Polo\n";
        }
    }

    int records = 0;
    CsvReader reader(csv);
    while (reader.next())
        ++records;
    QVERIFY(!reader.error());
    QCOMPARE(records, Rows + 1);

    const SubmissionParse parse = parseSubmissionCsv(csv, lookup, Rows);
    if (!parse.fileOk() || parse.acceptedCount() != Rows)
        dump(parse);
    QVERIFY(parse.fileOk());
    QCOMPARE(parse.rows.size(), qsizetype(Rows));
    QCOMPARE(parse.acceptedCount(), qsizetype(Rows));
    QCOMPARE(parse.rows.last().line, Rows + 1);
    QCOMPARE(*parse.rows.at(10).input.title, QStringLiteral("Bravia, 10 inch"));
}

QTEST_APPLESS_MAIN(TestSubmissionCsv)
#include "tst_submissioncsv.moc"
