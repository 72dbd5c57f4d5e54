/* fuzz-brief.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "fuzz-common.h"
#include "mp-assumptions.h"
#include "mp-brief.h"
#include "mp-evaluation.h"
#include "mp-json.h"
#include "mp-reference.h"

/* The brief writer fed with random VALID packages.
 *
 * The bytes drive the choices: kinds, partners and sectors from the shipped
 * reference, quotas, years and shares within the ranges of the JSON format
 * (including their ends), and hostile text for names, notes and the author
 * (formula text, OOXML escapes, control characters, right-to-left marks,
 * the longest names allowed).  A package the JSON validator refuses is
 * skipped (not a finding); every other one is evaluated, optionally with a
 * few Monte Carlo draws, and written as a brief (and, when the bytes ask for
 * it, as a comparison of 2 or 3 packages) to a temporary file that is then
 * deleted. */

typedef struct
{
  const uint8_t *data;
  size_t         size;
} Bytes;

static guint
take_byte (Bytes *b)
{
  guint v;

  if (b->size == 0)
    return 0;
  v = b->data[0];
  b->data++;
  b->size--;
  return v;
}

static guint32
take_u32 (Bytes *b)
{
  guint32 v = 0;

  for (int i = 0; i < 4; i++)
    v = (v << 8) | take_byte (b);
  return v;
}

/* An integer in [lo, hi], ends included. */
static int
take_int (Bytes *b,
          int    lo,
          int    hi)
{
  guint32 span = (guint32) (hi - lo) + 1;
  guint32 v = span <= 256 ? take_byte (b) : take_u32 (b);

  return lo + (int) (v % span);
}

static gboolean
take_bool (Bytes *b)
{
  return take_byte (b) & 1;
}

/* A number in [lo, hi]: often one of the ends or zero, otherwise spread out. */
static double
take_double (Bytes  *b,
             double  lo,
             double  hi)
{
  guint sel = take_byte (b);

  switch (sel % 8)
    {
    case 0: return lo;
    case 1: return hi;
    case 2: return lo <= 0 && 0 <= hi ? 0 : lo;
    case 3: return lo + (hi - lo) * 1e-9;
    case 4: return lo + (hi - lo) * ((double) take_byte (b) / 255.0);
    default:
      return lo + (hi - lo) * ((double) take_u32 (b) / (double) G_MAXUINT32);
    }
}

static const char * const hostile[] = {
  "=HYPERLINK(\"http://example.invalid\",\"click\")",
  "@SUM(1)",
  "+1+1",
  "-2+3",
  "=1+1",
  "'); DROP TABLE packages;--",
  "_x0000_",
  "_x0041_ _xD800_",
  "<b>&amp;</b>\"'",
  "\t\r\n",
  "\xe2\x80\xae\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d",   /* RLO, Hebrew */
  "\xf0\x9f\x92\xa9\xf0\x9f\x87\xb3\xf0\x9f\x87\xb1",   /* emoji, flag */
  "\xef\xbf\xbe\xef\xbf\xbf",                       /* U+FFFE U+FFFF */
  "\x01\x02\x1f\x7f",
  "Sheet1!A1",
  "[1]Brief!$A$1",
  "%s%n%x",
  "\\\\server\\share",
  "'",
  "*?:/\\[]",
};

/* A name or text of at most @max characters, valid UTF-8; non-empty
 * (after stripping) when @nonempty. */
static char *
take_text (Bytes    *b,
           int       max,
           gboolean  nonempty)
{
  g_autoptr(GString) s = g_string_new (NULL);
  guint sel = take_byte (b);
  char *valid;

  if (sel % 4 == 0)
    g_string_append (s, hostile[take_byte (b) % G_N_ELEMENTS (hostile)]);
  if (sel % 7 == 1)
    {
      /* the longest text allowed, of a multi-byte character */
      for (int i = 0; i < max; i++)
        g_string_append (s, i % 2 ? "\xc3\xa9" : "\xe2\x82\xac");
    }
  else
    {
      guint len = take_byte (b) % 48;

      for (guint i = 0; i < len && b->size > 0; i++)
        g_string_append_c (s, (char) take_byte (b));
    }

  valid = g_utf8_make_valid (s->str, (gssize) s->len);
  /* NUL bytes end the C string: what is before them is the text. */
  if (g_utf8_strlen (valid, -1) > max)
    {
      char *end = g_utf8_offset_to_pointer (valid, max);

      *end = '\0';
    }
  if (nonempty)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (valid));

      if (stripped[0] == '\0')
        {
          g_free (valid);
          valid = g_strdup_printf ("=N%u", take_byte (b));
        }
    }

  return valid;
}

static const char *
pick_partner (Bytes           *b,
              const MpPackage *pkg)
{
  guint n = g_strv_length (pkg->partners);

  return pkg->partners[take_byte (b) % n];
}

static const char *
pick_sector (Bytes             *b,
             const MpReference *ref)
{
  const MpSector *s = g_ptr_array_index (ref->sectors, take_byte (b) % ref->sectors->len);

  return s->code;
}

