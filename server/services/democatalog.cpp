#include "democatalog.h"

#include "demorandom.h"

#include <cmath>
#include <QHash>
#include <QJsonObject>
#include <QSet>

namespace pincart::server {

namespace {

struct Recipe
{
    const char *skuPrefix;
    int weight;                  // relative share of the catalogue
    qint64 minRupees, maxRupees; // price range
    QStringList brands;          // well-known brands; house brands are added
};

const QHash<QString, Recipe> &recipes()
{
    static const QHash<QString, Recipe> r{
        {QStringLiteral("televisions"),
         {"TV",
          12,
          12999,
          249999,
          {"Samsung", "LG", "Sony", "Mi", "OnePlus", "TCL", "Hisense", "Panasonic", "Vu", "Acer",
           "Toshiba", "Philips"}}},
        {QStringLiteral("mobile-phones"),
         {"PH",
          16,
          6999,
          159999,
          {"Samsung", "Apple", "OnePlus", "Redmi", "Realme", "Vivo", "Oppo", "Motorola", "Nothing",
           "iQOO", "Poco", "Google", "Lava", "Nokia"}}},
        {QStringLiteral("laptops"),
         {"LP",
          7,
          24999,
          249999,
          {"HP", "Dell", "Lenovo", "Asus", "Acer", "Apple", "MSI", "Samsung", "Infinix",
           "Microsoft"}}},
        {QStringLiteral("headphones"),
         {"HD",
          8,
          499,
          34999,
          {"boAt", "Sony", "JBL", "Noise", "Sennheiser", "Bose", "Skullcandy", "Boult", "pTron",
           "Marshall"}}},
        {QStringLiteral("t-shirts"),
         {"TS",
          14,
          299,
          1999,
          {"Puma", "Adidas", "Nike", "Allen Solly", "U.S. Polo Assn.", "Levi's", "Jockey", "Rupa",
           "Van Heusen", "Roadster", "HRX", "Peter England", "Bewakoof"}}},
        {QStringLiteral("shoes"),
         {"SH",
          9,
          499,
          14999,
          {"Bata", "Puma", "Adidas", "Nike", "Campus", "Sparx", "Red Tape", "Woodland", "Skechers",
           "Liberty", "Reebok", "Metro"}}},
        {QStringLiteral("watches"),
         {"WA",
          6,
          799,
          49999,
          {"Titan", "Fastrack", "Casio", "Timex", "Sonata", "Fossil", "Noise", "boAt", "Amazfit",
           "Fire-Boltt"}}},
        {QStringLiteral("kitchen-appliances"),
         {"KA",
          7,
          799,
          24999,
          {"Prestige", "Bajaj", "Philips", "Butterfly", "Preethi", "Morphy Richards", "Pigeon",
           "Havells", "Usha", "Inalsa", "Sujata"}}},
        {QStringLiteral("refrigerators"),
         {"RF",
          4,
          11999,
          149999,
          {"LG", "Samsung", "Whirlpool", "Godrej", "Haier", "Panasonic", "Voltas Beko", "Bosch"}}},
        {QStringLiteral("furniture"),
         {"FU",
          3,
          1999,
          89999,
          {"Nilkamal", "Godrej Interio", "Wakefit", "Durian", "Urban Ladder", "Sleepwell",
           "Featherlite", "Home Centre"}}},
        {QStringLiteral("books"),
         {"BK",
          10,
          99,
          899,
          {"Penguin", "HarperCollins", "Rupa", "Westland", "Vani Prakashan", "Rajkamal Prakashan",
           "Kizhakku Pathippagam", "Scholastic", "Bloomsbury", "Jaico"}}},
        {QStringLiteral("grocery"),
         {"GR",
          12,
          20,
          1500,
          {"Amul", "Tata Sampann", "Aashirvaad", "Fortune", "Saffola", "India Gate", "Daawat",
           "MDH", "Everest", "Tata Tea", "Brooke Bond", "Nescafe", "Haldiram's", "Patanjali",
           "24 Mantra"}}},
        {QStringLiteral("toys"),
         {"TY",
          4,
          199,
          9999,
          {"Funskool", "Hasbro", "Mattel", "LEGO", "Hot Wheels", "Miko", "Skillmatics", "Webby",
           "Toyshine"}}},
        {QStringLiteral("beauty"),
         {"BE",
          6,
          99,
          2999,
          {"Lakme", "Himalaya", "Mamaearth", "Nivea", "L'Oreal Paris", "Biotique", "Plum",
           "Minimalist", "The Derma Co", "Lotus Herbals", "Dove", "Forest Essentials"}}},
    };
    return r;
}

// Plausible house brands, different per category, so the catalogue has hundreds of brands.
QStringList houseBrands(const QString &slug)
{
    static const QStringList first{"Shri",  "Nav",  "Desi",   "Urban", "Sona", "Mitra",
                                   "Ganga", "Veda", "Kaveri", "Indus", "Tara", "Surya"};
    static const QStringList second{"kart", "mart", "wala",  "craft", "nest", "bazaar",
                                    "tech", "home", "style", "works", "line", "deep"};
    QStringList out;
    const quint64 h = stableHash(slug);
    for (int i = 0; i < 12; ++i)
        out << first.at(int((h + quint64(i) * 5) % quint64(first.size())))
                   + second.at(int((h / 13 + quint64(i) * 7) % quint64(second.size())));
    out.removeDuplicates();
    return out;
}

const QList<QPair<QString, QString>> &books() // title, author (language follows the script)
{
    static const QList<QPair<QString, QString>> b{
        {"The Guide", "R. K. Narayan"},
        {"Malgudi Days", "R. K. Narayan"},
        {"The God of Small Things", "Arundhati Roy"},
        {"Midnight's Children", "Salman Rushdie"},
        {"A Suitable Boy", "Vikram Seth"},
        {"The White Tiger", "Aravind Adiga"},
        {"Wings of Fire", "A. P. J. Abdul Kalam"},
        {"The Discovery of India", "Jawaharlal Nehru"},
        {"Train to Pakistan", "Khushwant Singh"},
        {"Gitanjali", "Rabindranath Tagore"},
        {"The Palace of Illusions", "Chitra Banerjee Divakaruni"},
        {"Five Point Someone", "Chetan Bhagat"},
        {"The Immortals of Meluha", "Amish Tripathi"},
        {"Sapiens", "Yuval Noah Harari"},
        {"Atomic Habits", "James Clear"},
        {"The Psychology of Money", "Morgan Housel"},
        {"Ikigai", "Hector Garcia"},
        {"Rich Dad Poor Dad", "Robert Kiyosaki"},
        {QString::fromUtf8("गोदान"), QString::fromUtf8("प्रेमचंद")},
        {QString::fromUtf8("निर्मला"), QString::fromUtf8("प्रेमचंद")},
        {QString::fromUtf8("मधुशाला"), QString::fromUtf8("हरिवंशराय बच्चन")},
        {QString::fromUtf8("गुनाहों का देवता"), QString::fromUtf8("धर्मवीर भारती")},
        {QString::fromUtf8("பொன்னியின் செல்வன்"), QString::fromUtf8("கல்கி")},
        {QString::fromUtf8("சிவகாமியின் சபதம்"), QString::fromUtf8("கல்கி")},
        {QString::fromUtf8("திருக்குறள்"), QString::fromUtf8("திருவள்ளுவர்")},
    };
    return b;
}

QString languageOf(const QString &title)
{
    for (QChar c : title) {
        if (c.unicode() >= 0x0900 && c.unicode() <= 0x097F)
            return QStringLiteral("Hindi");
        if (c.unicode() >= 0x0B80 && c.unicode() <= 0x0BFF)
            return QStringLiteral("Tamil");
    }
    return QStringLiteral("English");
}

// Values real listings use, where a uniform draw over the schema's range would look odd.
const QList<qint64> *typicalNumbers(const QString &slug, const QString &attribute)
{
    static const QHash<QString, QList<qint64>> typical{
        {"televisions/screen_size", {32, 40, 43, 50, 55, 65, 75, 85}},
        {"televisions/refresh_rate", {50, 60, 100, 120, 144}},
        {"televisions/hdmi_ports", {2, 3, 4}},
        {"mobile-phones/ram", {3, 4, 6, 8, 12, 16}},
        {"mobile-phones/storage", {32, 64, 128, 256, 512}},
        {"mobile-phones/battery_mah", {4000, 4500, 5000, 5500, 6000}},
        {"mobile-phones/rear_camera_mp", {12, 48, 50, 64, 108, 200}},
        {"laptops/ram", {8, 16, 32}},
        {"laptops/storage", {256, 512, 1024, 2048}},
        {"headphones/battery_hours", {6, 20, 30, 40, 50, 60}},
        {"shoes/shoe_size", {5, 6, 7, 8, 9, 10, 11}},
        {"watches/water_resistance_m", {0, 30, 50, 100, 200}},
        {"kitchen-appliances/wattage", {500, 750, 1000, 1200, 1500, 2000}},
        {"kitchen-appliances/jars", {2, 3, 4}},
        {"kitchen-appliances/warranty_years", {1, 2, 5}},
        {"refrigerators/capacity", {185, 192, 236, 253, 308, 340, 415, 580, 650}},
        {"refrigerators/star_rating", {2, 3, 4, 5}},
        {"grocery/weight", {100, 200, 500, 1000, 2000, 5000, 10000}},
        {"grocery/pack_of", {1, 1, 1, 2, 3, 6}},
        {"grocery/shelf_life_days", {90, 180, 270, 365}},
        {"toys/age_from_years", {0, 1, 3, 5, 8, 12}},
        {"toys/pieces", {1, 24, 100, 250, 500, 1000}},
        {"beauty/volume_ml", {30, 50, 100, 150, 200, 400}},
        {"books/pages", {128, 224, 320, 416, 560, 880}},
    };
    const auto it = typical.constFind(slug + QLatin1Char('/') + attribute);
    return it == typical.constEnd() ? nullptr : &*it;
}

QJsonValue attributeValue(DemoRandom &rnd, const QString &slug, const AttributeSpec &a)
{
    switch (a.type) {
    case AttributeSpec::Type::Enum:
        return rnd.pick(a.values);
    case AttributeSpec::Type::Bool:
        return rnd.chance(60);
    case AttributeSpec::Type::Number: {
        const double lo = a.min.value_or(0);
        const double hi = a.max.value_or(lo + 100);
        if (const auto *typical = typicalNumbers(slug, a.name)) {
            const double v = double(rnd.pick(*typical));
            if (v >= lo && v <= hi)
                return v;
        }
        if (a.integer)
            return double(rnd.between(qint64(std::ceil(lo)), qint64(std::floor(hi))));
        const double v = lo + double(rnd.below(qint64((hi - lo) * 10) + 1)) / 10.0;
        return qBound(lo, std::round(v * 10) / 10, hi);
    }
    case AttributeSpec::Type::Text: {
        static const QStringList colours{"Midnight Black", "Ocean Blue", "Silver",
                                         "Forest Green",   "Lavender",   "Titanium Grey"};
        static const QStringList ingredients{"Niacinamide",     "Vitamin C", "Aloe Vera",
                                             "Hyaluronic Acid", "Neem",      "Turmeric"};
        QString v;
        if (a.name == QLatin1String("colour"))
            v = rnd.pick(colours);
        else if (a.name == QLatin1String("key_ingredient"))
            v = rnd.pick(ingredients);
        else if (a.name == QLatin1String("isbn"))
            v = QStringLiteral("978-93-%1-%2").arg(rnd.between(10000, 99999)).arg(rnd.below(10));
        else
            v = QStringLiteral("Standard");
        return v.left(a.maxLength);
    }
    }
    return {};
}

QString str(const QJsonObject &o, const char *key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    return v.isDouble() ? QString::number(v.toDouble()) : v.toString();
}

QString titleFor(const QString &slug, const QString &brand, const QJsonObject &a, qint64 n)
{
    const QString model
        = QStringLiteral("%1%2").arg(QChar(u'A' + char16_t(n % 26))).arg(n % 900 + 100);
    if (slug == QLatin1String("televisions")) {
        const int inches = int(a.value(QLatin1String("screen_size")).toDouble());
        return QStringLiteral("%1 %2 cm (%3 inch) %4 %5 %6TV %7")
            .arg(brand)
            .arg(int(std::lround(inches * 2.54)))
            .arg(inches)
            .arg(str(a, "resolution"), str(a, "panel"),
                 a.value(QLatin1String("smart")).toBool() ? QStringLiteral("Smart ") : QString(),
                 model);
    }
    if (slug == QLatin1String("mobile-phones"))
        return QStringLiteral("%1 %2 %3 (%4 GB RAM, %5 GB Storage)")
            .arg(brand, model, str(a, "network"), str(a, "ram"), str(a, "storage"));
    if (slug == QLatin1String("laptops"))
        return QStringLiteral("%1 %2 Laptop, %3, %4 GB RAM, %5 GB, %6")
            .arg(brand, model, str(a, "processor"), str(a, "ram"), str(a, "storage"), str(a, "os"));
    if (slug == QLatin1String("headphones"))
        return QStringLiteral("%1 %2 %3 %4Headphones%5")
            .arg(brand, model, str(a, "type"),
                 a.value(QLatin1String("wireless")).toBool() ? QStringLiteral("Wireless Bluetooth ")
                                                             : QStringLiteral("Wired "),
                 a.value(QLatin1String("noise_cancelling")).toBool()
                     ? QStringLiteral(" with Active Noise Cancellation")
                     : QString());
    if (slug == QLatin1String("t-shirts"))
        return QStringLiteral("%1 %2's %3 Fit %4 T-shirt, %5, %6")
            .arg(brand, str(a, "gender"),
                 a.contains(QLatin1String("fit")) ? str(a, "fit") : QStringLiteral("Regular"),
                 str(a, "collar"), str(a, "colour"), str(a, "size"));
    if (slug == QLatin1String("shoes"))
        return QStringLiteral("%1 %2's %3 Shoes, %4, UK %5")
            .arg(brand, str(a, "gender"), str(a, "type"), str(a, "colour"), str(a, "shoe_size"));
    if (slug == QLatin1String("watches"))
        return QStringLiteral("%1 %2 %3 %4Watch for %5")
            .arg(brand, model, str(a, "display"),
                 a.value(QLatin1String("smart")).toBool() ? QStringLiteral("Smart ") : QString(),
                 str(a, "gender"));
    if (slug == QLatin1String("kitchen-appliances"))
        return QStringLiteral("%1 %2 %3 W %4")
            .arg(brand, model, str(a, "wattage"), str(a, "appliance_type"));
    if (slug == QLatin1String("refrigerators"))
        return QStringLiteral("%1 %2 L %3 %4 Refrigerator%5")
            .arg(brand, str(a, "capacity"), str(a, "defrost"), str(a, "doors"),
                 a.value(QLatin1String("inverter")).toBool()
                     ? QStringLiteral(" with Inverter Compressor")
                     : QString());
    if (slug == QLatin1String("furniture"))
        return QStringLiteral("%1 %2 %3 %4")
            .arg(brand, model, str(a, "material"), str(a, "furniture_type"));
    if (slug == QLatin1String("grocery"))
        return QStringLiteral("%1 %2%3, %4 g")
            .arg(brand,
                 a.value(QLatin1String("organic")).toBool() ? QStringLiteral("Organic ")
                                                            : QString(),
                 str(a, "product_type"), str(a, "weight"));
    if (slug == QLatin1String("toys"))
        return QStringLiteral("%1 %2 %3 for Ages %4+")
            .arg(brand, model, str(a, "toy_type"), str(a, "age_from_years"));
    if (slug == QLatin1String("beauty"))
        return QStringLiteral("%1 %2 %3%4")
            .arg(brand,
                 a.contains(QLatin1String("key_ingredient")) ? str(a, "key_ingredient") : QString(),
                 str(a, "product_type"),
                 a.contains(QLatin1String("volume_ml"))
                     ? QStringLiteral(", %1 ml").arg(str(a, "volume_ml"))
                     : QString())
            .simplified();
    return QStringLiteral("%1 %2").arg(brand, model);
}

QString descriptionFor(DemoRandom &rnd, const QString &title, const QString &brand,
                       const QString &categoryName)
{
    static const QStringList openings{"Meet the %1.", "Introducing the %1.", "The %1 is here.",
                                      "Say hello to the %1."};
    static const QStringList middles{
        "%1 builds it for everyday use, with the quality Indian homes have trusted for years.",
        "Designed by %1 for comfort, durability and value.",
        "Every %1 product is checked before it leaves the warehouse.",
        "A favourite among %1 customers across India."};
    static const QStringList closings{
        "Easy returns within 7 days and a brand warranty where applicable.",
        "Delivered to your pincode with a clear delivery promise.", "Cash on delivery available.",
        ""};
    QString d = rnd.pick(openings).arg(title) + QLatin1Char(' ') + rnd.pick(middles).arg(brand)
                + QStringLiteral(" Part of our %1 range.").arg(categoryName);
    const QString closing = rnd.pick(closings);
    if (!closing.isEmpty())
        d += QLatin1Char(' ') + closing;
    return d;
}

qint64 priceFor(DemoRandom &rnd, qint64 minRupees, qint64 maxRupees)
{
    // Log-uniform (many cheap, few expensive), then a shop price ending in 9 or 99.
    const double lo = std::log(double(minRupees));
    const double hi = std::log(double(maxRupees));
    const double r = double(rnd.below(1'000'000)) / 1'000'000.0;
    qint64 rupees = qint64(std::exp(lo + (hi - lo) * r));
    rupees = rupees >= 1000 ? (rupees / 100) * 100 + 99 : (rupees / 10) * 10 + 9;
    return qBound(minRupees, rupees, maxRupees) * 100;
}

} // namespace

QStringList demoBrands(const QString &categorySlug)
{
    const auto it = recipes().constFind(categorySlug);
    QStringList brands = it == recipes().constEnd() ? QStringList() : it->brands;
    brands += houseBrands(categorySlug);
    brands.removeDuplicates();
    return brands;
}

QList<Item> generateDemoCatalog(const QList<Category> &categories,
                                const DemoCatalogOptions &options)
{
    QSet<qint64> parents;
    for (const Category &c : categories) {
        if (c.parentId)
            parents.insert(*c.parentId);
    }
    struct Leaf
    {
        const Category *category;
        Recipe recipe;
        QStringList brands;
    };
    QList<Leaf> leaves;
    int totalWeight = 0;
    for (const Category &c : categories) {
        if (parents.contains(c.id))
            continue;
        Recipe recipe = recipes().value(c.slug, Recipe{"IT", 3, 199, 9999, {}});
        leaves.append({&c, recipe, demoBrands(c.slug)});
        totalWeight += recipe.weight;
    }
    QList<Item> out;
    if (leaves.isEmpty() || options.items <= 0)
        return out;
    out.reserve(options.items);
    DemoRandom rnd(options.seed);
    for (int n = 0; n < options.items; ++n) {
        qint64 ticket = rnd.below(totalWeight);
        const Leaf *leaf = &leaves.first();
        for (const Leaf &l : leaves) {
            if (ticket < l.recipe.weight) {
                leaf = &l;
                break;
            }
            ticket -= l.recipe.weight;
        }
        const Category &c = *leaf->category;
        Item item;
        item.categoryId = c.id;
        item.supplierId = options.supplierIds.isEmpty()
                              ? 1
                              : options.supplierIds.at(n % options.supplierIds.size());
        item.brand = rnd.pick(leaf->brands);
        for (const AttributeSpec &a : c.attributes) {
            if (a.required || rnd.chance(75))
                item.attributes.insert(a.name, attributeValue(rnd, c.slug, a));
        }
        if (c.slug == QLatin1String("books")) {
            const auto &[title, author] = rnd.pick(books());
            item.title = title
                         + (rnd.chance(30) ? QStringLiteral(" (%1 Edition)").arg(rnd.between(2, 12))
                                           : QString());
            item.attributes.insert(QStringLiteral("author"), author);
            if (c.attribute(u"language")
                && c.attribute(u"language")->values.contains(languageOf(title)))
                item.attributes.insert(QStringLiteral("language"), languageOf(title));
            if (item.title.size() < 3)
                item.title += QStringLiteral(" - Book");
        } else {
            item.title = titleFor(c.slug, item.brand, item.attributes, n);
        }
        item.title = item.title.left(200);
        item.description = descriptionFor(rnd, item.title, item.brand, c.name);
        item.price = {priceFor(rnd, leaf->recipe.minRupees, leaf->recipe.maxRupees),
                      QStringLiteral("INR")};
        const QString brandCode = QString(item.brand)
                                      .remove(QLatin1Char(' '))
                                      .remove(QLatin1Char('\''))
                                      .remove(QLatin1Char('.'))
                                      .left(3)
                                      .toUpper();
        item.sku = QStringLiteral("%1-%2-%3")
                       .arg(QLatin1String(leaf->recipe.skuPrefix), brandCode)
                       .arg(n, 7, 10, QLatin1Char('0'));
        out.append(std::move(item));
    }
    return out;
}

} // namespace pincart::server
