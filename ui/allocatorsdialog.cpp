#include "ui/allocatorsdialog.h"

#include "app/database.h"
#include "app/experimentio.h"
#include "app/store.h"

#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QTableWidget>
#include <QVBoxLayout>

namespace alloclab {

namespace {
const QColor kBad(0xB0, 0x00, 0x20); // red: missing, unreadable, checksum mismatch
const QColor kGood(0x00, 0x7A, 0x3D);

enum CatalogColumn { IdCol, NameCol, VersionCol, PathCol, ShaCol, KindCol, CatalogCols };
enum ResultColumn {
    HostCol,
    AllocatorCol,
    RPathCol,
    PresentCol,
    ReadableCol,
    RShaCol,
    RVersionCol,
    ResultCols
};

QTableWidgetItem *item(const QString &text, const QString &tip = QString())
{
    auto *i = new QTableWidgetItem(text);
    i->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    if (!tip.isEmpty())
        i->setToolTip(tip);
    return i;
}
} // namespace

AllocatorsDialog::AllocatorsDialog(Store *store, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_checker(new AllocatorChecker(this))
{
    setObjectName(QStringLiteral("allocatorsDialog"));
    setWindowTitle(tr("Allocators"));
    buildUi();
    connect(m_checker, &AllocatorChecker::progress, this, [this](int done, int total) {
        m_progress->setMaximum(std::max(total, 1));
        m_progress->setValue(done);
    });
    connect(m_checker, &AllocatorChecker::checkAvailable, this, [this](const AllocatorHostCheck &r) {
        // Shown in the hosts' order, not in the order they answer.
        m_answered.insert(r.host, r);
        m_results.clear();
        for (const HostRecord &h : std::as_const(m_hosts))
            if (m_answered.contains(h.name))
                m_results << m_answered.value(h.name);
        fillResults();
    });
    connect(m_checker, &AllocatorChecker::finished, this, [this] {
        m_check->setEnabled(true);
        m_cancel->setEnabled(false);
        m_progress->setVisible(false);
        int failed = 0;
        for (const AllocatorHostCheck &r : std::as_const(m_results))
            failed += r.ok ? 0 : 1;
        if (m_checker->wasCancelled())
            m_checkStatus->setText(tr("Check cancelled."));
        else if (failed > 0)
            m_checkStatus->setText(
                tr("Checked %n host(s); %1 could not be reached.", nullptr, int(m_results.size()))
                    .arg(failed));
        else
            m_checkStatus->setText(tr("Checked %n host(s).", nullptr, int(m_results.size())));
        if (m_store && !m_checker->wasCancelled()) {
            const QList<AllocatorHostCheck> results = m_checker->results();
            QPointer<AllocatorsDialog> self(this);
            m_store->run(
                [self, results](Database &db) {
                    QString error;
                    const bool ok = AllocatorChecker::store(db, results, &error);
                    const AllocatorCatalog catalog = experimentio::loadCatalog(db);
                    QMetaObject::invokeMethod(
                        self.data(),
                        [self, ok, error, catalog] {
                            if (!self)
                                return;
                            if (!ok)
                                self->showError(error);
                            self->m_catalog = catalog; // built-in versions found by the check
                            self->fillCatalog();
                            Q_EMIT self->catalogChanged();
                        },
                        Qt::QueuedConnection);
                },
                true);
        }
        Q_EMIT checkFinished();
    });
    setCatalog(AllocatorCatalog());
    if (m_store)
        loadFromStore();
}

AllocatorsDialog::~AllocatorsDialog() = default;

void AllocatorsDialog::buildUi()
{
    auto *layout = new QVBoxLayout(this);

    // --- the catalog
    auto *catalogBox = new QGroupBox(tr("Catalog"), this);
    auto *catalogLayout = new QVBoxLayout(catalogBox);
    m_table = new QTableWidget(0, CatalogCols, catalogBox);
    m_table->setObjectName(QStringLiteral("catalogTable"));
    m_table->setHorizontalHeaderLabels(
        { tr("Id"), tr("Name"), tr("Version"), tr("Library path"), tr("Expected sha256"), tr("Kind") });
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setSectionResizeMode(PathCol, QHeaderView::Stretch);
    m_table->setAccessibleName(tr("Allocator catalog"));
    // Room for the built-ins and a few custom entries without scrolling.
    m_table->setMinimumHeight(m_table->horizontalHeader()->sizeHint().height()
                              + 6 * m_table->verticalHeader()->defaultSectionSize() + 4);
    catalogLayout->addWidget(m_table);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &AllocatorsDialog::entrySelected);

    auto *edit = new QHBoxLayout;
    auto *form = new QFormLayout;
    m_id = new QLineEdit(catalogBox);
    m_id->setObjectName(QStringLiteral("entryId"));
    m_id->setPlaceholderText(tr("e.g. mimalloc301"));
    m_name = new QLineEdit(catalogBox);
    m_name->setObjectName(QStringLiteral("entryName"));
    m_name->setPlaceholderText(tr("e.g. mimalloc"));
    m_version = new QLineEdit(catalogBox);
    m_version->setObjectName(QStringLiteral("entryVersion"));
    m_version->setPlaceholderText(tr("e.g. 3.0.1"));
    m_path = new QLineEdit(catalogBox);
    m_path->setObjectName(QStringLiteral("entryPath"));
    m_path->setPlaceholderText(tr("/opt/mimalloc-3.0.1/lib/libmimalloc.so.3"));
    m_sha256 = new QLineEdit(catalogBox);
    m_sha256->setObjectName(QStringLiteral("entrySha256"));
    m_sha256->setPlaceholderText(tr("optional: 64 hexadecimal digits"));
    m_sha256->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9A-Fa-f]{0,64}")), m_sha256));
    form->addRow(tr("&Id:"), m_id);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Version:"), m_version);
    form->addRow(tr("Library &path:"), m_path);
    form->addRow(tr("Expected &sha256:"), m_sha256);
    edit->addLayout(form, 3);
    auto *buttons = new QVBoxLayout;
    m_add = new QPushButton(tr("&Add"), catalogBox);
    m_add->setObjectName(QStringLiteral("addEntry"));
    m_add->setToolTip(tr("Add a custom allocator with these values"));
    m_save = new QPushButton(tr("Sa&ve Changes"), catalogBox);
    m_save->setObjectName(QStringLiteral("saveEntry"));
    m_remove = new QPushButton(tr("&Remove"), catalogBox);
    m_remove->setObjectName(QStringLiteral("removeEntry"));
    buttons->addWidget(m_add);
    buttons->addWidget(m_save);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    edit->addLayout(buttons);

