package kubetutor.engine.container.sh;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * busybox 1.36's nslookup: its own resolver, not the C library's. It reads /etc/resolv.conf for
 * the servers and the search list, but applies the list only to a name without a dot (so
 * {@code nslookup web.default} asks for "web.default" alone and fails, the well-known difference
 * from the C library); it asks A and AAAA for each name at once and prints every reply.
 */
final class NsLookup {
    private static final String USAGE = "BusyBox v1.36.1 multi-call binary.\n\n"
            + "Usage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\n"
            + "Query DNS about HOST\n\n"
            + "QUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,ptr,srv,any\n";

    private NsLookup() {}

    static int run(Command.Ctx c, List<String> argv) {
        List<String> args = new ArrayList<>();
        for (String a : argv.subList(1, argv.size())) {
            if (!a.startsWith("-")) {
                args.add(a);
            }
        }
        if (args.isEmpty() || args.size() > 2) {
            c.err(USAGE);
            return 1;
        }
        String name = args.get(0);
        Resolver.ResolvConf conf = Resolver.ResolvConf.read(c.fs());
        List<String> servers = args.size() == 2 ? List.of(args.get(1))
                : conf.nameservers().isEmpty() ? List.of("127.0.0.1") : conf.nameservers();
        List<DnsQuery> queries = queries(name, conf);
        for (String server : servers) {
            if (c.sh().host.dns(server, queries.get(0)).isEmpty()) {
                continue; // nothing answers there: busybox tries the next server after its timeout
            }
            return print(c, server, queries);
        }
        c.out(";; connection timed out; no servers could be reached\n\n");
        return 1;
    }

    private static List<DnsQuery> queries(String name, Resolver.ResolvConf conf) {
        Optional<String> ptr = reverse(name);
        if (ptr.isPresent()) {
            return List.of(new DnsQuery(ptr.get(), DnsQuery.Type.PTR));
        }
        List<String> names = new ArrayList<>();
        if (name.contains(".") || conf.search().isEmpty()) {
            names.add(name);
        } else {
            conf.search().forEach(d -> names.add(name + "." + d));
        }
        List<DnsQuery> out = new ArrayList<>();
        names.forEach(n -> out.add(new DnsQuery(n, DnsQuery.Type.A)));
        names.forEach(n -> out.add(new DnsQuery(n, DnsQuery.Type.AAAA)));
        return out;
    }

    /** An IPv4 address is asked about by its in-addr.arpa name, as a PTR query. */
    private static Optional<String> reverse(String name) {
        if (!Resolver.isIpv4(name)) {
            return Optional.empty();
        }
        String[] p = name.split("\\.");
        return Optional.of(p[3] + "." + p[2] + "." + p[1] + "." + p[0] + ".in-addr.arpa");
    }

    /**
     * The replies in the order the queries went out (all are sent at once; a local server answers
     * them in turn). Each reply is followed by an empty line, a NODATA reply by that line alone.
     */
    private static int print(Command.Ctx c, String server, List<DnsQuery> queries) {
        StringBuilder out = new StringBuilder("Server:\t\t" + server + "\nAddress:\t" + server + ":53\n\n");
        int status = 0;
        for (DnsQuery q : queries) {
            DnsReply r = c.sh().host.dns(server, q).orElseThrow();
            if (r.rcode() != DnsReply.Rcode.NOERROR) {
                out.append("** server can't find ").append(q.name()).append(": ").append(r.rcode()).append('\n');
                status = 1;
            } else {
                if (!r.authoritative()) {
                    out.append("Non-authoritative answer:\n");
                }
                for (String record : r.records()) {
                    out.append(q.type() == DnsQuery.Type.PTR ? q.name() + "\tname = " + record + "\n"
                            : "Name:\t" + q.name() + "\nAddress: " + record + "\n");
                }
            }
            out.append('\n');
        }
        c.out(out.toString());
        return status;
    }
}
