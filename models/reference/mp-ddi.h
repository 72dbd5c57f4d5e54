/* mp-ddi.h
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* The demographic-dividend index of the partners (models/README.md,
 * “Demographic dividend and labour slack”). */

#include <glib.h>

#include "mp-types.h"

G_BEGIN_DECLS

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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MpDdi, mp_ddi_free)

G_END_DECLS
