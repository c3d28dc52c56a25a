package kubetutor.engine.api.service;

import java.util.Optional;

/**
 * An IPv4 CIDR as the service IP allocator uses it: neither the network address nor the broadcast
 * address is handed out, so slot 0 is the range's first address plus one.
 */
record Ipv4Range(long network, int prefix) {
    static final Ipv4Range SERVICES = parse("10.96.0.0/12");

    static Ipv4Range parse(String cidr) {
        int slash = cidr.indexOf('/');
        return new Ipv4Range(parse4(cidr.substring(0, slash)).orElseThrow(), Integer.parseInt(cidr.substring(slash + 1)));
    }

    /** The address {@code text} names, when it is a dotted IPv4 address. */
    static Optional<Long> parse4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        long v = 0;
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit) || Integer.parseInt(p) > 255) {
                return Optional.empty();
            }
            v = v << 8 | Integer.parseInt(p);
        }
        return Optional.of(v);
    }

    static String format(long ip) {
        return (ip >> 24 & 255) + "." + (ip >> 16 & 255) + "." + (ip >> 8 & 255) + "." + (ip & 255);
    }

    /** How many addresses can be handed out. */
    int slots() {
        return (int) ((1L << (32 - prefix)) - 2);
    }

    /** The slot of {@code ip}, or -1 when it is not one the range hands out. */
    int slotOf(long ip) {
        long slot = ip - network - 1;
        return slot >= 0 && slot < slots() ? (int) slot : -1;
    }

    long address(int slot) {
        return network + 1 + slot;
    }

    @Override
    public String toString() {
        return format(network) + "/" + prefix;
    }
}
