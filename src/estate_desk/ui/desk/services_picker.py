"""Choosing special services at intake (特约服务, F8): the office's price list with a quantity per
service and the total the owner pays, computed by the rules' own :func:`services_total`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from estate_desk.domain.desk.special_services import PriceList, services_total
from estate_desk.ui.qt import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)
from estate_desk.ui.widgets import lang

if TYPE_CHECKING:
    from collections.abc import Sequence
    from decimal import Decimal

    from estate_desk.domain.desk.special_services import ChosenService, SpecialService

MAX_QUANTITY = 99


class ServicesPicker(QWidget):
    """The price list as a table; a quantity above 0 chooses the service."""

    changed = Signal()

    def __init__(self, services: Sequence[SpecialService], parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="servicesPicker")
        self._services = list(services)
        self._prices = PriceList(self._services)
        self.table = QTableWidget(len(self._services), 3, objectName="priceList")
        self.table.setHorizontalHeaderLabels([self.tr("Service"), self.tr("Price (yuan)"), self.tr("Quantity")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(False)
        self.spins: dict[str, QSpinBox] = {}
        zh = lang() == "zh"
        for row, service in enumerate(self._services):
            name = QTableWidgetItem(service.name_zh if zh else service.name_en)
            price = QTableWidgetItem(f"{service.price:,.2f} / {service.unit_zh if zh else service.unit_en}")
            price.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 0, name)
            self.table.setItem(row, 1, price)
            spin = QSpinBox(objectName=f"quantity_{service.code}")
            spin.setRange(0, MAX_QUANTITY)
            spin.valueChanged.connect(self._update)
            self.table.setCellWidget(row, 2, spin)
            self.spins[service.code] = spin
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(0, max(self.table.columnWidth(0), 200))
        self.table.setMinimumHeight(120)
        self.total = QLabel(objectName="servicesTotal")
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight)
        foot = QHBoxLayout()
        foot.addStretch(1)
        foot.addWidget(self.total)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(foot)
        self._update()

    def choose(self, code: str, quantity: int) -> None:
        self.spins[code].setValue(quantity)

    def lines(self) -> tuple[tuple[str, int], ...]:
        """(code, quantity) of every chosen service, in the price list's order."""
        return tuple((code, spin.value()) for code, spin in self.spins.items() if spin.value() > 0)

    def chosen(self) -> list[ChosenService]:
        return [self._prices.choose(code, quantity) for code, quantity in self.lines()]

    def total_amount(self) -> Decimal:
        return services_total(self.chosen())

    def _update(self) -> None:
        self.total.setText(self.tr("Total: ¥{total}").format(total=f"{self.total_amount():,.2f}"))
        self.changed.emit()
