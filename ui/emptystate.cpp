#include "ui/emptystate.h"

#include <QAction>
#include <QLabel>
#include <QPushButton>
#include <QHBoxLayout>
#include <QVBoxLayout>

namespace alloclab {

EmptyState::EmptyState(const QString &title, const QString &explanation, QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(title, this))
    , m_text(new QLabel(explanation, this))
{
    QFont f = m_title->font();
    f.setPointSizeF(f.pointSizeF() * 1.4);
    f.setBold(true);
    m_title->setFont(f);
    m_title->setAlignment(Qt::AlignCenter);
    m_text->setAlignment(Qt::AlignCenter);
    m_text->setWordWrap(true);
    m_text->setForegroundRole(QPalette::PlaceholderText);

    // Word-wrapped labels only get their height for a width when no alignment flag is set
    // on their layout item, so the column is centred by stretches instead.
    m_column = new QWidget(this);
    m_column->setMaximumWidth(480);
    auto *column = new QVBoxLayout(m_column);
    column->setContentsMargins(0, 0, 0, 0);
    column->addWidget(m_title);
    column->addWidget(m_text);

    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(m_column, 4);
    row->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(2);
    layout->addLayout(row);
    layout->addStretch(3);
}

QPushButton *EmptyState::addAction(QAction *action)
{
    auto *button = new QPushButton(action->icon(), action->text(), this);
    button->setObjectName(action->objectName() + QStringLiteral("Button"));
    connect(button, &QPushButton::clicked, action, &QAction::trigger);
    connect(action, &QAction::changed, button, [button, action] {
        button->setEnabled(action->isEnabled());
        button->setText(action->text());
    });
    static_cast<QVBoxLayout *>(m_column->layout())->addWidget(button, 0, Qt::AlignHCenter);
    return button;
}

QString EmptyState::title() const
{
    return m_title->text();
}

} // namespace alloclab
