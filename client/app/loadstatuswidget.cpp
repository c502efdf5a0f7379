#include "loadstatuswidget.h"

#include "models/pagedtablemodel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace pincart {

LoadStatusWidget::LoadStatusWidget(QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
    , m_retry(new QPushButton(tr("Retry"), this))
{
    m_label->setObjectName(QStringLiteral("statusText"));
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::PlainText); // server messages are never markup
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_retry->setObjectName(QStringLiteral("retryButton"));
    m_retry->setVisible(false);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_retry);
    connect(m_retry, &QPushButton::clicked, this, &LoadStatusWidget::retryRequested);
}

void LoadStatusWidget::track(PagedTableModel *model, const QString &noun)
{
    auto refresh = [this, model, noun] {
        const int rows = model->rowCount();
        switch (model->state()) {
        case PagedTableModel::State::Loading:
            showBusy(rows == 0 ? tr("Loading %1…").arg(noun) : tr("Loading more %1…").arg(noun));
            break;
        case PagedTableModel::State::Failed:
            showError(tr("Could not load %1: %2").arg(noun, model->errorString()));
            break;
        case PagedTableModel::State::Ready:
            showMessage(tr("%1 %2 so far; scroll down for more").arg(rows).arg(noun));
            break;
        case PagedTableModel::State::Complete:
            showMessage(rows == 0 ? tr("No %1").arg(noun) : tr("%1 %2").arg(rows).arg(noun));
            break;
        }
    };
    connect(model, &PagedTableModel::stateChanged, this, refresh);
    connect(model, &QAbstractItemModel::rowsRemoved, this, refresh);
    connect(model, &QAbstractItemModel::modelReset, this, refresh);
    connect(this, &LoadStatusWidget::retryRequested, model, &PagedTableModel::retry);
    refresh();
}

void LoadStatusWidget::showMessage(const QString &text)
{
    m_label->setText(text);
    m_label->setPalette(QPalette());
    m_retry->setVisible(false);
}

void LoadStatusWidget::showBusy(const QString &text)
{
    showMessage(text);
}

void LoadStatusWidget::showError(const QString &text)
{
    m_label->setText(text);
    QPalette palette = m_label->palette();
    palette.setColor(QPalette::WindowText, QColor(0xb0, 0x00, 0x20));
    m_label->setPalette(palette);
    m_retry->setVisible(true);
}

QString LoadStatusWidget::text() const
{
    return m_label->text();
}

} // namespace pincart
