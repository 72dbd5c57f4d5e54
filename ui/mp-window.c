/* mp-window.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-window"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "mp-compare-page.h"
#include "mp-offer-page.h"
#include "mp-overview-page.h"
#include "mp-package-item.h"
#include "mp-partner-page.h"
#include "mp-safeguards-page.h"
#include "mp-uncertainty-page.h"
#include "mp-window-private.h"

G_DEFINE_FINAL_TYPE (MpWindow, mp_window, ADW_TYPE_APPLICATION_WINDOW)

/* ---- Messages ----------------------------------------------------------- */

void
_mp_window_show_error (MpWindow   *self,
                       const char *heading,
                       const char *body)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_mp_window_show_toast (MpWindow   *self,
                       const char *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

/* ---- State -------------------------------------------------------------- */

static char *
dup_display_dir (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  const char *home = g_get_home_dir ();

  if (home != NULL && g_str_has_prefix (dir, home) &&
      (dir[strlen (home)] == '/' || dir[strlen (home)] == '\0'))
    return g_strconcat ("~", dir + strlen (home), NULL);

  return g_steal_pointer (&dir);
}

static void
update_title (MpWindow *self)
{
  MpDocument *document = mp_session_get_document (self->session);
  g_autofree char *name = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *title = NULL;

  if (document == NULL)
    {
      adw_window_title_set_title (self->document_title, _("Mobility Planner"));
      adw_window_title_set_subtitle (self->document_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Mobility Planner"));
      return;
    }

  name = g_path_get_basename (mp_document_get_path (document));
  dir = dup_display_dir (mp_document_get_path (document));
  if (mp_document_is_read_only (document))
    /* Translators: window subtitle: the folder of the document, then a notice */
    subtitle = g_strdup_printf (_("%s — read-only"), dir);
  else
    subtitle = g_steal_pointer (&dir);

  adw_window_title_set_title (self->document_title, name);
  adw_window_title_set_subtitle (self->document_title, subtitle);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->document_title),
                               mp_document_get_path (document));

  /* Translators: the window title: document name — application name */
  title = g_strdup_printf (_("%s — Mobility Planner"), name);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
update_read_only_notice (MpWindow *self)
{
  MpDocument *document = mp_session_get_document (self->session);
  const char *reason = NULL;

  if (document != NULL && mp_document_is_read_only (document))
    {
      reason = mp_document_get_read_only_reason (document);
      if (reason == NULL)
        reason = _("This document is opened read-only: changes cannot be made. Use Save As to edit a copy.");
      gtk_label_set_text (self->read_only_label, reason);
    }

  gtk_info_bar_set_revealed (self->read_only_bar, reason != NULL);
}

void
_mp_window_update_actions (MpWindow *self)
{
  MpDocument *document = mp_session_get_document (self->session);
  gboolean has_document = document != NULL;
  gboolean writable = has_document && !mp_document_is_read_only (document);
  gboolean has_package = mp_session_get_package (self->session) != NULL;
  gboolean busy = self->task_cancellable != NULL;
  guint n_packages = g_list_model_get_n_items (mp_session_get_packages (self->session));
  const char *label;
  g_autofree char *undo_tip = NULL;
  g_autofree char *redo_tip = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", has_package && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-brief", has_package && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-comparison",
                                 n_packages >= 2 && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-json", has_package);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-json", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-csv", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.package-new", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.package-duplicate", writable && has_package);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.package-rename", writable && has_package);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.package-delete", writable && has_package);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.filter-schemes", has_package);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-page", has_package);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 writable && mp_document_can_undo (document));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 writable && mp_document_can_redo (document));

  label = has_document ? mp_document_get_undo_label (document) : NULL;
  if (label != NULL)
    /* Translators: tooltip of the undo button; %s names the edit */
    undo_tip = g_strdup_printf (_("Undo “%s” (Ctrl+Z)"), label);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->undo_button),
                               undo_tip ? undo_tip : _("Undo (Ctrl+Z)"));

  label = has_document ? mp_document_get_redo_label (document) : NULL;
  if (label != NULL)
    /* Translators: tooltip of the redo button; %s names the edit */
    redo_tip = g_strdup_printf (_("Redo “%s” (Shift+Ctrl+Z)"), label);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->redo_button),
                               redo_tip ? redo_tip : _("Redo (Shift+Ctrl+Z)"));
}

