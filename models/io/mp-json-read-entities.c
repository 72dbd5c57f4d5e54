/* mp-json-read-entities.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-json"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "mp-i18n.h"
#include "mp-assumptions.h"
#include "mp-field-message.h"
#include "mp-json-private.h"

/* Pass 2 of the reader (mp-json-private.h): the entities of the format,
 * built from json-glib's tree.  Schemes, offers, asks and tranches are read
 * member by member from the field table; packages, partners and sectors hold
 * lists and maps as well and are read here field by field. */

/* A field of the table by its key and its required flag. */
static gboolean
read_int_field (MpJsonCtx  *c,
                JsonObject *obj,
                MpFieldId   id,
                int        *out)
{
  const MpFieldRule *rule = mp_field_rule (id);

  return _mp_json_read_int (c, obj, rule->key, (rule->flags & MP_FIELD_REQUIRED) != 0, id, out);
}

static gboolean
read_text_field (MpJsonCtx   *c,
                 JsonObject  *obj,
                 MpFieldId    id,
                 char       **out)
{
  const MpFieldRule *rule = mp_field_rule (id);
  gboolean required = (rule->flags & MP_FIELD_REQUIRED) != 0;

  return _mp_json_read_string (c, obj, rule->key, required, !required, id, out);
}

/* Reads every member of @entity the field table lists into @object, in the
 * table's order: required ones must be there, texts that are not may be
 * null. */
static gboolean
read_members (MpJsonCtx     *c,
              JsonObject    *obj,
              MpFieldEntity  entity,
              const char    *what,
              gpointer       object)
{
  if (!_mp_json_check_members (c, obj, entity, what))
    return FALSE;

  for (int i = 0; i < MP_N_FIELDS; i++)
    {
      const MpFieldRule *rule = mp_field_rule (i);
      gboolean required = (rule->flags & MP_FIELD_REQUIRED) != 0;
      gboolean ok = TRUE;

      if (rule->entity != entity || rule->storage == MP_FIELD_STORAGE_NONE)
        continue;

      switch (rule->type)
        {
        case MP_FIELD_TYPE_TEXT:
        case MP_FIELD_TYPE_PARTNER:
        case MP_FIELD_TYPE_SECTOR:
          {
            g_autofree char *text = g_strdup (mp_field_get_text (i, object));

            ok = read_text_field (c, obj, i, &text);
            mp_field_set_text (i, object, text);
          }
          break;
        case MP_FIELD_TYPE_CHOICE:
        case MP_FIELD_TYPE_INTEGER:
          {
            int v = (int) mp_field_get (i, object, 0);

            ok = rule->type == MP_FIELD_TYPE_CHOICE
                 ? _mp_json_read_enum (c, obj, rule->key, required, i, &v)
                 : _mp_json_read_int (c, obj, rule->key, required, i, &v);
            mp_field_set (i, object, 0, v);
          }
          break;
        case MP_FIELD_TYPE_REAL:
          {
            double v = mp_field_get (i, object, 0);

            ok = _mp_json_read_double (c, obj, rule->key, required, &v);
            mp_field_set (i, object, 0, v);
          }
          break;
        case MP_FIELD_TYPE_BOOLEAN:
          {
            gboolean v = mp_field_get (i, object, 0) != 0;

            ok = _mp_json_read_bool (c, obj, rule->key, required, &v);
            mp_field_set (i, object, 0, v);
          }
          break;
        default:
          g_assert_not_reached ();
        }
      if (!ok)
        return FALSE;
    }

  return TRUE;
}

/* @object, read, or NULL after freeing it with @free_func. */
static gpointer
read_item (MpJsonCtx      *c,
           JsonObject     *obj,
           MpFieldEntity   entity,
           const char     *what,
           gpointer        object,
           GDestroyNotify  free_func)
{
  if (read_members (c, obj, entity, what, object))
    return object;

  free_func (object);
  return NULL;
}

