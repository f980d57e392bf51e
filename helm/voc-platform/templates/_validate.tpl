{{/*
validateValues: one message per contradiction, all reported at once (bitnami's pattern).
*/}}
{{- define "voc.validateValues" -}}
{{- $messages := list -}}
{{- $root := .Values -}}
{{- $cnpg := $root.postgresql.cloudnativepg.enabled -}}
{{- if not $root.global.oidc.issuerUrl -}}
{{- $messages = append $messages "global.oidc.issuerUrl: set the issuer URL of the realm (e.g. https://sso.example.com/realms/voc); every service verifies tokens against it." -}}
{{- end -}}
{{- if and $root.keycloak.realmImport.enabled (not (hasSuffix (printf "/realms/%s" $root.keycloak.realmImport.realm) (trimSuffix "/" $root.global.oidc.issuerUrl))) -}}
{{- $messages = append $messages (printf "global.oidc.issuerUrl (%s) must end with /realms/%s, the realm that keycloak.realmImport imports; otherwise no token would be accepted." $root.global.oidc.issuerUrl $root.keycloak.realmImport.realm) -}}
{{- end -}}
{{- if and $root.keycloak.realmImport.demoUsers.enabled (not $root.keycloak.realmImport.enabled) -}}
{{- $messages = append $messages "keycloak.realmImport.demoUsers.enabled needs keycloak.realmImport.enabled: the demo users are part of the realm import." -}}
{{- end -}}
{{- if and (hasPrefix "SASL_" $root.kafka.securityProtocol) (not $root.kafka.sasl.existingSecret) -}}
{{- $messages = append $messages (printf "kafka.securityProtocol is %s: set kafka.sasl.existingSecret to the Secret holding the JAAS line (key kafka.sasl.jaasConfigKey)." $root.kafka.securityProtocol) -}}
{{- end -}}
{{- if and $root.kafka.tls.caSecret (not (has $root.kafka.securityProtocol (list "SSL" "SASL_SSL"))) -}}
{{- $messages = append $messages (printf "kafka.tls.caSecret is set but kafka.securityProtocol is %s: use SSL or SASL_SSL, or remove the CA." $root.kafka.securityProtocol) -}}
{{- end -}}
{{- if and (hasPrefix "verify-" $root.postgresql.sslMode) (not $cnpg) (not $root.postgresql.tls.caSecret) -}}
{{- $messages = append $messages (printf "postgresql.sslMode is %s: set postgresql.tls.caSecret to the Secret holding the CA of the PostgreSQL server (key postgresql.tls.caKey), or the services cannot verify it and do not start." $root.postgresql.sslMode) -}}
{{- end -}}
{{- if and $root.ingress.enabled $root.ingress.tls.enabled (not $root.ingress.tls.secretName) -}}
{{- $messages = append $messages "ingress.tls.enabled needs ingress.tls.secretName (the Secret you or cert-manager provide)." -}}
{{- end -}}
{{- if and $root.networkPolicy.enabled (not $cnpg) (not $root.networkPolicy.infrastructure.postgresqlPeers) -}}
{{- $messages = append $messages "networkPolicy.enabled with an external PostgreSQL: declare networkPolicy.infrastructure.postgresqlPeers (e.g. an ipBlock), or the services could not reach their databases." -}}
{{- end -}}
{{- if and $root.networkPolicy.enabled (not $root.kafka.topics.enabled) (not $root.networkPolicy.infrastructure.kafkaPeers) -}}
{{- $messages = append $messages "networkPolicy.enabled with an external Kafka: declare networkPolicy.infrastructure.kafkaPeers, or the services could not reach the brokers." -}}
{{- end -}}
{{- if and $root.networkPolicy.enabled (not $root.networkPolicy.infrastructure.oidcPeers) -}}
{{- $messages = append $messages "networkPolicy.enabled: declare networkPolicy.infrastructure.oidcPeers (the OIDC issuer), or the services could not fetch its signing keys." -}}
{{- end -}}
{{- if and $root.surveyService.enabled (not $root.surveyService.invitationKeys.existingSecret) -}}
{{- $messages = append $messages (printf "surveyService.invitationKeys.existingSecret: name the Secret that holds the secret encrypting the invitation signing keys (key surveyService.invitationKeys.secretKey, %s); survey-service does not start without it. The chart never generates it: create it once with kubectl create secret generic <name> --from-literal=%s=$(openssl rand -base64 32) and never change it." $root.surveyService.invitationKeys.secretKey $root.surveyService.invitationKeys.secretKey) -}}
{{- end -}}
{{- if and (or $root.surveyService.enabled $root.responseService.enabled $root.caseService.enabled) (not $root.global.pii.existingSecret) -}}
{{- $messages = append $messages (printf "global.pii.existingSecret: name the Secret that holds the customer pseudonym key (key global.pii.secretKey, %s); survey-, response- and case-service do not start without it. The chart never generates it: create it once with kubectl create secret generic <name> --from-literal=%s=$(openssl rand -base64 32)." $root.global.pii.secretKey $root.global.pii.secretKey) -}}
{{- end -}}
{{- if and $root.surveyService.enabled (not $root.ingress.enabled) (not $root.surveyService.distribution.linkBaseUrl) -}}
{{- $messages = append $messages "surveyService.distribution.linkBaseUrl: set the public base URL of the survey pages (invitation links are <base>/s/<token>); with ingress.enabled false it cannot be derived from ingress.host." -}}
{{- end -}}
{{- if and $root.responseService.enabled (not $root.surveyService.enabled) (not $root.responseService.invitations.jwksUrl) -}}
{{- $messages = append $messages "responseService.invitations.jwksUrl: survey-service is not deployed by this release (surveyService.enabled is false); set the URL of its /api/invitation-keys/jwks, or response-service cannot verify invitation tokens." -}}
{{- end -}}
{{- if lt (int $root.rollout.terminationGracePeriodSeconds) (add (int $root.rollout.preStopSleepSeconds) 15) -}}
{{- $messages = append $messages (printf "rollout.terminationGracePeriodSeconds (%v) must be at least rollout.preStopSleepSeconds + 15 (%v): after the preStop sleep the services need time to finish the requests in flight and 10 s to drain their writers and outbox." $root.rollout.terminationGracePeriodSeconds (add (int $root.rollout.preStopSleepSeconds) 15)) -}}
{{- end -}}
{{- if ge (mul 3 (int $root.kafka.consumer.heartbeatIntervalMs)) (add1 (int $root.kafka.consumer.sessionTimeoutMs)) -}}
{{- $messages = append $messages (printf "kafka.consumer.heartbeatIntervalMs (%v) must be at most a third of kafka.consumer.sessionTimeoutMs (%v)." $root.kafka.consumer.heartbeatIntervalMs $root.kafka.consumer.sessionTimeoutMs) -}}
{{- end -}}
{{- $catalog := fromYaml (include "voc.catalog" .) -}}
{{- range $component := list "touchpoint-registry" "survey-service" "response-service" "metrics-service" "case-service" -}}
{{- $key := (index $catalog $component).key -}}
{{- $v := index $root $key -}}
{{- if $v.enabled -}}
{{- if and $cnpg $v.database.existingSecret -}}
{{- $messages = append $messages (printf "%s.database.existingSecret is set but postgresql.cloudnativepg.enabled is true: the operator generates the credentials; remove one of the two." $key) -}}
{{- end -}}
{{- if and $cnpg $v.database.host -}}
{{- $messages = append $messages (printf "%s.database.host is set but postgresql.cloudnativepg.enabled is true: the service uses its CloudNativePG cluster; remove one of the two." $key) -}}
{{- end -}}
{{- if and (ne (toString $v.podDisruptionBudget.minAvailable) "") (ne (toString $v.podDisruptionBudget.maxUnavailable) "") -}}
{{- $messages = append $messages (printf "%s.podDisruptionBudget: set either minAvailable or maxUnavailable, not both (set the other to \"\")." $key) -}}
{{- end -}}
{{- if and $v.autoscaling.enabled (gt (int $v.autoscaling.minReplicas) (int $v.autoscaling.maxReplicas)) -}}
{{- $messages = append $messages (printf "%s.autoscaling.minReplicas (%v) is greater than maxReplicas (%v)." $key $v.autoscaling.minReplicas $v.autoscaling.maxReplicas) -}}
{{- end -}}
{{- $floor := ternary $v.autoscaling.minReplicas $v.replicas $v.autoscaling.enabled -}}
{{- if and $v.podDisruptionBudget.enabled (ne (toString $v.podDisruptionBudget.minAvailable) "") (not (kindIs "string" $v.podDisruptionBudget.minAvailable)) (ge (int $v.podDisruptionBudget.minAvailable) (int $floor)) -}}
{{- $messages = append $messages (printf "%s.podDisruptionBudget.minAvailable (%v) must be lower than the replica count (%v), or no node could ever be drained." $key $v.podDisruptionBudget.minAvailable $floor) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- if $messages -}}
{{- fail (printf "\nVALUES VALIDATION:\n  - %s" (join "\n  - " $messages)) -}}
{{- end -}}
{{- end -}}
