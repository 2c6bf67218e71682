#include "GuidePanel.h"

#include <QLabel>
#include <QScrollArea>
#include <QTextDocument>
#include <QVBoxLayout>

GuidePanel::GuidePanel(QWidget* parent)
    : QFrame(parent)
    , m_title(new QLabel(this))
    , m_steps(new QLabel(this))
    , m_warning(new QLabel(this))
{
    setObjectName(QStringLiteral("guidePanel"));
    setFrameShape(QFrame::StyledPanel);
    setStyleSheet(QStringLiteral("#guidePanel { background: palette(alternate-base); border: 1px solid palette(mid); "
                                 "border-radius: 6px; }"));
    m_title->setObjectName(QStringLiteral("guideTitle"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_title->setWordWrap(true);
    for (QLabel* label : {m_steps, m_warning}) {
        label->setWordWrap(true);
        label->setTextFormat(Qt::RichText);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_steps->setObjectName(QStringLiteral("guideSteps"));
    m_warning->setObjectName(QStringLiteral("guideWarning"));
    m_warning->setStyleSheet(QStringLiteral("QLabel { background: rgba(210,153,34,0.18); border: 1px solid #bf8700; "
                                            "border-radius: 4px; padding: 6px; }"));

    // The steps scroll when the window is small (800 x 600 and a long guide): never cut off mid-line.
    auto* content = new QWidget;
    content->setObjectName(QStringLiteral("guideContent"));
    content->setAutoFillBackground(false);
    auto* contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(12, 10, 12, 10);
    contentLayout->addWidget(m_title);
    contentLayout->addWidget(m_steps);
    contentLayout->addWidget(m_warning);
    contentLayout->addStretch(1);
    m_scroll = new QScrollArea(this);
    m_scroll->setObjectName(QStringLiteral("guideScrollArea"));
    m_scroll->setWidget(content);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scroll->viewport()->setAutoFillBackground(false);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(1, 1, 1, 1);
    layout->addWidget(m_scroll);
}

void GuidePanel::setGuide(const QString& title, const QStringList& steps, const QString& warning)
{
    m_title->setText(title);
    QString html;
    for (int i = 0; i < steps.size(); ++i) {
        // A table keeps wrapped lines indented under their number, which <ol> in a QLabel does not do reliably.
        html += QStringLiteral("<tr><td style=\"padding-right:6px\"><b>%1.</b></td><td style=\"padding-bottom:6px\">"
                               "%2</td></tr>")
                    .arg(i + 1)
                    .arg(steps.at(i));
    }
    m_steps->setText(QStringLiteral("<table cellspacing=\"0\" cellpadding=\"0\">%1</table>").arg(html));
    m_warning->setText(warning);
    m_warning->setVisible(!warning.isEmpty());
}

QString GuidePanel::plainText() const
{
    QTextDocument steps;
    steps.setHtml(m_steps->text());
    QTextDocument warning;
    warning.setHtml(m_warning->text());
    return m_title->text() + QLatin1Char('\n') + steps.toPlainText() + QLatin1Char('\n') + warning.toPlainText();
}
