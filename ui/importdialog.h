#pragma once

// File → Import…: folders or files of TorUtils data. Each file's kind is detected from its
// header and previewed; group files are mapped to letters, labels and allocators (a letter with
// several files, e.g. *_historical, offers the choice); the naive-time zone is remembered. The
// import runs on the Importer's thread: the dialog shows progress, can cancel (nothing is then
// stored) and ends with a summary and the file:line list of errors.

#include "app/importer.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace alloclab {

class ImportDialog : public QDialog
{
    Q_OBJECT
public:
    enum GroupColumn { GroupLetter, GroupLabel, GroupAllocator, GroupFile, GroupColumnCount };

    explicit ImportDialog(const QString &dbPath, QWidget *parent = nullptr);
    ~ImportDialog() override;

    void setPaths(const QStringList &paths); // plans asynchronously: planReady() follows
    QStringList paths() const;
    ImportOptions options() const; // what startImport() will run

    // Group mapping (also editable in the table).
    QStringList groupLetters() const;
    QStringList groupFileChoices(const QString &letter) const; // file names
    bool chooseGroupFile(const QString &letter, const QString &fileName);
    void setGroupAllocator(const QString &letter, const QString &allocatorId);

    void setTimeZoneId(const QByteArray &ianaId);
    QByteArray timeZoneId() const;
    void setSkipBadRows(bool skip);
    void setExperimentName(const QString &name);

    bool isImporting() const;
    const ImportReport &lastReport() const { return m_report; }
    QString resultText() const;
    QString previewText(const QString &path) const; // the first rows of a planned file

    QTableWidget *filesTable() const { return m_files; }
    QTableWidget *groupsTable() const { return m_groups; }

public Q_SLOTS:
    void startImport();
    void cancelImport();
    void copyErrors();

Q_SIGNALS:
    void planReady();
    void importFinished(const alloclab::ImportReport &report);

private:
    struct Plan;
    void replan();
    void showPlan(quint64 generation, const Plan &plan);
    void showPreview();
    void onProgress(int percent, const QString &what);
    void onReport(const ImportReport &report);
    void onFinished();
    void setBusy(bool busy);
    void addFolder();
    void addFiles();

    QString m_dbPath;
    Importer *m_importer;
    quint64 m_planGeneration = 0;
    QHash<QString, QString> m_previews; // path -> first rows
    QHash<QString, QStringList> m_groupCandidates; // letter -> paths
    ImportReport m_report;
    bool m_busy = false;

    QListWidget *m_pathList;
    QPushButton *m_addFolder;
    QPushButton *m_addFiles;
    QPushButton *m_remove;
    QTableWidget *m_files;
    QPlainTextEdit *m_preview;
    QTableWidget *m_groups;
    QLineEdit *m_experiment;
    QComboBox *m_zone;
    QCheckBox *m_skipBad;
    QProgressBar *m_progress;
    QLabel *m_status;
    QPlainTextEdit *m_result;
    QPushButton *m_copyErrors;
    QPushButton *m_import;
    QPushButton *m_cancel;
    QPushButton *m_close;
};

} // namespace alloclab
