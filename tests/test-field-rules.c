/* test-field-rules.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "mp-document.h"
#include "mp-evaluation.h"
#include "mp-field-rules.h"
#include "mp-json.h"
#include "mp-reference.h"
#include "mp-validate.h"

/* The one table of field rules (models/domain/mp-field-rules.c) against
 * every path that takes a value in: for every number field, its maximum and
 * minimum are accepted and the value just beyond each is refused, with the
 * table's message, by the JSON reader, the document store (after reopening,
 * the value is still there), the engine (or, for reference data, the
 * validator) and "mobility-planner-cli edit".  The table also agrees with
 * data/mp-package.schema.json, with mp_indicator_range() and with the
 * defaults of the constructors. */

static MpReference *reference;   /* the shipped reference data */

#define PARTNER "MAR"
#define SECTOR  "agriculture_horticulture"

static gboolean
is_number_row (const MpFieldRule *rule)
{
  return mp_field_is_number (rule) && rule->entity != MP_FIELD_ENTITY_NONE;
}

static gboolean
is_reference_row (const MpFieldRule *rule)
{
  return rule->entity == MP_FIELD_ENTITY_PARTNER || rule->entity == MP_FIELD_ENTITY_INDICATOR ||
         rule->entity == MP_FIELD_ENTITY_VALUE || rule->entity == MP_FIELD_ENTITY_SECTOR;
}

/* ---- Building packages with one field set ----------------------------------- */

static MpPackage *
base_package (const char *name)
{
  MpPackage *p = mp_package_new (name);
  MpScheme *s = mp_scheme_new ();
  MpOffer *investment = mp_offer_new ();
  MpOffer *visa = mp_offer_new ();
  MpAsk *a = mp_ask_new ();
  MpTranche *t = mp_tranche_new ();

  g_strfreev (p->partners);
  p->partners = g_strsplit (PARTNER, ",", -1);
  p->start_year = 2027;
  p->horizon = 10;

  s->name = g_strdup ("Harvest");
  s->kind = MP_SCHEME_SEASONAL;
  s->partner = g_strdup (PARTNER);
  s->sector = g_strdup (SECTOR);
  s->quota = 100;
  s->first_year = 2027;
  s->months = 6;
  g_ptr_array_add (p->schemes, s);

  investment->kind = MP_OFFER_INVESTMENT;
  investment->partner = g_strdup (PARTNER);
  investment->amount = 1e6;
  g_ptr_array_add (p->offers, investment);
  visa->kind = MP_OFFER_VISA;
  visa->partner = g_strdup (PARTNER);
  visa->amount = 1;
  g_ptr_array_add (p->offers, visa);

  a->kind = MP_ASK_RETURN_READMISSION;
  a->partner = g_strdup (PARTNER);
  a->returns_low = 10;
  a->returns_mode = 20;
  a->returns_high = 30;
  a->level = 1;
  g_ptr_array_add (p->asks, a);

  t->label = g_strdup ("More for more");
  t->scheme = g_strdup ("Harvest");
  t->release_year = 2027;
  t->extra_quota = 10;
  g_ptr_array_add (p->tranches, t);

  return p;
}

/* The struct that holds @rule's field in @p or @ref. */
static gpointer
object_of (const MpFieldRule *rule,
           MpPackage         *p,
           MpReference       *ref)
{
  switch (rule->entity)
    {
    case MP_FIELD_ENTITY_PACKAGE:
      return p;
    case MP_FIELD_ENTITY_SCHEME:
      return g_ptr_array_index (p->schemes, 0);
    case MP_FIELD_ENTITY_OFFER:
      /* the visa level is the rule of the amount of the visa offer */
      return g_ptr_array_index (p->offers, rule->id == MP_FIELD_OFFER_VISA_LEVEL ? 1 : 0);
    case MP_FIELD_ENTITY_ASK:
      return g_ptr_array_index (p->asks, 0);
    case MP_FIELD_ENTITY_TRANCHE:
      return g_ptr_array_index (p->tranches, 0);
    case MP_FIELD_ENTITY_PARTNER:
    case MP_FIELD_ENTITY_INDICATOR:
      return mp_reference_find_partner (ref, PARTNER);
    case MP_FIELD_ENTITY_VALUE:
      return &mp_reference_find_partner (ref, PARTNER)->ind[MP_IND_POPULATION];
    case MP_FIELD_ENTITY_SECTOR:
      return mp_reference_find_sector (ref, SECTOR);
    case MP_FIELD_ENTITY_NONE:
    default:
      g_assert_not_reached ();
    }
}

