/* mp-partner-risk.h
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* The country risk class of a partner for migrants (models/README.md,
 * “Human-rights risk framework”).  Errors are MP_REFERENCE_ERROR
 * (mp-reference.h). */

#include <glib.h>

#include "mp-types.h"

G_BEGIN_DECLS

#define MP_RISK_THRESHOLD_LOW_DEFAULT    0.45
#define MP_RISK_THRESHOLD_MEDIUM_DEFAULT 0.20

/* V-Dem Liberal Democracy Index: low risk at or above @low, medium at or
 * above @medium, high below @medium. */
typedef struct
{
  double low;
  double medium;
} MpRiskThresholds;

typedef enum
{
  MP_RISK_BASIS_INDEX,      /* from the V-Dem index and the thresholds */
  MP_RISK_BASIS_OVERRIDE,   /* a context override with its reason */
  MP_RISK_BASIS_NO_DATA,    /* no index value: classed high as a precaution */
  MP_N_RISK_BASIS
} MpRiskBasis;

void          mp_risk_thresholds_init         (MpRiskThresholds  *thresholds);
gboolean      mp_risk_thresholds_validate     (const MpRiskThresholds *thresholds,
                                               GError           **error);
MpRisk        mp_risk_classify                (double             libdem,
                                               const MpRiskThresholds *thresholds);
MpRisk        mp_partner_risk                 (const MpPartner   *partner,
                                               const MpRiskThresholds *thresholds,
                                               MpRiskBasis       *basis);
const char   *mp_risk_basis_to_string         (MpRiskBasis        basis);

G_END_DECLS
