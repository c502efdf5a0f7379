#pragma once

#include <QWidget>

namespace pincart {

// The operator's workspace. Stock levels, receipts and fulfilment need server routes this
// version does not have yet, so it says so plainly instead of showing anything made up.
class WarehouseWidget : public QWidget
{
    Q_OBJECT

public:
    explicit WarehouseWidget(QWidget *parent = nullptr);
};

} // namespace pincart
