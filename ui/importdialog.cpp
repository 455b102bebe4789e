#include "ui/importdialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace alloclab {

namespace {

const QString kZoneKey = QStringLiteral("import/timeZone");
constexpr int kPreviewLines = 6;

QString firstLines(const QString &path, int lines)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return f.errorString();
    QStringList out;
    while (out.size() < lines && !f.atEnd()) {
        QByteArray line = f.readLine(4096);
        while (line.endsWith('\n') || line.endsWith('\r'))
            line.chop(1);
        if (line.startsWith("\xEF\xBB\xBF"))
            line.remove(0, 3);
        out << QString::fromUtf8(line);
    }
    return out.join(QLatin1Char('\n'));
}

} // namespace

struct ImportDialog::Plan {
    ImportPlan plan;
    QHash<QString, QString> previews;
};

ImportDialog::ImportDialog(const QString &dbPath, QWidget *parent)
    : QDialog(parent)
    , m_dbPath(dbPath)
    , m_importer(new Importer(this))
{
    setObjectName(QStringLiteral("importDialog"));
    setWindowTitle(tr("Import TorUtils Data"));

    // --- sources ---------------------------------------------------------------------------
    m_pathList = new QListWidget(this);
    m_pathList->setObjectName(QStringLiteral("importPaths"));
    m_pathList->setMaximumHeight(56);
    m_addFolder = new QPushButton(tr("Add &Folder…"), this);
    m_addFiles = new QPushButton(tr("Add F&iles…"), this);
    m_remove = new QPushButton(tr("&Remove"), this);
    auto *sourceButtons = new QVBoxLayout;
    sourceButtons->addWidget(m_addFolder);
    sourceButtons->addWidget(m_addFiles);
    sourceButtons->addWidget(m_remove);
    sourceButtons->addStretch();
    auto *sourceRow = new QHBoxLayout;
    sourceRow->addWidget(m_pathList, 1);
    sourceRow->addLayout(sourceButtons);

    // --- files and preview -------------------------------------------------------------------
    m_files = new QTableWidget(0, 3, this);
    m_files->setObjectName(QStringLiteral("importFiles"));
    m_files->setHorizontalHeaderLabels({ tr("File"), tr("Kind"), tr("Status") });
    m_files->verticalHeader()->hide();
    m_files->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_files->setSelectionMode(QAbstractItemView::SingleSelection);
    m_files->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_files->horizontalHeader()->setStretchLastSection(true);
    m_files->setShowGrid(false);
    m_files->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_preview = new QPlainTextEdit(this);
    m_preview->setObjectName(QStringLiteral("importPreview"));
    m_preview->setReadOnly(true);
    m_preview->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_preview->setPlaceholderText(tr("Select a file to see its first rows."));
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_files);
    split->addWidget(m_preview);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    // --- groups ------------------------------------------------------------------------------
    m_groups = new QTableWidget(0, GroupColumnCount, this);
    m_groups->setObjectName(QStringLiteral("importGroups"));
    m_groups->setHorizontalHeaderLabels({ tr("Letter"), tr("Label"), tr("Allocator"), tr("File") });
    m_groups->verticalHeader()->hide();
    m_groups->horizontalHeader()->setStretchLastSection(true);
    m_groups->setShowGrid(false);
    m_groups->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 14);
    m_groups->setToolTip(tr("Label and allocator are editable (built-in allocators: glibc, jemalloc, "
                            "mimalloc). Where a letter has several files, choose the one to use."));
    auto *groupsBox = new QGroupBox(tr("Groups"), this);
    auto *groupsLayout = new QVBoxLayout(groupsBox);
    groupsLayout->addWidget(m_groups);

    // --- options -----------------------------------------------------------------------------
    m_experiment = new QLineEdit(this);
    m_experiment->setObjectName(QStringLiteral("importExperiment"));
    m_experiment->setPlaceholderText(tr("from experiment.json, else the folder's name"));
    m_zone = new QComboBox(this);
    m_zone->setObjectName(QStringLiteral("importTimeZone"));
    m_zone->setEditable(true);
    m_zone->setInsertPolicy(QComboBox::NoInsert);
    const QList<QByteArray> zones = QTimeZone::availableTimeZoneIds();
    m_zone->addItem(QStringLiteral("UTC"));
    for (const QByteArray &z : zones) {
        if (z != "UTC")
            m_zone->addItem(QString::fromLatin1(z));
    }
    m_zone->completer()->setFilterMode(Qt::MatchContains);
    m_zone->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_zone->setToolTip(tr("The zone of timestamps written without an offset (TorUtils writes server-local "
                          "time). Timestamps with an offset keep theirs."));
    setTimeZoneId(QSettings().value(kZoneKey, QStringLiteral("UTC")).toString().toLatin1());
    m_skipBad = new QCheckBox(tr("&Skip bad rows (import the rest and list them)"), this);
    m_skipBad->setObjectName(QStringLiteral("importSkipBad"));
    auto *form = new QFormLayout;
    form->addRow(tr("E&xperiment:"), m_experiment);
    form->addRow(tr("&Time zone of naive timestamps:"), m_zone);
    form->addRow(QString(), m_skipBad);

    // --- progress and result -------------------------------------------------------------------
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("importProgress"));
    m_progress->setRange(0, 100);
    m_progress->setValue(0);
    m_progress->hide(); // shown from the first import on
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("importStatus"));
    m_status->setWordWrap(true);
    m_result = new QPlainTextEdit(this);
    m_result->setObjectName(QStringLiteral("importResult"));
    m_result->setReadOnly(true);
    m_result->setMaximumHeight(120);
    m_result->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_result->hide();
    m_copyErrors = new QPushButton(tr("Co&py Errors"), this);
    m_copyErrors->hide();

    m_import = new QPushButton(tr("&Import"), this);
    m_import->setObjectName(QStringLiteral("importStart"));
    m_import->setDefault(true);
    m_import->setEnabled(false);
    m_cancel = new QPushButton(tr("&Cancel Import"), this);
    m_cancel->setObjectName(QStringLiteral("importCancel"));
    m_cancel->setEnabled(false);
    m_close = new QPushButton(tr("Close"), this);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_copyErrors);
    buttons->addStretch();
    buttons->addWidget(m_import);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_close);

    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(sourceRow);
    layout->addWidget(split, 3);
    layout->addWidget(groupsBox, 2);
    layout->addLayout(form);
    layout->addLayout(progressRow);
    layout->addWidget(m_status);
    layout->addWidget(m_result);
    layout->addLayout(buttons);
    resize(900, 780);

    connect(m_addFolder, &QPushButton::clicked, this, &ImportDialog::addFolder);
    connect(m_addFiles, &QPushButton::clicked, this, &ImportDialog::addFiles);
    connect(m_remove, &QPushButton::clicked, this, [this]() {
        qDeleteAll(m_pathList->selectedItems());
        replan();
    });
    connect(m_files, &QTableWidget::itemSelectionChanged, this, &ImportDialog::showPreview);
    connect(m_import, &QPushButton::clicked, this, &ImportDialog::startImport);
    connect(m_cancel, &QPushButton::clicked, this, &ImportDialog::cancelImport);
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_copyErrors, &QPushButton::clicked, this, &ImportDialog::copyErrors);
    connect(m_importer, &Importer::progress, this, &ImportDialog::onProgress);
    connect(m_importer, &Importer::reportAvailable, this, &ImportDialog::onReport);
    connect(m_importer, &Importer::finished, this, &ImportDialog::onFinished);
}

