#include "ui/experimentdialog.h"

#include "models/groupcolors.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableWidget>
#include <QVBoxLayout>

namespace alloclab {

namespace {
enum Col { LetterCol, LabelCol, AllocatorCol };

QIcon swatch(const QColor &c)
{
    QPixmap px(14, 14);
    px.fill(c);
    return QIcon(px);
}
} // namespace

ExperimentDialog::ExperimentDialog(const AllocatorCatalog &catalog, QWidget *parent)
    : QDialog(parent)
    , m_catalog(catalog)
    , m_name(new QLineEdit(this))
    , m_hypothesis(new QLineEdit(this))
    , m_notes(new QPlainTextEdit(this))
    , m_started(new QCheckBox(tr("Started at"), this))
    , m_start(new QDateTimeEdit(QDateTime::currentDateTime(), this))
    , m_groups(new QTableWidget(0, 3, this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("experimentDialog"));
    setWindowTitle(tr("New Experiment"));
    m_name->setObjectName(QStringLiteral("experimentName"));
    m_name->setPlaceholderText(tr("e.g. 5-way allocator comparison"));
    m_hypothesis->setObjectName(QStringLiteral("experimentHypothesis"));
    m_hypothesis->setPlaceholderText(tr("e.g. mimalloc 2.0.9 keeps relays below half of glibc's RSS"));
    m_notes->setObjectName(QStringLiteral("experimentNotes"));
    m_notes->setPlaceholderText(tr("Anything worth remembering: tor version, kernel, why these groups…"));
    m_notes->setMaximumHeight(80);
    m_start->setCalendarPopup(true);
    m_start->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    m_start->setEnabled(false);
    m_started->setToolTip(
        tr("Leave unchecked while planning: the start is set when the groups are deployed."));
    connect(m_started, &QCheckBox::toggled, m_start, &QWidget::setEnabled);

    m_groups->setObjectName(QStringLiteral("experimentGroups"));
    m_groups->setHorizontalHeaderLabels({ tr("Group"), tr("Label"), tr("Allocator") });
    m_groups->verticalHeader()->hide();
    m_groups->horizontalHeader()->setSectionResizeMode(LabelCol, QHeaderView::Stretch);
    m_groups->horizontalHeader()->setSectionResizeMode(AllocatorCol, QHeaderView::Stretch);
    m_groups->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_groups->setSelectionMode(QAbstractItemView::SingleSelection);
    connect(m_groups, &QTableWidget::itemChanged, this, &ExperimentDialog::updateState);

    auto *add = new QPushButton(tr("Add Group"), this);
    add->setObjectName(QStringLiteral("addGroup"));
    connect(add, &QPushButton::clicked, this, [this] { addGroup(); });
    auto *remove = new QPushButton(tr("Remove Group"), this);
    remove->setObjectName(QStringLiteral("removeGroup"));
    connect(remove, &QPushButton::clicked, this, &ExperimentDialog::removeSelectedGroup);
    auto *groupButtons = new QHBoxLayout;
    groupButtons->addWidget(add);
    groupButtons->addWidget(remove);
    groupButtons->addStretch(1);

    auto *startRow = new QHBoxLayout;
    startRow->addWidget(m_started);
    startRow->addWidget(m_start);
    startRow->addStretch(1);

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Hypothesis:"), m_hypothesis);
    form->addRow(tr("N&otes:"), m_notes);
    form->addRow(tr("Start:"), startRow);

    m_error->setObjectName(QStringLiteral("experimentError"));
    m_error->setStyleSheet(QStringLiteral("color: #D55E00"));
    m_error->setWordWrap(true);
    connect(m_name, &QLineEdit::textChanged, this, &ExperimentDialog::updateState);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Groups (one colour per letter, the same in every chart):"), this));
    layout->addWidget(m_groups, 1);
    layout->addLayout(groupButtons);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    resize(620, 520);

    // A sensible start: the comparison most operators run first.
    addGroup(QStringLiteral("mimalloc"), QStringLiteral("mimalloc"));
    addGroup(QStringLiteral("jemalloc"), QStringLiteral("jemalloc"));
    addGroup(QStringLiteral("glibc"), QStringLiteral("glibc"));
    updateState();
}

void ExperimentDialog::addGroup(const QString &label, const QString &allocatorId)
{
    if (m_groups->rowCount() >= 26)
        return;
    const int row = m_groups->rowCount();
    QSignalBlocker block(m_groups);
    m_groups->insertRow(row);
    auto *letter = new QTableWidgetItem;
    letter->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    m_groups->setItem(row, LetterCol, letter);
    m_groups->setItem(row, LabelCol, new QTableWidgetItem(label));
    auto *combo = new QComboBox(m_groups);
    combo->setObjectName(QStringLiteral("allocator%1").arg(row));
    for (const AllocatorRecord &a : m_catalog.allocators())
        combo->addItem(m_catalog.displayName(a.id), a.id);
    const int index = combo->findData(allocatorId.isEmpty() ? QStringLiteral("glibc") : allocatorId);
    combo->setCurrentIndex(std::max(0, index));
    connect(combo, &QComboBox::currentIndexChanged, this, [this, combo] {
        // Follow the allocator with the label while the operator has not typed one of their own.
        for (int r = 0; r < m_groups->rowCount(); ++r)
            if (m_groups->cellWidget(r, AllocatorCol) == combo
                && m_groups->item(r, LabelCol)->text().isEmpty())
                m_groups->item(r, LabelCol)->setText(combo->currentData().toString());
        updateState();
    });
    m_groups->setCellWidget(row, AllocatorCol, combo);
    relabel();
    updateState();
}

void ExperimentDialog::removeSelectedGroup()
{
    const int row = m_groups->currentRow();
    if (row < 0)
        return;
    m_groups->removeRow(row);
    relabel();
    updateState();
}

void ExperimentDialog::relabel()
{
    QSignalBlocker block(m_groups);
    for (int r = 0; r < m_groups->rowCount(); ++r) {
        const QString letter = QString(QChar(u'A' + r));
        QTableWidgetItem *item = m_groups->item(r, LetterCol);
        item->setText(letter);
        item->setIcon(swatch(groupColor(letter)));
    }
}

void ExperimentDialog::setExperiment(const ExperimentRecord &e)
{
    setWindowTitle(tr("Edit Experiment"));
    m_id = e.id;
    m_endMs = e.endMs;
    m_name->setText(e.name);
    m_hypothesis->setText(e.hypothesis);
    m_notes->setPlainText(e.notes);
    m_started->setChecked(e.startMs > 0);
    if (e.startMs > 0)
        m_start->setDateTime(QDateTime::fromMSecsSinceEpoch(e.startMs));
    m_groups->setRowCount(0);
    for (const GroupRecord &g : e.groups)
        addGroup(g.label, g.allocatorId);
    updateState();
}

ExperimentRecord ExperimentDialog::experiment() const
{
    ExperimentRecord e;
    e.id = m_id;
    e.name = m_name->text().trimmed();
    e.hypothesis = m_hypothesis->text().trimmed();
    e.notes = m_notes->toPlainText();
    e.startMs = m_started->isChecked() ? m_start->dateTime().toMSecsSinceEpoch() : 0;
    e.endMs = m_endMs;
    for (int r = 0; r < m_groups->rowCount(); ++r) {
        GroupRecord g;
        g.letter = m_groups->item(r, LetterCol)->text();
        g.label = m_groups->item(r, LabelCol)->text().trimmed();
        g.allocatorId
            = static_cast<QComboBox *>(m_groups->cellWidget(r, AllocatorCol))->currentData().toString();
        g.colour = groupColorName(g.letter);
        if (g.label.isEmpty())
            g.label = g.allocatorId;
        e.groups << g;
    }
    return e;
}

QString ExperimentDialog::validationError() const
{
    const ExperimentRecord e = experiment();
    if (e.name.isEmpty())
        return tr("Give the experiment a name.");
    if (e.groups.size() < 2)
        return tr("An experiment compares at least two groups.");
    static const QRegularExpression label(QStringLiteral("^[A-Za-z0-9.+-]{1,32}$"));
    for (const GroupRecord &g : e.groups)
        if (!label.match(g.label).hasMatch())
            return tr("The label of group %1 may contain only letters, digits and . + - (it names the "
                      "group's "
                      "file, group_%1_<label>.txt).")
                .arg(g.letter);
    return {};
}

void ExperimentDialog::updateState()
{
    const QString error = validationError();
    m_error->setText(error);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(error.isEmpty());
}

} // namespace alloclab
