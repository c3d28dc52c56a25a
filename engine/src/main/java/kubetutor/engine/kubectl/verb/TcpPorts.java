package kubetutor.engine.kubectl.verb;

import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.schema.Names;
import kubetutor.engine.command.UsageException;

import java.util.List;

/** create service's --tcp "port[:target]": parsePorts, with the errors kubectl passes on as they are. */
final class TcpPorts {
    private TcpPorts() {}

    static ObjectNode port(String pair, int nodePort) {
        String[] parts = pair.split(":", -1);
        int port = parseUint16(parts[0]);
        ObjectNode p = Meta.JSON.objectNode();
        p.put("name", pair.replace(":", "-"));
        if (nodePort != 0) {
            p.put("nodePort", nodePort);
        }
        p.put("port", port);
        p.put("protocol", "TCP");
        if (parts.length == 1) {
            p.put("targetPort", port);
        } else if (parts[1].matches("[+-]?\\d+") && fitsInt(parts[1])) {
            int target = Integer.parseInt(parts[1]);
            if (target < 1 || target > 65535) {
                throw new UsageException("error: must be between 1 and 65535, inclusive");
            }
            p.put("targetPort", target);
        } else {
            List<String> errs = Names.portName(parts[1]);
            if (!errs.isEmpty()) {
                throw new UsageException("error: " + String.join(",", errs));
            }
            p.put("targetPort", parts[1]);
        }
        return p;
    }

    private static boolean fitsInt(String s) {
        try {
            Integer.parseInt(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** utilnet.ParsePort with zero allowed: strconv.ParseUint's own errors. */
    private static int parseUint16(String s) {
        if (!s.matches("\\d+")) {
            throw new UsageException("error: strconv.ParseUint: parsing \"" + s + "\": invalid syntax");
        }
        if (s.length() > 5 || Integer.parseInt(s) > 65535) {
            throw new UsageException("error: strconv.ParseUint: parsing \"" + s + "\": value out of range");
        }
        return Integer.parseInt(s);
    }
}
