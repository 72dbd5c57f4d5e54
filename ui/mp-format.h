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
 * returns a newly allocated string (g_free); NaN gives "–" (no data).
 * Years are not numbers here: print them with "%d" (no grouping). */

char *mp_format_number        (double value,
                               int    decimals);
char *mp_format_signed_number (double value,
                               int    decimals);
char *mp_format_money         (double euros);
char *mp_format_money_scaled  (double euros,
                               double reference,
                               int    decimals);
char *mp_format_percent       (double percent,
                               int    decimals);

G_END_DECLS
