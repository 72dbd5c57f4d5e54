/* mp-window-actions.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-window"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "mp-brief.h"
#include "mp-offer-page.h"
#include "mp-compare-page.h"
#include "mp-print.h"
#include "mp-window-private.h"

#define MAX_RECENT 10

/* ---- Recent documents ----------------------------------------------------- */

static char **
dup_recent (MpWindow *self)
{
  if (self->settings == NULL)
    return g_new0 (char *, 1);

  return g_settings_get_strv (self->settings, "recent-documents");
}

static void
on_recent_row_activated_cb (AdwActionRow *row,
                            MpWindow     *self)
{
  const char *path = g_object_get_data (G_OBJECT (row), "path");
  g_autoptr(GFile) file = g_file_new_for_path (path);

  mp_window_open_file (self, file);
}

void
_mp_window_update_recent (MpWindow *self)
{
  g_auto(GStrv) recent = dup_recent (self);
  GtkWidget *child;
  guint n = 0;

  g_menu_remove_all (self->recent_menu);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);

  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_autofree char *name = NULL;
      g_autofree char *dir = NULL;
      g_autoptr(GMenuItem) item = NULL;
      GtkWidget *row;

      if (!g_file_test (recent[i], G_FILE_TEST_IS_REGULAR))
        continue;

      name = g_path_get_basename (recent[i]);
      dir = g_path_get_dirname (recent[i]);

      item = g_menu_item_new (name, NULL);
      g_menu_item_set_action_and_target_value (item, "win.open-recent",
                                               g_variant_new_string (recent[i]));
      g_menu_append_item (self->recent_menu, item);

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), dir);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "path", g_strdup (recent[i]), g_free);
      g_signal_connect (row, "activated", G_CALLBACK (on_recent_row_activated_cb), self);
      gtk_list_box_append (self->recent_list, row);
      n++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->recent_label), n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->recent_list), n > 0);
}

void
_mp_window_add_recent (MpWindow   *self,
                       const char *path)
{
  g_auto(GStrv) recent = dup_recent (self);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;
  guint n = 1;

  if (self->settings == NULL || path == NULL)
    return;

  g_strv_builder_add (builder, path);
  for (guint i = 0; recent[i] != NULL && n < MAX_RECENT; i++)
    {
      if (g_strcmp0 (recent[i], path) == 0)
        continue;
      g_strv_builder_add (builder, recent[i]);
      n++;
    }
  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-documents", (const char * const *) updated);
  _mp_window_update_recent (self);
}

/* ---- Documents ---------------------------------------------------------- */

static char *
dup_new_document_path (const char *basename)
{
  const char *dir = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  g_autofree char *fallback = NULL;
  g_autofree char *path = NULL;

  /* The Documents folder, else home, else (no home at all) the data folder. */
  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    dir = g_get_home_dir ();
  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      fallback = g_build_filename (g_get_user_data_dir (), "mobility-planner", NULL);
      g_mkdir_with_parents (fallback, 0700);
      dir = fallback;
    }

  path = g_strdup_printf ("%s/%s.mplan", dir, basename);
  for (guint i = 2; g_file_test (path, G_FILE_TEST_EXISTS) && i < 1000; i++)
    {
      g_free (path);
      path = g_strdup_printf ("%s/%s %u.mplan", dir, basename, i);
    }

  return g_steal_pointer (&path);
}

