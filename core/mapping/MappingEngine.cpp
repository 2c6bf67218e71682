#include "mapping/MappingEngine.h"

#include <QDate>
#include <QJsonArray>
#include <QMutex>
#include <QSet>
#include <QVarLengthArray>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <vector>

namespace {

// ---- values ------------------------------------------------------------------------------------------------------

// The engine's own value while a rule runs: QJsonValue keeps strings in a CBOR container, so every read and write
// of one allocates. Only the final value becomes a QJsonValue.
struct Value
{
    enum class Kind : quint8 { Empty, Text, Number, Bool, List, Currency, Object };
    Kind kind = Kind::Empty;
    bool flag = false; // Bool: the value; Currency: whether there is an amount
    double number = 0; // Number, Currency amount
    QString text; // Text, Currency code
    QStringList list;
    QJsonObject object;
    // Set when the text is an entry of a list's output pool: copied into the result from there, element to element,
    // which skips QJsonValue's string conversions (the costliest part of building the result).
    QJsonArray* pool = nullptr;
    qsizetype poolSlot = -1;

    static Value ofText(const QString& s)
    {
        Value v;
        if (!s.isEmpty()) {
            v.kind = Kind::Text;
            v.text = s;
        }
        return v;
    }
    static Value ofNumber(double d)
    {
        Value v;
        v.kind = Kind::Number;
        v.number = d;
        return v;
    }
    static Value ofBool(bool b)
    {
        Value v;
        v.kind = Kind::Bool;
        v.flag = b;
        return v;
    }
    bool isEmpty() const { return kind == Kind::Empty; }
};

bool isCurrencyObject(const QJsonObject& o)
{
    return o.contains(QLatin1StringView("currencyCode")) || o.contains(QLatin1StringView("value"));
}

QString formatNumber(double d)
{
    if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9.0e15) {
        return QString::number(qint64(d));
    }
    // Shortest text that reads back as the same double; QString::number(d, 'g', 15) goes through bignums.
    char buffer[64];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, d).ptr;
    return QString::fromLatin1(buffer, end - buffer);
}

// C-locale number text ("1,5" is refused, not read as 1.5 or 15), surrounding white space ignored.
std::optional<double> parseNumber(QStringView text)
{
    text = text.trimmed();
    if (text.startsWith(QLatin1Char('+'))) {
        text = text.mid(1);
    }
    char buffer[64];
    if (text.isEmpty() || text.size() >= qsizetype(sizeof buffer)) {
        return std::nullopt;
    }
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        if (c >= 0x80) {
            return std::nullopt;
        }
        buffer[i] = char(c);
    }
    double value = 0;
    const auto [end, error] = std::from_chars(buffer, buffer + text.size(), value);
    if (error != std::errc() || end != buffer + text.size() || !std::isfinite(value)) {
        return std::nullopt;
    }
    return value;
}

// trimmed().isEmpty() without building the trimmed copy.
bool isBlank(QStringView text)
{
    for (const QChar c : text) {
        if (!c.isSpace()) {
            return false;
        }
    }
    return true;
}

QString trimmedText(const QString& text)
{
    if (text.isEmpty() || (!text.front().isSpace() && !text.back().isSpace())) {
        return text; // shared, no copy
    }
    return text.trimmed();
}

