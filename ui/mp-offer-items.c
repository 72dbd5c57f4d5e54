/* mp-offer-items.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-offer-items"

#include "config.h"

#include <glib/gi18n.h>

#include "mp-evaluation.h"
#include "mp-format.h"
#include "mp-offer-items.h"

/* ---- Shared ------------------------------------------------------------------ */

static const MpRowDesc note_row = {
  MP_ROW_ENTRY, N_("Note"), NULL, NULL, 0, MP_VALUE_STRING, 0,
};

static gboolean
is_regional (const MpPackage *package)
{
  return package->partners != NULL && g_strv_length (package->partners) > 1;
}

/* The kinds of the items and the partners they can be for. */
static char *
dup_kinds_shape (const MpPackage *package,
                 GPtrArray       *items,
                 gsize            kind_offset)
{
  GString *shape = g_string_new (NULL);

  if (package->partners != NULL)
    {
      g_autofree char *partners = g_strjoinv (",", package->partners);

      g_string_append (shape, partners);
    }
  g_string_append_c (shape, ';');
  for (guint i = 0; i < items->len; i++)
    g_string_append_printf (shape, "%d,", G_STRUCT_MEMBER (int, g_ptr_array_index (items, i), kind_offset));

  return g_string_free (shape, FALSE);
}

/* In a regional package, the partner an item is for. */
static void
add_partner_choice (MpItemRow       *row,
                    MpSession       *session,
                    const MpPackage *package,
                    gsize            offset)
{
  const MpRowDesc desc = {
    MP_ROW_COMBO, N_("Partner"), NULL, NULL, 0, MP_VALUE_CODE, offset,
  };
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  MpRow *field;

  if (!is_regional (package))
    return;

  for (guint i = 0; package->partners[i] != NULL; i++)
    g_strv_builder_add (labels, mp_session_get_partner_name (session, package->partners[i]));
  strv = g_strv_builder_end (labels);

  field = mp_item_row_add_field (row, &desc);
  mp_row_set_choices (field, (const char * const *) strv, (const char * const *) package->partners);
}

static void
add_note (MpItemRow *row,
          gsize      offset)
{
  MpRowDesc desc = note_row;

  desc.offset = offset;
  mp_item_row_add_field (row, &desc);
}

/* ---- Other offers ---------------------------------------------------------------- */

#define OFFER_AMOUNT(unit, spin) \
  { MP_ROW_SPIN, N_("Amount"), NULL, unit, spin, MP_VALUE_DOUBLE, G_STRUCT_OFFSET (MpOffer, amount) }

static const MpRowDesc offer_amount_rows[MP_N_OFFER_KINDS] = {
  [MP_OFFER_INVESTMENT] = OFFER_AMOUNT (N_("€ a year"), MP_SPIN_OFFER_MONEY),
  [MP_OFFER_TRADE] = OFFER_AMOUNT (N_("€ a year"), MP_SPIN_OFFER_MONEY),
  [MP_OFFER_SCHOLARSHIPS] = OFFER_AMOUNT (N_("a year"), MP_SPIN_OFFER_SCHOLARSHIPS),
  [MP_OFFER_VISA] = OFFER_AMOUNT (N_("level 0–3"), MP_SPIN_OFFER_VISA_LEVEL),
  [MP_OFFER_CAPACITY_BUILDING] = OFFER_AMOUNT (N_("€ a year"), MP_SPIN_OFFER_MONEY),
};

static const MpRowDesc offer_jobs_row = {
  MP_ROW_SPIN, N_("Jobs created"), N_("In the partner country"), N_("jobs"), MP_SPIN_OFFER_JOBS,
  MP_VALUE_DOUBLE, G_STRUCT_OFFSET (MpOffer, jobs),
};

static char *
format_offer (const MpOffer *offer)
{
  switch (offer->kind)
    {
    case MP_OFFER_INVESTMENT:
    case MP_OFFER_TRADE:
    case MP_OFFER_CAPACITY_BUILDING:
      {
        g_autofree char *money = mp_format_money (offer->amount);

        /* Translators: an amount of money a year, e.g. "€ 10 m a year" */
        return g_strdup_printf (_("%s a year"), money);
      }
    case MP_OFFER_SCHOLARSHIPS:
      {
        g_autofree char *n = mp_format_number (offer->amount, 0);

        return g_strdup_printf (_("%s scholarships a year"), n);
      }
    case MP_OFFER_VISA:
      return g_strdup_printf (_("Level %.0f of 3 (information only: visas are an EU competence)"), offer->amount);
    case MP_N_OFFER_KINDS:
    default:
      return g_strdup ("");
    }
}