static MpPackage *
make_package (Bytes             *b,
              const MpReference *ref)
{
  g_autofree char *name = take_text (b, MP_JSON_MAX_NAME, TRUE);
  g_autoptr(MpPackage) pkg = mp_package_new (name);
  g_autoptr(GPtrArray) partners = g_ptr_array_new ();
  guint n_partners = 1 + take_byte (b) % 3;
  guint n;

  g_free (pkg->description);
  pkg->description = take_bool (b) ? take_text (b, MP_JSON_MAX_TEXT, FALSE) : NULL;

  /* partners: distinct, from the reference, never the Netherlands */
  for (guint i = 0; i < n_partners * 4 && partners->len < n_partners; i++)
    {
      const MpPartner *p = g_ptr_array_index (ref->partners, take_byte (b) % ref->partners->len);

      if (mp_partner_is_reference_country (p))
        continue;
      if (!g_ptr_array_find_with_equal_func (partners, p->iso3, g_str_equal, NULL))
        g_ptr_array_add (partners, p->iso3);
    }
  if (partners->len == 0)
    {
      for (guint i = 0; i < ref->partners->len && partners->len == 0; i++)
        {
          const MpPartner *p = g_ptr_array_index (ref->partners, i);

          if (!mp_partner_is_reference_country (p))
            g_ptr_array_add (partners, p->iso3);
        }
    }
  g_ptr_array_add (partners, NULL);
  g_strfreev (pkg->partners);
  pkg->partners = g_strdupv ((char **) partners->pdata);

  pkg->start_year = take_int (b, 2000, 2100);
  pkg->horizon = take_int (b, 1, MP_JSON_MAX_HORIZON);
  pkg->draws = (guint) take_int (b, 0, 50);
  pkg->seed = take_u32 (b);

  n = take_byte (b) % 7;
  for (guint i = 0; i < n; i++)
    {
      MpScheme *s = mp_scheme_new ();
      g_autofree char *base = take_text (b, MP_JSON_MAX_NAME - 8, TRUE);

      s->name = g_strdup_printf ("%s %u", base, i);   /* unique */
      s->kind = take_byte (b) % MP_N_SCHEME_KINDS;
      s->partner = g_strdup (pick_partner (b, pkg));
      s->sector = g_strdup (pick_sector (b, ref));
      s->quota = take_double (b, 0, MP_JSON_MAX_QUOTA);
      s->first_year = take_int (b, pkg->start_year, pkg->start_year + pkg->horizon - 1);
      s->intake_years = take_int (b, 0, MP_JSON_MAX_HORIZON);
      s->months = take_int (b, 1, 12);
      s->stays = take_int (b, 1, MP_JSON_MAX_HORIZON);
      s->mandatory_return = take_bool (b);
      s->training_months = take_double (b, 0, 60);
      s->home_track_ratio = take_double (b, 0, 100);
      s->cost_per_participant = take_double (b, 0, 1e7);
      s->employer_share = take_double (b, 0, 1);
      s->recruitment_fees = take_bool (b) ? 0 : take_double (b, 0, 1e7);
      s->language_support = take_bool (b);
      s->complaints_channel = take_bool (b);
      s->reintegration_support = take_bool (b);
      s->g2g_health_support = take_bool (b);
      s->return_incentives = take_bool (b);
      g_ptr_array_add (pkg->schemes, s);
    }

  n = take_byte (b) % 5;
  for (guint i = 0; i < n; i++)
    {
      MpOffer *o = mp_offer_new ();

      o->kind = take_byte (b) % MP_N_OFFER_KINDS;
      o->partner = g_strdup (pick_partner (b, pkg));
      o->sector = take_bool (b) ? g_strdup (pick_sector (b, ref)) : NULL;
      o->amount = o->kind == MP_OFFER_VISA ? take_int (b, 0, 3) : take_double (b, 0, 1e12);
      o->jobs = take_double (b, 0, 1e7);
      o->note = take_bool (b) ? take_text (b, MP_JSON_MAX_TEXT, FALSE) : NULL;
      g_ptr_array_add (pkg->offers, o);
    }

  n = take_byte (b) % 5;
  for (guint i = 0; i < n; i++)
    {
      MpAsk *a = mp_ask_new ();
      double r[3];

      a->kind = take_byte (b) % MP_N_ASK_KINDS;
      a->partner = g_strdup (pick_partner (b, pkg));
      for (int k = 0; k < 3; k++)
        r[k] = take_double (b, 0, 1e7);
      if (r[0] > r[1]) { double t = r[0]; r[0] = r[1]; r[1] = t; }
      if (r[1] > r[2]) { double t = r[1]; r[1] = r[2]; r[2] = t; }
      if (r[0] > r[1]) { double t = r[0]; r[0] = r[1]; r[1] = t; }
      a->returns_low = r[0];
      a->returns_mode = r[1];
      a->returns_high = r[2];
      a->level = take_int (b, 0, 3);
      a->note = take_bool (b) ? take_text (b, MP_JSON_MAX_TEXT, FALSE) : NULL;
      g_ptr_array_add (pkg->asks, a);
    }

  n = pkg->schemes->len > 0 ? take_byte (b) % 4 : 0;
  for (guint i = 0; i < n; i++)
    {
      MpTranche *t = mp_tranche_new ();
      const MpScheme *s = g_ptr_array_index (pkg->schemes, take_byte (b) % pkg->schemes->len);

      t->label = take_text (b, MP_JSON_MAX_NAME, TRUE);
      t->scheme = g_strdup (s->name);
      t->release_year = take_int (b, pkg->start_year, pkg->start_year + pkg->horizon - 1);
      t->extra_quota = take_double (b, 0, MP_JSON_MAX_QUOTA);
      t->condition = take_byte (b) % MP_N_ASK_KINDS;
      g_ptr_array_add (pkg->tranches, t);
    }

  /* assumption overrides within their valid domain, in order */
  n = take_byte (b) % 4;
  for (guint i = 0; i < n; i++)
    {
      const MpAssumptionInfo *info = mp_assumption_info (take_byte (b) % MP_N_ASSUMPTIONS);
      double r[3];

      if (mp_package_assumption_overridden (pkg, info->key))
        continue;
      for (int k = 0; k < 3; k++)
        r[k] = take_double (b, info->min, info->max);
      if (r[0] > r[1]) { double t = r[0]; r[0] = r[1]; r[1] = t; }
      if (r[1] > r[2]) { double t = r[1]; r[1] = r[2]; r[2] = t; }
      if (r[0] > r[1]) { double t = r[0]; r[0] = r[1]; r[1] = t; }
      g_ptr_array_add (pkg->assumptions, mp_assumption_new (info->key, r[0], r[1], r[2]));
    }

  for (int i = 0; i < MP_N_INTERESTS; i++)
    {
      guint sel = take_byte (b) % 4;

      pkg->interest_weights[i] = sel == 0 ? take_double (b, 0, 5) : NAN;
      pkg->interest_scales[i] = sel == 1 ? take_double (b, 1e-9, 1e15) : NAN;
    }
  for (int i = 0; i < MP_N_NL_COMPONENTS; i++)
    pkg->nl_weights[i] = take_double (b, 0, 5);

  return g_steal_pointer (&pkg);
}