gboolean
mp_window_create_document (MpWindow   *self,
                           const char *path,
                           gboolean    demo)
{
  g_autoptr(MpDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (MP_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (demo)
    {
      document = mp_document_create_demo (path, &error);
    }
  else
    {
      g_autoptr(MpReference) reference = mp_reference_load_default (&error);

      if (reference != NULL)
        document = mp_document_create (path, reference, &error);
    }

  if (document == NULL)
    {
      _mp_window_show_error (self, _("Could Not Create the Document"), error->message);
      return FALSE;
    }

  _mp_window_set_document (self, document);
  return TRUE;
}

static void
new_document (MpWindow *self,
              gboolean  demo)
{
  /* Translators: file name of a new document, without the extension */
  g_autofree char *path = dup_new_document_path (demo ? _("Demo document") : _("Untitled document"));
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *dir = NULL;
  g_autofree char *message = NULL;

  if (!mp_window_create_document (self, path, demo))
    return;

  dir = g_path_get_dirname (path);
  /* Translators: a toast; edits are saved as they are made, so this says
   * where the new document is */
  message = g_strdup_printf (_("Created “%s” in %s"), name, dir);
  _mp_window_show_toast (self, message);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  new_document (MP_WINDOW (widget), TRUE);
}

static void
new_empty_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  new_document (MP_WINDOW (widget), FALSE);
}

gboolean
mp_window_open_file (MpWindow *self,
                     GFile    *file)
{
  g_autoptr(MpDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;

  g_return_val_if_fail (MP_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  name = g_file_get_basename (file);
  /* Translators: heading of an error dialog; %s is a file name */
  heading = g_strdup_printf (_("Could Not Open “%s”"), name);

  if (path == NULL)
    {
      _mp_window_show_error (self, heading,
                             _("Only documents on this computer or a mounted drive can be opened."));
      return mp_window_has_document (self);
    }

  document = mp_document_open (path, MP_DOCUMENT_OPEN_NONE, &error);
  if (document == NULL && g_error_matches (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_NEWER_VERSION))
    {
      g_clear_error (&error);
      document = mp_document_open (path, MP_DOCUMENT_OPEN_READ_ONLY, &error);
      if (document != NULL)
        _mp_window_show_error (self, _("Opened Read-Only"),
                               _("This file was made by a newer version of Mobility Planner. "
                                 "It is opened read-only."));
    }

  if (document == NULL)
    {
      _mp_window_show_error (self, heading, error->message);
      return mp_window_has_document (self);
    }

  _mp_window_set_document (self, document);
  return TRUE;
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *suffix,
            const char     *mime_type)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_suffix (filter, suffix);
  if (mime_type != NULL)
    gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_chooser_add_filter (chooser, filter);
}

typedef gboolean (*OpenFileFunc) (MpWindow *self,
                                  GFile    *file);

static void
chosen_file_response_cb (GtkNativeDialog *dialog,
                         int              response,
                         MpWindow        *self)
{
  OpenFileFunc func = g_object_get_data (G_OBJECT (dialog), "mp-open-func");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      func (self, file);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

/* Asks for one file to read and hands it to @func (open, import JSON, import CSV). */
static void
choose_file_to_read (MpWindow     *self,
                     const char   *title,
                     const char   *accept_label,
                     const char   *filter_name,
                     const char   *suffix,
                     const char   *mime_type,
                     OpenFileFunc  func)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         accept_label, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  add_filter (GTK_FILE_CHOOSER (chooser), filter_name, suffix, mime_type);
  g_object_set_data (G_OBJECT (chooser), "mp-open-func", func);
  g_signal_connect (chooser, "response", G_CALLBACK (chosen_file_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  choose_file_to_read (MP_WINDOW (widget), _("Open Document"), _("_Open"),
                       _("Mobility Planner documents"), "mplan",
                       "application/x-mobility-planner", mp_window_open_file);
}

static void
import_json_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  choose_file_to_read (MP_WINDOW (widget), _("Import Package JSON"), _("_Import"),
                       _("Package files (JSON)"), "json", "application/json",
                       mp_window_import_json);
}

static void
import_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  choose_file_to_read (MP_WINDOW (widget), _("Import Indicators CSV"), _("_Import"),
                       _("Indicator tables (CSV)"), "csv", "text/csv",
                       mp_window_import_indicators);
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_variant_get_string (param, NULL));

  mp_window_open_file (MP_WINDOW (widget), file);
}

static GFile *
dup_document_folder (MpWindow *self)
{
  MpDocument *document = mp_session_get_document (self->session);
  g_autoptr(GFile) file = NULL;

  if (document == NULL)
    return NULL;

  file = g_file_new_for_path (mp_document_get_path (document));
  return g_file_get_parent (file);
}

gboolean
mp_window_save_as (MpWindow *self,
                   GFile    *file)
{
  MpDocument *document;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MpDocument) reopened = NULL;

  g_return_val_if_fail (MP_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  document = mp_session_get_document (self->session);
  if (document == NULL)
    return FALSE;

  path = g_file_get_path (file);
  if (path != NULL && !g_str_has_suffix (path, ".mplan"))
    {
      char *with_suffix = g_strconcat (path, ".mplan", NULL);

      g_free (path);
      path = with_suffix;
    }

  if (path == NULL)
    {
      _mp_window_show_error (self, _("Could Not Save the Document"),
                             _("Choose a folder on this computer or a mounted drive."));
      return FALSE;
    }

  if (!mp_document_save_as (document, path, &error))
    {
      _mp_window_show_error (self, _("Could Not Save the Document"), error->message);
      return FALSE;
    }

  /* The document continues on the copy, writable from now on. */
  reopened = g_object_ref (document);
  mp_session_set_document (self->session, NULL);
  _mp_window_set_document (self, reopened);
  _mp_window_show_toast (self, _("Saved. Edits are now made in the new file."));

  return TRUE;
}

static void
save_as_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     MpWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      mp_window_save_as (self, file);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  MpWindow *self = MP_WINDOW (widget);
  MpDocument *document = mp_session_get_document (self->session);
  GtkFileChooserNative *chooser;
  g_autoptr(GFile) folder = dup_document_folder (self);
  g_autofree char *name = NULL;

  if (document == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Save Document As"),
                                         GTK_WINDOW (widget),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  add_filter (GTK_FILE_CHOOSER (chooser), _("Mobility Planner documents"), "mplan",
              "application/x-mobility-planner");
  name = g_path_get_basename (mp_document_get_path (document));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  g_signal_connect (chooser, "response", G_CALLBACK (save_as_response_cb), widget);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- Undo and redo ------------------------------------------------------ */

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  MpWindow *self = MP_WINDOW (widget);
  MpDocument *document = mp_session_get_document (self->session);
  g_autoptr(GError) error = NULL;
  gboolean redo = g_str_equal (action_name, "win.redo");

  if (document == NULL)
    return;

  if (!(redo ? mp_document_redo (document, &error) : mp_document_undo (document, &error)))
    {
      if (!g_error_matches (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_NOTHING_TO_UNDO))
        _mp_window_show_error (self, redo ? _("Could Not Redo") : _("Could Not Undo"), error->message);
    }
}

/* ---- Packages ------------------------------------------------------------ */

static char *
dup_unique_package_name (MpWindow   *self,
                         const char *base)
{
  MpDocument *document = mp_session_get_document (self->session);
  char *name = g_strdup (base);

  for (guint i = 2; mp_document_find_package (document, name) != 0 && i < 10000; i++)
    {
      g_free (name);
      /* Translators: a package name made unique: "New package 2" */
      name = g_strdup_printf (_("%s %u"), base, i);
    }

  return name;
}

static void
package_new_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  MpWindow *self = MP_WINDOW (widget);
  MpDocument *document = mp_session_get_document (self->session);
  const MpPackage *current = mp_session_get_package (self->session);
  const MpReference *reference;
  g_autoptr(MpPackage) package = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (document == NULL)
    return;

  reference = mp_document_get_reference (document);
  name = dup_unique_package_name (self, _("New package"));
  package = mp_package_new (name);
  g_strfreev (package->partners);
  if (current != NULL && current->partners != NULL && current->partners[0] != NULL)
    package->partners = g_strdupv (current->partners);
  else
    {
      const char *iso3 = NULL;

      if (mp_reference_find_partner (reference, "MAR") != NULL)
        iso3 = "MAR";
      for (guint i = 0; iso3 == NULL && i < reference->partners->len; i++)
        {
          const MpPartner *partner = g_ptr_array_index (reference->partners, i);

          if (!partner->excluded && !mp_partner_is_reference_country (partner))
            iso3 = partner->iso3;
        }
      package->partners = g_new0 (char *, 2);
      package->partners[0] = g_strdup (iso3);
    }

  package->start_year = g_date_time_get_year (now) + 1;
  if (self->settings != NULL)
    {
      package->horizon = g_settings_get_int (self->settings, "default-horizon");
      package->draws = g_settings_get_uint (self->settings, "default-draws");
      package->seed = g_settings_get_uint64 (self->settings, "default-seed");
    }

  if (mp_document_add_package (document, package, &error) == 0)
    {
      _mp_window_show_error (self, _("Could Not Create the Package"), error->message);
      return;
    }

  mp_window_show_page (self, "offer");
}