static char *
dup_offers_shape (const MpPackage *package)
{
  return dup_kinds_shape (package, package->offers, G_STRUCT_OFFSET (MpOffer, kind));
}

static void
build_offer (MpItemRow       *row,
             MpSession       *session,
             const MpPackage *package,
             gconstpointer    item)
{
  const MpOffer *offer = item;

  g_return_if_fail (offer->kind < MP_N_OFFER_KINDS);

  mp_item_row_add_field (row, &offer_amount_rows[offer->kind]);
  if (offer->kind == MP_OFFER_TRADE)
    mp_item_row_add_field (row, &offer_jobs_row);
  add_partner_choice (row, session, package, G_STRUCT_OFFSET (MpOffer, partner));
  add_note (row, G_STRUCT_OFFSET (MpOffer, note));
}

static const char *
get_offer_title (gconstpointer item)
{
  return mp_offer_kind_label (((const MpOffer *) item)->kind);
}

static char *
dup_offer_subtitle (MpSession       *session,
                    const MpPackage *package,
                    gconstpointer    item)
{
  const MpOffer *offer = item;
  g_autofree char *subtitle = format_offer (offer);

  if (is_regional (package))
    return g_strdup_printf ("%s · %s", mp_session_get_partner_name (session, offer->partner), subtitle);

  return g_steal_pointer (&subtitle);
}

const MpItemListSpec mp_other_offers_spec = {
  G_STRUCT_OFFSET (MpPackage, offers),
  N_("Edit offer"),
  N_("Remove offer"),
  NULL,
  dup_offers_shape,
  build_offer,
  get_offer_title,
  dup_offer_subtitle,
  NULL,
};

MpOffer *
mp_offer_items_new_offer (const MpPackage *package,
                          MpOfferKind      kind)
{
  MpOffer *offer = mp_offer_new ();

  offer->kind = kind;
  offer->partner = g_strdup (package->partners && package->partners[0] ? package->partners[0] : NULL);
  switch (kind)
    {
    case MP_OFFER_INVESTMENT:
    case MP_OFFER_TRADE:
    case MP_OFFER_CAPACITY_BUILDING:
      offer->amount = 1000000;
      break;
    case MP_OFFER_SCHOLARSHIPS:
      offer->amount = 20;
      break;
    case MP_OFFER_VISA:
      offer->amount = 1;
      break;
    case MP_N_OFFER_KINDS:
    default:
      break;
    }

  return offer;
}

/* ---- Asks ---------------------------------------------------------------------------- */

#define ASK_RETURNS(title, field) \
  { MP_ROW_SPIN, title, NULL, N_("a year"), MP_SPIN_ASK_RETURNS, MP_VALUE_DOUBLE, G_STRUCT_OFFSET (MpAsk, field) }

static const MpRowDesc ask_returns_rows[] = {
  ASK_RETURNS (N_("Expected extra returns, low"), returns_low),
  ASK_RETURNS (N_("Expected extra returns, most likely"), returns_mode),
  ASK_RETURNS (N_("Expected extra returns, high"), returns_high),
};

static const MpRowDesc ask_level_row = {
  MP_ROW_SPIN, N_("Agreed level"), N_("0 none, 1 limited, 2 substantial, 3 full"), NULL, MP_SPIN_ASK_LEVEL,
  MP_VALUE_INT, G_STRUCT_OFFSET (MpAsk, level),
};

static gboolean
ask_has_returns (MpAskKind kind)
{
  return kind == MP_ASK_RETURN_READMISSION || kind == MP_ASK_VOLUNTARY_RETURN || kind == MP_ASK_RETURN_HUBS;
}

static const char *
ask_evidence (MpAskKind kind)
{
  switch (kind)
    {
    case MP_ASK_INFORMATION_CAMPAIGNS:
      return _("Evidence: no measurable effect on migration intentions (3ie review of 112 studies); the evaluation recommends stopping them [evaluation §3.3].");
    case MP_ASK_RETURN_READMISSION:
    case MP_ASK_VOLUNTARY_RETURN:
    case MP_ASK_RETURN_HUBS:
      return _("Evidence: the only measured effect of a Dutch partnership was about +112 forced returns a year (Morocco) [evaluation].");
    case MP_ASK_REFOULEMENT_TRANSFERS:
    case MP_ASK_PUSHBACKS:
    case MP_ASK_DETENTION_WITHOUT_RIGHTS:
      return _("Never allowed, whatever the country: it breaches non-refoulement or the rights of the people concerned [advisory report, rec. 3].");
    case MP_ASK_PROTECTION_IN_REGION:
    case MP_ASK_ANTI_SMUGGLING:
    case MP_ASK_BORDER_MANAGEMENT:
    case MP_ASK_COAST_GUARD:
    case MP_ASK_EXTERNAL_ASYLUM:
    case MP_N_ASK_KINDS:
    default:
      return NULL;
    }
}

