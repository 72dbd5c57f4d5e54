/* mp-reference.h
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* The shipped reference data (models/README.md, “Entities”, “Reference data”)
 * and what is computed from it.  This header also brings in the rest of the
 * folder: indicator values and their CSV format (mp-indicators.h), the
 * country risk class (mp-partner-risk.h) and the demographic-dividend index
 * (mp-ddi.h). */

#include <gio/gio.h>

#include "mp-types.h"
#include "mp-ddi.h"
#include "mp-indicators.h"
#include "mp-partner-risk.h"

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

/* ---- The shipped set (mp-reference-load.c) ------------------------------ */

MpReference  *mp_reference_load_default       (GError           **error);

gboolean      mp_partner_is_reference_country (const MpPartner   *partner);

G_END_DECLS
