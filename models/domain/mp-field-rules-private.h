/* mp-field-rules-private.h
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mp-field-rules.h"

G_BEGIN_DECLS

/* A range that depends on the package (a year within its horizon) or on the
 * assumption catalogue, checked and worded as the table's rules are; @name is
 * already translated. */
gboolean _mp_field_check_range (const char  *name,
                                double       min,
                                double       max,
                                double       value,
                                const char  *path,
                                GError     **error);

G_END_DECLS