static char *
dup_asks_shape (const MpPackage *package)
{
  return dup_kinds_shape (package, package->asks, G_STRUCT_OFFSET (MpAsk, kind));
}

static void
build_ask (MpItemRow       *row,
           MpSession       *session,
           const MpPackage *package,
           gconstpointer    item)
{
  const MpAsk *ask = item;
  GtkWidget *expander = mp_item_row_get_expander (row);
  const char *evidence = ask_evidence (ask->kind);
  gboolean never = FALSE;

  mp_ask_measure_risk (ask->kind, &never);
  if (never)
    {
      adw_expander_row_add_prefix (ADW_EXPANDER_ROW (expander),
                                   gtk_image_new_from_icon_name ("dialog-error-symbolic"));
      gtk_widget_add_css_class (expander, "error");
    }

  if (ask_has_returns (ask->kind))
    {
      for (guint i = 0; i < G_N_ELEMENTS (ask_returns_rows); i++)
        mp_item_row_add_field (row, &ask_returns_rows[i]);
    }
  else if (ask->kind != MP_ASK_INFORMATION_CAMPAIGNS)
    mp_item_row_add_field (row, &ask_level_row);

  add_partner_choice (row, session, package, G_STRUCT_OFFSET (MpAsk, partner));

  if (evidence != NULL)
    {
      GtkWidget *evidence_row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (evidence_row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (evidence_row), evidence);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (evidence_row), 0);
      adw_action_row_add_prefix (ADW_ACTION_ROW (evidence_row),
                                 gtk_image_new_from_icon_name ("dialog-information-symbolic"));
      mp_item_row_add_row (row, evidence_row);
    }

  add_note (row, G_STRUCT_OFFSET (MpAsk, note));
}

static const char *
get_ask_title (gconstpointer item)
{
  return mp_ask_kind_label (((const MpAsk *) item)->kind);
}

static char *
dup_ask_subtitle (MpSession       *session,
                  const MpPackage *package,
                  gconstpointer    item)
{
  const MpAsk *ask = item;
  gboolean never = FALSE;
  MpRisk risk = mp_ask_measure_risk (ask->kind, &never);
  GString *subtitle = g_string_new (NULL);

  if (is_regional (package))
    g_string_append_printf (subtitle, "%s · ", mp_session_get_partner_name (session, ask->partner));
  if (never)
    g_string_append (subtitle, _("Never allowed"));
  else
    /* Translators: %s is a risk class: low, medium, high */
    g_string_append_printf (subtitle, _("Measure risk: %s"), mp_risk_label (risk));
  if (ask_has_returns (ask->kind))
    {
      g_autofree char *mode = mp_format_number (ask->returns_mode, 0);

      g_string_append_printf (subtitle, _(" · %s extra returns a year"), mode);
    }

  return g_string_free (subtitle, FALSE);
}

/* Keeps low ≤ mode ≤ high while one of them is edited. */
static void
ask_edited (gpointer item,
            gsize    offset)
{
  MpAsk *ask = item;

  if (offset == G_STRUCT_OFFSET (MpAsk, returns_low))
    {
      ask->returns_mode = MAX (ask->returns_mode, ask->returns_low);
      ask->returns_high = MAX (ask->returns_high, ask->returns_mode);
    }
  else if (offset == G_STRUCT_OFFSET (MpAsk, returns_high))
    {
      ask->returns_mode = MIN (ask->returns_mode, ask->returns_high);
      ask->returns_low = MIN (ask->returns_low, ask->returns_mode);
    }
  else if (offset == G_STRUCT_OFFSET (MpAsk, returns_mode))
    {
      ask->returns_low = MIN (ask->returns_low, ask->returns_mode);
      ask->returns_high = MAX (ask->returns_high, ask->returns_mode);
    }
}

const MpItemListSpec mp_asks_spec = {
  G_STRUCT_OFFSET (MpPackage, asks),
  N_("Edit ask"),
  N_("Remove ask"),
  NULL,
  dup_asks_shape,
  build_ask,
  get_ask_title,
  dup_ask_subtitle,
  ask_edited,
};

