/* mp-safeguards-page.h
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mp-evaluation.h"
#include "mp-page.h"

G_BEGIN_DECLS

#define MP_TYPE_SAFEGUARDS_PAGE (mp_safeguards_page_get_type ())

G_DECLARE_FINAL_TYPE (MpSafeguardsPage, mp_safeguards_page, MP, SAFEGUARDS_PAGE, MpPage)

guint      mp_safeguards_page_get_n_rows (MpSafeguardsPage *self,
                                          MpSeverity        severity);
/* The first finding row whose message contains @text, or NULL. */
GtkWidget *mp_safeguards_page_find_row   (MpSafeguardsPage *self,
                                          const char       *text);

G_END_DECLS
