#include "GuiTestSupport.h"
#include "MessageBox.h"
#include "hris/Directory.h"
#include "models/ItemRoles.h"
#include "models/RecipientsModel.h"
#include "notify/Recipient.h"
#include "recipients/RecipientsEditor.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStyle>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QVBoxLayout>

namespace {

const QStringList FirstNames {
    QStringLiteral("Łukasz"),
    QStringLiteral("Søren"),
    QStringLiteral("Aoife"),
    QStringLiteral("José María"),
    QStringLiteral("Björk"),
    QStringLiteral("Minh"),
    QStringLiteral("Ayşe"),
    QStringLiteral("François"),
    QStringLiteral("Mårten"),
    QStringLiteral("Antonín"),
    QStringLiteral("Chloé"),
    QStringLiteral("Siobhán"),
    QStringLiteral("Jürgen"),
    QStringLiteral("Zeynep"),
    QStringLiteral("Małgorzata"),
    QStringLiteral("Ngozi"),
    QStringLiteral("Priya"),
    QStringLiteral("Hiroshi"),
    QStringLiteral("Inês"),
    QStringLiteral("Olúwaségun"),
};

const QStringList Surnames {
    QStringLiteral("Żółć"),
    QStringLiteral("Kierkegaard"),
    QStringLiteral("Ní Bhriain"),
    QStringLiteral("Gómez"),
    QStringLiteral("Guðmundsdóttir"),
    QStringLiteral("Nguyễn"),
    QStringLiteral("Yılmaz"),
    QStringLiteral("Lefèvre"),
    QStringLiteral("Öberg"),
    QStringLiteral("Dvořák"),
};

QString asciiSlug(const QString& text)
{
    QString plain = text;
    plain
        .replace(QChar(0x00F0), QLatin1Char('d')) // ð
        .replace(QChar(0x0142), QLatin1Char('l')) // ł
        .replace(QChar(0x0141), QLatin1Char('l')) // Ł
        .replace(QChar(0x00F8), QLatin1Char('o')) // ø
        .replace(QChar(0x0131), QLatin1Char('i')); // ı
    QString slug;
    for (const QChar c : plain.normalized(QString::NormalizationForm_KD)) {
        if (c.unicode() < 128 && c.isLetter()) {
            slug.append(c.toLower());
        }
    }
    return slug;
}

// 200 people; exactly one Zoë. Every 23rd has no e-mail, every 31st left the company.
Directory generateDirectory()
{
    Directory directory;
    for (int n = 0; n < 200; ++n) {
        DirectoryEntry entry;
        entry.id = QStringLiteral("3%1").arg(n * 7919);
        if (n == 138) {
            entry.firstName = QStringLiteral("Zoë");
            entry.surname = QStringLiteral("Ångström-Núñez");
        } else {
            entry.firstName = FirstNames.at(n % FirstNames.size());
            entry.surname = Surnames.at((n / FirstNames.size()) % Surnames.size());
        }
        entry.displayName = entry.firstName + QLatin1Char(' ') + entry.surname;
        if (n % 23 != 22) {
            entry.email = QStringLiteral("%1.%2%3@example.com")
                              .arg(asciiSlug(entry.firstName), asciiSlug(entry.surname))
                              .arg(n == 138 ? QString() : QString::number(n));
        }
        entry.active = n % 31 != 30;
        directory.add(entry);
    }
    return directory;
}

Recipient recipient(const QString& name, const QString& email, Recipient::Source source, const QString& id = {})
{
    Recipient r;
    r.name = name;
    r.email = email;
    r.source = source;
    r.bobEmployeeId = id;
    return r;
}

QList<Recipient> sampleRecipients()
{
    return {
        recipient(QStringLiteral("Ana Admin"), QStringLiteral("ana.admin@example.com"), Recipient::Source::SetupAdmin),
        recipient(QStringLiteral("Björk Guðmundsdóttir"), QStringLiteral("bjork.gudmundsdottir84@example.com"),
            Recipient::Source::BobDirectory, QStringLiteral("3665196")),
        recipient(QString(), QStringLiteral("people-team@example.com"), Recipient::Source::Typed),
    };
}

using GuiTest::darkPalette;

template <typename T> T* child(QWidget* parent, const char* name)
{
    return parent->findChild<T*>(QString::fromLatin1(name));
}

// Where the editor lives in the wizard and the Settings dialog: a window with the usual margins around it.
struct Host
{
    QWidget window;
    RecipientsEditor* editor = nullptr;

