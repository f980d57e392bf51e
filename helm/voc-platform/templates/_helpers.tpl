{{/*
Helpers shared by every service. Templates that belong to one service take a dict:
  ctx       the root context ($)
  component the service name, e.g. "touchpoint-registry"
*/}}

{{/*
The five services: values key, the paths the gateway routes to each (never /q/*), and the other services each one
calls (NetworkPolicy egress).
  paths            routed by the main Ingress
  respondentPaths  public respondent paths whose URLs carry a signed invitation token (/s/<token>,
                   /api/respond/<token>/...), routed by the separate respondent Ingress so that its annotations (access
                   logs, rate limits) apply to them alone
  calls            services this one sends requests to (response-service fetches survey-service's invitation JWKS)
*/}}
{{- define "voc.catalog" -}}
touchpoint-registry:
  key: touchpointRegistry
  paths: [/api/touchpoints, /api/teams, /api/journeys, /api/coverage]
survey-service:
  key: surveyService
  paths: [/api/surveys, /api/survey-templates, /api/interactions, /api/decisions, /api/invitations, /api/contact-policy, /api/opt-outs, /api/invitation-keys, /api/erasures]
response-service:
  key: responseService
  paths: [/api/responses]
  respondentPaths: [/s, /api/respond]
  calls: [survey-service]
metrics-service:
  key: metricsService
  paths: [/api/metrics, /api/alert-rules, /api/alerts, /api/impact]
case-service:
  key: caseService
  paths: [/api/cases, /api/case-rules, /api/improvement-actions, /api/root-causes]
{{- end -}}

{{/* Names of the enabled services, in catalog order, as a YAML list. */}}
{{- define "voc.enabledServices" -}}
{{- $catalog := fromYaml (include "voc.catalog" .) -}}
{{- $enabled := list -}}
{{- range $name := list "touchpoint-registry" "survey-service" "response-service" "metrics-service" "case-service" -}}
{{- if (index $.Values (index $catalog $name).key).enabled -}}
{{- $enabled = append $enabled $name -}}
{{- end -}}
{{- end -}}
{{- toYaml $enabled -}}
{{- end -}}

{{/* The key of a service's values block, e.g. touchpointRegistry; use: index .ctx.Values (include "voc.key" .) */}}
{{- define "voc.key" -}}
{{- (index (fromYaml (include "voc.catalog" .ctx)) .component).key -}}
{{- end -}}

{{/* Prefix of every object name: fullnameOverride or the release name. */}}
{{- define "voc.fullname" -}}
{{- default .Release.Name .Values.fullnameOverride | trunc 40 | trimSuffix "-" -}}
{{- end -}}

