package kubetutor.apiserver;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * SPDY/3.1 framing, the server's half, as kubectl's port-forward speaks it inside its WebSocket
 * tunnel: frames cut from the byte stream, header blocks inflated with the protocol's dictionary
 * (one zlib stream a direction), and the frames the server sends. No flow control: the client
 * (spdystream) does not enforce windows, and what crosses here is small.
 */
final class Spdy {
    static final int SYN_STREAM = 1;
    static final int SYN_REPLY = 2;
    static final int RST_STREAM = 3;
    static final int PING = 6;
    static final int GOAWAY = 7;
    static final int FLAG_FIN = 1;
    private static final int VERSION = 3;
    private static final byte[] DICTIONARY = dictionary();

    /** One frame: control (with its type) or data (with its stream). */
    record Frame(boolean control, int type, int stream, int flags, byte[] data) {
        boolean fin() {
            return (flags & FLAG_FIN) != 0;
        }
    }

    private final Inflater inflater = new Inflater();
    private final Deflater deflater = new Deflater();
    private byte[] pending = new byte[0];

    /** Appends bytes the client sent; returns the next whole frame, or null until one has arrived. */
    Frame next(byte[] more) {
        if (more.length > 0) {
            byte[] all = new byte[pending.length + more.length];
            System.arraycopy(pending, 0, all, 0, pending.length);
            System.arraycopy(more, 0, all, pending.length, more.length);
            pending = all;
        }
        if (pending.length < 8) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(pending);
        int first = b.getInt();
        int second = b.getInt();
        int length = second & 0xffffff;
        if (pending.length < 8 + length) {
            return null;
        }
        byte[] data = new byte[length];
        b.get(data);
        byte[] rest = new byte[b.remaining()];
        b.get(rest);
        pending = rest;
        boolean control = first < 0;
        return control ? new Frame(true, first & 0xffff, 0, second >>> 24, data)
                : new Frame(false, 0, first & 0x7fffffff, second >>> 24, data);
    }

    /** A SYN_STREAM's stream id and its headers (names lower-case, as SPDY/3 sends them). */
    record Syn(int stream, Map<String, String> headers) {}

    Syn synStream(Frame f) {
        ByteBuffer b = ByteBuffer.wrap(f.data());
        int stream = b.getInt() & 0x7fffffff;
        b.getInt(); // associated stream
        b.getShort(); // priority and slot
        byte[] block = new byte[b.remaining()];
        b.get(block);
        return new Syn(stream, headers(inflate(block)));
    }

    private byte[] inflate(byte[] block) {
        inflater.setInput(block);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        try {
            while (true) {
                int n = inflater.inflate(buf);
                if (n == 0 && inflater.needsDictionary()) {
                    inflater.setDictionary(DICTIONARY);
                    continue;
                }
                if (n == 0) {
                    break;
                }
                out.write(buf, 0, n);
            }
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("a SPDY header block that does not inflate: " + e.getMessage());
        }
        return out.toByteArray();
    }

    private static Map<String, String> headers(byte[] raw) {
        ByteBuffer b = ByteBuffer.wrap(raw);
        Map<String, String> h = new LinkedHashMap<>();
        int pairs = b.getInt();
        for (int i = 0; i < pairs; i++) {
            byte[] name = new byte[b.getInt()];
            b.get(name);
            byte[] value = new byte[b.getInt()];
            b.get(value);
            h.put(new String(name, StandardCharsets.UTF_8), new String(value, StandardCharsets.UTF_8));
        }
        return h;
    }

    /** SYN_REPLY with no headers: the stream is accepted. */
    byte[] synReply(int stream) {
        ByteBuffer block = ByteBuffer.allocate(4).putInt(0);
        deflater.setInput(block.array());
        byte[] buf = new byte[64];
        int n = deflater.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
        ByteBuffer data = ByteBuffer.allocate(4 + n).putInt(stream & 0x7fffffff).put(buf, 0, n);
        return control(SYN_REPLY, 0, data.array());
    }

    static byte[] data(int stream, byte[] payload, boolean fin) {
        ByteBuffer b = ByteBuffer.allocate(8 + payload.length);
        b.putInt(stream & 0x7fffffff).putInt((fin ? FLAG_FIN : 0) << 24 | payload.length).put(payload);
        return b.array();
    }

    static byte[] control(int type, int flags, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(8 + payload.length);
        b.putInt(0x80000000 | VERSION << 16 | type).putInt(flags << 24 | payload.length).put(payload);
        return b.array();
    }

    private static byte[] dictionary() {
        try (InputStream in = Spdy.class.getResourceAsStream("spdy3-dictionary.bin")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
