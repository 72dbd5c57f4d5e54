/* mp-assumptions.h
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* The catalogue of every constant of the model (models/README.md,
 * “Assumptions”) as a named, documented assumption with a default triangular
 * range and its source.
 * Packages override entries through MpPackage.assumptions (MpAssumption with
 * the same key).  An assumption is "uncertain" (drawn in the Monte Carlo
 * analysis and swung in the tornado) when its low and high differ. */

#include <glib.h>

#include "mp-types.h"

G_BEGIN_DECLS

/* Stable order of the catalogue; keys in mp-assumptions.c. */
typedef enum
{
  MP_ASSUMPTION_FILL_RATE,            /* "fill-rate" */
  MP_ASSUMPTION_OVERSTAY,             /* "overstay" */
  MP_ASSUMPTION_SETTLEMENT,           /* "settlement-share" */
  MP_ASSUMPTION_SETTLEMENT_RETURN,    /* "settlement-share-return" */
  MP_ASSUMPTION_REMITTANCE_SHARE,     /* "remittance-share" */
  MP_ASSUMPTION_WAGE_FACTOR,          /* "wage-factor" */
  MP_ASSUMPTION_WAGE_FLOOR,           /* "wage-floor" */
  MP_ASSUMPTION_WAGE_SKILLED,         /* "wage-skilled" */
  MP_ASSUMPTION_HOME_TRACK_COST,      /* "home-track-cost" */
  MP_ASSUMPTION_P_CONDITION_MET,      /* "p-condition-met" */
  MP_ASSUMPTION_EUR_PER_USD,          /* "eur-per-usd" */
  MP_ASSUMPTION_HEALTH_THRESHOLD,     /* "health-workforce-threshold" */
  MP_ASSUMPTION_VDEM_LOW_RISK,        /* "vdem-low-risk" */
  MP_ASSUMPTION_VDEM_HIGH_RISK,       /* "vdem-high-risk" */
  MP_ASSUMPTION_FIT_SCALE_LABOUR,     /* "fit-scale-labour" */
  MP_ASSUMPTION_FIT_SCALE_SKILLS,     /* "fit-scale-skills" */
  MP_ASSUMPTION_FIT_SCALE_REMITTANCES,/* "fit-scale-remittances" */
  MP_ASSUMPTION_FIT_SCALE_INVESTMENT, /* "fit-scale-investment" */
  MP_ASSUMPTION_FIT_SCALE_STUDY,      /* "fit-scale-study" */
  MP_ASSUMPTION_FIT_SCALE_VISA,       /* "fit-scale-visa" */
  MP_ASSUMPTION_FIT_SCALE_DEVELOPMENT,/* "fit-scale-development" */
  MP_ASSUMPTION_NL_SCALE_SHORTAGE,    /* "nl-scale-shortage" */
  MP_ASSUMPTION_NL_SCALE_RETURN,      /* "nl-scale-return" */
  MP_ASSUMPTION_NL_SCALE_IRREGULAR,   /* "nl-scale-irregular" */
  MP_ASSUMPTION_NL_SCALE_COST,        /* "nl-scale-cost" */
  MP_ASSUMPTION_NL_SCALE_NET_MIGRATION, /* "nl-scale-net-migration" */
  MP_ASSUMPTION_EVIDENCE_RETURNS,     /* "evidence-returns" */
  MP_N_ASSUMPTIONS
} MpAssumptionId;

/* One catalogue entry.  Strings are static; label, unit and rationale are
 * untranslated here: use the mp_assumption_info_*() getters for people. */
typedef struct
{
  MpAssumptionId  id;
  const char     *key;
  const char     *label;
  const char     *unit;
  double          low;
  double          mode;
  double          high;
  double          min;        /* valid domain of an override */
  double          max;
  const char     *rationale;
  const char     *source;     /* citation, not translated */
} MpAssumptionInfo;

const MpAssumptionInfo *mp_assumption_info        (MpAssumptionId          id);
const MpAssumptionInfo *mp_assumption_lookup      (const char             *key);
gboolean                mp_assumption_id_from_key (const char             *key,
                                                   MpAssumptionId         *out);
const char * const     *mp_assumption_keys        (void);

const char             *mp_assumption_info_label     (const MpAssumptionInfo *info);
const char             *mp_assumption_info_unit      (const MpAssumptionInfo *info);
const char             *mp_assumption_info_rationale (const MpAssumptionInfo *info);
gboolean                mp_assumption_info_uncertain (const MpAssumptionInfo *info);

gboolean                mp_package_get_assumption   (const MpPackage        *package,
                                                     const char             *key,
                                                     double                 *low,
                                                     double                 *mode,
                                                     double                 *high);
double                  mp_package_assumption_value (const MpPackage        *package,
                                                     MpAssumptionId          id);
gboolean                mp_package_assumption_overridden (const MpPackage   *package,
                                                          const char        *key);

G_END_DECLS