Value fromJson(const QJsonValue& json)
{
    switch (json.type()) {
    case QJsonValue::String:
        return Value::ofText(json.toString());
    case QJsonValue::Double:
        return Value::ofNumber(json.toDouble());
    case QJsonValue::Bool:
        return Value::ofBool(json.toBool());
    case QJsonValue::Array: {
        Value v;
        const QJsonArray array = json.toArray();
        for (const auto& entry : array) {
            if (entry.isString()) {
                if (!entry.toString().isEmpty()) {
                    v.list.append(entry.toString());
                }
            } else if (entry.isDouble()) {
                v.list.append(formatNumber(entry.toDouble()));
            } else if (entry.isBool()) {
                v.list.append(entry.toBool() ? QStringLiteral("Yes") : QStringLiteral("No"));
            } else if (!entry.isNull()) {
                // Nested structures have no sensible flat form; keep the whole thing for the error message.
                v.kind = Value::Kind::Object;
                v.object = QJsonObject {{QStringLiteral("values"), array}};
                return v;
            }
        }
        v.kind = v.list.isEmpty() ? Value::Kind::Empty : Value::Kind::List;
        return v;
    }
    case QJsonValue::Object: {
        Value v;
        const QJsonObject o = json.toObject();
        const QJsonValue amount = o.value(QLatin1StringView("value"));
        if (o.size() <= 2 && isCurrencyObject(o) && (amount.isDouble() || amount.isUndefined() || amount.isNull())) {
            v.kind = Value::Kind::Currency;
            v.flag = amount.isDouble();
            v.number = amount.toDouble();
            v.text = o.value(QLatin1StringView("currencyCode")).toString();
            return v;
        }
        v.kind = Value::Kind::Object;
        v.object = o;
        return v;
    }
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return {};
}

QJsonValue toJson(const Value& v)
{
    switch (v.kind) {
    case Value::Kind::Text:
        return v.text;
    case Value::Kind::Number:
        return v.number;
    case Value::Kind::Bool:
        return v.flag;
    case Value::Kind::List:
        return QJsonArray::fromStringList(v.list);
    case Value::Kind::Currency:
        return QJsonObject {{QStringLiteral("value"), v.flag ? QJsonValue(v.number) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("currencyCode"), v.text}};
    case Value::Kind::Object:
        return v.object;
    case Value::Kind::Empty:
        break;
    }
    return QJsonValue(QJsonValue::Undefined);
}

enum class CustomType : quint8 { Untyped, ValueSelect, MultiValueSelect, Currency, Other };

// Runs for every custom value of every hire: the length decides before any character is compared.
CustomType customTypeOf(const QString& type)
{
    switch (type.size()) {
    case 0:
        return CustomType::Untyped;
    case 8:
        return type == QLatin1StringView("Currency") ? CustomType::Currency : CustomType::Other;
    case 11:
        return type == QLatin1StringView("ValueSelect") ? CustomType::ValueSelect : CustomType::Other;
    case 16:
        return type == QLatin1StringView("MultiValueSelect") ? CustomType::MultiValueSelect : CustomType::Other;
    default:
        return CustomType::Other;
    }
}

// SourceCatalog::customValue() straight into the engine's value: a currency object is not built only to be taken
// apart again.
Value customToValue(const CustomFieldValue& custom, CustomType fallbackType)
{
    const CustomType type = custom.fieldType.isEmpty() ? fallbackType : customTypeOf(custom.fieldType);
    if (type == CustomType::Currency && custom.value.isObject()) {
        const QJsonObject o = custom.value.toObject();
        const QJsonValue amount = o.value(QLatin1StringView("value"));
        Value v;
        v.kind = Value::Kind::Currency;
        v.text = o.value(QLatin1StringView("currencyCode")).toString();
        if (amount.isDouble()) {
            v.flag = true;
            v.number = amount.toDouble();
        } else if (amount.isString()) {
            const auto number = parseNumber(amount.toString());
            v.flag = number.has_value();
            v.number = number.value_or(0);
        }
        if (!v.flag && v.text.isEmpty()) {
            return {};
        }
        return v;
    }
    if (type == CustomType::ValueSelect) {
        if (custom.valueLabel.isString()) {
            Value v = fromJson(custom.valueLabel);
            if (!v.isEmpty()) {
                return v;
            }
        }
        return fromJson(custom.value);
    }
    if (type == CustomType::MultiValueSelect) {
        return fromJson(SourceCatalog::customValue(custom, QStringLiteral("MultiValueSelect")));
    }
    if (type == CustomType::Untyped) {
        return fromJson(SourceCatalog::customValue(custom, QString()));
    }
    return fromJson(custom.value);
}

// How a value is named in a message: text quoted (and cut when long), other kinds by what they are.
QString describeValue(const Value& v)
{
    switch (v.kind) {
    case Value::Kind::Text: {
        QString shown = v.text;
        if (shown.size() > 60) {
            shown = shown.left(57) + QStringLiteral("…");
        }
        return QLatin1Char('"') + shown + QLatin1Char('"');
    }
    case Value::Kind::Number:
        return formatNumber(v.number);
    case Value::Kind::Bool:
        return v.flag ? QStringLiteral("true") : QStringLiteral("false");
    case Value::Kind::List:
        return QStringLiteral("a list of %1 values").arg(v.list.size());
    case Value::Kind::Currency:
        return QStringLiteral("a currency amount");
    case Value::Kind::Object:
        return isCurrencyObject(v.object) ? QStringLiteral("a currency amount") : QStringLiteral("an object");
    case Value::Kind::Empty:
        break;
    }
    return QStringLiteral("an empty value");
}

// ---- built-in sources --------------------------------------------------------------------------------------------

using FastAccessor = Value (*)(const Hire&);

struct FastBuiltin
{
    const char* path;
    FastAccessor accessor;
};

// The same paths as SourceCatalog's table, returning the engine's value type without a QJsonValue round trip. A
// path missing here still works through SourceCatalog::builtinAccessor(); the tests compare both.
// clang-format off
const FastBuiltin kFastBuiltins[] = {
    {"candidate.name", [](const Hire& h) { return Value::ofText(h.name); }},
    {"candidate.firstName", [](const Hire& h) { return Value::ofText(h.firstName); }},
    {"candidate.lastName", [](const Hire& h) { return Value::ofText(h.lastName); }},
    {"candidate.email", [](const Hire& h) { return Value::ofText(h.email); }},
    {"candidate.phone", [](const Hire& h) { return Value::ofText(h.phone); }},
    {"candidate.id", [](const Hire& h) { return Value::ofText(h.candidateId); }},
    {"candidate.profileUrl", [](const Hire& h) { return Value::ofText(h.profileUrl); }},
    {"application.id", [](const Hire& h) { return Value::ofText(h.applicationId); }},
    {"job.title", [](const Hire& h) { return Value::ofText(h.jobTitle); }},
    {"job.department", [](const Hire& h) { return Value::ofText(h.department); }},
    {"job.location", [](const Hire& h) { return Value::ofText(h.location); }},
    {"job.employmentType", [](const Hire& h) { return Value::ofText(h.employmentType); }},
    {"offer.id", [](const Hire& h) { return Value::ofText(h.offerId); }},
    {"offer.startDate", [](const Hire& h) { return Value::ofText(h.startDate); }},
    {"offer.salary.value", [](const Hire& h) { return h.salary ? Value::ofNumber(h.salary->value) : Value(); }},
    {"offer.salary.currencyCode",
        [](const Hire& h) { return h.salary ? Value::ofText(h.salary->currencyCode) : Value(); }},
    {"hiringManager.name", [](const Hire& h) { return Value::ofText(h.hiringManager.displayName()); }},
    {"hiringManager.firstName", [](const Hire& h) { return Value::ofText(h.hiringManager.firstName); }},
    {"hiringManager.lastName", [](const Hire& h) { return Value::ofText(h.hiringManager.lastName); }},
    {"hiringManager.email", [](const Hire& h) { return Value::ofText(h.hiringManager.email); }},
};
// clang-format on

FastAccessor fastAccessor(const QString& path)
{
    for (const auto& b : kFastBuiltins) {
        if (path == QLatin1StringView(b.path)) {
            return b.accessor;
        }
    }
    return nullptr;
}

// ---- dates and numbers -------------------------------------------------------------------------------------------

// calendarDate() without the regular expression: "YYYY-MM-DD", alone or followed by 'T' and a time, surrounding
// white space ignored. The date is taken as written, never moved through a time zone.
QDate parseCalendarDate(QStringView text)
{
    text = text.trimmed();
    if (text.size() < 10 || (text.size() > 10 && text.at(10) != QLatin1Char('T')) || text.at(4) != QLatin1Char('-')
        || text.at(7) != QLatin1Char('-')) {
        return {};
    }
    int parts[3] = {0, 0, 0};
    const int starts[3] = {0, 5, 8};
    const int lengths[3] = {4, 2, 2};
    for (int p = 0; p < 3; ++p) {
        for (int i = 0; i < lengths[p]; ++i) {
            const char16_t c = text.at(starts[p] + i).unicode();
            if (c < u'0' || c > u'9') {
                return {};
            }
            parts[p] = parts[p] * 10 + (c - u'0');
        }
    }
    return QDate(parts[0], parts[1], parts[2]);
}

QString isoDate(const QDate& date)
{
    // QDate::toString(Qt::ISODate) is fine but goes through the locale machinery; this runs for every hire.
    char buffer[11];
    const int y = date.year();
    const int m = date.month();
    const int d = date.day();
    buffer[0] = char('0' + y / 1000 % 10);
    buffer[1] = char('0' + y / 100 % 10);
    buffer[2] = char('0' + y / 10 % 10);
    buffer[3] = char('0' + y % 10);
    buffer[4] = '-';
    buffer[5] = char('0' + m / 10);
    buffer[6] = char('0' + m % 10);
    buffer[7] = '-';
    buffer[8] = char('0' + d / 10);
    buffer[9] = char('0' + d % 10);
    buffer[10] = '\0';
    return QString::fromLatin1(buffer, 10);
}

// The numeric subset of Qt's date format (d, dd, M, MM, yy, yyyy and punctuation), formatted without the locale
// machinery. Anything else (month names, quotes, other letters) returns no tokens and goes to QDate::toString().
struct DateToken
{
    char field = 0; // 'd', 'M', 'y' or 0 for the literal
    int width = 0;
    QString literal;
};

std::vector<DateToken> compileDateFormat(const QString& format)
{
    std::vector<DateToken> tokens;
    for (qsizetype i = 0; i < format.size();) {
        const QChar c = format.at(i);
        if (c.isLetter() || c == QLatin1Char('\'')) {
            const char16_t letter = c.unicode();
            qsizetype run = 1;
            while (i + run < format.size() && format.at(i + run) == c) {
                ++run;
            }
            const bool supported = (letter == u'd' && run <= 2) || (letter == u'M' && run <= 2)
                || (letter == u'y' && (run == 2 || run == 4));
            if (!supported) {
                return {};
            }
            tokens.push_back({char(letter), int(run), {}});
            i += run;
        } else {
            if (tokens.empty() || tokens.back().field != 0) {
                tokens.push_back({});
            }
            tokens.back().literal.append(c);
            ++i;
        }
    }
    return tokens;
}

QString formatDate(const QDate& date, const std::vector<DateToken>& tokens)
{
    QString out;
    out.reserve(16);
    const auto number = [&out](int value, int width) {
        char buffer[12];
        const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
        for (qsizetype pad = width - (end - buffer); pad > 0; --pad) {
            out.append(QLatin1Char('0'));
        }
        out.append(QLatin1StringView(buffer, end - buffer));
    };
    for (const auto& token : tokens) {
        switch (token.field) {
        case 'd':
            number(date.day(), token.width);
            break;
        case 'M':
            number(date.month(), token.width);
            break;
        case 'y':
            number(token.width == 2 ? date.year() % 100 : date.year(), token.width);
            break;
        default:
            out.append(token.literal);
        }
    }
    return out;
}

double roundTo(double value, int decimals)
{
    if (decimals < 0) {
        return value;
    }
    const double scale = std::pow(10.0, decimals);
    return std::round(value * scale) / scale;
}

// ---- list lookups ------------------------------------------------------------------------------------------------

struct ListIndex
{
    QString listId;
    const QList<ListItem>* items = nullptr;
    QHash<QString, const ListItem*> exact; // trimmed name
    QHash<QString, const ListItem*> folded; // folded name; nullptr when two entries fold alike
    QList<QPair<QString, QString>> suggestible; // (folded, name) of every active entry, for closest labels
    // name and id of every active entry, side by side; only ever read (map() may run on several threads)
    mutable QJsonArray pool;
    QHash<const ListItem*, qsizetype> poolSlots;
    // The same unknown label tends to come back hire after hire ("Remote"), and scoring it against every entry is
    // the slowest thing a mapping does. map() is const and may run on several threads, hence the lock.
    mutable QMutex cacheLock;
    mutable QHash<QString, QStringList> suggestionCache;
    mutable QHash<QString, const ListItem*> aliasCache; // label as written → the entry it folds to

    const ListItem* alias(const QString& label) const
    {
        const QMutexLocker locker(&cacheLock);
        return aliasCache.value(label);
    }
    void rememberAlias(const QString& label, const ListItem* item) const
    {
        const QMutexLocker locker(&cacheLock);
        if (aliasCache.size() >= 4096) {
            aliasCache.clear();
        }
        aliasCache.insert(label, item);
    }

    QStringList suggestionsFor(const QString& folded) const;
};

void indexItems(const QList<ListItem>& items, ListIndex* index)
{
    for (const auto& item : items) {
        if (item.archived) {
            continue; // Bob refuses archived values, and their children go with them
        }
        index->poolSlots.insert(&item, index->pool.size());
        index->pool.append(item.name);
        index->pool.append(item.id);
        const QString trimmed = item.name.trimmed();
        if (!trimmed.isEmpty()) {
            const bool first = !index->exact.contains(trimmed); // later duplicates only repeat the name
            if (first) {
                index->exact.insert(trimmed, &item);
            }
            const QString folded = MappingEngine::foldForLookup(trimmed);
            const auto it = index->folded.constFind(folded);
            if (it == index->folded.constEnd()) {
                index->folded.insert(folded, &item);
            } else if (*it && (*it)->name.trimmed() != trimmed) {
                index->folded.insert(folded, nullptr);
            }
            if (first) {
                index->suggestible.append({folded, item.name});
            }
        }
        indexItems(item.children, index);
    }
}

void collectFolded(const QList<ListItem>& items, const QString& folded, QStringList* labels)
{
    for (const auto& item : items) {
        if (item.archived) {
            continue;
        }
        if (MappingEngine::foldForLookup(item.name) == folded && !labels->contains(item.name)) {
            labels->append(item.name);
        }
        collectFolded(item.children, folded, labels);
    }
}

void flattenActive(const QList<ListItem>& items, QList<const ListItem*>* out)
{
    for (const auto& item : items) {
        if (item.archived) {
            continue;
        }
        out->append(&item);
        flattenActive(item.children, out);
    }
}

// Levenshtein distance, or `bound` as soon as the result is known to reach it (the caller only keeps the closest).
int editDistance(QStringView a, QStringView b, int bound)
{
    // Bounded: labels are short, and a hostile 1 MB value must not make this quadratic.
    constexpr qsizetype kMax = 128;
    a = a.left(kMax);
    b = b.left(kMax);
    if (std::abs(int(a.size() - b.size())) >= bound) {
        return bound;
    }
    int rows[2][kMax + 1];
    int* previous = rows[0];
    int* current = rows[1];
    for (qsizetype j = 0; j <= b.size(); ++j) {
        previous[j] = int(j);
    }
    for (qsizetype i = 1; i <= a.size(); ++i) {
        current[0] = int(i);
        int rowMinimum = current[0];
        const char16_t ca = a.at(i - 1).unicode();
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int substitution = previous[j - 1] + (ca == b.at(j - 1).unicode() ? 0 : 1);
            const int value = std::min(std::min(previous[j], current[j - 1]) + 1, substitution);
            current[j] = value;
            rowMinimum = std::min(rowMinimum, value);
        }
        if (rowMinimum >= bound) {
            return bound;
        }
        std::swap(previous, current);
    }
    return std::min(previous[b.size()], bound);
}

