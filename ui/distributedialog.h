#pragma once

#include <QDialog>
#include <QList>
#include <QStringList>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace alloclab {

class BoardModel;

// Distribute…: sizes per group, the seed (shown and editable, so a draw can be redone), and a
// live preview of what each group would get per host and in RSS.
class DistributeDialog : public QDialog
{
    Q_OBJECT
public:
    DistributeDialog(const BoardModel *board, const QStringList &keys, quint64 seed,
                     QWidget *parent = nullptr);

    QList<int> sizes() const;
    quint64 seed() const;
    void setSizes(const QList<int> &sizes);
    void setSeed(quint64 seed);
    QString previewText(int group) const; // for tests: what the preview row of a group says

private:
    void updatePreview();

    const BoardModel *m_board;
    QStringList m_keys;
    QList<QSpinBox *> m_sizes;
    QList<QLabel *> m_previews;
    QLineEdit *m_seed;
    QLabel *m_total;
    QDialogButtonBox *m_buttons;
};

} // namespace alloclab
