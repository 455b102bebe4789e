#pragma once

#include "models/allocatorcatalog.h"
#include "models/records.h"

#include <QDialog>

class QCheckBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTableWidget;

namespace alloclab {

// New Experiment / Edit Experiment: name, hypothesis, notes, start, and the groups (letter,
// label, allocator from the catalog, the letter's colour).
class ExperimentDialog : public QDialog
{
    Q_OBJECT
public:
    ExperimentDialog(const AllocatorCatalog &catalog, QWidget *parent = nullptr);

    void setExperiment(const ExperimentRecord &experiment);
    ExperimentRecord experiment() const;
    // Empty when the form can be accepted, otherwise what to fix.
    QString validationError() const;

    void addGroup(const QString &label = QString(), const QString &allocatorId = QString());
    QTableWidget *groupsTable() const { return m_groups; }

private:
    void removeSelectedGroup();
    void relabel();
    void updateState();

    AllocatorCatalog m_catalog;
    QLineEdit *m_name;
    QLineEdit *m_hypothesis;
    QPlainTextEdit *m_notes;
    QCheckBox *m_started;
    QDateTimeEdit *m_start;
    QTableWidget *m_groups;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
    qint64 m_endMs = 0;
    Id m_id = 0;
};

} // namespace alloclab