QStringList closestFolded(const QString& folded, const QList<QPair<QString, QString>>& labels, int max);

QStringList ListIndex::suggestionsFor(const QString& folded) const
{
    {
        const QMutexLocker locker(&cacheLock);
        const auto it = suggestionCache.constFind(folded);
        if (it != suggestionCache.constEnd()) {
            return *it;
        }
    }
    QStringList result = closestFolded(folded, suggestible, 3);
    const QMutexLocker locker(&cacheLock);
    if (suggestionCache.size() >= 4096) {
        suggestionCache.clear(); // bounded: a stream of distinct junk values must not grow it forever
    }
    suggestionCache.insert(folded, result);
    return result;
}

// ---- types -------------------------------------------------------------------------------------------------------

enum class TargetType { Unknown, Text, Number, Date, ShortDate, Boolean, List, MultiList, Currency, EmployeeRef };

TargetType targetType(const QString& type)
{
    if (type == QLatin1StringView("text") || type == QLatin1StringView("text-area")) {
        return TargetType::Text;
    }
    if (type == QLatin1StringView("number")) {
        return TargetType::Number;
    }
    if (type == QLatin1StringView("date")) {
        return TargetType::Date;
    }
    if (type == QLatin1StringView("short-date")) {
        return TargetType::ShortDate;
    }
    if (type == QLatin1StringView("boolean")) {
        return TargetType::Boolean;
    }
    if (type == QLatin1StringView("list") || type == QLatin1StringView("hierarchy-list")) {
        return TargetType::List;
    }
    if (type == QLatin1StringView("multi-list")) {
        return TargetType::MultiList;
    }
    if (type == QLatin1StringView("currency")) {
        return TargetType::Currency;
    }
    if (type == QLatin1StringView("employee-reference")) {
        return TargetType::EmployeeRef;
    }
    return TargetType::Unknown;
}

// What a source yields, for the profile check.
enum class SourceType { Unknown, Text, Number, Date, Boolean, MultiSelect, Currency, Object };