MpAsk *
mp_offer_items_new_ask (const MpPackage *package,
                        MpAskKind        kind)
{
  MpAsk *ask = mp_ask_new ();

  ask->kind = kind;
  ask->partner = g_strdup (package->partners && package->partners[0] ? package->partners[0] : NULL);
  if (ask_has_returns (ask->kind))
    {
      ask->returns_low = 0;
      ask->returns_mode = 112;
      ask->returns_high = 300;
    }
  else if (ask->kind != MP_ASK_INFORMATION_CAMPAIGNS)
    ask->level = 1;

  return ask;
}

/* ---- Tranches ---------------------------------------------------------------------- */

static const MpRowDesc tranche_rows[] = {
  { MP_ROW_ENTRY, N_("Label"), NULL, NULL, 0, MP_VALUE_STRING, G_STRUCT_OFFSET (MpTranche, label) },
  { MP_ROW_COMBO, N_("Scheme"), N_("The scheme that gets the extra quota"), NULL, 0,
    MP_VALUE_CODE, G_STRUCT_OFFSET (MpTranche, scheme) },
  { MP_ROW_SPIN, N_("Extra quota"), NULL, N_("a year"), MP_SPIN_TRANCHE_QUOTA,
    MP_VALUE_DOUBLE, G_STRUCT_OFFSET (MpTranche, extra_quota) },
  { MP_ROW_SPIN, N_("Released from"), NULL, NULL, MP_SPIN_TRANCHE_YEAR,
    MP_VALUE_INT, G_STRUCT_OFFSET (MpTranche, release_year) },
  { MP_ROW_COMBO, N_("When delivered"), N_("The ask that releases the tranche"), NULL, 0,
    MP_VALUE_ENUM, G_STRUCT_OFFSET (MpTranche, condition) },
};

/* How many tranches, and the schemes they can name. */
static char *
dup_tranches_shape (const MpPackage *package)
{
  GString *shape = g_string_new (NULL);

  g_string_append_printf (shape, "%u;", package->tranches->len);
  for (guint i = 0; i < package->schemes->len; i++)
    g_string_append_printf (shape, "%s\x1f", ((MpScheme *) g_ptr_array_index (package->schemes, i))->name);

  return g_string_free (shape, FALSE);
}

static void
build_tranche (MpItemRow       *row,
               MpSession       *session,
               const MpPackage *package,
               gconstpointer    item)
{
  g_autoptr(GStrvBuilder) ask_builder = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) scheme_builder = g_strv_builder_new ();
  g_auto(GStrv) ask_labels = NULL;
  g_auto(GStrv) scheme_names = NULL;

  for (int k = 0; k < MP_N_ASK_KINDS; k++)
    g_strv_builder_add (ask_builder, mp_ask_kind_label (k));
  ask_labels = g_strv_builder_end (ask_builder);
  for (guint s = 0; s < package->schemes->len; s++)
    g_strv_builder_add (scheme_builder, ((MpScheme *) g_ptr_array_index (package->schemes, s))->name);
  scheme_names = g_strv_builder_end (scheme_builder);

  for (guint i = 0; i < G_N_ELEMENTS (tranche_rows); i++)
    {
      MpRow *field = mp_item_row_add_field (row, &tranche_rows[i]);

      if (tranche_rows[i].type == MP_VALUE_CODE)
        mp_row_set_choices (field, (const char * const *) scheme_names, (const char * const *) scheme_names);
      else if (tranche_rows[i].type == MP_VALUE_ENUM)
        mp_row_set_choices (field, (const char * const *) ask_labels, NULL);
    }
}

static const char *
get_tranche_title (gconstpointer item)
{
  const MpTranche *tranche = item;

  return tranche->label && tranche->label[0] ? tranche->label : _("Tranche");
}

static char *
dup_tranche_subtitle (MpSession       *session,
                      const MpPackage *package,
                      gconstpointer    item)
{
  const MpTranche *tranche = item;
  g_autofree char *quota = mp_format_number (tranche->extra_quota, 0);

  /* Translators: a conditional tranche: extra quota, scheme, year, condition */
  return g_strdup_printf (_("+%s a year for “%s” from %d, when %s is delivered"),
                          quota, tranche->scheme ? tranche->scheme : "", tranche->release_year,
                          mp_ask_kind_label (tranche->condition));
}

const MpItemListSpec mp_tranches_spec = {
  G_STRUCT_OFFSET (MpPackage, tranches),
  N_("Edit tranche"),
  N_("Remove tranche"),
  N_("Remove tranche"),
  dup_tranches_shape,
  build_tranche,
  get_tranche_title,
  dup_tranche_subtitle,
  NULL,
};
