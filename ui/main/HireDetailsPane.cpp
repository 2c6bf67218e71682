#include "HireDetailsPane.h"

#include "models/HiresModel.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSignalBlocker>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {

QString orDash(const QString& text)
{
    return text.trimmed().isEmpty() ? QStringLiteral("—") : text;
}

QLabel* sectionLabel(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    QFont font = label->font();
    font.setWeight(QFont::DemiBold);
    label->setFont(font);
    return label;
}

} // namespace

HireDetailsPane::HireDetailsPane(QWidget* parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("detailsPane"));
    setAccessibleName(tr("Hire details"));
    setFrameShape(QFrame::StyledPanel);
    setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('M')) * 26);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 10);
    layout->setSpacing(6);

    m_nameLabel = new QLabel(this);
    m_nameLabel->setObjectName(QStringLiteral("detailsName"));
    m_nameLabel->setTextFormat(Qt::PlainText);
    m_nameLabel->setWordWrap(true);
    QFont nameFont = m_nameLabel->font();
    nameFont.setWeight(QFont::DemiBold);
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.3);
    m_nameLabel->setFont(nameFont);
    m_nameLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_nameLabel);

    auto* form = new QFormLayout;
    form->setContentsMargins(0, 0, 0, 0);
    form->setHorizontalSpacing(12);
    form->setVerticalSpacing(3);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignLeft);
    m_emailLabel = addField(form, tr("E-mail"), QStringLiteral("detailsEmail"));
    m_jobLabel = addField(form, tr("Job"), QStringLiteral("detailsJob"));
    m_departmentLabel = addField(form, tr("Department"), QStringLiteral("detailsDepartment"));
    m_locationLabel = addField(form, tr("Location"), QStringLiteral("detailsLocation"));
    m_startDateLabel = addField(form, tr("Start date"), QStringLiteral("detailsStartDate"));
    m_managerLabel = addField(form, tr("Hiring manager"), QStringLiteral("detailsHiringManager"));
    layout->addLayout(form);

    m_warningsLabel = new QLabel(this);
    m_warningsLabel->setObjectName(QStringLiteral("detailsWarnings"));
    m_warningsLabel->setTextFormat(Qt::PlainText);
    m_warningsLabel->setWordWrap(true);
    m_warningsLabel->hide();
    layout->addWidget(m_warningsLabel);

    layout->addSpacing(4);
    layout->addWidget(sectionLabel(tr("Targets"), this));
    m_targetsTree = new QTreeWidget(this);
    m_targetsTree->setObjectName(QStringLiteral("detailsTargets"));
    m_targetsTree->setHeaderLabels({tr("Target"), tr("State"), tr("Id in target"), tr("Documents")});
    m_targetsTree->setRootIsDecorated(false);
    m_targetsTree->setUniformRowHeights(true);
    m_targetsTree->setSelectionMode(QAbstractItemView::NoSelection);
    m_targetsTree->setFocusPolicy(Qt::NoFocus);
    m_targetsTree->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // No horizontal bar either: inside the table's fixed height it covered the lower rows. The first columns take
    // what they need, the id and Documents share the rest (elided; the tooltips have it all).
    m_targetsTree->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_targetsTree->setTextElideMode(Qt::ElideRight);
    m_targetsTree->header()->setStretchLastSection(true);
    m_targetsTree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_targetsTree->header()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_targetsTree->header()->setSectionResizeMode(3, QHeaderView::Stretch);
    m_targetsTree->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    layout->addWidget(m_targetsTree);
    // Reasons are sentences (an HTTP answer, a validation message): wrapped below the table, never elided in it.
    m_reasonsLabel = new QLabel(this);
    m_reasonsLabel->setObjectName(QStringLiteral("detailsReasons"));
    m_reasonsLabel->setTextFormat(Qt::PlainText);
    m_reasonsLabel->setWordWrap(true);
    m_reasonsLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_reasonsLabel->hide();
    layout->addWidget(m_reasonsLabel);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("detailsTabs"));
    m_tabs->setDocumentMode(true);

    auto* payloadPage = new QWidget(m_tabs);
    payloadPage->setObjectName(QStringLiteral("detailsPayloadPage"));
    auto* payloadLayout = new QVBoxLayout(payloadPage);
    payloadLayout->setContentsMargins(0, 6, 0, 0);
    payloadLayout->setSpacing(6);
    m_payloadTarget = new QComboBox(payloadPage);
    m_payloadTarget->setObjectName(QStringLiteral("detailsPayloadTarget"));
    m_payloadTarget->setAccessibleName(tr("Payload for HR system"));
    m_payloadTarget->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_payloadTarget, &QComboBox::currentIndexChanged, this, &HireDetailsPane::onPayloadTargetChanged);
    payloadLayout->addWidget(m_payloadTarget, 0, Qt::AlignLeft);
    m_payloadTarget->hide(); // only with more than one HR system
    m_issuesLabel = new QLabel(payloadPage);
    m_issuesLabel->setObjectName(QStringLiteral("detailsIssues"));
    m_issuesLabel->setTextFormat(Qt::PlainText);
    m_issuesLabel->setWordWrap(true);
    payloadLayout->addWidget(m_issuesLabel);
    m_payloadEdit = new QPlainTextEdit(payloadPage);
    m_payloadEdit->setObjectName(QStringLiteral("detailsPayload"));
    m_payloadEdit->setReadOnly(true);
    m_payloadEdit->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_payloadEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_payloadEdit->setAccessibleName(tr("Payload preview"));
    payloadLayout->addWidget(m_payloadEdit, 1);
    payloadLayout->addStretch(0); // holds the message at the top while there is no payload
    m_tabs->addTab(payloadPage, tr("Payload"));

    m_auditTree = new QTreeWidget(m_tabs);
    m_auditTree->setObjectName(QStringLiteral("detailsAudit"));
    m_auditTree->setHeaderLabels({tr("When"), tr("Target"), tr("Action"), tr("HTTP"), tr("Detail")});
    m_auditTree->setRootIsDecorated(false);
    m_auditTree->setUniformRowHeights(true);
    m_auditTree->setAlternatingRowColors(true);
    m_auditTree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_auditTree->header()->setStretchLastSection(true);
    m_tabs->addTab(m_auditTree, tr("History"));
    layout->addWidget(m_tabs, 1);

    clear();
}