SourceType sourceType(const QString& ashbyType)
{
    static const QStringList text {QStringLiteral("String"), QStringLiteral("LongText"), QStringLiteral("Email"),
        QStringLiteral("Phone"), QStringLiteral("Url"), QStringLiteral("UUID"), QStringLiteral("ValueSelect")};
    if (text.contains(ashbyType)) {
        return SourceType::Text;
    }
    if (ashbyType == QLatin1StringView("Number")) {
        return SourceType::Number;
    }
    if (ashbyType == QLatin1StringView("Date")) {
        return SourceType::Date;
    }
    if (ashbyType == QLatin1StringView("Boolean")) {
        return SourceType::Boolean;
    }
    if (ashbyType == QLatin1StringView("MultiValueSelect")) {
        return SourceType::MultiSelect;
    }
    if (ashbyType == QLatin1StringView("Currency")) {
        return SourceType::Currency;
    }
    if (ashbyType == QLatin1StringView("NumberRange") || ashbyType == QLatin1StringView("CompensationRange")) {
        return SourceType::Object;
    }
    return SourceType::Unknown;
}

SourceType afterTransform(SourceType source, const Transform& t)
{
    switch (t.kind) {
    case Transform::Kind::None:
        return source;
    case Transform::Kind::DateFormat:
        return SourceType::Date;
    case Transform::Kind::Number:
        return SourceType::Number;
    case Transform::Kind::Currency:
        return t.currencyPart == QLatin1StringView("value") ? SourceType::Number : SourceType::Text;
    case Transform::Kind::FirstName:
    case Transform::Kind::LastName:
    case Transform::Kind::ListLookup:
    case Transform::Kind::Constant:
    case Transform::Kind::Join:
        return SourceType::Text;
    }
    return source;
}

bool compatible(SourceType s, TargetType t)
{
    if (s == SourceType::Unknown) {
        return true;
    }
    switch (t) {
    case TargetType::Unknown:
        return true;
    case TargetType::Text:
        return s != SourceType::Currency && s != SourceType::Object;
    case TargetType::Number:
        return s == SourceType::Number;
    case TargetType::Date:
    case TargetType::ShortDate:
        return s == SourceType::Date || s == SourceType::Text;
    case TargetType::Boolean:
        return s == SourceType::Boolean;
    case TargetType::List:
        return s == SourceType::Text || s == SourceType::Number;
    case TargetType::MultiList:
        return s == SourceType::Text || s == SourceType::MultiSelect;
    case TargetType::Currency:
        return s == SourceType::Currency || s == SourceType::Number;
    case TargetType::EmployeeRef:
        return s == SourceType::Text;
    }
    return true;
}

QString sourceTypeName(SourceType s)
{
    switch (s) {
    case SourceType::Text:
        return QStringLiteral("text");
    case SourceType::Number:
        return QStringLiteral("a number");
    case SourceType::Date:
        return QStringLiteral("a date");
    case SourceType::Boolean:
        return QStringLiteral("a yes/no value");
    case SourceType::MultiSelect:
        return QStringLiteral("several values");
    case SourceType::Currency:
        return QStringLiteral("a currency amount");
    case SourceType::Object:
        return QStringLiteral("a range");
    case SourceType::Unknown:
        break;
    }
    return QStringLiteral("a value");
}

QString targetName(const QString& target)
{
    if (target == QLatin1StringView("bob")) {
        return QStringLiteral("Bob");
    }
    if (target == QLatin1StringView("bamboohr")) {
        return QStringLiteral("BambooHR");
    }
    if (target == QLatin1StringView("personio")) {
        return QStringLiteral("Personio");
    }
    return target;
}

} // namespace

// ---- compiled profile --------------------------------------------------------------------------------------------

struct CompiledRule
{
    enum class Source : quint8 { Fast, Generic, Custom, Constant, None };
    int index = 0;
    MappingRule rule;
    Source source = Source::None;
    FastAccessor fast = nullptr;
    SourceCatalog::Accessor generic = nullptr;
    QString customId;
    CustomType customType = CustomType::Untyped; // the definition's, for values that arrived without one
    enum class CurrencyPart : quint8 { Value, Code, Text } currencyPart = CurrencyPart::Value;
    std::vector<DateToken> dateFormat; // empty: QDate::toString(format) (names, quotes: rare, slower)
    QString fieldName; // "Site (work.site)"
    const TargetField* field = nullptr;
    TargetType type = TargetType::Unknown;
    const ListIndex* list = nullptr; // set when values are looked up
    bool lookup = false;
    bool outputId = false;
    bool isoFormat = true; // DateFormat with the ISO format
    int maxLength = 0;
    Value constant;
    std::optional<Value> defaultValue;
    QString label; // "rule 3 (offer.startDate → work.startDate)"
    QString describe;
    qsizetype slot = 0; // position of the target in Compiled::skeleton
};

struct RequiredField
{
    QString id;
    QString name;
    int rule = -1;
};

struct MappingEngine::Compiled
{
    MappingProfile profile;
    std::optional<TargetCatalog> catalog;
    std::optional<SourceCatalog> sources;
    Options options;
    std::vector<std::unique_ptr<ListIndex>> lists;
    std::vector<CompiledRule> rules;
    QList<RequiredField> required;
    // Every target key once, in QJsonObject's (sorted) order. map() copies it and assigns values by position:
    // inserting key by key costs a binary search and a key encoding per field, a third of the time of a hire.
    QJsonObject skeleton;

    const ListIndex* listIndex(const QString& listId)
    {
        for (const auto& l : lists) {
            if (l->listId == listId) {
                return l.get();
            }
        }
        if (!catalog) {
            return nullptr;
        }
        const QList<ListItem>* items = catalog->list(listId);
        if (!items) {
            return nullptr;
        }
        auto index = std::make_unique<ListIndex>();
        index->listId = listId;
        index->items = items;
        indexItems(*items, index.get());
        lists.push_back(std::move(index));
        return lists.back().get();
    }

    QString fieldName(const QString& id) const
    {
        const TargetField* f = catalog ? catalog->field(id) : nullptr;
        if (f && !f->name.isEmpty() && f->name != id) {
            return QStringLiteral("%1 (%2)").arg(f->name, id);
        }
        return id;
    }

    // Transform and target type; on failure *problem says why (without the hire and rule, the caller adds those).
    // *warning: a list value Bob's list does not know, sent as written (see softLookup).
    Value apply(const CompiledRule& r, Value v, QString* problem, QStringList* suggestions, QString* warning) const;
    Value transform(const CompiledRule& r, Value v, QString* problem) const;
    Value toTarget(const CompiledRule& r, Value v, QString* problem, QStringList* suggestions, QString* warning) const;
    // In Hire API mode Bob keeps the raw event and HR completes the hire in Bob, where the admin maps values; a label
    // Bob's list does not know is then sent as written with a warning instead of holding the hire back. An explicit
    // list lookup, and direct mode (Bob rejects unknown list values), keep it an error.
    bool softLookup(const CompiledRule& r) const
    {
        return !options.directMode && r.rule.transform.kind != Transform::Kind::ListLookup;
    }
    const ListItem* lookup(
        const CompiledRule& r, const QString& label, QString* problem, QStringList* suggestions) const;
};

namespace {

void addIssue(QList<MappingIssue>* issues, MappingIssue::Severity severity, const CompiledRule* rule,
    const QString& targetField, const QString& message, const QStringList& suggestions = {},
    const QString& applicationId = {})
{
    MappingIssue issue;
    issue.severity = severity;
    issue.rule = rule ? rule->index : -1;
    issue.targetField = targetField;
    issue.sourcePath = rule ? rule->rule.source : QString();
    issue.applicationId = applicationId;
    issue.message = message;
    issue.suggestions = suggestions;
    issues->append(issue);
}

} // namespace

