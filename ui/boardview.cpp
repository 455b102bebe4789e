#include "ui/boardview.h"

#include "models/boardmodel.h"
#include "models/distribute.h"
#include "models/groupcolors.h"
#include "models/units.h"
#include "ui/distributedialog.h"
#include "ui/relaycarddelegate.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDragEnterEvent>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QPainter>
#include <QPainterPath>
#include <QRandomGenerator>
#include <QScrollArea>
#include <QScrollBar>
#include <QStyle>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

#include <map>

namespace alloclab {

namespace {
constexpr int kColumnWidth = 236; // preferred
constexpr int kMinColumnWidth = 184; // five groups and Unassigned fit beside the Fleet dock at 1600 px

// QListView::dropEvent first tries moveRow() for drops inside one view and, when a selected row is
// already next to the drop position, accepts the event without moving the others. The board does
// every move itself through dropMimeData (one undoable command), so skip that shortcut.
class BoardListView : public QListView
{
public:
    using QListView::QListView;

protected:
    void dropEvent(QDropEvent *event) override { QAbstractItemView::dropEvent(event); }
};

QIcon themed(const char *name, QStyle::StandardPixmap fallback, const QWidget *w)
{
    return QIcon::fromTheme(QLatin1String(name), w->style()->standardIcon(fallback));
}
} // namespace

// ---------------------------------------------------------------- header

BoardColumnHeader::BoardColumnHeader(BoardModel *board, int column, QWidget *parent)
    : QWidget(parent)
    , m_board(board)
    , m_column(column)
{
    setAcceptDrops(true);
    setObjectName(QStringLiteral("boardColumnHeader%1").arg(column));
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

QSize BoardColumnHeader::sizeHint() const
{
    const QFontMetrics fm(font());
    return QSize(kColumnWidth, 2 * fm.height() + 22);
}

void BoardColumnHeader::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QColor bg = m_board->columnColour(m_column);
    const QColor fg = contrastingTextColor(bg);
    const QRectF r = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    QPainterPath path;
    path.addRoundedRect(r, 7, 7);
    p.fillPath(path, m_dropHover ? bg.lighter(115) : bg);
    if (m_dropHover) {
        p.setPen(QPen(fg, 2, Qt::DashLine));
        p.drawPath(path);
    }

    QFont bold = font();
    bold.setBold(true);
    QFont big = bold;
    big.setPointSizeF(bold.pointSizeF() * 1.45);
    const QFontMetrics fm(font());
    const QFontMetrics fmBig(big);

    qreal x = 10;
    if (m_column > 0) {
        // Letter badge: the letter in the group colour on the header's text colour.
        const qreal d = height() - 18;
        const QRectF badge(x, (height() - d) / 2, d, d);
        p.setPen(Qt::NoPen);
        p.setBrush(fg);
        p.drawEllipse(badge);
        p.setFont(big);
        p.setPen(bg);
        p.drawText(badge, Qt::AlignCenter, m_board->groups().at(m_column - 1).letter);
        x = badge.right() + 9;
    }

    // Count on the right: "20", or "12/20" while a filter hides some.
    const int total = m_board->count(m_column);
    const int shown = m_board->columnModel(m_column)->rowCount();
    const QString count
        = shown == total ? QString::number(total) : QStringLiteral("%1/%2").arg(shown).arg(total);
    p.setFont(big);
    p.setPen(fg);
    const int cw = fmBig.horizontalAdvance(count);
    const QRectF countRect(width() - 10 - cw, 0, cw, height());
    p.drawText(countRect, Qt::AlignVCenter | Qt::AlignRight, count);

    const qreal textWidth = countRect.left() - 8 - x;
    QString line1;
    QString line2;
    if (m_column == 0) {
        line1 = tr("Unassigned");
        line2 = tr("in no group");
    } else {
        const BoardGroup &g = m_board->groups().at(m_column - 1);
        line1 = g.label.isEmpty() ? tr("Group %1").arg(g.letter) : g.label;
        line2 = m_board->catalog().displayName(g.allocatorId);
    }
    const qreal top = (height() - 2 * fm.height() - 2) / 2.0;
    p.setFont(bold);
    p.drawText(QRectF(x, top, textWidth, fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
               QFontMetrics(bold).elidedText(line1, Qt::ElideRight, int(textWidth)));
    QColor dim = fg;
    dim.setAlphaF(0.85);
    p.setFont(font());
    p.setPen(dim);
    p.drawText(QRectF(x, top + fm.height() + 2, textWidth, fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
               fm.elidedText(line2, Qt::ElideRight, int(textWidth)));
}

void BoardColumnHeader::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasFormat(QLatin1String(kRelayMimeType))) {
        event->acceptProposedAction();
        m_dropHover = true;
        update();
    }
}

void BoardColumnHeader::dragLeaveEvent(QDragLeaveEvent *)
{
    m_dropHover = false;
    update();
}

void BoardColumnHeader::dropEvent(QDropEvent *event)
{
    m_dropHover = false;
    update();
    if (m_board->dropRelays(event->mimeData(), m_column, -1)) {
        // Not MoveAction: the board moved the relays itself; the source view must not remove rows.
        event->setDropAction(Qt::CopyAction);
        event->accept();
    }
}

// ---------------------------------------------------------------- board

BoardView::BoardView(BoardModel *board, QWidget *parent)
    : QWidget(parent)
    , m_board(board)
    , m_delegate(new RelayCardDelegate(this))
    , m_title(new QLabel(this))
    , m_hypothesis(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_filter(new QLineEdit(this))
    , m_scroll(new QScrollArea(this))
    , m_strip(new QWidget)
    , m_stripLayout(new QHBoxLayout(m_strip))
{
    setObjectName(QStringLiteral("boardView"));

    m_undo = m_board->undoStack()->createUndoAction(this, tr("Undo"));
    m_undo->setObjectName(QStringLiteral("actionBoardUndo"));
    m_undo->setShortcut(QKeySequence::Undo);
    m_undo->setIcon(themed("edit-undo", QStyle::SP_ArrowBack, this));
    m_redo = m_board->undoStack()->createRedoAction(this, tr("Redo"));
    m_redo->setObjectName(QStringLiteral("actionBoardRedo"));
    m_redo->setShortcuts({ QKeySequence(tr("Ctrl+Shift+Z")), QKeySequence(tr("Ctrl+Y")) });
    m_redo->setIcon(themed("edit-redo", QStyle::SP_ArrowForward, this));
    m_distribute = new QAction(themed("distribute-randomize", QStyle::SP_BrowserReload, this),
                               tr("Distribute…"), this);
    m_distribute->setObjectName(QStringLiteral("actionBoardDistribute"));
    m_distribute->setToolTip(
        tr("Assign the selected relays (or all unassigned ones) to the groups at random, "
           "stratified by host and RSS"));
    m_import = new QAction(themed("document-import", QStyle::SP_DialogOpenButton, this), tr("Import…"), this);
    m_import->setObjectName(QStringLiteral("actionBoardImport"));
    m_import->setToolTip(tr("Read groups/group_<L>_<label>.txt files or a relay_config.csv"));
    m_export = new QAction(themed("document-export", QStyle::SP_DialogSaveButton, this), tr("Export…"), this);
    m_export->setObjectName(QStringLiteral("actionBoardExport"));
    m_export->setToolTip(tr("Write groups/group_<L>_<label>.txt files and a relay_config.csv"));
    for (QAction *a : { m_undo, m_redo, m_distribute, m_import, m_export }) {
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(a);
    }
    connect(m_distribute, &QAction::triggered, this, &BoardView::openDistributeDialog);
    connect(m_import, &QAction::triggered, this, &BoardView::importRequested);
    connect(m_export, &QAction::triggered, this, &BoardView::exportRequested);

    for (int i = 0; i <= 9; ++i) {
        auto *a = new QAction(this);
        a->setObjectName(QStringLiteral("actionMoveTo%1").arg(i));
        a->setShortcut(QKeySequence(Qt::ALT | Qt::Key(Qt::Key_0 + i)));
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(a, &QAction::triggered, this, [this, i] { moveSelectionTo(i); });
        addAction(a);
        m_moveActions << a;
    }

    // Top bar: what the experiment is about, the filter, the actions.
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    m_title->setFont(titleFont);
    m_title->setObjectName(QStringLiteral("boardTitle"));
    m_hypothesis->setObjectName(QStringLiteral("boardHypothesis"));
    m_hypothesis->setForegroundRole(QPalette::PlaceholderText);
    m_hypothesis->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_filter->setObjectName(QStringLiteral("boardFilter"));
    m_filter->setPlaceholderText(tr("Filter: nickname, host, allocator…"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setMinimumWidth(240);
    connect(m_filter, &QLineEdit::textChanged, m_board, &BoardModel::setFilter);

    auto *top = new QHBoxLayout;
    auto *titles = new QVBoxLayout;
    titles->setSpacing(0);
    titles->addWidget(m_title);
    titles->addWidget(m_hypothesis);
    top->addLayout(titles, 1);
    top->addWidget(m_filter);
    top->addSpacing(8);
    for (QAction *a : { m_undo, m_redo, m_distribute, m_import, m_export }) {
        auto *b = new QToolButton(this);
        b->setDefaultAction(a);
        b->setAutoRaise(true);
        b->setToolButtonStyle(a == m_undo || a == m_redo ? Qt::ToolButtonIconOnly
                                                         : Qt::ToolButtonTextBesideIcon);
        b->setObjectName(a->objectName() + QStringLiteral("Button"));
        top->addWidget(b);
        if (a == m_redo)
            top->addSpacing(6);
    }

    m_strip->setObjectName(QStringLiteral("boardStrip"));
    m_stripLayout->setContentsMargins(0, 4, 0, 4);
    m_stripLayout->setSpacing(10);
    m_scroll->setObjectName(QStringLiteral("boardScroll"));
    m_scroll->setWidget(m_strip);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    m_summary->setObjectName(QStringLiteral("boardSummary"));
    m_summary->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 8);
    layout->setSpacing(8);
    layout->addLayout(top);
    layout->addWidget(m_scroll, 1);
    layout->addWidget(m_summary);

    connect(m_board, &BoardModel::groupsChanged, this, &BoardView::rebuildColumns);
    connect(m_board, &BoardModel::membershipChanged, this, &BoardView::updateHeaders);
    connect(m_board, &BoardModel::relaysChanged, this, &BoardView::updateHeaders);
    connect(m_board, &BoardModel::filterChanged, this, &BoardView::updateHeaders);
    connect(m_board, &BoardModel::filterChanged, this, [this](const QString &text) {
        if (m_filter->text() != text)
            m_filter->setText(text);
    });
    rebuildColumns();
    setExperiment(QString(), QString());
}

BoardView::~BoardView() = default;

void BoardView::setExperiment(const QString &name, const QString &hypothesis)
{
    m_title->setText(name.isEmpty() ? tr("Experiment") : name);
    m_hypothesis->setText(hypothesis);
    m_hypothesis->setToolTip(hypothesis);
    m_hypothesis->setVisible(!hypothesis.isEmpty());
}

QListView *BoardView::columnView(int column) const
{
    return column >= 0 && column < int(m_columns.size()) ? m_columns.at(std::size_t(column)).view : nullptr;
}

BoardColumnHeader *BoardView::columnHeader(int column) const
{
    return column >= 0 && column < int(m_columns.size()) ? m_columns.at(std::size_t(column)).header : nullptr;
}

QStringList BoardView::selectedKeys() const
{
    const int c = selectionColumn();
    if (c < 0)
        return {};
    QListView *v = m_columns.at(std::size_t(c)).view;
    return m_board->columnModel(c)->keys(v->selectionModel()->selectedIndexes());
}

int BoardView::selectionColumn() const
{
    for (std::size_t c = 0; c < m_columns.size(); ++c)
        if (m_columns[c].view->selectionModel() && m_columns[c].view->selectionModel()->hasSelection())
            return int(c);
    return -1;
}

void BoardView::moveSelectionTo(int column)
{
    const int from = selectionColumn();
    if (from < 0 || column < 0 || column >= m_board->columnCount() || column == from)
        return;
    QListView *view = m_columns.at(std::size_t(from)).view;
    const QModelIndexList selected = view->selectionModel()->selectedIndexes();
    int firstRow = INT_MAX;
    for (const QModelIndex &i : selected)
        firstRow = std::min(firstRow, i.row());
    if (!m_board->moveRelays(m_board->columnModel(from)->keys(selected), column))
        return;
    // Keep the keyboard in the source column, on the relay that took the first moved one's place,
    // so that picking relays one after another is: arrow, Alt+digit, arrow, Alt+digit...
    const int rows = view->model()->rowCount();
    if (rows > 0) {
        const QModelIndex next = view->model()->index(std::min(firstRow, rows - 1), 0);
        view->selectionModel()->setCurrentIndex(next, QItemSelectionModel::ClearAndSelect);
    }
    view->setFocus();
}

void BoardView::openDistributeDialog()
{
    if (m_board->groups().isEmpty()) {
        QMessageBox::information(this, tr("Distribute relays"),
                                 tr("Create an experiment with groups first."));
        return;
    }
    QStringList keys = selectedKeys();
    if (keys.isEmpty())
        keys = m_board->columnKeys(0);
    if (keys.isEmpty()) {
        QMessageBox::information(this, tr("Distribute relays"),
                                 tr("Select the relays to distribute, or leave some in Unassigned."));
        return;
    }
    DistributeDialog dialog(m_board, keys, QRandomGenerator::global()->generate64() % 1000000000ULL, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QString error;
    if (!m_board->distribute(keys, dialog.sizes(), dialog.seed(), &error))
        QMessageBox::warning(this, tr("Distribute relays"), error);
}

void BoardView::rebuildColumns()
{
    for (Column &c : m_columns)
        delete c.frame;
    m_columns.clear();
    while (QLayoutItem *item = m_stripLayout->takeAt(0))
        delete item;

    for (int c = 0; c < m_board->columnCount(); ++c) {
        Column col;
        col.frame = new QFrame(m_strip);
        col.frame->setObjectName(QStringLiteral("boardColumn%1").arg(c));
        // Columns give way (down to a card that still reads) before the strip needs a scroll bar.
        col.frame->setMinimumWidth(kMinColumnWidth);
        col.frame->setMaximumWidth(kColumnWidth);
        auto *v = new QVBoxLayout(col.frame);
        v->setContentsMargins(0, 0, 0, 0);
        v->setSpacing(4);
        col.header = new BoardColumnHeader(m_board, c, col.frame);
        col.stats = new QLabel(col.frame);
        col.stats->setObjectName(QStringLiteral("boardColumnStats%1").arg(c));
        col.stats->setForegroundRole(QPalette::PlaceholderText);
        col.stats->setContentsMargins(4, 0, 4, 0);
        col.warnings = new QLabel(col.frame);
        col.warnings->setObjectName(QStringLiteral("boardColumnWarnings%1").arg(c));
        col.warnings->setWordWrap(true);
        col.warnings->setTextFormat(Qt::RichText);
        col.warnings->setStyleSheet(
            QStringLiteral("QLabel { background: #FDF1DC; color: #7A3E00; "
                           "border: 1px solid #F0C987; border-radius: 5px; padding: 4px 6px; }"));
        col.view = new BoardListView(col.frame);
        col.view->setObjectName(QStringLiteral("boardColumnView%1").arg(c));
        col.view->setModel(m_board->columnModel(c));
        col.view->setItemDelegate(m_delegate);
        col.view->setSelectionMode(QAbstractItemView::ExtendedSelection);
        col.view->setDragEnabled(true);
        col.view->setAcceptDrops(true);
        col.view->setDropIndicatorShown(true);
        col.view->setDragDropMode(QAbstractItemView::DragDrop);
        col.view->setDefaultDropAction(Qt::MoveAction);
        col.view->setUniformItemSizes(true);
        col.view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
        col.view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        col.view->setMouseTracking(true);
        col.view->setContextMenuPolicy(Qt::CustomContextMenu);
        col.view->setFrameShape(QFrame::NoFrame);
        col.view->installEventFilter(this);
        QPalette pal = col.view->palette();
        // A tray slightly darker than the window, so white cards stand out without borders shouting.
        pal.setColor(QPalette::Base, pal.color(QPalette::Window).darker(106));
        col.view->setPalette(pal);
        connect(col.view, &QWidget::customContextMenuRequested, this, [this, c](const QPoint &pos) {
            showContextMenu(c, m_columns.at(std::size_t(c)).view->viewport()->mapToGlobal(pos));
        });
        connect(col.view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
                [this, c] { selectionChangedIn(c); });
        v->addWidget(col.header);
        v->addWidget(col.stats);
        v->addWidget(col.warnings);
        v->addWidget(col.view, 1);
        m_stripLayout->addWidget(col.frame);
        m_columns.push_back(col);
    }
    m_stripLayout->addStretch(1);
    updateHeaders();
    updateMoveActions();
}

void BoardView::updateHeaders()
{
    qint64 maxRss = 0;
    int mismatches = 0;
    for (const BoardRelay &r : m_board->relays())
        maxRss = std::max(maxRss, r.rssKb);
    m_delegate->setMaxRssKb(maxRss);
    for (std::size_t c = 0; c < m_columns.size(); ++c) {
        const Column &col = m_columns[c];
        QStringList lines;
        for (const BoardWarning &w : m_board->warnings(int(c)))
            if (w.kind != BoardWarning::Empty)
                lines << QStringLiteral("⚠ ") + w.text.toHtmlEscaped();
        col.warnings->setText(lines.join(QStringLiteral("<br>")));
        col.warnings->setVisible(!lines.isEmpty());
        // Mean RSS and host mix: what makes a group comparable, visible while dragging.
        qint64 rssSum = 0;
        int rssCount = 0;
        std::map<QString, int> hosts;
        for (const QString &k : m_board->columnKeys(int(c))) {
            const BoardRelay r = m_board->relay(k);
            ++hosts[r.host];
            if (r.rssKb >= 0) {
                rssSum += r.rssKb;
                ++rssCount;
            }
        }
        QStringList stats;
        if (rssCount > 0)
            stats << tr("mean %1").arg(units::formatKiB(rssSum / rssCount));
        for (const auto &[host, n] : hosts)
            stats << QStringLiteral("%1 %2").arg(host.isEmpty() ? tr("(no host)") : host).arg(n);
        col.stats->setText(stats.isEmpty() ? tr("drop relays here") : stats.join(QStringLiteral(" · ")));
        const int mm = m_board->mismatchCount(int(c));
        mismatches += mm;
        QString tip = m_board->columnTitle(int(c));
        if (c > 0)
            tip += QStringLiteral("\n")
                + tr("Allocator: %1").arg(m_board->catalog().displayName(m_board->columnAllocatorId(int(c))));
        if (mm > 0)
            tip += QStringLiteral("\n")
                + tr("%1 of %2 relays run another allocator (deploy to apply)")
                      .arg(mm)
                      .arg(m_board->count(int(c)));
        col.header->setToolTip(tip);
        col.header->update();
        col.view->viewport()->update();
    }
    const int total = int(m_board->relays().size());
    const int unassigned = m_board->count(0);
    QString summary
        = tr("%1 relays · %2 in groups · %3 unassigned").arg(total).arg(total - unassigned).arg(unassigned);
    if (mismatches > 0)
        summary += QStringLiteral(" · ")
            + tr("%1 still run another allocator than their group's (! on the card): deploy to apply")
                  .arg(mismatches);
    summary += QStringLiteral(" · ") + tr("Drag to move · Alt+1…9 to a group, Alt+0 back · Ctrl+Z undo");
    m_summary->setText(summary);
}

void BoardView::updateMoveActions()
{
    for (int i = 0; i < m_moveActions.size(); ++i) {
        QAction *a = m_moveActions.at(i);
        const bool exists = i < m_board->columnCount();
        a->setEnabled(exists);
        if (!exists) {
            a->setText(QString());
            continue;
        }
        if (i == 0) {
            a->setText(tr("Unassigned"));
        } else {
            const BoardGroup &g = m_board->groups().at(i - 1);
            a->setText(QStringLiteral("%1 · %2 — %3")
                           .arg(g.letter, g.label, m_board->catalog().displayName(g.allocatorId)));
            QPixmap swatch(12, 12);
            swatch.fill(g.colour);
            a->setIcon(QIcon(swatch));
        }
    }
}

void BoardView::showContextMenu(int column, const QPoint &globalPos)
{
    const QStringList keys = selectedKeys();
    QMenu menu(this);
    QMenu *move = menu.addMenu(tr("Move to group"));
    move->setObjectName(QStringLiteral("menuMoveToGroup"));
    move->setEnabled(!keys.isEmpty());
    for (int i = 1; i < m_board->columnCount() && i < m_moveActions.size(); ++i) {
        m_moveActions.at(i)->setEnabled(i != column);
        move->addAction(m_moveActions.at(i));
    }
    // Groups J..Z have no Alt+digit; they are still in the menu.
    for (int i = int(m_moveActions.size()); i < m_board->columnCount(); ++i) {
        const BoardGroup &g = m_board->groups().at(i - 1);
        QAction *a
            = move->addAction(QStringLiteral("%1 · %2 — %3")
                                  .arg(g.letter, g.label, m_board->catalog().displayName(g.allocatorId)));
        a->setEnabled(i != column);
        connect(a, &QAction::triggered, this, [this, i] { moveSelectionTo(i); });
    }
    move->addSeparator();
    m_moveActions.at(0)->setEnabled(column != 0);
    move->addAction(m_moveActions.at(0));
    menu.addSeparator();
    QAction *copy = menu.addAction(tr("Copy Nicknames"));
    copy->setEnabled(!keys.isEmpty());
    connect(copy, &QAction::triggered, this, [this, keys] {
        QStringList names;
        for (const QString &k : keys)
            names << m_board->relay(k).nickname;
        QApplication::clipboard()->setText(names.join(QLatin1Char('\n')));
    });
    menu.addAction(m_distribute);
    menu.exec(globalPos);
    for (int i = 0; i < m_board->columnCount() && i < m_moveActions.size(); ++i)
        m_moveActions.at(i)->setEnabled(true);
}

void BoardView::selectionChangedIn(int column)
{
    // One column holds the selection at a time, so "the selected relays" is never ambiguous.
    if (m_clearingSelection || !m_columns.at(std::size_t(column)).view->selectionModel()->hasSelection())
        return;
    m_clearingSelection = true;
    for (std::size_t c = 0; c < m_columns.size(); ++c)
        if (int(c) != column)
            m_columns[c].view->selectionModel()->clearSelection();
    m_clearingSelection = false;
}

bool BoardView::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Delete || key->key() == Qt::Key_Backspace)
            && key->modifiers() == Qt::NoModifier && qobject_cast<QListView *>(watched)) {
            moveSelectionTo(0);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace alloclab