    explicit Host(const QSize& size = QSize(640, 520))
    {
        auto* layout = new QVBoxLayout(&window);
        layout->setContentsMargins(16, 16, 16, 16);
        editor = new RecipientsEditor(&window);
        layout->addWidget(editor);
        window.resize(size);
    }
};

} // namespace

class TestRecipientsEditor : public QObject
{
    Q_OBJECT
private:
    void saveScreenshot(QWidget* widget, const QString& name);
    bool showHost(Host& host);

    QString m_screenshotDir;
    Directory m_directory;

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void emptyList_showsEmptyState();
    void addByEmail_typeAndClickAdd_addsTypedRecipient();
    void addByEmail_invalidEmail_buttonDisabledWithMessage();
    void addByEmail_duplicate_refusedWithMessage();
    void directorySearch_typingZoe_requestsOnceFindsZoeAndEnterAdds();
    void directoryResults_doubleClick_addsAndMarksPerson();
    void directoryResults_noEmail_disabledWithReason();
    void directoryError_retry_requestsAgain();
    void deleteKey_selectedRecipient_removes();
    void removeSetupAdmin_asksFirst();
    void inADialog_returnAddsWithoutClosing_andRemoveResetsTheState();
    void screenshots_lightAndDark_saved();
};

void TestRecipientsEditor::initTestCase()
{
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    m_directory = generateDirectory();
    m_screenshotDir = GuiTest::screenshotDir();
}

void TestRecipientsEditor::cleanup()
{
    QApplication::setPalette(QApplication::style()->standardPalette());
    MessageBox::setNextAnswer(QMessageBox::NoButton);
}

void TestRecipientsEditor::saveScreenshot(QWidget* widget, const QString& name)
{
    QApplication::processEvents();
    const QString path = QDir(m_screenshotDir).filePath(name + QStringLiteral(".png"));
    QVERIFY2(widget->grab().save(path), qPrintable(path));
    qInfo().noquote() << "screenshot:" << path;
}

bool TestRecipientsEditor::showHost(Host& host)
{
    host.window.show();
    host.window.activateWindow();
    return QTest::qWaitForWindowExposed(&host.window);
}

void TestRecipientsEditor::emptyList_showsEmptyState()
{
    Host host;
    QVERIFY(showHost(host));
    auto* empty = child<QLabel>(host.editor, "recipientsEmptyLabel");
    auto* view = child<QTableView>(host.editor, "recipientsView");
    QVERIFY(empty && view);
    QVERIFY(empty->isVisible());
    QVERIFY(!view->isVisible());
    QCOMPARE(empty->text(), QStringLiteral("Nobody will be told about new hires yet. Add yourself or your HR team."));
    QVERIFY(!child<QPushButton>(host.editor, "removeRecipientButton")->isEnabled());

    host.editor->setRecipients(sampleRecipients());
    QVERIFY(!empty->isVisible());
    QVERIFY(view->isVisible());
    QCOMPARE(view->model()->rowCount(), 3);
}

