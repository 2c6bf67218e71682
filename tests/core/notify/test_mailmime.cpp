#include "MailFile.h"
#include "notify/Recipient.h"
#include "notify/SmtpConfig.h"
#include "notify/SmtpSender.h"

#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

namespace {

SmtpConfig config()
{
    SmtpConfig c;
    c.host = QStringLiteral("smtp.example.com");
    c.fromAddress = QStringLiteral("hirebridge@example.com");
    c.fromName = QStringLiteral("Hirebridge");
    return c;
}

MailMessage message()
{
    MailMessage m;
    m.to = QStringList {QStringLiteral("ada@example.com")};
    m.subject = QStringLiteral("Hirebridge: 2 hires sent to Bob");
    m.textBody = QStringLiteral("Hello\nWorld\n");
    m.htmlBody = QStringLiteral("<p>Hello</p>");
    return m;
}

// Every line ends in CRLF (no bare LF or CR) and no line is over 998 bytes.
void verifyLines(const QByteArray& mime)
{
    QVERIFY(mime.endsWith("\r\n"));
    const QList<QByteArray> lines = mime.split('\n');
    for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
        QVERIFY2(lines.at(i).endsWith('\r'), lines.at(i).constData());
        QVERIFY2(!lines.at(i).chopped(1).contains('\r'), lines.at(i).constData());
        QVERIFY2(lines.at(i).size() <= 999, lines.at(i).left(80).constData());
    }
}

} // namespace

