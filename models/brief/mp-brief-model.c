/* mp-brief-model.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-brief"

#include "config.h"

#include <math.h>

#include "mp-assumptions.h"
#include "mp-brief-private.h"

/* Small helpers over the model that several sheets share. */

/* The partner's name, or its code when the reference data lack it. */
const char *
_mp_brief_partner_name (const MpReference *ref,
                        const char        *iso3)
{
  MpPartner *p = (ref != NULL && iso3 != NULL) ? mp_reference_find_partner (ref, iso3) : NULL;

  return p != NULL && p->name != NULL ? p->name : iso3;
}

const char *
_mp_brief_sector_name (const MpReference *ref,
                       const char        *code)
{
  MpSector *s = (ref != NULL && code != NULL) ? mp_reference_find_sector (ref, code) : NULL;

  return s != NULL && s->name != NULL ? s->name : code;
}

/* "Morocco (MAR), Tunisia (TUN)" */
char *
_mp_brief_partners_text (const MpPackage   *pkg,
                         const MpReference *ref)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; pkg->partners != NULL && pkg->partners[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      g_string_append_printf (out, "%s (%s)", _mp_brief_partner_name (ref, pkg->partners[i]),
                              pkg->partners[i]);
    }
  return g_string_free (out, FALSE);
}

/* The package's V-Dem thresholds of the country risk classes. */
void
_mp_brief_risk_thresholds (const MpPackage  *pkg,
                           MpRiskThresholds *t)
{
  mp_risk_thresholds_init (t);
  t->low = mp_package_assumption_value (pkg, MP_ASSUMPTION_VDEM_LOW_RISK);
  t->medium = mp_package_assumption_value (pkg, MP_ASSUMPTION_VDEM_HIGH_RISK);
  if (!mp_risk_thresholds_validate (t, NULL))
    mp_risk_thresholds_init (t);
}

/* A flow of one scheme over the horizon (NaN when not evaluated). */
double
_mp_brief_scheme_sum (const MpEvaluation *eval,
                      int                 scheme,
                      gsize               field_offset)
{
  double sum = 0;

  if (eval->by_scheme == NULL || scheme < 0 || scheme >= eval->n_schemes)
    return NAN;
  for (int t = 0; t < eval->n_years; t++)
    sum += G_STRUCT_MEMBER (double, &eval->by_scheme[(gsize) scheme * eval->n_years + t],
                            field_offset);
  return sum;
}

const char *
_mp_brief_scheme_name (const MpPackage *pkg,
                       int              index)
{
  if (index < 0 || pkg->schemes == NULL || (guint) index >= pkg->schemes->len)
    return NULL;
  return ((MpScheme *) g_ptr_array_index (pkg->schemes, index))->name;
}

static int
compare_findings (gconstpointer a,
                  gconstpointer b)
{
  const MpFinding *fa = *(MpFinding * const *) a;
  const MpFinding *fb = *(MpFinding * const *) b;

  return (int) fb->severity - (int) fa->severity;
}

/* The findings, blocks first (transfer container: the findings are the
 * evaluation's). */
GPtrArray *
_mp_brief_sorted_findings (const MpEvaluation *eval)
{
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; eval->findings != NULL && i < eval->findings->len; i++)
    g_ptr_array_add (out, g_ptr_array_index (eval->findings, i));
  /* g_ptr_array_sort is a merge sort in GLib 2.74: stable, order kept within a severity. */
  g_ptr_array_sort (out, compare_findings);
  return out;
}

/* The monitoring a measure requires; measures never allowed require none. */
MpMonitoring
_mp_brief_measure_monitoring (const MpMeasure *me)
{
  return me->never_allowed ? MP_MONITOR_NOT_ALLOWED : MIN (me->monitoring, MP_MONITOR_NOT_ALLOWED);
}