/* Sets @rule's field to @v in @p (or @ref), with what it depends on set so
 * that only @v can make the package invalid: the years within the horizon,
 * the three ends of the returns in order. */
static void
set_field (const MpFieldRule *rule,
           MpPackage         *p,
           MpReference       *ref,
           double             v)
{
  gpointer object = object_of (rule, p, ref);
  MpFieldId id = rule->id == MP_FIELD_OFFER_VISA_LEVEL ? MP_FIELD_OFFER_AMOUNT : rule->id;
  MpScheme *s = g_ptr_array_index (p->schemes, 0);
  MpTranche *t = g_ptr_array_index (p->tranches, 0);

  if (rule->flags & MP_FIELD_WITHIN_HORIZON || rule->id == MP_FIELD_PACKAGE_START_YEAR)
    {
      int year = (int) CLAMP (v, 2000, 2100);

      p->start_year = MAX (2000, year - p->horizon + 1);
      s->first_year = t->release_year = year;
    }
  if (rule->entity == MP_FIELD_ENTITY_ASK && rule->id != MP_FIELD_ASK_LEVEL)
    {
      MpAsk *a = object;

      a->returns_low = a->returns_mode = a->returns_high = CLAMP (v, rule->min, rule->max);
    }

  if (rule->storage == MP_FIELD_STORAGE_UINT64)
    G_STRUCT_MEMBER (guint64, object, rule->offset) =
      v > rule->max ? (guint64) G_MAXINT64 + 1 : v >= rule->max ? (guint64) G_MAXINT64 : (guint64) v;
  else
    mp_field_set (id, object, 0, v);
}

/* The limits of @rule and the values just beyond them: one more for a whole
 * number, a millionth more (of the limit, or of one) for others. */
typedef struct
{
  double value;
  gboolean valid;
  const char *what;
} Probe;

static double
beyond (const MpFieldRule *rule,
        double             limit,
        int                direction)
{
  if (rule->type == MP_FIELD_TYPE_INTEGER)
    return limit + direction;
  return limit + direction * MAX (fabs (limit), 1.0) * 1e-6;
}

/* Below the minimum only where the struct can hold it: not in an unsigned
 * member. */
static guint
probes_of (const MpFieldRule *rule,
           Probe              probes[4])
{
  gboolean is_unsigned = rule->storage == MP_FIELD_STORAGE_UINT ||
                         rule->storage == MP_FIELD_STORAGE_UINT64;

  probes[0] = (Probe) { rule->max, TRUE, "max" };
  probes[1] = (Probe) { beyond (rule, rule->max, +1), FALSE, "max+" };
  if (rule->storage == MP_FIELD_STORAGE_UINT64)
    probes[1].value = rule->max + 1e6;   /* 2^63 is not a double's step from it */
  if (rule->min_exclusive)
    {
      probes[2] = (Probe) { beyond (rule, rule->min, +1), TRUE, "min+" };
      probes[3] = (Probe) { rule->min, FALSE, "min" };
    }
  else
    {
      probes[2] = (Probe) { rule->min, TRUE, "min" };
      probes[3] = (Probe) { beyond (rule, rule->min, -1), FALSE, "min-" };
    }

  return is_unsigned ? 3 : 4;
}