static gpointer
read_scheme (MpJsonCtx  *c,
             JsonObject *obj)
{
  return read_item (c, obj, MP_FIELD_ENTITY_SCHEME, _("a scheme"), mp_scheme_new (),
                    (GDestroyNotify) mp_scheme_free);
}

static gpointer
read_offer (MpJsonCtx  *c,
            JsonObject *obj)
{
  return read_item (c, obj, MP_FIELD_ENTITY_OFFER, _("an offer"), mp_offer_new (),
                    (GDestroyNotify) mp_offer_free);
}

static gpointer
read_ask (MpJsonCtx  *c,
          JsonObject *obj)
{
  return read_item (c, obj, MP_FIELD_ENTITY_ASK, _("an ask"), mp_ask_new (),
                    (GDestroyNotify) mp_ask_free);
}

static gpointer
read_tranche (MpJsonCtx  *c,
              JsonObject *obj)
{
  return read_item (c, obj, MP_FIELD_ENTITY_TRANCHE, _("a tranche"), mp_tranche_new (),
                    (GDestroyNotify) mp_tranche_free);
}

/* ---- Sourced values and maps ------------------------------------------------ */

static const char * const value_fields[] = { "value", "year", "source", NULL };

/* {"value": number|null, "year": int, "source": string|null} */
static gboolean
read_value (MpJsonCtx  *c,
            JsonObject *obj,
            const char *key,
            MpValue    *out)
{
  JsonObject *vo;
  JsonNode *node;
  double value = NAN;
  int year = 0;
  g_autofree char *source = NULL;
  gsize mark;
  gboolean ok;

  if (!_mp_json_read_object (c, obj, key, FALSE, &vo))
    return FALSE;
  if (vo == NULL)
    return TRUE;

  mark = mp_field_path_push_key (c->path, key);
  ok = _mp_json_check_fields (c, vo, value_fields, _("a sourced value"));
  if (ok)
    {
      ok = _mp_json_member (c, vo, "value", TRUE, &node);
      if (ok && !JSON_NODE_HOLDS_NULL (node))
        ok = _mp_json_read_double (c, vo, "value", TRUE, &value);
    }
  ok = ok && _mp_json_read_int (c, vo, "year", !isnan (value), MP_FIELD_VALUE_YEAR, &year);
  ok = ok && _mp_json_read_string (c, vo, "source", FALSE, TRUE, MP_FIELD_TEXT, &source);
  if (ok && isnan (value) && json_object_has_member (vo, "year"))
    {
      gsize m2 = mp_field_path_push_key (c->path, "year");
      ok = _mp_json_fail (c->error, MP_JSON_ERROR_INVALID, c->path->str,
                          _("a missing value (null) has no year; leave the year out"));
      mp_field_path_pop (c->path, m2);
    }
  mp_field_path_pop (c->path, mark);

  if (ok)
    mp_value_set (out, value, year, source);

  return ok;
}

/* An object keyed by interest id, each value within the rule of @id. */
static gboolean
read_interest_map (MpJsonCtx  *c,
                   JsonObject *obj,
                   MpFieldId   id,
                   double      values[MP_N_INTERESTS])
{
  const char *key = mp_field_rule (id)->key;
  JsonObject *map;
  g_autoptr(GList) members = NULL;
  gsize mark;

  if (!_mp_json_read_object (c, obj, key, FALSE, &map))
    return FALSE;
  if (map == NULL)
    return TRUE;

  mark = mp_field_path_push_key (c->path, key);
  members = json_object_get_members (map);
  for (GList *l = members; l != NULL; l = l->next)
    {
      MpInterest i;
      const char *name = l->data;
      gsize m2 = mp_field_path_push_key (c->path, name);
      GError *local = NULL;
      double v;

      if (!mp_interest_from_string (name, &i))
        {
          g_autoptr(GString) ids = g_string_new (NULL);

          for (int k = 0; k < MP_N_INTERESTS; k++)
            g_string_append_printf (ids, "%s%s", k > 0 ? ", " : "", mp_interest_to_string (k));
          _mp_json_fail (c->error, MP_JSON_ERROR_INVALID, c->path->str,
                         _("unknown field; the interests are %s"), ids->str);
          mp_field_path_pop (c->path, mark);
          return FALSE;
        }
      mp_field_path_pop (c->path, m2);

      if (!_mp_json_read_double (c, map, name, TRUE, &v))
        {
          mp_field_path_pop (c->path, mark);
          return FALSE;
        }
      m2 = mp_field_path_push_key (c->path, name);
      if (!mp_field_check (id, v, c->path->str, &local))
        {
          _mp_json_take_field_error (c->error, local);
          mp_field_path_pop (c->path, mark);
          return FALSE;
        }
      mp_field_path_pop (c->path, m2);
      values[i] = v;
    }
  mp_field_path_pop (c->path, mark);

  return TRUE;
}