static gint64
package_param (MpWindow *self,
               GVariant *param)
{
  if (param != NULL && g_variant_is_of_type (param, G_VARIANT_TYPE_INT64) &&
      g_variant_get_int64 (param) != 0)
    return g_variant_get_int64 (param);

  return mp_session_get_package_id (self->session);
}

static void
package_duplicate_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  MpWindow *self = MP_WINDOW (widget);
  MpDocument *document = mp_session_get_document (self->session);
  g_autoptr(GError) error = NULL;

  if (document == NULL)
    return;

  if (mp_document_duplicate_package (document, package_param (self, param), &error) == 0)
    _mp_window_show_error (self, _("Could Not Duplicate the Package"), error->message);
}

static void
package_delete_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  MpWindow *self = MP_WINDOW (widget);
  MpDocument *document = mp_session_get_document (self->session);
  gint64 id = package_param (self, param);
  g_autoptr(GError) error = NULL;
  g_autoptr(MpPackage) package = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (document == NULL || id == 0)
    return;

  package = mp_document_get_package (document, id, NULL);
  if (!mp_document_delete_package (document, id, &error))
    {
      _mp_window_show_error (self, _("Could Not Delete the Package"), error->message);
      return;
    }

  /* Deleting is undoable: a toast offers it instead of asking first. */
  /* Translators: a toast; %s is a package name */
  title = g_strdup_printf (_("“%s” deleted"), package != NULL ? package->name : "");
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