int
mp_fuzz_brief (const uint8_t *data,
               size_t         size)
{
  const MpReference *ref = mp_fuzz_reference ();
  Bytes b = { data, size };
  g_autoptr(GPtrArray) packages = g_ptr_array_new_with_free_func ((GDestroyNotify) mp_package_free);
  g_autoptr(GPtrArray) evals = g_ptr_array_new_with_free_func ((GDestroyNotify) mp_evaluation_free);
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *author = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  MpBriefOptions opts = { 0 };
  guint flags = take_byte (&b);
  guint n_packages = (flags & 0x10) ? 2 + (flags >> 5) % 2 : 1;

  for (guint i = 0; i < n_packages; i++)
    {
      g_autoptr(MpPackage) pkg = make_package (&b, ref);
      g_autoptr(MpEvaluation) eval = NULL;

      if (!mp_json_validate_package (pkg, ref, NULL, &error))
        return 0;   /* not a valid package: not this target's input */

      eval = mp_evaluate (pkg, ref, &error);
      if (eval == NULL)
        g_error ("A valid package cannot be evaluated: %s", error->message);
      if (pkg->draws > 0 &&
          !mp_evaluation_run_uncertainty (eval, pkg, ref, pkg->draws, pkg->seed,
                                          NULL, NULL, NULL, &error))
        g_error ("The uncertainty of a valid package cannot be computed: %s", error->message);

      g_ptr_array_add (packages, g_steal_pointer (&pkg));
      g_ptr_array_add (evals, g_steal_pointer (&eval));
    }

  date = g_date_time_new_utc (take_int (&b, 2000, 2100), take_int (&b, 1, 12),
                              take_int (&b, 1, 28), 0, 0, 0);
  author = (flags & 2) ? take_text (&b, MP_JSON_MAX_NAME, FALSE) : NULL;
  opts.language = (flags & 1) ? "nl" : "en";
  opts.date = date;
  opts.author = author;
  path = g_build_filename (mp_fuzz_tmpdir (), "fuzz-brief.xlsx", NULL);

  if (!mp_brief_write (g_ptr_array_index (packages, 0), g_ptr_array_index (evals, 0),
                       ref, &opts, path, &error))
    g_error ("The brief of a valid package cannot be written: %s", error->message);
  g_unlink (path);

  if (packages->len >= MP_BRIEF_MIN_COMPARE)
    {
      if (!mp_brief_write_comparison (packages, evals, ref, &opts, path, &error))
        g_error ("The comparison of valid packages cannot be written: %s", error->message);
      g_unlink (path);
    }

  return 0;
}

MP_FUZZ_DEFINE_TARGET (mp_fuzz_brief)
