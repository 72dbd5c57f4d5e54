/* mp-brief-offer.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-brief"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "mp-i18n.h"
#include "mp-assumptions.h"
#include "mp-brief-private.h"

/* The sheet Offer: the package's schemes, other offers, asks and
 * conditional tranches. */

/* The heading of a table at *@row; when the table would have no rows, a
 * note saying so instead.  Moves *@row on and returns whether the table
 * follows. */
static gboolean
section (MpBriefBook  *b,
         MpBriefSheet *s,
         lxw_row_t    *row,
         const char   *title,
         guint         n_rows,
         const char   *none)
{
  _mp_brief_put_span (b, s, (*row)++, 0, title, b->f_h2);
  if (n_rows > 0)
    return TRUE;
  _mp_brief_put_para (b, s, (*row)++, 0, MP_BRIEF_LAST_COL, none, b->f_note);
  *row += 1;
  return FALSE;
}

/* "language; complaints channel; …": the support a scheme gives. */
static char *
support_text (const MpScheme *sc)
{
  const char *parts[6];
  guint n = 0;

  if (sc->language_support)
    parts[n++] = _("language");
  if (sc->complaints_channel)
    parts[n++] = _("complaints channel");
  if (sc->reintegration_support)
    parts[n++] = _("reintegration");
  if (sc->g2g_health_support)
    parts[n++] = _("G2G health-system support");
  if (sc->return_incentives)
    parts[n++] = _("return incentives");
  parts[n] = NULL;
  return g_strjoinv ("; ", (char **) parts);
}

static lxw_row_t
write_offer_schemes (MpBriefBook        *b,
                     MpBriefSheet       *s,
                     lxw_row_t           row,
                     const MpPackage    *pkg,
                     const MpEvaluation *eval,
                     const MpReference  *ref)
{
  const MpBriefColumn cols[] = {
    { _("Scheme"), b->f_wrap, MP_BRIEF_TOTAL_NONE, 26 },
    { _("Kind"), b->f_wrap, MP_BRIEF_TOTAL_NONE, 16 },
    { _("Partner"), b->f_wrap, MP_BRIEF_TOTAL_NONE, 14 },
    { _("Sector"), b->f_wrap, MP_BRIEF_TOTAL_NONE, 18 },
    { _("Quota a year"), b->f_int, MP_BRIEF_TOTAL_SUM, 0 },
    { _("First intake"), b->f_year, MP_BRIEF_TOTAL_NONE, 0 },
    { _("Intake years"), b->f_int, MP_BRIEF_TOTAL_NONE, 0 },
    { _("Months a stay"), b->f_int, MP_BRIEF_TOTAL_NONE, 0 },
    { _("Stays"), b->f_int, MP_BRIEF_TOTAL_NONE, 0 },
    { _("Mandatory return"), b->f_text, MP_BRIEF_TOTAL_NONE, 0 },
    { _("Training months"), b->f_dec1, MP_BRIEF_TOTAL_NONE, 0 },
    { _("Home-track ratio"), b->f_dec2, MP_BRIEF_TOTAL_NONE, 0 },
    { _("Cost a participant (€)"), b->f_eur, MP_BRIEF_TOTAL_NONE, 0 },
    { _("Employer share"), b->f_pct, MP_BRIEF_TOTAL_NONE, 0 },
    { _("Recruitment fees (€)"), b->f_eur, MP_BRIEF_TOTAL_NONE, 0 },
    /* TRANSLATORS: the support a scheme gives its participants (language
     * courses, a complaints channel, …) */
    { C_("support for participants", "Support"), b->f_wrap, MP_BRIEF_TOTAL_NONE, 20 },
    { _("Person-years"), b->f_int, MP_BRIEF_TOTAL_SUM, 0 },
    { _("Remittances (€)"), b->f_eur, MP_BRIEF_TOTAL_SUM, 0 },
  };
  g_auto(MpBriefTable) table = { 0 };
  lxw_row_t header;
  guint n_schemes = pkg->schemes != NULL ? pkg->schemes->len : 0;

  header = row + 1;
  _mp_brief_table_init (&table, s, header, cols, G_N_ELEMENTS (cols));
  if (!section (b, s, &row, _("Schemes"), n_schemes, _("No labour-mobility schemes in this package.")))
    return row;

  for (guint i = 0; i < n_schemes; i++)
    {
      const MpScheme *sc = g_ptr_array_index (pkg->schemes, i);
      lxw_row_t r = header + 1 + i;
      g_autofree char *support = support_text (sc);
      guint c = 0;

      _mp_brief_put_text (b, s, r, c++, sc->name, b->f_wrap);
      _mp_brief_put_text (b, s, r, c++, sc->kind < MP_N_SCHEME_KINDS ? mp_scheme_kind_label (sc->kind) : NULL, b->f_wrap);
      _mp_brief_put_text (b, s, r, c++, _mp_brief_partner_name (ref, sc->partner), b->f_wrap);
      _mp_brief_put_text (b, s, r, c++, _mp_brief_sector_name (ref, sc->sector), b->f_wrap);
      _mp_brief_table_num (b, &table, r, c++, sc->quota);
      _mp_brief_table_num (b, &table, r, c++, sc->first_year);
      _mp_brief_table_num (b, &table, r, c++, sc->intake_years);
      _mp_brief_table_num (b, &table, r, c++, sc->months);
      _mp_brief_table_num (b, &table, r, c++, sc->stays);
      _mp_brief_put_text (b, s, r, c++, _mp_brief_yes_no (sc->mandatory_return), b->f_center);
      _mp_brief_table_num (b, &table, r, c++, sc->training_months);
      _mp_brief_table_num (b, &table, r, c++, sc->home_track_ratio);
      _mp_brief_table_num (b, &table, r, c++, sc->cost_per_participant);
      _mp_brief_table_num (b, &table, r, c++, sc->employer_share);
      _mp_brief_table_num (b, &table, r, c++, sc->recruitment_fees);
      _mp_brief_put_text (b, s, r, c++, support, b->f_wrap);
      _mp_brief_table_num (b, &table, r, c++, _mp_brief_scheme_sum (eval, i, G_STRUCT_OFFSET (MpYear, person_years)));
      _mp_brief_table_num (b, &table, r, c++, _mp_brief_scheme_sum (eval, i, G_STRUCT_OFFSET (MpYear, remittances)));
    }

  return _mp_brief_table_close (b, &table, header + n_schemes) + 2;
}

