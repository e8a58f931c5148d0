{{/* The chart name, or nameOverride. */}}
{{- define "networkmachinery.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
The base of every object's name: fullnameOverride, else the release name when it holds the chart name, else
RELEASE-CHART. Kept to 40 characters so that the longest suffix (-webhook-tls) still fits in 63.
*/}}
{{- define "networkmachinery.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 40 | trimSuffix "-" }}
{{- else if contains (include "networkmachinery.name" .) .Release.Name }}
{{- .Release.Name | trunc 40 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name (include "networkmachinery.name" .) | trunc 40 | trimSuffix "-" }}
{{- end }}
{{- end }}

{{/* Labels on every object. */}}
{{- define "networkmachinery.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/name: {{ include "networkmachinery.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/* Selector labels of one component; call with (dict "root" $ "component" "operator"). */}}
{{- define "networkmachinery.selectorLabels" -}}
app.kubernetes.io/name: {{ include "networkmachinery.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{/* Every label of one component's objects; same argument as selectorLabels. */}}
{{- define "networkmachinery.componentLabels" -}}
{{ include "networkmachinery.labels" .root }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{/* The one image every component runs. */}}
{{- define "networkmachinery.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}

{{/* The Kafka flags (KafkaCliOptions: --kafka, --topic-prefix, --kafka-config), as container args; none without brokers. */}}
{{- define "networkmachinery.kafkaArgs" -}}
{{- if .Values.kafka.brokers }}
- --kafka
- {{ .Values.kafka.brokers | quote }}
- --topic-prefix
- {{ .Values.kafka.topicPrefix | quote }}
{{- range $key, $value := .Values.kafka.config }}
- --kafka-config
- {{ printf "%s=%v" $key $value | quote }}
{{- end }}
{{- end }}
{{- end }}

{{/* The container security context of the operator and the collector: non-root, read-only, no capabilities. */}}
{{- define "networkmachinery.restrictedSecurityContext" -}}
runAsNonRoot: true
runAsUser: 65532
runAsGroup: 65532
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
capabilities:
  drop: ["ALL"]
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{/* Names of the webhook's objects; the operator's --webhook-* flags name the same ones. */}}
{{- define "networkmachinery.webhookService" -}}
{{ include "networkmachinery.fullname" . }}-webhook
{{- end }}
{{- define "networkmachinery.webhookSecret" -}}
{{ include "networkmachinery.fullname" . }}-webhook-tls
{{- end }}
