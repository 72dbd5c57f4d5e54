/* mp-icons.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-icons"

#include "config.h"

#include "mp-icons.h"

const char *
mp_scheme_kind_icon_name (MpSchemeKind kind)
{
  switch (kind)
    {
    case MP_SCHEME_TALENT_PARTNERSHIP: return "starred-symbolic";
    case MP_SCHEME_CIRCULAR:           return "view-refresh-symbolic";
    case MP_SCHEME_SEASONAL:           return "weather-clear-symbolic";
    case MP_SCHEME_TRAINEE:            return "applications-engineering-symbolic";
    case MP_SCHEME_STUDY:              return "accessories-dictionary-symbolic";
    case MP_SCHEME_HOME_TRACK:         return "go-home-symbolic";
    case MP_N_SCHEME_KINDS:
    default:                           return "dialog-question-symbolic";
    }
}

const char *
mp_severity_icon_name (MpSeverity severity)
{
  switch (severity)
    {
    case MP_SEVERITY_BLOCK: return "dialog-error-symbolic";
    case MP_SEVERITY_WARNING: return "dialog-warning-symbolic";
    case MP_SEVERITY_NOTE:
    case MP_N_SEVERITY:
    default: return "dialog-information-symbolic";
    }
}

const char *
mp_monitoring_icon_name (MpMonitoring monitoring)
{
  switch (monitoring)
    {
    case MP_MONITOR_NOT_ALLOWED: return "dialog-error-symbolic";
    case MP_MONITOR_ENHANCED_SUSPENSION:
    case MP_MONITOR_ENHANCED: return "dialog-warning-symbolic";
    case MP_MONITOR_STANDARD:
    case MP_MONITOR_STANDARD_REVIEW:
    case MP_N_MONITOR:
    default: return "emblem-ok-symbolic";
    }
}

const char *
mp_risk_icon_name (MpRisk risk)
{
  switch (risk)
    {
    case MP_RISK_LOW: return "security-high-symbolic";
    case MP_RISK_MEDIUM: return "security-medium-symbolic";
    case MP_RISK_HIGH:
    case MP_N_RISK:
    default: return "security-low-symbolic";
    }
}