/* The offers, asks and tranches tables share the columns of the schemes
 * table above them: text goes where the schemes table has wide text columns
 * (0-3), numbers where it has number columns (4-). */
static lxw_row_t
write_offer_offers (MpBriefBook       *b,
                    MpBriefSheet      *s,
                    lxw_row_t          row,
                    const MpPackage   *pkg,
                    const MpReference *ref)
{
  const char *headers[] = {
    _("Other offer"), _("Sector"), _("Partner"),
    C_("note on an offer or ask", "Note"), _("Amount"), _("Unit"),
    _("Jobs created"),
  };
  guint n = pkg->offers != NULL ? pkg->offers->len : 0;
  lxw_row_t header;

  if (!section (b, s, &row, _("Other offers"), n, _("No other offers in this package.")))
    return row;
  header = row;
  for (guint i = 0; i < n; i++)
    {
      const MpOffer *o = g_ptr_array_index (pkg->offers, i);
      lxw_row_t r = header + 1 + i;
      gboolean euro = o->kind == MP_OFFER_INVESTMENT || o->kind == MP_OFFER_TRADE ||
                      o->kind == MP_OFFER_CAPACITY_BUILDING;

      _mp_brief_put_text (b, s, r, 0, o->kind < MP_N_OFFER_KINDS ? mp_offer_kind_label (o->kind) : NULL, b->f_wrap);
      _mp_brief_put_text (b, s, r, 1, o->sector != NULL ? _mp_brief_sector_name (ref, o->sector) : NULL, b->f_wrap);
      _mp_brief_put_text (b, s, r, 2, _mp_brief_partner_name (ref, o->partner), b->f_wrap);
      _mp_brief_put_text (b, s, r, 3, o->note, b->f_wrap);
      _mp_brief_put_num (b, s, r, 4, o->amount, euro ? b->f_eur : b->f_int);
      _mp_brief_put_text (b, s, r, 5, o->kind < MP_N_OFFER_KINDS ? _mp_brief_offer_unit (o->kind) : NULL, b->f_wrap);
      if (o->kind == MP_OFFER_TRADE)
        _mp_brief_put_num (b, s, r, 6, o->jobs, b->f_int);
    }
  _mp_brief_add_table (b, s, header, 0, header + n, headers, G_N_ELEMENTS (headers));
  return header + n + 2;
}

