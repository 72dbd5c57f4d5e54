/* mp-headline-format.h
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mp-evaluation.h"
#include "mp-format.h"

G_BEGIN_DECLS

/* The one way a headline output is shown, wherever it is shown. */

MpNumberStyle  mp_headline_number_style (MpHeadline     headline);
char          *mp_format_headline       (MpHeadline     headline,
                                         double         value,
                                         MpFormatFlags  flags);

G_END_DECLS
