/* mp-offer-page.h
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mp-page.h"

G_BEGIN_DECLS

#define MP_TYPE_OFFER_PAGE (mp_offer_page_get_type ())

G_DECLARE_FINAL_TYPE (MpOfferPage, mp_offer_page, MP, OFFER_PAGE, MpPage)

void   mp_offer_page_focus_filter        (MpOfferPage *self);
/* Selects the scheme at @index of the package and shows it in the editor. */
void   mp_offer_page_select_scheme       (MpOfferPage *self,
                                          guint        index);
/* The index of the scheme in the editor, or G_MAXUINT. */
guint  mp_offer_page_get_selected_scheme (MpOfferPage *self);

G_END_DECLS
