#include "hris/Directory.h"
#include "models/DirectoryModel.h"
#include "models/FieldFilterProxyModel.h"
#include "models/ItemRoles.h"
#include "models/RecipientsModel.h"
#include "notify/Recipient.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

namespace {

Recipient recipient(const QString& name, const QString& email, Recipient::Source source, const QString& id = {})
{
    Recipient r;
    r.name = name;
    r.email = email;
    r.source = source;
    r.bobEmployeeId = id;
    return r;
}

DirectoryEntry entry(const QString& id, const QString& first, const QString& surname, const QString& email,
    bool active = true, const QString& display = {})
{
    DirectoryEntry e;
    e.id = id;
    e.firstName = first;
    e.surname = surname;
    e.email = email;
    e.active = active;
    e.displayName = display;
    return e;
}

Directory smallDirectory()
{
    Directory directory;
    directory.add(entry(QStringLiteral("1"), QStringLiteral("Zoë"), QStringLiteral("Ångström-Núñez"),
        QStringLiteral("zoe.angstrom@example.com")));
    directory.add(entry(
        QStringLiteral("2"), QStringLiteral("Łukasz"), QStringLiteral("Żółć"), QStringLiteral("lukasz@example.com")));
    directory.add(entry(QStringLiteral("3"), QStringLiteral("Søren"), QStringLiteral("Kierkegaard"), QString()));
    directory.add(entry(QStringLiteral("4"), QStringLiteral("Jürgen"), QStringLiteral("Weiß"),
        QStringLiteral("juergen@example.com"), false));
    directory.add(entry(QStringLiteral("5"), QStringLiteral("Chloé"), QStringLiteral("Dubois"),
        QStringLiteral(" Chloe.Dubois@Example.com "), true, QStringLiteral("Chloé D.")));
    directory.add(entry(QStringLiteral("6"), QStringLiteral("Broken"), QStringLiteral("Address"),
        QStringLiteral("broken-at-example.com")));
    return directory;
}

} // namespace

class TestRecipientsModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void setRecipients_list_showsColumnsAndRoles();
    void addRecipient_valid_appendsTrimmed();
    void addRecipient_invalidEmail_refused();
    void addRecipient_duplicateEmail_refusedCaseInsensitive();
    void removeRecipientAt_row_removesAndSignals();
    void removeRows_outOfRange_refused();
    void directoryModel_entries_namesReasonsAndFlags();
    void directoryModel_setRecipients_marksByEmailAndId();
    void directoryModel_filter_accentAndCaseInsensitive();
    void directoryModel_recipientAt_isBobDirectory();
};

void TestRecipientsModel::setRecipients_list_showsColumnsAndRoles()
{
    RecipientsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy changed(&model, &RecipientsModel::recipientsChanged);
    const QList<Recipient> list {
        recipient(QStringLiteral("Ana Admin"), QStringLiteral("ana@example.com"), Recipient::Source::SetupAdmin),
        recipient(QStringLiteral("Zoë Ångström"), QStringLiteral("zoe@example.com"), Recipient::Source::BobDirectory,
            QStringLiteral("42")),
        recipient(QString(), QStringLiteral("hr@example.com"), Recipient::Source::Typed),
    };
    model.setRecipients(list);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), int(RecipientsModel::ColumnCount));
    QCOMPARE(model.recipients(), list);
    QCOMPARE(model.index(1, RecipientsModel::NameColumn).data().toString(), QStringLiteral("Zoë Ångström"));
    QCOMPARE(model.index(1, RecipientsModel::EmailColumn).data().toString(), QStringLiteral("zoe@example.com"));
    QCOMPARE(model.index(0, RecipientsModel::SourceColumn).data().toString(), QStringLiteral("Set-up admin"));
    QCOMPARE(model.index(1, RecipientsModel::SourceColumn).data().toString(), QStringLiteral("From Bob"));
    QCOMPARE(model.index(2, RecipientsModel::SourceColumn).data().toString(), QStringLiteral("Typed"));
    QCOMPARE(model.index(1, RecipientsModel::NameColumn).data(ItemRoles::RecipientSourceRole).toInt(),
        int(Recipient::Source::BobDirectory));
    QCOMPARE(
        model.index(1, RecipientsModel::SourceColumn).data(ItemRoles::EmployeeIdRole).toString(), QStringLiteral("42"));
    QCOMPARE(model.index(2, RecipientsModel::NameColumn).data(ItemRoles::EmailRole).toString(),
        QStringLiteral("hr@example.com"));
    QVERIFY(!model.index(2, RecipientsModel::EmailColumn).data(Qt::ToolTipRole).toString().isEmpty());
    QCOMPARE(model.headerData(RecipientsModel::EmailColumn, Qt::Horizontal).toString(), QStringLiteral("E-mail"));
    QCOMPARE(model.rowOfEmail(QStringLiteral("  HR@Example.COM ")), 2);
    QCOMPARE(model.rowOfEmail(QStringLiteral("nobody@example.com")), -1);
    QCOMPARE(model.rowOfEmail(QString()), -1);
}

