/* mp-document-private.h
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* Internals of the document store shared with its tests. */

#include "mp-document.h"

G_BEGIN_DECLS

/* Where the demo packages (data/examples/demo.json) are in the models'
 * resources. */
#define MP_DOCUMENT_DEMO_RESOURCE RESOURCE_BASE "/examples/demo.json"

/* Checks a reference snapshot (codes, unique keys, enum values, ranges). */
gboolean _mp_document_validate_reference (const MpReference  *reference,
                                          GError            **error);

G_END_DECLS
