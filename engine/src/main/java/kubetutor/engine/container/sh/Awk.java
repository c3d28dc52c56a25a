package kubetutor.engine.container.sh;

import kubetutor.engine.container.sh.AwkParser.Expr;
import kubetutor.engine.container.sh.AwkParser.Stmt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import static kubetutor.engine.container.sh.AwkValues.num;
import static kubetutor.engine.container.sh.AwkValues.str;
import static kubetutor.engine.container.sh.AwkValues.truth;

/**
 * awk (POSIX awk as mawk, Debian and Ubuntu's awk, runs it): fields split by FS (blank runs by
 * default), NR/NF/FNR, ENVIRON, patterns, ranges, BEGIN/END, arrays, printf, user functions ({@link AwkCalls})
 * and getline ({@link AwkInput}). Values are awk's: numbers, strings, and input fields that compare
 * as numbers when they look like one. A program that would compute forever (a while(1)) stops
 * computing after as many steps as a spinning sh loop gets, and spins on as that loop does.
 */
final class Awk {
    /** Loop rounds and calls before awk counts as spinning: what a busy sh loop computes before it is stopped. */
    private static final long STEPS = (long) Machine.BUSY_STEPS * ShProcess.MAX_BUSY_SLICES;

    private final Command.Ctx c;
    final AwkCalls calls = new AwkCalls();
    private AwkInput input;
    private long steps;
    private final StringBuilder out = new StringBuilder();
    private final Map<String, Object> vars = new HashMap<>();
    private final Map<String, Map<String, Object>> arrays = new HashMap<>();
    private final Map<String, Pattern> regexCache = new HashMap<>();
    private String record = "";
    private List<String> fields = new ArrayList<>();
    int exitCode;

    private Awk(Command.Ctx c) {
        this.c = c;
        vars.put("FS", " ");
        vars.put("OFS", " ");
        vars.put("ORS", "\n");
        vars.put("SUBSEP", "\u001c");
        vars.put("CONVFMT", "%.6g");
        vars.put("OFMT", "%.6g");
        vars.put("NR", 0.0);
        vars.put("FNR", 0.0);
        vars.put("FILENAME", "");
        Map<String, Object> environ = new LinkedHashMap<>(c.sh().environment()); // what the shell exported to awk,
        environ.putAll(c.tempEnv()); // and FOO=1 before its name
        arrays.put("ENVIRON", environ);
    }

    static int run(Command.Ctx c, List<String> argv) {
        return new Awk(c).awk(argv);
    }

    private int awk(List<String> argv) {
        String source = null;
        List<String> operands = new ArrayList<>();
        List<String> assignments = new ArrayList<>();
        for (int i = 1; i < argv.size(); i++) {
            String a = argv.get(i);
            if (source == null && operands.isEmpty() && (a.startsWith("-F") || a.equals("-v")) ) {
                String v = a.length() > 2 ? a.substring(2) : i + 1 < argv.size() ? argv.get(++i) : null;
                if (v == null) {
                    c.err("awk: option requires an argument -- " + a.charAt(1) + "\n");
                    return 2;
                }
                if (a.startsWith("-F")) {
                    vars.put("FS", v.equals("t") ? "\t" : TextCommands.unescape(v));
                } else {
                    assignments.add(v);
                }
            } else if (source == null && a.equals("--")) {
                continue;
            } else if (source == null) {
                source = a;
            } else {
                operands.add(a);
            }
        }
        if (source == null) {
            c.err("usage: awk [-F fs][-v var=value][prog | -f progfile][file ...]\n");
            return 2;
        }
        AwkParser.Program program;
        try {
            program = AwkParser.parse(source, calls.functions);
        } catch (AwkLexer.Error e) {
            c.err("awk: " + e.getMessage() + "\n");
            return 2;
        }
        for (String v : assignments) {
            assign(v);
        }
        input = new AwkInput(c, operands);
        try {
            try {
                for (List<Stmt> b : program.begin()) {
                    block(b);
                }
                if (!program.rules().isEmpty() || !program.end().isEmpty()) {
                    records(program);
                }
            } catch (AwkJumps.Exit e) {
                exitCode = e.code;
            }
            try {
                for (List<Stmt> b : program.end()) {
                    block(b);
                }
            } catch (AwkJumps.Exit e) {
                exitCode = e.code;
            }
        } catch (AwkLexer.Error e) {
            flush();
            c.err("awk: run time error: " + e.getMessage() + "\n\tFILENAME=\"" + str(this, vars.get("FILENAME"))
                    + "\" FNR=" + str(this, vars.get("FNR")) + " NR=" + str(this, vars.get("NR")) + "\n");
            return 2;
        } catch (AwkJumps.Next e) {
            flush();
            c.err("awk: next used in BEGIN or END action\n");
            return 2;
        } catch (AwkCalls.Limit e) {
            flush();
            c.err("awk: " + e.getMessage() + "\n");
            return 2;
        } catch (Command.Spinning e) {
            flush();
            throw e;
        }
        flush();
        return exitCode != 0 ? exitCode : input.failed ? 2 : 0;
    }