static void
assert_names_rule (const GError      *error,
                   const MpFieldRule *rule)
{
  g_assert_nonnull (error);
  if (strstr (error->message, rule->name) == NULL ||
      (strstr (error->message, "out of range") == NULL &&
       strstr (error->message, "not a whole number") == NULL))
    g_error ("%s: the message “%s” does not give the table's rule", rule->key, error->message);
}

typedef void (*ProbeFunc) (const MpFieldRule *rule,
                           const Probe       *probe,
                           MpPackage         *p,
                           MpReference       *ref,
                           gpointer           data);

/* Calls @func for every probe of every number field, on the base package (in
 * its own name) and a copy of the reference data with the probe's value set. */
static void
each_probe (ProbeFunc func,
            gpointer  data)
{
  for (int i = 0; i < MP_N_FIELDS; i++)
    {
      const MpFieldRule *rule = mp_field_rule (i);
      Probe probes[4];

      if (!is_number_row (rule))
        continue;
      for (guint k = 0; k < probes_of (rule, probes); k++)
        {
          g_autofree char *name = g_strdup_printf ("%d %s", i, probes[k].what);
          g_autoptr(MpPackage) p = base_package (name);
          g_autoptr(MpReference) ref = mp_reference_copy (reference);

          set_field (rule, p, ref, probes[k].value);
          func (rule, &probes[k], p, ref, data);
        }
    }
}

/* What a path made of @probe: @ok, or @error, which must be @domain's
 * @code, with the table's message when @own_message is not set. */
static void
assert_outcome (const MpFieldRule *rule,
                const Probe       *probe,
                gboolean           ok,
                GError            *error,
                GQuark             domain,
                int                code,
                gboolean           own_message)
{
  g_test_message ("%s %s: %s", rule->name, probe->what, ok ? "accepted" : error->message);
  if (probe->valid)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
      return;
    }
  g_assert_false (ok);
  g_assert_error (error, domain, code);
  if (!own_message && rule->storage != MP_FIELD_STORAGE_UINT64)
    assert_names_rule (error, rule);
}

/* ---- The table itself ---------------------------------------------------------- */

static void
test_table (void)
{
  for (int i = 0; i < MP_N_FIELDS; i++)
    {
      const MpFieldRule *rule = mp_field_rule (i);
      MpFieldId found;

      g_assert_cmpint (rule->id, ==, i);
      g_assert_cmpfloat (rule->min, <=, rule->max);
      g_assert_cmpuint (rule->count, >=, 1);
      g_assert_true ((rule->count > 1) == (rule->element_key != NULL));
      g_assert_true ((rule->type == MP_FIELD_TYPE_CHOICE) == (rule->choices != NULL));
      if (rule->choices != NULL)
        g_assert_cmpfloat (rule->max, ==, rule->choices->n - 1);

      if (mp_field_is_number (rule))
        {
          g_assert_nonnull (rule->name);
          g_assert_cmpfloat (rule->step, >, 0);
          if (!isnan (rule->default_value))
            g_assert_true (mp_field_check (i, rule->default_value, NULL, NULL));
        }
      if (rule->storage == MP_FIELD_STORAGE_NONE)
        continue;

      /* every member is found by its key, and keys are unique per entity */
      g_assert_nonnull (rule->key);
      if (rule->entity != MP_FIELD_ENTITY_INDICATOR)
        {
          g_assert_true (mp_field_lookup (rule->entity, rule->key, &found));
          g_assert_cmpint (found, ==, i);
        }
      g_assert_true ((rule->storage == MP_FIELD_STORAGE_STRING) ==
                     (rule->type == MP_FIELD_TYPE_TEXT || rule->type == MP_FIELD_TYPE_PARTNER ||
                      rule->type == MP_FIELD_TYPE_SECTOR));
    }

  for (int i = 0; i < MP_N_INDICATORS; i++)
    {
      const MpFieldRule *rule = mp_field_rule (mp_field_indicator (i));
      double min, max;

      g_assert_cmpstr (rule->key, ==, mp_indicator_to_string (i));
      mp_indicator_range (i, &min, &max);
      g_assert_cmpfloat (rule->min, ==, min);
      g_assert_cmpfloat (rule->max, ==, max);
    }
}

