package kubetutor.engine.container;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.kubelet.ContainerRuntime.PodContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The files the kubelet (through containerd) puts into every container of a pod: /etc/hosts,
 * which it manages (the pod's own name, with its subdomain's DNS name, and spec.hostAliases), and
 * /etc/resolv.conf as the pod's dnsPolicy and dnsConfig make it (the kubelet's pkg/kubelet/network/dns).
 */
final class KubeletFiles {
    /** The cluster's DNS domain (the kubelet's clusterDomain, kubeadm's default). */
    static final String CLUSTER_DOMAIN = "cluster.local";
    /**
     * The node's own resolver, which dnsPolicy Default hands on: the kubelet reads systemd-resolved's
     * /run/systemd/resolve/resolv.conf, whose server on the lab's VirtualBox NAT network is 10.0.2.3.
     */
    static final List<String> NODE_NAMESERVERS = List.of("10.0.2.3");
    /** The kubelet keeps the first three servers, as the C library reads no more. */
    private static final int MAX_NAMESERVERS = 3;

    private KubeletFiles() {}

    /**
     * The kubelet's managed hosts file: the loopback and IPv6 names, the pod's address with its host
     * name (after its fully qualified name when it has a subdomain), then its host aliases.
     */
    static String hosts(String podIp, PodContext pod) {
        StringBuilder b = new StringBuilder("# Kubernetes-managed hosts file.\n"
                + "127.0.0.1\tlocalhost\n"
                + "::1\tlocalhost ip6-localhost ip6-loopback\n"
                + "fe00::0\tip6-localnet\n"
                + "fe00::0\tip6-mcastprefix\n"
                + "fe00::1\tip6-allnodes\n"
                + "fe00::2\tip6-allrouters\n");
        String hostname = pod.hostname();
        String subdomain = pod.podSpec().path("subdomain").asText("");
        if (subdomain.isEmpty()) {
            b.append(podIp).append('\t').append(hostname).append('\n');
        } else {
            b.append(podIp).append('\t').append(hostname).append('.').append(subdomain).append('.').append(pod.namespace())
                    .append(".svc.").append(CLUSTER_DOMAIN).append('\t').append(hostname).append('\n');
        }
        JsonNode aliases = pod.podSpec().path("hostAliases");
        if (aliases.size() > 0) {
            b.append("\n# Entries added by HostAliases.\n");
            for (JsonNode a : aliases) {
                List<String> names = new ArrayList<>();
                a.path("hostnames").forEach(h -> names.add(h.asText()));
                b.append(a.path("ip").asText()).append('\t').append(String.join("\t", names)).append('\n');
            }
        }
        return b.toString();
    }

    /**
     * The resolver configuration of the pod's dnsPolicy: ClusterFirst (a hostNetwork pod's falls back
     * to Default) and ClusterFirstWithHostNet ask the cluster's DNS Service with the namespace first
     * in the search list and ndots:5; Default hands on the node's resolver; None starts empty. Then
     * spec.dnsConfig's nameservers and searches are added and its options override. containerd
     * writes the search line first.
     */
    static String resolvConf(PodContext pod) {
        JsonNode spec = pod.podSpec();
        String policy = spec.path("dnsPolicy").asText("ClusterFirst");
        boolean hostNetwork = spec.path("hostNetwork").asBoolean(false);
        List<String> servers = new ArrayList<>();
        List<String> search = new ArrayList<>();
        Map<String, String> options = new TreeMap<>(); // the kubelet merges options in a map: their order is not kept
        boolean cluster = policy.equals("ClusterFirstWithHostNet") || policy.equals("ClusterFirst") && !hostNetwork;
        if (cluster) {
            servers.add(ServiceNetwork.DNS_IP);
            search.addAll(List.of(pod.namespace() + ".svc." + CLUSTER_DOMAIN, "svc." + CLUSTER_DOMAIN, CLUSTER_DOMAIN));
            options.put("ndots", "5");
        } else if (!policy.equals("None")) {
            servers.addAll(NODE_NAMESERVERS);
        }
        JsonNode config = spec.path("dnsConfig");
        config.path("nameservers").forEach(n -> addOnce(servers, n.asText()));
        config.path("searches").forEach(n -> addOnce(search, n.asText()));
        config.path("options").forEach(o -> options.put(o.path("name").asText(), o.path("value").asText("")));
        StringBuilder b = new StringBuilder();
        if (!search.isEmpty()) {
            b.append("search ").append(String.join(" ", search)).append('\n');
        }
        servers.stream().limit(MAX_NAMESERVERS).forEach(s -> b.append("nameserver ").append(s).append('\n'));
        if (!options.isEmpty()) {
            List<String> opts = new ArrayList<>();
            options.forEach((name, value) -> opts.add(value.isEmpty() ? name : name + ":" + value));
            b.append("options ").append(String.join(" ", opts)).append('\n');
        }
        return b.toString();
    }

    private static void addOnce(List<String> list, String value) {
        if (!list.contains(value)) {
            list.add(value);
        }
    }
}
