package kubetutor.engine.container.sh;

/**
 * host[:port] and path of a URL, with http:// and the "/" path assumed as wget and curl do; a port
 * that is no number is -1.
 */
public record Url(String full, String hostPort, String host, int port, String path) {
    public static Url parse(String raw) {
        String u = raw.contains("://") ? raw : "http://" + raw;
        String rest = u.substring(u.indexOf("://") + 3);
        int slash = rest.indexOf('/');
        String hostPort = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "/" : rest.substring(slash);
        int colon = hostPort.lastIndexOf(':');
        String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
        int port = u.startsWith("https") ? 443 : 80;
        if (colon >= 0) {
            try {
                port = Integer.parseInt(hostPort.substring(colon + 1));
            } catch (NumberFormatException e) {
                port = -1;
            }
        }
        String scheme = u.substring(0, u.indexOf("://"));
        return new Url(scheme + "://" + hostPort + path, hostPort, host, port, path);
    }

    String fileName() {
        String p = path.endsWith("/") ? "" : path.substring(path.lastIndexOf('/') + 1);
        int q = p.indexOf('?');
        p = q >= 0 ? p.substring(0, q) : p;
        return p.isEmpty() ? "index.html" : p;
    }
}
