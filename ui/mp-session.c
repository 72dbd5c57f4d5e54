/* mp-session.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-session"

#include "config.h"

#include <glib/gi18n.h>

#include "mp-assumptions.h"
#include "mp-package-item.h"
#include "mp-session.h"

struct _MpSession
{
  GObject        parent_instance;

  MpDocument    *document;
  gulong         changed_handler;
  GListStore    *packages;

  gint64         package_id;
  MpPackage     *package;
  MpEvaluation  *evaluation;
  char          *evaluation_error;
  MpDdi         *ddi;
};

G_DEFINE_FINAL_TYPE (MpSession, mp_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_PACKAGE_ID,
  N_PROPS
};

enum {
  DOCUMENT_CHANGED,
  PACKAGE_CHANGED,
  HISTORY_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void
clear_package (MpSession *self)
{
  g_clear_pointer (&self->package, mp_package_free);
  g_clear_pointer (&self->evaluation, mp_evaluation_free);
  g_clear_pointer (&self->evaluation_error, g_free);
}

/* Reloads the selected package from the document and evaluates it. */
static void
reload_package (MpSession *self)
{
  g_autoptr(GError) error = NULL;
  const MpReference *reference;

  clear_package (self);

  if (self->document == NULL || self->package_id == 0)
    return;

  self->package = mp_document_get_package (self->document, self->package_id, &error);
  if (self->package == NULL)
    {
      self->evaluation_error = g_strdup (error->message);
      return;
    }

  reference = mp_document_get_reference (self->document);
  self->evaluation = mp_evaluate (self->package, reference, &error);
  if (self->evaluation == NULL)
    self->evaluation_error = g_strdup (error->message);
}

static void
refresh_ddi (MpSession *self)
{
  g_clear_pointer (&self->ddi, mp_ddi_free);
  if (self->document != NULL)
    self->ddi = mp_reference_compute_ddi (mp_document_get_reference (self->document));
}

/* Brings the list store in line with the document, changing as little as
 * possible: items whose id is unchanged are updated in place. */
static void
refresh_packages (MpSession *self)
{
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(GError) error = NULL;
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->packages));
  gboolean same_ids;

  if (self->document == NULL)
    {
      g_list_store_remove_all (self->packages);
      return;
    }

  infos = mp_document_list_packages (self->document, &error);
  if (infos == NULL)
    {
      g_warning ("Could not list the packages: %s", error->message);
      return;
    }

  same_ids = n_items == infos->len;
  for (guint i = 0; same_ids && i < n_items; i++)
    {
      g_autoptr(MpPackageItem) item = g_list_model_get_item (G_LIST_MODEL (self->packages), i);
      const MpPackageInfo *info = g_ptr_array_index (infos, i);

      same_ids = mp_package_item_get_id (item) == info->id;
    }

  if (same_ids)
    {
      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr(MpPackageItem) item = g_list_model_get_item (G_LIST_MODEL (self->packages), i);
          const MpPackageInfo *info = g_ptr_array_index (infos, i);

          mp_package_item_update (item, info->name, info->partners, info->n_schemes);
        }
    }
  else
    {
      g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < infos->len; i++)
        {
          const MpPackageInfo *info = g_ptr_array_index (infos, i);

          g_ptr_array_add (items, mp_package_item_new (info->id, info->name,
                                                       info->partners, info->n_schemes));
        }
      g_list_store_splice (self->packages, 0, n_items, items->pdata, items->len);
    }
}

static gint64
first_package_id (MpSession *self)
{
  g_autoptr(MpPackageItem) item = g_list_model_get_item (G_LIST_MODEL (self->packages), 0);

  return item != NULL ? mp_package_item_get_id (item) : 0;
}

static void
set_package_id (MpSession *self,
                gint64     id)
{
  self->package_id = id;
  reload_package (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PACKAGE_ID]);
  g_signal_emit (self, signals [PACKAGE_CHANGED], 0);
}