class TestMailMime : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void buildMime_headersAndAlternatives()
    {
        const QDateTime date(QDate(2026, 1, 13), QTime(10, 5, 9), QTimeZone(3600));
        MailMessage m = message();
        m.messageId = QStringLiteral("<abc.123@example.com>");
        const QByteArray mime = SmtpSender::buildMime(config(), m, date);
        verifyLines(mime);
        const MailFile mail = MailFile::parse(mime);
        QCOMPARE(mail.header(QStringLiteral("Date")), QStringLiteral("Tue, 13 Jan 2026 10:05:09 +0100"));
        QCOMPARE(mail.header(QStringLiteral("From")), QStringLiteral("\"Hirebridge\" <hirebridge@example.com>"));
        QCOMPARE(mail.header(QStringLiteral("To")), QStringLiteral("ada@example.com"));
        QCOMPARE(mail.header(QStringLiteral("Subject")), QStringLiteral("Hirebridge: 2 hires sent to Bob"));
        QCOMPARE(mail.header(QStringLiteral("Message-ID")), QStringLiteral("<abc.123@example.com>"));
        QCOMPARE(mail.header(QStringLiteral("MIME-Version")), QStringLiteral("1.0"));
        QVERIFY(mail.header(QStringLiteral("Content-Type")).startsWith(QLatin1StringView("multipart/alternative")));
        QCOMPARE(mail.parts().size(), 2);
        QCOMPARE(
            mail.parts().at(0).header(QStringLiteral("Content-Type")), QStringLiteral("text/plain; charset=UTF-8"));
        QCOMPARE(mail.parts().at(1).header(QStringLiteral("Content-Type")), QStringLiteral("text/html; charset=UTF-8"));
        // The CRLF before a boundary belongs to the boundary: the bodies come back exactly.
        QCOMPARE(mail.text(), QStringLiteral("Hello\nWorld\n"));
        QCOMPARE(mail.html(), QStringLiteral("<p>Hello</p>"));
    }

    void buildMime_generatedMessageIdAndDate()
    {
        const QByteArray mime = SmtpSender::buildMime(config(), message());
        const MailFile mail = MailFile::parse(mime);
        QVERIFY(QRegularExpression(QStringLiteral("^<[0-9a-f-]{36}@example\\.com>$"))
                    .match(mail.header(QStringLiteral("Message-ID")))
                    .hasMatch());
        QVERIFY2(QRegularExpression(
                     QStringLiteral(
                         "^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d\\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) "
                         "\\d{4} \\d\\d:\\d\\d:\\d\\d [+-]\\d{4}$"))
                     .match(mail.header(QStringLiteral("Date")))
                     .hasMatch(),
            qPrintable(mail.header(QStringLiteral("Date"))));
        QVERIFY(mime.contains("Auto-Submitted: auto-generated\r\n"));
    }

    void buildMime_unicodeSubjectAndNameAreEncoded()
    {
        SmtpConfig c = config();
        c.fromName = QStringLiteral("Zoë's \"HR\" bot");
        MailMessage m = message();
        m.subject = QStringLiteral("Hirebridge: Zoë Ångström 🌸 and שרה לוי — ") + QString(60, QLatin1Char('x'));
        const QByteArray mime = SmtpSender::buildMime(c, m);
        verifyLines(mime);
        const QByteArray head = mime.left(mime.indexOf("\r\n\r\n"));
        for (const char byte : head) {
            QVERIFY2(static_cast<unsigned char>(byte) < 0x80, "headers are 7-bit");
        }
        for (const auto& line : head.split('\n')) {
            QVERIFY2(line.size() <= 79, line.constData()); // folded: 78 + CR
        }
        const MailFile mail = MailFile::parse(mime);
        QVERIFY(mail.header(QStringLiteral("Subject")).startsWith(QLatin1StringView("=?UTF-8?B?")));
        QCOMPARE(mail.decodedHeader(QStringLiteral("Subject")), m.subject);
        QCOMPARE(
            mail.decodedHeader(QStringLiteral("From")), QStringLiteral("Zoë's \"HR\" bot <hirebridge@example.com>"));
    }

    void buildMime_asciiNameIsQuoted()
    {
        SmtpConfig c = config();
        c.fromName = QStringLiteral("HR \"Team\", Berlin");
        const MailFile mail = MailFile::parse(SmtpSender::buildMime(c, message()));
        QCOMPARE(mail.header(QStringLiteral("From")),
            QStringLiteral("\"HR \\\"Team\\\", Berlin\" <hirebridge@example.com>"));
    }

    void buildMime_bodiesRoundTrip()
    {
        MailMessage m = message();
        const QString longLine
            = QString(3000, QLatin1Char('a')) + QStringLiteral(" Zoë ") + QString(500, QChar(0x05E9));
        m.textBody = QStringLiteral(".starts with a dot\nFrom the start\ntrailing space \ntab\t\nCRLF\r\nx=y\n")
            + longLine + QStringLiteral("\n🌸\n");
        m.htmlBody = QStringLiteral("<p>") + longLine + QStringLiteral("</p>\n<p>.dot</p>");
        const QByteArray mime = SmtpSender::buildMime(config(), m);
        verifyLines(mime);
        QVERIFY(!mime.contains("\r\n."));
        QVERIFY(!mime.contains("\r\nFrom "));
        const MailFile mail = MailFile::parse(mime);
        QString expected = m.textBody;
        expected.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
        QCOMPARE(mail.text(), expected);
        QCOMPARE(mail.html(), m.htmlBody);
        // Encoded lines keep the 76-character limit of quoted-printable.
        const QByteArray body = mime.mid(mime.indexOf("\r\n\r\n"));
        for (const auto& line : body.split('\n')) {
            QVERIFY2(line.size() <= 77, line.constData());
        }
    }

    void buildMime_textOnly()
    {
        MailMessage m = message();
        m.htmlBody.clear();
        const MailFile mail = MailFile::parse(SmtpSender::buildMime(config(), m));
        QCOMPARE(mail.header(QStringLiteral("Content-Type")), QStringLiteral("text/plain; charset=UTF-8"));
        QCOMPARE(mail.text(), QStringLiteral("Hello\nWorld\n\n"));
    }

    void buildMime_headerInjectionIsFlattened()
    {
        MailMessage m = message();
        m.subject = QStringLiteral("Hello\r\nBcc: victim@example.com");
        const QByteArray mime = SmtpSender::buildMime(config(), m);
        QVERIFY(!mime.contains("\r\nBcc:"));
        QCOMPARE(MailFile::parse(mime).decodedHeader(QStringLiteral("Subject")),
            QStringLiteral("Hello  Bcc: victim@example.com"));
    }

    // An addr-spec is never RFC 2047 encoded (found by fuzz_mail_mime): an international domain goes in its ASCII
    // form, in From, To and the SMTP envelope alike.
    void buildMime_internationalDomainsInAsciiForm()
    {
        SmtpConfig c = config();
        c.fromAddress = QStringLiteral("hr@bücher.de");
        MailMessage m = message();
        m.to = QStringList {QStringLiteral("zoe@bücher.de"), QStringLiteral("ada@example.com")};
        const QByteArray mime = SmtpSender::buildMime(c, m);
        verifyLines(mime);
        const QByteArray headers = mime.left(mime.indexOf("\r\n\r\n"));
        for (const char ch : headers) {
            QVERIFY2(static_cast<unsigned char>(ch) < 0x80, headers.constData());
        }
        const MailFile mail = MailFile::parse(mime);
        QCOMPARE(mail.header(QStringLiteral("To")), QStringLiteral("zoe@xn--bcher-kva.de, ada@example.com"));
        QCOMPARE(mail.header(QStringLiteral("From")), QStringLiteral("\"Hirebridge\" <hr@xn--bcher-kva.de>"));
        QCOMPARE(SmtpSender::asciiAddress(QStringLiteral("zoë@example.com")), QByteArray());
    }

    // Folding at every space turned a run of spaces into header lines of white space only (RFC 5322 3.2.2).
    void buildMime_runsOfSpacesKeepTheSubject()
    {
        MailMessage m = message();
        m.subject = QStringLiteral("Hires:") + QString(200, QLatin1Char(' ')) + QStringLiteral("Ada   Lovelace");
        const QByteArray mime = SmtpSender::buildMime(config(), m);
        verifyLines(mime);
        const QByteArray headers = mime.left(mime.indexOf("\r\n\r\n"));
        for (const QByteArray& line : headers.split('\n')) {
            QVERIFY2(!line.trimmed().isEmpty(), headers.constData());
        }
        QCOMPARE(MailFile::parse(mime).decodedHeader(QStringLiteral("Subject")), m.subject);
    }

    void buildMime_invalidMessageIdIsReplaced()
    {
        for (const auto& given : {QStringLiteral("no-at-sign"), QStringLiteral("<a@b>c@d>"), QStringLiteral("a b@c")}) {
            MailMessage m = message();
            m.messageId = given;
            const QString id = MailFile::parse(SmtpSender::buildMime(config(), m)).header(QStringLiteral("Message-ID"));
            QVERIFY2(id.endsWith(QLatin1StringView("@example.com>")) && !id.contains(given), qPrintable(id));
        }
    }

    void configProblem_noneOnlyOnLoopback()
    {
        SmtpConfig c = config();
        QVERIFY(SmtpSender::configProblem(c).isEmpty());
        c.security = SmtpConfig::Security::None;
        QVERIFY(SmtpSender::configProblem(c).contains(QLatin1StringView("without encryption")));
        for (const auto& host : {QStringLiteral("127.0.0.1"), QStringLiteral("localhost"), QStringLiteral("::1"),
                 QStringLiteral("127.0.0.53")}) {
            c.host = host;
            QVERIFY2(SmtpSender::configProblem(c).isEmpty(), qPrintable(host));
        }
        c.host = QStringLiteral("10.0.0.1");
        QVERIFY(!SmtpSender::configProblem(c).isEmpty());
        c = config();
        c.host = QStringLiteral("smtp://smtp.example.com");
        QVERIFY(SmtpSender::configProblem(c).contains(QLatin1StringView("not a host name")));
        c = config();
        c.fromAddress = QStringLiteral("not an address");
        QVERIFY(SmtpSender::configProblem(c).contains(QLatin1StringView("sender address")));
        c = config();
        c.host.clear();
        QVERIFY(!c.isConfigured());
        QVERIFY(!SmtpSender::configProblem(c).isEmpty());
    }

    void isValidEmail_data()
    {
        QTest::addColumn<QString>("email");
        QTest::addColumn<bool>("valid");
        QTest::newRow("plain") << QStringLiteral("ada@example.com") << true;
        QTest::newRow("plus and dots") << QStringLiteral("ada.lovelace+hr@mail.example.co.uk") << true;
        QTest::newRow("unicode domain") << QStringLiteral("zoe@bücher.de") << true;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("no at") << QStringLiteral("ada.example.com") << false;
        QTest::newRow("two at") << QStringLiteral("ada@b@example.com") << false;
        QTest::newRow("no dot in domain") << QStringLiteral("ada@localhost") << false;
        QTest::newRow("space") << QStringLiteral("ada lovelace@example.com") << false;
        QTest::newRow("leading space") << QStringLiteral(" ada@example.com") << false;
        QTest::newRow("angle brackets") << QStringLiteral("<ada@example.com>") << false;
        QTest::newRow("name and address") << QStringLiteral("Ada <ada@example.com>") << false;
        QTest::newRow("comma list") << QStringLiteral("ada@example.com,bob@example.com") << false;
        QTest::newRow("empty label") << QStringLiteral("ada@example..com") << false;
        QTest::newRow("trailing dot") << QStringLiteral("ada@example.com.") << false;
        QTest::newRow("one letter tld") << QStringLiteral("ada@example.c") << false;
        QTest::newRow("newline") << QStringLiteral("ada@example.com\nBcc: x@y.z") << false;
        QTest::newRow("empty local") << QStringLiteral("@example.com") << false;
        // Would need SMTPUTF8, which relays need not offer.
        QTest::newRow("non-ascii local part") << QStringLiteral("zoë@example.com") << false;
    }
    void isValidEmail()
    {
        QFETCH(QString, email);
        QFETCH(bool, valid);
        QCOMPARE(Recipient::isValidEmail(email), valid);
    }

    void recipients_saveLoad_roundTrips()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("settings.ini"));
        const QList<Recipient> recipients {
            Recipient {QStringLiteral("Zoë Ångström"), QStringLiteral("zoe@example.com"), Recipient::Source::SetupAdmin,
                QString()},
            Recipient {QStringLiteral("שרה לוי"), QStringLiteral("sara@example.com"), Recipient::Source::BobDirectory,
                QStringLiteral("3332883804594373380")},
            Recipient {QString(), QStringLiteral("hr@example.com"), Recipient::Source::Typed, QString()},
        };
        {
            QSettings settings(path, QSettings::IniFormat);
            Recipients::save(settings, recipients);
        }
        {
            const QSettings settings(path, QSettings::IniFormat);
            QCOMPARE(Recipients::load(settings), recipients);
            QCOMPARE(settings.value(QStringLiteral("notify/recipients/2/source")).toString(), QStringLiteral("bob"));
        }
        {
            // Saving a shorter list leaves no stale entries behind.
            QSettings settings(path, QSettings::IniFormat);
            Recipients::save(settings, recipients.mid(2));
        }
        const QSettings settings(path, QSettings::IniFormat);
        QCOMPARE(Recipients::load(settings), recipients.mid(2));
        QVERIFY(!settings.contains(QStringLiteral("notify/recipients/2/email")));
    }

    void recipientSource_names()
    {
        for (const auto source :
            {Recipient::Source::Typed, Recipient::Source::BobDirectory, Recipient::Source::SetupAdmin}) {
            QCOMPARE(Recipient::sourceFromName(Recipient::sourceName(source)), source);
        }
        QCOMPARE(Recipient::sourceName(Recipient::Source::BobDirectory), QStringLiteral("bob"));
        QCOMPARE(Recipient::sourceFromName(QStringLiteral("???")), Recipient::Source::Typed);
    }

    void smtpConfig_saveLoad_withoutPassword()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("settings.ini"));
        SmtpConfig c = config();
        c.port = 465;
        c.security = SmtpConfig::Security::ImplicitTls;
        c.username = QStringLiteral("mailer");
        c.password = QStringLiteral("pa55-SECRET");
        c.fromName = QStringLiteral("Zoë's HR");
        c.timeoutSeconds = 12;
        {
            QSettings settings(path, QSettings::IniFormat);
            c.save(settings);
        }
        const QSettings settings(path, QSettings::IniFormat);
        const SmtpConfig loaded = SmtpConfig::load(settings);
        QCOMPARE(loaded.host, c.host);
        QCOMPARE(loaded.port, 465);
        QCOMPARE(loaded.security, SmtpConfig::Security::ImplicitTls);
        QCOMPARE(loaded.username, c.username);
        QCOMPARE(loaded.fromAddress, c.fromAddress);
        QCOMPARE(loaded.fromName, c.fromName);
        QCOMPARE(loaded.timeoutSeconds, 12);
        QVERIFY(loaded.password.isEmpty());
        QCOMPARE(settings.value(QStringLiteral("smtp/security")).toString(), QStringLiteral("tls"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains("pa55-SECRET"));
    }

    void smtpConfig_defaults()
    {
        QTemporaryDir dir;
        const QSettings settings(dir.filePath(QStringLiteral("empty.ini")), QSettings::IniFormat);
        const SmtpConfig c = SmtpConfig::load(settings);
        QVERIFY(!c.isConfigured());
        QCOMPARE(c.port, 587);
        QCOMPARE(c.security, SmtpConfig::Security::StartTls);
        QCOMPARE(c.fromName, QStringLiteral("Hirebridge"));
        QCOMPARE(c.timeoutSeconds, 30);
        QCOMPARE(SmtpConfig::securityFromName(QStringLiteral("none")), SmtpConfig::Security::None);
        QCOMPARE(SmtpConfig::securityFromName(QStringLiteral("bogus")), SmtpConfig::Security::StartTls);
    }
};

QTEST_GUILESS_MAIN(TestMailMime)
#include "test_mailmime.moc"