    auto *hostBox = new QGroupBox(tr("Library path on one host"), catalogBox);
    auto *hostForm = new QFormLayout(hostBox);
    m_host = new QComboBox(hostBox);
    m_host->setObjectName(QStringLiteral("overrideHost"));
    m_hostPath = new QLineEdit(hostBox);
    m_hostPath->setObjectName(QStringLiteral("overridePath"));
    m_hostPath->setPlaceholderText(tr("empty: the catalog's path"));
    m_setHostPath = new QPushButton(tr("Set &Host Path"), hostBox);
    m_setHostPath->setObjectName(QStringLiteral("setHostPath"));
    m_overrides = new QLabel(hostBox);
    m_overrides->setObjectName(QStringLiteral("overrides"));
    m_overrides->setWordWrap(true);
    hostForm->addRow(tr("H&ost:"), m_host);
    hostForm->addRow(tr("P&ath there:"), m_hostPath);
    hostForm->addRow(QString(), m_setHostPath);
    hostForm->addRow(m_overrides);
    edit->addWidget(hostBox, 2);
    catalogLayout->addLayout(edit);

    m_error = new QLabel(catalogBox);
    m_error->setObjectName(QStringLiteral("entryError"));
    m_error->setWordWrap(true);
    QPalette ep = m_error->palette();
    ep.setColor(QPalette::WindowText, kBad);
    m_error->setPalette(ep);
    m_error->setVisible(false);
    catalogLayout->addWidget(m_error);
    layout->addWidget(catalogBox, 2);

