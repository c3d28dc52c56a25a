package kubetutor.apiserver;

import kubetutor.engine.kubelet.HttpResult;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * HTTP/1.1 on a forwarded connection: requests cut from the bytes a local client (curl, a browser)
 * sends, and the simulated server's answer written as the bytes such a server would send.
 */
final class ForwardedHttp {
    /** A request line's path and the client's User-Agent (the simulated servers answer a GET of a path). */
    record Request(String path, String userAgent) {}

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private final StringBuilder pending = new StringBuilder();

    /** The requests completed by {@code bytes}. */
    List<Request> feed(byte[] bytes) {
        pending.append(new String(bytes, StandardCharsets.ISO_8859_1));
        List<Request> done = new ArrayList<>();
        int end;
        while ((end = pending.indexOf("\r\n\r\n")) >= 0) {
            String head = pending.substring(0, end);
            pending.delete(0, end + 4);
            String[] lines = head.split("\r\n");
            String[] requestLine = lines[0].split(" ");
            String agent = "";
            for (String l : lines) {
                if (l.toLowerCase(Locale.ROOT).startsWith("user-agent:")) {
                    agent = l.substring("user-agent:".length()).trim();
                }
            }
            done.add(new Request(requestLine.length > 1 ? requestLine[1] : "/", agent));
        }
        return done;
    }

    static byte[] response(HttpResult r, Instant now) {
        byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + r.status() + " " + reason(r.status()) + "\r\n"
                + "Date: " + DATE.format(now) + "\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n\r\n";
        byte[] h = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[h.length + body.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        return all;
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 404 -> "Not Found";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> "";
        };
    }
}
