#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace alloclab {

// The honest "nothing here yet" panel: what will appear, and the one action that gets there.
class EmptyState : public QWidget
{
    Q_OBJECT
public:
    EmptyState(const QString &title, const QString &explanation, QWidget *parent = nullptr);

    // Adds the call-to-action button wired to `action` (enabled state and text follow it).
    QPushButton *addAction(QAction *action);
    QString title() const;

private:
    QLabel *m_title;
    QLabel *m_text;
    QWidget *m_column = nullptr;
};

} // namespace alloclab