typedef struct
{
  MpWindow *window;
  gint64    id;
  GtkEntry *entry;
} RenameData;

static void
rename_data_free (gpointer  user_data,
                  GClosure *closure)
{
  RenameData *data = user_data;

  g_object_unref (data->window);
  g_free (data);
}

static void
rename_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    RenameData       *data)
{
  MpDocument *document = mp_session_get_document (data->window->session);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  if (g_strcmp0 (response, "rename") != 0 || document == NULL)
    return;

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (data->entry))));
  if (name[0] == '\0')
    return;

  if (!mp_document_rename_package (document, data->id, name, &error))
    _mp_window_show_error (data->window, _("Could Not Rename the Package"), error->message);
}

static void
on_rename_entry_changed_cb (GtkEditable      *entry,
                            AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "rename", name[0] != '\0');
}

static void
package_rename_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  MpWindow *self = MP_WINDOW (widget);
  MpDocument *document = mp_session_get_document (self->session);
  gint64 id = package_param (self, param);
  g_autoptr(MpPackage) package = NULL;
  RenameData *data;
  GtkWidget *dialog;
  GtkWidget *entry;

  if (document == NULL || id == 0)
    return;

  package = mp_document_get_package (document, id, NULL);
  if (package == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Rename Package"), NULL);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "rename", _("_Rename"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "rename",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "rename");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), package->name);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Package name"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  g_signal_connect (entry, "changed", G_CALLBACK (on_rename_entry_changed_cb), dialog);

  data = g_new0 (RenameData, 1);
  data->window = g_object_ref (self);
  data->id = id;
  data->entry = GTK_ENTRY (entry);
  g_signal_connect_data (dialog, "response", G_CALLBACK (rename_response_cb), data,
                         rename_data_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
filter_schemes_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  MpWindow *self = MP_WINDOW (widget);

  mp_window_show_page (self, "offer");
  mp_offer_page_focus_filter (MP_OFFER_PAGE (self->offer_page));
}

/* ---- Import ---------------------------------------------------------------- */

gboolean
mp_window_import_json (MpWindow *self,
                       GFile    *file)
{
  MpDocument *document;
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize len = 0;

  g_return_val_if_fail (MP_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  document = mp_session_get_document (self->session);
  if (document == NULL)
    return FALSE;

  name = g_file_get_basename (file);
  /* Translators: heading of an error dialog; %s is a file name */
  heading = g_strdup_printf (_("Could Not Import “%s”"), name);
  if (!g_file_load_contents (file, NULL, &contents, &len, NULL, &error) ||
      !mp_document_import_json (document, contents, len, &error))
    {
      _mp_window_show_error (self, heading, error->message);
      return FALSE;
    }

  _mp_window_show_toast (self, _("Packages imported"));
  return TRUE;
}

typedef struct
{
  MpWindow  *window;
  GPtrArray *changes;
} CsvData;

static void
csv_data_free (gpointer  user_data,
               GClosure *closure)
{
  CsvData *data = user_data;

  g_object_unref (data->window);
  g_ptr_array_unref (data->changes);
  g_free (data);
}

static void
import_csv_confirm_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       CsvData          *data)
{
  MpDocument *document = mp_session_get_document (data->window->session);
  g_autoptr(MpReference) reference = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "apply") != 0 || document == NULL)
    return;

  reference = mp_reference_copy (mp_document_get_reference (document));
  if (!mp_reference_apply_changes (reference, data->changes, &error) ||
      !mp_document_replace_reference (document, reference, &error))
    _mp_window_show_error (data->window, _("Could Not Update the Indicators"), error->message);
  else
    _mp_window_show_toast (data->window, _("Indicators updated"));
}

