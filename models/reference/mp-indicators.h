/* mp-indicators.h
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* Indicator values: their plausible ranges, and the CSV import and export of
 * indicator values in the format of data/reference/indicators.csv (see
 * data/reference/README.md).  Errors are MP_REFERENCE_ERROR (mp-reference.h). */

#include <glib.h>

#include "mp-types.h"

G_BEGIN_DECLS

/* CSV files above this size are refused before they are read or parsed. */
#define MP_REFERENCE_CSV_MAX_SIZE (10 * 1000 * 1000)

/* The header line of the indicator CSV format (also accepted with ';'). */
#define MP_REFERENCE_CSV_HEADER "iso3,indicator,value,year,source"

/* ---- Plausible values --------------------------------------------------- */

gboolean      mp_indicator_validate           (MpIndicator        indicator,
                                               double             value,
                                               GError           **error);
void          mp_indicator_range              (MpIndicator        indicator,
                                               double            *min,
                                               double            *max);
char         *mp_reference_format_number      (double              value);

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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MpIndicatorChange, mp_indicator_change_free)

G_END_DECLS