void TestRecipientsModel::addRecipient_valid_appendsTrimmed()
{
    RecipientsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &RecipientsModel::recipientsChanged);
    QCOMPARE(model.addRecipient(recipient(QStringLiteral("  Anna   Berg "), QStringLiteral(" anna.berg@example.com  "),
                 Recipient::Source::Typed)),
        RecipientsModel::AddResult::Added);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.recipientAt(0).name, QStringLiteral("Anna Berg"));
    QCOMPARE(model.recipientAt(0).email, QStringLiteral("anna.berg@example.com"));
    QCOMPARE(model.recipientAt(0).source, Recipient::Source::Typed);
}

void TestRecipientsModel::addRecipient_invalidEmail_refused()
{
    RecipientsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy changed(&model, &RecipientsModel::recipientsChanged);
    for (const QString& email : {QStringLiteral("anna"), QStringLiteral("anna@example"), QStringLiteral("a b@x.com"),
             QStringLiteral("@example.com"), QString()}) {
        QCOMPARE(model.addRecipient(recipient(QString(), email, Recipient::Source::Typed)),
            RecipientsModel::AddResult::InvalidEmail);
    }
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(changed.count(), 0);
}

void TestRecipientsModel::addRecipient_duplicateEmail_refusedCaseInsensitive()
{
    RecipientsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.addRecipient(recipient(QString(), QStringLiteral("hr@example.com"), Recipient::Source::Typed)),
        RecipientsModel::AddResult::Added);
    QCOMPARE(model.addRecipient(recipient(
                 QStringLiteral("HR team"), QStringLiteral("  HR@EXAMPLE.com"), Recipient::Source::BobDirectory)),
        RecipientsModel::AddResult::Duplicate);
    QCOMPARE(model.rowCount(), 1);
    QVERIFY(model.containsEmail(QStringLiteral("Hr@Example.Com")));
}

void TestRecipientsModel::removeRecipientAt_row_removesAndSignals()
{
    RecipientsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRecipients({recipient(QStringLiteral("A"), QStringLiteral("a@example.com"), Recipient::Source::Typed),
        recipient(QStringLiteral("B"), QStringLiteral("b@example.com"), Recipient::Source::SetupAdmin),
        recipient(QStringLiteral("C"), QStringLiteral("c@example.com"), Recipient::Source::Typed)});
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &RecipientsModel::recipientsChanged);
    const Recipient gone = model.removeRecipientAt(1);
    QCOMPARE(gone.email, QStringLiteral("b@example.com"));
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.at(0).at(1).toInt(), 1);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.recipientAt(1).email, QStringLiteral("c@example.com"));
}

void TestRecipientsModel::removeRows_outOfRange_refused()
{
    RecipientsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRecipients({recipient(QStringLiteral("A"), QStringLiteral("a@example.com"), Recipient::Source::Typed)});
    QVERIFY(!model.removeRows(1, 1));
    QVERIFY(!model.removeRows(0, 2));
    QVERIFY(!model.removeRows(-1, 1));
    QVERIFY(model.removeRows(0, 1));
    QCOMPARE(model.rowCount(), 0);
}