static lxw_row_t
write_offer_asks (MpBriefBook       *b,
                  MpBriefSheet      *s,
                  lxw_row_t          row,
                  const MpPackage   *pkg,
                  const MpReference *ref)
{
  const char *headers[] = {
    C_("request to the partner", "Ask"), _("Measure risk"), _("Partner"),
    C_("note on an offer or ask", "Note"),
    _("Extra returns a year (low)"),
    _("Extra returns a year (mode)"),
    _("Extra returns a year (high)"),
    _("Agreed level (0–3)"),
  };
  guint n = pkg->asks != NULL ? pkg->asks->len : 0;
  gboolean any_campaign = FALSE, any_return = FALSE;
  lxw_row_t header;

  if (!section (b, s, &row, _("What the Netherlands asks"), n, _("No asks in this package.")))
    return row;
  header = row;
  for (guint i = 0; i < n; i++)
    {
      const MpAsk *a = g_ptr_array_index (pkg->asks, i);
      lxw_row_t r = header + 1 + i;
      gboolean never = FALSE;
      MpRisk risk = a->kind < MP_N_ASK_KINDS ? mp_ask_measure_risk (a->kind, &never) : MP_RISK_HIGH;
      gboolean is_return = a->kind == MP_ASK_RETURN_READMISSION || a->kind == MP_ASK_VOLUNTARY_RETURN;

      _mp_brief_put_text (b, s, r, 0, a->kind < MP_N_ASK_KINDS ? mp_ask_kind_label (a->kind) : NULL, b->f_wrap);
      _mp_brief_put_text (b, s, r, 1, never ? _("Never allowed") : mp_risk_label (risk),
                          never ? b->f_block : b->f_text);
      _mp_brief_put_text (b, s, r, 2, _mp_brief_partner_name (ref, a->partner), b->f_wrap);
      _mp_brief_put_text (b, s, r, 3, a->note, b->f_wrap);
      if (is_return || a->returns_mode > 0)
        {
          _mp_brief_put_num (b, s, r, 4, a->returns_low, b->f_int);
          _mp_brief_put_num (b, s, r, 5, a->returns_mode, b->f_int);
          _mp_brief_put_num (b, s, r, 6, a->returns_high, b->f_int);
          any_return = TRUE;
        }
      else
        _mp_brief_put_num (b, s, r, 7, a->level, b->f_int);
      if (a->kind == MP_ASK_INFORMATION_CAMPAIGNS)
        any_campaign = TRUE;
    }
  _mp_brief_add_table (b, s, header, 0, header + n, headers, G_N_ELEMENTS (headers));
  row = header + n + 1;

  if (any_return)
    {
      g_autofree char *evidence = g_strdup_printf (
          /* TRANSLATORS: [EV] is the evaluation named in the sources on the cover */
          _("Evidence: the only measured effect of a Dutch partnership is about +%.0f forced returns a year (Morocco) [EV]."),
          mp_package_assumption_value (pkg, MP_ASSUMPTION_EVIDENCE_RETURNS));
      _mp_brief_put_para (b, s, row++, 0, MP_BRIEF_LAST_COL, evidence, b->f_note);
    }
  if (any_campaign)
    _mp_brief_put_para (b, s, row++, 0, MP_BRIEF_LAST_COL,
                        _("Information campaigns: no measurable effect on migration intentions (3ie review of 112 studies); the evaluation recommends stopping them [EV §3.3]."),
                        b->f_note);
  return row + 1;
}

static lxw_row_t
write_offer_tranches (MpBriefBook     *b,
                      MpBriefSheet    *s,
                      lxw_row_t        row,
                      const MpPackage *pkg)
{
  const char *headers[] = {
    _("Conditional tranche"),
    _("Released when delivered"),
    _("Release year"),
    _("Scheme"),
    _("Extra quota a year"),
  };
  guint n = pkg->tranches != NULL ? pkg->tranches->len : 0;
  lxw_row_t header;
  g_autofree char *note = NULL;

  if (n == 0)
    return row;
  _mp_brief_put_span (b, s, row++, 0, _("More for more: conditional tranches"), b->f_h2);
  header = row;
  for (guint i = 0; i < n; i++)
    {
      const MpTranche *t = g_ptr_array_index (pkg->tranches, i);
      lxw_row_t r = header + 1 + i;

      _mp_brief_put_text (b, s, r, 0, t->label, b->f_wrap);
      _mp_brief_put_text (b, s, r, 1, t->condition < MP_N_ASK_KINDS ? mp_ask_kind_label (t->condition) : NULL, b->f_wrap);
      _mp_brief_put_num (b, s, r, 2, t->release_year, b->f_year);
      _mp_brief_put_text (b, s, r, 3, t->scheme, b->f_wrap);
      _mp_brief_put_num (b, s, r, 4, t->extra_quota, b->f_int);
    }
  _mp_brief_add_table (b, s, header, 0, header + n, headers, G_N_ELEMENTS (headers));
  row = header + n + 1;
  note = g_strdup_printf (_("The projection counts each tranche weighted by the chance that the condition is met (%.0f %%)."),
                          100 * mp_package_assumption_value (pkg, MP_ASSUMPTION_P_CONDITION_MET));
  _mp_brief_put_para (b, s, row++, 0, MP_BRIEF_LAST_COL, note, b->f_note);
  return row + 1;
}

void
_mp_brief_write_offer (MpBriefBook        *b,
                       MpBriefSheet       *s,
                       const MpPackage    *pkg,
                       const MpEvaluation *eval,
                       const MpReference  *ref)
{
  lxw_row_t row = 0;

  /* The schemes table sets the columns; the notes of the offers and asks
   * tables below wrap inside them. */
  _mp_brief_put_span (b, s, row++, 0, _("The offer and the asks"), b->f_title);
  _mp_brief_put_span (b, s, row++, 0, pkg->name, b->f_subtitle);
  row++;
  row = write_offer_schemes (b, s, row, pkg, eval, ref);
  row = write_offer_offers (b, s, row, pkg, ref);
  row = write_offer_asks (b, s, row, pkg, ref);
  row = write_offer_tranches (b, s, row, pkg);

  if (pkg->schemes != NULL && pkg->schemes->len > 0)
    {
      _mp_brief_record (b, worksheet_repeat_rows (s->ws, 4, 4));
      worksheet_freeze_panes (s->ws, 5, 1);
    }
  _mp_brief_sheet_finish (b, s);
}