gboolean
mp_window_import_indicators (MpWindow *self,
                             GFile    *file)
{
  MpDocument *document;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *confirm;
  CsvData *data;

  g_return_val_if_fail (MP_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  document = mp_session_get_document (self->session);
  if (document == NULL)
    return FALSE;

  path = g_file_get_path (file);
  name = g_file_get_basename (file);
  /* Translators: heading of an error dialog; %s is a file name */
  heading = g_strdup_printf (_("Could Not Import “%s”"), name);
  if (path == NULL)
    {
      _mp_window_show_error (self, heading, _("Only files on this computer or a mounted drive can be imported."));
      return FALSE;
    }
  if (!mp_reference_parse_csv_file (mp_document_get_reference (document), path, &changes, &error))
    {
      _mp_window_show_error (self, heading, error->message);
      return FALSE;
    }
  if (changes->len == 0)
    {
      _mp_window_show_toast (self, _("The file changes no indicator values"));
      return TRUE;
    }

  /* Ask before changing the data every package is judged on. */
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The file changes %u indicator value. The change can be undone.",
                                       "The file changes %u indicator values. The change can be undone.",
                                       changes->len),
                          changes->len);
  confirm = adw_message_dialog_new (GTK_WINDOW (self), _("Update Indicators?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (confirm),
                                    "cancel", _("_Cancel"),
                                    "apply", _("_Update"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (confirm), "apply",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (confirm), "apply");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (confirm), "cancel");
  data = g_new0 (CsvData, 1);
  data->window = g_object_ref (self);
  data->changes = g_steal_pointer (&changes);
  g_signal_connect_data (confirm, "response", G_CALLBACK (import_csv_confirm_cb), data,
                         csv_data_free, 0);
  gtk_window_present (GTK_WINDOW (confirm));

  return TRUE;
}

/* ---- Export ---------------------------------------------------------------- */

