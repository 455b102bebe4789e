#pragma once

#include "app/allocatorchecker.h"
#include "models/allocatorcatalog.h"
#include "models/records.h"

#include <QDialog>
#include <QHash>
#include <QPointer>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace alloclab {

class Store;

// Experiment → Allocators…: the catalog (built-in and custom entries), adding and editing custom
// entries, per-host library paths, and "Check on hosts" (present, readable, sha256, version per
// host and allocator) run by an AllocatorChecker without blocking the GUI thread.
// With a Store, edits and check results are saved and the last stored check is shown on opening.
class AllocatorsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AllocatorsDialog(Store *store, QWidget *parent = nullptr);
    ~AllocatorsDialog() override;

    // The hosts "Check on hosts" asks (the connected ones) and the SSH settings to reach them.
    void setHosts(const QList<HostRecord> &hosts);
    void setSshSettings(const HostWorkerSettings &settings);
    // Shows `catalog` (without a store: tests; with one, the stored catalog replaces it when loaded).
    void setCatalog(const AllocatorCatalog &catalog);
    AllocatorCatalog catalog() const { return m_catalog; }
    AllocatorChecker *checker() const { return m_checker; }
    QList<AllocatorHostCheck> results() const { return m_results; }

public Q_SLOTS:
    void checkOnHosts();
    void cancelCheck();

Q_SIGNALS:
    void catalogChanged(); // an edit was made (and saved when there is a store)
    void catalogLoaded();
    void checkFinished();

private:
    void buildUi();
    void loadFromStore();
    void fillCatalog();
    void fillResults();
    void entrySelected();
    void addEntry();
    void saveEntry();
    void removeEntry();
    void setHostPath();
    AllocatorRecord entryFromForm() const;
    void showError(const QString &message);
    void saveToStore(const AllocatorRecord &record, bool remove);
    void updateButtons();

    QPointer<Store> m_store;
    AllocatorCatalog m_catalog;
    QList<HostRecord> m_hosts;
    AllocatorChecker *m_checker;
    QList<AllocatorHostCheck> m_results; // in the order of m_hosts
    QHash<QString, AllocatorHostCheck> m_answered; // of the check running or last run

    QTableWidget *m_table = nullptr;
    QLineEdit *m_id = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_version = nullptr;
    QLineEdit *m_path = nullptr;
    QLineEdit *m_sha256 = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_remove = nullptr;
    QLabel *m_error = nullptr;
    QComboBox *m_host = nullptr;
    QLineEdit *m_hostPath = nullptr;
    QPushButton *m_setHostPath = nullptr;
    QLabel *m_overrides = nullptr;
    QPushButton *m_check = nullptr;
    QPushButton *m_cancel = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_checkStatus = nullptr;
    QTableWidget *m_resultsTable = nullptr;
};

} // namespace alloclab
