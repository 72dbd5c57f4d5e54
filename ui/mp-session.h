/* mp-session.h
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* The state the pages of one window share: the open document, the list of
 * its packages, the selected package (a copy) and its deterministic
 * evaluation.  Pages read from the session and write through
 * mp_session_commit(), which stores the edit in the document (one undoable
 * command); the document's "changed" signal then reloads and re-evaluates
 * the package and the session emits "package-changed". */

#include <gio/gio.h>

#include "mp-document.h"
#include "mp-evaluation.h"
#include "mp-reference.h"

G_BEGIN_DECLS

#define MP_TYPE_SESSION (mp_session_get_type ())

G_DECLARE_FINAL_TYPE (MpSession, mp_session, MP, SESSION, GObject)

MpSession          *mp_session_new                (void);

MpDocument         *mp_session_get_document       (MpSession          *self);
void                mp_session_set_document       (MpSession          *self,
                                                   MpDocument         *document);
gboolean            mp_session_is_read_only       (MpSession          *self);

/* MpPackageItem, in the document's order. */
GListModel         *mp_session_get_packages       (MpSession          *self);
guint               mp_session_get_package_position (MpSession        *self,
                                                   gint64              id);

gint64              mp_session_get_package_id     (MpSession          *self);
void                mp_session_select_package     (MpSession          *self,
                                                   gint64              id);

/* Borrowed; NULL when no package is selected. */
const MpPackage    *mp_session_get_package        (MpSession          *self);
/* A copy of the selected package to edit and pass to mp_session_commit(). */
MpPackage          *mp_session_dup_package        (MpSession          *self);
/* Borrowed; NULL when the package could not be evaluated (see
 * mp_session_get_evaluation_error()). */
const MpEvaluation *mp_session_get_evaluation     (MpSession          *self);
const char         *mp_session_get_evaluation_error (MpSession        *self);
const MpReference  *mp_session_get_reference      (MpSession          *self);
/* The demographic-dividend index of the reference set (borrowed). */
const MpDdi        *mp_session_get_ddi            (MpSession          *self);
/* A partner's name for people, from the reference data. */
const char         *mp_session_get_partner_name   (MpSession          *self,
                                                   const char         *iso3);

/* Stores @new_state as the selected package: one undoable command. */
gboolean            mp_session_commit             (MpSession          *self,
                                                   const MpPackage    *new_state,
                                                   const char         *label,
                                                   GError            **error);

/* Evaluates every package of the document: parallel arrays of MpPackage*,
 * MpEvaluation* (NULL where the evaluation failed) and the ids (gint64). */
void                mp_session_evaluate_all       (MpSession          *self,
                                                   GPtrArray         **packages_out,
                                                   GPtrArray         **evaluations_out,
                                                   GArray            **ids_out);

/* The country-risk thresholds of the selected package's assumptions. */
void                mp_session_get_risk_thresholds (MpSession         *self,
                                                   MpRiskThresholds   *thresholds);

G_END_DECLS