static void
export_json_response_cb (GtkNativeDialog *dialog,
                         int              response,
                         MpWindow        *self)
{
  MpDocument *document = mp_session_get_document (self->session);

  if (response == GTK_RESPONSE_ACCEPT && document != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      gint64 id = mp_session_get_package_id (self->session);
      g_autofree char *json = NULL;
      g_autoptr(GError) error = NULL;

      json = mp_document_export_json (document, &id, 1, TRUE, &error);
      if (json == NULL ||
          !g_file_replace_contents (file, json, strlen (json), NULL, FALSE,
                                    G_FILE_CREATE_NONE, NULL, NULL, &error))
        _mp_window_show_error (self, _("Could Not Export the Package"), error->message);
      else
        _mp_window_show_toast (self, _("Package exported"));
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static char *
dup_safe_file_name (const char *name,
                    const char *suffix)
{
  g_autofree char *clean = g_strdup (name != NULL && name[0] != '\0' ? name : _("Package"));

  g_strdelimit (clean, "/\\:*?\"<>|", '-');
  return g_strconcat (clean, suffix, NULL);
}

static void
export_json_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  MpWindow *self = MP_WINDOW (widget);
  const MpPackage *package = mp_session_get_package (self->session);
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  if (package == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Export Package JSON"),
                                         GTK_WINDOW (widget),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  add_filter (GTK_FILE_CHOOSER (chooser), _("Package files (JSON)"), "json", "application/json");
  name = dup_safe_file_name (package->name, ".json");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (export_json_response_cb), widget);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The export task: copies of the packages and the reference go to a worker
 * thread, which evaluates them, runs the Monte Carlo analysis with each
 * package's draws and seed, and writes the workbook. */
typedef struct
{
  GPtrArray    *packages;   /* MpPackage* */
  MpReference  *reference;
  char         *path;
  char         *language;
  gint          *permille;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_pointer (&data->packages, g_ptr_array_unref);
  g_clear_pointer (&data->reference, mp_reference_free);
  g_free (data->path);
  g_free (data->language);
  g_free (data);
}

static void
export_progress_cb (double   fraction,
                    gpointer user_data)
{
  g_atomic_int_set ((gint *) user_data, (gint) (fraction * 1000));
}

/* The brief speaks its own language throughout, while the window keeps the
 * user's: mp_brief_export_package() sees to that in this worker thread. */
static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  const char *real_name = g_get_real_name ();
  MpBriefOptions options = { data->language, NULL, NULL };
  g_autoptr(GError) error = NULL;
  gboolean written;

  /* GLib says "Unknown" when the account has no real name: print none then. */
  if (real_name != NULL && g_strcmp0 (real_name, "Unknown") != 0)
    options.author = real_name;

  if (data->packages->len == 1)
    written = mp_brief_export_package (g_ptr_array_index (data->packages, 0), data->reference, &options,
                                       MP_BRIEF_PACKAGE_DRAWS, data->path, cancellable,
                                       export_progress_cb, data->permille, &error);
  else
    written = mp_brief_export_comparison (data->packages, data->reference, &options,
                                          MP_BRIEF_PACKAGE_DRAWS, data->path, cancellable,
                                          export_progress_cb, data->permille, &error);
  if (!written)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_atomic_int_set (data->permille, 1000);
  g_task_return_boolean (task, TRUE);
}

static gboolean
task_progress_cb (gpointer user_data)
{
  MpWindow *self = user_data;

  gtk_progress_bar_set_fraction (self->task_progress,
                                 g_atomic_int_get (&self->task_permille) / 1000.0);
  return G_SOURCE_CONTINUE;
}

static void
task_begin (MpWindow     *self,
            const char   *label,
            GCancellable *cancellable)
{
  g_assert (self->task_cancellable == NULL);

  self->task_cancellable = cancellable ? g_object_ref (cancellable) : g_cancellable_new ();
  g_atomic_int_set (&self->task_permille, 0);
  gtk_label_set_text (self->task_label, label);
  gtk_progress_bar_set_fraction (self->task_progress, 0);
  gtk_revealer_set_reveal_child (self->task_revealer, TRUE);
  self->task_timeout = g_timeout_add (100, task_progress_cb, self);
  _mp_window_update_actions (self);
}

static void
task_end (MpWindow *self)
{
  g_clear_handle_id (&self->task_timeout, g_source_remove);
  g_clear_object (&self->task_cancellable);

  /* The window may have been closed while the worker ran. */
  if (self->task_revealer == NULL || self->session == NULL)
    return;

  gtk_revealer_set_reveal_child (self->task_revealer, FALSE);
  _mp_window_update_actions (self);
}

void
_mp_window_cancel_task (MpWindow *self)
{
  if (self->task_cancellable != NULL)
    g_cancellable_cancel (self->task_cancellable);
}

static void
export_task_done_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  GTask *outer = user_data;
  MpWindow *self = MP_WINDOW (source);
  g_autoptr(GError) error = NULL;

  task_end (self);

  if (g_task_propagate_boolean (G_TASK (result), &error))
    g_task_return_boolean (outer, TRUE);
  else
    g_task_return_error (outer, g_steal_pointer (&error));
  g_object_unref (outer);
}

