#include "ui/exportdialog.h"

#include "app/database.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDateTimeEdit>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSet>
#include <QTimeZone>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace alloclab {

namespace {
struct Lists {
    QStringList experiments;
    QStringList servers;
    qint64 firstMs = 0;
    qint64 lastMs = 0;
};
struct Result {
    bool ok = false;
    QString message;
};
} // namespace

ExportDialog::ExportDialog(const QString &dbPath, QWidget *parent)
    : QDialog(parent)
    , m_dbPath(dbPath)
{
    setObjectName(QStringLiteral("exportDialog"));
    setWindowTitle(tr("Export TorUtils Data"));
    m_experiment = new QComboBox(this);
    m_experiment->addItem(tr("(every relay, no groups)"), QString());
    m_wholeRange = new QCheckBox(tr("&Everything"), this);
    m_wholeRange->setChecked(true);
    m_from = new QDateTimeEdit(this);
    m_to = new QDateTimeEdit(this);
    for (QDateTimeEdit *e : { m_from, m_to }) {
        e->setTimeSpec(Qt::UTC);
        e->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
        e->setCalendarPopup(true);
        e->setEnabled(false);
    }
    m_hosts = new QListWidget(this);
    m_hosts->setMaximumHeight(100);
    m_hosts->setToolTip(tr("None checked: every host"));
    m_offset = new QRadioButton(tr("With &offset (2026-01-08T20:47:02+00:00)"), this);
    m_naive = new QRadioButton(tr("&Naive, as TorUtils writes them, in zone:"), this);
    m_offset->setChecked(true);
    m_zone = new QComboBox(this);
    m_zone->setEditable(true);
    m_zone->addItem(QStringLiteral("UTC"));
    for (const QByteArray &z : QTimeZone::availableTimeZoneIds()) {
        if (z != "UTC")
            m_zone->addItem(QString::fromLatin1(z));
    }
    m_zone->setEnabled(false);
    m_dir = new QLineEdit(this);
    auto *browse = new QPushButton(tr("&Browse…"), this);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_export = new QPushButton(tr("E&xport"), this);
    m_export->setDefault(true);
    auto *close = new QPushButton(tr("Close"), this);

    auto *range = new QHBoxLayout;
    range->addWidget(m_wholeRange);
    range->addWidget(m_from);
    range->addWidget(new QLabel(QStringLiteral("–"), this));
    range->addWidget(m_to);
    auto *naive = new QHBoxLayout;
    naive->addWidget(m_naive);
    naive->addWidget(m_zone, 1);
    auto *times = new QVBoxLayout;
    times->addWidget(m_offset);
    times->addLayout(naive);
    auto *dir = new QHBoxLayout;
    dir->addWidget(m_dir, 1);
    dir->addWidget(browse);
    auto *form = new QFormLayout;
    form->addRow(tr("E&xperiment:"), m_experiment);
    form->addRow(tr("Time range:"), range);
    form->addRow(tr("&Hosts:"), m_hosts);
    form->addRow(tr("Timestamps:"), times);
    form->addRow(tr("Target &folder:"), dir);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_export);
    buttons->addWidget(close);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addLayout(buttons);

    connect(m_wholeRange, &QCheckBox::toggled, this, [this](bool all) {
        m_from->setEnabled(!all);
        m_to->setEnabled(!all);
    });
    connect(m_naive, &QRadioButton::toggled, m_zone, &QWidget::setEnabled);
    connect(browse, &QPushButton::clicked, this, [this]() {
        const QString d = QFileDialog::getExistingDirectory(this, tr("Export Into"), m_dir->text());
        if (!d.isEmpty())
            m_dir->setText(QDir::toNativeSeparators(d));
    });
    connect(m_export, &QPushButton::clicked, this, &ExportDialog::startExport);
    connect(close, &QPushButton::clicked, this, &QDialog::reject);
    loadLists();
}

