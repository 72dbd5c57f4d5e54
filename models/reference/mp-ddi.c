/* mp-ddi.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-reference"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "mp-i18n.h"
#include "mp-reference.h"

/* The demographic-dividend index of every partner (models/README.md,
 * “Demographic dividend and labour slack”). */

static const struct
{
  const char  *id;
  const char  *label;
  MpIndicator  indicator;
  int          direction;
} ddi_components[MP_N_DDI_COMPONENTS] = {
  { "working_age_share", N_("Working-age share"), MP_IND_WORKING_AGE_SHARE, +1 },
  { "working_age_growth", N_("Working-age growth to 2050"), MP_IND_WORKING_AGE_GROWTH, +1 },
  { "youth_unemployment", N_("Youth unemployment (unused potential)"),
    MP_IND_YOUTH_UNEMPLOYMENT, +1 },
  { "old_age_dependency", N_("Old-age dependency"), MP_IND_OLD_AGE_DEPENDENCY, -1 },
};


static void
ddi_entry_free (MpDdiEntry *entry)
{
  g_free (entry->iso3);
  g_free (entry);
}

/**
 * mp_reference_compute_ddi:
 * @reference: a reference set
 *
 * Computes the demographic-dividend index for every
 * partner. Each component is min–max normalised over the partners of
 * @reference except the reference country (excluded partners such as Libya
 * stay in the set: the index describes demography, not eligibility); old-age
 * dependency counts negatively. The index is 100 × the mean of the
 * components a partner has a value for; a component whose values are all
 * equal carries no information and is left out for everyone. The reference
 * country gets raw values but no index and no rank.
 *
 * Returns: (transfer full): the index, free with mp_ddi_free()
 */
MpDdi *
mp_reference_compute_ddi (const MpReference *reference)
{
  MpDdi *ddi;

  g_return_val_if_fail (reference != NULL, NULL);

  ddi = g_new0 (MpDdi, 1);
  ddi->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) ddi_entry_free);

  for (int c = 0; c < MP_N_DDI_COMPONENTS; c++)
    {
      ddi->min[c] = NAN;
      ddi->max[c] = NAN;
    }

  for (guint i = 0; i < reference->partners->len; i++)
    {
      const MpPartner *p = g_ptr_array_index (reference->partners, i);
      MpDdiEntry *e = g_new0 (MpDdiEntry, 1);

      e->iso3 = g_strdup (p->iso3);
      e->in_set = !mp_partner_is_reference_country (p);
      e->index = NAN;
      if (e->in_set)
        ddi->set_size++;

      for (int c = 0; c < MP_N_DDI_COMPONENTS; c++)
        {
          double x = p->ind[ddi_components[c].indicator].value;

          e->raw[c] = x;
          e->normalised[c] = NAN;
          if (!e->in_set || isnan (x))
            continue;
          if (isnan (ddi->min[c]) || x < ddi->min[c])
            ddi->min[c] = x;
          if (isnan (ddi->max[c]) || x > ddi->max[c])
            ddi->max[c] = x;
        }

      g_ptr_array_add (ddi->entries, e);
    }

  for (guint i = 0; i < ddi->entries->len; i++)
    {
      MpDdiEntry *e = g_ptr_array_index (ddi->entries, i);
      double sum = 0;

      if (!e->in_set)
        continue;

      for (int c = 0; c < MP_N_DDI_COMPONENTS; c++)
        {
          double range = ddi->max[c] - ddi->min[c];
          double n;

          if (isnan (e->raw[c]) || !(range > 0))
            continue;

          n = (e->raw[c] - ddi->min[c]) / range;
          if (ddi_components[c].direction < 0)
            n = 1.0 - n;
          e->normalised[c] = n;
          sum += n;
          e->n_components++;
        }

      if (e->n_components > 0)
        e->index = 100.0 * sum / e->n_components;
    }

  /* Competition ranking: ties share a rank. */
  for (guint i = 0; i < ddi->entries->len; i++)
    {
      MpDdiEntry *e = g_ptr_array_index (ddi->entries, i);

      if (isnan (e->index))
        continue;

      e->rank = 1;
      for (guint j = 0; j < ddi->entries->len; j++)
        {
          MpDdiEntry *o = g_ptr_array_index (ddi->entries, j);

          if (!isnan (o->index) && o->index > e->index)
            e->rank++;
        }
    }

  return ddi;
}

/**
 * mp_ddi_free:
 * @ddi: (nullable): an index
 *
 * Frees @ddi.
 */
void
mp_ddi_free (MpDdi *ddi)
{
  if (ddi == NULL)
    return;

  g_clear_pointer (&ddi->entries, g_ptr_array_unref);
  g_free (ddi);
}

/**
 * mp_ddi_lookup:
 * @ddi: an index
 * @iso3: ISO alpha-3 code (case-insensitive)
 *
 * Returns: (transfer none) (nullable): the partner's entry, or %NULL
 */
const MpDdiEntry *
mp_ddi_lookup (const MpDdi *ddi,
               const char  *iso3)
{
  g_return_val_if_fail (ddi != NULL, NULL);

  for (guint i = 0; iso3 != NULL && i < ddi->entries->len; i++)
    {
      const MpDdiEntry *e = g_ptr_array_index (ddi->entries, i);

      if (g_ascii_strcasecmp (e->iso3, iso3) == 0)
        return e;
    }

  return NULL;
}

/**
 * mp_ddi_component_indicator:
 * @component: a component
 *
 * Returns: the indicator the component is computed from
 */
MpIndicator
mp_ddi_component_indicator (MpDdiComponent component)
{
  g_return_val_if_fail ((int) component >= 0 && component < MP_N_DDI_COMPONENTS, 0);

  return ddi_components[component].indicator;
}

/**
 * mp_ddi_component_direction:
 * @component: a component
 *
 * Returns: +1 when a higher value means a larger dividend, −1 otherwise
 */
int
mp_ddi_component_direction (MpDdiComponent component)
{
  g_return_val_if_fail ((int) component >= 0 && component < MP_N_DDI_COMPONENTS, 0);

  return ddi_components[component].direction;
}

/**
 * mp_ddi_component_to_string:
 * @component: a component
 *
 * Returns: its stable identifier, e.g. "old_age_dependency"
 */
const char *
mp_ddi_component_to_string (MpDdiComponent component)
{
  g_return_val_if_fail ((int) component >= 0 && component < MP_N_DDI_COMPONENTS, NULL);

  return ddi_components[component].id;
}

/**
 * mp_ddi_component_label:
 * @component: a component
 *
 * Returns: a translated label
 */
const char *
mp_ddi_component_label (MpDdiComponent component)
{
  g_return_val_if_fail ((int) component >= 0 && component < MP_N_DDI_COMPONENTS, NULL);

  return _(ddi_components[component].label);
}