static void
on_document_changed_cb (MpDocument *document,
                        guint       change,
                        gint64      id,
                        MpSession  *self)
{
  guint old_position = mp_session_get_package_position (self, self->package_id);

  if (change & MP_DOCUMENT_CHANGE_REFERENCE)
    refresh_ddi (self);

  refresh_packages (self);

  if (change & MP_DOCUMENT_CHANGE_PACKAGE_ADDED && id != 0)
    {
      /* New, duplicated, imported, or brought back by undo: show it. */
      set_package_id (self, id);
    }
  else if (mp_session_get_package_position (self, self->package_id) == G_MAXUINT)
    {
      /* The selected package went away: select its neighbour. */
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->packages));
      gint64 next = 0;

      if (n > 0)
        {
          g_autoptr(MpPackageItem) item =
            g_list_model_get_item (G_LIST_MODEL (self->packages),
                                   MIN (old_position == G_MAXUINT ? 0 : old_position, n - 1));
          next = mp_package_item_get_id (item);
        }
      set_package_id (self, next);
    }
  else if ((change & MP_DOCUMENT_CHANGE_REFERENCE) ||
           ((change & MP_DOCUMENT_CHANGE_PACKAGE_MODIFIED) && (id == self->package_id || id == 0)))
    {
      reload_package (self);
      g_signal_emit (self, signals [PACKAGE_CHANGED], 0);
    }

  g_signal_emit (self, signals [HISTORY_CHANGED], 0);
}

static void
mp_session_dispose (GObject *object)
{
  MpSession *self = MP_SESSION (object);

  if (self->document != NULL)
    {
      g_clear_signal_handler (&self->changed_handler, self->document);
      g_clear_object (&self->document);
    }
  g_clear_object (&self->packages);

  G_OBJECT_CLASS (mp_session_parent_class)->dispose (object);
}

static void
mp_session_finalize (GObject *object)
{
  MpSession *self = MP_SESSION (object);

  clear_package (self);
  g_clear_pointer (&self->ddi, mp_ddi_free);

  G_OBJECT_CLASS (mp_session_parent_class)->finalize (object);
}