void ExportDialog::loadLists()
{
    const QString path = m_dbPath;
    auto *watcher = new QFutureWatcher<Lists>(this);
    connect(watcher, &QFutureWatcher<Lists>::finished, this, [this, watcher]() {
        watcher->deleteLater();
        const Lists l = watcher->result();
        const QString keep = m_experiment->currentData().toString();
        for (const QString &e : l.experiments)
            m_experiment->addItem(e, e);
        setExperiment(keep);
        for (const QString &s : l.servers) {
            auto *item = new QListWidgetItem(s, m_hosts);
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Unchecked);
        }
        if (l.firstMs > 0) {
            m_from->setDateTime(QDateTime::fromMSecsSinceEpoch(l.firstMs, QTimeZone::utc()));
            m_to->setDateTime(QDateTime::fromMSecsSinceEpoch(l.lastMs, QTimeZone::utc()));
        }
        Q_EMIT listsLoaded();
    });
    watcher->setFuture(QtConcurrent::run([path]() {
        Lists l;
        Database db;
        if (!db.open(path, Database::OpenMode::ExistingOnly))
            return l;
        for (const ExperimentRecord &e : db.experiments())
            l.experiments << e.name;
        QSet<QString> servers;
        for (const RelayRecord &r : db.relays())
            if (!r.server.isEmpty())
                servers.insert(r.server);
        l.servers = servers.values();
        l.servers.sort();
        const QList<qint64> times = db.sampleTimes();
        if (!times.isEmpty()) {
            l.firstMs = times.first();
            l.lastMs = times.last();
        }
        return l;
    }));
}

void ExportDialog::setTargetDir(const QString &dir)
{
    m_dir->setText(QDir::toNativeSeparators(dir));
}

void ExportDialog::setExperiment(const QString &name)
{
    const int i = m_experiment->findData(name);
    m_experiment->setCurrentIndex(i >= 0 ? i : 0);
}

ExportOptions ExportDialog::options() const
{
    ExportOptions o;
    o.dir = QDir::fromNativeSeparators(m_dir->text().trimmed());
    o.experiment = m_experiment->currentData().toString();
    if (!m_wholeRange->isChecked()) {
        o.fromMs = m_from->dateTime().toMSecsSinceEpoch();
        o.toMs = m_to->dateTime().toMSecsSinceEpoch();
    }
    for (int i = 0; i < m_hosts->count(); ++i) {
        if (m_hosts->item(i)->checkState() == Qt::Checked)
            o.servers << m_hosts->item(i)->text();
    }
    o.naiveTimes = m_naive->isChecked();
    const QByteArray zone = m_zone->currentText().trimmed().toLatin1();
    o.zone = (zone == "UTC" || !QTimeZone(zone).isValid()) ? QTimeZone::utc() : QTimeZone(zone);
    return o;
}

QString ExportDialog::statusText() const
{
    return m_status->text();
}

void ExportDialog::startExport()
{
    if (m_busy)
        return;
    const ExportOptions o = options();
    if (o.dir.isEmpty()) {
        m_status->setText(tr("Choose a target folder first."));
        return;
    }
    m_busy = true;
    m_export->setEnabled(false);
    m_status->setText(tr("Exporting…"));
    const QString path = m_dbPath;
    auto *watcher = new QFutureWatcher<Result>(this);
    connect(watcher, &QFutureWatcher<Result>::finished, this, [this, watcher]() {
        watcher->deleteLater();
        const Result r = watcher->result();
        m_busy = false;
        m_export->setEnabled(true);
        m_status->setText(r.message);
        Q_EMIT exportFinished(r.ok, r.message);
    });
    watcher->setFuture(QtConcurrent::run([path, o]() {
        Result r;
        Database db;
        QString error;
        if (!db.open(path, Database::OpenMode::ExistingOnly, &error)) {
            r.message = error;
            return r;
        }
        if (!QDir().mkpath(o.dir)) {
            r.message = QCoreApplication::translate("ExportDialog", "%1 cannot be created.").arg(o.dir);
            return r;
        }
        ExportReport rep;
        r.ok = exportData(db, o, &rep, &error);
        r.message = r.ok
            ? QCoreApplication::translate("ExportDialog",
                                          "Wrote %1 files: %2 samples, %3 aggregates, %4 events, "
                                          "%5 diagnostics rows, %6 groups.")
                  .arg(rep.files.size())
                  .arg(rep.samples)
                  .arg(rep.aggregates)
                  .arg(rep.events)
                  .arg(rep.diagnostics)
                  .arg(rep.groups)
            : error;
        return r;
    }));
}

} // namespace alloclab
