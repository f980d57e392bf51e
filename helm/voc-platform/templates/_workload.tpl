{{/*
The objects every service has. Each service's folder includes these with (dict "ctx" $ "component" "<service>"), so
the five services can only differ through their values block.
*/}}

{{/* Non-secret settings of a service, as environment variables. */}}
{{- define "voc.configmap" -}}
{{- $v := index .ctx.Values (include "voc.key" .) -}}
{{- if $v.enabled -}}
{{- $root := .ctx.Values -}}
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ include "voc.name" . }}
  namespace: {{ .ctx.Release.Namespace }}
  labels:
    {{- include "voc.labels" . | nindent 4 }}
data:
  {{- include "voc.configData" . | nindent 2 }}
{{- end -}}
{{- end -}}

{{/*
The ConfigMap's entries: the shared settings, then the service's own, then its `config`, each key once (a later source
wins; a duplicate key would make the ConfigMap invalid YAML for strict parsers and ambiguous for the rest).
*/}}
{{- define "voc.configData" -}}
{{- $v := index .ctx.Values (include "voc.key" .) -}}
{{- $data := fromYaml (include "voc.sharedConfigData" .) -}}
{{- range $name, $value := fromYaml (include "voc.serviceConfigData" .) -}}
{{- $_ := set $data $name $value -}}
{{- end -}}
{{- range $name, $value := $v.config -}}
{{- $_ := set $data $name $value -}}
{{- end -}}
{{- range $name := keys $data | sortAlpha }}
{{ $name }}: {{ index $data $name | toString | quote }}
{{- end -}}
{{- end -}}

{{- define "voc.sharedConfigData" -}}
{{- $v := index .ctx.Values (include "voc.key" .) -}}
{{- $root := .ctx.Values -}}
PORT: "8080"
VOC_PG_HOST: {{ include "voc.databaseHost" . | quote }}
VOC_PG_PORT: {{ ternary 5432 $root.postgresql.port $root.postgresql.cloudnativepg.enabled | toString | quote }}
VOC_DB_NAME: {{ $v.database.name | quote }}
{{- if $root.postgresql.sslMode }}
{{- $url := printf "jdbc:postgresql://%s:%v/%s?sslmode=%s" (include "voc.databaseHost" .) (ternary 5432 $root.postgresql.port $root.postgresql.cloudnativepg.enabled) $v.database.name $root.postgresql.sslMode }}
{{- if include "voc.postgresqlCaSecret" . }}
{{- $url = printf "%s&sslrootcert=/etc/voc/postgresql-ca/root.crt" $url }}
{{- end }}
QUARKUS_DATASOURCE_JDBC_URL: {{ $url | quote }}
{{- end }}
VOC_KAFKA_BOOTSTRAP: {{ $root.kafka.bootstrapServers | quote }}
VOC_KAFKA_SESSION_TIMEOUT_MS: {{ $root.kafka.consumer.sessionTimeoutMs | toString | quote }}
VOC_KAFKA_HEARTBEAT_INTERVAL_MS: {{ $root.kafka.consumer.heartbeatIntervalMs | toString | quote }}
VOC_SHUTDOWN_TIMEOUT: {{ printf "%ds" (sub (sub (int $root.rollout.terminationGracePeriodSeconds) (int $root.rollout.preStopSleepSeconds)) 10) | quote }}
KAFKA_SECURITY_PROTOCOL: {{ $root.kafka.securityProtocol | quote }}
{{- if hasPrefix "SASL_" $root.kafka.securityProtocol }}
KAFKA_SASL_MECHANISM: {{ $root.kafka.sasl.mechanism | quote }}
{{- end }}
{{- if $root.kafka.tls.caSecret }}
KAFKA_SSL_TRUSTSTORE_TYPE: PEM
KAFKA_SSL_TRUSTSTORE_LOCATION: /etc/voc/kafka-ca/ca.crt
{{- end }}
VOC_OIDC_URL: {{ $root.global.oidc.issuerUrl | quote }}
QUARKUS_OIDC_TOKEN_AUDIENCE: {{ $root.global.oidc.audience | quote }}
QUARKUS_OIDC_CLIENT_ID: {{ $root.global.oidc.clientId | quote }}
QUARKUS_OIDC_TLS_VERIFICATION: {{ $root.global.oidc.tlsVerification | quote }}
LOG_JSON: {{ $root.logJson | toString | quote }}
{{ $root.jvm.optionsEnvVar }}: {{ $root.jvm.options | quote }}
{{- end -}}

