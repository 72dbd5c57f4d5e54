/* mp-page.h
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mp-session.h"

G_BEGIN_DECLS

#define MP_TYPE_PAGE (mp_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (MpPage, mp_page, MP, PAGE, GtkWidget)

/* The base of the window's pages (Overview, Offer, Partner, Safeguards,
 * Uncertainty, Compare).  It holds the "session" the page shows, listens to
 * it and calls the vfuncs below; only the visible page works: a hidden page
 * that is told to refresh does so when it is next shown. */
struct _MpPageClass
{
  GtkWidgetClass parent_class;

  /* Brings every widget of the page up to date with the session. */
  void (*refresh)          (MpPage       *self);

  /* The session's signals.  package_changed (the selected package, its
   * contents or its evaluation changed) defaults to
   * mp_page_queue_refresh(); the others do nothing unless set. */
  void (*package_changed)  (MpPage       *self);
  /* Another package was selected ("notify::package-id"). */
  void (*package_selected) (MpPage       *self);
  /* Any edit, undo or redo of the document. */
  void (*history_changed)  (MpPage       *self);
  /* A document was opened or closed. */
  void (*document_changed) (MpPage       *self);

  /* After mp_page_commit(): @error is NULL when the edit was stored. */
  void (*committed)        (MpPage       *self,
                            const GError *error);
};

MpSession *mp_page_get_session        (MpPage          *self);
void       mp_page_set_session        (MpPage          *self,
                                       MpSession       *session);

void       mp_page_queue_refresh      (MpPage          *self);
gboolean   mp_page_defer_while_hidden (MpPage          *self);

gboolean   mp_page_commit             (MpPage          *self,
                                       const MpPackage *package,
                                       const char      *label);

MpPage    *mp_page_for_widget         (GtkWidget       *widget);

G_END_DECLS
