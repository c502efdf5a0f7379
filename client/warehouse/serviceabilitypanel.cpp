#include "serviceabilitypanel.h"

#include "apiclient.h"
#include "models/deliveryoptionmodel.h"
#include "models/logisticstext.h"
#include "validation.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QTableView>
#include <QVBoxLayout>

namespace pincart {

ServiceabilityPanel::ServiceabilityPanel(ApiClient *api, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
    , m_model(new DeliveryOptionModel(this))
    , m_item(new QLineEdit)
    , m_pincode(new QLineEdit)
    , m_check(new QPushButton(tr("&Check")))
    , m_result(new QLabel)
    , m_view(new QTableView)
{
    setObjectName(QStringLiteral("serviceabilityPanel"));
    m_item->setObjectName(QStringLiteral("serviceItemEdit"));
    m_item->setPlaceholderText(tr("Item id"));
    m_item->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{0,15}")), this));
    m_pincode->setObjectName(QStringLiteral("servicePincodeEdit"));
    m_pincode->setPlaceholderText(tr("Six digits"));
    m_pincode->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{0,6}")), this));
    m_check->setObjectName(QStringLiteral("serviceCheckButton"));
    m_result->setObjectName(QStringLiteral("serviceResultLabel"));
    m_result->setWordWrap(true);
    m_result->setTextFormat(Qt::PlainText);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_view->setObjectName(QStringLiteral("serviceOptionsView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->setVisible(false);
    m_view->horizontalHeader()->setSectionResizeMode(DeliveryOptionModel::RouteColumn,
                                                     QHeaderView::Stretch);

    auto *form = new QHBoxLayout;
    auto *itemLabel = new QLabel(tr("&Item:"));
    itemLabel->setBuddy(m_item);
    auto *pincodeLabel = new QLabel(tr("&Pincode:"));
    pincodeLabel->setBuddy(m_pincode);
    form->addWidget(itemLabel);
    form->addWidget(m_item);
    form->addWidget(pincodeLabel);
    form->addWidget(m_pincode);
    form->addWidget(m_check);
    form->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_result);
    layout->addWidget(m_view, 1);

    connect(m_check, &QPushButton::clicked, this, &ServiceabilityPanel::check);
    connect(m_item, &QLineEdit::returnPressed, this, &ServiceabilityPanel::check);
    connect(m_pincode, &QLineEdit::returnPressed, this, &ServiceabilityPanel::check);
}

QString ServiceabilityPanel::resultText() const
{
    return m_result->text();
}

void ServiceabilityPanel::setItemId(qint64 itemId)
{
    m_item->setText(itemId > 0 ? QString::number(itemId) : QString());
}

void ServiceabilityPanel::check()
{
    // A question that cannot be asked leaves no older answer on show.
    delete m_request;
    m_answer.reset();
    m_model->clear();
    m_check->setEnabled(true);
    bool ok = false;
    const qint64 itemId = m_item->text().toLongLong(&ok);
    if (!ok || itemId <= 0) {
        setResult(tr("Enter the item's id."), true);
        m_item->setFocus();
        return;
    }
    const QString pincode = m_pincode->text().trimmed();
    if (const auto errors = validation::checkPincode(pincode); !errors.isEmpty()) {
        setResult(tr("Pincode: %1").arg(errors.constFirst().message), true);
        m_pincode->setFocus();
        return;
    }
    auto *request = new QObject(this);
    m_request = request;
    m_check->setEnabled(false);
    setResult(tr("Checking…"), false);
    m_api->serviceability(itemId, pincode, request, [this, request](Result<Serviceability> r) {
        request->deleteLater();
        m_request = nullptr;
        m_check->setEnabled(true);
        if (!r) {
            const DomainError &e = r.error();
            QStringList lines{e.kind() == DomainError::Kind::NotFound
                                  ? tr("No such item.")
                                  : tr("Could not check: %1").arg(e.message())};
            for (const FieldError &f : e.fields())
                lines << QStringLiteral("%1: %2").arg(f.field, f.message);
            setResult(lines.join(QLatin1Char('\n')), true);
            return;
        }
        showAnswer(*r);
    });
}

void ServiceabilityPanel::showAnswer(const Serviceability &answer)
{
    m_answer = answer;
    m_model->setAnswer(answer);
    if (!answer.deliverable) {
        setResult(
            tr("Not deliverable to %1: %2.").arg(answer.pincode, undeliverableText(answer.reason)),
            true);
        return;
    }
    QString from;
    QString courier;
    for (const DeliveryOption &o : answer.options) {
        if (o.warehouseId == answer.warehouseId) {
            from = o.warehouseName;
            if (o.courierId == answer.courierId)
                courier = o.courierName;
        }
    }
    QString text
        = tr("Deliverable to %1, arrives %2").arg(answer.pincode, promiseText(answer.promise));
    if (!from.isEmpty())
        text += QLatin1Char(' ') + tr("from %1").arg(from);
    if (!courier.isEmpty())
        text += QLatin1Char(' ') + tr("with %1").arg(courier);
    setResult(QString(text + QLatin1Char('.')), false);
}

void ServiceabilityPanel::setResult(const QString &text, bool isError)
{
    m_result->setText(text);
    QPalette palette = m_result->palette();
    palette.setColor(QPalette::WindowText,
                     isError ? QColor(0xb0, 0x00, 0x20) : QPalette().color(QPalette::WindowText));
    m_result->setPalette(palette);
}

} // namespace pincart
