/* mp-partner-risk.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-reference"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "mp-i18n.h"
#include "mp-reference.h"

/* The country risk class for migrants (models/README.md, “Human-rights risk
 * framework”): a partner's context override, or the class of its V-Dem
 * Liberal Democracy Index under editable thresholds. */

static const char * const risk_basis_ids[MP_N_RISK_BASIS] = {
  "index",
  "override",
  "no_data",
};

/**
 * mp_risk_thresholds_init:
 * @thresholds: thresholds to fill
 *
 * Sets the defaults: low ≥ 0.45, medium 0.20–0.45, high < 0.20.
 */
void
mp_risk_thresholds_init (MpRiskThresholds *thresholds)
{
  g_return_if_fail (thresholds != NULL);

  thresholds->low = MP_RISK_THRESHOLD_LOW_DEFAULT;
  thresholds->medium = MP_RISK_THRESHOLD_MEDIUM_DEFAULT;
}

/**
 * mp_risk_thresholds_validate:
 * @thresholds: thresholds
 * @error: return location for a #GError, or %NULL
 *
 * Returns: %TRUE when 0 ≤ medium ≤ low ≤ 1; otherwise %FALSE with
 *   %MP_REFERENCE_ERROR_VALUE set
 */
gboolean
mp_risk_thresholds_validate (const MpRiskThresholds  *thresholds,
                             GError                 **error)
{
  g_return_val_if_fail (thresholds != NULL, FALSE);

  if (!(thresholds->medium >= 0 && thresholds->medium <= thresholds->low && thresholds->low <= 1))
    {
      g_set_error (error, MP_REFERENCE_ERROR, MP_REFERENCE_ERROR_VALUE,
                   _("Risk thresholds must satisfy 0 ≤ medium ≤ low ≤ 1 (got medium %g, low %g)"),
                   thresholds->medium, thresholds->low);
      return FALSE;
    }

  return TRUE;
}

/**
 * mp_risk_classify:
 * @libdem: V-Dem Liberal Democracy Index (0–1), NaN when missing
 * @thresholds: (nullable): thresholds, %NULL for the defaults
 *
 * Returns: low at or above the low threshold, medium at or above the medium
 *   threshold, high below it; high when @libdem is missing (a precaution)
 */
MpRisk
mp_risk_classify (double                  libdem,
                  const MpRiskThresholds *thresholds)
{
  MpRiskThresholds defaults;

  if (thresholds == NULL)
    {
      mp_risk_thresholds_init (&defaults);
      thresholds = &defaults;
    }

  if (isnan (libdem))
    return MP_RISK_HIGH;
  if (libdem >= thresholds->low)
    return MP_RISK_LOW;
  if (libdem >= thresholds->medium)
    return MP_RISK_MEDIUM;

  return MP_RISK_HIGH;
}

/**
 * mp_partner_risk:
 * @partner: a partner
 * @thresholds: (nullable): thresholds, %NULL for the defaults
 * @basis: (out) (optional): what the class rests on
 *
 * The country risk class for migrants: the partner's override when it
 * has one (its reason is in @partner->risk_override_reason), else the class of
 * its V-Dem Liberal Democracy Index.
 *
 * Returns: the risk class
 */
MpRisk
mp_partner_risk (const MpPartner        *partner,
                 const MpRiskThresholds *thresholds,
                 MpRiskBasis            *basis)
{
  double libdem;

  g_return_val_if_fail (partner != NULL, MP_RISK_HIGH);

  libdem = partner->ind[MP_IND_VDEM_LIBDEM].value;

  /* An override outside the enum (a damaged file) is ignored, not trusted. */
  if (partner->has_risk_override && (int) partner->risk_override >= 0 &&
      partner->risk_override < MP_N_RISK)
    {
      if (basis != NULL)
        *basis = MP_RISK_BASIS_OVERRIDE;
      return partner->risk_override;
    }

  if (basis != NULL)
    *basis = isnan (libdem) ? MP_RISK_BASIS_NO_DATA : MP_RISK_BASIS_INDEX;

  return mp_risk_classify (libdem, thresholds);
}

/**
 * mp_risk_basis_to_string:
 * @basis: a basis
 *
 * Returns: its stable identifier ("index", "override", "no_data")
 */
const char *
mp_risk_basis_to_string (MpRiskBasis basis)
{
  g_return_val_if_fail ((int) basis >= 0 && basis < MP_N_RISK_BASIS, NULL);

  return risk_basis_ids[basis];
}
