#pragma once

#include "hris/Directory.h"
#include "notify/Recipient.h"

#include <QAbstractListModel>
#include <QSet>

// Bob's employees as a flat list for the recipients editor's search-as-you-type (with Purpose::Managers, any target's
// employees for picking a hiring manager): one row per person, in the order of the directory. People who cannot
// receive the summary (no or a broken work e-mail, no longer active) stay in the list, disabled, with the reason in
// ItemRoles::UnavailableReasonRole; people already on the recipients list are marked (ItemRoles::AlreadyRecipientRole).
// FilterRole holds the folded name and e-mail for FieldFilterProxyModel.
class DirectoryModel : public QAbstractListModel
{
    Q_OBJECT
public:
    // What the list offers people for. Recipients (the default) greys out whoever cannot receive the summary;
    // Managers offers everyone, since a hire can report to an employee without a work e-mail or one marked inactive
    // (the manager dialog marks inactive people instead), and the HRIS links managers by employee id, not e-mail.
    enum class Purpose { Recipients, Managers };

    explicit DirectoryModel(QObject* parent = nullptr);

    void setPurpose(Purpose purpose);
    Purpose purpose() const { return m_purpose; }
    void setDirectory(const Directory& directory); // model reset
    void clear(); // model reset
    const DirectoryEntry& entryAt(int row) const { return m_rows.at(row).entry; }

    // Marks the people already told about new hires, by e-mail (trimmed, case-insensitive) or Bob employee id.
    void setRecipients(const QList<Recipient>& recipients);
    bool isRecipient(int row) const { return m_rows.at(row).isRecipient; }
    // Empty when the person can be added.
    QString unavailableReason(int row) const { return m_rows.at(row).unavailableReason; }
    // The person as a recipient picked from Bob's directory.
    Recipient recipientAt(int row) const;

    // "Zoë Ångström" from the display name, else first name and surname, else the e-mail.
    static QString displayName(const DirectoryEntry& entry);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

private:
    QString unavailableReasonFor(const DirectoryEntry& entry, const QString& emailKey) const;

    struct Row
    {
        DirectoryEntry entry;
        QString name;
        QString emailKey; // normalised e-mail
        QString filterKey; // folded name and e-mail
        QString unavailableReason;
        bool isRecipient = false;
    };

    QList<Row> m_rows;
    QSet<QString> m_recipientEmails;
    QSet<QString> m_recipientIds;
    Purpose m_purpose = Purpose::Recipients;
};
