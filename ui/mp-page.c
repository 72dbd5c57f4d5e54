/* mp-page.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-page"

#include "config.h"

#include "mp-page.h"

typedef struct
{
  MpSession *session;
  /* A refresh waits until the page is shown. */
  gboolean   dirty;
} MpPagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (MpPage, mp_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
call (MpPage *self,
      void  (*vfunc) (MpPage *))
{
  if (vfunc != NULL)
    vfunc (self);
}

static void
on_document_changed_cb (MpSession *session,
                        MpPage    *self)
{
  call (self, MP_PAGE_GET_CLASS (self)->document_changed);
}

static void
on_package_changed_cb (MpSession *session,
                       MpPage    *self)
{
  call (self, MP_PAGE_GET_CLASS (self)->package_changed);
}

static void
on_history_changed_cb (MpSession *session,
                       MpPage    *self)
{
  call (self, MP_PAGE_GET_CLASS (self)->history_changed);
}

static void
on_package_id_notify_cb (MpSession  *session,
                         GParamSpec *pspec,
                         MpPage     *self)
{
  call (self, MP_PAGE_GET_CLASS (self)->package_selected);
}

static void
mp_page_map (GtkWidget *widget)
{
  MpPage *self = MP_PAGE (widget);
  MpPagePrivate *priv = mp_page_get_instance_private (self);

  if (priv->dirty && priv->session != NULL)
    {
      priv->dirty = FALSE;
      MP_PAGE_GET_CLASS (self)->refresh (self);
    }

  GTK_WIDGET_CLASS (mp_page_parent_class)->map (widget);
}

static void
mp_page_dispose (GObject *object)
{
  MpPagePrivate *priv = mp_page_get_instance_private (MP_PAGE (object));

  if (priv->session != NULL)
    g_signal_handlers_disconnect_by_data (priv->session, object);
  g_clear_object (&priv->session);

  G_OBJECT_CLASS (mp_page_parent_class)->dispose (object);
}

static void
mp_page_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  MpPage *self = MP_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, mp_page_get_session (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_page_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  MpPage *self = MP_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      mp_page_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_page_class_init (MpPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mp_page_dispose;
  object_class->get_property = mp_page_get_property;
  object_class->set_property = mp_page_set_property;
  widget_class->map = mp_page_map;

  klass->package_changed = mp_page_queue_refresh;

  properties [PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, MP_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
mp_page_init (MpPage *self)
{
}

/**
 * mp_page_get_session:
 * @self: a page
 *
 * Returns: (transfer none) (nullable): the session the page shows
 */
MpSession *
mp_page_get_session (MpPage *self)
{
  MpPagePrivate *priv;

  g_return_val_if_fail (MP_IS_PAGE (self), NULL);

  priv = mp_page_get_instance_private (self);
  return priv->session;
}

/**
 * mp_page_set_session:
 * @self: a page
 * @session: (nullable): the session to show
 *
 * Shows @session, at once (hidden or not), and follows its changes.
 */
void
mp_page_set_session (MpPage    *self,
                     MpSession *session)
{
  MpPagePrivate *priv;

  g_return_if_fail (MP_IS_PAGE (self));
  g_return_if_fail (session == NULL || MP_IS_SESSION (session));

  priv = mp_page_get_instance_private (self);
  if (priv->session == session)
    return;

  if (priv->session != NULL)
    g_signal_handlers_disconnect_by_data (priv->session, self);
  g_set_object (&priv->session, session);
  if (session != NULL)
    {
      g_signal_connect (session, "document-changed", G_CALLBACK (on_document_changed_cb), self);
      g_signal_connect (session, "package-changed", G_CALLBACK (on_package_changed_cb), self);
      g_signal_connect (session, "history-changed", G_CALLBACK (on_history_changed_cb), self);
      g_signal_connect (session, "notify::package-id", G_CALLBACK (on_package_id_notify_cb), self);
      MP_PAGE_GET_CLASS (self)->refresh (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SESSION]);
}

/**
 * mp_page_defer_while_hidden:
 * @self: a page
 *
 * For a change the page need not show while it is hidden: marks a hidden
 * page to refresh when it is next shown.
 *
 * Returns: %TRUE when the page is hidden (and the change deferred)
 */
gboolean
mp_page_defer_while_hidden (MpPage *self)
{
  MpPagePrivate *priv;

  g_return_val_if_fail (MP_IS_PAGE (self), FALSE);

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    return FALSE;

  priv = mp_page_get_instance_private (self);
  priv->dirty = TRUE;
  return TRUE;
}

/**
 * mp_page_queue_refresh:
 * @self: a page
 *
 * Refreshes the page now when it is shown, or else when it is next shown.
 */
void
mp_page_queue_refresh (MpPage *self)
{
  g_return_if_fail (MP_IS_PAGE (self));

  if (!mp_page_defer_while_hidden (self))
    MP_PAGE_GET_CLASS (self)->refresh (self);
}

/**
 * mp_page_commit:
 * @self: a page
 * @package: the new state of the selected package
 * @label: the name of the edit in the undo history
 *
 * Stores @package as one undoable edit, for the page and its parts; the
 * page's committed() is told how it went, e.g. to show why the document
 * refused it.
 *
 * Returns: %TRUE when the edit was stored
 */
gboolean
mp_page_commit (MpPage          *self,
                const MpPackage *package,
                const char      *label)
{
  MpPagePrivate *priv;
  MpPageClass *klass;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_return_val_if_fail (MP_IS_PAGE (self), FALSE);
  g_return_val_if_fail (package != NULL, FALSE);

  priv = mp_page_get_instance_private (self);
  g_return_val_if_fail (priv->session != NULL, FALSE);

  klass = MP_PAGE_GET_CLASS (self);
  ok = mp_session_commit (priv->session, package, label, &error);
  if (klass->committed != NULL)
    klass->committed (self, error);

  return ok;
}

/**
 * mp_page_for_widget:
 * @widget: a widget on a page
 *
 * The page a part (an editor, a list) is on: the part reads the session
 * and commits through it.
 *
 * Returns: (transfer none) (nullable): the page, or %NULL when @widget is
 *   on none
 */
MpPage *
mp_page_for_widget (GtkWidget *widget)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  return (MpPage *) gtk_widget_get_ancestor (widget, MP_TYPE_PAGE);
}