/* The defaults of the constructors are the table's (data/JSON-FORMAT.md gives
 * the same ones for fields a file leaves out). */
static void
test_defaults (void)
{
  g_autoptr(MpPackage) p = mp_package_new ("Defaults");
  g_autoptr(MpScheme) s = mp_scheme_new ();
  g_autoptr(MpPartner) partner = mp_partner_new ("MAR", "Morocco");
  MpOffer *o = mp_offer_new ();
  MpAsk *a = mp_ask_new ();
  MpTranche *t = mp_tranche_new ();
  MpSector *sector = mp_sector_new ("x", "X");
  gpointer objects[] = {
    [MP_FIELD_ENTITY_PACKAGE] = p, [MP_FIELD_ENTITY_SCHEME] = s, [MP_FIELD_ENTITY_OFFER] = o,
    [MP_FIELD_ENTITY_ASK] = a, [MP_FIELD_ENTITY_TRANCHE] = t, [MP_FIELD_ENTITY_PARTNER] = partner,
    [MP_FIELD_ENTITY_INDICATOR] = partner, [MP_FIELD_ENTITY_VALUE] = &partner->ind[0],
    [MP_FIELD_ENTITY_SECTOR] = sector,
  };

  for (int i = 0; i < MP_N_FIELDS; i++)
    {
      const MpFieldRule *rule = mp_field_rule (i);

      if (rule->storage == MP_FIELD_STORAGE_NONE || rule->storage == MP_FIELD_STORAGE_STRING)
        continue;
      for (guint k = 0; k < rule->count; k++)
        {
          double v = mp_field_get (i, objects[rule->entity], k);

          if (isnan (rule->default_value))
            {
              /* no default: unset (NaN) or not a number the table gives */
              if (rule->storage == MP_FIELD_STORAGE_DOUBLE)
                g_assert_true (isnan (v));
            }
          else if (v != rule->default_value)
            g_error ("%s: the constructor gives %g, the table %g", rule->key, v,
                     rule->default_value);
        }
    }

  mp_offer_free (o);
  mp_ask_free (a);
  mp_tranche_free (t);
  mp_sector_free (sector);
}

/* ---- The schema --------------------------------------------------------------- */

static JsonObject *
resolve (JsonObject *defs,
         JsonObject *schema)
{
  while (schema != NULL && json_object_has_member (schema, "$ref"))
    {
      const char *ref = json_object_get_string_member (schema, "$ref");

      g_assert_true (g_str_has_prefix (ref, "#/$defs/"));
      schema = json_object_get_object_member (defs, ref + strlen ("#/$defs/"));
    }

  return schema;
}

/* A property of a $defs entry; @key NULL: the entry itself. */
static JsonObject *
property (JsonObject *defs,
          const char *def,
          const char *key)
{
  JsonObject *schema = resolve (defs, json_object_get_object_member (defs, def));

  if (key == NULL)
    return schema;
  schema = json_object_get_object_member (schema, "properties");
  g_assert_nonnull (schema);
  return json_object_get_object_member (schema, key);
}

/* The schema of the values of @rule's field, or NULL when the schema has no
 * fixed range for it (indicator values: mp_indicator_range()). */