/* ---- Partners and sectors ----------------------------------------------------- */

static const char * const partner_fields[] = {
  "iso3", "name", "region", "memberships", "frameworks", "combiland", "excluded",
  "excluded_reason", "who_ssl", "who_ssl_source", "risk_override", "risk_override_reason",
  "indicators", "interest_profile", NULL
};

static const char * const profile_fields[] = { "weights", "scales", "rationale", NULL };

static gboolean
read_indicators (MpJsonCtx  *c,
                 JsonObject *obj,
                 MpPartner  *p)
{
  JsonObject *ind;
  g_autoptr(GList) members = NULL;
  gsize mark;

  if (!_mp_json_read_object (c, obj, "indicators", FALSE, &ind))
    return FALSE;
  if (ind == NULL)
    return TRUE;

  members = json_object_get_members (ind);
  mark = mp_field_path_push_key (c->path, "indicators");
  for (GList *l = members; l != NULL; l = l->next)
    {
      MpIndicator i;

      if (!mp_indicator_from_string (l->data, &i))
        {
          g_autoptr(GString) ids = g_string_new (NULL);

          for (int k = 0; k < MP_N_INDICATORS; k++)
            g_string_append_printf (ids, "%s%s", k > 0 ? ", " : "", mp_indicator_to_string (k));
          mp_field_path_push_key (c->path, l->data);
          _mp_json_fail (c->error, MP_JSON_ERROR_INVALID, c->path->str,
                         _("unknown field; the indicators are %s"), ids->str);
          mp_field_path_pop (c->path, mark);
          return FALSE;
        }
      if (!read_value (c, ind, l->data, &p->ind[i]))
        {
          mp_field_path_pop (c->path, mark);
          return FALSE;
        }
    }
  mp_field_path_pop (c->path, mark);

  return TRUE;
}