const ListItem* MappingEngine::Compiled::lookup(
    const CompiledRule& r, const QString& label, QString* problem, QStringList* suggestions) const
{
    const ListIndex* index = r.list;
    const QString trimmed = trimmedText(label);
    const ListItem* item = index->exact.value(trimmed);
    if (!item) {
        item = index->alias(trimmed);
    }
    if (!item) {
        const QString folded = foldForLookup(trimmed);
        const auto it = index->folded.constFind(folded);
        if (it != index->folded.constEnd()) {
            item = *it;
            if (item) {
                index->rememberAlias(trimmed, item);
            }
            if (!item) {
                QStringList labels;
                collectFolded(*index->items, folded, &labels);
                *suggestions = labels;
                *problem
                    = QStringLiteral("\"%1\" matches several entries of %2's list \"%3\" (%4): pick one")
                          .arg(trimmed, targetName(profile.target), index->listId, labels.join(QStringLiteral(", ")));
                return nullptr;
            }
        }
    }
    if (!item) {
        *suggestions = index->suggestionsFor(foldForLookup(trimmed));
        *problem = QStringLiteral("\"%1\" is not in %2's list \"%3\"")
                       .arg(trimmed, targetName(profile.target), index->listId);
        if (!suggestions->isEmpty()) {
            *problem += QStringLiteral(" (closest: %1)").arg(suggestions->join(QStringLiteral(", ")));
        }
        return nullptr;
    }
    return item;
}

Value MappingEngine::Compiled::transform(const CompiledRule& r, Value v, QString* problem) const
{
    const Transform& t = r.rule.transform;
    switch (t.kind) {
    case Transform::Kind::None:
    case Transform::Kind::ListLookup: // looked up against the target's list in toTarget()
    case Transform::Kind::Constant:
        return v;
    case Transform::Kind::DateFormat: {
        const QDate date = v.kind == Value::Kind::Text ? parseCalendarDate(v.text) : QDate();
        if (!date.isValid()) {
            *problem = QStringLiteral("%1 is not a date").arg(describeValue(v));
            return {};
        }
        if (r.isoFormat) {
            return Value::ofText(isoDate(date));
        }
        return Value::ofText(r.dateFormat.empty() ? date.toString(t.format) : formatDate(date, r.dateFormat));
    }
    case Transform::Kind::FirstName:
    case Transform::Kind::LastName: {
        if (v.kind != Value::Kind::Text) {
            *problem = QStringLiteral("%1 is not a name").arg(describeValue(v));
            return {};
        }
        QString first;
        QString last;
        splitName(v.text, &first, &last);
        return Value::ofText(t.kind == Transform::Kind::FirstName ? first : last);
    }
    case Transform::Kind::Number: {
        double number = 0;
        if (v.kind == Value::Kind::Number) {
            number = v.number;
        } else if (v.kind == Value::Kind::Text) {
            const auto parsed = parseNumber(v.text);
            if (!parsed) {
                *problem = QStringLiteral("%1 is not a number").arg(describeValue(v));
                return {};
            }
            number = *parsed;
        } else if (v.kind == Value::Kind::Currency && v.flag) {
            number = v.number;
        } else {
            *problem = QStringLiteral("%1 is not a number").arg(describeValue(v));
            return {};
        }
        return Value::ofNumber(roundTo(number, t.decimals));
    }
    case Transform::Kind::Currency: {
        std::optional<double> amount;
        QString code;
        if (v.kind == Value::Kind::Currency) {
            if (v.flag) {
                amount = v.number;
            }
            code = v.text;
        } else if (v.kind == Value::Kind::Number) {
            amount = v.number;
        } else {
            *problem = QStringLiteral("%1 is not a currency amount").arg(describeValue(v));
            return {};
        }
        if (r.currencyPart == CompiledRule::CurrencyPart::Code) {
            return Value::ofText(code);
        }
        if (r.currencyPart == CompiledRule::CurrencyPart::Text) {
            if (!amount) {
                return {};
            }
            const QString number = t.decimals >= 0 ? QString::number(roundTo(*amount, t.decimals), 'f', t.decimals)
                                                   : formatNumber(*amount);
            return Value::ofText(code.isEmpty() ? number : number + QLatin1Char(' ') + code);
        }
        return amount ? Value::ofNumber(roundTo(*amount, t.decimals)) : Value();
    }
    case Transform::Kind::Join:
        if (v.kind == Value::Kind::List) {
            return Value::ofText(v.list.join(t.separator));
        }
        return v;
    }
    return v;
}

Value MappingEngine::Compiled::toTarget(
    const CompiledRule& r, Value v, QString* problem, QStringList* suggestions, QString* warning) const
{
    auto soften = [&]() {
        // Two entries folding alike stay an error: the admin has to say which one is meant.
        if (!softLookup(r) || problem->contains(QLatin1String("matches several"))) {
            return false;
        }
        *warning = *problem
            + QStringLiteral("; sent as written for the admin to match in %1").arg(targetName(profile.target));
        problem->clear();
        return true;
    };
    if (r.lookup) {
        if (r.type == TargetType::MultiList || (r.type != TargetType::List && v.kind == Value::Kind::List)) {
            const QStringList labels = v.kind == Value::Kind::List ? v.list
                : v.kind == Value::Kind::Text                      ? QStringList {v.text}
                                                                   : QStringList {};
            if (labels.isEmpty()) {
                *problem = QStringLiteral("%1 is not a list value").arg(describeValue(v));
                return {};
            }
            Value out;
            out.kind = Value::Kind::List;
            for (const auto& label : labels) {
                const ListItem* found = lookup(r, label, problem, suggestions);
                if (!found) {
                    if (!soften()) {
                        return {};
                    }
                    out.list.append(trimmedText(label));
                    continue;
                }
                out.list.append(r.outputId ? found->id : found->name);
            }
            return out;
        }
        QString label;
        if (v.kind == Value::Kind::Text) {
            label = v.text;
        } else if (v.kind == Value::Kind::Number) {
            label = formatNumber(v.number);
        } else {
            *problem = QStringLiteral("%1 is not a list value").arg(describeValue(v));
            return {};
        }
        const ListItem* found = lookup(r, label, problem, suggestions);
        if (!found) {
            return soften() ? Value::ofText(trimmedText(label)) : Value();
        }
        Value out = Value::ofText(r.outputId ? found->id : found->name);
        const qsizetype slot = r.list->poolSlots.value(found, -1);
        if (slot >= 0 && !out.isEmpty()) {
            out.pool = &r.list->pool;
            out.poolSlot = slot + (r.outputId ? 1 : 0);
        }
        return out;
    }
    switch (r.type) {
    case TargetType::Unknown:
    case TargetType::Currency:
        return v;
    case TargetType::List:
    case TargetType::MultiList:
        // No list to check against (catalogue or list not loaded): send the label as written, trimmed.
        if (v.kind == Value::Kind::Text) {
            return Value::ofText(trimmedText(v.text));
        }
        if (v.kind == Value::Kind::Number) {
            return Value::ofText(formatNumber(v.number));
        }
        if (v.kind == Value::Kind::List && r.type == TargetType::MultiList) {
            return v;
        }
        *problem = QStringLiteral("%1 is not a list value").arg(describeValue(v));
        return {};
    case TargetType::EmployeeRef:
        if (v.kind == Value::Kind::Number) {
            return Value::ofText(formatNumber(v.number));
        }
        if (v.kind != Value::Kind::Text) {
            *problem = QStringLiteral("%1 is not an employee id").arg(describeValue(v));
            return {};
        }
        return v;
    case TargetType::Text:
        switch (v.kind) {
        case Value::Kind::Number:
            return Value::ofText(formatNumber(v.number));
        case Value::Kind::Bool:
            return Value::ofText(v.flag ? QStringLiteral("Yes") : QStringLiteral("No"));
        case Value::Kind::List:
            return Value::ofText(v.list.join(QStringLiteral(", ")));
        case Value::Kind::Currency:
            *problem = QStringLiteral("a currency amount is not text: choose the Currency transform");
            return {};
        case Value::Kind::Object:
            *problem = QStringLiteral("%1 is not text").arg(describeValue(v));
            return {};
        case Value::Kind::Text:
        case Value::Kind::Empty:
            break;
        }
        return v;
    case TargetType::Number:
        if (v.kind != Value::Kind::Number) {
            *problem = QStringLiteral("%1 is not a number").arg(describeValue(v));
            if (v.kind == Value::Kind::Text || v.kind == Value::Kind::Currency) {
                *problem
                    += QStringLiteral(": choose the %1 transform")
                           .arg(v.kind == Value::Kind::Text ? QStringLiteral("Number") : QStringLiteral("Currency"));
            }
            return {};
        }
        return v;
    case TargetType::Date: {
        const QDate date = v.kind == Value::Kind::Text ? parseCalendarDate(v.text) : QDate();
        if (!date.isValid()) {
            *problem = QStringLiteral("%1 is not a date in the form YYYY-MM-DD").arg(describeValue(v));
            return {};
        }
        if (v.text.size() == 10) {
            return v;
        }
        return Value::ofText(isoDate(date));
    }
    case TargetType::ShortDate:
        if (v.kind != Value::Kind::Text) {
            *problem = QStringLiteral("%1 is not a date").arg(describeValue(v));
            return {};
        }
        return v;
    case TargetType::Boolean:
        if (v.kind != Value::Kind::Bool) {
            *problem = QStringLiteral("%1 is not true or false").arg(describeValue(v));
            return {};
        }
        return v;
    }
    return v;
}