static char *
dup_partner_names (MpSession       *session,
                   const MpPackage *package)
{
  const MpReference *reference = mp_session_get_reference (session);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; package->partners != NULL && package->partners[i] != NULL; i++)
    {
      const MpPartner *partner = reference ? mp_reference_find_partner (reference, package->partners[i]) : NULL;

      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, partner != NULL && partner->name != NULL ? partner->name : package->partners[i]);
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* The view switcher is there only when there is a package to switch pages
 * of; the bar at the bottom replaces it when the header is too narrow. */
static void
update_switcher (MpWindow *self)
{
  gboolean has_package = mp_session_get_package (self->session) != NULL;

  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, has_package);
  adw_view_switcher_bar_set_reveal (self->switcher_bar,
                                    has_package && adw_view_switcher_title_get_title_visible (self->switcher_title));
}

static void
on_title_visible_cb (AdwViewSwitcherTitle *title,
                     GParamSpec           *pspec,
                     MpWindow             *self)
{
  update_switcher (self);
}

static void
update_content (MpWindow *self)
{
  const MpPackage *package = mp_session_get_package (self->session);
  const MpEvaluation *evaluation = mp_session_get_evaluation (self->session);
  guint n_packages = g_list_model_get_n_items (mp_session_get_packages (self->session));

  if (mp_session_get_document (self->session) == NULL)
    {
      gtk_stack_set_visible_child_name (self->main_stack, "empty");
      return;
    }

  gtk_stack_set_visible_child_name (self->main_stack, "document");

  if (package == NULL || n_packages == 0)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "no-packages");
      adw_view_switcher_title_set_title (self->switcher_title, _("No Packages"));
      adw_view_switcher_title_set_subtitle (self->switcher_title, "");
      gtk_widget_set_visible (GTK_WIDGET (self->partner_summary), FALSE);
    }
  else
    {
      g_autofree char *partners = dup_partner_names (self->session, package);

      gtk_stack_set_visible_child_name (self->content_stack, "package");
      adw_view_switcher_title_set_title (self->switcher_title, package->name);
      adw_view_switcher_title_set_subtitle (self->switcher_title, partners);
    }

  update_switcher (self);

  if (evaluation != NULL)
    {
      adw_view_stack_page_set_badge_number (self->safeguards_stack_page,
                                            evaluation->n_blocks + evaluation->n_warnings);
      adw_view_stack_page_set_needs_attention (self->safeguards_stack_page,
                                               evaluation->n_blocks > 0);
    }
  else
    {
      adw_view_stack_page_set_badge_number (self->safeguards_stack_page, 0);
      adw_view_stack_page_set_needs_attention (self->safeguards_stack_page, FALSE);
    }
}

static void
sync_selection (MpWindow *self)
{
  guint position = mp_session_get_package_position (self->session,
                                                    mp_session_get_package_id (self->session));

  self->syncing_selection = TRUE;
  gtk_single_selection_set_selected (self->selection,
                                     position == G_MAXUINT ? GTK_INVALID_LIST_POSITION : position);
  self->syncing_selection = FALSE;
}

static void
on_session_package_changed_cb (MpSession *session,
                               MpWindow  *self)
{
  sync_selection (self);
  update_content (self);
  _mp_window_update_actions (self);
}

static void
on_session_document_changed_cb (MpSession *session,
                                MpWindow  *self)
{
  update_title (self);
  update_read_only_notice (self);
  update_content (self);
  _mp_window_update_actions (self);
}

static void
on_session_history_changed_cb (MpSession *session,
                               MpWindow  *self)
{
  _mp_window_update_actions (self);
}

static void
on_selection_changed_cb (GtkSingleSelection *selection,
                         GParamSpec         *pspec,
                         MpWindow           *self)
{
  MpPackageItem *item;

  if (self->syncing_selection)
    return;

  item = gtk_single_selection_get_selected_item (selection);
  if (item != NULL)
    {
      mp_session_select_package (self->session, mp_package_item_get_id (item));
      if (adw_leaflet_get_folded (self->leaflet))
        adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
    }
}

