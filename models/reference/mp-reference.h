/* mp-reference.h
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* The shipped reference data (DOMAIN.md §2, §5) and what is computed from it:
 * the demographic-dividend index (§4.6) and the country risk class (§4.4).
 * Also the CSV import and export of indicator values, in the format of
 * data/reference/indicators.csv (see data/reference/README.md). */

#include <gio/gio.h>

#include "mp-types.h"

G_BEGIN_DECLS

#define MP_REFERENCE_ERROR (mp_reference_error_quark ())

typedef enum
{
  MP_REFERENCE_ERROR_TOO_LARGE,          /* CSV larger than MP_REFERENCE_CSV_MAX_SIZE */
  MP_REFERENCE_ERROR_ENCODING,           /* not UTF-8, or NUL bytes */
  MP_REFERENCE_ERROR_HEADER,             /* missing or wrong header line */
  MP_REFERENCE_ERROR_SYNTAX,             /* wrong number of fields, bad quoting */
  MP_REFERENCE_ERROR_VALUE,              /* text in a number field, absurd value, bad year */
  MP_REFERENCE_ERROR_UNKNOWN_PARTNER,    /* ISO code not in the reference set */
  MP_REFERENCE_ERROR_UNKNOWN_INDICATOR,
  MP_REFERENCE_ERROR_DUPLICATE,          /* same country and indicator twice */
  MP_REFERENCE_ERROR_STALE,              /* changes no longer match the reference */
  MP_REFERENCE_ERROR_DATA,               /* the shipped data is broken */
} MpReferenceError;

GQuark        mp_reference_error_quark        (void);

/* The country the partners are compared with; not a partner itself. */
#define MP_REFERENCE_COUNTRY "NLD"

/* CSV files above this size are refused before they are read or parsed. */
#define MP_REFERENCE_CSV_MAX_SIZE (10 * 1000 * 1000)

/* The header line of the indicator CSV format (also accepted with ';'). */
#define MP_REFERENCE_CSV_HEADER "iso3,indicator,value,year,source"

/* ---- The shipped set ---------------------------------------------------- */

MpReference  *mp_reference_load_default       (GError           **error);

gboolean      mp_partner_is_reference_country (const MpPartner   *partner);

gboolean      mp_indicator_validate           (MpIndicator        indicator,
                                               double             value,
                                               GError           **error);
void          mp_indicator_range              (MpIndicator        indicator,
                                               double            *min,
                                               double            *max);

/* ---- Country risk (§4.4) ------------------------------------------------ */

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
const char   *mp_risk_basis_label             (MpRiskBasis        basis);

/* ---- Demographic-dividend index (§4.6) ---------------------------------- */

typedef enum
{
  MP_DDI_WORKING_AGE_SHARE,     /* + */
  MP_DDI_WORKING_AGE_GROWTH,    /* + */
  MP_DDI_YOUTH_UNEMPLOYMENT,    /* + (unused potential) */
  MP_DDI_OLD_AGE_DEPENDENCY,    /* − */
  MP_N_DDI_COMPONENTS
} MpDdiComponent;

typedef struct
{
  char    *iso3;
  gboolean in_set;                            /* FALSE for the reference country */
  double   raw[MP_N_DDI_COMPONENTS];          /* indicator values, NaN when missing */
  double   normalised[MP_N_DDI_COMPONENTS];   /* 0-1, direction applied, NaN when not available */
  guint    n_components;                      /* components that entered the mean */
  double   index;                             /* 0-100, NaN when no component */
  guint    rank;                              /* 1 = largest dividend, 0 = not ranked */
} MpDdiEntry;

typedef struct
{
  GPtrArray *entries;                         /* MpDdiEntry*, in the reference's partner order */
  guint      set_size;                        /* partners in the normalisation set */
  double     min[MP_N_DDI_COMPONENTS];        /* over the set, NaN when no value */
  double     max[MP_N_DDI_COMPONENTS];
} MpDdi;

MpDdi            *mp_reference_compute_ddi    (const MpReference  *reference);
void              mp_ddi_free                 (MpDdi              *ddi);
const MpDdiEntry *mp_ddi_lookup               (const MpDdi        *ddi,
                                               const char         *iso3);
MpIndicator       mp_ddi_component_indicator  (MpDdiComponent      component);
int               mp_ddi_component_direction  (MpDdiComponent      component);
const char       *mp_ddi_component_to_string  (MpDdiComponent      component);
const char       *mp_ddi_component_label      (MpDdiComponent      component);

/* ---- CSV import and export of indicator values -------------------------- */

typedef struct
{
  char        *iso3;
  MpIndicator  indicator;
  MpValue      old_value;
  MpValue      new_value;
  guint        line;          /* line of the CSV row, 0 when not from a file */
} MpIndicatorChange;

void          mp_indicator_change_free        (MpIndicatorChange *change);

gboolean      mp_reference_parse_csv          (const MpReference  *reference,
                                               const char         *data,
                                               gsize               len,
                                               GPtrArray         **changes_out,
                                               GError            **error);
gboolean      mp_reference_parse_csv_file     (const MpReference  *reference,
                                               const char         *path,
                                               GPtrArray         **changes_out,
                                               GError            **error);
gboolean      mp_reference_apply_changes      (MpReference        *reference,
                                               GPtrArray          *changes,
                                               GError            **error);
char         *mp_reference_to_csv             (const MpReference  *reference,
                                               gsize              *len_out);
char         *mp_reference_format_number      (double              value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MpDdi, mp_ddi_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MpIndicatorChange, mp_indicator_change_free)

G_END_DECLS