Value MappingEngine::Compiled::apply(
    const CompiledRule& r, Value v, QString* problem, QStringList* suggestions, QString* warning) const
{
    v = transform(r, std::move(v), problem);
    if (!problem->isEmpty() || v.isEmpty()) {
        return {};
    }
    return toTarget(r, std::move(v), problem, suggestions, warning);
}

// ---- MappingEngine -----------------------------------------------------------------------------------------------

bool MappingResult::hasErrors() const
{
    return std::any_of(issues.cbegin(), issues.cend(),
        [](const MappingIssue& i) { return i.severity == MappingIssue::Severity::Error; });
}

MappingEngine::MappingEngine(const MappingProfile& profile, const TargetCatalog* catalog, const SourceCatalog* sources)
    : MappingEngine(profile, catalog, sources, Options {})
{
}

MappingEngine::MappingEngine(
    const MappingProfile& profile, const TargetCatalog* catalog, const SourceCatalog* sources, const Options& options)
    : d(std::make_unique<Compiled>())
{
    d->profile = profile;
    d->options = options;
    if (catalog) {
        d->catalog = *catalog;
        d->catalog->markRequired(options.directMode);
    }
    if (sources) {
        d->sources = *sources;
    }
    d->rules.reserve(size_t(profile.rules.size()));
    for (qsizetype i = 0; i < profile.rules.size(); ++i) {
        CompiledRule r;
        r.index = int(i);
        r.rule = profile.rules.at(i);
        const Transform& t = r.rule.transform;
        r.label = describeRule(r.index, r.rule);
        r.describe = t.describe();
        r.fieldName = d->fieldName(r.rule.target);
        if (t.kind == Transform::Kind::Constant) {
            r.source = CompiledRule::Source::Constant;
            r.constant = Value::ofText(t.constant);
        } else if ((r.fast = fastAccessor(r.rule.source))) {
            r.source = CompiledRule::Source::Fast;
        } else if ((r.generic = SourceCatalog::builtinAccessor(r.rule.source))) {
            r.source = CompiledRule::Source::Generic;
        } else if (r.rule.source.startsWith(QLatin1StringView("custom."))) {
            r.source = CompiledRule::Source::Custom;
            r.customId = r.rule.source.mid(7);
            if (d->sources) {
                if (const auto f = d->sources->field(r.rule.source)) {
                    r.customType = customTypeOf(f->ashbyType);
                }
            }
        }
        if (r.rule.defaultValue) {
            r.defaultValue = Value::ofText(*r.rule.defaultValue);
        }
        r.isoFormat = t.format.isEmpty() || t.format == QLatin1StringView("yyyy-MM-dd");
        r.dateFormat = compileDateFormat(t.format);
        r.currencyPart = t.currencyPart == QLatin1StringView("code") ? CompiledRule::CurrencyPart::Code
            : t.currencyPart == QLatin1StringView("text")            ? CompiledRule::CurrencyPart::Text
                                                                     : CompiledRule::CurrencyPart::Value;
        r.outputId = t.listOutput == QLatin1StringView("id");
        if (d->catalog) {
            r.field = d->catalog->field(r.rule.target);
        }
        if (r.field) {
            r.type = targetType(r.field->type);
            r.maxLength = r.field->maxLength;
        }
        // A list field takes nothing but its entries, so whatever the transform made is looked up.
        const bool listTarget = r.field && TargetCatalog::isListType(r.field->type);
        if (listTarget || (t.kind == Transform::Kind::ListLookup && r.field && !r.field->listId.isEmpty())) {
            r.list = d->listIndex(r.field->listId);
            r.lookup = r.list != nullptr;
        }
        d->rules.push_back(r);
    }
    for (const auto& r : d->rules) {
        d->skeleton.insert(r.rule.target, QJsonValue(QJsonValue::Null));
    }
    const QStringList keys = d->skeleton.keys();
    for (auto& r : d->rules) {
        r.slot = keys.indexOf(r.rule.target);
    }
    if (d->catalog) {
        for (const auto& f : std::as_const(d->catalog->fields)) {
            if (f.required) {
                d->required.append({f.id, d->fieldName(f.id), d->profile.ruleForTarget(f.id)});
            }
        }
    } else {
        const QStringList ids = TargetCatalog::requiredFields(profile.target, options.directMode);
        for (const auto& id : ids) {
            d->required.append({id, id, d->profile.ruleForTarget(id)});
        }
    }
}

MappingEngine::~MappingEngine() = default;