static JsonObject *
schema_of (JsonObject        *defs,
           const MpFieldRule *rule)
{
  static const char * const defs_of[] = {
    [MP_FIELD_ENTITY_PACKAGE] = "package", [MP_FIELD_ENTITY_SCHEME] = "scheme",
    [MP_FIELD_ENTITY_OFFER] = "offer", [MP_FIELD_ENTITY_ASK] = "ask",
    [MP_FIELD_ENTITY_TRANCHE] = "tranche", [MP_FIELD_ENTITY_PARTNER] = "partner",
    [MP_FIELD_ENTITY_VALUE] = "value", [MP_FIELD_ENTITY_SECTOR] = "sector",
  };
  JsonObject *schema;

  switch (rule->id)
    {
    case MP_FIELD_NAME:
      return property (defs, "shortText", NULL);
    case MP_FIELD_TEXT:
      return property (defs, "text", NULL);
    case MP_FIELD_OFFER_VISA_LEVEL:
      schema = json_object_get_object_member (property (defs, "offer", NULL), "then");
      schema = json_object_get_object_member (schema, "properties");
      return json_object_get_object_member (schema, "amount");
    case MP_FIELD_PARTNER_INTEREST_WEIGHTS:
    case MP_FIELD_PARTNER_INTEREST_SCALES:
      schema = property (defs, "partner", "interest_profile");
      schema = json_object_get_object_member (schema, "properties");
      schema = resolve (defs, json_object_get_object_member (schema, rule->key));
      return resolve (defs, json_object_get_object_member (schema, "additionalProperties"));
    case MP_FIELD_SECTOR_VACANCIES:
    case MP_FIELD_SECTOR_WAGE:
      schema = json_object_get_object_member (property (defs, "sector", rule->key), "properties");
      return json_object_get_object_member (schema, "value");
    default:
      break;
    }

  if (rule->entity == MP_FIELD_ENTITY_INDICATOR)
    return NULL;

  schema = resolve (defs, property (defs, defs_of[rule->entity], rule->key));
  g_assert_nonnull (schema);
  if (rule->count > 1)
    schema = resolve (defs, json_object_get_object_member (schema, "additionalProperties"));

  return schema;
}

static double
schema_number (JsonObject *schema,
               const char *key,
               double      absent)
{
  return json_object_has_member (schema, key) ? json_object_get_double_member (schema, key) : absent;
}

/* "type": "integer", or a list of types holding @type. */
static gboolean
has_type (JsonObject *schema,
          const char *type)
{
  JsonNode *node = json_object_get_member (schema, "type");

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *types = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (types); i++)
        if (g_strcmp0 (json_array_get_string_element (types, i), type) == 0)
          return TRUE;
      return FALSE;
    }

  return g_strcmp0 (json_node_get_string (node), type) == 0;
}

static void
test_schema (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("MP_SOURCE_ROOT"), "data",
                                            "mp-package.schema.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *defs;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  defs = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)),
                                        "$defs");

  for (int i = 0; i < MP_N_FIELDS; i++)
    {
      const MpFieldRule *rule = mp_field_rule (i);
      JsonObject *schema = schema_of (defs, rule);

      if (schema == NULL)
        continue;

      switch (rule->type)
        {
        case MP_FIELD_TYPE_INTEGER:
        case MP_FIELD_TYPE_REAL:
          g_assert_true (has_type (schema, rule->type == MP_FIELD_TYPE_INTEGER ? "integer"
                                                                               : "number"));
          g_assert_cmpfloat (schema_number (schema, "maximum", NAN), ==, rule->max);
          g_assert_cmpfloat (schema_number (schema, rule->min_exclusive ? "exclusiveMinimum"
                                                                        : "minimum", NAN),
                             ==, rule->min);
          break;
        case MP_FIELD_TYPE_TEXT:
          g_assert_cmpfloat (schema_number (schema, "maxLength", NAN), ==, rule->max);
          g_assert_cmpfloat (schema_number (schema, "minLength", 0), ==, rule->min);
          break;
        case MP_FIELD_TYPE_BOOLEAN:
          g_assert_true (has_type (schema, "boolean"));
          break;
        case MP_FIELD_TYPE_CHOICE:
          {
            JsonArray *ids = json_object_get_array_member (schema, "enum");

            g_assert_nonnull (ids);
            for (int k = 0; k < rule->choices->n; k++)
              g_assert_cmpstr (json_array_get_string_element (ids, k), ==,
                               rule->choices->to_string (k));
          }
          break;
        case MP_FIELD_TYPE_PARTNER:
        case MP_FIELD_TYPE_SECTOR:
        default:
          break;
        }
      if (json_object_has_member (schema, "default") && rule->type != MP_FIELD_TYPE_CHOICE)
        {
          JsonNode *d = json_object_get_member (schema, "default");
          double v = json_node_get_value_type (d) == G_TYPE_BOOLEAN
                     ? json_node_get_boolean (d) : json_node_get_double (d);

          g_assert_cmpfloat (v, ==, rule->default_value);
        }
    }
}

