/* mp-reference-private.h
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* Shared inside models/reference/: what loading the shipped set
 * (mp-reference-load.c) takes from the indicator CSV format
 * (mp-indicators.c). */

#include "mp-reference.h"

G_BEGIN_DECLS

gboolean _mp_reference_check_csv_text  (const char   *data,
                                        gsize         len,
                                        GError      **error);
gboolean _mp_reference_parse_year      (const char   *text,
                                        int          *out);
gboolean _mp_reference_read_indicators (MpReference  *reference,
                                        const char   *data,
                                        gsize         len,
                                        GError      **error);

G_END_DECLS