static void
start_export (MpWindow            *self,
              GPtrArray           *packages,
              GFile               *file,
              const char          *label,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  g_autoptr(GTask) outer = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GTask) task = NULL;
  ExportData *data;

  g_task_set_source_tag (outer, start_export);

  if (self->task_cancellable != NULL)
    {
      g_ptr_array_unref (packages);
      g_task_return_new_error (outer, G_IO_ERROR, G_IO_ERROR_BUSY, "%s",
                               _("Another export or print is still running."));
      return;
    }

  data = g_new0 (ExportData, 1);
  data->packages = packages;
  data->reference = mp_reference_copy (mp_session_get_reference (self->session));
  data->path = g_file_get_path (file);
  data->language = self->settings != NULL
                   ? g_settings_get_string (self->settings, "brief-language")
                   : g_strdup (mp_brief_language_default ());
  data->permille = &self->task_permille;

  if (data->path == NULL)
    {
      export_data_free (data);
      g_task_return_new_error (outer, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "%s",
                               _("Choose a folder on this computer or a mounted drive."));
      return;
    }

  task_begin (self, label, cancellable);
  task = g_task_new (self, self->task_cancellable, export_task_done_cb, g_object_ref (outer));
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  g_task_run_in_thread (task, export_thread);
}

void
mp_window_export_brief_async (MpWindow            *self,
                              GFile               *file,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GPtrArray *packages;
  MpPackage *package;

  g_return_if_fail (MP_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  packages = g_ptr_array_new_with_free_func ((GDestroyNotify) mp_package_free);
  package = mp_session_dup_package (self->session);
  if (package != NULL)
    g_ptr_array_add (packages, package);

  if (packages->len == 0)
    {
      g_ptr_array_unref (packages);
      g_task_report_new_error (self, callback, user_data, start_export,
                               G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "%s",
                               _("No package is selected."));
      return;
    }

  start_export (self, packages, file, _("Writing the brief…"), cancellable, callback, user_data);
}

void
mp_window_export_comparison_async (MpWindow            *self,
                                   const gint64        *ids,
                                   guint                n_ids,
                                   GFile               *file,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  MpDocument *document;
  GPtrArray *packages;

  g_return_if_fail (MP_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  document = mp_session_get_document (self->session);
  packages = g_ptr_array_new_with_free_func ((GDestroyNotify) mp_package_free);
  for (guint i = 0; document != NULL && i < n_ids; i++)
    {
      MpPackage *package = mp_document_get_package (document, ids[i], NULL);

      if (package != NULL)
        g_ptr_array_add (packages, package);
    }

  if (packages->len < MP_BRIEF_MIN_COMPARE || packages->len > MP_BRIEF_MAX_COMPARE)
    {
      g_ptr_array_unref (packages);
      g_task_report_new_error (self, callback, user_data, start_export,
                               G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("Choose between %d and %d packages to compare."),
                               MP_BRIEF_MIN_COMPARE, MP_BRIEF_MAX_COMPARE);
      return;
    }

  start_export (self, packages, file, _("Writing the comparison…"), cancellable, callback, user_data);
}

gboolean
mp_window_export_finish (MpWindow      *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (MP_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
open_exported_file (MpWindow   *self,
                    const char *uri)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAppLaunchContext) context = NULL;

  context = G_APP_LAUNCH_CONTEXT (gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (self))));
  if (!g_app_info_launch_default_for_uri (uri, context, &error))
    _mp_window_show_error (self, _("Could Not Open the File"), error->message);
}

static void
on_toast_open_clicked_cb (AdwToast *toast,
                          MpWindow *self)
{
  open_exported_file (self, g_object_get_data (G_OBJECT (toast), "uri"));
}

typedef struct
{
  MpWindow *window;
  GFile    *file;
} ExportUiData;