{{- define "voc.serviceaccount" -}}
{{- $v := index .ctx.Values (include "voc.key" .) -}}
{{- if and $v.enabled .ctx.Values.serviceAccount.create -}}
apiVersion: v1
kind: ServiceAccount
metadata:
  name: {{ include "voc.name" . }}
  namespace: {{ .ctx.Release.Namespace }}
  labels:
    {{- include "voc.labels" . | nindent 4 }}
  {{- with .ctx.Values.serviceAccount.annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
automountServiceAccountToken: false
{{- end -}}
{{- end -}}

{{- define "voc.deployment" -}}
{{- $v := index .ctx.Values (include "voc.key" .) -}}
{{- if $v.enabled -}}
{{- $root := .ctx.Values -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "voc.name" . }}
  namespace: {{ .ctx.Release.Namespace }}
  labels:
    {{- include "voc.labels" . | nindent 4 }}
spec:
  {{- if not $v.autoscaling.enabled }}
  replicas: {{ $v.replicas }}
  {{- else }}
  {{- /* Never drop the field: an upgrade that removes it resets the Deployment to 1 pod until the HPA reacts. On an
  upgrade keep the count the HPA chose (the live object; Helm would otherwise "correct" it back on every upgrade);
  on an install, or without a cluster to ask (helm template), start at minReplicas. */}}
  {{- $live := dict }}
  {{- if .ctx.Release.IsUpgrade }}
  {{- $live = lookup "apps/v1" "Deployment" .ctx.Release.Namespace (include "voc.name" .) }}
  {{- end }}
  replicas: {{ max (int $v.autoscaling.minReplicas) (int (dig "spec" "replicas" 0 $live)) }}
  {{- end }}
  revisionHistoryLimit: {{ $root.rollout.revisionHistoryLimit }}
  minReadySeconds: {{ $root.rollout.minReadySeconds }}
  selector:
    matchLabels:
      {{- include "voc.selectorLabels" . | nindent 6 }}
  strategy:
    type: RollingUpdate
    rollingUpdate:
      # Never below the desired count: old and new versions serve side by side (expand/contract migrations).
      maxUnavailable: 0
      maxSurge: {{ $root.rollout.maxSurge }}
  template:
    metadata:
      labels:
        {{- include "voc.labels" . | nindent 8 }}
      annotations:
        # A changed setting rolls the pods.
        checksum/config: {{ include "voc.configData" . | sha256sum }}
        {{- /* With a ServiceMonitor, Prometheus must not also find the pods through the annotations (scraped twice). */}}
        {{- if and $root.metrics.podAnnotations (not $root.metrics.serviceMonitor.enabled) }}
        prometheus.io/scrape: "true"
        prometheus.io/path: /q/metrics
        prometheus.io/port: "8080"
        {{- end }}
        {{- with $v.podAnnotations }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
    spec:
      serviceAccountName: {{ include "voc.serviceAccountName" . }}
      automountServiceAccountToken: false
      # No docker-link variables: a Service named "kafka" would inject KAFKA_* variables that Quarkus reads as Kafka config.
      enableServiceLinks: false
      {{- include "voc.imagePullSecrets" .ctx | nindent 6 }}
      securityContext:
        {{- include "voc.podSecurityContext" .ctx | nindent 8 }}
      terminationGracePeriodSeconds: {{ $root.rollout.terminationGracePeriodSeconds }}
      {{- with $root.topologySpread }}
      topologySpreadConstraints:
        {{- range . }}
        - topologyKey: {{ .topologyKey }}
          maxSkew: {{ .maxSkew }}
          whenUnsatisfiable: {{ .whenUnsatisfiable }}
          labelSelector:
            matchLabels:
              {{- include "voc.selectorLabels" $ | nindent 14 }}
          # Skew is counted per ReplicaSet, so a roll's new pods spread among themselves, not around the old ones.
          matchLabelKeys:
            - pod-template-hash
          # Only nodes the pod may run on count as domains: a tainted or excluded node never blocks a spread.
          nodeAffinityPolicy: Honor
          nodeTaintsPolicy: Honor
        {{- end }}
      {{- end }}
      {{- with $v.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $v.tolerations }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $v.affinity }}
      affinity:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      containers:
        - name: {{ .component }}
          image: {{ include "voc.image" . | quote }}
          imagePullPolicy: {{ $v.image.pullPolicy }}
          ports:
            - name: http
              containerPort: 8080
              protocol: TCP
          envFrom:
            - configMapRef:
                name: {{ include "voc.name" . }}
          env:
            - name: VOC_PG_USER
              valueFrom:
                secretKeyRef:
                  name: {{ include "voc.databaseSecret" . }}
                  key: {{ ternary "username" $v.database.usernameKey $root.postgresql.cloudnativepg.enabled }}
            - name: VOC_PG_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: {{ include "voc.databaseSecret" . }}
                  key: {{ ternary "password" $v.database.passwordKey $root.postgresql.cloudnativepg.enabled }}
            {{- if hasPrefix "SASL_" $root.kafka.securityProtocol }}
            - name: KAFKA_SASL_JAAS_CONFIG
              valueFrom:
                secretKeyRef:
                  name: {{ $root.kafka.sasl.existingSecret }}
                  key: {{ $root.kafka.sasl.jaasConfigKey }}
            {{- end }}
            {{- if $root.global.oidc.existingSecret }}
            - name: QUARKUS_OIDC_CREDENTIALS_SECRET
              valueFrom:
                secretKeyRef:
                  name: {{ $root.global.oidc.existingSecret }}
                  key: {{ $root.global.oidc.clientSecretKey }}
            {{- end }}
            {{- with include "voc.serviceSecretEnv" . | trim }}
            {{- . | nindent 12 }}
            {{- end }}
          {{- include "voc.probes" . | nindent 10 }}
          {{- if gt (int $root.rollout.preStopSleepSeconds) 0 }}
          lifecycle:
            # Keeps serving while the endpoint removal reaches every node and the ingress controller.
            preStop:
              sleep:
                seconds: {{ $root.rollout.preStopSleepSeconds }}
          {{- end }}
          resources:
            {{- toYaml $v.resources | nindent 12 }}
          securityContext:
            {{- include "voc.containerSecurityContext" .ctx | nindent 12 }}
          volumeMounts:
            - name: tmp
              mountPath: /tmp
            {{- if $root.kafka.tls.caSecret }}
            - name: kafka-ca
              mountPath: /etc/voc/kafka-ca
              readOnly: true
            {{- end }}
            {{- if include "voc.postgresqlCaSecret" . }}
            - name: postgresql-ca
              mountPath: /etc/voc/postgresql-ca
              readOnly: true
            {{- end }}
      volumes:
        - name: tmp
          emptyDir:
            sizeLimit: {{ $root.tmpSizeLimit }}
        {{- if $root.kafka.tls.caSecret }}
        - name: kafka-ca
          secret:
            secretName: {{ $root.kafka.tls.caSecret }}
            items:
              - key: {{ $root.kafka.tls.caKey }}
                path: ca.crt
        {{- end }}
        {{- with include "voc.postgresqlCaSecret" . }}
        - name: postgresql-ca
          secret:
            secretName: {{ . }}
            items:
              - key: {{ ternary "ca.crt" $root.postgresql.tls.caKey $root.postgresql.cloudnativepg.enabled }}
                path: root.crt
        {{- end }}
{{- end -}}
{{- end -}}

{{- define "voc.service" -}}
{{- $v := index .ctx.Values (include "voc.key" .) -}}
{{- if $v.enabled -}}
apiVersion: v1
kind: Service
metadata:
  name: {{ include "voc.name" . }}
  namespace: {{ .ctx.Release.Namespace }}
  labels:
    {{- include "voc.labels" . | nindent 4 }}
spec:
  type: ClusterIP
  selector:
    {{- include "voc.selectorLabels" . | nindent 4 }}
  ports:
    - name: http
      port: 80
      targetPort: http
      protocol: TCP
{{- end -}}
{{- end -}}

{{- define "voc.pdb" -}}
{{- $v := index .ctx.Values (include "voc.key" .) -}}
{{- if and $v.enabled $v.podDisruptionBudget.enabled -}}
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ include "voc.name" . }}
  namespace: {{ .ctx.Release.Namespace }}
  labels:
    {{- include "voc.labels" . | nindent 4 }}
