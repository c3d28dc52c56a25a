package kubetutor.engine.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ApiStore;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.container.sh.DnsQuery;
import kubetutor.engine.container.sh.DnsReply;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * CoreDNS as kubeadm configures it ({@code kubernetes cluster.local in-addr.arpa ip6.arpa} with
 * {@code pods insecure}): authoritative for cluster.local, with an A record per Service
 * (SVC.NS.svc.cluster.local: its ClusterIP, or a headless Service's ready addresses), one for each
 * ready pod of a headless Service that names it as its subdomain (HOSTNAME.SVC.NS.svc.cluster.local), an A record
 * for any pod address written with dashes (A-B-C-D.NS.pod.cluster.local), PTR records for
 * ClusterIPs, and NXDOMAIN for the rest of the zone. The cluster is IPv4 only, so AAAA questions
 * about names that exist get an empty answer. Other names are forwarded upstream; the lab has no
 * upstream that knows any name, so they do not exist either.
 */
final class ClusterDns {
    static final String ZONE = "cluster.local";

    private final ApiStore store;
    private final ReadyEndpoints endpoints;

    ClusterDns(ApiStore store, ReadyEndpoints endpoints) {
        this.store = store;
        this.endpoints = endpoints;
    }

    DnsReply answer(DnsQuery q) {
        String name = q.name().toLowerCase(Locale.ROOT);
        name = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        if (q.type() == DnsQuery.Type.PTR) {
            return reverse(name);
        }
        if (!name.endsWith("." + ZONE)) {
            return new DnsReply(DnsReply.Rcode.NXDOMAIN, List.of(), false);
        }
        Optional<List<String>> a = addresses(name.substring(0, name.length() - ZONE.length() - 1).split("\\.", -1));
        if (a.isEmpty()) {
            return DnsReply.nxdomain();
        }
        return DnsReply.answer(q.type() == DnsQuery.Type.A ? a.get() : List.of());
    }

    /** The A records of a name inside the zone (labels before cluster.local); empty when it does not exist. */
    private Optional<List<String>> addresses(String[] labels) {
        int n = labels.length;
        if (n == 1 && (labels[0].equals("svc") || labels[0].equals("pod"))) {
            return Optional.of(List.of());
        }
        if (n == 2 && (labels[1].equals("svc") || labels[1].equals("pod")) && namespaceExists(labels[0])) {
            return Optional.of(List.of()); // the namespace's node of the tree exists, with no record of its own
        }
        if (n == 3 && labels[2].equals("svc")) {
            return Services.named(store, labels[1], labels[0]).flatMap(svc -> svc.headless()
                    ? Optional.of(endpoints.addresses(svc.namespace(), svc.name())).filter(l -> !l.isEmpty())
                    : Optional.of(List.of(svc.clusterIp())));
        }
        if (n == 4 && labels[3].equals("svc")) {
            return Services.named(store, labels[2], labels[1]).filter(svc -> svc.headless())
                    .flatMap(svc -> namedPod(svc.namespace(), svc.name(), labels[0]));
        }
        if (n == 3 && labels[2].equals("pod") && namespaceExists(labels[1])) {
            String ip = labels[0].replace('-', '.');
            return isIpv4(ip) ? Optional.of(List.of(ip)) : Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * HOSTNAME.SUBDOMAIN.NS.svc: the ready pod of a headless Service whose spec.hostname is HOSTNAME
     * and spec.subdomain the Service's name (the endpoints controller gives its address that hostname).
     */
    private Optional<List<String>> namedPod(String namespace, String service, String hostname) {
        List<String> ready = endpoints.addresses(namespace, service);
        for (ObjectNode pod : store.list(ResourceTypes.POD, namespace)) {
            JsonNode spec = pod.path("spec");
            String ip = pod.path("status").path("podIP").asText("");
            if (spec.path("hostname").asText("").equals(hostname) && spec.path("subdomain").asText("").equals(service)
                    && ready.contains(ip)) {
                return Optional.of(List.of(ip));
            }
        }
        return Optional.empty();
    }

    private DnsReply reverse(String name) {
        String suffix = ".in-addr.arpa";
        if (!name.endsWith(suffix)) {
            return DnsReply.nxdomain();
        }
        String[] p = name.substring(0, name.length() - suffix.length()).split("\\.", -1);
        if (p.length != 4) {
            return DnsReply.nxdomain();
        }
        String ip = p[3] + "." + p[2] + "." + p[1] + "." + p[0];
        return Services.byClusterIp(store, ip)
                .map(svc -> DnsReply.answer(List.of(svc.name() + "." + svc.namespace() + ".svc." + ZONE)))
                .orElseGet(DnsReply::nxdomain);
    }

    private boolean namespaceExists(String ns) {
        return store.get(ResourceTypes.NAMESPACE, "", ns) != null;
    }

    private static boolean isIpv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit) || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }
}
