#pragma once

#include "notify/Recipient.h"

#include <QAbstractTableModel>

// The people told about new hires after every push run, one row per recipient, in the order they were added (the
// set-up admin usually first). The model refuses what would make a bad list: an address Recipient::isValidEmail
// rejects, or one already there (trimmed, case-insensitive). Colours and the source tag live in the ui delegate.
class RecipientsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column : int { NameColumn, EmailColumn, SourceColumn, ColumnCount };
    Q_ENUM(Column)

    enum class AddResult { Added, InvalidEmail, Duplicate };

    explicit RecipientsModel(QObject* parent = nullptr);

    void setRecipients(const QList<Recipient>& recipients); // model reset, kept as given
    const QList<Recipient>& recipients() const { return m_recipients; }
    const Recipient& recipientAt(int row) const { return m_recipients.at(row); }

    // Row of the recipient with this address (trimmed, case-insensitive), or -1.
    int rowOfEmail(const QString& email) const;
    bool containsEmail(const QString& email) const { return rowOfEmail(email) >= 0; }

    // Appends `recipient` with its name and e-mail trimmed, unless the e-mail is invalid or already listed.
    AddResult addRecipient(const Recipient& recipient);
    Recipient removeRecipientAt(int row);

    // The tag shown for a source: "From Bob", "Typed", "Set-up admin".
    static QString sourceText(Recipient::Source source);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool removeRows(int row, int count, const QModelIndex& parent = {}) override;

Q_SIGNALS:
    // Any change of the list: reset, add or remove.
    void recipientsChanged();

private:
    QList<Recipient> m_recipients;
};