static void
on_package_list_activate_cb (GtkListView *list,
                             guint        position,
                             MpWindow    *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_back_clicked_cb (GtkButton *button,
                    MpWindow  *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* ---- Sidebar width ------------------------------------------------------ */

/* An unfolded AdwLeaflet gives a child that does not expand its natural
 * width.  The sidebar's natural width is that of its header bar, which
 * centres the document title: twice the width of the buttons at its start
 * plus the whole, unellipsized file name.  A long name thus widened the
 * sidebar and left the view switcher no room in the content header.  The
 * sidebar's layout asks for its minimum width as its natural width, so it
 * stays at its width-request (or whatever its children need at least); the
 * title is ellipsized instead.  Folded, it still fills the leaflet. */

static GtkSizeRequestMode
sidebar_get_request_mode (GtkWidget *widget)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  return child != NULL ? gtk_widget_get_request_mode (child) : GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
sidebar_measure (GtkWidget      *widget,
                 GtkOrientation  orientation,
                 int             for_size,
                 int            *minimum,
                 int            *natural,
                 int            *minimum_baseline,
                 int            *natural_baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  if (child == NULL)
    return;

  gtk_widget_measure (child, orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *natural = *minimum;
}

static void
sidebar_allocate (GtkWidget *widget,
                  int        width,
                  int        height,
                  int        baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_allocate (child, width, height, baseline, NULL);
}

/* ---- The package list ------------------------------------------------ */

static void
update_row (GtkListItem *list_item)
{
  MpPackageItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *labels = gtk_widget_get_first_child (box);
  GtkLabel *title = GTK_LABEL (gtk_widget_get_first_child (labels));
  GtkLabel *subtitle = GTK_LABEL (gtk_widget_get_next_sibling (GTK_WIDGET (title)));
  GtkWidget *menu_button = gtk_widget_get_next_sibling (labels);
  guint n_schemes;
  g_autofree char *text = NULL;
  g_autofree char *more = NULL;
  g_autoptr(GMenu) menu = NULL;
  g_autoptr(GMenuItem) menu_item = NULL;
  gint64 id;

  if (item == NULL)
    return;

  n_schemes = mp_package_item_get_n_schemes (item);
  id = mp_package_item_get_id (item);
  gtk_label_set_text (title, mp_package_item_get_name (item));
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u scheme", "%s · %u schemes", n_schemes),
                          mp_package_item_get_partners (item), n_schemes);
  gtk_label_set_text (subtitle, text);

  /* Translators: accessible name of the menu button of a package row */
  more = g_strdup_printf (_("Actions for “%s”"), mp_package_item_get_name (item));
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, more, -1);

  menu = g_menu_new ();
  menu_item = g_menu_item_new (_("_Rename…"), NULL);
  g_menu_item_set_action_and_target_value (menu_item, "win.package-rename", g_variant_new_int64 (id));
  g_menu_append_item (menu, menu_item);
  g_clear_object (&menu_item);
  menu_item = g_menu_item_new (_("D_uplicate"), NULL);
  g_menu_item_set_action_and_target_value (menu_item, "win.package-duplicate", g_variant_new_int64 (id));
  g_menu_append_item (menu, menu_item);
  g_clear_object (&menu_item);
  menu_item = g_menu_item_new (_("_Delete"), NULL);
  g_menu_item_set_action_and_target_value (menu_item, "win.package-delete", g_variant_new_int64 (id));
  g_menu_append_item (menu, menu_item);
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu_button), G_MENU_MODEL (menu));
}

static void
on_item_notify_cb (MpPackageItem *item,
                   GParamSpec    *pspec,
                   GtkListItem   *list_item)
{
  update_row (list_item);
}

