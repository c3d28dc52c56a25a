package kubetutor.engine.cluster;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceTypes;

import java.util.List;

/** The objects kubeadm creates in a fresh cluster, as a real one shows them. */
public final class SystemObjects {
    private static final String REGISTRY = "registry.k8s.io/";
    /** The pod-template-hash of kubeadm 1.32's CoreDNS deployment. */
    static final String COREDNS_HASH = "668d6bf9bc";

    private SystemObjects() {}

    public static ObjectNode namespace(String name) {
        ObjectNode ns = Meta.JSON.objectNode();
        ns.put("apiVersion", "v1");
        ns.put("kind", "Namespace");
        ObjectNode meta = ns.putObject("metadata");
        meta.put("name", name);
        meta.putObject("labels").put("kubernetes.io/metadata.name", name);
        ns.putObject("spec").putArray("finalizers").add("kubernetes");
        ns.putObject("status").put("phase", "Active");
        return ns;
    }

    static ObjectNode kubernetesService() {
        ObjectNode svc = service("default", "kubernetes", "10.96.0.1");
        ObjectNode labels = Meta.metadata(svc).putObject("labels");
        labels.put("component", "apiserver");
        labels.put("provider", "kubernetes");
        port(svc, "https", 443, "TCP", 6443);
        return svc;
    }

    /**
     * The endpoints the API server itself keeps for the {@code kubernetes} Service (its lease
     * reconciler): the control plane's address on the secure port. The endpoint slice mirroring
     * controller is told to leave them alone; the API server writes the slice too.
     */
    static ObjectNode kubernetesEndpoints(String apiServerIp) {
        ObjectNode ep = Meta.JSON.objectNode();
        ep.put("apiVersion", "v1");
        ep.put("kind", "Endpoints");
        ObjectNode meta = ep.putObject("metadata");
        meta.put("name", "kubernetes");
        meta.put("namespace", "default");
        meta.putObject("labels").put("endpointslice.kubernetes.io/skip-mirror", "true");
        ObjectNode subset = ep.putArray("subsets").addObject();
        subset.putArray("addresses").addObject().put("ip", apiServerIp);
        subset.putArray("ports").addObject().put("name", "https").put("port", 6443).put("protocol", "TCP");
        return ep;
    }

    /** The API server's own slice for the kubernetes Service (its endpoint reconciler's, not the controller's). */
    static ObjectNode kubernetesEndpointSlice(String apiServerIp) {
        ObjectNode slice = Meta.JSON.objectNode();
        slice.put("apiVersion", ResourceTypes.ENDPOINT_SLICE.apiVersion());
        slice.put("kind", ResourceTypes.ENDPOINT_SLICE.kind());
        ObjectNode meta = slice.putObject("metadata");
        meta.put("name", "kubernetes");
        meta.put("namespace", "default");
        meta.putObject("labels").put("kubernetes.io/service-name", "kubernetes");
        slice.put("addressType", "IPv4");
        ObjectNode ep = slice.putArray("endpoints").addObject();
        ep.putArray("addresses").add(apiServerIp);
        ep.putObject("conditions").put("ready", true);
        slice.putArray("ports").addObject().put("name", "https").put("protocol", "TCP").put("port", 6443);
        return slice;
    }

    static ObjectNode kubeDnsService() {
        ObjectNode svc = service("kube-system", "kube-dns", "10.96.0.10");
        ObjectNode meta = Meta.metadata(svc);
        meta.putObject("annotations").put("prometheus.io/port", "9153").put("prometheus.io/scrape", "true");
        meta.putObject("labels").put("k8s-app", "kube-dns").put("kubernetes.io/cluster-service", "true")
                .put("kubernetes.io/name", "CoreDNS");
        port(svc, "dns", 53, "UDP", 53);
        port(svc, "dns-tcp", 53, "TCP", 53);
        port(svc, "metrics", 9153, "TCP", 9153);
        ((ObjectNode) svc.get("spec")).putObject("selector").put("k8s-app", "kube-dns");
        return svc;
    }

