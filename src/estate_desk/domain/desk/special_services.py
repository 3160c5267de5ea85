"""Special services (特约服务, rule F8): a clear price for each, chosen by the owner.

Beyond the common services every owner gets, the office offers paid services
(送水、家政、户内维修 …), each "明码标价". A ticket carries the services the owner
chose as :class:`ChosenService` lines. A line copies the name and the unit price
from the price list at the moment it is chosen, so a later change of the price
list never changes what an owner already agreed to pay.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from estate_desk.domain.errors import InputProblem, NotFound

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping

CENT = Decimal("0.01")


def _money(value: Decimal, what: str) -> Decimal:
    if not isinstance(value, Decimal) or not value.is_finite():
        raise InputProblem(zh=f"{what}必须是金额。", en=f"{what} must be an amount of money.", rule="F8")
    if value < 0:
        raise InputProblem(zh="价格不能为负数。", en="A price cannot be negative.", rule="F8")
    if value != value.quantize(CENT):
        raise InputProblem(zh="价格最多精确到分。", en="A price has at most two decimals (fen).", rule="F8")
    return value.quantize(CENT)


@dataclass(frozen=True)
class SpecialService:
    """One entry of the price list (特约服务价目表). ``code`` is stable and unique."""

    code: str
    name_zh: str
    name_en: str
    price: Decimal
    unit_zh: str = "次"
    unit_en: str = "time"

    def __post_init__(self) -> None:
        if not self.code.strip():
            raise InputProblem(zh="特约服务需要编码。", en="A special service needs a code.", rule="F8")
        if not self.name_zh.strip():
            raise InputProblem(zh="特约服务需要名称。", en="A special service needs a name.", rule="F8")
        object.__setattr__(self, "price", _money(self.price, "价格"))


@dataclass(frozen=True)
class ChosenService:
    """A service an owner chose on a ticket, with the price agreed at that moment."""

    code: str
    name_zh: str
    name_en: str
    unit_price: Decimal
    quantity: int = 1

    def __post_init__(self) -> None:
        object.__setattr__(self, "unit_price", _money(self.unit_price, "单价"))
        if self.quantity < 1:
            raise InputProblem(zh="数量至少为 1。", en="The quantity must be at least 1.", rule="F8")

    @property
    def line_total(self) -> Decimal:
        return (self.unit_price * self.quantity).quantize(CENT)


class PriceList:
    """The office's special services by code."""

    def __init__(self, services: Iterable[SpecialService]) -> None:
        by_code: dict[str, SpecialService] = {}
        for service in services:
            if service.code in by_code:
                raise InputProblem(
                    zh=f"特约服务编码重复：{service.code}",
                    en=f"Duplicate special service code: {service.code}",
                    rule="F8",
                )
            by_code[service.code] = service
        self._by_code: Mapping[str, SpecialService] = by_code

    def __iter__(self) -> Iterator[SpecialService]:
        return iter(self._by_code.values())

    def __len__(self) -> int:
        return len(self._by_code)

    def get(self, code: str) -> SpecialService:
        try:
            return self._by_code[code]
        except KeyError:
            raise NotFound(
                zh=f"价目表中没有特约服务“{code}”。",
                en=f"No special service '{code}' in the price list.",
                rule="F8",
            ) from None

    def choose(self, code: str, quantity: int = 1) -> ChosenService:
        """A ticket line for ``quantity`` of the service, at today's price."""
        service = self.get(code)
        return ChosenService(
            code=service.code,
            name_zh=service.name_zh,
            name_en=service.name_en,
            unit_price=service.price,
            quantity=quantity,
        )


def services_total(lines: Iterable[ChosenService]) -> Decimal:
    """What the owner pays for the chosen services (元, two decimals)."""
    return sum((line.line_total for line in lines), Decimal("0.00")).quantize(CENT)