static void
setup_package_row_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *menu_button = gtk_menu_button_new ();

  gtk_widget_set_hexpand (labels, TRUE);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
  gtk_widget_add_css_class (menu_button, "flat");
  gtk_widget_set_valign (menu_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (menu_button, _("Rename, duplicate or delete"));

  gtk_box_append (GTK_BOX (labels), title);
  gtk_box_append (GTK_BOX (labels), subtitle);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_box_append (GTK_BOX (box), menu_button);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_package_row_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     gpointer                  user_data)
{
  MpPackageItem *item = gtk_list_item_get_item (list_item);

  update_row (list_item);
  g_signal_connect_object (item, "notify", G_CALLBACK (on_item_notify_cb), list_item, 0);
}

static void
unbind_package_row_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *list_item,
                       gpointer                  user_data)
{
  MpPackageItem *item = gtk_list_item_get_item (list_item);

  if (item != NULL)
    g_signal_handlers_disconnect_by_func (item, on_item_notify_cb, list_item);
}

/* ---- Actions that act on the window itself ------------------------------ */

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  mp_window_show_page (MP_WINDOW (widget), g_variant_get_string (param, NULL));
}

static void
show_scheme_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  MpWindow *self = MP_WINDOW (widget);

  mp_window_show_page (self, "offer");
  mp_offer_page_select_scheme (MP_OFFER_PAGE (self->offer_page), g_variant_get_uint32 (param));
}

/* ---- GObject ------------------------------------------------------------ */

static void
on_first_frame_cb (GdkFrameClock *clock,
                   MpWindow      *self)
{
  gint64 now = g_get_monotonic_time ();

  g_signal_handlers_disconnect_by_func (clock, on_first_frame_cb, self);
  g_print ("startup: first frame painted %.1f ms after main()\n",
           (now - self->startup_time) / 1000.0);
}

static void
on_window_mapped_cb (GtkWidget *widget,
                     MpWindow  *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  g_signal_handlers_disconnect_by_func (widget, on_window_mapped_cb, self);
  if (clock != NULL)
    g_signal_connect (clock, "after-paint", G_CALLBACK (on_first_frame_cb), self);
}

static void
mp_window_dispose (GObject *object)
{
  MpWindow *self = MP_WINDOW (object);

  /* A running export ends in its callback, which then finds no widgets. */
  _mp_window_cancel_task (self);
  g_clear_handle_id (&self->task_timeout, g_source_remove);

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);

  /* The pages let go of the session first; then the document is closed. */
  gtk_widget_dispose_template (GTK_WIDGET (object), MP_TYPE_WINDOW);

  if (self->session != NULL)
    mp_session_set_document (self->session, NULL);

  g_clear_object (&self->selection);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (mp_window_parent_class)->dispose (object);
}

static void
mp_window_class_init (MpWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mp_window_dispose;

  g_type_ensure (MP_TYPE_OVERVIEW_PAGE);
  g_type_ensure (MP_TYPE_OFFER_PAGE);
  g_type_ensure (MP_TYPE_PARTNER_PAGE);
  g_type_ensure (MP_TYPE_SAFEGUARDS_PAGE);
  g_type_ensure (MP_TYPE_UNCERTAINTY_PAGE);
  g_type_ensure (MP_TYPE_COMPARE_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/mobilityplanner/MobilityPlanner/ui/mp-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MpWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, new_button);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, recent_label);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, recent_menu);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, content);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, document_title);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, package_list);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, partner_summary);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, read_only_bar);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, task_revealer);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, task_label);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, task_progress);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, task_cancel_button);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, safeguards_stack_page);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, overview_page);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, offer_page);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, partner_page);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, safeguards_page);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, uncertainty_page);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, compare_page);

  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.show-scheme", "u", show_scheme_action);
  _mp_window_class_add_actions (widget_class);
}

static GSettings *
settings_new_if_installed (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* Run without preferences rather than abort when started uninstalled
   * without GSETTINGS_SCHEMA_DIR. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL)
    return NULL;

  return g_settings_new (APPLICATION_ID);
}

