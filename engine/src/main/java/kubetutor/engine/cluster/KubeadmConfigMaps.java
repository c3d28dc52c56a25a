package kubetutor.engine.cluster;

import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.Meta;
import kubetutor.engine.controller.bootstraptoken.BootstrapSigner;
import kubetutor.engine.controller.rootcacertpublisher.RootCa;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ConfigMaps of a kubeadm 1.32 control plane besides kube-root-ca.crt: the two the API server
 * writes when it starts, the two kubeadm init uploads (its ClusterConfiguration and the kubelets'
 * configuration), the addons' (CoreDNS's Corefile, kube-proxy's configuration and kubeconfig), and
 * kube-public/cluster-info, which joining nodes read without credentials.
 */
final class KubeadmConfigMaps {
    private KubeadmConfigMaps() {}

    /** kube-apiserver's: the client CAs other servers trust it with, and the day it began tracking legacy tokens. */
    static ObjectNode[] apiServers(Instant started) {
        Map<String, String> auth = new LinkedHashMap<>();
        auth.put("client-ca-file", RootCa.PEM);
        auth.put("requestheader-allowed-names", "[\"front-proxy-client\"]");
        auth.put("requestheader-client-ca-file", RootCa.FRONT_PROXY_PEM);
        auth.put("requestheader-extra-headers-prefix", "[\"X-Remote-Extra-\"]");
        auth.put("requestheader-group-headers", "[\"X-Remote-Group\"]");
        auth.put("requestheader-username-headers", "[\"X-Remote-User\"]");
        String day = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC).format(started);
        return new ObjectNode[] {
                configMap("kube-system", "extension-apiserver-authentication", auth),
                configMap("kube-system", "kube-apiserver-legacy-service-account-token-tracking", Map.of("since", day))};
    }

    /** kubeadm init's upload-config phase. */
    static ObjectNode[] uploadConfig(String podSubnet) {
        return new ObjectNode[] {
                configMap("kube-system", "kubeadm-config", Map.of("ClusterConfiguration", """
                        apiServer: {}
                        apiVersion: kubeadm.k8s.io/v1beta4
                        caCertificateValidityPeriod: 87600h0m0s
                        certificateValidityPeriod: 8760h0m0s
                        certificatesDir: /etc/kubernetes/pki
                        clusterName: kubernetes
                        controllerManager: {}
                        dns: {}
                        encryptionAlgorithm: RSA-2048
                        etcd:
                          local:
                            dataDir: /var/lib/etcd
                        imageRepository: registry.k8s.io
                        kind: ClusterConfiguration
                        kubernetesVersion: %s
                        networking:
                          dnsDomain: cluster.local
                          podSubnet: %s
                          serviceSubnet: 10.96.0.0/12
                        proxy: {}
                        scheduler: {}
                        """.formatted(Bootstrap.VERSION, podSubnet))),
                configMap("kube-system", "kubelet-config", Map.of("kubelet", """
                        apiVersion: kubelet.config.k8s.io/v1beta1
                        authentication:
                          anonymous:
                            enabled: false
                          webhook:
                            cacheTTL: 0s
                            enabled: true
                          x509:
                            clientCAFile: /etc/kubernetes/pki/ca.crt
                        authorization:
                          mode: Webhook
                          webhook:
                            cacheAuthorizedTTL: 0s
                            cacheUnauthorizedTTL: 0s
                        cgroupDriver: systemd
                        clusterDNS:
                        - 10.96.0.10
                        clusterDomain: cluster.local
                        containerRuntimeEndpoint: ""
                        cpuManagerReconcilePeriod: 0s
                        crashLoopBackOff: {}
                        evictionPressureTransitionPeriod: 0s
                        fileCheckFrequency: 0s
                        healthzBindAddress: 127.0.0.1
                        healthzPort: 10248
                        httpCheckFrequency: 0s
                        imageMaximumGCAge: 0s
                        imageMinimumGCAge: 0s
                        kind: KubeletConfiguration
                        logging:
                          flushFrequency: 0
                          options:
                            json:
                              infoBufferSize: "0"
                            text:
                              infoBufferSize: "0"
                          verbosity: 0
                        memorySwap: {}
                        nodeStatusReportFrequency: 0s
                        nodeStatusUpdateFrequency: 0s
                        resolvConf: /run/systemd/resolve/resolv.conf
                        rotateCertificates: true
                        runtimeRequestTimeout: 0s
                        shutdownGracePeriod: 0s
                        shutdownGracePeriodCriticalPods: 0s
                        staticPodPath: /etc/kubernetes/manifests
                        streamingConnectionIdleTimeout: 0s
                        syncFrequency: 0s
                        volumeStatsAggPeriod: 0s
                        """))};
    }

    /** kubeadm's bootstrap-token phase: the cluster's CA and address, for nodes that join with a token. */
    static ObjectNode clusterInfo(String apiServer) {
        String ca = Base64.getEncoder().encodeToString(RootCa.PEM.getBytes(StandardCharsets.UTF_8));
        return configMap(BootstrapSigner.CONFIG_MAP_NAMESPACE, BootstrapSigner.CONFIG_MAP, Map.of("kubeconfig", """
                apiVersion: v1
                clusters:
                - cluster:
                    certificate-authority-data: %s
                    server: https://%s:6443
                  name: ""
                contexts: null
                current-context: ""
                kind: Config
                preferences: {}
                users: null
                """.formatted(ca, apiServer)));
    }

    static ObjectNode coredns() {
        return configMap("kube-system", "coredns", Map.of("Corefile", """
                .:53 {
                    errors
                    health {
                       lameduck 5s
                    }
                    ready
                    kubernetes cluster.local in-addr.arpa ip6.arpa {
                       pods insecure
                       fallthrough in-addr.arpa ip6.arpa
                       ttl 30
                    }
                    prometheus :9153
                    forward . /etc/resolv.conf {
                       max_concurrent 1000
                    }
                    cache 30 {
                       disable success cluster.local
                       disable denial cluster.local
                    }
                    loop
                    reload
                    loadbalance
                }
                """));
    }

    static ObjectNode kubeProxy(String apiServer, String podSubnet) {
        ObjectNode cm = configMap("kube-system", "kube-proxy", Map.of("config.conf", KubeProxyConfig.text(podSubnet),
                "kubeconfig.conf", """
                        apiVersion: v1
                        kind: Config
                        clusters:
                        - cluster:
                            certificate-authority: /var/run/secrets/kubernetes.io/serviceaccount/ca.crt
                            server: https://%s:6443
                          name: default
                        contexts:
                        - context:
                            cluster: default
                            namespace: default
                            user: default
                          name: default
                        current-context: default
                        users:
                        - name: default
                          user:
                            tokenFile: /var/run/secrets/kubernetes.io/serviceaccount/token
                        """.formatted(apiServer)));
        Meta.metadata(cm).putObject("labels").put("app", "kube-proxy");
        return cm;
    }

    private static ObjectNode configMap(String namespace, String name, Map<String, String> data) {
        ObjectNode cm = Meta.JSON.objectNode();
        cm.put("apiVersion", "v1");
        cm.put("kind", "ConfigMap");
        cm.putObject("metadata").put("name", name).put("namespace", namespace);
        ObjectNode d = cm.putObject("data");
        new TreeMap<>(data).forEach(d::put);
        return cm;
    }
}
