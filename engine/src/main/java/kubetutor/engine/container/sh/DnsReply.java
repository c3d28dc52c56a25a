package kubetutor.engine.container.sh;

import java.util.List;

/**
 * A DNS server's answer to one query: its response code, the records of the answer (addresses for
 * an A query, names for a PTR query; none with NOERROR is NODATA: the name exists without such a
 * record), and whether the server answered from its own zone (CoreDNS is authoritative for
 * cluster.local; what it forwards is not).
 */
public record DnsReply(Rcode rcode, List<String> records, boolean authoritative) {
    /** The response codes a client can meet here, spelled as busybox nslookup prints them. */
    public enum Rcode { NOERROR, SERVFAIL, NXDOMAIN }

    public static DnsReply answer(List<String> records) {
        return new DnsReply(Rcode.NOERROR, List.copyOf(records), true);
    }

    public static DnsReply nxdomain() {
        return new DnsReply(Rcode.NXDOMAIN, List.of(), true);
    }

    /** A name outside the cluster's zone: the lab has no upstream resolver, so the forward fails. */
    public static DnsReply servfail() {
        return new DnsReply(Rcode.SERVFAIL, List.of(), false);
    }

    public boolean found() {
        return rcode == Rcode.NOERROR && !records.isEmpty();
    }
}
