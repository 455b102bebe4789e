#include "ui/deploydialog.h"

#include "models/units.h"
#include "ui/rolloutmodel.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSpinBox>
#include <QSyntaxHighlighter>
#include <QVBoxLayout>

namespace alloclab {

namespace {

// Colours the dry run like a diff: added lines green, removed red, host and batch headers bold.
class PlanHighlighter : public QSyntaxHighlighter
{
public:
    using QSyntaxHighlighter::QSyntaxHighlighter;

protected:
    void highlightBlock(const QString &text) override
    {
        QTextCharFormat f;
        if (text.startsWith(QLatin1String("    +++")) || text.startsWith(QLatin1String("    ---"))) {
            f.setFontWeight(QFont::Bold);
        } else if (text.startsWith(QLatin1String("    +"))) {
            f.setForeground(QColor(0x1a, 0x7f, 0x37));
        } else if (text.startsWith(QLatin1String("    -"))) {
            f.setForeground(QColor(0xcf, 0x22, 0x2e));
        } else if (text.startsWith(QLatin1String("=="))) {
            f.setFontWeight(QFont::Bold);
            f.setForeground(QColor(0x09, 0x69, 0xda));
        } else if (text.startsWith(QLatin1String("-- batch"))) {
            f.setFontWeight(QFont::Bold);
        } else if (text.startsWith(QLatin1String("      | "))) {
            f.setForeground(QColor(0x57, 0x60, 0x6a));
        } else if (text.startsWith(QLatin1Char('*'))) {
            f.setFontWeight(QFont::DemiBold);
        } else if (text.startsWith(QLatin1Char('='))) {
            f.setForeground(QColor(0x6e, 0x77, 0x81));
        } else {
            return;
        }
        setFormat(0, int(text.size()), f);
    }
};

QString escapedLines(const QStringList &lines)
{
    QStringList out;
    for (const QString &l : lines)
        out << l.toHtmlEscaped();
    return out.join(QStringLiteral("<br>"));
}

} // namespace

DeployDialog::DeployDialog(const DeployPlan &plan, const ExecutorOptions &executor, QWidget *parent)
    : QDialog(parent)
    , m_plan(plan)
    , m_executor(executor)
    , m_heading(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_diff(new QPlainTextEdit(this))
    , m_batch(new QSpinBox(this))
    , m_canary(new QSpinBox(this))
    , m_settle(new QSpinBox(this))
    , m_maxFailures(new QSpinBox(this))
    , m_deploy(new QPushButton(this))
{
    const bool rollback = plan.options.mode == DeployOptions::Mode::Rollback;
    QFont hf = m_heading->font();
    hf.setBold(true);
    hf.setPointSizeF(hf.pointSizeF() * 1.2);
    m_heading->setFont(hf);
    setTitle(rollback ? tr("Roll back") : tr("Deploy"));
    setMinimumSize(760, 560);
    for (const HostPlan &h : plan.hosts)
        for (const PlannedRelay &r : h.relays)
            m_inputs << r.input;
    // Errors that did not come from the pure planner (a host that could not be read) stay.
    const DeployPlan pure = deployplan::plan(m_inputs, plan.options);
    for (const QString &e : plan.errors)
        if (!pure.errors.contains(e))
            m_prepareErrors << e;

    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);

    m_diff->setReadOnly(true);
    m_diff->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_diff->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    new PlanHighlighter(m_diff->document());

    m_batch->setRange(1, 100);
    m_batch->setValue(plan.options.batchSize);
    m_batch->setToolTip(tr("Relays restarted together on one host after the canary."));
    m_canary->setRange(0, 20);
    m_canary->setValue(plan.options.canary);
    m_canary->setToolTip(tr("Relays per host changed and verified first, alone; 0 = no canary."));
    m_settle->setRange(0, 600);
    m_settle->setSuffix(tr(" s"));
    m_settle->setValue(executor.settleMs / 1000);
    m_settle->setToolTip(tr("A restarted relay must keep the same PID this long to count as verified."));
    m_maxFailures->setRange(1, 100);
    m_maxFailures->setValue(executor.maxFailures);
    m_maxFailures->setToolTip(tr("The whole rollout halts after this many relays failed verification (each "
                                 "failed relay is rolled back)."));

    // Compact: the settings are numbers, the plan above is what needs the room.
    auto *form1 = new QFormLayout;
    form1->addRow(tr("&Batch size:"), m_batch);
    form1->addRow(tr("&Canary relays per host:"), m_canary);
    auto *form2 = new QFormLayout;
    form2->addRow(tr("&Settle time:"), m_settle);
    form2->addRow(tr("&Halt after failed relays:"), m_maxFailures);
    for (QSpinBox *b : { m_batch, m_canary, m_settle, m_maxFailures })
        b->setMinimumWidth(b->fontMetrics().horizontalAdvance(QStringLiteral("0000 s")) + 40);
    auto *settings = new QHBoxLayout;
    settings->addLayout(form1);
    settings->addSpacing(24);
    settings->addLayout(form2);
    settings->addStretch(1);
    auto *buttons = new QDialogButtonBox(this);
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    buttons->addButton(m_deploy, QDialogButtonBox::AcceptRole);
    // Changing relays needs a deliberate click: Enter does not deploy.
    cancel->setDefault(true);
    m_deploy->setAutoDefault(false);
    QFont bf = m_deploy->font();
    bf.setBold(true);
    m_deploy->setFont(bf);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *diffLabel = new QLabel(tr("Exactly what will be written and run (the dry run):"), this);
    auto *lay = new QVBoxLayout(this);
    lay->addWidget(m_heading);
    lay->addWidget(m_summary);
    lay->addWidget(diffLabel);
    lay->addWidget(m_diff, 1);
    lay->addLayout(settings);
    lay->addWidget(buttons);

    connect(m_batch, qOverload<int>(&QSpinBox::valueChanged), this, &DeployDialog::replan);
    connect(m_canary, qOverload<int>(&QSpinBox::valueChanged), this, &DeployDialog::replan);
    replan();
}

void DeployDialog::setTitle(const QString &title)
{
    setWindowTitle(title);
    m_heading->setText(title);
}

QString DeployDialog::title() const
{
    return m_heading->text();
}

ExecutorOptions DeployDialog::executorOptions() const
{
    ExecutorOptions o = m_executor;
    o.settleMs = m_settle->value() * 1000;
    o.maxFailures = m_maxFailures->value();
    return o;
}

void DeployDialog::replan()
{
    DeployOptions o = m_plan.options;
    o.batchSize = m_batch->value();
    o.canary = m_canary->value();
    m_plan = deployplan::plan(m_inputs, o);
    m_plan.errors = m_prepareErrors + m_plan.errors;

    const int vscroll = m_diff->verticalScrollBar() ? m_diff->verticalScrollBar()->value() : 0;
    m_diff->setPlainText(deployplan::renderDryRun(m_plan));
    m_diff->verticalScrollBar()->setValue(vscroll);

    const bool rollback = o.mode == DeployOptions::Mode::Rollback;
    const int relays = m_plan.changeCount();
    int hosts = 0, unchanged = 0;
    for (const HostPlan &h : m_plan.hosts) {
        hosts += h.changeCount() > 0 ? 1 : 0;
        unchanged += int(h.relays.size()) - h.changeCount();
    }
    // Two counts in one sentence: each is its own plural ("1 relay", "7 relays").
    const QString relaysText = units::relayCount(relays);
    const QString hostsText = units::hostCount(hosts);
    m_deploy->setText(rollback ? tr("Roll back %1 on %2").arg(relaysText, hostsText)
                               : tr("Deploy %1 on %2").arg(relaysText, hostsText));
    m_deploy->setEnabled(m_plan.isValid() && relays > 0);

    QString text;
    if (!m_plan.isValid()) {
        text = QStringLiteral("<p style=\"color:%1\"><b>%2</b><br>%3</p>")
                   .arg(RolloutModel::stateColor(RelayDeployState::Failed).name(),
                        tr("The plan was refused; nothing can be deployed:").toHtmlEscaped(),
                        escapedLines(m_plan.errors));
    } else if (relays == 0) {
        text = tr("<b>Every relay is already as wanted.</b> Nothing to do.");
    } else {
        text = tr("<b>%1 on %2 will be changed and restarted.</b>").arg(relaysText, hostsText);
        if (unchanged > 0)
            text += QLatin1Char(' ') + tr("%n relay(s) already right are left alone.", nullptr, unchanged);
        text += QLatin1Char(' ')
            + (o.canary > 0
                   ? tr("Per host: %n canary relay(s) first, alone, then batches of %1.", nullptr, o.canary)
                         .arg(o.batchSize)
                   : tr("Per host: batches of %1, no canary.").arg(o.batchSize))
            + QLatin1Char(' ')
            + tr("Each restarted relay is verified (active, new PID, the library in its memory map, stable "
                 "for the "
                 "settle time); a relay that fails is rolled back automatically.");
    }
    m_summary->setText(text);
}

} // namespace alloclab