    connect(m_add, &QPushButton::clicked, this, &AllocatorsDialog::addEntry);
    connect(m_save, &QPushButton::clicked, this, &AllocatorsDialog::saveEntry);
    connect(m_remove, &QPushButton::clicked, this, &AllocatorsDialog::removeEntry);
    connect(m_setHostPath, &QPushButton::clicked, this, &AllocatorsDialog::setHostPath);
    connect(m_id, &QLineEdit::textChanged, this, &AllocatorsDialog::updateButtons);
    // Enter in the form adds a new entry or saves the selected one; it never closes the dialog.
    for (QPushButton *b : { m_add, m_save, m_remove, m_setHostPath })
        b->setAutoDefault(false);
    for (QLineEdit *e : { m_id, m_name, m_version, m_path, m_sha256 })
        connect(e, &QLineEdit::returnPressed, this, [this] {
            if (m_add->isEnabled())
                addEntry();
            else if (m_save->isEnabled())
                saveEntry();
        });
    connect(m_hostPath, &QLineEdit::returnPressed, this, [this] {
        if (m_setHostPath->isEnabled())
            setHostPath();
    });

    // --- the check
    auto *checkBox = new QGroupBox(tr("Check on hosts"), this);
    auto *checkLayout = new QVBoxLayout(checkBox);
    auto *bar = new QHBoxLayout;
    m_check = new QPushButton(tr("&Check on Hosts"), checkBox);
    m_check->setObjectName(QStringLiteral("checkOnHosts"));
    m_check->setToolTip(tr(
        "On every connected host: is each library present and readable, its sha256 and its package version"));
    m_cancel = new QPushButton(tr("Cance&l Check"), checkBox);
    m_cancel->setObjectName(QStringLiteral("cancelCheck"));
    m_cancel->setEnabled(false);
    m_progress = new QProgressBar(checkBox);
    m_progress->setObjectName(QStringLiteral("checkProgress"));
    m_progress->setFormat(tr("%v of %m hosts"));
    m_progress->setVisible(false);
    m_checkStatus = new QLabel(checkBox);
    m_checkStatus->setObjectName(QStringLiteral("checkStatus"));
    bar->addWidget(m_check);
    bar->addWidget(m_cancel);
    bar->addWidget(m_progress, 1);
    bar->addWidget(m_checkStatus, 2);
    checkLayout->addLayout(bar);
    m_resultsTable = new QTableWidget(0, ResultCols, checkBox);
    m_resultsTable->setObjectName(QStringLiteral("checkResults"));
    m_resultsTable->setHorizontalHeaderLabels({ tr("Host"), tr("Allocator"), tr("Path"), tr("Present"),
                                                tr("Readable"), tr("sha256"), tr("Version") });
    m_resultsTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_resultsTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_resultsTable->verticalHeader()->setVisible(false);
    m_resultsTable->horizontalHeader()->setSectionResizeMode(RPathCol, QHeaderView::Stretch);
    m_resultsTable->setAccessibleName(tr("Check results per host and allocator"));
    checkLayout->addWidget(m_resultsTable);
    layout->addWidget(checkBox, 3);
    connect(m_check, &QPushButton::clicked, this, &AllocatorsDialog::checkOnHosts);
    connect(m_cancel, &QPushButton::clicked, this, &AllocatorsDialog::cancelCheck);

    m_check->setAutoDefault(false);
    m_cancel->setAutoDefault(false);
    auto *box = new QDialogButtonBox(QDialogButtonBox::Close, this);
    box->button(QDialogButtonBox::Close)->setAutoDefault(false);
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(box);

    setTabOrder(m_table, m_id);
    setTabOrder(m_id, m_name);
    setTabOrder(m_name, m_version);
    setTabOrder(m_version, m_path);
    setTabOrder(m_path, m_sha256);
    setTabOrder(m_sha256, m_add);
    setTabOrder(m_add, m_save);
    setTabOrder(m_save, m_remove);
    setTabOrder(m_remove, m_host);
    setTabOrder(m_host, m_hostPath);
    setTabOrder(m_hostPath, m_setHostPath);
    setTabOrder(m_setHostPath, m_check);
    setTabOrder(m_check, m_cancel);
    setTabOrder(m_cancel, m_resultsTable);
    resize(1100, 820);
}

