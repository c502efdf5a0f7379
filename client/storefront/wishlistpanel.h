#pragma once

#include <QWidget>

class QPushButton;
class QTableView;

namespace pincart {

class LoadStatusWidget;
class WishlistModel;

// The Wishlist tab: the saved items (Item, Price with its change since saved, Available), with
// Move to cart and Remove for the selected one, and a status line. Object names: wishlistPanel,
// wishlistView, moveToCartButton, removeFromWishlistButton, wishlistStatus.
class WishlistPanel : public QWidget
{
    Q_OBJECT

public:
    explicit WishlistPanel(WishlistModel *model, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    QString statusText() const;

private:
    qint64 selectedItem() const; // 0: none
    void updateButtons();

    WishlistModel *m_model;
    QTableView *m_view;
    QPushButton *m_move;
    QPushButton *m_remove;
    LoadStatusWidget *m_status;
    QString m_notice; // said once the request in flight is answered
};

} // namespace pincart
