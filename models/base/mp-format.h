/* mp-format.h
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Numbers for people, formatted for the current LC_NUMERIC (grouping and
 * decimal separator) and, for units, the current translation.  Every function
 * returns a newly allocated string (g_free); NaN gives "–" (no data), an
 * infinite value "∞".  Years are not numbers here: print them with "%d" (no
 * grouping).  The GUI, the print-out and the command line all format through
 * here; the way each headline output is shown is mp_format_headline(). */

typedef enum
{
  MP_FORMAT_DEFAULT     = 0,
  MP_FORMAT_PLUS_SIGN   = 1 << 0,  /* "+14" for a positive value, as for a balance */
  MP_FORMAT_TRUE_MINUS  = 1 << 1,  /* "−3" (U+2212) in text for reading, not "-3" */
  MP_FORMAT_EXACT_EUROS = 1 << 2,  /* amounts in whole euros, never in millions or billions */
} MpFormatFlags;

/* The kinds of figures a headline output can be. */
typedef enum
{
  MP_NUMBER_COUNT,          /* a whole number: "2,580" */
  MP_NUMBER_SIGNED_COUNT,   /* a whole number with its sign: "+60" */
  MP_NUMBER_SCORE,          /* one decimal: "23.8" */
  MP_NUMBER_SIGNED_SCORE,   /* one decimal with its sign: "-35.4" */
  MP_NUMBER_EUROS,          /* an amount of euros: "€3.9 m" */
} MpNumberStyle;

char *mp_format_number        (double         value,
                               int            decimals);
char *mp_format_number_full   (double         value,
                               int            decimals,
                               MpFormatFlags  flags);
char *mp_format_signed_number (double         value,
                               int            decimals);
char *mp_format_money         (double         euros);
char *mp_format_money_scaled  (double         euros,
                               double         reference,
                               int            decimals);
char *mp_format_percent       (double         percent,
                               int            decimals);
char *mp_format_styled        (MpNumberStyle  style,
                               double         value,
                               MpFormatFlags  flags);

G_END_DECLS