/* ---- (a) the JSON reader -------------------------------------------------------- */

static GPtrArray *
read_back (MpPackage    *p,
           MpReference  *ref,
           GError      **error)
{
  g_autoptr(GPtrArray) packages = g_ptr_array_new ();
  g_autoptr(MpReference) embed = mp_reference_new ();
  g_autofree char *text = NULL;
  guint64 seed = p->seed;

  g_ptr_array_add (embed->partners, mp_partner_copy (mp_reference_find_partner (ref, PARTNER)));
  g_ptr_array_add (embed->sectors, mp_sector_copy (mp_reference_find_sector (ref, SECTOR)));
  g_ptr_array_add (packages, p);

  /* The writer refuses a seed beyond the format's: write it as a file could. */
  p->seed = MIN (seed, (guint64) G_MAXINT64);
  text = mp_json_write_packages (packages, embed, NULL);
  g_assert_nonnull (text);
  if (seed > (guint64) G_MAXINT64)
    {
      g_autofree char *shown = g_strdup_printf ("%" G_GUINT64_FORMAT, seed);
      g_autofree char *max = g_strdup_printf ("%" G_GINT64_FORMAT, G_MAXINT64);
      g_auto(GStrv) parts = g_strsplit (text, max, 2);

      g_free (text);
      text = g_strjoin (shown, parts[0], parts[1], NULL);
    }

  return mp_json_read_packages (text, -1, reference, NULL, error);
}

static void
json_probe (const MpFieldRule *rule,
            const Probe       *probe,
            MpPackage         *p,
            MpReference       *ref,
            gpointer           data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) read = read_back (p, ref, &error);

  assert_outcome (rule, probe, read != NULL, error, MP_JSON_ERROR, MP_JSON_ERROR_INVALID,
                  FALSE);
}

static void
test_json (void)
{
  each_probe (json_probe, NULL);
}

/* ---- (b) the document store ------------------------------------------------------ */

typedef struct
{
  MpDocument  *doc;
  MpReference *at_max;     /* every reference field at its maximum */
  GArray      *accepted;   /* ids of the packages stored */
  GPtrArray   *expected;   /* and what they hold */
} Store;

static void
store_probe (const MpFieldRule *rule,
             const Probe       *probe,
             MpPackage         *p,
             MpReference       *ref,
             gpointer           data)
{
  Store *store = data;
  g_autoptr(GError) error = NULL;

  if (is_reference_row (rule))
    {
      gboolean ok = mp_document_replace_reference (store->doc, ref, &error);

      /* the store words the reference data's problems its own way */
      assert_outcome (rule, probe, ok, error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_INVALID, TRUE);
      if (probe->value == rule->max)
        set_field (rule, p, store->at_max, probe->value);
    }
  else
    {
      gint64 id = mp_document_add_package (store->doc, p, &error);

      assert_outcome (rule, probe, id != 0, error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_INVALID,
                      FALSE);
      if (id != 0)
        {
          g_array_append_val (store->accepted, id);
          g_ptr_array_add (store->expected, mp_package_copy (p));
        }
    }
}

