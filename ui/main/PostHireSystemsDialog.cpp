#include "PostHireSystemsDialog.h"

#include "PushStateDelegate.h"

#include <QBoxLayout>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>

#include <algorithm>

namespace {

constexpr int MinimumWidth = 380;
constexpr int DefaultWidth = 520;

QLabel* createTextLabel(const QString& text, QWidget* parent, const QString& objectName)
{
    auto* label = new QLabel(text, parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}

} // namespace

PostHireSystemsDialog::PostHireSystemsDialog(
    const QString& candidateName, const QString& jobTitle, const QList<PostHireTarget>& targets, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("postHireSystemsDialog"));
    setWindowTitle(tr("Add to post-hire systems — %1").arg(candidateName));

    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(10);

    auto* nameLabel = createTextLabel(candidateName, this, QStringLiteral("postHireCandidateLabel"));
    QFont nameFont = nameLabel->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.2);
    nameFont.setWeight(QFont::DemiBold);
    nameLabel->setFont(nameFont);
    auto* header = new QVBoxLayout;
    header->setSpacing(2);
    header->addWidget(nameLabel);
    if (!jobTitle.trimmed().isEmpty()) {
        auto* jobLabel = createTextLabel(jobTitle.trimmed(), this, QStringLiteral("postHireJobLabel"));
        jobLabel->setForegroundRole(QPalette::PlaceholderText);
        header->addWidget(jobLabel);
    }
    layout->addLayout(header);

    layout->addWidget(createTextLabel(tr("Tick the HR systems to add %1 to. Systems that already have them stay "
                                         "ticked: nobody is sent twice.")
                                          .arg(candidateName),
        this, QStringLiteral("postHireIntroLabel")));

    // A frame on the window colour, not a list-like base fill: Fusion fills check boxes with the base colour, so on
    // a base-coloured panel an unticked box vanishes in dark palettes.
    auto* panel = new QFrame(this);
    panel->setObjectName(QStringLiteral("postHireTargetsPanel"));
    panel->setFrameShape(QFrame::StyledPanel);
    auto* grid = new QGridLayout(panel);
    grid->setContentsMargins(12, 10, 12, 10);
    grid->setHorizontalSpacing(16);
    grid->setVerticalSpacing(10);
    grid->setColumnStretch(1, 1);

    for (const PostHireTarget& target : targets) {
        Row row;
        row.target = target;
        const int line = int(m_rows.size());
        row.checkBox = new QCheckBox(target.displayName.isEmpty() ? target.target : target.displayName, panel);
        row.checkBox->setObjectName(QStringLiteral("postHire_") + target.target);
        const bool locked = isLocked(target.state);
        row.checkBox->setChecked(locked || target.checked);
        row.checkBox->setEnabled(!locked);
        row.stateLabel = createTextLabel(stateText(target), panel, QStringLiteral("postHireState_") + target.target);
        row.stateLabel->setTextInteractionFlags(Qt::TextSelectableByMouse); // reasons and ids go into tickets
        // Both sit at the top of their row (a failure reason can take lines); this puts the state's first line on
        // the same middle as the taller checkbox, so the two read as one line.
        const int offset = (row.checkBox->sizeHint().height() - row.stateLabel->fontMetrics().height()) / 2;
        row.stateLabel->setContentsMargins(0, std::max(0, offset), 0, 0);
        if (target.state == PushState::Sending) {
            row.checkBox->setToolTip(
                tr("Hirebridge is sending this person to %1 right now.").arg(row.checkBox->text()));
        } else if (locked) {
            row.checkBox->setToolTip(
                tr("%1 already has this person; Hirebridge never sends anyone twice.").arg(row.checkBox->text()));
        }
        // Tie the state to its checkbox for screen readers, which read the checkbox alone otherwise.
        row.checkBox->setAccessibleDescription(row.stateLabel->text());
        grid->addWidget(row.checkBox, line, 0, Qt::AlignLeft | Qt::AlignTop);
        grid->addWidget(row.stateLabel, line, 1, Qt::AlignTop);
        connect(row.checkBox, &QCheckBox::toggled, this, &PostHireSystemsDialog::onCheckToggled);
        m_rows.append(row);
    }
    if (m_rows.isEmpty()) {
        auto* none = createTextLabel(
            tr("No HR systems are set up yet. Add one in Settings first."), panel, QStringLiteral("postHireNoTargets"));
        none->setAlignment(Qt::AlignCenter);
        grid->addWidget(none, 0, 0, 1, 2);
    }
    layout->addWidget(panel);

    m_summaryLabel = createTextLabel(QString(), this, QStringLiteral("postHireSummaryLabel"));
    m_summaryLabel->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_summaryLabel);
    layout->addStretch(1);

    auto* buttons = new QDialogButtonBox(this);
    buttons->setObjectName(QStringLiteral("postHireButtons"));
    m_pushButton = buttons->addButton(tr("Push now"), QDialogButtonBox::AcceptRole);
    m_pushButton->setObjectName(QStringLiteral("postHirePushButton"));
    m_pushButton->setDefault(true);
    m_cancelButton = buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole);
    m_cancelButton->setObjectName(QStringLiteral("postHireCancelButton"));
    m_cancelButton->setAutoDefault(false);
    layout->addWidget(buttons);

    // Clicked, not the box's accepted(): the box would accept with nothing ticked.
    connect(m_pushButton, &QPushButton::clicked, this, &PostHireSystemsDialog::onPushClicked);
    connect(m_cancelButton, &QPushButton::clicked, this, &PostHireSystemsDialog::reject);

    for (const Row& row : std::as_const(m_rows)) {
        if (row.checkBox->isEnabled()) {
            row.checkBox->setFocus(Qt::OtherFocusReason);
            break;
        }
    }
    updateStateColors();
    updatePushState();
    // Wrapped reasons need more height the narrower the dialog gets, which a top-level minimum size ignores: the
    // height they need at the narrowest width is the floor, so no width the admin picks can clip a line.
    setMinimumSize(MinimumWidth, layout->minimumHeightForWidth(MinimumWidth));
    resize(QSize(DefaultWidth, layout->heightForWidth(DefaultWidth)));
}

