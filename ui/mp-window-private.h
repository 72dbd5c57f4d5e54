/* mp-window-private.h
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* Shared between mp-window.c (structure, sidebar, pages) and
 * mp-window-actions.c (documents, files, export, print). */

#include "mp-window.h"
#include "mp-session.h"

G_BEGIN_DECLS

struct _MpWindow
{
  AdwApplicationWindow  parent_instance;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwHeaderBar         *header_bar;
  AdwStatusPage        *empty_page;
  GtkButton            *new_button;
  GtkLabel             *recent_label;
  GtkListBox           *recent_list;
  GMenu                *recent_menu;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar;
  GtkWidget            *content;
  AdwWindowTitle       *document_title;
  GtkListView          *package_list;
  GtkLabel             *partner_summary;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  GtkButton            *back_button;
  GtkButton            *undo_button;
  GtkButton            *redo_button;
  GtkInfoBar           *read_only_bar;
  GtkLabel             *read_only_label;
  GtkRevealer          *task_revealer;
  GtkLabel             *task_label;
  GtkProgressBar       *task_progress;
  GtkButton            *task_cancel_button;
  GtkStack             *content_stack;
  AdwViewStack         *view_stack;
  AdwViewStackPage     *safeguards_stack_page;
  GtkWidget            *overview_page;
  GtkWidget            *offer_page;
  GtkWidget            *partner_page;
  GtkWidget            *safeguards_page;
  GtkWidget            *uncertainty_page;
  GtkWidget            *compare_page;

  MpSession            *session;
  GSettings            *settings;
  GtkSingleSelection   *selection;
  gboolean              syncing_selection;

  /* The running export or print task, if any (one at a time). */
  GCancellable         *task_cancellable;
  guint                 task_timeout;
  gint                  task_permille;

  gint64                startup_time;
};

/* mp-window.c */
void     _mp_window_show_error        (MpWindow   *self,
                                       const char *heading,
                                       const char *body);
void     _mp_window_show_toast        (MpWindow   *self,
                                       const char *title);
void     _mp_window_set_document      (MpWindow   *self,
                                       MpDocument *document);
void     _mp_window_update_actions    (MpWindow   *self);

/* mp-window-actions.c */
void     _mp_window_class_add_actions (GtkWidgetClass *widget_class);
void     _mp_window_add_recent        (MpWindow   *self,
                                       const char *path);
void     _mp_window_update_recent     (MpWindow   *self);
void     _mp_window_cancel_task       (MpWindow   *self);

G_END_DECLS
