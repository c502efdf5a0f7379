#pragma once

#include "logistics.h"

#include <optional>
#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace pincart {

class ApiClient;
class DeliveryOptionModel;

// The "Serviceability" tab: can an item reach a pincode, from which warehouse, with which
// courier, and when (GET /serviceability)? The answer is a line (deliverable, ETA and promise
// date, or why not) and a table of every warehouse that holds the item, with its courier, ETA,
// promise date and the hubs on its route. Both fields are checked before anything is sent; the
// server's refusals (an unknown item or pincode) are the line's text.
// Object names: serviceabilityPanel, serviceItemEdit, servicePincodeEdit, serviceCheckButton,
// serviceResultLabel, serviceOptionsView.
class ServiceabilityPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ServiceabilityPanel(ApiClient *api, QWidget *parent = nullptr);

    DeliveryOptionModel *model() const { return m_model; }
    const std::optional<Serviceability> &answer() const { return m_answer; }
    bool isBusy() const { return m_request != nullptr; }
    QString resultText() const;

    void setItemId(qint64 itemId);

public Q_SLOTS:
    void check();

private:
    void showAnswer(const Serviceability &answer);
    void setResult(const QString &text, bool isError);

    ApiClient *m_api;
    DeliveryOptionModel *m_model;
    QLineEdit *m_item;
    QLineEdit *m_pincode;
    QPushButton *m_check;
    QLabel *m_result;
    QTableView *m_view;
    std::optional<Serviceability> m_answer;
    QPointer<QObject> m_request; // context of the request in flight
};

} // namespace pincart
