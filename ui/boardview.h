#pragma once

#include <QFrame>
#include <QPointer>
#include <QWidget>

#include <vector>

class QAction;
class QLabel;
class QLineEdit;
class QListView;
class QHBoxLayout;
class QScrollArea;
class QToolButton;

namespace alloclab {

class BoardModel;
class RelayCardDelegate;

// The coloured head of a board column: letter badge, label, allocator, relay count. Relays
// dropped on it go to the end of its column.
class BoardColumnHeader : public QWidget
{
    Q_OBJECT
public:
    BoardColumnHeader(BoardModel *board, int column, QWidget *parent = nullptr);
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }

protected:
    void paintEvent(QPaintEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragLeaveEvent(QDragLeaveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    BoardModel *m_board;
    int m_column;
    bool m_dropHover = false;
};

// The Experiment tab: one column per group plus Unassigned, relays as cards. Relays move by drag
// and drop (between columns, or from the fleet view), by the context menu "Move to group ▸", or by
// Alt+1..9 (group) / Alt+0 (Unassigned); every move is undoable (Ctrl+Z, Ctrl+Shift+Z).
class BoardView : public QWidget
{
    Q_OBJECT
public:
    explicit BoardView(BoardModel *board, QWidget *parent = nullptr);
    ~BoardView() override;

    BoardModel *board() const { return m_board; }
    void setExperiment(const QString &name, const QString &hypothesis);

    QListView *columnView(int column) const;
    BoardColumnHeader *columnHeader(int column) const;
    QLineEdit *filterEdit() const { return m_filter; }
    // Selected relays across all columns (one column holds the selection at a time), in row order.
    QStringList selectedKeys() const;
    int selectionColumn() const; // -1 when nothing is selected

    QAction *undoAction() const { return m_undo; }
    QAction *redoAction() const { return m_redo; }
    QAction *distributeAction() const { return m_distribute; }
    QAction *importAction() const { return m_import; }
    QAction *exportAction() const { return m_export; }
    // Index 0: to Unassigned (Alt+0); index i: to group i (Alt+i), for i up to 9.
    QList<QAction *> moveActions() const { return m_moveActions; }

public Q_SLOTS:
    // Moves the selected relays to `column` (0 = Unassigned) and keeps the keyboard where it was.
    void moveSelectionTo(int column);
    void openDistributeDialog();

Q_SIGNALS:
    // The application layer reads and writes the files (groups/*.txt, relay_config.csv).
    void importRequested();
    void exportRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Column {
        QFrame *frame = nullptr;
        BoardColumnHeader *header = nullptr;
        QLabel *stats = nullptr; // mean RSS and host mix
        QLabel *warnings = nullptr;
        QListView *view = nullptr;
    };
    void rebuildColumns();
    void updateHeaders();
    void updateMoveActions();
    void showContextMenu(int column, const QPoint &globalPos);
    void selectionChangedIn(int column);

    BoardModel *m_board;
    RelayCardDelegate *m_delegate;
    QLabel *m_title;
    QLabel *m_hypothesis;
    QLabel *m_summary;
    QLineEdit *m_filter;
    QScrollArea *m_scroll;
    QWidget *m_strip;
    QHBoxLayout *m_stripLayout;
    std::vector<Column> m_columns;
    QAction *m_undo;
    QAction *m_redo;
    QAction *m_distribute;
    QAction *m_import;
    QAction *m_export;
    QList<QAction *> m_moveActions;
    bool m_clearingSelection = false;
};

} // namespace alloclab