    private void flush() {
        c.out(out.toString());
        out.setLength(0);
    }

    void assign(String v) {
        int eq = v.indexOf('=');
        vars.put(v.substring(0, eq), new AwkValues.Strnum(TextCommands.unescape(v.substring(eq + 1))));
    }

    private void records(AwkParser.Program program) {
        boolean[] inRange = new boolean[program.rules().size()];
        String line;
        while ((line = input.next(this)) != null) {
            setRecord(line);
            try {
                for (int r = 0; r < program.rules().size(); r++) {
                    AwkParser.Rule rule = program.rules().get(r);
                    if (selects(rule, inRange, r)) {
                        if (rule.action() == null) {
                            out.append(record).append(str(this, vars.get("ORS")));
                        } else {
                            block(rule.action());
                        }
                    }
                }
            } catch (AwkJumps.Next n) {
                // on to the next record
            }
            c.sh().host.memory().room(out.length());
        }
    }

    /** getline [var] [&lt; file]: 1 for a line read, 0 at the end, -1 for a file that cannot be read. */
    double getline(AwkParser.LValue var, AwkParser.Expr file) {
        if (file == null) {
            String line = input.next(this);
            return line == null ? 0 : take(var, line);
        }
        AwkInput.Got got = input.fromFile(str(this, file.eval(this)));
        return got.status() != 1 ? got.status() : take(var, got.line());
    }

    /** CMD | getline [var]: as getline &lt; FILE (mawk and busybox count the line in no NR either). */
    double getlineFromCommand(AwkParser.LValue var, AwkParser.Expr command) {
        AwkInput.Got got = input.fromCommand(str(this, command.eval(this)));
        return got.status() != 1 ? got.status() : take(var, got.line());
    }

    /** A line getline read: the record, or the variable's value. */
    private double take(AwkParser.LValue var, String line) {
        if (var == null) {
            setRecord(line);
        } else {
            var.set(this, new AwkValues.Strnum(line));
        }
        return 1;
    }

    double close(String name) {
        return input.close(name);
    }

    /** One more loop round or call: past the budget the program spins, as far as anyone can tell. */
    void tick() {
        if (++steps > STEPS) {
            throw new Command.Spinning();
        }
    }

    private boolean selects(AwkParser.Rule rule, boolean[] inRange, int r) {
        if (rule.pattern() == null) {
            return true;
        }
        if (rule.rangeEnd() == null) {
            return truth(rule.pattern().eval(this));
        }
        if (!inRange[r]) {
            if (!truth(rule.pattern().eval(this))) {
                return false;
            }
            inRange[r] = true;
        }
        if (truth(rule.rangeEnd().eval(this))) {
            inRange[r] = false;
        }
        return true;
    }

    private void block(List<Stmt> body) {
        for (Stmt s : body) {
            s.run(this);
        }
    }

    void loop(BooleanSupplier cond, Stmt body, Expr step) {
        int guard = 0;
        while (cond.getAsBoolean()) {
            try {
                body.run(this);
            } catch (AwkJumps.Break b) {
                return;
            } catch (AwkJumps.Continue k) {
                // the step still runs
            }
            if (step != null) {
                step.eval(this);
            }
            tick();
            if (++guard % 4096 == 0) {
                c.sh().host.memory().room(out.length());
            }
        }
    }

    // ---- records and fields

    void setRecord(String line) {
        record = line;
        fields = split(line, str(this, vars.get("FS")));
    }

    List<String> split(String text, String fs) {
        List<String> parts = new ArrayList<>();
        if (fs.equals(" ")) {
            for (String p : text.strip().split("[ \t\n]+")) {
                if (!p.isEmpty()) {
                    parts.add(p);
                }
            }
        } else if (text.isEmpty()) {
            return parts;
        } else if (fs.length() == 1 && fs.charAt(0) != '\\') {
            parts.addAll(List.of(text.split(Pattern.quote(fs), -1)));
        } else {
            parts.addAll(List.of(text.split(PosixRegex.translate(fs, true), -1)));
        }
        return parts;
    }