spec:
  {{- if ne (toString $v.podDisruptionBudget.minAvailable) "" }}
  minAvailable: {{ $v.podDisruptionBudget.minAvailable }}
  {{- else }}
  maxUnavailable: {{ $v.podDisruptionBudget.maxUnavailable }}
  {{- end }}
  selector:
    matchLabels:
      {{- include "voc.selectorLabels" . | nindent 6 }}
{{- end -}}
{{- end -}}

{{- define "voc.hpa" -}}
{{- $v := index .ctx.Values (include "voc.key" .) -}}
{{- if and $v.enabled $v.autoscaling.enabled -}}
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ include "voc.name" . }}
  namespace: {{ .ctx.Release.Namespace }}
  labels:
    {{- include "voc.labels" . | nindent 4 }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ include "voc.name" . }}
  minReplicas: {{ $v.autoscaling.minReplicas }}
  maxReplicas: {{ $v.autoscaling.maxReplicas }}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: {{ $v.autoscaling.targetCPUUtilizationPercentage }}
  behavior:
    # A JVM's start-up (JIT compilation) is a CPU burst, not load: only a sustained rise adds pods.
    scaleUp:
      stabilizationWindowSeconds: {{ $v.autoscaling.scaleUpStabilizationSeconds }}
    scaleDown:
      stabilizationWindowSeconds: {{ $v.autoscaling.scaleDownStabilizationSeconds }}
{{- end -}}
{{- end -}}

