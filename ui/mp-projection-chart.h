/* mp-projection-chart.h
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mp-chart.h"
#include "mp-evaluation.h"

G_BEGIN_DECLS

#define MP_TYPE_PROJECTION_CHART (mp_projection_chart_get_type ())

G_DECLARE_FINAL_TYPE (MpProjectionChart, mp_projection_chart, MP, PROJECTION_CHART, MpChart)

GtkWidget *mp_projection_chart_new            (void);
void       mp_projection_chart_set_evaluation (MpProjectionChart  *self,
                                               const MpEvaluation *eval,
                                               const MpReference  *reference);
void       mp_projection_chart_set_data       (MpProjectionChart  *self,
                                               int                 start_year,
                                               int                 n_years,
                                               int                 n_series,
                                               const char * const *labels,
                                               const double       *person_years,
                                               const double       *remittances);

G_END_DECLS