gpointer
_mp_json_read_partner (MpJsonCtx  *c,
                       JsonObject *obj)
{
  g_autoptr(MpPartner) p = mp_partner_new (NULL, NULL);
  JsonObject *profile;
  JsonNode *node;

  if (!_mp_json_check_fields (c, obj, partner_fields, _("a partner")))
    return NULL;

  if (!_mp_json_read_string (c, obj, "iso3", TRUE, FALSE, MP_FIELD_NAME, &p->iso3) ||
      !read_text_field (c, obj, MP_FIELD_PARTNER_NAME, &p->name) ||
      !_mp_json_read_string (c, obj, "region", FALSE, TRUE, MP_FIELD_NAME, &p->region) ||
      !_mp_json_read_strv (c, obj, "memberships", FALSE, 100, _("memberships"), &p->memberships) ||
      !_mp_json_read_strv (c, obj, "frameworks", FALSE, 100, _("frameworks"), &p->frameworks) ||
      !_mp_json_read_bool (c, obj, "combiland", FALSE, &p->combiland) ||
      !_mp_json_read_bool (c, obj, "excluded", FALSE, &p->excluded) ||
      !_mp_json_read_string (c, obj, "excluded_reason", FALSE, TRUE, MP_FIELD_TEXT,
                             &p->excluded_reason) ||
      !_mp_json_read_bool (c, obj, "who_ssl", FALSE, &p->who_ssl) ||
      !_mp_json_read_string (c, obj, "who_ssl_source", FALSE, TRUE, MP_FIELD_TEXT,
                             &p->who_ssl_source) ||
      !_mp_json_read_string (c, obj, "risk_override_reason", FALSE, TRUE, MP_FIELD_TEXT,
                             &p->risk_override_reason))
    return NULL;

  if (!_mp_json_member (c, obj, "risk_override", FALSE, &node))
    return NULL;
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      int r;

      if (!_mp_json_read_enum (c, obj, "risk_override", TRUE, MP_FIELD_PARTNER_RISK_OVERRIDE, &r))
        return NULL;
      p->has_risk_override = TRUE;
      p->risk_override = r;
    }

  if (!read_indicators (c, obj, p) ||
      !_mp_json_read_object (c, obj, "interest_profile", FALSE, &profile))
    return NULL;
  if (profile != NULL)
    {
      gsize mark = mp_field_path_push_key (c->path, "interest_profile");
      gboolean ok;

      ok = _mp_json_check_fields (c, profile, profile_fields, _("an interest profile")) &&
           read_interest_map (c, profile, MP_FIELD_PARTNER_INTEREST_WEIGHTS, p->profile.weights) &&
           read_interest_map (c, profile, MP_FIELD_PARTNER_INTEREST_SCALES, p->profile.scales) &&
           _mp_json_read_string (c, profile, "rationale", FALSE, TRUE, MP_FIELD_TEXT,
                                 &p->profile.rationale);
      mp_field_path_pop (c->path, mark);
      if (!ok)
        return NULL;
    }

  return g_steal_pointer (&p);
}

static const char * const sector_fields[] = {
  "code", "name", "sbi", "eqf", "demand", "health", "vacancies", "wage_month", NULL
};

gpointer
_mp_json_read_sector (MpJsonCtx  *c,
                      JsonObject *obj)
{
  MpSector *s = mp_sector_new (NULL, NULL);
  int demand = s->demand;

  if (!_mp_json_check_fields (c, obj, sector_fields, _("a sector")) ||
      !_mp_json_read_string (c, obj, "code", TRUE, FALSE, MP_FIELD_NAME, &s->code) ||
      !read_text_field (c, obj, MP_FIELD_SECTOR_NAME, &s->name) ||
      !_mp_json_read_string (c, obj, "sbi", FALSE, TRUE, MP_FIELD_NAME, &s->sbi) ||
      !read_int_field (c, obj, MP_FIELD_SECTOR_EQF, &s->eqf) ||
      !_mp_json_read_enum (c, obj, "demand", FALSE, MP_FIELD_SECTOR_DEMAND, &demand) ||
      !_mp_json_read_bool (c, obj, "health", FALSE, &s->health) ||
      !read_value (c, obj, mp_field_rule (MP_FIELD_SECTOR_VACANCIES)->key, &s->vacancies) ||
      !read_value (c, obj, mp_field_rule (MP_FIELD_SECTOR_WAGE)->key, &s->wage_month))
    {
      mp_sector_free (s);
      return NULL;
    }
  s->demand = demand;

  return s;
}

/* ---- Packages ------------------------------------------------------------------ */

static const char * const range_fields[] = { "low", "mode", "high", NULL };