void AllocatorsDialog::setHosts(const QList<HostRecord> &hosts)
{
    m_hosts = hosts;
    const QString current = m_host->currentText();
    m_host->clear();
    for (const HostRecord &h : hosts)
        m_host->addItem(h.name);
    if (!current.isEmpty() && m_host->findText(current) >= 0)
        m_host->setCurrentText(current);
    updateButtons();
}

void AllocatorsDialog::setSshSettings(const HostWorkerSettings &settings)
{
    m_checker->setSettings(settings);
}

void AllocatorsDialog::setCatalog(const AllocatorCatalog &catalog)
{
    m_catalog = catalog;
    fillCatalog();
}

void AllocatorsDialog::loadFromStore()
{
    QPointer<AllocatorsDialog> self(this);
    m_store->run([self](Database &db) {
        const AllocatorCatalog catalog = experimentio::loadCatalog(db);
        const QList<AllocatorCheck> checks = db.allocatorChecks();
        QMetaObject::invokeMethod(
            self.data(),
            [self, catalog, checks] {
                if (!self)
                    return;
                self->m_catalog = catalog;
                self->fillCatalog();
                if (self->m_results.isEmpty() && !checks.isEmpty()) {
                    // The last stored check, until a new one is run.
                    QList<AllocatorHostCheck> results;
                    qint64 when = 0;
                    for (const AllocatorCheck &c : checks) {
                        if (results.isEmpty() || results.last().host != c.host)
                            results << AllocatorHostCheck { c.host, true, QString(), {} };
                        results.last().checks << c;
                        when = std::max(when, c.checkedMs);
                    }
                    self->m_results = results;
                    self->fillResults();
                    self->m_checkStatus->setText(
                        tr("Last check: %1")
                            .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(when),
                                                    QLocale::ShortFormat)));
                }
                Q_EMIT self->catalogLoaded();
            },
            Qt::QueuedConnection);
    });
}

void AllocatorsDialog::fillCatalog()
{
    const QString selected = m_table->currentRow() >= 0 && m_table->item(m_table->currentRow(), IdCol)
        ? m_table->item(m_table->currentRow(), IdCol)->text()
        : QString();
    const QList<AllocatorRecord> all = m_catalog.allocators();
    m_table->setRowCount(int(all.size()));
    for (int row = 0; row < all.size(); ++row) {
        const AllocatorRecord &a = all.at(row);
        const bool builtIn = AllocatorCatalog::isBuiltInId(a.id);
        QStringList hostPaths;
        for (const AllocatorOverride &o : m_catalog.overrides())
            if (o.allocatorId == a.id)
                hostPaths << tr("on %1: %2").arg(o.host, o.path);
        QString path = a.path.isEmpty() ? tr("(no preload)") : a.path;
        if (!hostPaths.isEmpty())
            path += QStringLiteral("  ") + tr("(+%n host path(s))", nullptr, int(hostPaths.size()));
        m_table->setItem(row, IdCol, item(a.id));
        m_table->setItem(row, NameCol, item(a.name));
        m_table->setItem(
            row, VersionCol,
            item(a.version.isEmpty() ? QStringLiteral("–") : a.version,
                 builtIn ? tr("Built-in entries take the version the check on the hosts finds") : QString()));
        m_table->setItem(row, PathCol, item(path, hostPaths.join(QLatin1Char('\n'))));
        m_table->setItem(
            row, ShaCol,
            item(a.sha256.isEmpty() ? QStringLiteral("–") : a.sha256.left(16) + QStringLiteral("…"),
                 a.sha256));
        m_table->setItem(row, KindCol, item(builtIn ? tr("built-in") : tr("custom")));
        if (a.id == selected)
            m_table->selectRow(row);
    }
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setSectionResizeMode(PathCol, QHeaderView::Stretch);
    entrySelected();
}