    String field(int i) {
        if (i == 0) {
            return record;
        }
        return i <= fields.size() ? fields.get(i - 1) : "";
    }

    void setField(int i, String v) {
        if (i == 0) {
            setRecord(v);
            return;
        }
        while (fields.size() < i) {
            fields.add("");
        }
        fields.set(i - 1, v);
        record = String.join(str(this, vars.get("OFS")), fields);
    }

    // ---- variables

    Object getVar(String name) {
        AwkCalls.Slot local = calls.local(name);
        if (local != null) {
            return local.value;
        }
        if (name.equals("NF")) {
            return (double) fields.size();
        }
        return vars.getOrDefault(name, "");
    }

    void setVar(String name, Object v) {
        AwkCalls.Slot local = calls.local(name);
        if (local != null) {
            local.value = v;
            return;
        }
        if (arrays.containsKey(name)) {
            throw new AwkLexer.Error("can't assign to " + name + "; it's an array name.");
        }
        if (name.equals("NF")) {
            int n = (int) num(v);
            while (fields.size() > n) {
                fields.remove(fields.size() - 1);
            }
            while (fields.size() < n) {
                fields.add("");
            }
            record = String.join(str(this, vars.get("OFS")), fields);
            return;
        }
        vars.put(name, v);
    }

    Map<String, Object> array(String name) {
        AwkCalls.Slot local = calls.local(name);
        if (local != null) {
            return local.array();
        }
        return arrays.computeIfAbsent(name, k -> new LinkedHashMap<>());
    }

    boolean isArray(String name) {
        AwkCalls.Slot local = calls.local(name);
        return local != null ? local.isArray() : arrays.containsKey(name);
    }

    /** Never given a value nor used as an array: a function may still make it an array. */
    boolean isUnset(String name) {
        AwkCalls.Slot local = calls.local(name);
        return local != null ? !local.isArray() && "".equals(local.value) : !arrays.containsKey(name) && !vars.containsKey(name);
    }

    /** The array this name would be here, made when first used; for a call's parameter. */
    java.util.function.Supplier<Map<String, Object>> arrayRef(String name) {
        AwkCalls.Slot local = calls.local(name);
        return local != null ? local::array : () -> arrays.computeIfAbsent(name, k -> new LinkedHashMap<>());
    }

    int fieldIndex(Expr index) {
        double d = num(index.eval(this));
        if (d < 0) {
            throw new AwkLexer.Error("negative field index $" + (long) d);
        }
        if (d > 100_000) {
            throw new AwkLexer.Error("trying to access out of range field " + (long) d);
        }
        return (int) d;
    }

    ProcessHost host() {
        return c.sh().host;
    }

    Pattern regex(Expr e) {
        if (e instanceof AwkLValues.RegexLiteral r) {
            return r.pattern();
        }
        return regexCache.computeIfAbsent(str(this, e.eval(this)), Awk::compile);
    }

    static Pattern compile(String re) {
        try {
            return PosixRegex.compile(re, true, false);
        } catch (PatternSyntaxException e) {
            throw new AwkLexer.Error("regular expression compile failed (" + e.getDescription() + ")\n" + re);
        }
    }

    // ---- output

    void print(boolean formatted, List<Expr> args, Expr file, boolean append) {
        StringBuilder line = new StringBuilder();
        if (formatted) {
            List<Object> values = new ArrayList<>();
            for (int i = 1; i < args.size(); i++) {
                values.add(args.get(i).eval(this));
            }
            line.append(AwkBuiltins.format(this, str(this, args.get(0).eval(this)), values));
        } else if (args.isEmpty()) {
            line.append(record).append(str(this, vars.get("ORS")));
        } else {
            for (int i = 0; i < args.size(); i++) {
                if (i > 0) {
                    line.append(str(this, vars.get("OFS")));
                }
                Object v = args.get(i).eval(this);
                line.append(v instanceof Double d ? AwkBuiltins.number(d, str(this, vars.get("OFMT"))) : str(this, v));
            }
            line.append(str(this, vars.get("ORS")));
        }
        c.sh().host.memory().room((long) out.length() + line.length());
        if (file == null) {
            out.append(line);
            return;
        }
        String path = c.path(str(this, file.eval(this)));
        Map<String, Object> opened = array("\u0000opened");
        if (!append && !opened.containsKey(path)) {
            c.fs().write(path, "", c.now());
        }
        opened.put(path, 1.0);
        if (!c.fs().append(path, line.toString(), c.now())) {
            throw new AwkLexer.Error("can't redirect to " + str(this, file.eval(this)));
        }
    }
}
