#pragma once

// File → Export…: writes an experiment's data (or every relay's) in the TorUtils formats to a
// folder: time range, hosts, naive or offset timestamps. Lists load and the export runs on a
// worker thread with its own database connection; the GUI never waits on the disk.

#include "app/exporter.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QRadioButton;

namespace alloclab {

class ExportDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ExportDialog(const QString &dbPath, QWidget *parent = nullptr);

    ExportOptions options() const;
    void setTargetDir(const QString &dir);
    void setExperiment(const QString &name); // "" = every relay
    bool isExporting() const { return m_busy; }
    QString statusText() const;

public Q_SLOTS:
    void startExport();

Q_SIGNALS:
    void listsLoaded();
    void exportFinished(bool ok, const QString &message);

private:
    void loadLists();
    QString m_dbPath;
    bool m_busy = false;
    QComboBox *m_experiment;
    QCheckBox *m_wholeRange;
    QDateTimeEdit *m_from;
    QDateTimeEdit *m_to;
    QListWidget *m_hosts;
    QRadioButton *m_offset;
    QRadioButton *m_naive;
    QComboBox *m_zone;
    QLineEdit *m_dir;
    QLabel *m_status;
    QPushButton *m_export;
};

} // namespace alloclab