static void
export_ui_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ExportUiData *data = user_data;
  MpWindow *self = data->window;
  g_autoptr(GError) error = NULL;
  gboolean written = mp_window_export_finish (self, result, &error);

  if (self->toast_overlay == NULL)
    ; /* the window was closed meanwhile: nobody to tell */
  else if (written)
    {
      g_autofree char *name = g_file_get_basename (data->file);
      g_autofree char *title = NULL;
      AdwToast *toast;

      /* Translators: a toast; %s is a file name */
      title = g_strdup_printf (_("Saved “%s”"), name);
      toast = adw_toast_new (title);
      adw_toast_set_button_label (toast, _("_Open"));
      g_object_set_data_full (G_OBJECT (toast), "uri", g_file_get_uri (data->file), g_free);
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_toast_open_clicked_cb), self, 0);
      adw_toast_set_timeout (toast, 10);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    _mp_window_show_toast (self, _("Export cancelled"));
  else
    _mp_window_show_error (self, _("Could Not Export"), error->message);

  g_object_unref (data->window);
  g_object_unref (data->file);
  g_free (data);
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    MpWindow        *self)
{
  gboolean comparison = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "comparison"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (chosen);
      ExportUiData *data = g_new0 (ExportUiData, 1);

      data->window = g_object_ref (self);
      if (path != NULL && !g_str_has_suffix (path, ".xlsx"))
        {
          g_autofree char *with_suffix = g_strconcat (path, ".xlsx", NULL);

          data->file = g_file_new_for_path (with_suffix);
        }
      else
        data->file = g_object_ref (chosen);

      if (comparison)
        {
          g_autoptr(GArray) ids = mp_compare_page_dup_selected_ids (MP_COMPARE_PAGE (self->compare_page));

          mp_window_export_comparison_async (self, (const gint64 *) (gpointer) ids->data, ids->len,
                                             data->file, NULL, export_ui_done_cb, data);
        }
      else
        mp_window_export_brief_async (self, data->file, NULL, export_ui_done_cb, data);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  MpWindow *self = MP_WINDOW (widget);
  gboolean comparison = g_str_equal (action_name, "win.export-comparison");
  const MpPackage *package = mp_session_get_package (self->session);
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;
  g_autoptr(GFile) folder = dup_document_folder (self);

  if (comparison)
    {
      g_autoptr(GArray) ids = mp_compare_page_dup_selected_ids (MP_COMPARE_PAGE (self->compare_page));

      if (ids->len < MP_BRIEF_MIN_COMPARE || ids->len > MP_BRIEF_MAX_COMPARE)
        {
          g_autofree char *body = g_strdup_printf (_("Tick between %d and %d packages on the Compare page, then export again."),
                                                   MP_BRIEF_MIN_COMPARE, MP_BRIEF_MAX_COMPARE);

          mp_window_show_page (self, "compare");
          _mp_window_show_error (self, _("Choose the Packages to Compare"), body);
          return;
        }
      /* Translators: default file name of a comparison workbook */
      name = dup_safe_file_name (_("Comparison"), ".xlsx");
    }
  else
    {
      if (package == NULL)
        return;
      name = dup_safe_file_name (package->name, ".xlsx");
    }

  chooser = gtk_file_chooser_native_new (comparison ? _("Export Comparison") : _("Export Brief"),
                                         GTK_WINDOW (widget),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  add_filter (GTK_FILE_CHOOSER (chooser), _("Excel workbooks"), "xlsx",
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  g_object_set_data (G_OBJECT (chooser), "comparison", GINT_TO_POINTER (comparison));
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), widget);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- Print ----------------------------------------------------------------- */

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  MpWindow *self = MP_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (mp_session_get_package (self->session) == NULL)
    return;

  if (!mp_print_run (GTK_WINDOW (self), self->session,
                     GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL, &error))
    _mp_window_show_error (self, _("Could Not Print"), error->message);
}

void
_mp_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "win.new-empty", NULL, new_empty_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.package-new", NULL, package_new_action);
  gtk_widget_class_install_action (widget_class, "win.package-duplicate", "x", package_duplicate_action);
  gtk_widget_class_install_action (widget_class, "win.package-rename", "x", package_rename_action);
  gtk_widget_class_install_action (widget_class, "win.package-delete", "x", package_delete_action);
  gtk_widget_class_install_action (widget_class, "win.filter-schemes", NULL, filter_schemes_action);
  gtk_widget_class_install_action (widget_class, "win.import-json", NULL, import_json_action);
  gtk_widget_class_install_action (widget_class, "win.import-csv", NULL, import_csv_action);
  gtk_widget_class_install_action (widget_class, "win.export-json", NULL, export_json_action);
  gtk_widget_class_install_action (widget_class, "win.export-brief", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-comparison", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
}
