/* mp-deal-map.h
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mp-chart.h"

G_BEGIN_DECLS

#define MP_TYPE_DEAL_MAP (mp_deal_map_get_type ())

G_DECLARE_FINAL_TYPE (MpDealMap, mp_deal_map, MP, DEAL_MAP, MpChart)

/* One package on the map (models/README.md, “Balance”): x = NL benefit,
 * y = partner fit, both 0–100.  NaN scores are listed in the description but not drawn. */
typedef struct
{
  const char *name;
  double      nl_benefit;
  double      fit;
  gboolean    highlighted;   /* the selected package */
} MpDealPoint;

GtkWidget *mp_deal_map_new            (void);
void       mp_deal_map_set_points     (MpDealMap         *self,
                                       const MpDealPoint *points,
                                       guint              n_points);
guint      mp_deal_map_get_n_points   (MpDealMap         *self);

G_END_DECLS
