/* mp-partner-page.h
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mp-page.h"

G_BEGIN_DECLS

#define MP_TYPE_PARTNER_PAGE (mp_partner_page_get_type ())

G_DECLARE_FINAL_TYPE (MpPartnerPage, mp_partner_page, MP, PARTNER_PAGE, MpPage)

G_END_DECLS