{{- define "voc.servicemonitor" -}}
{{- $v := index .ctx.Values (include "voc.key" .) -}}
{{- if and $v.enabled .ctx.Values.metrics.serviceMonitor.enabled -}}
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: {{ include "voc.name" . }}
  namespace: {{ .ctx.Release.Namespace }}
  labels:
    {{- include "voc.labels" . | nindent 4 }}
    {{- with .ctx.Values.metrics.serviceMonitor.labels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
spec:
  selector:
    matchLabels:
      {{- include "voc.selectorLabels" . | nindent 6 }}
  endpoints:
    - port: http
      path: /q/metrics
      interval: {{ .ctx.Values.metrics.serviceMonitor.interval }}
{{- end -}}
{{- end -}}

{{- define "voc.networkpolicy" -}}
{{- $v := index .ctx.Values (include "voc.key" .) -}}
{{- $root := .ctx.Values -}}
{{- if and $v.enabled $root.networkPolicy.enabled -}}
{{- $np := $root.networkPolicy -}}
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ include "voc.name" . }}
  namespace: {{ .ctx.Release.Namespace }}
  labels:
    {{- include "voc.labels" . | nindent 4 }}
spec:
  podSelector:
    matchLabels:
      {{- include "voc.selectorLabels" . | nindent 6 }}
  policyTypes: [Ingress, Egress]
  ingress:
    # The gateway (ingress controller), the same release's pods (helm test) and Prometheus, on the HTTP port only.
    - from:
        - namespaceSelector:
            {{- toYaml $np.ingressControllerNamespaceSelector | nindent 12 }}
        - podSelector:
            matchLabels:
              app.kubernetes.io/instance: {{ .ctx.Release.Name }}
              app.kubernetes.io/part-of: voc-platform
        - namespaceSelector:
            {{- toYaml $np.monitoringNamespaceSelector | nindent 12 }}
      ports:
        - port: http
          protocol: TCP
  egress:
    - to:
        {{- toYaml $np.dnsPeers | nindent 8 }}
      ports:
        - port: 53
          protocol: UDP
        - port: 53
          protocol: TCP
    # PostgreSQL
    - to:
        {{- if $root.postgresql.cloudnativepg.enabled }}
        - podSelector:
            matchLabels:
              cnpg.io/cluster: {{ include "voc.pgClusterName" . }}
        {{- end }}
        {{- with $np.infrastructure.postgresqlPeers }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      ports:
        - port: {{ ternary 5432 $root.postgresql.port $root.postgresql.cloudnativepg.enabled }}
          protocol: TCP
    # Kafka
    - to:
        {{- if $root.kafka.topics.enabled }}
        - podSelector:
            matchLabels:
              strimzi.io/cluster: {{ $root.kafka.topics.clusterName }}
          namespaceSelector: {}
        {{- end }}
        {{- with $np.infrastructure.kafkaPeers }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      ports:
        {{- range $np.infrastructure.kafkaPorts }}
        - port: {{ . }}
          protocol: TCP
        {{- end }}
    # OIDC issuer (JWKS)
    - to:
        {{- toYaml $np.infrastructure.oidcPeers | nindent 8 }}
      ports:
        {{- range $np.infrastructure.oidcPorts }}
        - port: {{ . }}
          protocol: TCP
        {{- end }}
    {{- $catalog := fromYaml (include "voc.catalog" .ctx) }}
    {{- range $callee := (get (index $catalog .component) "calls" | default list) }}
    {{- if (index $root (index $catalog $callee).key).enabled }}
    # {{ $callee }} of the release (e.g. the invitation JWKS), on its pods' HTTP port
    - to:
        - podSelector:
            matchLabels:
              {{- include "voc.selectorLabels" (dict "ctx" $.ctx "component" $callee) | nindent 14 }}
      ports:
        - port: 8080
          protocol: TCP
    {{- end }}
    {{- end }}
{{- end -}}
{{- end -}}
