package kubetutor.engine.container.sh;

/** One DNS question: a name and the record type asked for (the types a client here asks). */
public record DnsQuery(String name, Type type) {
    public enum Type { A, AAAA, PTR }

    public static DnsQuery a(String name) {
        return new DnsQuery(name, Type.A);
    }
}