static void
mp_window_init (MpWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_layout_manager (self->sidebar,
                                 gtk_custom_layout_new (sidebar_get_request_mode,
                                                        sidebar_measure,
                                                        sidebar_allocate));

  self->settings = settings_new_if_installed ();
  if (self->settings != NULL)
    {
      g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
    }

  self->session = mp_session_new ();
  g_signal_connect (self->session, "document-changed",
                    G_CALLBACK (on_session_document_changed_cb), self);
  g_signal_connect (self->session, "package-changed",
                    G_CALLBACK (on_session_package_changed_cb), self);
  g_signal_connect (self->session, "history-changed",
                    G_CALLBACK (on_session_history_changed_cb), self);

  self->selection = gtk_single_selection_new (g_object_ref (mp_session_get_packages (self->session)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  g_signal_connect (self->selection, "notify::selected",
                    G_CALLBACK (on_selection_changed_cb), self);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_package_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_package_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_package_row_cb), self);
  gtk_list_view_set_factory (self->package_list, factory);
  gtk_list_view_set_model (self->package_list, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect (self->package_list, "activate",
                    G_CALLBACK (on_package_list_activate_cb), self);
  g_signal_connect (self->back_button, "clicked", G_CALLBACK (on_back_clicked_cb), self);
  g_signal_connect (self->switcher_title, "notify::title-visible", G_CALLBACK (on_title_visible_cb), self);
  g_signal_connect_swapped (self->task_cancel_button, "clicked",
                            G_CALLBACK (_mp_window_cancel_task), self);

  {
    GtkWidget *pages[] = {
      self->overview_page, self->offer_page, self->partner_page,
      self->safeguards_page, self->uncertainty_page, self->compare_page,
    };

    for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
      mp_page_set_session (MP_PAGE (pages[i]), self->session);
  }

  _mp_window_update_recent (self);
  update_title (self);
  update_content (self);
  _mp_window_update_actions (self);
}

/* ---- Public API --------------------------------------------------------- */

MpWindow *
mp_window_new (GtkApplication *application)
{
  return g_object_new (MP_TYPE_WINDOW, "application", application, NULL);
}

gboolean
mp_window_has_document (MpWindow *self)
{
  g_return_val_if_fail (MP_IS_WINDOW (self), FALSE);

  return mp_session_get_document (self->session) != NULL;
}

/**
 * mp_window_get_visible_page_name:
 *
 * Returns: "empty" without a document, "no-packages" for a document without
 *   packages, else the name of the visible package page ("overview", …)
 */
const char *
mp_window_get_visible_page_name (MpWindow *self)
{
  const char *name;

  g_return_val_if_fail (MP_IS_WINDOW (self), NULL);

  name = gtk_stack_get_visible_child_name (self->main_stack);
  if (g_strcmp0 (name, "empty") == 0)
    return name;

  name = gtk_stack_get_visible_child_name (self->content_stack);
  if (g_strcmp0 (name, "no-packages") == 0)
    return name;

  return adw_view_stack_get_visible_child_name (self->view_stack);
}

MpSession *
mp_window_get_session (MpWindow *self)
{
  g_return_val_if_fail (MP_IS_WINDOW (self), NULL);

  return self->session;
}

void
mp_window_show_page (MpWindow   *self,
                     const char *name)
{
  g_return_if_fail (MP_IS_WINDOW (self));

  if (adw_view_stack_get_child_by_name (self->view_stack, name) == NULL)
    return;

  adw_view_stack_set_visible_child_name (self->view_stack, name);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

GtkWidget *
mp_window_get_page (MpWindow   *self,
                    const char *name)
{
  g_return_val_if_fail (MP_IS_WINDOW (self), NULL);

  return adw_view_stack_get_child_by_name (self->view_stack, name);
}

void
_mp_window_set_document (MpWindow   *self,
                         MpDocument *document)
{
  mp_session_set_document (self->session, document);
  if (document != NULL)
    _mp_window_add_recent (self, mp_document_get_path (document));
}

void
mp_window_report_startup (MpWindow *self,
                          gint64    start_time)
{
  g_return_if_fail (MP_IS_WINDOW (self));

  self->startup_time = start_time;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    on_window_mapped_cb (GTK_WIDGET (self), self);
  else
    g_signal_connect (self, "map", G_CALLBACK (on_window_mapped_cb), self);
}