static gboolean
read_assumptions (MpJsonCtx  *c,
                  JsonObject *obj,
                  MpPackage  *p)
{
  JsonObject *map;
  g_autoptr(GList) members = NULL;
  gsize mark;

  if (!_mp_json_read_object (c, obj, "assumptions", FALSE, &map))
    return FALSE;
  if (map == NULL)
    return TRUE;

  mark = mp_field_path_push_key (c->path, "assumptions");
  members = json_object_get_members (map);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;
      JsonObject *ro;
      double low = NAN, mode = NAN, high = NAN;
      gsize m2;
      gboolean ok;

      if (mp_assumption_lookup (key) == NULL)
        {
          g_autofree char *keys = g_strjoinv (", ", (char **) mp_assumption_keys ());

          mp_field_path_push_key (c->path, key);
          _mp_json_fail (c->error, MP_JSON_ERROR_INVALID, c->path->str,
                         _("unknown assumption; the assumptions are %s"), keys);
          mp_field_path_pop (c->path, mark);
          return FALSE;
        }

      if (!_mp_json_read_object (c, map, key, TRUE, &ro))
        {
          mp_field_path_pop (c->path, mark);
          return FALSE;
        }

      m2 = mp_field_path_push_key (c->path, key);
      ok = _mp_json_check_fields (c, ro, range_fields, _("an assumption range")) &&
           _mp_json_read_double (c, ro, "low", TRUE, &low) &&
           _mp_json_read_double (c, ro, "mode", TRUE, &mode) &&
           _mp_json_read_double (c, ro, "high", TRUE, &high);
      mp_field_path_pop (c->path, m2);
      if (!ok)
        {
          mp_field_path_pop (c->path, mark);
          return FALSE;
        }

      g_ptr_array_add (p->assumptions, mp_assumption_new (key, low, mode, high));
    }
  mp_field_path_pop (c->path, mark);

  return TRUE;
}

static gboolean
read_nl_weights (MpJsonCtx  *c,
                 JsonObject *obj,
                 MpPackage  *p)
{
  const char *key = mp_field_rule (MP_FIELD_PACKAGE_NL_WEIGHTS)->key;
  JsonObject *map;
  g_autoptr(GList) members = NULL;
  gsize mark;

  if (!_mp_json_read_object (c, obj, key, FALSE, &map))
    return FALSE;
  if (map == NULL)
    return TRUE;

  mark = mp_field_path_push_key (c->path, key);
  members = json_object_get_members (map);
  for (GList *l = members; l != NULL; l = l->next)
    {
      MpNlComponent k;

      if (!mp_nl_component_from_string (l->data, &k))
        {
          g_autoptr(GString) ids = g_string_new (NULL);

          for (int i = 0; i < MP_N_NL_COMPONENTS; i++)
            g_string_append_printf (ids, "%s%s", i > 0 ? ", " : "", mp_nl_component_to_string (i));
          mp_field_path_push_key (c->path, l->data);
          _mp_json_fail (c->error, MP_JSON_ERROR_INVALID, c->path->str,
                         _("unknown field; the NL benefit components are %s"), ids->str);
          mp_field_path_pop (c->path, mark);
          return FALSE;
        }
      if (!_mp_json_read_double (c, map, l->data, TRUE, &p->nl_weights[k]))
        {
          mp_field_path_pop (c->path, mark);
          return FALSE;
        }
    }
  mp_field_path_pop (c->path, mark);

  return TRUE;
}

/* Reads a list member with @read_one for each element. */
gboolean
_mp_json_read_list (MpJsonCtx      *c,
                    JsonObject     *obj,
                    const char     *key,
                    const char     *what,
                    MpJsonReadFunc  read_one,
                    GPtrArray      *into)
{
  JsonArray *array;

  if (!_mp_json_read_array (c, obj, key, FALSE, MP_JSON_MAX_ITEMS, what, &array))
    return FALSE;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      gsize mark = mp_field_path_push_key (c->path, key);
      JsonObject *eo;
      gpointer item = NULL;

      mp_field_path_push_index (c->path, i);
      eo = _mp_json_element_object (c, array, i);
      if (eo != NULL)
        item = read_one (c, eo);
      mp_field_path_pop (c->path, mark);

      if (item == NULL)
        return FALSE;
      g_ptr_array_add (into, item);
    }

  return TRUE;
}

/* The seed is a 64-bit integer: json-glib holds it exactly as an int64, and
 * a double only up to 2^53. */