static void
mp_session_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  MpSession *self = MP_SESSION (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_PACKAGE_ID:
      g_value_set_int64 (value, self->package_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_session_class_init (MpSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mp_session_dispose;
  object_class->finalize = mp_session_finalize;
  object_class->get_property = mp_session_get_property;

  properties [PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, MP_TYPE_DOCUMENT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_PACKAGE_ID] =
    g_param_spec_int64 ("package-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A document was opened or closed: everything changed. */
  signals [DOCUMENT_CHANGED] =
    g_signal_new ("document-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* The selected package, its contents or its evaluation changed. */
  signals [PACKAGE_CHANGED] =
    g_signal_new ("package-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* Any edit, undo or redo: the undo labels may have changed. */
  signals [HISTORY_CHANGED] =
    g_signal_new ("history-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
mp_session_init (MpSession *self)
{
  self->packages = g_list_store_new (MP_TYPE_PACKAGE_ITEM);
}

MpSession *
mp_session_new (void)
{
  return g_object_new (MP_TYPE_SESSION, NULL);
}

MpDocument *
mp_session_get_document (MpSession *self)
{
  g_return_val_if_fail (MP_IS_SESSION (self), NULL);

  return self->document;
}

void
mp_session_set_document (MpSession  *self,
                         MpDocument *document)
{
  g_return_if_fail (MP_IS_SESSION (self));
  g_return_if_fail (document == NULL || MP_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    {
      g_clear_signal_handler (&self->changed_handler, self->document);
      g_clear_object (&self->document);
    }

  if (document != NULL)
    {
      self->document = g_object_ref (document);
      self->changed_handler = g_signal_connect (document, "changed",
                                                G_CALLBACK (on_document_changed_cb), self);
    }

  clear_package (self);
  self->package_id = 0;
  refresh_ddi (self);
  refresh_packages (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DOCUMENT]);
  g_signal_emit (self, signals [DOCUMENT_CHANGED], 0);
  set_package_id (self, first_package_id (self));
  g_signal_emit (self, signals [HISTORY_CHANGED], 0);
}

gboolean
mp_session_is_read_only (MpSession *self)
{
  g_return_val_if_fail (MP_IS_SESSION (self), TRUE);

  return self->document == NULL || mp_document_is_read_only (self->document);
}

GListModel *
mp_session_get_packages (MpSession *self)
{
  g_return_val_if_fail (MP_IS_SESSION (self), NULL);

  return G_LIST_MODEL (self->packages);
}

/**
 * mp_session_get_package_position:
 *
 * Returns: the position of package @id in the list, or %G_MAXUINT
 */
guint
mp_session_get_package_position (MpSession *self,
                                 gint64     id)
{
  guint n;

  g_return_val_if_fail (MP_IS_SESSION (self), G_MAXUINT);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->packages));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MpPackageItem) item = g_list_model_get_item (G_LIST_MODEL (self->packages), i);

      if (mp_package_item_get_id (item) == id)
        return i;
    }

  return G_MAXUINT;
}

gint64
mp_session_get_package_id (MpSession *self)
{
  g_return_val_if_fail (MP_IS_SESSION (self), 0);

  return self->package_id;
}

void
mp_session_select_package (MpSession *self,
                           gint64     id)
{
  g_return_if_fail (MP_IS_SESSION (self));

  if (self->package_id == id)
    return;

  set_package_id (self, id);
}

const MpPackage *
mp_session_get_package (MpSession *self)
{
  g_return_val_if_fail (MP_IS_SESSION (self), NULL);

  return self->package;
}

MpPackage *
mp_session_dup_package (MpSession *self)
{
  g_return_val_if_fail (MP_IS_SESSION (self), NULL);

  return self->package != NULL ? mp_package_copy (self->package) : NULL;
}

const MpEvaluation *
mp_session_get_evaluation (MpSession *self)
{
  g_return_val_if_fail (MP_IS_SESSION (self), NULL);

  return self->evaluation;
}

const char *
mp_session_get_evaluation_error (MpSession *self)
{
  g_return_val_if_fail (MP_IS_SESSION (self), NULL);

  return self->evaluation_error;
}

const MpReference *
mp_session_get_reference (MpSession *self)
{
  g_return_val_if_fail (MP_IS_SESSION (self), NULL);

  return self->document != NULL ? mp_document_get_reference (self->document) : NULL;
}

const MpDdi *
mp_session_get_ddi (MpSession *self)
{
  g_return_val_if_fail (MP_IS_SESSION (self), NULL);

  return self->ddi;
}

gboolean
mp_session_commit (MpSession        *self,
                   const MpPackage  *new_state,
                   const char       *label,
                   GError          **error)
{
  g_return_val_if_fail (MP_IS_SESSION (self), FALSE);
  g_return_val_if_fail (new_state != NULL, FALSE);

  if (self->document == NULL || self->package_id == 0)
    {
      g_set_error_literal (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_NOT_FOUND,
                           _("No package is selected."));
      return FALSE;
    }

  return mp_document_update_package (self->document, self->package_id, new_state, label, error);
}

void
mp_session_evaluate_all (MpSession  *self,
                         GPtrArray **packages_out,
                         GPtrArray **evaluations_out,
                         GArray    **ids_out)
{
  GPtrArray *packages = g_ptr_array_new_with_free_func ((GDestroyNotify) mp_package_free);
  GPtrArray *evaluations = g_ptr_array_new_with_free_func ((GDestroyNotify) mp_evaluation_free);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n;

  g_return_if_fail (MP_IS_SESSION (self));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->packages));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MpPackageItem) item = g_list_model_get_item (G_LIST_MODEL (self->packages), i);
      gint64 id = mp_package_item_get_id (item);
      MpPackage *package = NULL;
      MpEvaluation *evaluation = NULL;

      if (id == self->package_id && self->package != NULL)
        {
          package = mp_package_copy (self->package);
          if (self->evaluation != NULL)
            evaluation = mp_evaluate (package, mp_document_get_reference (self->document), NULL);
        }
      else
        {
          package = mp_document_get_package (self->document, id, NULL);
          if (package != NULL)
            evaluation = mp_evaluate (package, mp_document_get_reference (self->document), NULL);
        }

      if (package == NULL)
        continue;

      g_ptr_array_add (packages, package);
      g_ptr_array_add (evaluations, evaluation);
      g_array_append_val (ids, id);
    }

  *packages_out = packages;
  *evaluations_out = evaluations;
  *ids_out = ids;
}

void
mp_session_get_risk_thresholds (MpSession        *self,
                                MpRiskThresholds *thresholds)
{
  g_return_if_fail (MP_IS_SESSION (self));

  mp_risk_thresholds_init (thresholds);
  if (self->package != NULL)
    {
      thresholds->low = mp_package_assumption_value (self->package, MP_ASSUMPTION_VDEM_LOW_RISK);
      thresholds->medium = mp_package_assumption_value (self->package, MP_ASSUMPTION_VDEM_HIGH_RISK);
    }
}

/**
 * mp_session_get_partner_name:
 * @self: a session
 * @iso3: (nullable): a partner's ISO 3166 alpha-3 code
 *
 * Returns: the partner's name in the reference data, else @iso3 itself
 *   (never %NULL)
 */
const char *
mp_session_get_partner_name (MpSession  *self,
                             const char *iso3)
{
  const MpReference *reference;
  const MpPartner *partner;

  g_return_val_if_fail (MP_IS_SESSION (self), "");

  reference = mp_session_get_reference (self);
  partner = reference != NULL && iso3 != NULL ? mp_reference_find_partner (reference, iso3) : NULL;

  return partner != NULL && partner->name != NULL ? partner->name : (iso3 != NULL ? iso3 : "");
}
