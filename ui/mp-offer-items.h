/* mp-offer-items.h
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mp-item-list.h"

G_BEGIN_DECLS

/* The three item lists of the Offer page besides the schemes: what the
 * Netherlands offers, what it asks, and the tranches released when an ask
 * is delivered. */
extern const MpItemListSpec mp_other_offers_spec;
extern const MpItemListSpec mp_asks_spec;
extern const MpItemListSpec mp_tranches_spec;

/* A new item of @kind for @package, with the values the lists start from. */
MpOffer *mp_offer_items_new_offer (const MpPackage *package,
                                   MpOfferKind      kind);
MpAsk   *mp_offer_items_new_ask   (const MpPackage *package,
                                   MpAskKind        kind);

G_END_DECLS
