/* mp-brief-private.h
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* Shared inside models/brief: the labels of the brief, small helpers over
 * the model, the writers of the sheets and the workbook life cycle.  Every
 * sheet writer runs while the thread language is the brief's (see
 * _mp_brief_book_begin()), so _() gives the brief's language. */

#include "mp-brief.h"
#include "mp-brief-sheet-private.h"
#include "mp-reference.h"

G_BEGIN_DECLS

/* The cover lists at most this many findings and measures. */
#define MP_BRIEF_COVER_LIST_MAX 8

/* The five elements of adequate monitoring (advisory report §4.2.3). */
#define MP_BRIEF_N_ELEMENTS 5

/* mp-brief-labels.c: the brief's labels in the thread language */
const char   *_mp_brief_yes_no              (gboolean            v);
const char   *_mp_brief_offer_unit          (MpOfferKind         kind);
const char   *_mp_brief_monitoring_label    (MpMonitoring        m);
const char   *_mp_brief_monitoring_element  (MpMonitoring        m,
                                             guint               element);
const char   *_mp_brief_headline_label      (MpHeadline          h);
const char   *_mp_brief_indicator_unit      (MpIndicator         i);
const char   *_mp_brief_risk_basis_label    (MpRiskBasis         basis);
const char   *_mp_brief_component_label     (const MpComponent  *c,
                                             gboolean            nl_side,
                                             const MpReference  *ref,
                                             char              **owned);
const char   *_mp_brief_component_unit      (MpBriefBook        *b,
                                             const MpComponent  *c,
                                             gboolean            nl_side,
                                             lxw_format        **format);
char         *_mp_brief_measure_label       (const MpPackage    *pkg,
                                             const MpMeasure    *me);
lxw_format   *_mp_brief_indicator_format    (MpBriefBook        *b,
                                             MpIndicator         i);
lxw_format   *_mp_brief_headline_format     (MpBriefBook        *b,
                                             MpHeadline          h,
                                             gboolean            big);
lxw_format   *_mp_brief_severity_format     (MpBriefBook        *b,
                                             MpSeverity          s);

/* mp-brief-model.c: small helpers over the model */
const char   *_mp_brief_partner_name        (const MpReference  *ref,
                                             const char         *iso3);
const char   *_mp_brief_sector_name         (const MpReference  *ref,
                                             const char         *code);
char         *_mp_brief_partners_text       (const MpPackage    *pkg,
                                             const MpReference  *ref);
void          _mp_brief_risk_thresholds     (const MpPackage    *pkg,
                                             MpRiskThresholds   *t);
double        _mp_brief_scheme_sum          (const MpEvaluation *eval,
                                             int                 scheme,
                                             gsize               field_offset);
const char   *_mp_brief_scheme_name         (const MpPackage    *pkg,
                                             int                 index);
GPtrArray    *_mp_brief_sorted_findings     (const MpEvaluation *eval);
MpMonitoring  _mp_brief_measure_monitoring  (const MpMeasure    *me);

/* One file per sheet (or group of sheets) */
void          _mp_brief_write_cover         (MpBriefBook        *b,
                                             MpBriefSheet       *s,
                                             const MpPackage    *pkg,
                                             const MpEvaluation *eval,
                                             const MpReference  *ref);
void          _mp_brief_write_offer         (MpBriefBook        *b,
                                             MpBriefSheet       *s,
                                             const MpPackage    *pkg,
                                             const MpEvaluation *eval,
                                             const MpReference  *ref);
void          _mp_brief_write_projection    (MpBriefBook        *b,
                                             MpBriefSheet       *s,
                                             const MpPackage    *pkg,
                                             const MpEvaluation *eval,
                                             const MpReference  *ref);
void          _mp_brief_write_scores        (MpBriefBook        *b,
                                             MpBriefSheet       *s,
                                             const MpPackage    *pkg,
                                             const MpEvaluation *eval,
                                             const MpReference  *ref);
void          _mp_brief_write_safeguards    (MpBriefBook        *b,
                                             MpBriefSheet       *s,
                                             const MpPackage    *pkg,
                                             const MpEvaluation *eval,
                                             const MpReference  *ref);
void          _mp_brief_write_uncertainty   (MpBriefBook        *b,
                                             MpBriefSheet       *s,
                                             const MpPackage    *pkg,
                                             const MpEvaluation *eval);
void          _mp_brief_write_partner       (MpBriefBook        *b,
                                             MpBriefSheet       *s,
                                             const MpPackage    *pkg,
                                             const MpReference  *ref);
void          _mp_brief_write_assumptions   (MpBriefBook        *b,
                                             MpBriefSheet       *s,
                                             const MpPackage    *pkg);

/* mp-brief-compare.c */
gboolean      _mp_brief_comparison_valid    (GPtrArray            *packages,
                                             GError              **error);

/* mp-brief-workbook.c: life cycle */
const char   *_mp_brief_options_language    (const MpBriefOptions *opts,
                                             GError              **error);
gboolean      _mp_brief_book_begin          (MpBriefBook          *b,
                                             const MpBriefOptions *opts,
                                             const char           *path,
                                             GError              **error);
gboolean      _mp_brief_book_open           (MpBriefBook          *b,
                                             const char           *header_text,
                                             const char           *title,
                                             const char           *subject,
                                             GError              **error);
gboolean      _mp_brief_book_end            (MpBriefBook          *b,
                                             GError              **error);

G_END_DECLS
