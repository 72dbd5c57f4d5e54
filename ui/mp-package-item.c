/* mp-package-item.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-package-item"

#include "config.h"

#include "mp-package-item.h"

/* One row of the sidebar: a package of the document, by id.  The list is
 * refreshed from mp_document_list_packages(); items are updated in place so
 * that the selection and the focus survive an edit. */

struct _MpPackageItem
{
  GObject  parent_instance;

  gint64   id;
  char    *name;
  char    *partners;
  guint    n_schemes;
};

G_DEFINE_FINAL_TYPE (MpPackageItem, mp_package_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_PARTNERS,
  PROP_N_SCHEMES,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
mp_package_item_finalize (GObject *object)
{
  MpPackageItem *self = MP_PACKAGE_ITEM (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->partners, g_free);

  G_OBJECT_CLASS (mp_package_item_parent_class)->finalize (object);
}

static void
mp_package_item_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  MpPackageItem *self = MP_PACKAGE_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_PARTNERS:
      g_value_set_string (value, self->partners);
      break;
    case PROP_N_SCHEMES:
      g_value_set_uint (value, self->n_schemes);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_package_item_class_init (MpPackageItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mp_package_item_finalize;
  object_class->get_property = mp_package_item_get_property;

  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_PARTNERS] =
    g_param_spec_string ("partners", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_N_SCHEMES] =
    g_param_spec_uint ("n-schemes", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mp_package_item_init (MpPackageItem *self)
{
}

MpPackageItem *
mp_package_item_new (gint64      id,
                     const char *name,
                     const char *partners,
                     guint       n_schemes)
{
  MpPackageItem *self = g_object_new (MP_TYPE_PACKAGE_ITEM, NULL);

  self->id = id;
  self->name = g_strdup (name ? name : "");
  self->partners = g_strdup (partners ? partners : "");
  self->n_schemes = n_schemes;

  return self;
}

gint64
mp_package_item_get_id (MpPackageItem *self)
{
  g_return_val_if_fail (MP_IS_PACKAGE_ITEM (self), 0);

  return self->id;
}

const char *
mp_package_item_get_name (MpPackageItem *self)
{
  g_return_val_if_fail (MP_IS_PACKAGE_ITEM (self), NULL);

  return self->name;
}

const char *
mp_package_item_get_partners (MpPackageItem *self)
{
  g_return_val_if_fail (MP_IS_PACKAGE_ITEM (self), NULL);

  return self->partners;
}

guint
mp_package_item_get_n_schemes (MpPackageItem *self)
{
  g_return_val_if_fail (MP_IS_PACKAGE_ITEM (self), 0);

  return self->n_schemes;
}

static void
set_string (MpPackageItem  *self,
            char          **field,
            const char     *value,
            GParamSpec     *pspec)
{
  if (value == NULL)
    value = "";
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

void
mp_package_item_update (MpPackageItem *self,
                        const char    *name,
                        const char    *partners,
                        guint          n_schemes)
{
  g_return_if_fail (MP_IS_PACKAGE_ITEM (self));

  set_string (self, &self->name, name, properties [PROP_NAME]);
  set_string (self, &self->partners, partners, properties [PROP_PARTNERS]);
  if (self->n_schemes != n_schemes)
    {
      self->n_schemes = n_schemes;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_SCHEMES]);
    }
}