void AllocatorsDialog::fillResults()
{
    int rows = 0;
    for (const AllocatorHostCheck &r : std::as_const(m_results))
        rows += r.ok ? int(r.checks.size()) : 1;
    m_resultsTable->clearSpans();
    m_resultsTable->setRowCount(rows);
    int row = 0;
    auto yesNo = [](bool v) {
        auto *i = item(v ? tr("yes") : tr("no"));
        i->setForeground(v ? kGood : kBad);
        return i;
    };
    for (const AllocatorHostCheck &r : std::as_const(m_results)) {
        if (!r.ok) {
            m_resultsTable->setItem(row, HostCol, item(r.host));
            auto *e = item(tr("not checked: %1").arg(r.error), r.error);
            e->setForeground(kBad);
            m_resultsTable->setItem(row, AllocatorCol, e);
            m_resultsTable->setSpan(row, AllocatorCol, 1, ResultCols - AllocatorCol);
            ++row;
            continue;
        }
        for (const AllocatorCheck &c : r.checks) {
            m_resultsTable->setItem(row, HostCol, item(c.host));
            // The id: two entries may share a name ("mimalloc" and a pinned "mimalloc").
            m_resultsTable->setItem(row, AllocatorCol,
                                    item(c.allocatorId, m_catalog.displayName(c.allocatorId)));
            m_resultsTable->setItem(row, RPathCol,
                                    item(c.path,
                                         c.resolvedPath.isEmpty() || c.resolvedPath == c.path
                                             ? QString()
                                             : tr("resolves to %1").arg(c.resolvedPath)));
            m_resultsTable->setItem(row, PresentCol, yesNo(c.present));
            m_resultsTable->setItem(row, ReadableCol, yesNo(c.readable));
            auto *sha = item(
                c.sha256.isEmpty() ? QStringLiteral("–") : c.sha256.left(16) + QStringLiteral("…"), c.sha256);
            if (m_catalog.sha256Mismatch(c)) {
                const auto entry = m_catalog.find(c.allocatorId);
                sha->setText(sha->text() + QStringLiteral(" ≠"));
                sha->setForeground(kBad);
                sha->setData(Qt::UserRole, true);
                sha->setToolTip(
                    tr("Not the expected library: the catalog expects sha256 %1, this host has %2.")
                        .arg(entry ? entry->sha256 : QString(), c.sha256));
            }
            m_resultsTable->setItem(row, RShaCol, sha);
            m_resultsTable->setItem(row, RVersionCol,
                                    item(c.version.isEmpty() ? QStringLiteral("–") : c.version,
                                         c.package.isEmpty()
                                             ? tr("not from a Debian package")
                                             : tr("package %1 %2").arg(c.package, c.packageVersion)));
            ++row;
        }
    }
    m_resultsTable->resizeColumnsToContents();
    m_resultsTable->horizontalHeader()->setSectionResizeMode(RPathCol, QHeaderView::Stretch);
}

void AllocatorsDialog::entrySelected()
{
    const int row = m_table->currentRow();
    const QString id = row >= 0 && m_table->item(row, IdCol) ? m_table->item(row, IdCol)->text() : QString();
    const auto a = m_catalog.find(id);
    if (a && !m_table->selectedItems().isEmpty()) {
        m_id->setText(a->id);
        m_name->setText(a->name);
        m_version->setText(a->version);
        m_path->setText(a->path);
        m_sha256->setText(a->sha256);
        QStringList lines;
        for (const AllocatorOverride &o : m_catalog.overrides())
            if (o.allocatorId == a->id)
                lines << tr("on %1: %2").arg(o.host, o.path);
        m_overrides->setText(lines.isEmpty() ? tr("%1 uses the catalog's path on every host.").arg(a->id)
                                             : lines.join(QLatin1Char('\n')));
    }
    updateButtons();
}

void AllocatorsDialog::updateButtons()
{
    const QString id = m_id->text().trimmed();
    const bool exists = m_catalog.contains(id);
    const bool builtIn = AllocatorCatalog::isBuiltInId(id);
    m_add->setEnabled(!id.isEmpty() && !exists);
    m_save->setEnabled(exists && !builtIn);
    m_remove->setEnabled(exists && !builtIn);
    for (QLineEdit *e : { m_name, m_version, m_path, m_sha256 })
        e->setReadOnly(builtIn);
    const bool canOverride = exists && id != QLatin1String("glibc") && m_host->count() > 0;
    m_setHostPath->setEnabled(canOverride);
    m_hostPath->setEnabled(canOverride);
    m_host->setEnabled(canOverride);
}

