package kubetutor.engine.kubectl.describe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ResourceTypes;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** describe configmap, secret and serviceaccount. */
class DescribeConfigTest {
    private final Store store = new Store();

    @Test
    void configMapPrintsEachValueUnderItsKey() {
        ObjectNode cm = store.put(ResourceTypes.CONFIG_MAP, """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: settings, uid: c1, labels: {app: web}}
                data:
                  nginx.conf: |
                    server {
                      listen 80;
                    }
                  mode: fast
                binaryData: {logo.png: iVBORw==}
                """);
        assertEquals("""
                Name:         settings
                Namespace:    default
                Labels:       app=web
                Annotations:  <none>

                Data
                ====
                mode:
                ----
                fast

                nginx.conf:
                ----
                server {
                  listen 80;
                }



                BinaryData
                ====
                logo.png: 4 bytes

                Events:  <none>
                """, store.describe(ResourceTypes.CONFIG_MAP, cm));
    }

    @Test
    void anEmptyConfigMap() {
        ObjectNode cm = store.put(ResourceTypes.CONFIG_MAP, "{kind: ConfigMap, metadata: {name: empty, uid: c2}}");
        assertEquals("""
                Name:         empty
                Namespace:    default
                Labels:       <none>
                Annotations:  <none>

                Data
                ====

                BinaryData
                ====

                Events:  <none>
                """, store.describe(ResourceTypes.CONFIG_MAP, cm));
    }

    @Test
    void secretShowsSizesNotValues() {
        ObjectNode secret = store.put(ResourceTypes.SECRET, """
                apiVersion: v1
                kind: Secret
                metadata: {name: db, uid: s1}
                data: {user: YWRtaW4=, password: czNjcjN0}
                type: Opaque
                """);
        assertEquals("""
                Name:         db
                Namespace:    default
                Labels:       <none>
                Annotations:  <none>

                Type:  Opaque

                Data
                ====
                password:  6 bytes
                user:      5 bytes
                """, store.describe(ResourceTypes.SECRET, secret));
    }

    @Test
    void theDefaultServiceAccountHasNoSecrets() {
        ObjectNode sa = store.put(ResourceTypes.SERVICE_ACCOUNT, "{kind: ServiceAccount, metadata: {name: default, uid: a1}}");
        assertEquals("""
                Name:                default
                Namespace:           default
                Labels:              <none>
                Annotations:         <none>
                Image pull secrets:  <none>
                Mountable secrets:   <none>
                Tokens:              <none>
                Events:              <none>
                """, store.describe(ResourceTypes.SERVICE_ACCOUNT, sa));
    }

    @Test
    void serviceAccountSecretsThatExistOrNot() {
        ObjectNode sa = store.put(ResourceTypes.SERVICE_ACCOUNT, """
                kind: ServiceAccount
                metadata: {name: build-bot, uid: a2}
                imagePullSecrets: [{name: regcred}, {name: gone}]
                secrets: [{name: build-bot-token}]
                """);
        store.put(ResourceTypes.SECRET, "{metadata: {name: regcred}, type: kubernetes.io/dockerconfigjson}");
        store.put(ResourceTypes.SECRET, """
                metadata:
                  name: build-bot-token
                  annotations: {kubernetes.io/service-account.name: build-bot, kubernetes.io/service-account.uid: a2}
                type: kubernetes.io/service-account-token
                """);
        store.put(ResourceTypes.SECRET, """
                metadata:
                  name: old-token
                  annotations: {kubernetes.io/service-account.name: build-bot, kubernetes.io/service-account.uid: a-deleted-one}
                type: kubernetes.io/service-account-token
                """);
        assertEquals("""
                Name:                build-bot
                Namespace:           default
                Labels:              <none>
                Annotations:         <none>
                Image pull secrets:  regcred
                                     gone (not found)
                Mountable secrets:   build-bot-token
                Tokens:              build-bot-token
                Events:              <none>
                """, store.describe(ResourceTypes.SERVICE_ACCOUNT, sa));
    }
}
