package kubetutor.engine.command;

import java.util.List;

/**
 * A flag as pflag declares it: long name, optional one-letter shorthand, whether it takes a value
 * (and which kind, for completion), its default and its help line.
 *
 * @param noOptDefault the value a value flag takes when given bare ("--cascade", "--dry-run"), as
 *                     pflag's NoOptDefVal; null when a bare flag needs the next word as its value
 * @param deprecated   pflag's deprecation message, or null: a deprecated flag still works, is left
 *                     out of help and completion, and each use of it prints a warning
 */
public record FlagSpec(String name, String shorthand, ValueKind value, String defaultValue, String usage,
                       List<String> choices, boolean repeatable, String noOptDefault, String deprecated) {

    public FlagSpec(String name, String shorthand, ValueKind value, String defaultValue, String usage,
                    List<String> choices, boolean repeatable) {
        this(name, shorthand, value, defaultValue, usage, choices, repeatable, null, null);
    }

    public static FlagSpec bool(String name, String shorthand, String usage) {
        return new FlagSpec(name, shorthand, ValueKind.NONE, "false", usage, List.of(), false);
    }

    public static FlagSpec value(String name, String shorthand, ValueKind kind, String def, String usage) {
        return new FlagSpec(name, shorthand, kind, def, usage, List.of(), false);
    }

    public static FlagSpec choice(String name, String shorthand, String def, String usage, String... choices) {
        return new FlagSpec(name, shorthand, ValueKind.TEXT, def, usage, List.of(choices), false);
    }

    public static FlagSpec many(String name, String shorthand, ValueKind kind, String usage) {
        return new FlagSpec(name, shorthand, kind, "[]", usage, List.of(), true);
    }

    /** The same flag with kubectl's default where it is not the kind's usual one (--wait=true, --address=[localhost]). */
    public FlagSpec withDefault(String def) {
        return new FlagSpec(name, shorthand, value, def, usage, choices, repeatable, noOptDefault, deprecated);
    }

    /** The same flag taking {@code bare} when given without a value ("--cascade" is "--cascade=background"). */
    public FlagSpec withNoOptDefault(String bare) {
        return new FlagSpec(name, shorthand, value, defaultValue, usage, choices, repeatable, bare, deprecated);
    }

    /** The same flag marked deprecated, as pflag's MarkDeprecated does ("--record will be removed in the future"). */
    public FlagSpec withDeprecation(String message) {
        return new FlagSpec(name, shorthand, value, defaultValue, usage, choices, repeatable, noOptDefault, message);
    }

    /** Shown in help and offered by completion: every flag but a deprecated one. */
    public boolean listed() {
        return deprecated == null;
    }

    public boolean takesValue() {
        return value != ValueKind.NONE;
    }
}
