package kubetutor.engine.kubectl.printer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import kubetutor.engine.api.ResourceType;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.output.Cell;
import kubetutor.engine.output.Output;
import kubetutor.engine.output.PlainText;
import kubetutor.engine.output.Table;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code kubectl get} tables of the template-driven kinds and the config kinds, from objects as the
 * API server stores them (status as their controllers leave it), at a fixed "now".
 */
class GetColumnsTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Instant NOW = Instant.parse("2026-01-05T09:00:00Z");

    private static final String RC = """
            metadata: {name: web, creationTimestamp: "2026-01-05T08:57:55Z"}
            spec:
              replicas: 3
              selector: {tier: fe, app: web}
              template:
                metadata: {labels: {app: web, tier: fe}}
                spec: {containers: [{name: nginx, image: "nginx:1.27"}, {name: sidecar, image: "busybox:1.36"}]}
            status: {replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 2, availableReplicas: 2}
            """;

    private static final String RS = """
            metadata: {name: api-7c5ddbdf54, creationTimestamp: "2026-01-05T08:59:00Z"}
            spec:
              replicas: 2
              selector:
                matchLabels: {app: api}
                matchExpressions:
                - {key: tier, operator: NotIn, values: [x]}
                - {key: env, operator: In, values: [prod, dev]}
                - {key: canary, operator: DoesNotExist}
                - {key: team, operator: Exists}
              template:
                metadata: {labels: {app: api, env: dev, team: a}}
                spec: {containers: [{name: api, image: "http-go:v1"}]}
            status: {replicas: 1}
            """;

    private static final String DS = """
            metadata: {name: kube-proxy, namespace: kube-system, creationTimestamp: "2026-01-03T09:01:00Z"}
            spec:
              selector: {matchLabels: {k8s-app: kube-proxy}}
              template:
                metadata: {labels: {k8s-app: kube-proxy}}
                spec:
                  nodeSelector: {kubernetes.io/os: linux}
                  containers: [{name: kube-proxy, image: "registry.k8s.io/kube-proxy:v1.32.4"}]
            status: {currentNumberScheduled: 3, numberMisscheduled: 0, desiredNumberScheduled: 3, numberReady: 2,
                     updatedNumberScheduled: 3, numberAvailable: 2, numberUnavailable: 1}
            """;

    @Test
    void replicationControllerSelectorIsAPlainMap() {
        assertEquals("""
                NAME   DESIRED   CURRENT   READY   AGE
                web    3         3         2       2m5s
                """, get(ResourceTypes.REPLICATION_CONTROLLER, false, RC));
        assertEquals("""
                NAME   DESIRED   CURRENT   READY   AGE    CONTAINERS      IMAGES                    SELECTOR
                web    3         3         2       2m5s   nginx,sidecar   nginx:1.27,busybox:1.36   app=web,tier=fe
                """, get(ResourceTypes.REPLICATION_CONTROLLER, true, RC));
    }

    @Test
    void replicaSetSelectorWithExpressionsSortedByKey() {
        assertEquals("""
                NAME             DESIRED   CURRENT   READY   AGE   CONTAINERS   IMAGES       SELECTOR
                api-7c5ddbdf54   2         1         0       60s   api          http-go:v1   app=api,!canary,env in (dev,prod),team,tier notin (x)
                """, get(ResourceTypes.REPLICA_SET, true, RS));
    }

    @Test
    void daemonSetNodeSelectorComesFromItsTemplate() {
        assertEquals("""
                NAME         DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR            AGE
                kube-proxy   3         3         2       3            2           kubernetes.io/os=linux   47h
                """, get(ResourceTypes.DAEMON_SET, false, DS));
        assertEquals("""
                NAME         DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR            AGE   CONTAINERS   IMAGES                               SELECTOR
                kube-proxy   3         3         2       3            2           kubernetes.io/os=linux   47h   kube-proxy   registry.k8s.io/kube-proxy:v1.32.4   k8s-app=kube-proxy
                """, get(ResourceTypes.DAEMON_SET, true, DS));
        assertEquals("""
                NAME    DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE
                agent   0         0         0       0            0           <none>          0s
                """, get(ResourceTypes.DAEMON_SET, false, """
                metadata: {name: agent, creationTimestamp: "2026-01-05T09:00:00Z"}
                spec: {selector: {matchLabels: {app: agent}}, template: {spec: {containers: [{name: a, image: busybox}]}}}
                status: {currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0}
                """));
    }

    @Test
    void deploymentReadyIsReadyOverDesired() {
        assertEquals("""
                NAME    READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES   SELECTOR
                nginx   2/3     3            2           10s   nginx        nginx    app=nginx
                """, get(ResourceTypes.DEPLOYMENT, true, """
                metadata: {name: nginx, creationTimestamp: "2026-01-05T08:59:50Z"}
                spec:
                  replicas: 3
                  selector: {matchLabels: {app: nginx}}
                  template: {metadata: {labels: {app: nginx}}, spec: {containers: [{name: nginx, image: nginx}]}}
                status: {replicas: 3, updatedReplicas: 3, readyReplicas: 2, availableReplicas: 2, unavailableReplicas: 1}
                """));
    }

    @Test
    void configMapsSecretsAndServiceAccountsCountTheirData() {
        assertEquals("""
                NAME               DATA   AGE
                kube-root-ca.crt   1      2d
                settings           3      5s
                """, get(ResourceTypes.CONFIG_MAP, false, """
                metadata: {name: kube-root-ca.crt, creationTimestamp: "2026-01-03T09:00:00Z"}
                data: {ca.crt: "-----BEGIN CERTIFICATE-----"}
                """, """
                metadata: {name: settings, creationTimestamp: "2026-01-05T08:59:55Z"}
                data: {mode: fast, level: "3"}
                binaryData: {logo.png: iVBORw==}
                """));
        assertEquals("""
                NAME      TYPE                DATA   AGE
                db        Opaque              2      5s
                web-tls   kubernetes.io/tls   2      5s
                """, get(ResourceTypes.SECRET, false, """
                metadata: {name: db, creationTimestamp: "2026-01-05T08:59:55Z"}
                data: {user: YWRtaW4=, password: czNjcjN0}
                type: Opaque
                """, """
                metadata: {name: web-tls, creationTimestamp: "2026-01-05T08:59:55Z"}
                data: {tls.crt: eA==, tls.key: eQ==}
                type: kubernetes.io/tls
                """));
        assertEquals("""
                NAME      SECRETS   AGE
                default   0         2d
                """, get(ResourceTypes.SERVICE_ACCOUNT, false, """
                metadata: {name: default, creationTimestamp: "2026-01-03T09:00:00Z"}
                """));
    }

    @Test
    void selectorFormats() {
        assertEquals("<none>", Selectors.formatLabelSelector(yaml("{}")));
        assertEquals("", Selectors.labelSelector(yaml("{matchLabels: {}}")));
        assertEquals("a in (x)", Selectors.labelSelector(yaml("{matchExpressions: [{key: a, operator: In, values: [x]}]}")));
        assertEquals("app=web,tier=fe", Selectors.formatLabelSelector(yaml("{matchLabels: {tier: fe, app: web}}")));
    }

    /** The table kubectl get prints for these objects (one kind, one namespace). */
    private static String get(ResourceType type, boolean wide, String... objects) {
        Columns cols = TableColumns.of(type);
        List<String> headers = new ArrayList<>();
        for (int i = 0; i < cols.headers().size(); i++) {
            if (wide || !cols.wideOnly().get(i)) {
                headers.add(cols.headers().get(i));
            }
        }
        List<List<Cell>> rows = new ArrayList<>();
        for (String o : objects) {
            List<Cell> cells = cols.row(yaml(o), NOW);
            List<Cell> row = new ArrayList<>();
            for (int i = 0; i < cells.size(); i++) {
                if (wide || !cols.wideOnly().get(i)) {
                    row.add(cells.get(i));
                }
            }
            rows.add(row);
        }
        return PlainText.render(new Output.TableOutput(new Table(headers, rows)));
    }

    private static JsonNode yaml(String text) {
        try {
            return YAML.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