ImportDialog::~ImportDialog()
{
    m_importer->cancel(); // ~Importer waits for the worker, which rolls back at its next tick
}

void ImportDialog::addFolder()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Import a Folder"));
    if (!dir.isEmpty())
        setPaths(paths() << dir);
}

void ImportDialog::addFiles()
{
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Import Files"), QString(), tr("TorUtils data (*.csv *.txt *.json);;All files (*)"));
    if (!files.isEmpty())
        setPaths(paths() + files);
}

void ImportDialog::setPaths(const QStringList &paths)
{
    m_pathList->clear();
    for (const QString &p : paths)
        m_pathList->addItem(QDir::toNativeSeparators(QDir::cleanPath(p)));
    replan();
}

QStringList ImportDialog::paths() const
{
    QStringList out;
    for (int i = 0; i < m_pathList->count(); ++i)
        out << QDir::fromNativeSeparators(m_pathList->item(i)->text());
    return out;
}

void ImportDialog::replan()
{
    const quint64 generation = ++m_planGeneration;
    ImportOptions o;
    o.paths = paths();
    m_import->setEnabled(false);
    m_status->setText(o.paths.isEmpty()
                          ? tr("Add a folder (memory.csv, events.csv, diagnostics.csv, groups/) "
                               "or single files.")
                          : tr("Reading the headers…"));
    auto *watcher = new QFutureWatcher<Plan>(this);
    connect(watcher, &QFutureWatcher<Plan>::finished, this, [this, watcher, generation]() {
        watcher->deleteLater();
        showPlan(generation, watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([o]() {
        Plan p;
        p.plan = planImport(o);
        for (const ImportPlanEntry &e : std::as_const(p.plan.entries))
            p.previews.insert(e.path, firstLines(e.path, kPreviewLines));
        return p;
    }));
}

void ImportDialog::showPlan(quint64 generation, const Plan &p)
{
    if (generation != m_planGeneration)
        return;
    m_previews = p.previews;
    m_files->setRowCount(0);
    m_groupCandidates.clear();
    for (const ImportPlanEntry &e : p.plan.entries) {
        const int row = m_files->rowCount();
        m_files->insertRow(row);
        const QFileInfo fi(e.path);
        auto *name = new QTableWidgetItem(fi.dir().dirName() == QLatin1String("groups")
                                              ? QStringLiteral("groups/") + fi.fileName()
                                              : fi.fileName());
        name->setData(Qt::UserRole, e.path);
        name->setToolTip(e.path);
        QString kind;
        if (e.groupFile)
            kind = e.group.valid
                ? tr("group %1%2").arg(e.group.letter, e.group.historical ? tr(" (historical)") : QString())
                : tr("group?");
        else if (e.experimentJson)
            kind = tr("experiment");
        else
            kind = torutils::kindName(e.kind);
        auto *status = new QTableWidgetItem(e.error.isEmpty() ? tr("ready") : e.error);
        if (!e.error.isEmpty())
            status->setForeground(QColor(QStringLiteral("#c62828")));
        m_files->setItem(row, 0, name);
        m_files->setItem(row, 1, new QTableWidgetItem(kind));
        m_files->setItem(row, 2, status);
        if (e.groupFile && e.group.valid)
            m_groupCandidates[e.group.letter] << e.path;
    }
    m_files->resizeColumnsToContents();

    // Keep what the operator already chose or typed for a letter.
    QHash<QString, QStringList> previous;
    for (int r = 0; r < m_groups->rowCount(); ++r) {
        const QString letter = m_groups->item(r, GroupLetter)->text();
        auto *combo = qobject_cast<QComboBox *>(m_groups->cellWidget(r, GroupFile));
        previous.insert(letter,
                        { m_groups->item(r, GroupLabel)->text(), m_groups->item(r, GroupAllocator)->text(),
                          combo ? combo->currentData().toString() : QString() });
    }
    m_groups->setRowCount(0);
    QStringList letters = m_groupCandidates.keys();
    letters.sort();
    for (const QString &letter : std::as_const(letters)) {
        const QStringList files = m_groupCandidates.value(letter);
        const int row = m_groups->rowCount();
        m_groups->insertRow(row);
        auto *l = new QTableWidgetItem(letter);
        l->setFlags(l->flags() & ~Qt::ItemIsEditable);
        l->setTextAlignment(Qt::AlignCenter);
        m_groups->setItem(row, GroupLetter, l);
        auto *combo = new QComboBox(m_groups);
        combo->setObjectName(QStringLiteral("groupFile_") + letter);
        int preferred = 0;
        for (int i = 0; i < files.size(); ++i) {
            combo->addItem(QFileInfo(files.at(i)).fileName(), files.at(i));
            // The *_historical file holds the membership during the comparison window.
            if (torutils::parseGroupFileName(QFileInfo(files.at(i)).fileName()).historical)
                preferred = i;
        }
        const QStringList prev = previous.value(letter);
        const int prevIndex = prev.isEmpty() ? -1 : combo->findData(prev.value(2));
        combo->setCurrentIndex(prevIndex >= 0 ? prevIndex : preferred);
        combo->setEnabled(files.size() > 1);
        m_groups->setCellWidget(row, GroupFile, combo);
        auto fillFromFile = [this, row, combo, letter]() {
            const torutils::GroupFileName g
                = torutils::parseGroupFileName(QFileInfo(combo->currentData().toString()).fileName());
            m_groups->setItem(row, GroupLabel, new QTableWidgetItem(g.label));
            m_groups->setItem(row, GroupAllocator,
                              new QTableWidgetItem(torutils::allocatorFromLabel(g.label).id));
        };
        fillFromFile();
        if (!prev.isEmpty()) {
            m_groups->item(row, GroupLabel)->setText(prev.value(0));
            m_groups->item(row, GroupAllocator)->setText(prev.value(1));
        }
        connect(combo, &QComboBox::currentIndexChanged, this, fillFromFile);
    }
    m_groups->resizeColumnsToContents();
    m_groups->setColumnWidth(GroupLetter, qMax(m_groups->columnWidth(GroupLetter), 56));
    for (int c : { int(GroupLabel), int(GroupAllocator) }) // room to edit
        m_groups->setColumnWidth(c, qMax(m_groups->columnWidth(c) + 24, 120));

    QStringList problems;
    for (const QString &e : p.plan.errors) {
        if (!e.contains(QLatin1String("--groups"))) // the table resolves those choices
            problems << e;
    }
    if (p.plan.entries.isEmpty())
        m_status->setText(paths().isEmpty() ? QString() : tr("No TorUtils files were found there."));
    else if (!problems.isEmpty())
        m_status->setText(problems.join(QLatin1Char('\n')));
    else
        m_status->setText(tr("%n file(s) ready to import.", nullptr, int(p.plan.entries.size())));
    if (m_files->rowCount() > 0 && m_files->selectedItems().isEmpty()) {
        // Preview the main file first: memory.csv is what the operator wants to check.
        int preferred = 0;
        for (int r = 0; r < m_files->rowCount(); ++r) {
            if (m_files->item(r, 1)->text() == torutils::kindName(torutils::FileKind::Memory)) {
                preferred = r;
                break;
            }
        }
        m_files->selectRow(preferred);
    }
    m_import->setEnabled(!m_busy && !p.plan.entries.isEmpty());
    Q_EMIT planReady();
}

void ImportDialog::showPreview()
{
    const QList<QTableWidgetItem *> sel = m_files->selectedItems();
    if (sel.isEmpty()) {
        m_preview->clear();
        return;
    }
    const QString path = m_files->item(sel.first()->row(), 0)->data(Qt::UserRole).toString();
    m_preview->setPlainText(m_previews.value(path));
}

QString ImportDialog::previewText(const QString &path) const
{
    return m_previews.value(path);
}

QStringList ImportDialog::groupLetters() const
{
    QStringList out;
    for (int r = 0; r < m_groups->rowCount(); ++r)
        out << m_groups->item(r, GroupLetter)->text();
    return out;
}

QStringList ImportDialog::groupFileChoices(const QString &letter) const
{
    QStringList out;
    for (const QString &p : m_groupCandidates.value(letter))
        out << QFileInfo(p).fileName();
    return out;
}

bool ImportDialog::chooseGroupFile(const QString &letter, const QString &fileName)
{
    for (int r = 0; r < m_groups->rowCount(); ++r) {
        if (m_groups->item(r, GroupLetter)->text() != letter)
            continue;
        auto *combo = qobject_cast<QComboBox *>(m_groups->cellWidget(r, GroupFile));
        const int i = combo ? combo->findText(fileName) : -1;
        if (i < 0)
            return false;
        combo->setCurrentIndex(i);
        return true;
    }
    return false;
}

void ImportDialog::setGroupAllocator(const QString &letter, const QString &allocatorId)
{
    for (int r = 0; r < m_groups->rowCount(); ++r) {
        if (m_groups->item(r, GroupLetter)->text() == letter)
            m_groups->item(r, GroupAllocator)->setText(allocatorId);
    }
}

void ImportDialog::setTimeZoneId(const QByteArray &ianaId)
{
    const int i = m_zone->findText(QString::fromLatin1(ianaId));
    m_zone->setCurrentIndex(i >= 0 ? i : 0);
}

QByteArray ImportDialog::timeZoneId() const
{
    const QByteArray id = m_zone->currentText().trimmed().toLatin1();
    return QTimeZone(id).isValid() ? id : QByteArray("UTC");
}

void ImportDialog::setSkipBadRows(bool skip)
{
    m_skipBad->setChecked(skip);
}

void ImportDialog::setExperimentName(const QString &name)
{
    m_experiment->setText(name);
}

ImportOptions ImportDialog::options() const
{
    ImportOptions o;
    o.paths = paths();
    const QByteArray zone = timeZoneId();
    o.naiveZone = zone == "UTC" ? QTimeZone::utc() : QTimeZone(zone);
    o.experiment = m_experiment->text().trimmed();
    o.skipBadRows = m_skipBad->isChecked();
    for (int r = 0; r < m_groups->rowCount(); ++r) {
        const QString letter = m_groups->item(r, GroupLetter)->text();
        if (auto *combo = qobject_cast<QComboBox *>(m_groups->cellWidget(r, GroupFile))) {
            if (combo->count() > 1)
                o.groupFiles << combo->currentData().toString();
        }
        o.groupOverrides << GroupOverride { letter, m_groups->item(r, GroupLabel)->text().trimmed(),
                                            m_groups->item(r, GroupAllocator)->text().trimmed() };
    }
    return o;
}

bool ImportDialog::isImporting() const
{
    return m_busy;
}

void ImportDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_import->setEnabled(!busy && m_files->rowCount() > 0);
    m_cancel->setEnabled(busy);
    m_close->setEnabled(!busy);
    for (QWidget *w :
         { static_cast<QWidget *>(m_addFolder), static_cast<QWidget *>(m_addFiles),
           static_cast<QWidget *>(m_remove), static_cast<QWidget *>(m_groups), static_cast<QWidget *>(m_zone),
           static_cast<QWidget *>(m_skipBad), static_cast<QWidget *>(m_experiment) })
        w->setEnabled(!busy);
}

void ImportDialog::startImport()
{
    if (m_busy || m_importer->isRunning())
        return;
    QSettings().setValue(kZoneKey, QString::fromLatin1(timeZoneId()));
    m_report = {};
    m_result->clear();
    m_result->hide();
    m_copyErrors->hide();
    m_progress->setValue(0);
    m_progress->show();
    m_status->setText(tr("Importing…"));
    setBusy(true);
    m_importer->startImport(m_dbPath, options());
}

void ImportDialog::cancelImport()
{
    if (!m_busy)
        return;
    m_status->setText(tr("Cancelling: rolling back…"));
    m_importer->cancel();
}

void ImportDialog::onProgress(int percent, const QString &what)
{
    m_progress->setValue(percent);
    if (!what.isEmpty())
        m_status->setText(tr("Importing %1…").arg(what));
}

void ImportDialog::onReport(const ImportReport &r)
{
    m_report = r;
}

void ImportDialog::onFinished()
{
    setBusy(false);
    const ImportReport &r = m_report;
    QString head;
    if (r.cancelled)
        head = tr("Cancelled: nothing was stored.");
    else if (!r.ok)
        head = tr("Nothing was stored (%n error(s)).", nullptr, int(r.errors.size()));
    else
        head = tr("Imported: %1 new samples, %2 aggregates, %3 events, %4 diagnostics rows, %5 relays.")
                   .arg(r.samplesAdded)
                   .arg(r.aggregatesAdded)
                   .arg(r.eventsAdded)
                   .arg(r.diagnosticsAdded)
                   .arg(r.relays);
    if (r.ok && r.settingsAdded > 0)
        head += QLatin1Char(' ') + tr("%n relay setting(s) new or changed.", nullptr, int(r.settingsAdded));
    if (r.ok && !r.experiment.isEmpty())
        head += QLatin1Char(' ')
            + tr("Experiment “%1”: %2 groups, %3 assignments.")
                  .arg(r.experiment)
                  .arg(r.groups)
                  .arg(r.assignments);
    if (r.ok) {
        qint64 rejected = 0;
        for (const ImportFileResult &f : r.files)
            rejected += f.rejected;
        if (rejected > 0)
            head += QLatin1Char(' ') + tr("%n bad row(s) skipped.", nullptr, int(rejected));
    }
    m_status->setText(head);
    m_progress->setValue(r.ok ? 100 : 0);
    const QString text = resultText();
    m_result->setPlainText(text);
    m_result->setVisible(!text.isEmpty());
    m_copyErrors->setVisible(!r.errors.isEmpty());
    Q_EMIT importFinished(r);
}

QString ImportDialog::resultText() const
{
    QStringList lines;
    for (const QString &e : m_report.errors)
        lines << e;
    for (const QString &w : m_report.warnings)
        lines << tr("warning: %1").arg(w);
    return lines.join(QLatin1Char('\n'));
}

void ImportDialog::copyErrors()
{
    QApplication::clipboard()->setText(m_report.errors.join(QLatin1Char('\n')));
}

} // namespace alloclab
