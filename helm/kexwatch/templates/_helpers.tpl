{{- define "kexwatch.fullname" -}}
{{- if contains "kexwatch" .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-kexwatch" .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "kexwatch.selectorLabels" -}}
app.kubernetes.io/name: kexwatch
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "kexwatch.labels" -}}
{{ include "kexwatch.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "kexwatch.dbSecret" -}}
{{- default (printf "%s-db" (include "kexwatch.fullname" .)) .Values.database.existingSecret -}}
{{- end -}}

{{- define "kexwatch.policiesConfigMap" -}}
{{- default (printf "%s-policies" (include "kexwatch.fullname" .)) .Values.existingPoliciesConfigMap -}}
{{- end -}}

{{- define "kexwatch.hasPolicies" -}}
{{- if or .Values.policies .Values.existingPoliciesConfigMap }}true{{ end -}}
{{- end -}}

{{- define "kexwatch.inventoryConfigMap" -}}
{{- default (printf "%s-inventory" (include "kexwatch.fullname" .)) .Values.inventory.existingConfigMap -}}
{{- end -}}

{{- define "kexwatch.hasInventory" -}}
{{- if or .Values.inventory.hosts .Values.inventory.existingConfigMap }}true{{ end -}}
{{- end -}}

{{- define "kexwatch.jwtSecret" -}}
{{- default (printf "%s-jwt" (include "kexwatch.fullname" .)) .Values.security.existingJwtSecret -}}
{{- end -}}

{{- define "kexwatch.hasJwtKey" -}}
{{- if or .Values.security.jwtPublicKey .Values.security.existingJwtSecret }}true{{ end -}}
{{- end -}}
