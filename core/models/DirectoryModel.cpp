#include "DirectoryModel.h"

#include "FieldFilterProxyModel.h"
#include "Hire.h"
#include "ItemRoles.h"

DirectoryModel::DirectoryModel(QObject* parent)
    : QAbstractListModel(parent)
{
}

void DirectoryModel::setDirectory(const Directory& directory)
{
    beginResetModel();
    m_rows.clear();
    m_rows.reserve(directory.size());
    for (const DirectoryEntry& entry : directory.entries()) {
        Row row;
        row.entry = entry;
        row.name = displayName(entry);
        row.emailKey = normalizedEmail(entry.email);
        row.filterKey = FieldFilterProxyModel::fold(
            QStringList {row.name, entry.firstName, entry.surname, entry.email}.join(QLatin1Char(' ')));
        row.unavailableReason = unavailableReasonFor(entry, row.emailKey);
        row.isRecipient = (!row.emailKey.isEmpty() && m_recipientEmails.contains(row.emailKey))
            || (!entry.id.isEmpty() && m_recipientIds.contains(entry.id));
        m_rows.append(row);
    }
    endResetModel();
}

void DirectoryModel::setPurpose(Purpose purpose)
{
    if (purpose == m_purpose) {
        return;
    }
    m_purpose = purpose;
    if (m_rows.isEmpty()) {
        return;
    }
    // Flags change with the reasons; a reset tells views and proxies to query both again.
    beginResetModel();
    for (Row& row : m_rows) {
        row.unavailableReason = unavailableReasonFor(row.entry, row.emailKey);
    }
    endResetModel();
}

QString DirectoryModel::unavailableReasonFor(const DirectoryEntry& entry, const QString& emailKey) const
{
    if (m_purpose == Purpose::Managers) {
        return {};
    }
    if (emailKey.isEmpty()) {
        return tr("No work e-mail in Bob");
    }
    if (!Recipient::isValidEmail(entry.email.trimmed())) {
        return tr("E-mail in Bob is not a valid address");
    }
    if (!entry.active) {
        return tr("No longer active in Bob");
    }
    return {};
}

void DirectoryModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

void DirectoryModel::setRecipients(const QList<Recipient>& recipients)
{
    m_recipientEmails.clear();
    m_recipientIds.clear();
    for (const Recipient& recipient : recipients) {
        const QString key = normalizedEmail(recipient.email);
        if (!key.isEmpty()) {
            m_recipientEmails.insert(key);
        }
        if (recipient.source == Recipient::Source::BobDirectory && !recipient.bobEmployeeId.isEmpty()) {
            m_recipientIds.insert(recipient.bobEmployeeId);
        }
    }
    for (int i = 0; i < m_rows.size(); ++i) {
        Row& row = m_rows[i];
        const bool marked = (!row.emailKey.isEmpty() && m_recipientEmails.contains(row.emailKey))
            || (!row.entry.id.isEmpty() && m_recipientIds.contains(row.entry.id));
        if (marked != row.isRecipient) {
            row.isRecipient = marked;
            const QModelIndex changed = index(i);
            Q_EMIT dataChanged(changed, changed);
        }
    }
}

Recipient DirectoryModel::recipientAt(int row) const
{
    const Row& r = m_rows.at(row);
    Recipient recipient;
    recipient.name = r.name;
    recipient.email = r.entry.email.trimmed();
    recipient.source = Recipient::Source::BobDirectory;
    recipient.bobEmployeeId = r.entry.id;
    return recipient;
}

QString DirectoryModel::displayName(const DirectoryEntry& entry)
{
    return entry.shownName();
}

int DirectoryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant DirectoryModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.model() != this || index.row() >= rowCount()) {
        return {};
    }
    const Row& row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return row.name;
    case Qt::ToolTipRole:
        if (!row.unavailableReason.isEmpty()) {
            return tr("%1 cannot be added: %2").arg(row.name, row.unavailableReason);
        }
        if (row.isRecipient) {
            return tr("%1 (%2) already gets the summary").arg(row.name, row.entry.email.trimmed());
        }
        if (m_purpose == Purpose::Managers && !row.entry.active) {
            return row.entry.email.trimmed().isEmpty()
                ? tr("%1, no longer active").arg(row.name)
                : tr("%1 (%2), no longer active").arg(row.name, row.entry.email.trimmed());
        }
        if (row.entry.email.trimmed().isEmpty()) {
            return row.name;
        }
        return tr("%1 (%2)").arg(row.name, row.entry.email.trimmed());
    case ItemRoles::EmailRole:
        return row.entry.email.trimmed();
    case ItemRoles::FilterRole:
        return row.filterKey;
    case ItemRoles::EmployeeIdRole:
        return row.entry.id;
    case ItemRoles::AlreadyRecipientRole:
        return row.isRecipient;
    case ItemRoles::UnavailableReasonRole:
        return row.unavailableReason;
    default:
        break;
    }
    return {};
}

Qt::ItemFlags DirectoryModel::flags(const QModelIndex& index) const
{
    if (!index.isValid() || index.model() != this || index.row() >= rowCount()) {
        return Qt::NoItemFlags;
    }
    if (!m_rows.at(index.row()).unavailableReason.isEmpty()) {
        return Qt::ItemNeverHasChildren; // shown, greyed out, with its reason
    }
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}