void TestRecipientsModel::directoryModel_entries_namesReasonsAndFlags()
{
    DirectoryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDirectory(smallDirectory());
    QCOMPARE(model.rowCount(), 6);
    QCOMPARE(model.index(0).data().toString(), QStringLiteral("Zoë Ångström-Núñez"));
    QCOMPARE(model.index(4).data().toString(), QStringLiteral("Chloé D.")); // display name wins
    QCOMPARE(model.index(4).data(ItemRoles::EmailRole).toString(), QStringLiteral("Chloe.Dubois@Example.com"));
    QCOMPARE(model.index(0).data(ItemRoles::EmployeeIdRole).toString(), QStringLiteral("1"));

    QVERIFY(model.index(0).flags() & Qt::ItemIsEnabled);
    QVERIFY(model.index(0).data(ItemRoles::UnavailableReasonRole).toString().isEmpty());
    // No e-mail, inactive, broken e-mail: shown, disabled, with the reason.
    for (const int row : {2, 3, 5}) {
        QVERIFY(!(model.index(row).flags() & Qt::ItemIsEnabled));
        QVERIFY(!(model.index(row).flags() & Qt::ItemIsSelectable));
        QVERIFY(!model.index(row).data(ItemRoles::UnavailableReasonRole).toString().isEmpty());
        QVERIFY(model.index(row).data(Qt::ToolTipRole).toString().contains(QStringLiteral("cannot be added")));
    }
    QVERIFY(model.unavailableReason(2).contains(QStringLiteral("e-mail")));
    QVERIFY(model.unavailableReason(3).contains(QStringLiteral("active")));

    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestRecipientsModel::directoryModel_setRecipients_marksByEmailAndId()
{
    DirectoryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRecipients({recipient(QString(), QStringLiteral("chloe.dubois@example.com"), Recipient::Source::Typed)});
    model.setDirectory(smallDirectory()); // marks survive a new directory
    QVERIFY(model.isRecipient(4));
    QVERIFY(!model.isRecipient(0));

    QSignalSpy dataChanged(&model, &QAbstractItemModel::dataChanged);
    model.setRecipients({recipient(QStringLiteral("Zoë"), QStringLiteral("other@example.com"),
        Recipient::Source::BobDirectory, QStringLiteral("1"))});
    QVERIFY(model.isRecipient(0)); // by employee id
    QVERIFY(!model.isRecipient(4));
    QCOMPARE(model.index(0).data(ItemRoles::AlreadyRecipientRole).toBool(), true);
    QCOMPARE(dataChanged.count(), 2); // only the two rows that changed
}

void TestRecipientsModel::directoryModel_filter_accentAndCaseInsensitive()
{
    DirectoryModel model;
    FieldFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDirectory(smallDirectory());

    proxy.setFilterText(QStringLiteral("zoe"));
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("Zoë Ångström-Núñez"));
    proxy.setFilterText(QStringLiteral("ANGSTROM nunez"));
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setFilterText(QStringLiteral("lukasz zolc"));
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setFilterText(QStringLiteral("example.com"));
    QCOMPARE(proxy.rowCount(), 5); // by e-mail; Søren has none
    proxy.setFilterText(QStringLiteral("dubois")); // the legal surname, though the display name is "Chloé D."
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setFilterText(QStringLiteral("nobody"));
    QCOMPARE(proxy.rowCount(), 0);
    proxy.setFilterText(QString());
    QCOMPARE(proxy.rowCount(), 6);
}

void TestRecipientsModel::directoryModel_recipientAt_isBobDirectory()
{
    DirectoryModel model;
    model.setDirectory(smallDirectory());
    const Recipient r = model.recipientAt(4);
    QCOMPARE(r.name, QStringLiteral("Chloé D."));
    QCOMPARE(r.email, QStringLiteral("Chloe.Dubois@Example.com"));
    QCOMPARE(r.source, Recipient::Source::BobDirectory);
    QCOMPARE(r.bobEmployeeId, QStringLiteral("5"));
    QVERIFY(Recipient::isValidEmail(r.email));

    DirectoryEntry noNames = entry(QStringLiteral("9"), QString(), QString(), QStringLiteral("ghost@example.com"));
    QCOMPARE(DirectoryModel::displayName(noNames), QStringLiteral("ghost@example.com"));
}

QTEST_GUILESS_MAIN(TestRecipientsModel)
#include "test_recipientsmodel.moc"