MappingResult MappingEngine::map(const Hire& hire) const
{
    MappingResult result;
    result.provenance.reserve(qsizetype(d->rules.size()));
    QVarLengthArray<bool, 64> failed(qsizetype(d->rules.size()), false);
    QVarLengthArray<bool, 64> present(d->skeleton.size(), false);
    qsizetype presentCount = 0;
    QJsonObject fields = d->skeleton;
    QJsonObject::iterator first; // fields.begin(), taken when the first value is set (it detaches the copy)
    QVarLengthArray<qsizetype, 64> provenanceSlots;
    QString hireLabel;
    const auto hireText = [&]() -> const QString& {
        if (hireLabel.isEmpty()) {
            hireLabel = describeHire(hire);
        }
        return hireLabel;
    };
    QString problem;
    QStringList suggestions;
    for (const CompiledRule& r : d->rules) {
        Value v;
        switch (r.source) {
        case CompiledRule::Source::Fast:
            v = r.fast(hire);
            break;
        case CompiledRule::Source::Generic:
            v = fromJson(r.generic(hire));
            break;
        case CompiledRule::Source::Custom:
            for (const auto& custom : hire.customFields) {
                // Ashby ids are UUIDs of one length: the last character tells most of them apart cheaply.
                if (custom.id.size() == r.customId.size() && !custom.id.isEmpty()
                    && custom.id.back() == r.customId.back() && custom.id == r.customId) {
                    v = customToValue(custom, r.customType);
                    break;
                }
            }
            break;
        case CompiledRule::Source::Constant:
            v = r.constant;
            break;
        case CompiledRule::Source::None:
            break;
        }
        if (v.kind == Value::Kind::Text && isBlank(v.text)) {
            v = {};
        }
        bool fromDefault = false;
        if (v.isEmpty() && r.defaultValue) {
            v = *r.defaultValue;
            fromDefault = true;
        }
        if (v.isEmpty()) {
            continue;
        }
        QString warning;
        v = d->apply(r, std::move(v), &problem, &suggestions, &warning);
        if (!warning.isEmpty()) {
            addIssue(&result.issues, MappingIssue::Severity::Warning, &r, r.rule.target,
                QStringLiteral("%1: %2: %3").arg(hireText(), r.label, warning), suggestions, hire.applicationId);
            suggestions.clear();
        }
        if (!problem.isEmpty()) {
            failed[r.index] = true;
            addIssue(&result.issues, MappingIssue::Severity::Error, &r, r.rule.target,
                QStringLiteral("%1: %2: %3").arg(hireText(), r.label, problem), suggestions, hire.applicationId);
            problem.clear();
            suggestions.clear();
            continue;
        }
        if (v.isEmpty()) {
            continue;
        }
        if (r.maxLength > 0 && v.kind == Value::Kind::Text && v.text.size() > r.maxLength) {
            addIssue(&result.issues, MappingIssue::Severity::Error, &r, r.rule.target,
                QStringLiteral("%1: %2: %3 is %4 characters long; %5 takes at most %6 in %7")
                    .arg(hireText(), r.label, describeValue(v), QString::number(v.text.size()),
                        targetName(d->profile.target), QString::number(r.maxLength), r.fieldName),
                {}, hire.applicationId);
        }
        if (presentCount == 0) {
            first = fields.begin();
        }
        if (v.pool) {
            (first + r.slot).value() = (*v.pool)[v.poolSlot];
        } else {
            (first + r.slot).value() = toJson(v);
        }
        if (!present[r.slot]) {
            present[r.slot] = true;
            ++presentCount;
        }
        // The value is filled in below from the finished object: a QJsonValue read from there shares its storage.
        result.provenance.append(MappedValue {r.rule.target, r.rule.source, r.describe, {}, fromDefault});
        provenanceSlots.append(r.slot);
    }
    if (presentCount == fields.size()) {
        result.fields = std::move(fields);
    } else if (presentCount > 0) {
        for (qsizetype i = present.size() - 1; i >= 0; --i) {
            if (!present[i]) {
                fields.erase(fields.begin() + i);
            }
        }
        result.fields = std::move(fields);
    }
    if (!result.provenance.isEmpty()) {
        QVarLengthArray<qsizetype, 64> position(present.size(), 0); // slot → index in the finished object
        for (qsizetype i = 0, at = 0; i < present.size(); ++i) {
            position[i] = at;
            at += present[i] ? 1 : 0;
        }
        const auto begin = std::as_const(result.fields).begin();
        for (qsizetype i = 0; i < result.provenance.size(); ++i) {
            result.provenance[i].value = (begin + position[provenanceSlots[i]]).value();
        }
    }
    for (const auto& required : std::as_const(d->required)) {
        if (result.fields.contains(required.id)) {
            continue;
        }
        if (required.rule < 0) {
            addIssue(&result.issues, MappingIssue::Severity::Error, nullptr, required.id,
                QStringLiteral("%1: required field %2 is not mapped").arg(hireText(), required.name), {},
                hire.applicationId);
        } else if (!failed[required.rule]) {
            const CompiledRule& r = d->rules[size_t(required.rule)];
            addIssue(&result.issues, MappingIssue::Severity::Error, &r, required.id,
                QStringLiteral("%1: %2: required field %3 is empty").arg(hireText(), r.label, required.name), {},
                hire.applicationId);
        }
    }
    return result;
}