    private static ObjectNode service(String namespace, String name, String clusterIp) {
        ObjectNode svc = Meta.JSON.objectNode();
        svc.put("apiVersion", "v1");
        svc.put("kind", "Service");
        ObjectNode meta = svc.putObject("metadata");
        meta.put("name", name);
        meta.put("namespace", namespace);
        ObjectNode spec = svc.putObject("spec");
        spec.put("clusterIP", clusterIp);
        spec.putArray("clusterIPs").add(clusterIp);
        spec.put("internalTrafficPolicy", "Cluster");
        spec.putArray("ipFamilies").add("IPv4");
        spec.put("ipFamilyPolicy", "SingleStack");
        spec.putArray("ports");
        spec.put("sessionAffinity", "None");
        spec.put("type", "ClusterIP");
        svc.putObject("status").putObject("loadBalancer");
        return svc;
    }

    private static void port(ObjectNode svc, String name, int port, String protocol, int target) {
        ((ArrayNode) svc.get("spec").get("ports")).addObject().put("name", name).put("port", port)
                .put("protocol", protocol).put("targetPort", target);
    }

    static List<ObjectNode> staticPods(String node, String nodeUid, String nodeIp) {
        return List.of(
                staticPod("etcd", node, nodeUid, REGISTRY + "etcd:3.5.16-0", "100m", "100Mi",
                        List.of("etcd", "--advertise-client-urls=https://" + nodeIp + ":2379", "--data-dir=/var/lib/etcd")),
                staticPod("kube-apiserver", node, nodeUid, REGISTRY + "kube-apiserver:" + Bootstrap.VERSION, "250m", null,
                        List.of("kube-apiserver", "--advertise-address=" + nodeIp, "--service-cluster-ip-range=10.96.0.0/12")),
                staticPod("kube-controller-manager", node, nodeUid, REGISTRY + "kube-controller-manager:" + Bootstrap.VERSION,
                        "200m", null, List.of("kube-controller-manager", "--allocate-node-cidrs=true", "--cluster-cidr=10.244.0.0/16")),
                staticPod("kube-scheduler", node, nodeUid, REGISTRY + "kube-scheduler:" + Bootstrap.VERSION, "100m", null,
                        List.of("kube-scheduler", "--leader-elect=true")));
    }

    private static ObjectNode staticPod(String component, String node, String nodeUid, String image, String cpu,
                                        String memory, List<String> command) {
        ObjectNode pod = pod("kube-system", component + "-" + node);
        ObjectNode meta = Meta.metadata(pod);
        meta.putObject("labels").put("component", component).put("tier", "control-plane");
        ObjectNode ann = meta.putObject("annotations");
        ann.put("kubernetes.io/config.source", "file");
        ownerRef(meta, "v1", "Node", node, nodeUid);
        ObjectNode spec = (ObjectNode) pod.get("spec");
        ObjectNode c = container(spec, component, image);
        ArrayNode cmd = c.putArray("command");
        command.forEach(cmd::add);
        ObjectNode requests = c.putObject("resources").putObject("requests");
        requests.put("cpu", cpu);
        if (memory != null) {
            requests.put("memory", memory);
        }
        spec.put("hostNetwork", true);
        spec.put("nodeName", node);
        spec.put("priority", 2000001000);
        spec.put("priorityClassName", "system-node-critical");
        spec.putArray("tolerations").addObject().put("effect", "NoExecute").put("operator", "Exists");
        ((ObjectNode) pod.get("status")).put("qosClass", "Burstable");
        return pod;
    }