{{/* Name of a service's objects: <prefix>-<service>. */}}
{{- define "voc.name" -}}
{{- printf "%s-%s" (include "voc.fullname" .ctx) .component | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "voc.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Selector labels: immutable on Deployments, never add to them (the upgrade-safety test guards them). */}}
{{- define "voc.selectorLabels" -}}
app.kubernetes.io/name: {{ .component }}
app.kubernetes.io/instance: {{ .ctx.Release.Name }}
{{- end -}}

{{/* Labels of every object of a service. */}}
{{- define "voc.labels" -}}
{{ include "voc.selectorLabels" . }}
{{ include "voc.commonLabels" .ctx }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{/* Labels of every object of the release (also the objects that belong to no single service). */}}
{{- define "voc.commonLabels" -}}
helm.sh/chart: {{ include "voc.chart" . }}
app.kubernetes.io/part-of: voc-platform
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{/* Image reference: [global.imageRegistry/]repository:tag, the tag defaulting to appVersion. */}}
{{- define "voc.image" -}}
{{- $values := index .ctx.Values (include "voc.key" .) -}}
{{- $registry := .ctx.Values.global.imageRegistry -}}
{{- $tag := default .ctx.Chart.AppVersion $values.image.tag -}}
{{- if $registry -}}
{{- printf "%s/%s:%s" $registry $values.image.repository $tag -}}
{{- else -}}
{{- printf "%s:%s" $values.image.repository $tag -}}
{{- end -}}
{{- end -}}

{{/*
Image of the `helm test` pod: [registry/]repository:tag, the registry being tests.image.registry or, when that is empty,
global.imageRegistry (a cluster that pulls everything through one mirror sets only the global one).
*/}}
{{- define "voc.testImage" -}}
{{- $image := .Values.tests.image -}}
{{- $registry := default .Values.global.imageRegistry $image.registry -}}
{{- if $registry -}}
{{- printf "%s/%s:%s" $registry $image.repository $image.tag -}}
{{- else -}}
{{- printf "%s:%s" $image.repository $image.tag -}}
{{- end -}}
{{- end -}}

{{/* ServiceAccount of a service. */}}
{{- define "voc.serviceAccountName" -}}
{{- if .ctx.Values.serviceAccount.create -}}
{{- include "voc.name" . -}}
{{- else -}}
default
{{- end -}}
{{- end -}}

{{/* Name of the CloudNativePG cluster of a service. */}}
{{- define "voc.pgClusterName" -}}
{{- printf "%s-db" (include "voc.name" .) | trunc 50 | trimSuffix "-" -}}
{{- end -}}

{{/* Secret with a service's database credentials. */}}
{{- define "voc.databaseSecret" -}}
{{- $values := index .ctx.Values (include "voc.key" .) -}}
{{- if .ctx.Values.postgresql.cloudnativepg.enabled -}}
{{- printf "%s-app" (include "voc.pgClusterName" .) -}}
{{- else -}}
{{- default (printf "%s-db" (include "voc.name" .)) $values.database.existingSecret -}}
{{- end -}}
{{- end -}}

{{/*
Secret with the CA that verifies a service's PostgreSQL server (sslrootcert), or nothing: postgresql.tls.caSecret, or
with CloudNativePG and a verify-* sslMode the cluster's own `<cluster>-ca` Secret.
*/}}
{{- define "voc.postgresqlCaSecret" -}}
{{- $pg := .ctx.Values.postgresql -}}
{{- if and $pg.cloudnativepg.enabled (hasPrefix "verify-" $pg.sslMode) -}}
{{- printf "%s-ca" (include "voc.pgClusterName" .) -}}
{{- else if and $pg.sslMode $pg.tls.caSecret -}}
{{- $pg.tls.caSecret -}}
{{- end -}}
{{- end -}}

{{/* Host of a service's database. */}}
{{- define "voc.databaseHost" -}}
{{- $values := index .ctx.Values (include "voc.key" .) -}}
{{- if .ctx.Values.postgresql.cloudnativepg.enabled -}}
{{- printf "%s-rw" (include "voc.pgClusterName" .) -}}
{{- else -}}
{{- default .ctx.Values.postgresql.host $values.database.host -}}
{{- end -}}
{{- end -}}

{{/* Probes on the Quarkus health endpoints. */}}
{{- define "voc.probes" -}}
{{- $p := .ctx.Values.probes -}}
startupProbe:
  httpGet:
    path: /q/health/started
    port: http
  periodSeconds: {{ $p.startup.periodSeconds }}
  failureThreshold: {{ $p.startup.failureThreshold }}
  timeoutSeconds: {{ $p.timeoutSeconds }}
readinessProbe:
  httpGet:
    path: /q/health/ready
    port: http
  periodSeconds: {{ $p.readiness.periodSeconds }}
  failureThreshold: {{ $p.readiness.failureThreshold }}
  timeoutSeconds: {{ $p.timeoutSeconds }}
livenessProbe:
  httpGet:
    path: /q/health/live
    port: http
  periodSeconds: {{ $p.liveness.periodSeconds }}
  failureThreshold: {{ $p.liveness.failureThreshold }}
  timeoutSeconds: {{ $p.timeoutSeconds }}
{{- end -}}

{{/* Pod security context (restricted). */}}
{{- define "voc.podSecurityContext" -}}
{{- toYaml .Values.podSecurityContext -}}
{{- end -}}

{{/* Container security context (restricted). */}}
{{- define "voc.containerSecurityContext" -}}
{{- toYaml .Values.containerSecurityContext -}}
{{- end -}}

{{/* Image pull secrets. */}}
{{- define "voc.imagePullSecrets" -}}
{{- with .Values.global.imagePullSecrets }}
imagePullSecrets:
{{- range . }}
  - name: {{ . }}
{{- end }}
{{- end }}
{{- end -}}

{{/* Base URL of invitation links (<base>/s/<token>): surveyService.distribution.linkBaseUrl, or https://<ingress.host>. */}}
{{- define "voc.linkBaseUrl" -}}
{{- trimSuffix "/" (default (printf "https://%s" .Values.ingress.host) .Values.surveyService.distribution.linkBaseUrl) -}}
{{- end -}}

{{/* URL of survey-service's invitation JWKS: responseService.invitations.jwksUrl, or the release's survey-service. */}}
{{- define "voc.invitationsJwksUrl" -}}
{{- default (printf "http://%s/api/invitation-keys/jwks" (include "voc.name" (dict "ctx" . "component" "survey-service"))) .Values.responseService.invitations.jwksUrl -}}
{{- end -}}

{{/*
Non-secret settings that only one service reads, as ConfigMap entries (a key the service's `config` sets wins, see voc.configData).
*/}}
{{- define "voc.serviceConfigData" -}}
{{- $v := index .ctx.Values (include "voc.key" .) -}}
{{- $root := .ctx.Values -}}
{{- $data := dict -}}
{{- if eq .component "survey-service" -}}
{{- $_ := set $data "VOC_DISTRIBUTION_LINK_BASE_URL" (include "voc.linkBaseUrl" .ctx) -}}
{{- with $v.retention.decisions -}}
{{- $_ := set $data "VOC_RETENTION_DECISIONS" . -}}
{{- end -}}
{{- else if eq .component "metrics-service" -}}
{{- $_ := set $data "VOC_METRICS_REPORTING_ZONE" $v.reporting.zone -}}
{{- $_ := set $data "VOC_METRICS_MIN_SAMPLE" ($v.reporting.minSample | toString) -}}
{{- $_ := set $data "VOC_ALERTS_INTERVAL" $v.alerts.interval -}}
{{- $_ := set $data "VOC_IMPACT_INTERVAL" $v.impact.interval -}}
{{- $_ := set $data "VOC_IMPACT_ALPHA" ($v.impact.alpha | toString) -}}
{{- $_ := set $data "VOC_IMPACT_SETTLE" $v.impact.settle -}}
{{- else if eq .component "case-service" -}}
{{- $_ := set $data "VOC_CASES_SLA_INTERVAL" $v.sla.interval -}}
{{- $_ := set $data "VOC_CASES_RECOVERY_TOUCHPOINT" $v.recovery.touchpointKey -}}
{{- $_ := set $data "VOC_CASES_RECOVERY_CHANNEL" $v.recovery.channel -}}
{{- $_ := set $data "VOC_CASES_ACTIONS_IMPACT_WINDOW_DAYS" ($v.improvementActions.impactWindowDays | toString) -}}
{{- $_ := set $data "VOC_CASES_ACTIONS_MIN_SAMPLE" ($v.improvementActions.minSample | toString) -}}
{{- $_ := set $data "VOC_CASES_ROOT_CAUSE_REQUIRED" ($v.rootCauses.required | toString) -}}
{{- with $v.retention.closedCases -}}
{{- $_ := set $data "VOC_RETENTION_CLOSED_CASES" . -}}
{{- end -}}
{{- else if eq .component "response-service" -}}
{{- $_ := set $data "VOC_INVITATIONS_JWKS_URL" (include "voc.invitationsJwksUrl" .ctx) -}}
{{- with $v.retention.verbatims -}}
{{- $_ := set $data "VOC_RETENTION_VERBATIMS" . -}}
{{- end -}}
{{- with $v.retention.openedInvitations -}}
{{- $_ := set $data "VOC_RETENTION_OPENED_INVITATIONS" . -}}
{{- end -}}
{{- if and $root.ingress.enabled $v.forwardedHeaders.enabled $v.forwardedHeaders.trustedProxies -}}
{{- /* The per-client rate limit of the respondent endpoints needs the client's address, not the ingress controller's;
but only a listed proxy may say what it is (Quarkus trusts every peer when trusted-proxies is empty). */ -}}
{{- $_ := set $data "QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING" "true" -}}
{{- $_ := set $data "QUARKUS_HTTP_PROXY_TRUSTED_PROXIES" (join "," $v.forwardedHeaders.trustedProxies) -}}
{{- if eq $v.forwardedHeaders.header "Forwarded" -}}
{{- $_ := set $data "QUARKUS_HTTP_PROXY_ALLOW_FORWARDED" "true" -}}
{{- else -}}
{{- $_ := set $data "QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED" "true" -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- range $name, $value := $data }}
{{ $name }}: {{ $value | quote }}
{{- end }}
{{- end -}}

{{/* Secret environment that only some services read, as container env entries. */}}
{{- define "voc.serviceSecretEnv" -}}
{{- if eq .component "survey-service" -}}
{{- $keys := .ctx.Values.surveyService.invitationKeys }}
- name: VOC_INVITATION_KEY_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ $keys.existingSecret }}
      key: {{ $keys.secretKey }}
{{- end }}
{{- if has .component (list "survey-service" "response-service" "case-service") -}}
{{- $pii := .ctx.Values.global.pii }}
- name: VOC_PII_PSEUDONYM_KEY
  valueFrom:
    secretKeyRef:
      name: {{ $pii.existingSecret }}
      key: {{ $pii.secretKey }}
{{- end -}}
{{- end -}}