QList<MappingIssue> MappingEngine::validateProfile() const
{
    QList<MappingIssue> issues;
    const QString system = targetName(d->profile.target);
    if (!d->catalog) {
        addIssue(&issues, MappingIssue::Severity::Warning, nullptr, {},
            QStringLiteral("field catalogue not loaded: list values and types are not checked"));
    }
    QHash<QString, int> seen;
    for (const CompiledRule& r : d->rules) {
        const Transform& t = r.rule.transform;
        const auto error = [&](const QString& text, const QStringList& suggestions = {}) {
            addIssue(&issues, MappingIssue::Severity::Error, &r, r.rule.target,
                QStringLiteral("%1: %2").arg(r.label, text), suggestions);
        };
        const auto warning = [&](const QString& text) {
            addIssue(&issues, MappingIssue::Severity::Warning, &r, r.rule.target,
                QStringLiteral("%1: %2").arg(r.label, text));
        };
        if (r.rule.target.trimmed().isEmpty()) {
            error(QStringLiteral("no target field"));
            continue;
        }
        const auto previous = seen.constFind(r.rule.target);
        if (previous != seen.constEnd()) {
            error(QStringLiteral("%1 is already mapped by rule %2").arg(r.fieldName).arg(*previous + 1));
        } else {
            seen.insert(r.rule.target, r.index);
        }
        if (d->catalog && !r.field) {
            // A field every Bob has but this catalogue lacks (a trimmed or partial metadata answer) is worth a
            // warning in Hire API mode, where Bob stores the event as sent; only direct mode must refuse it.
            static const TargetCatalog builtin = TargetCatalog::bobBuiltin();
            const bool wellKnown = d->profile.target == QLatin1String("bob") && builtin.field(r.rule.target);
            if (wellKnown && !d->options.directMode) {
                warning(QStringLiteral("%1's field list does not show \"%2\"; it is sent anyway")
                            .arg(system, r.rule.target));
            } else {
                error(QStringLiteral("%1 has no field \"%2\"").arg(system, r.rule.target));
            }
        }

        // The source.
        SourceType source = SourceType::Unknown;
        if (t.kind != Transform::Kind::Constant) {
            std::optional<SourceField> field;
            if (d->sources) {
                field = d->sources->field(r.rule.source);
            } else if (r.source == CompiledRule::Source::Fast || r.source == CompiledRule::Source::Generic) {
                field = SourceCatalog().field(r.rule.source);
            }
            const bool customWithoutCatalogue
                = !d->sources && r.source == CompiledRule::Source::Custom && !r.customId.isEmpty();
            if (r.rule.source.trimmed().isEmpty()) {
                error(QStringLiteral("no source field"));
            } else if (!field && !customWithoutCatalogue) {
                error(QStringLiteral("Ashby has no field \"%1\"").arg(r.rule.source));
            } else if (field) {
                source = sourceType(field->ashbyType);
                if (field->archived) {
                    warning(QStringLiteral("the Ashby field \"%1\" is archived").arg(field->label));
                }
            }
        }

        if (!r.field) {
            continue;
        }
        const bool listTarget = TargetCatalog::isListType(r.field->type);
        if (t.kind == Transform::Kind::ListLookup && !listTarget) {
            error(QStringLiteral("%1 is not a list field (it is %2): a list lookup needs one")
                      .arg(r.fieldName, r.field->type.isEmpty() ? QStringLiteral("untyped") : r.field->type));
        }
        if (listTarget && !r.list) {
            warning(
                QStringLiteral("%1's list \"%2\" is not loaded: values are not checked").arg(system, r.field->listId));
        }
        const SourceType produced = afterTransform(source, t);
        if (!compatible(produced, r.type)) {
            warning(QStringLiteral("%1 into %2, a %3 field").arg(sourceTypeName(produced), r.fieldName, r.field->type));
        }
        if (t.kind == Transform::Kind::DateFormat && r.type == TargetType::Date && !r.isoFormat) {
            warning(QStringLiteral("%1 takes dates as yyyy-MM-dd, not %2").arg(system, t.format));
        }
        // Fixed values can be checked now rather than on every hire.
        QList<QPair<QString, QString>> fixed; // what, value
        if (t.kind == Transform::Kind::Constant) {
            fixed.append({QStringLiteral("the constant"), t.constant});
        }
        if (r.rule.defaultValue && t.kind != Transform::Kind::Constant) {
            fixed.append({QStringLiteral("the default"), *r.rule.defaultValue});
        }
        for (const auto& [what, value] : std::as_const(fixed)) {
            if (value.trimmed().isEmpty()) {
                continue;
            }
            if (listTarget && r.list) {
                CompiledRule probe = r;
                probe.lookup = true;
                QString problem;
                QStringList suggestions;
                if (!d->lookup(probe, value, &problem, &suggestions)) {
                    error(QStringLiteral("%1: %2").arg(what, problem), suggestions);
                }
            } else if (r.maxLength > 0 && value.size() > r.maxLength) {
                error(QStringLiteral("%1 is %2 characters long; %3 takes at most %4 in %5")
                          .arg(what, QString::number(value.size()), system, QString::number(r.maxLength), r.fieldName));
            }
        }
    }
    for (const auto& required : std::as_const(d->required)) {
        if (required.rule < 0) {
            addIssue(&issues, MappingIssue::Severity::Error, nullptr, required.id,
                QStringLiteral("required field %1 is not mapped%2")
                    .arg(required.name,
                        d->options.directMode ? QStringLiteral(" (%1 direct mode needs it)").arg(system) : QString()));
        }
    }
    return issues;
}

QString MappingEngine::foldForLookup(const QString& label)
{
    QString s = label.simplified();
    bool ascii = true;
    for (const QChar c : std::as_const(s)) {
        if (c.unicode() >= 0x80) {
            ascii = false;
            break;
        }
    }
    if (ascii) {
        // The common case, and ten times cheaper than normalising.
        for (QChar& c : s) {
            if (c.unicode() >= u'A' && c.unicode() <= u'Z') {
                c = QChar(c.unicode() + 32);
            }
        }
        return s;
    }
    const QString decomposed = s.normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        const auto category = c.category();
        if (category == QChar::Mark_NonSpacing || category == QChar::Mark_SpacingCombining
            || category == QChar::Mark_Enclosing) {
            continue;
        }
        out.append(c);
    }
    out = out.toCaseFolded();
    // Letters without a decomposition that people write without their stroke all the same.
    static const QList<QPair<QChar, QString>> kSpelledOut {{QChar(0x00DF), QStringLiteral("ss")},
        {QChar(0x00F8), QStringLiteral("o")}, {QChar(0x00E6), QStringLiteral("ae")},
        {QChar(0x0153), QStringLiteral("oe")}, {QChar(0x0142), QStringLiteral("l")},
        {QChar(0x0111), QStringLiteral("d")}, {QChar(0x0131), QStringLiteral("i")}};
    for (const auto& [letter, spelled] : kSpelledOut) {
        out.replace(letter, spelled);
    }
    return out;
}

QStringList MappingEngine::closestLabels(const QString& value, const QList<ListItem>& items, int max)
{
    QList<const ListItem*> flat;
    flattenActive(items, &flat);
    QList<QPair<QString, QString>> labels;
    QSet<QString> seen;
    for (const ListItem* item : std::as_const(flat)) {
        if (item->name.trimmed().isEmpty() || seen.contains(item->name)) {
            continue;
        }
        seen.insert(item->name);
        labels.append({foldForLookup(item->name), item->name});
    }
    return closestFolded(foldForLookup(value), labels, max);
}

namespace {

QStringList closestFolded(const QString& folded, const QList<QPair<QString, QString>>& labels, int max)
{
    if (max <= 0) {
        return {};
    }
    struct Candidate
    {
        int distance;
        QString label;
        bool operator<(const Candidate& other) const
        {
            return distance != other.distance ? distance < other.distance : label < other.label;
        }
    };
    // The best `max` so far, sorted; anything at or beyond the worst kept one need not be computed exactly.
    std::vector<Candidate> candidates;
    candidates.reserve(size_t(max) + 1);
    for (const auto& [other, label] : labels) {
        // As far apart as two strings of these lengths can be: nothing in common, no use as a suggestion.
        const int worst
            = int(std::max(std::min<qsizetype>(folded.size(), 128), std::min<qsizetype>(other.size(), 128)));
        int bound = worst;
        if (qsizetype(candidates.size()) == max) {
            bound = std::min(bound, candidates.back().distance + 1);
        }
        const int distance = editDistance(folded, other, bound);
        if (distance >= bound) {
            continue;
        }
        Candidate candidate {distance, label};
        candidates.insert(std::upper_bound(candidates.begin(), candidates.end(), candidate), candidate);
        if (qsizetype(candidates.size()) > max) {
            candidates.pop_back();
        }
    }
    QStringList out;
    for (const auto& c : candidates) {
        if (out.size() >= max) {
            break;
        }
        out.append(c.label);
    }
    return out;
}

} // namespace

int MappingEngine::boundedEditDistance(QStringView a, QStringView b, int bound)
{
    return editDistance(a, b, bound);
}

QString MappingEngine::describeHire(const Hire& hire)
{
    QString name = hire.name.trimmed();
    if (name.isEmpty()) {
        name = QStringList {hire.firstName, hire.lastName}.join(QLatin1Char(' ')).trimmed();
    }
    return name.isEmpty() ? QStringLiteral("hire %1").arg(hire.applicationId)
                          : QStringLiteral("hire %1 (%2)").arg(hire.applicationId, name);
}

QString MappingEngine::describeRule(int index, const MappingRule& rule)
{
    const QString source = rule.transform.kind == Transform::Kind::Constant
        ? QStringLiteral("\"%1\"").arg(rule.transform.constant)
        : rule.source;
    // Counted from 1, as the admin counts the rows of the editor and the rules of an exported file.
    return QStringLiteral("rule %1 (%2 → %3)").arg(QString::number(index + 1), source, rule.target);
}