static void
test_document (void)
{
  g_autofree char *dir = g_dir_make_tmp ("test-field-rules-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "rules.mplan", NULL);
  g_autoptr(MpReference) at_max = mp_reference_copy (reference);
  g_autoptr(GArray) accepted = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func ((GDestroyNotify) mp_package_free);
  Store store = { mp_document_create (path, reference, NULL), at_max, accepted, expected };
  const MpReference *stored;

  g_assert_nonnull (store.doc);
  each_probe (store_probe, &store);
  g_assert_true (mp_document_replace_reference (store.doc, at_max, NULL));
  g_object_unref (store.doc);

  /* reopened, the document holds the values as they were given */
  store.doc = mp_document_open (path, MP_DOCUMENT_OPEN_NONE, NULL);
  g_assert_nonnull (store.doc);
  for (guint k = 0; k < accepted->len; k++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(MpPackage) got = mp_document_get_package (store.doc,
                                                          g_array_index (accepted, gint64, k),
                                                          &error);
      g_autofree char *want = mp_json_write_package (g_ptr_array_index (expected, k), NULL);
      g_autofree char *have = NULL;

      g_assert_no_error (error);
      have = mp_json_write_package (got, NULL);
      g_assert_cmpstr (have, ==, want);
    }
  stored = mp_document_get_reference (store.doc);
  for (int i = 0; i < MP_N_FIELDS; i++)
    {
      const MpFieldRule *rule = mp_field_rule (i);

      if (is_number_row (rule) && is_reference_row (rule))
        g_assert_cmpfloat (mp_field_get (i, object_of (rule, NULL, (MpReference *) stored), 0), ==,
                           mp_field_get (i, object_of (rule, NULL, at_max), 0));
    }

  g_object_unref (store.doc);
  g_assert_no_errno (g_remove (path));
  g_assert_no_errno (g_rmdir (dir));
}

/* ---- (c) the engine, or the validator for reference data ------------------------ */

static void
engine_probe (const MpFieldRule *rule,
              const Probe       *probe,
              MpPackage         *p,
              MpReference       *ref,
              gpointer           data)
{
  g_autoptr(GError) error = NULL;

  if (is_reference_row (rule))
    {
      gboolean ok = mp_reference_validate (ref, NULL, &error);

      assert_outcome (rule, probe, ok, error, MP_FIELD_ERROR, MP_FIELD_ERROR_INVALID, FALSE);
    }
  else
    {
      g_autoptr(MpEvaluation) eval = mp_evaluate (p, ref, &error);

      assert_outcome (rule, probe, eval != NULL, error, MP_EVALUATION_ERROR,
                      MP_EVALUATION_ERROR_INVALID, FALSE);
      if (eval != NULL)
        g_assert_true (mp_package_validate (p, ref, NULL, NULL));
    }
}

static void
test_engine (void)
{
  each_probe (engine_probe, NULL);
}

/* ---- (d) mobility-planner-cli edit --------------------------------------------- */

static int
run_edit (const char  *doc,
          const char  *package,
          const char  *scheme,
          const char  *assignment,
          char       **err)
{
  const char *cli = g_getenv ("MP_CLI");
  const char *argv[9] = { cli, "edit", doc, "--package", package };
  g_autoptr(GError) error = NULL;
  int status = -1;
  int n = 5;

  if (scheme != NULL)
    {
      argv[n++] = "--scheme";
      argv[n++] = scheme;
    }
  argv[n++] = assignment;
  argv[n] = NULL;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, err,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));

  return WEXITSTATUS (status);
}

static char *
format_value (const MpFieldRule *rule,
              double             v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (rule->storage == MP_FIELD_STORAGE_UINT64)
    return g_strdup_printf ("%" G_GUINT64_FORMAT, v > rule->max ? (guint64) G_MAXINT64 + 1
                                                                : (guint64) G_MAXINT64);
  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.17g", v));
}