AllocatorRecord AllocatorsDialog::entryFromForm() const
{
    return AllocatorRecord { m_id->text().trimmed(), m_name->text().trimmed(), m_version->text().trimmed(),
                             m_path->text().trimmed(), m_sha256->text().trimmed().toLower() };
}

void AllocatorsDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void AllocatorsDialog::addEntry()
{
    const AllocatorRecord rec = entryFromForm();
    const QString error = m_catalog.addCustom(rec);
    showError(error);
    if (!error.isEmpty())
        return;
    fillCatalog();
    for (int row = 0; row < m_table->rowCount(); ++row)
        if (m_table->item(row, IdCol)->text() == rec.id)
            m_table->selectRow(row);
    saveToStore(*m_catalog.find(rec.id), false);
}

void AllocatorsDialog::saveEntry()
{
    const AllocatorRecord rec = entryFromForm();
    const QString error = m_catalog.updateCustom(rec);
    showError(error);
    if (!error.isEmpty())
        return;
    fillCatalog();
    saveToStore(*m_catalog.find(rec.id), false);
}

void AllocatorsDialog::removeEntry()
{
    const QString id = m_id->text().trimmed();
    const auto rec = m_catalog.find(id);
    if (!rec || !m_catalog.removeCustom(id))
        return;
    showError(QString());
    fillCatalog();
    saveToStore(*rec, true);
}

void AllocatorsDialog::setHostPath()
{
    const QString id = m_id->text().trimmed();
    const QString host = m_host->currentText();
    const QString path = m_hostPath->text().trimmed();
    const QString error = m_catalog.setHostPath(id, host, path);
    showError(error);
    if (!error.isEmpty())
        return;
    fillCatalog();
    entrySelected();
    Q_EMIT catalogChanged();
    if (!m_store)
        return;
    QPointer<AllocatorsDialog> self(this);
    m_store->run(
        [self, id, host, path](Database &db) {
            QString why;
            const auto h = db.host(host);
            if (!h)
                why = tr("%1 is not a stored host; the path was not saved.").arg(host);
            else if (!db.setAllocatorHostPath(id, h->id, path))
                why = db.lastError();
            if (why.isEmpty())
                return;
            QMetaObject::invokeMethod(
                self.data(),
                [self, why] {
                    if (self)
                        self->showError(why);
                },
                Qt::QueuedConnection);
        },
        true);
}

void AllocatorsDialog::saveToStore(const AllocatorRecord &record, bool remove)
{
    Q_EMIT catalogChanged();
    if (!m_store)
        return;
    QPointer<AllocatorsDialog> self(this);
    m_store->run(
        [self, record, remove](Database &db) {
            const bool ok = remove ? db.removeAllocator(record.id) : db.upsertAllocator(record);
            if (ok)
                return;
            const QString why = db.lastError();
            QMetaObject::invokeMethod(
                self.data(),
                [self, why] {
                    if (!self)
                        return;
                    self->showError(why);
                    self->loadFromStore(); // back to what is stored
                },
                Qt::QueuedConnection);
        },
        true);
}

void AllocatorsDialog::checkOnHosts()
{
    if (m_hosts.isEmpty()) {
        m_checkStatus->setText(
            tr("No connected hosts to check: connect to a host first (Fleet → Add Host…)."));
        return;
    }
    m_results.clear();
    m_answered.clear();
    fillResults();
    m_check->setEnabled(false);
    m_cancel->setEnabled(true);
    m_progress->setMaximum(int(m_hosts.size()));
    m_progress->setValue(0);
    m_progress->setVisible(true);
    m_checkStatus->setText(tr("Checking %n host(s)…", nullptr, int(m_hosts.size())));
    m_checker->start(m_hosts, m_catalog);
}

void AllocatorsDialog::cancelCheck()
{
    m_checker->cancel();
}

} // namespace alloclab
