package kubetutor.engine.api.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** apimachinery's name and label checks, with the messages (regex and examples included) the API server prints. */
public final class Names {
    private static final String LABEL_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private static final String SUBDOMAIN_FMT = LABEL_FMT + "(\\." + LABEL_FMT + ")*";
    private static final String DNS1035_FMT = "[a-z]([-a-z0-9]*[a-z0-9])?";
    private static final String QUALIFIED_FMT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
    private static final String LABEL_VALUE_FMT = "(" + QUALIFIED_FMT + ")?";
    // Compiled once: String.matches compiles its regex on every call, and every object written is checked.
    private static final Pattern LABEL = Pattern.compile(LABEL_FMT);
    private static final Pattern SUBDOMAIN = Pattern.compile(SUBDOMAIN_FMT);
    private static final Pattern DNS1035 = Pattern.compile(DNS1035_FMT);
    private static final Pattern QUALIFIED = Pattern.compile(QUALIFIED_FMT);
    private static final Pattern LABEL_VALUE = Pattern.compile(LABEL_VALUE_FMT);
    private static final Pattern PORT_NAME = Pattern.compile("[-a-z0-9]+");
    private static final String CONFIG_KEY_FMT = "[-._a-zA-Z0-9]+";
    private static final Pattern CONFIG_KEY = Pattern.compile(CONFIG_KEY_FMT);
    private static final String ENV_VAR_FMT = "[-._a-zA-Z][-._a-zA-Z0-9]*";
    private static final Pattern ENV_VAR = Pattern.compile(ENV_VAR_FMT);

    private Names() {}

    public static List<String> dns1123Subdomain(String v) {
        List<String> errs = new ArrayList<>();
        if (v.length() > 253) {
            errs.add("must be no more than 253 characters");
        }
        if (!SUBDOMAIN.matcher(v).matches()) {
            errs.add(regexError("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', "
                    + "and must start and end with an alphanumeric character", SUBDOMAIN_FMT, "example.com"));
        }
        return errs;
    }

    static List<String> dns1123Label(String v) {
        List<String> errs = new ArrayList<>();
        if (v.length() > 63) {
            errs.add("must be no more than 63 characters");
        }
        if (!LABEL.matcher(v).matches()) {
            errs.add(regexError("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', "
                    + "and must start and end with an alphanumeric character", LABEL_FMT, "my-name", "123-abc"));
        }
        return errs;
    }

    static List<String> dns1035Label(String v) {
        List<String> errs = new ArrayList<>();
        if (v.length() > 63) {
            errs.add("must be no more than 63 characters");
        }
        if (!DNS1035.matcher(v).matches()) {
            errs.add(regexError("a DNS-1035 label must consist of lower case alphanumeric characters or '-', "
                    + "start with an alphabetic character, and end with an alphanumeric character", DNS1035_FMT, "my-name", "abc-123"));
        }
        return errs;
    }

    /** IsQualifiedName: label and annotation keys, an optional DNS subdomain prefix and a name. */
    static List<String> qualifiedName(String v) {
        List<String> errs = new ArrayList<>();
        String[] parts = v.split("/", -1);
        String name;
        if (parts.length == 1) {
            name = parts[0];
        } else if (parts.length == 2) {
            String prefix = parts[0];
            name = parts[1];
            if (prefix.isEmpty()) {
                errs.add("prefix part must be non-empty");
            } else {
                dns1123Subdomain(prefix).forEach(m -> errs.add("prefix part " + m));
            }
        } else {
            errs.add(regexError("a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and "
                    + "end with an alphanumeric character", QUALIFIED_FMT, "MyName", "my.name", "123-abc")
                    + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
            return errs;
        }
        if (name.isEmpty()) {
            errs.add("name part must be non-empty");
        } else if (name.length() > 63) {
            errs.add("name part must be no more than 63 characters");
        }
        if (!QUALIFIED.matcher(name).matches()) {
            errs.add(regexError("name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end "
                    + "with an alphanumeric character", QUALIFIED_FMT, "MyName", "my.name", "123-abc"));
        }
        return errs;
    }

    public static List<String> labelValue(String v) {
        List<String> errs = new ArrayList<>();
        if (v.length() > 63) {
            errs.add("must be no more than 63 characters");
        }
        if (!LABEL_VALUE.matcher(v).matches()) {
            errs.add(regexError("a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', "
                    + "and must start and end with an alphanumeric character", LABEL_VALUE_FMT, "MyValue", "my_value", "12345"));
        }
        return errs;
    }

    /** IsValidPortName: an IANA service name. */
    public static List<String> portName(String v) {
        List<String> errs = new ArrayList<>();
        if (v.length() > 15) {
            errs.add("must be no more than 15 characters");
        }
        if (!PORT_NAME.matcher(v).matches()) {
            errs.add("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
        }
        if (!hasLowerLetter(v)) {
            errs.add("must contain at least one letter (a-z)");
        }
        if (v.contains("--")) {
            errs.add("must not contain consecutive hyphens (-)");
        }
        if (!v.isEmpty() && (v.startsWith("-") || v.endsWith("-"))) {
            errs.add("must not begin or end with a hyphen (-)");
        }
        return errs;
    }

    /** IsConfigMapKey: a key of a ConfigMap's or Secret's data, usable as a file name in a volume. */
    public static List<String> configMapKey(String v) {
        List<String> errs = new ArrayList<>();
        if (v.length() > 253) {
            errs.add("must be no more than 253 characters");
        }
        if (!CONFIG_KEY.matcher(v).matches()) {
            errs.add(regexError("a valid config key must consist of alphanumeric characters, '-', '_' or '.'", CONFIG_KEY_FMT,
                    "key.name", "KEY_NAME", "key-name"));
        }
        errs.addAll(chDirPrefix(v));
        return errs;
    }

    /** IsEnvVarName: the keys of an env file (kubectl create configmap --from-env-file). */
    public static List<String> envVarName(String v) {
        List<String> errs = new ArrayList<>();
        if (!ENV_VAR.matcher(v).matches()) {
            errs.add(regexError("a valid environment variable name must consist of alphabetic characters, digits, '_', '-', "
                    + "or '.', and must not start with a digit", ENV_VAR_FMT, "my.env-name", "MY_ENV.NAME", "MyEnvName1"));
        }
        errs.addAll(chDirPrefix(v));
        return errs;
    }

    /** hasChDirPrefix: such a key could become a file name in a volume. */
    private static List<String> chDirPrefix(String v) {
        List<String> errs = new ArrayList<>();
        if (v.equals(".")) {
            errs.add("must not be '.'");
        } else if (v.equals("..")) {
            errs.add("must not be '..'");
        } else if (v.startsWith("..")) {
            errs.add("must not start with '..'");
        }
        return errs;
    }

    private static boolean hasLowerLetter(String v) {
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) >= 'a' && v.charAt(i) <= 'z') {
                return true;
            }
        }
        return false;
    }

    /** validation.RegexError: the examples are joined with "', " + " or ", hence the double space. */
    private static String regexError(String msg, String fmt, String... examples) {
        StringBuilder sb = new StringBuilder(msg).append(" (e.g. ");
        for (int i = 0; i < examples.length; i++) {
            if (i > 0) {
                sb.append(" or ");
            }
            sb.append('\'').append(examples[i]).append("', ");
        }
        return sb.append("regex used for validation is '").append(fmt).append("')").toString();
    }
}