static void
test_cli_edit (void)
{
  g_autofree char *dir = g_dir_make_tmp ("test-field-rules-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "edit.mplan", NULL);
  g_autoptr(MpPackage) empty = base_package ("Empty");
  g_autoptr(MpPackage) one = base_package ("One");
  g_autoptr(MpPackage) got = NULL;
  MpDocument *doc;
  gint64 one_id;

  if (g_getenv ("MP_CLI") == NULL)
    {
      g_test_skip ("MP_CLI is not set");
      return;
    }
  doc = mp_document_create (path, reference, NULL);

  /* package fields on a package without schemes (no year to keep within the
   * horizon); scheme fields on one whose horizon reaches 2100 */
  g_ptr_array_set_size (empty->schemes, 0);
  g_ptr_array_set_size (empty->tranches, 0);
  one->start_year = 2051;
  one->horizon = 50;
  ((MpScheme *) g_ptr_array_index (one->schemes, 0))->first_year = 2051;
  ((MpTranche *) g_ptr_array_index (one->tranches, 0))->release_year = 2051;
  g_assert_cmpint (mp_document_add_package (doc, empty, NULL), !=, 0);
  one_id = mp_document_add_package (doc, one, NULL);
  g_assert_cmpint (one_id, !=, 0);
  g_object_unref (doc);

  for (int i = 0; i < MP_N_FIELDS; i++)
    {
      const MpFieldRule *rule = mp_field_rule (i);
      gboolean scheme = rule->entity == MP_FIELD_ENTITY_SCHEME;
      Probe probes[4];

      if (!is_number_row (rule) || rule->count > 1 ||
          (rule->entity != MP_FIELD_ENTITY_PACKAGE && !scheme))
        continue;
      probes_of (rule, probes);
      for (guint k = 0; k < 2; k++)
        {
          g_autofree char *value = format_value (rule, probes[k].value);
          g_autofree char *assignment = g_strdup_printf ("%s=%s", rule->key, value);
          g_autofree char *err = NULL;
          int status = run_edit (path, scheme ? "One" : "Empty", scheme ? "Harvest" : NULL,
                                 assignment, &err);

          g_test_message ("edit %s: %d %s", assignment, status, err);
          if (probes[k].valid)
            g_assert_cmpint (status, ==, 0);
          else
            {
              g_assert_cmpint (status, ==, 2);
              g_assert_nonnull (strstr (err, rule->key));
              if (rule->storage != MP_FIELD_STORAGE_UINT64)
                g_assert_nonnull (strstr (err, rule->name));
              g_assert_nonnull (strstr (err, "out of range"));
            }
        }
    }

  /* the maxima are in the document */
  doc = mp_document_open (path, MP_DOCUMENT_OPEN_READ_ONLY, NULL);
  got = mp_document_get_package (doc, one_id, NULL);
  g_assert_cmpfloat (((MpScheme *) g_ptr_array_index (got->schemes, 0))->quota, ==,
                     mp_field_rule (MP_FIELD_SCHEME_QUOTA)->max);
  g_object_unref (doc);

  g_assert_no_errno (g_remove (path));
  g_assert_no_errno (g_rmdir (dir));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  reference = mp_reference_load_default (&error);
  g_assert_no_error (error);

  g_test_add_func ("/models/field-rules/table", test_table);
  g_test_add_func ("/models/field-rules/defaults", test_defaults);
  g_test_add_func ("/models/field-rules/schema", test_schema);
  g_test_add_func ("/models/field-rules/json", test_json);
  g_test_add_func ("/models/field-rules/document", test_document);
  g_test_add_func ("/models/field-rules/engine", test_engine);
  g_test_add_func ("/models/field-rules/cli-edit", test_cli_edit);

  status = g_test_run ();
  mp_reference_free (reference);

  return status;
}
