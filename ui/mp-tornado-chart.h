/* mp-tornado-chart.h
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

#define MP_TYPE_TORNADO_CHART (mp_tornado_chart_get_type ())

G_DECLARE_FINAL_TYPE (MpTornadoChart, mp_tornado_chart, MP, TORNADO_CHART, MpChart)

GtkWidget *mp_tornado_chart_new            (void);
void       mp_tornado_chart_set_evaluation (MpTornadoChart     *self,
                                            const MpEvaluation *eval,
                                            MpHeadline          output);
void       mp_tornado_chart_set_swings     (MpTornadoChart     *self,
                                            const MpSwing      *swings,
                                            guint               n_swings,
                                            const char         *output_label);

G_END_DECLS
