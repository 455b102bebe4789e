#include "ui/distributedialog.h"

#include "models/boardmodel.h"
#include "models/distribute.h"
#include "models/units.h"

#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QRegularExpressionValidator>
#include <QSpinBox>
#include <QVBoxLayout>

#include <map>

namespace alloclab {

DistributeDialog::DistributeDialog(const BoardModel *board, const QStringList &keys, quint64 seed,
                                   QWidget *parent)
    : QDialog(parent)
    , m_board(board)
    , m_keys(keys)
    , m_seed(new QLineEdit(this))
    , m_total(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("distributeDialog"));
    setWindowTitle(tr("Distribute Relays"));
    auto *intro
        = new QLabel(tr("Assign %n relays to the groups at random, stratified by host and by RSS: every "
                        "group gets its share of each host and of small and large relays. The same seed "
                        "gives the same draw.",
                        nullptr, int(keys.size())),
                     this);
    intro->setWordWrap(true);

    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(12);
    const QList<BoardGroup> groups = board->groups();
    const QList<int> initial = equalSizes(int(keys.size()), int(groups.size()));
    for (int i = 0; i < groups.size(); ++i) {
        const BoardGroup &g = groups.at(i);
        auto *swatch = new QLabel(this);
        QPixmap px(14, 14);
        px.fill(g.colour);
        swatch->setPixmap(px);
        auto *name = new QLabel(QStringLiteral("<b>%1</b> %2 <span style='color:gray'>%3</span>")
                                    .arg(g.letter, g.label.toHtmlEscaped(),
                                         board->catalog().displayName(g.allocatorId).toHtmlEscaped()),
                                this);
        auto *spin = new QSpinBox(this);
        spin->setObjectName(QStringLiteral("size%1").arg(g.letter));
        spin->setRange(0, int(keys.size()));
        spin->setValue(initial.value(i));
        connect(spin, &QSpinBox::valueChanged, this, &DistributeDialog::updatePreview);
        auto *preview = new QLabel(this);
        preview->setObjectName(QStringLiteral("preview%1").arg(g.letter));
        preview->setForegroundRole(QPalette::PlaceholderText);
        grid->addWidget(swatch, i, 0);
        grid->addWidget(name, i, 1);
        grid->addWidget(spin, i, 2);
        grid->addWidget(preview, i, 3);
        m_sizes << spin;
        m_previews << preview;
    }
    grid->setColumnStretch(3, 1);

    auto *equal = new QPushButton(tr("Equal Sizes"), this);
    connect(equal, &QPushButton::clicked, this,
            [this] { setSizes(equalSizes(int(m_keys.size()), int(m_sizes.size()))); });
    auto *sizesRow = new QHBoxLayout;
    sizesRow->addWidget(m_total, 1);
    sizesRow->addWidget(equal);

    m_seed->setObjectName(QStringLiteral("seed"));
    m_seed->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{1,19}")), m_seed));
    m_seed->setText(QString::number(seed));
    m_seed->setToolTip(
        tr("Write the seed down (it is also in the undo history): the same seed, relays and sizes "
           "give the same groups."));
    connect(m_seed, &QLineEdit::textChanged, this, &DistributeDialog::updatePreview);
    auto *reroll = new QPushButton(tr("New Seed"), this);
    connect(reroll, &QPushButton::clicked, this,
            [this] { setSeed(QRandomGenerator::global()->generate64() % 1000000000ULL); });
    auto *seedRow = new QHBoxLayout;
    seedRow->addWidget(new QLabel(tr("Seed:"), this));
    seedRow->addWidget(m_seed, 1);
    seedRow->addWidget(reroll);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Distribute"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addSpacing(6);
    layout->addLayout(grid);
    layout->addLayout(sizesRow);
    layout->addLayout(seedRow);
    layout->addWidget(m_buttons);
    resize(640, sizeHint().height());
    updatePreview();
}

QList<int> DistributeDialog::sizes() const
{
    QList<int> out;
    for (const QSpinBox *s : m_sizes)
        out << s->value();
    return out;
}

quint64 DistributeDialog::seed() const
{
    return m_seed->text().toULongLong();
}

void DistributeDialog::setSizes(const QList<int> &sizes)
{
    for (int i = 0; i < m_sizes.size() && i < sizes.size(); ++i)
        m_sizes.at(i)->setValue(sizes.at(i));
}

void DistributeDialog::setSeed(quint64 seed)
{
    m_seed->setText(QString::number(seed));
}

QString DistributeDialog::previewText(int group) const
{
    return m_previews.value(group) ? m_previews.at(group)->text() : QString();
}

void DistributeDialog::updatePreview()
{
    const QList<int> s = sizes();
    int total = 0;
    for (int v : s)
        total += v;
    const int n = int(m_keys.size());
    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    if (total > n) {
        m_total->setText(QStringLiteral("<span style='color:#D55E00'>%1</span>")
                             .arg(tr("The groups ask for %1 relays; %2 are selected.").arg(total).arg(n)));
        ok->setEnabled(false);
        for (QLabel *p : std::as_const(m_previews))
            p->clear();
        return;
    }
    m_total->setText(
        total == n
            ? tr("All %1 relays go into a group.").arg(n)
            : tr("%1 of %2 relays go into a group; %3 stay unassigned.").arg(total).arg(n).arg(n - total));
    ok->setEnabled(!m_seed->text().isEmpty() && total > 0);

    // The same sorting as BoardModel::distribute, so the preview is what will happen.
    QStringList keys = m_keys;
    std::sort(keys.begin(), keys.end());
    QList<DistributeItem> items;
    for (const QString &k : std::as_const(keys)) {
        const BoardRelay r = m_board->relay(k);
        items << DistributeItem { r.host, r.rssKb };
    }
    const QList<int> groupOf = distribute(items, s, seed());
    for (int g = 0; g < m_previews.size(); ++g) {
        std::map<QString, int> hosts;
        qint64 rssSum = 0;
        int rssCount = 0;
        for (int i = 0; i < groupOf.size(); ++i) {
            if (groupOf.at(i) != g)
                continue;
            ++hosts[items.at(i).host];
            if (items.at(i).rssKb >= 0) {
                rssSum += items.at(i).rssKb;
                ++rssCount;
            }
        }
        QStringList parts;
        for (const auto &[host, count] : hosts)
            parts << QStringLiteral("%1 %2").arg(host).arg(count);
        QString text = parts.join(QStringLiteral(", "));
        if (rssCount > 0)
            text += QStringLiteral(" · ") + tr("mean %1").arg(units::formatKiB(rssSum / rssCount));
        m_previews.at(g)->setText(text);
    }
}

} // namespace alloclab