    /**
     * kubeadm's kube-proxy DaemonSet: on every Linux node, control plane included (it tolerates
     * every taint), on the host's network.
     */
    static ObjectNode kubeProxyDaemonSet() {
        ObjectNode ds = Meta.JSON.objectNode();
        ds.put("apiVersion", "apps/v1");
        ds.put("kind", "DaemonSet");
        ObjectNode meta = ds.putObject("metadata");
        meta.put("name", "kube-proxy");
        meta.put("namespace", "kube-system");
        meta.putObject("labels").put("k8s-app", "kube-proxy");
        ObjectNode spec = ds.putObject("spec");
        spec.putObject("selector").putObject("matchLabels").put("k8s-app", "kube-proxy");
        ObjectNode template = spec.putObject("template");
        template.putObject("metadata").putObject("labels").put("k8s-app", "kube-proxy");
        ObjectNode podSpec = template.putObject("spec");
        ObjectNode c = podSpec.putArray("containers").addObject();
        c.putArray("command").add("/usr/local/bin/kube-proxy").add("--config=/var/lib/kube-proxy/config.conf")
                .add("--hostname-override=$(NODE_NAME)");
        c.putArray("env").addObject().put("name", "NODE_NAME").putObject("valueFrom").putObject("fieldRef")
                .put("apiVersion", "v1").put("fieldPath", "spec.nodeName");
        c.put("image", REGISTRY + "kube-proxy:" + Bootstrap.VERSION);
        c.put("imagePullPolicy", "IfNotPresent");
        c.put("name", "kube-proxy");
        c.putObject("securityContext").put("privileged", true);
        podSpec.put("hostNetwork", true);
        podSpec.putObject("nodeSelector").put("kubernetes.io/os", "linux");
        podSpec.put("priorityClassName", "system-node-critical");
        podSpec.put("serviceAccountName", "kube-proxy");
        podSpec.putArray("tolerations").addObject().put("operator", "Exists");
        ObjectNode strategy = spec.putObject("updateStrategy");
        strategy.putObject("rollingUpdate").put("maxSurge", 0).put("maxUnavailable", 1);
        strategy.put("type", "RollingUpdate");
        return ds;
    }

    /** kubeadm's CoreDNS Deployment, as kubeadm creates it: the deployment controller does the rest. */
    static ObjectNode corednsDeployment() {
        ObjectNode d = Meta.JSON.objectNode();
        d.put("apiVersion", "apps/v1");
        d.put("kind", "Deployment");
        ObjectNode meta = d.putObject("metadata");
        meta.put("name", "coredns");
        meta.put("namespace", "kube-system");
        meta.putObject("labels").put("k8s-app", "kube-dns");
        ObjectNode spec = d.putObject("spec");
        spec.put("progressDeadlineSeconds", 600);
        spec.put("replicas", 2);
        spec.put("revisionHistoryLimit", 10);
        spec.putObject("selector").putObject("matchLabels").put("k8s-app", "kube-dns");
        ObjectNode strategy = spec.putObject("strategy");
        strategy.putObject("rollingUpdate").put("maxSurge", "25%").put("maxUnavailable", 1);
        strategy.put("type", "RollingUpdate");
        spec.set("template", corednsTemplate(null));
        return d;
    }

    /**
     * The ReplicaSet of the CoreDNS Deployment's first revision, named after the hash kubeadm's real
     * template has. The simulated controller would hash the template to another name (it cannot
     * hash as Go does), so it is created with the Deployment, and the controller takes it as its
     * new ReplicaSet for its template, which is the Deployment's.
     */
    static ObjectNode corednsReplicaSet(String deploymentUid) {
        ObjectNode rs = Meta.JSON.objectNode();
        rs.put("apiVersion", "apps/v1");
        rs.put("kind", "ReplicaSet");
        ObjectNode meta = rs.putObject("metadata");
        meta.put("name", "coredns-" + COREDNS_HASH);
        meta.put("namespace", "kube-system");
        meta.putObject("annotations").put("deployment.kubernetes.io/desired-replicas", "2")
                .put("deployment.kubernetes.io/max-replicas", "3").put("deployment.kubernetes.io/revision", "1");
        meta.putObject("labels").put("k8s-app", "kube-dns").put("pod-template-hash", COREDNS_HASH);
        ownerRef(meta, "apps/v1", "Deployment", "coredns", deploymentUid);
        ObjectNode spec = rs.putObject("spec");
        spec.put("replicas", 2);
        spec.putObject("selector").putObject("matchLabels").put("k8s-app", "kube-dns").put("pod-template-hash", COREDNS_HASH);
        spec.set("template", corednsTemplate(COREDNS_HASH));
        return rs;
    }

