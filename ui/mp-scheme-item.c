/* mp-scheme-item.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-scheme-item"

#include "config.h"

#include "mp-scheme-item.h"

struct _MpSchemeItem
{
  GObject  parent_instance;

  guint    index;
  char    *name;
  int      kind;
  char    *kind_label;
  char    *partner;
  char    *sector;
  double   quota;
  int      years;
  int      months;
  int      stays;
  double   cost;
  char    *search_text;
};

G_DEFINE_FINAL_TYPE (MpSchemeItem, mp_scheme_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_INDEX,
  PROP_NAME,
  PROP_KIND,
  PROP_KIND_LABEL,
  PROP_PARTNER,
  PROP_SECTOR,
  PROP_QUOTA,
  PROP_YEARS,
  PROP_MONTHS,
  PROP_STAYS,
  PROP_COST,
  PROP_SEARCH_TEXT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
mp_scheme_item_finalize (GObject *object)
{
  MpSchemeItem *self = MP_SCHEME_ITEM (object);

  g_free (self->name);
  g_free (self->kind_label);
  g_free (self->partner);
  g_free (self->sector);
  g_free (self->search_text);

  G_OBJECT_CLASS (mp_scheme_item_parent_class)->finalize (object);
}

static void
mp_scheme_item_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  MpSchemeItem *self = MP_SCHEME_ITEM (object);

  switch (prop_id)
    {
    case PROP_INDEX: g_value_set_uint (value, self->index); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_KIND: g_value_set_int (value, self->kind); break;
    case PROP_KIND_LABEL: g_value_set_string (value, self->kind_label); break;
    case PROP_PARTNER: g_value_set_string (value, self->partner); break;
    case PROP_SECTOR: g_value_set_string (value, self->sector); break;
    case PROP_QUOTA: g_value_set_double (value, self->quota); break;
    case PROP_YEARS: g_value_set_int (value, self->years); break;
    case PROP_MONTHS: g_value_set_int (value, self->months); break;
    case PROP_STAYS: g_value_set_int (value, self->stays); break;
    case PROP_COST: g_value_set_double (value, self->cost); break;
    case PROP_SEARCH_TEXT: g_value_set_string (value, self->search_text); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_scheme_item_class_init (MpSchemeItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = mp_scheme_item_finalize;
  object_class->get_property = mp_scheme_item_get_property;

  properties [PROP_INDEX] = g_param_spec_uint ("index", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties [PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties [PROP_KIND] = g_param_spec_int ("kind", NULL, NULL, 0, MP_N_SCHEME_KINDS, 0, flags);
  properties [PROP_KIND_LABEL] = g_param_spec_string ("kind-label", NULL, NULL, NULL, flags);
  properties [PROP_PARTNER] = g_param_spec_string ("partner", NULL, NULL, NULL, flags);
  properties [PROP_SECTOR] = g_param_spec_string ("sector", NULL, NULL, NULL, flags);
  properties [PROP_QUOTA] = g_param_spec_double ("quota", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  properties [PROP_YEARS] = g_param_spec_int ("years", NULL, NULL, G_MININT, G_MAXINT, 0, flags);
  properties [PROP_MONTHS] = g_param_spec_int ("months", NULL, NULL, G_MININT, G_MAXINT, 0, flags);
  properties [PROP_STAYS] = g_param_spec_int ("stays", NULL, NULL, G_MININT, G_MAXINT, 0, flags);
  properties [PROP_COST] = g_param_spec_double ("cost", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  properties [PROP_SEARCH_TEXT] = g_param_spec_string ("search-text", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mp_scheme_item_init (MpSchemeItem *self)
{
}

static gboolean
update_string (char       **field,
               const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

MpSchemeItem *
mp_scheme_item_new (guint              index,
                    const MpScheme    *scheme,
                    const MpReference *reference)
{
  MpSchemeItem *self = g_object_new (MP_TYPE_SCHEME_ITEM, NULL);

  self->index = index;
  mp_scheme_item_update (self, scheme, reference);

  return self;
}

void
mp_scheme_item_update (MpSchemeItem      *self,
                       const MpScheme    *scheme,
                       const MpReference *reference)
{
  const MpSector *sector = reference ? mp_reference_find_sector (reference, scheme->sector) : NULL;
  const MpPartner *partner = reference ? mp_reference_find_partner (reference, scheme->partner) : NULL;
  g_autofree char *search = NULL;

  g_return_if_fail (MP_IS_SCHEME_ITEM (self));

  g_object_freeze_notify (G_OBJECT (self));

  if (update_string (&self->name, scheme->name))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NAME]);
  if (self->kind != (int) scheme->kind || self->kind_label == NULL)
    {
      self->kind = scheme->kind;
      g_free (self->kind_label);
      self->kind_label = g_strdup (mp_scheme_kind_label (scheme->kind));
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_KIND]);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_KIND_LABEL]);
    }
  if (update_string (&self->partner, partner && partner->name ? partner->name : scheme->partner))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PARTNER]);
  if (update_string (&self->sector, sector && sector->name ? sector->name : scheme->sector))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SECTOR]);

#define UPDATE_NUMBER(field, value, prop) \
  if (self->field != (value)) \
    { \
      self->field = (value); \
      g_object_notify_by_pspec (G_OBJECT (self), properties [prop]); \
    }
  UPDATE_NUMBER (quota, scheme->quota, PROP_QUOTA);
  UPDATE_NUMBER (years, scheme->intake_years, PROP_YEARS);
  UPDATE_NUMBER (months, scheme->months, PROP_MONTHS);
  UPDATE_NUMBER (stays, scheme->stays, PROP_STAYS);
  UPDATE_NUMBER (cost, scheme->cost_per_participant, PROP_COST);
#undef UPDATE_NUMBER

  search = g_strjoin (" ", self->name ? self->name : "", self->kind_label,
                      self->partner ? self->partner : "", self->sector ? self->sector : "", NULL);
  if (update_string (&self->search_text, search))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SEARCH_TEXT]);

  g_object_thaw_notify (G_OBJECT (self));
}

guint
mp_scheme_item_get_index (MpSchemeItem *self)
{
  g_return_val_if_fail (MP_IS_SCHEME_ITEM (self), 0);

  return self->index;
}
