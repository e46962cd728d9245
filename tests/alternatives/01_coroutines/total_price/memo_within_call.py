"""Correct in another style: a memo of this call's prices, by id; a repeated id is asked once
and its price counted each time it appears (harmless logging beside)."""

import logging

log = logging.getLogger(__name__)


async def total_price(get_price, ids):
    seen: dict = {}  # this call's prices, by id: a repeated id is asked once
    total = 0
    for i in ids:
        try:
            price = seen[i]
        except (KeyError, TypeError):
            price = await get_price(i)
            try:
                seen[i] = price
            except TypeError:
                pass
        total += price
    log.debug("total %d", total)
    return total