QLabel* HireDetailsPane::addField(QFormLayout* form, const QString& label, const QString& objectName)
{
    auto* value = new QLabel(this);
    value->setObjectName(objectName);
    value->setTextFormat(Qt::PlainText);
    value->setWordWrap(true);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* name = new QLabel(label, this);
    name->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(name, value);
    return value;
}

void HireDetailsPane::clear()
{
    m_applicationId.clear();
    m_details = HireDetails();
    m_payloadTarget->clear();
    m_payloadTarget->hide();
    m_nameLabel->clear();
    for (QLabel* label :
        {m_emailLabel, m_jobLabel, m_departmentLabel, m_locationLabel, m_startDateLabel, m_managerLabel}) {
        label->clear();
    }
    m_warningsLabel->clear();
    m_warningsLabel->hide();
    m_targetsTree->clear();
    m_reasonsLabel->clear();
    m_reasonsLabel->hide();
    m_issuesLabel->clear();
    m_payloadEdit->clear();
    m_auditTree->clear();
    m_tabs->setTabText(1, tr("History"));
    fitTargetsHeight();
}

void HireDetailsPane::setDetails(const HireDetails& details, const QStringList& targets)
{
    const Hire& hire = details.hire;
    m_applicationId = hire.applicationId;
    const QString name = !hire.name.isEmpty()
        ? hire.name
        : QStringList {hire.firstName, hire.lastName}.join(QLatin1Char(' ')).trimmed();
    m_nameLabel->setText(orDash(name));
    m_emailLabel->setText(hire.email.isEmpty() ? tr("No e-mail address") : hire.email);
    m_jobLabel->setText(orDash(hire.jobTitle));
    m_departmentLabel->setText(orDash(hire.department));
    m_locationLabel->setText(orDash(hire.location));
    m_startDateLabel->setText(hire.startDate.isEmpty() ? tr("No accepted offer yet") : hire.startDate);
    const QString manager = hire.hiringManager.displayName();
    m_managerLabel->setText(hire.hiringManager.email.isEmpty() || manager.isEmpty()
            ? orDash(manager + hire.hiringManager.email)
            : tr("%1 <%2>", "name <e-mail>").arg(manager, hire.hiringManager.email));
    m_warningsLabel->setText(
        hire.warnings.isEmpty() ? QString() : QStringLiteral("⚠ ") + hire.warnings.join(QStringLiteral("\n⚠ ")));
    m_warningsLabel->setVisible(!hire.warnings.isEmpty());

    m_targetsTree->clear();
    QStringList reasons;
    for (const QString& target : targets) {
        PushRecord record = PushRecord::ready(hire.applicationId, target);
        for (const PushRecord& candidate : details.records) {
            if (candidate.target == target) {
                record = candidate;
                break;
            }
        }
        auto* item = new QTreeWidgetItem(m_targetsTree);
        item->setText(0, HiresModel::targetDisplayName(target));
        item->setText(1, HiresModel::stateText(record.state));
        item->setText(2, orDash(record.remoteId));
        item->setToolTip(2, record.remoteId); // the column may be elided
        QString reason = record.reason;
        if (record.state == PushState::Failed && record.attempts > 0) {
            reason = tr("%1 (attempts: %2)").arg(orDash(reason)).arg(record.attempts);
        }
        if (!reason.isEmpty()) {
            reasons << tr("%1: %2", "target: reason").arg(HiresModel::targetDisplayName(target), reason);
        }
        item->setToolTip(1, reason);
        item->setData(0, Qt::UserRole, target);
        // Each document on its own: "2 of 2 sent", or what is missing, with the reasons in the tooltip.
        int uploaded = 0;
        int all = 0;
        QStringList documentNotes;
        for (const DocumentRecord& document : details.documents) {
            if (document.target != target) {
                continue;
            }
            ++all;
            uploaded += document.state == QLatin1String("uploaded") ? 1 : 0;
            if (document.state != QLatin1String("uploaded")) {
                documentNotes << tr("%1 (%2): %3", "file (state): reason")
                                     .arg(document.name, document.state, orDash(document.reason));
            }
        }
        if (all > 0) {
            item->setText(3,
                uploaded == all ? tr("%1 of %2 sent").arg(uploaded).arg(all)
                                : tr("%1 of %2 sent, %3 missing").arg(uploaded).arg(all).arg(all - uploaded));
            item->setToolTip(3, documentNotes.join(QLatin1Char('\n')));
            if (uploaded < all) {
                reasons << tr("%1: %2", "target: reason")
                               .arg(HiresModel::targetDisplayName(target), documentNotes.join(QStringLiteral("; ")));
            }
        } else {
            item->setText(3, QStringLiteral("—"));
        }
    }
    fitTargetsHeight();
    m_reasonsLabel->setText(reasons.join(QLatin1Char('\n')));
    m_reasonsLabel->setVisible(!reasons.isEmpty());

    m_details = details;
    {
        // One payload per HR system: the selector keeps the system the admin chose while moving between hires.
        const QString chosen = m_payloadTarget->currentData().toString();
        const QSignalBlocker blocker(m_payloadTarget);
        m_payloadTarget->clear();
        for (const QString& target : details.payloadTargets) {
            m_payloadTarget->addItem(tr("Payload for %1").arg(HiresModel::targetDisplayName(target)), target);
        }
        m_payloadTarget->setVisible(details.payloadTargets.size() > 1);
        const int keep = m_payloadTarget->findData(chosen);
        m_payloadTarget->setCurrentIndex(keep >= 0 ? keep : 0);
    }
    const QString shown = m_payloadTarget->currentData().toString();
    if (!shown.isEmpty() && details.payloads.contains(shown)) {
        showPayload(details.payloads.value(shown), details.issuesByTarget.value(shown));
    } else {
        showPayload(details.payload, details.issues);
    }

    m_auditTree->clear();
    QList<QTreeWidgetItem*> items;
    items.reserve(details.audit.size());
    // Newest first: the admin looks for what happened last.
    for (auto it = details.audit.crbegin(); it != details.audit.crend(); ++it) {
        const AuditEntry& entry = *it;
        auto* item = new QTreeWidgetItem;
        item->setText(0, entry.at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
        item->setText(1, HiresModel::targetDisplayName(entry.target));
        item->setText(2, entry.action);
        item->setText(3, entry.httpStatus > 0 ? QString::number(entry.httpStatus) : QString());
        item->setText(4, entry.detail);
        item->setToolTip(4, entry.detail);
        items.append(item);
    }
    m_auditTree->addTopLevelItems(items);
    m_tabs->setTabText(1, tr("History (%1)").arg(details.audit.size()));
}

void HireDetailsPane::fitTargetsHeight()
{
    // Exactly as tall as its rows: the tabs below get the rest of the height.
    const int rows = std::max(1, m_targetsTree->topLevelItemCount());
    const int rowHeight = std::max(m_targetsTree->fontMetrics().height() + 8,
        m_targetsTree->topLevelItemCount() > 0 ? m_targetsTree->visualItemRect(m_targetsTree->topLevelItem(0)).height()
                                               : 0);
    m_targetsTree->setFixedHeight(
        m_targetsTree->header()->sizeHint().height() + rows * rowHeight + 2 * m_targetsTree->frameWidth() + 2);
}

void HireDetailsPane::showPayload(const QJsonObject& payload, const QStringList& issues)
{
    if (issues.isEmpty()) {
        m_issuesLabel->setText(payload.isEmpty() ? tr("No payload: nothing is mapped for this hire yet.")
                                                 : tr("✓ The payload passes validation."));
    } else {
        const QString heading = issues.size() == 1 ? tr("1 problem to fix before pushing:")
                                                   : tr("%1 problems to fix before pushing:").arg(issues.size());
        m_issuesLabel->setText(heading + QStringLiteral("\n• ") + issues.join(QStringLiteral("\n• ")));
    }
    m_payloadEdit->setVisible(!payload.isEmpty());
    m_payloadEdit->setPlainText(payload.isEmpty()
            ? QString()
            : QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Indented)).trimmed());
}

void HireDetailsPane::onPayloadTargetChanged(int index)
{
    const QString target = m_payloadTarget->itemData(index).toString();
    if (m_details.payloads.contains(target) || m_details.issuesByTarget.contains(target)) {
        showPayload(m_details.payloads.value(target), m_details.issuesByTarget.value(target));
    }
}
