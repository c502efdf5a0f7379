#include "wishlistpanel.h"

#include "app/loadstatuswidget.h"
#include "models/wishlistmodel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace pincart {

WishlistPanel::WishlistPanel(WishlistModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_view(new QTableView)
    , m_move(new QPushButton(tr("&Move to cart")))
    , m_remove(new QPushButton(tr("&Remove")))
    , m_status(new LoadStatusWidget)
{
    setObjectName(QStringLiteral("wishlistPanel"));
    m_view->setObjectName(QStringLiteral("wishlistView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->setVisible(false);
    m_view->horizontalHeader()->setSectionResizeMode(WishlistModel::ItemColumn,
                                                     QHeaderView::Stretch);
    m_move->setObjectName(QStringLiteral("moveToCartButton"));
    m_move->setToolTip(tr("Take the item off the wishlist and put one in the cart"));
    m_remove->setObjectName(QStringLiteral("removeFromWishlistButton"));
    m_status->setObjectName(QStringLiteral("wishlistStatus"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_move);
    buttons->addWidget(m_remove);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);

    connect(m_move, &QPushButton::clicked, this, [this] {
        if (const qint64 id = selectedItem())
            m_model->moveToCart(id);
    });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        if (const qint64 id = selectedItem())
            m_model->remove(id);
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &WishlistPanel::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &WishlistPanel::updateButtons);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &WishlistPanel::updateButtons);
    connect(m_model, &WishlistModel::busyChanged, this, [this](bool busy) {
        if (busy)
            m_status->showBusy(tr("Updating the wishlist…"));
        else if (m_model->errorString().isEmpty())
            m_status->showMessage(!m_notice.isEmpty()        ? m_notice
                                  : m_model->rowCount() == 0 ? tr("Your wishlist is empty.")
                                                             : QString());
        m_notice.clear();
        updateButtons();
    });
    connect(m_model, &WishlistModel::failed, this,
            [this](const QString &message) { m_status->showError(message); });
    connect(m_model, &WishlistModel::movedToCart, this,
            [this] { m_notice = tr("Moved to your cart."); });
    connect(m_status, &LoadStatusWidget::retryRequested, m_model, &WishlistModel::reload);
    updateButtons();
}

QString WishlistPanel::statusText() const
{
    return m_status->text();
}

qint64 WishlistPanel::selectedItem() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return 0;
    return rows.constFirst().data(WishlistModel::ItemIdRole).toLongLong();
}

void WishlistPanel::updateButtons()
{
    const bool chosen = selectedItem() != 0 && !m_model->isBusy();
    m_move->setEnabled(
        chosen
        && m_model->at(m_view->selectionModel()->selectedRows().constFirst().row()).available);
    m_remove->setEnabled(chosen);
}

} // namespace pincart