void TestRecipientsEditor::addByEmail_typeAndClickAdd_addsTypedRecipient()
{
    Host host;
    QVERIFY(showHost(host));
    auto* view = child<QTableView>(host.editor, "recipientsView");
    QAbstractItemModelTester tester(view->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy changed(host.editor, &RecipientsEditor::changed);
    child<QTabWidget>(host.editor, "addRecipientTabs")->setCurrentIndex(1);
    auto* name = child<QLineEdit>(host.editor, "typedName");
    auto* email = child<QLineEdit>(host.editor, "typedEmail");
    auto* add = child<QPushButton>(host.editor, "addTypedButton");
    QVERIFY(name && email && add);
    QVERIFY(!add->isEnabled()); // nothing typed yet

    QTest::keyClicks(name, QStringLiteral("Anna Berg"));
    QTest::keyClicks(email, QStringLiteral("anna.berg@example.com"));
    QVERIFY(add->isEnabled());
    QTest::mouseClick(add, Qt::LeftButton);

    QCOMPARE(changed.count(), 1);
    const QList<Recipient> expected {
        recipient(QStringLiteral("Anna Berg"), QStringLiteral("anna.berg@example.com"), Recipient::Source::Typed)};
    QCOMPARE(host.editor->recipients(), expected);
    QCOMPARE(view->model()->rowCount(), 1);
    QVERIFY(view->isVisible());
    QVERIFY(name->text().isEmpty());
    QVERIFY(email->text().isEmpty());
    auto* message = child<QLabel>(host.editor, "typedEmailMessage");
    QVERIFY(message->isVisible());
    QVERIFY2(message->text().contains(QStringLiteral("Added Anna Berg")), qPrintable(message->text()));

    // A name is optional; Enter in the e-mail field adds too.
    QTest::keyClicks(email, QStringLiteral("hr@example.com"));
    QTest::keyClick(email, Qt::Key_Return);
    QCOMPARE(changed.count(), 2);
    QCOMPARE(host.editor->recipients().size(), 2);
    QCOMPARE(host.editor->recipients().at(1).name, QString());
    QCOMPARE(host.editor->recipients().at(1).source, Recipient::Source::Typed);
}

void TestRecipientsEditor::addByEmail_invalidEmail_buttonDisabledWithMessage()
{
    Host host;
    QVERIFY(showHost(host));
    QSignalSpy changed(host.editor, &RecipientsEditor::changed);
    child<QTabWidget>(host.editor, "addRecipientTabs")->setCurrentIndex(1);
    auto* email = child<QLineEdit>(host.editor, "typedEmail");
    auto* add = child<QPushButton>(host.editor, "addTypedButton");
    auto* message = child<QLabel>(host.editor, "typedEmailMessage");

    const QList<QPair<QString, QString>> cases {
        {QStringLiteral("anna.example.com"), QStringLiteral("@")},
        {QStringLiteral("anna@example"), QStringLiteral("dot")},
        {QStringLiteral("anna berg@example.com"), QStringLiteral("space")},
        {QStringLiteral("anna@@example.com"), QStringLiteral("more than one @")},
        {QStringLiteral("<anna@example.com>"), QStringLiteral("without")},
        {QStringLiteral("anna@example.c"), QStringLiteral("ends too early")},
    };
    for (const auto& [typed, problem] : cases) {
        email->clear();
        QTest::keyClicks(email, typed);
        QVERIFY2(!add->isEnabled(), qPrintable(typed));
        QVERIFY2(message->isVisible(), qPrintable(typed));
        QVERIFY2(message->text().contains(problem), qPrintable(typed + QStringLiteral(": ") + message->text()));
        QTest::mouseClick(add, Qt::LeftButton);
        QTest::keyClick(email, Qt::Key_Return);
    }
    QCOMPARE(changed.count(), 0);
    QVERIFY(host.editor->recipients().isEmpty());

    // Fixing the typo clears the message and enables the button.
    email->clear();
    QTest::keyClicks(email, QStringLiteral("anna@example.com"));
    QVERIFY(add->isEnabled());
    QVERIFY(!message->isVisible());
}

void TestRecipientsEditor::addByEmail_duplicate_refusedWithMessage()
{
    Host host;
    host.editor->setRecipients(sampleRecipients());
    QVERIFY(showHost(host));
    QSignalSpy changed(host.editor, &RecipientsEditor::changed);
    child<QTabWidget>(host.editor, "addRecipientTabs")->setCurrentIndex(1);
    auto* email = child<QLineEdit>(host.editor, "typedEmail");
    auto* add = child<QPushButton>(host.editor, "addTypedButton");
    auto* message = child<QLabel>(host.editor, "typedEmailMessage");

    QTest::keyClicks(email, QStringLiteral("  People-Team@Example.COM "));
    QVERIFY(!add->isEnabled());
    QVERIFY(message->isVisible());
    QVERIFY2(message->text().contains(QStringLiteral("already on the list")), qPrintable(message->text()));
    QTest::mouseClick(add, Qt::LeftButton);
    QTest::keyClick(email, Qt::Key_Return);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(host.editor->recipients(), sampleRecipients());
}

void TestRecipientsEditor::directorySearch_typingZoe_requestsOnceFindsZoeAndEnterAdds()
{
    Host host;
    host.editor->setRecipients(sampleRecipients());
    QVERIFY(showHost(host));
    QSignalSpy requested(host.editor, &RecipientsEditor::directoryRequested);
    QSignalSpy changed(host.editor, &RecipientsEditor::changed);
    auto* search = child<QLineEdit>(host.editor, "directorySearch");
    auto* results = child<QListView>(host.editor, "directoryResults");
    auto* placeholder = child<QLabel>(host.editor, "directoryResultsPlaceholder");
    QVERIFY(search && results && placeholder);
    QVERIFY(placeholder->isVisible());
    QCOMPARE(requested.count(), 0); // nothing fetched before the admin searches

    search->setFocus();
    QTest::keyClicks(search, QStringLiteral("zoe"));
    QCOMPARE(requested.count(), 1); // once, not once per key
    QVERIFY2(placeholder->text().contains(QStringLiteral("Loading")), qPrintable(placeholder->text()));
    host.editor->setDirectoryLoading(true);
    QTest::keyClicks(search, QStringLiteral(" "));
    QCOMPARE(requested.count(), 1);

    host.editor->setDirectory(m_directory);
    QAbstractItemModelTester tester(results->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(results->isVisible());
    QCOMPARE(results->model()->rowCount(), 1);
    QCOMPARE(results->model()->index(0, 0).data().toString(), QStringLiteral("Zoë Ångström-Núñez"));

    QTest::keyClick(search, Qt::Key_Return);
    QCOMPARE(changed.count(), 1);
    const Recipient added = host.editor->recipients().constLast();
    QCOMPARE(added.name, QStringLiteral("Zoë Ångström-Núñez"));
    QCOMPARE(added.email, QStringLiteral("zoe.angstromnunez@example.com"));
    QCOMPARE(added.source, Recipient::Source::BobDirectory);
    QCOMPARE(added.bobEmployeeId, QStringLiteral("3%1").arg(138 * 7919));
    QVERIFY(results->model()->index(0, 0).data(ItemRoles::AlreadyRecipientRole).toBool());
    QVERIFY(!child<QPushButton>(host.editor, "addFromBobButton")->isEnabled());
    auto* view = child<QTableView>(host.editor, "recipientsView");
    QCOMPARE(view->model()->index(3, RecipientsModel::SourceColumn).data().toString(), QStringLiteral("From Bob"));

    // Enter again does not add her twice, and says so.
    QTest::keyClick(search, Qt::Key_Return);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(host.editor->recipients().size(), 4);
    auto* message = child<QLabel>(host.editor, "directoryMessage");
    QVERIFY2(message->text().contains(QStringLiteral("already on the list")), qPrintable(message->text()));

    // Accent- and case-insensitive both ways, over names and e-mails.
    search->clear();
    QTest::keyClicks(search, QStringLiteral("LUKASZ zolc"));
    QVERIFY(results->model()->rowCount() > 0);
    for (int row = 0; row < results->model()->rowCount(); ++row) {
        QVERIFY(results->model()->index(row, 0).data().toString().startsWith(QStringLiteral("Łukasz Żółć")));
    }
    search->clear();
    QTest::keyClicks(search, QStringLiteral("JÜRGEN")); // Latin-1 is all QTest::keyClicks can type
    QVERIFY(results->model()->rowCount() > 0);
    QVERIFY(results->model()->index(0, 0).data().toString().startsWith(QStringLiteral("Jürgen ")));
    search->clear();
    QTest::keyClicks(search, QStringLiteral("GUDMUNDSDOTTIR84@"));
    QCOMPARE(results->model()->rowCount(), 1);
    QVERIFY(results->model()->index(0, 0).data(ItemRoles::AlreadyRecipientRole).toBool());
    search->clear();
    QTest::keyClicks(search, QStringLiteral("nobody like this"));
    QCOMPARE(results->model()->rowCount(), 0);
    QVERIFY(placeholder->isVisible());
    QVERIFY2(placeholder->text().contains(QStringLiteral("Nobody in Bob matches")), qPrintable(placeholder->text()));
    QCOMPARE(requested.count(), 1);

    // Enter on a result in the list adds that person too.
    search->clear();
    QTest::keyClicks(search, QStringLiteral("siobhan"));
    QVERIFY(results->model()->rowCount() > 1);
    const QModelIndex first = results->currentIndex();
    QVERIFY(first.isValid());
    QTest::keyClick(search, Qt::Key_Down);
    const QModelIndex second = results->currentIndex();
    QVERIFY(second.row() > first.row());
    QVERIFY(second.flags() & Qt::ItemIsEnabled);
    results->setFocus();
    QTest::keyClick(results, Qt::Key_Return);
    QCOMPARE(changed.count(), 2);
    QCOMPARE(host.editor->recipients().constLast().email, second.data(ItemRoles::EmailRole).toString());
}

void TestRecipientsEditor::directoryResults_doubleClick_addsAndMarksPerson()
{
    Host host;
    QVERIFY(showHost(host));
    host.editor->setDirectory(m_directory);
    QSignalSpy requested(host.editor, &RecipientsEditor::directoryRequested);
    QSignalSpy changed(host.editor, &RecipientsEditor::changed);
    auto* search = child<QLineEdit>(host.editor, "directorySearch");
    auto* results = child<QListView>(host.editor, "directoryResults");
    QTest::keyClicks(search, QStringLiteral("chloe"));
    QCOMPARE(requested.count(), 0); // a directory is already there
    QVERIFY(results->model()->rowCount() > 0);
    QModelIndex first;
    for (int row = 0; row < results->model()->rowCount() && !first.isValid(); ++row) {
        if (results->model()->index(row, 0).flags() & Qt::ItemIsEnabled) {
            first = results->model()->index(row, 0);
        }
    }
    QVERIFY(first.isValid());
    const QRect rect = results->visualRect(first);
    QVERIFY(results->viewport()->rect().contains(rect.center()));
    // What a real double-click delivers: press and release, then the double-click (QTest sends only the latter).
    QTest::mouseClick(results->viewport(), Qt::LeftButton, {}, rect.center());
    QTest::mouseDClick(results->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(host.editor->recipients().size(), 1);
    QCOMPARE(host.editor->recipients().at(0).source, Recipient::Source::BobDirectory);
    QVERIFY(first.data(ItemRoles::AlreadyRecipientRole).toBool());

    // Removing her clears the mark.
    auto* view = child<QTableView>(host.editor, "recipientsView");
    view->selectRow(0);
    QTest::mouseClick(child<QPushButton>(host.editor, "removeRecipientButton"), Qt::LeftButton);
    QCOMPARE(changed.count(), 2);
    QVERIFY(host.editor->recipients().isEmpty());
    QVERIFY(!first.data(ItemRoles::AlreadyRecipientRole).toBool());
}

void TestRecipientsEditor::directoryResults_noEmail_disabledWithReason()
{
    Host host;
    QVERIFY(showHost(host));
    host.editor->setDirectory(m_directory);
    QSignalSpy changed(host.editor, &RecipientsEditor::changed);
    auto* search = child<QLineEdit>(host.editor, "directorySearch");
    auto* results = child<QListView>(host.editor, "directoryResults");
    // Every 23rd person has no e-mail in Bob: find one by name.
    const DirectoryEntry noEmail = m_directory.entries().at(22);
    QVERIFY(noEmail.email.isEmpty());
    QTest::keyClicks(search, noEmail.displayName);
    int row = -1;
    for (int r = 0; r < results->model()->rowCount(); ++r) {
        if (results->model()->index(r, 0).data(ItemRoles::EmployeeIdRole).toString() == noEmail.id) {
            row = r;
        }
    }
    QVERIFY(row >= 0);
    const QModelIndex index = results->model()->index(row, 0);
    QVERIFY(!(index.flags() & Qt::ItemIsEnabled));
    QVERIFY2(index.data(ItemRoles::UnavailableReasonRole).toString().contains(QStringLiteral("No work e-mail")),
        qPrintable(index.data(ItemRoles::UnavailableReasonRole).toString()));
    QTest::mouseClick(results->viewport(), Qt::LeftButton, {}, results->visualRect(index).center());
    QTest::mouseDClick(results->viewport(), Qt::LeftButton, {}, results->visualRect(index).center());
    QCOMPARE(changed.count(), 0);
    QVERIFY(host.editor->recipients().isEmpty());
}

void TestRecipientsEditor::directoryError_retry_requestsAgain()
{
    Host host;
    QVERIFY(showHost(host));
    QSignalSpy requested(host.editor, &RecipientsEditor::directoryRequested);
    auto* search = child<QLineEdit>(host.editor, "directorySearch");
    QTest::keyClicks(search, QStringLiteral("ann"));
    QCOMPARE(requested.count(), 1);
    host.editor->setDirectoryError(QStringLiteral("Bob answered 403: the service user may not read people."));
    auto* placeholder = child<QLabel>(host.editor, "directoryResultsPlaceholder");
    auto* retry = child<QPushButton>(host.editor, "retryDirectoryButton");
    QVERIFY(placeholder->isVisible());
    QVERIFY2(placeholder->text().contains(QStringLiteral("403")), qPrintable(placeholder->text()));
    QVERIFY(retry->isVisible());
    QTest::keyClicks(search, QStringLiteral("a"));
    QCOMPARE(requested.count(), 1); // typing does not hammer Bob after an error
    QTest::mouseClick(retry, Qt::LeftButton);
    QCOMPARE(requested.count(), 2);
    QVERIFY(!retry->isVisible());
    host.editor->setDirectory(m_directory);
    QVERIFY(!retry->isVisible());
    QVERIFY2(
        placeholder->text().contains(QStringLiteral("Nobody in Bob matches “anna”")), qPrintable(placeholder->text()));
    search->clear();
    QTest::keyClicks(search, QStringLiteral("aoife"));
    QVERIFY(child<QListView>(host.editor, "directoryResults")->isVisible());
    QCOMPARE(requested.count(), 2);
}

void TestRecipientsEditor::deleteKey_selectedRecipient_removes()
{
    Host host;
    host.editor->setRecipients(sampleRecipients());
    QVERIFY(showHost(host));
    QSignalSpy changed(host.editor, &RecipientsEditor::changed);
    auto* view = child<QTableView>(host.editor, "recipientsView");
    auto* remove = child<QPushButton>(host.editor, "removeRecipientButton");
    QVERIFY(!remove->isEnabled());
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
        view->visualRect(view->model()->index(2, RecipientsModel::EmailColumn)).center());
    QVERIFY(remove->isEnabled());
    QTest::keyClick(view, Qt::Key_Delete);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(host.editor->recipients().size(), 2);
    QVERIFY(!host.editor->recipients().contains(sampleRecipients().at(2)));

    // The next row is selected, so Delete can go on; the Bob pick goes without a question.
    QCOMPARE(view->currentIndex().row(), 1);
    QTest::keyClick(view, Qt::Key_Delete);
    QCOMPARE(changed.count(), 2);
    QCOMPARE(host.editor->recipients(), QList<Recipient> {sampleRecipients().at(0)});
}

void TestRecipientsEditor::removeSetupAdmin_asksFirst()
{
    Host host;
    host.editor->setRecipients(sampleRecipients());
    QVERIFY(showHost(host));
    QSignalSpy changed(host.editor, &RecipientsEditor::changed);
    auto* view = child<QTableView>(host.editor, "recipientsView");
    auto* remove = child<QPushButton>(host.editor, "removeRecipientButton");
    view->selectRow(0);

    MessageBox::setNextAnswer(QMessageBox::No);
    QTest::mouseClick(remove, Qt::LeftButton);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(host.editor->recipients().size(), 3);

    MessageBox::setNextAnswer(QMessageBox::Yes);
    QTest::keyClick(view, Qt::Key_Delete);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(host.editor->recipients().size(), 2);
    QCOMPARE(host.editor->recipients().at(0).source, Recipient::Source::BobDirectory);

    // Down to nobody: the empty state says what to do.
    view->selectAll();
    QTest::mouseClick(remove, Qt::LeftButton);
    QVERIFY(host.editor->recipients().isEmpty());
    QVERIFY(child<QLabel>(host.editor, "recipientsEmptyLabel")->isVisible());
}

void TestRecipientsEditor::inADialog_returnAddsWithoutClosing_andRemoveResetsTheState()
{
    // As in Settings → Notifications: the editor in a dialog whose default button is OK.
    QDialog dialog;
    auto* layout = new QVBoxLayout(&dialog);
    auto* editor = new RecipientsEditor(&dialog);
    layout->addWidget(editor);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    buttons->button(QDialogButtonBox::Ok)->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    editor->setRecipients(sampleRecipients());
    editor->setDirectory(m_directory);
    dialog.resize(900, 560);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QSignalSpy accepted(&dialog, &QDialog::accepted);

    // Add by e-mail, Return in the field: added, the dialog stays open.
    auto* tabs = child<QTabWidget>(editor, "addRecipientTabs");
    QVERIFY(tabs);
    tabs->setCurrentWidget(child<QWidget>(editor, "addByEmailTab"));
    auto* email = child<QLineEdit>(editor, "typedEmail");
    email->setFocus();
    QTest::keyClicks(email, QStringLiteral("payroll@example.com"));
    QTest::keyClick(email, Qt::Key_Return);
    QCOMPARE(editor->recipients().size(), 4);
    QCOMPARE(accepted.count(), 0);
    QVERIFY(dialog.isVisible());

    // From Bob: Return in the search field and in the results list add, and do not close either.
    tabs->setCurrentIndex(0);
    auto* search = child<QLineEdit>(editor, "directorySearch");
    search->setFocus();
    QTest::keyClicks(search, QStringLiteral("zoe"));
    QTest::keyClick(search, Qt::Key_Return);
    QCOMPARE(editor->recipients().size(), 5);
    auto* message = child<QLabel>(editor, "directoryMessage");
    QVERIFY(message);
    QVERIFY2(message->text().startsWith(QStringLiteral("Added")), qPrintable(message->text()));
    QCOMPARE(accepted.count(), 0);
    auto* addPerson = child<QPushButton>(editor, "addFromBobButton");
    QVERIFY(!addPerson->isEnabled()); // Zoë is on the list now

    // Remove Zoë again (the last row): the message goes, she can be added again, the selection stays at the end.
    auto* view = child<QTableView>(editor, "recipientsView");
    view->setFocus();
    view->selectRow(4);
    QTest::keyClick(view, Qt::Key_Delete);
    QCOMPARE(editor->recipients().size(), 4);
    QVERIFY2(message->text().isEmpty() || !message->isVisible(), qPrintable(message->text()));
    QVERIFY(addPerson->isEnabled());
    QCOMPARE(view->currentIndex().row(), 3);
    QCOMPARE(view->selectionModel()->selectedRows().size(), 1);
    // Remove the second row: the one after it moves up and is selected, not the admin's row at the top.
    view->selectRow(1);
    const QString third = editor->recipients().at(2).email;
    QTest::keyClick(view, Qt::Key_Delete);
    QCOMPARE(view->currentIndex().row(), 1);
    QCOMPARE(view->model()->index(1, RecipientsModel::EmailColumn).data().toString(), third);
    QCOMPARE(accepted.count(), 0);

    // Addresses get the room the names leave: none of these is elided at this width.
    for (int row = 0; row < view->model()->rowCount(); ++row) {
        const QString address = view->model()->index(row, RecipientsModel::EmailColumn).data().toString();
        const int needed = view->fontMetrics().horizontalAdvance(address) + 16;
        QVERIFY2(view->columnWidth(RecipientsModel::EmailColumn) >= needed,
            qPrintable(QStringLiteral("%1: %2 < %3")
                           .arg(address)
                           .arg(view->columnWidth(RecipientsModel::EmailColumn))
                           .arg(needed)));
    }
}

void TestRecipientsEditor::screenshots_lightAndDark_saved()
{
    for (const bool dark : {false, true}) {
        if (dark) {
            QApplication::setPalette(darkPalette());
        }
        const QString palette = dark ? QStringLiteral("dark") : QStringLiteral("light");
        for (const QSize size : {QSize(520, 420), QSize(900, 640)}) {
            Host host(size);
            host.editor->setRecipients(sampleRecipients());
            QVERIFY(showHost(host));
            host.editor->setDirectory(m_directory);
            QTest::keyClicks(child<QLineEdit>(host.editor, "directorySearch"), QStringLiteral("chlo"));
            QCOMPARE(host.window.size(), size);
            saveScreenshot(
                &host.window, QStringLiteral("recipients-%1-%2x%3").arg(palette).arg(size.width()).arg(size.height()));

            child<QTabWidget>(host.editor, "addRecipientTabs")->setCurrentIndex(1);
            QTest::keyClicks(child<QLineEdit>(host.editor, "typedName"), QStringLiteral("Payroll"));
            QTest::keyClicks(child<QLineEdit>(host.editor, "typedEmail"), QStringLiteral("payroll@example"));
            saveScreenshot(&host.window,
                QStringLiteral("recipients-%1-%2x%3-typed").arg(palette).arg(size.width()).arg(size.height()));
        }
        Host empty(QSize(520, 420));
        QVERIFY(showHost(empty));
        saveScreenshot(&empty.window, QStringLiteral("recipients-%1-empty").arg(palette));
    }
}

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    app.setApplicationName(QStringLiteral("Hirebridge"));
    TestRecipientsEditor test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_recipientseditor.moc"