PostHireSystemsDialog::~PostHireSystemsDialog() = default;

bool PostHireSystemsDialog::isLocked(PushState state)
{
    return state == PushState::Pushed || state == PushState::Exists || state == PushState::Sending;
}

QString PostHireSystemsDialog::stateText(const PostHireTarget& target)
{
    const QString reason = target.reason.simplified();
    const QString remoteId = target.remoteId.trimmed();
    switch (target.state) {
    case PushState::Ready:
        return tr("Ready");
    case PushState::Sending:
        return tr("Being sent now");
    case PushState::Pushed:
        return remoteId.isEmpty() ? tr("Already pushed") : tr("Already pushed (id %1)").arg(remoteId);
    case PushState::Failed:
        return reason.isEmpty() ? tr("Failed") : tr("Failed: %1").arg(reason);
    case PushState::Exists:
        return remoteId.isEmpty() ? tr("Already an employee") : tr("Already an employee (id %1)").arg(remoteId);
    case PushState::Skipped:
        return reason.isEmpty() ? tr("Skipped") : tr("Skipped: %1").arg(reason);
    case PushState::Unknown:
        return reason.isEmpty() ? tr("May have arrived: check before sending again")
                                : tr("May have arrived: %1").arg(reason);
    }
    return {};
}

void PostHireSystemsDialog::accept()
{
    const QStringList ticked = tickedTargets();
    if (ticked.isEmpty()) {
        return; // Enter with nothing new ticked: there is nothing to push
    }
    m_chosen = ticked;
    QDialog::accept();
}

void PostHireSystemsDialog::done(int result)
{
    if (result != QDialog::Accepted) {
        m_chosen.clear();
    }
    QDialog::done(result);
}

void PostHireSystemsDialog::changeEvent(QEvent* event)
{
    QDialog::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange) {
        updateStateColors();
    }
}

void PostHireSystemsDialog::onCheckToggled()
{
    updatePushState();
}

void PostHireSystemsDialog::onPushClicked()
{
    accept();
}

QStringList PostHireSystemsDialog::tickedTargets() const
{
    QStringList ticked;
    for (const Row& row : m_rows) {
        if (!isLocked(row.target.state) && row.checkBox->isChecked()) {
            ticked.append(row.target.target);
        }
    }
    return ticked;
}

void PostHireSystemsDialog::updatePushState()
{
    QStringList names;
    for (const Row& row : std::as_const(m_rows)) {
        if (!isLocked(row.target.state) && row.checkBox->isChecked()) {
            names.append(row.checkBox->text());
        }
    }
    m_pushButton->setEnabled(!names.isEmpty());
    bool anyOpen = false;
    for (const Row& row : std::as_const(m_rows)) {
        anyOpen = anyOpen || !isLocked(row.target.state);
    }
    if (m_rows.isEmpty()) {
        m_summaryLabel->clear();
    } else if (!anyOpen) {
        m_summaryLabel->setText(tr("Every system already has this person. Nothing is left to push."));
    } else if (names.isEmpty()) {
        m_summaryLabel->setText(tr("Tick a system to push to."));
    } else {
        m_summaryLabel->setText(tr("Push now sends this person to %1.").arg(QLocale().createSeparatedList(names)));
    }
    m_summaryLabel->setVisible(!m_summaryLabel->text().isEmpty());
}

void PostHireSystemsDialog::updateStateColors()
{
    // The same tones as the dashboard's state pills, so a state reads the same everywhere, light or dark.
    for (const Row& row : std::as_const(m_rows)) {
        QPalette palette = row.stateLabel->palette();
        const QColor tone = PushStateDelegate::pillColors(row.target.state, palette).text;
        // Both roles: the label draws with Text instead of WindowText when it sits on a base-coloured background.
        palette.setColor(QPalette::WindowText, tone);
        palette.setColor(QPalette::Text, tone);
        row.stateLabel->setPalette(palette);
    }
}
