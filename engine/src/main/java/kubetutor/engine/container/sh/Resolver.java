package kubetutor.engine.container.sh;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How the C library in a container turns a host name into an address (what wget and curl call):
 * /etc/hosts first, then the nameserver of /etc/resolv.conf with its search list and ndots, read
 * from the container's files as the library reads them, so a pod's DNS policy shows through.
 */
final class Resolver {
    private static final int DEFAULT_NDOTS = 1;

    private Resolver() {}

    /** The first address of {@code name}, or empty when it does not resolve. */
    static Optional<String> resolve(ProcessHost host, String name) {
        if (isIpv4(name)) {
            return Optional.of(name);
        }
        String bare = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        Optional<String> local = fromHosts(host.fs(), bare);
        if (local.isPresent()) {
            return local;
        }
        ResolvConf conf = ResolvConf.read(host.fs());
        if (conf.nameservers().isEmpty()) {
            return Optional.empty();
        }
        for (String candidate : candidates(name, conf)) {
            for (String server : conf.nameservers()) {
                Optional<DnsReply> r = host.dns(server, DnsQuery.a(candidate));
                if (r.isPresent()) {
                    if (r.get().found()) {
                        return Optional.of(r.get().records().get(0));
                    }
                    break; // an answer, even NXDOMAIN, is final for this name: the next server is for timeouts
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The names tried in order, as glibc and musl do: a name with a trailing dot is absolute; one
     * with at least ndots dots is tried as it is first; otherwise the search domains come first.
     */
    static List<String> candidates(String name, ResolvConf conf) {
        if (name.endsWith(".")) {
            return List.of(name.substring(0, name.length() - 1));
        }
        List<String> searched = new ArrayList<>();
        for (String domain : conf.search()) {
            searched.add(name + "." + domain);
        }
        List<String> out = new ArrayList<>();
        long dots = name.chars().filter(ch -> ch == '.').count();
        if (dots >= conf.ndots()) {
            out.add(name);
            out.addAll(searched);
        } else {
            out.addAll(searched);
            out.add(name);
        }
        return out;
    }

    private static Optional<String> fromHosts(VirtualFs fs, String name) {
        Optional<String> text = fs.read("/etc/hosts");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        for (String line : text.get().split("\n")) {
            int hash = line.indexOf('#');
            String[] f = (hash >= 0 ? line.substring(0, hash) : line).trim().split("\\s+");
            for (int i = 1; i < f.length; i++) {
                if (f[i].equalsIgnoreCase(name) && isIpv4(f[0])) {
                    return Optional.of(f[0]);
                }
            }
        }
        return Optional.empty();
    }

    static boolean isIpv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit) || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }

    /** /etc/resolv.conf as resolvers read it: nameserver lines, the last search (or domain) line, options ndots. */
    record ResolvConf(List<String> nameservers, List<String> search, int ndots) {
        static ResolvConf read(VirtualFs fs) {
            List<String> servers = new ArrayList<>();
            List<String> search = List.of();
            int ndots = DEFAULT_NDOTS;
            for (String line : fs.read("/etc/resolv.conf").orElse("").split("\n")) {
                String[] f = line.trim().split("\\s+");
                if (f.length < 2) {
                    continue;
                }
                switch (f[0]) {
                    case "nameserver" -> servers.add(f[1]);
                    case "search", "domain" -> search = List.of(f).subList(1, f.length);
                    case "options" -> {
                        for (int i = 1; i < f.length; i++) {
                            if (f[i].startsWith("ndots:")) {
                                try {
                                    ndots = Math.min(15, Integer.parseInt(f[i].substring(6)));
                                } catch (NumberFormatException e) {
                                    // glibc ignores an option it cannot read
                                }
                            }
                        }
                    }
                    default -> { }
                }
            }
            return new ResolvConf(servers, search, ndots);
        }
    }
}
