package kubetutor.engine.kubectl.verb;

import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.Meta;
import kubetutor.engine.command.UsageException;
import kubetutor.engine.kubectl.Formats;
import kubetutor.engine.kubectl.Invocation;
import kubetutor.engine.kubectl.auth.AdminAccess;
import kubetutor.engine.output.Output;
import kubetutor.engine.output.Tabwriter;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * kubectl auth whoami: the SelfSubjectReview the API server answers for admin.conf's client
 * certificate. The x509 authenticator takes the name from the certificate's CN, the groups from
 * its O, and adds the certificate's SHA-256 fingerprint as the credential id
 * (apiserver/pkg/authentication/request/x509, CommonNameUserConversion).
 */
final class WhoAmI {
    static final String CREDENTIAL_ID = "authentication.kubernetes.io/credential-id";

    private WhoAmI() {}

    static int print(Invocation inv) {
        String output = inv.args().get("output", "");
        ObjectNode review = review(inv);
        switch (output) {
            case "" -> inv.sink().emit(new Output.Text(table(), Output.TextKind.MESSAGE));
            case "yaml" -> inv.sink().emit(new Output.Text(Formats.yaml(Formats.sorted(review)), Output.TextKind.YAML));
            case "json" -> inv.sink().emit(new Output.Text(jsonInStructOrder(review), Output.TextKind.JSON));
            default -> throw new UsageException("error: unable to match a printer suitable for the output format \""
                    + output + "\", allowed formats are: json,yaml");
        }
        return 0;
    }

    /** printTableSelfSubjectAccessReview: ATTRIBUTE/VALUE rows, slices as fmt's %v prints them. */
    private static String table() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("ATTRIBUTE", "VALUE"));
        rows.add(List.of("Username", AdminAccess.USER));
        rows.add(List.of("Groups", "[" + String.join(" ", AdminAccess.GROUPS) + "]"));
        rows.add(List.of("Extra: " + CREDENTIAL_ID, "[" + credentialId() + "]"));
        return Tabwriter.render(rows);
    }

    private static ObjectNode review(Invocation inv) {
        ObjectNode review = Meta.JSON.objectNode();
        review.put("kind", "SelfSubjectReview");
        review.put("apiVersion", "authentication.k8s.io/v1");
        review.putObject("metadata").put("creationTimestamp", Meta.timestamp(inv.now()));
        ObjectNode user = review.putObject("status").putObject("userInfo");
        user.put("username", AdminAccess.USER);
        AdminAccess.GROUPS.forEach(user.putArray("groups")::add);
        user.putObject("extra").putArray(CREDENTIAL_ID).add(credentialId());
        return review;
    }

    /** The typed object kubectl marshals: Go struct order, not sorted (json.MarshalIndent of the review). */
    private static String jsonInStructOrder(ObjectNode review) {
        return kubetutor.engine.format.JsonWriter.write(review) + "\n";
    }

    /** "X509SHA256=" and the hex SHA-256 of the client certificate (here, the simulated one's bytes). */
    static String credentialId() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(ConfigView.pem("CERTIFICATE"));
            return "X509SHA256=" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