static gboolean
read_seed (MpJsonCtx  *c,
           JsonObject *obj,
           guint64    *out)
{
  const MpFieldRule *rule = mp_field_rule (MP_FIELD_PACKAGE_SEED);
  JsonNode *node;
  GError *local = NULL;
  gboolean ok = TRUE;
  gsize mark;

  if (!_mp_json_member (c, obj, rule->key, FALSE, &node))
    return FALSE;
  if (node == NULL)
    return TRUE;

  mark = mp_field_path_push_key (c->path, rule->key);
  if (!_mp_json_node_is_number (node))
    ok = _mp_json_type_error (c, node, _("a whole number"));
  else if (json_node_get_value_type (node) == G_TYPE_INT64)
    {
      gint64 v = json_node_get_int (node);

      if (v < 0)
        {
          g_autofree char *n = g_strdup_printf ("%" G_GINT64_FORMAT, v);
          g_autofree char *max = g_strdup_printf ("%" G_GINT64_FORMAT, G_MAXINT64);

          ok = _mp_json_fail (c->error, MP_JSON_ERROR_INVALID, c->path->str,
                              _("%s is out of range; %s must be between %s and %s"),
                              n, _(rule->name), "0", max);
        }
      else
        *out = (guint64) v;
    }
  else
    {
      double v = json_node_get_double (node);

      ok = mp_field_check (MP_FIELD_PACKAGE_SEED, v, c->path->str, &local) ||
           _mp_json_take_field_error (c->error, local);
      /* A double this large is above 2^53: refuse rather than round. */
      if (ok && v > 9007199254740992.0)
        {
          g_autofree char *n = mp_field_format_number (v);
          ok = _mp_json_fail (c->error, MP_JSON_ERROR_INVALID, c->path->str,
                              _("%s cannot be stored exactly; write the seed as an integer "
                                "without an exponent or decimal point"), n);
        }
      if (ok)
        *out = (guint64) v;
    }
  mp_field_path_pop (c->path, mark);

  return ok;
}

static const char * const package_fields[] = {
  "format", "version", "name", "description", "partners", "start_year", "horizon", "schemes",
  "offers", "asks", "tranches", "assumptions", "interest_weights", "interest_scales",
  "nl_weights", "draws", "seed", NULL
};

/* @top_level: format and version members are allowed (single-package file). */
MpPackage *
_mp_json_read_package (MpJsonCtx  *c,
                       JsonObject *obj,
                       gboolean    top_level)
{
  g_autoptr(MpPackage) p = mp_package_new (NULL);
  int draws = (int) p->draws;

  if (!_mp_json_check_fields (c, obj, top_level ? package_fields : package_fields + 2,
                              _("a package")))
    return NULL;

  if (!read_text_field (c, obj, MP_FIELD_PACKAGE_NAME, &p->name) ||
      !read_text_field (c, obj, MP_FIELD_PACKAGE_DESCRIPTION, &p->description) ||
      !_mp_json_read_strv (c, obj, "partners", TRUE, MP_JSON_MAX_PARTNERS,
                           _("the partners of a package"), &p->partners) ||
      !read_int_field (c, obj, MP_FIELD_PACKAGE_START_YEAR, &p->start_year) ||
      !read_int_field (c, obj, MP_FIELD_PACKAGE_HORIZON, &p->horizon) ||
      !_mp_json_read_list (c, obj, "schemes", _("the schemes of a package"), read_scheme,
                           p->schemes) ||
      !_mp_json_read_list (c, obj, "offers", _("the offers of a package"), read_offer, p->offers) ||
      !_mp_json_read_list (c, obj, "asks", _("the asks of a package"), read_ask, p->asks) ||
      !_mp_json_read_list (c, obj, "tranches", _("the tranches of a package"), read_tranche,
                           p->tranches) ||
      !read_assumptions (c, obj, p) ||
      !read_interest_map (c, obj, MP_FIELD_PACKAGE_INTEREST_WEIGHTS, p->interest_weights) ||
      !read_interest_map (c, obj, MP_FIELD_PACKAGE_INTEREST_SCALES, p->interest_scales) ||
      !read_nl_weights (c, obj, p) ||
      !read_int_field (c, obj, MP_FIELD_PACKAGE_DRAWS, &draws) ||
      !read_seed (c, obj, &p->seed))
    return NULL;
  p->draws = (guint) draws;

  return g_steal_pointer (&p);
}
