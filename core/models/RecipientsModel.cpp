#include "RecipientsModel.h"

#include "Hire.h"
#include "ItemRoles.h"

RecipientsModel::RecipientsModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void RecipientsModel::setRecipients(const QList<Recipient>& recipients)
{
    beginResetModel();
    m_recipients = recipients;
    endResetModel();
    Q_EMIT recipientsChanged();
}

int RecipientsModel::rowOfEmail(const QString& email) const
{
    const QString key = normalizedEmail(email);
    if (key.isEmpty()) {
        return -1;
    }
    for (int row = 0; row < m_recipients.size(); ++row) {
        if (normalizedEmail(m_recipients.at(row).email) == key) {
            return row;
        }
    }
    return -1;
}

RecipientsModel::AddResult RecipientsModel::addRecipient(const Recipient& recipient)
{
    Recipient added = recipient;
    added.name = recipient.name.simplified();
    added.email = recipient.email.trimmed();
    if (!Recipient::isValidEmail(added.email)) {
        return AddResult::InvalidEmail;
    }
    if (containsEmail(added.email)) {
        return AddResult::Duplicate;
    }
    const int row = int(m_recipients.size());
    beginInsertRows({}, row, row);
    m_recipients.append(added);
    endInsertRows();
    Q_EMIT recipientsChanged();
    return AddResult::Added;
}

Recipient RecipientsModel::removeRecipientAt(int row)
{
    Q_ASSERT(row >= 0 && row < m_recipients.size());
    const Recipient removed = m_recipients.at(row);
    removeRows(row, 1);
    return removed;
}

QString RecipientsModel::sourceText(Recipient::Source source)
{
    switch (source) {
    case Recipient::Source::BobDirectory:
        return tr("From Bob");
    case Recipient::Source::Typed:
        return tr("Typed");
    case Recipient::Source::SetupAdmin:
        return tr("Set-up admin");
    }
    return {};
}

int RecipientsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_recipients.size());
}

int RecipientsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RecipientsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.model() != this || index.row() >= rowCount()) {
        return {};
    }
    const Recipient& recipient = m_recipients.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return recipient.name;
        case EmailColumn:
            return recipient.email;
        case SourceColumn:
            return sourceText(recipient.source);
        }
        break;
    case Qt::ToolTipRole:
        switch (recipient.source) {
        case Recipient::Source::BobDirectory:
            return tr("%1, picked from the people in Bob").arg(recipient.email);
        case Recipient::Source::Typed:
            return tr("%1, typed in by hand").arg(recipient.email);
        case Recipient::Source::SetupAdmin:
            return tr("%1, the admin who set up Hirebridge").arg(recipient.email);
        }
        break;
    case ItemRoles::EmailRole:
        return recipient.email;
    case ItemRoles::RecipientSourceRole:
        return int(recipient.source);
    case ItemRoles::EmployeeIdRole:
        return recipient.bobEmployeeId;
    default:
        break;
    }
    return {};
}

QVariant RecipientsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case NameColumn:
        return tr("Name");
    case EmailColumn:
        return tr("E-mail");
    case SourceColumn:
        return tr("How added");
    default:
        return {};
    }
}

Qt::ItemFlags RecipientsModel::flags(const QModelIndex& index) const
{
    if (!index.isValid() || index.model() != this || index.row() >= rowCount()) {
        return Qt::NoItemFlags;
    }
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

bool RecipientsModel::removeRows(int row, int count, const QModelIndex& parent)
{
    if (parent.isValid() || row < 0 || count <= 0 || row + count > m_recipients.size()) {
        return false;
    }
    beginRemoveRows({}, row, row + count - 1);
    m_recipients.remove(row, count);
    endRemoveRows();
    Q_EMIT recipientsChanged();
    return true;
}