    private static ObjectNode corednsTemplate(String hash) {
        ObjectNode template = Meta.JSON.objectNode();
        ObjectNode labels = template.putObject("metadata").putObject("labels");
        labels.put("k8s-app", "kube-dns");
        if (hash != null) {
            labels.put("pod-template-hash", hash);
        }
        ObjectNode spec = template.putObject("spec");
        ObjectNode c = spec.putArray("containers").addObject();
        c.putArray("args").add("-conf").add("/etc/coredns/Corefile");
        c.put("image", REGISTRY + "coredns/coredns:v1.11.3");
        c.put("imagePullPolicy", "IfNotPresent");
        c.put("name", "coredns");
        ObjectNode resources = c.putObject("resources");
        resources.putObject("limits").put("memory", "170Mi");
        resources.putObject("requests").put("cpu", "100m").put("memory", "70Mi");
        c.put("terminationMessagePath", "/dev/termination-log");
        c.put("terminationMessagePolicy", "File");
        spec.put("dnsPolicy", "Default");
        spec.putObject("nodeSelector").put("kubernetes.io/os", "linux");
        spec.put("priorityClassName", "system-cluster-critical");
        spec.put("restartPolicy", "Always");
        spec.put("schedulerName", "default-scheduler");
        spec.putObject("securityContext");
        spec.put("serviceAccount", "coredns");
        spec.put("serviceAccountName", "coredns");
        spec.put("terminationGracePeriodSeconds", 30);
        ArrayNode tol = spec.putArray("tolerations");
        tol.addObject().put("key", "CriticalAddonsOnly").put("operator", "Exists");
        tol.addObject().put("effect", "NoSchedule").put("key", "node-role.kubernetes.io/control-plane");
        return template;
    }

    private static ObjectNode pod(String namespace, String name) {
        ObjectNode pod = Meta.JSON.objectNode();
        pod.put("apiVersion", "v1");
        pod.put("kind", "Pod");
        ObjectNode meta = pod.putObject("metadata");
        meta.put("name", name);
        meta.put("namespace", namespace);
        ObjectNode spec = pod.putObject("spec");
        spec.putArray("containers");
        spec.put("dnsPolicy", "ClusterFirst");
        spec.put("enableServiceLinks", true);
        spec.put("preemptionPolicy", "PreemptLowerPriority");
        spec.put("restartPolicy", "Always");
        spec.put("schedulerName", "default-scheduler");
        spec.putObject("securityContext");
        spec.put("terminationGracePeriodSeconds", 30);
        pod.putObject("status").put("phase", "Pending");
        return pod;
    }

    private static ObjectNode container(ObjectNode spec, String name, String image) {
        ObjectNode c = ((ArrayNode) spec.get("containers")).addObject();
        c.put("image", image);
        c.put("imagePullPolicy", "IfNotPresent");
        c.put("name", name);
        c.put("terminationMessagePath", "/dev/termination-log");
        c.put("terminationMessagePolicy", "File");
        return c;
    }

    private static void ownerRef(ObjectNode meta, String apiVersion, String kind, String name, String uid) {
        ObjectNode ref = meta.putArray("ownerReferences").addObject();
        ref.put("apiVersion", apiVersion);
        if (!kind.equals("Node")) {
            ref.put("blockOwnerDeletion", true);
        }
        ref.put("controller", true);
        ref.put("kind", kind);
        ref.put("name", name);
        ref.put("uid", uid);
    }
}
