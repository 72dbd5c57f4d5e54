/* mp-validate.h
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* The whole-package validator: every rule of the field table
 * (mp-field-rules.h) plus the rules between fields — names, codes and the
 * references between them, counts, ranges in order, years within the
 * horizon, p_settle + o ≤ 1.  The JSON reader, the document store and the
 * command line apply this one function; its messages start with the field
 * path, then name the value and the rule, and its errors are MP_FIELD_ERROR. */

#include <glib.h>

#include "mp-types.h"

G_BEGIN_DECLS

/* Entries of a package (schemes, offers, asks, tranches each), and its
 * partners. */
#define MP_VALIDATE_MAX_ITEMS      10000
#define MP_VALIDATE_MAX_PARTNERS   100

gboolean   mp_package_validate   (const MpPackage    *package,
                                  const MpReference  *reference,
                                  const char         *path,
                                  GError            **error);
gboolean   mp_reference_validate (const MpReference  *reference,
                                  const char         *path,
                                  GError            **error);

G_END_DECLS
