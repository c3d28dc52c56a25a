package kubetutor.engine.container.sh;

import kubetutor.engine.container.sh.AwkParser.Expr;

import java.util.Map;
import java.util.regex.Pattern;

import static kubetutor.engine.container.sh.AwkValues.str;

/** What an awk expression can name: a variable, a field, an array element; and a /regex/ literal. */
final class AwkLValues {
    private AwkLValues() {}

    record Variable(String name) implements AwkParser.LValue {
        @Override
        public Object eval(Awk a) {
            return a.getVar(name);
        }

        @Override
        public void set(Awk a, Object v) {
            a.setVar(name, v);
        }
    }

    record Field(Expr index) implements AwkParser.LValue {
        @Override
        public Object eval(Awk a) {
            int i = a.fieldIndex(index);
            return new AwkValues.Strnum(a.field(i));
        }

        @Override
        public void set(Awk a, Object v) {
            a.setField(a.fieldIndex(index), str(a, v));
        }
    }

    record Element(String array, Expr key) implements AwkParser.LValue {
        @Override
        public Object eval(Awk a) {
            return a.array(array).computeIfAbsent(str(a, key.eval(a)), k -> "");
        }

        @Override
        public void set(Awk a, Object v) {
            Map<String, Object> m = a.array(array);
            a.host().memory().room((long) m.size() * 64);
            m.put(str(a, key.eval(a)), v);
        }
    }

    /** /re/ alone is a match against $0; as an argument of ~, match or sub it is the pattern. */
    record RegexLiteral(Pattern pattern) implements Expr {
        @Override
        public Object eval(Awk a) {
            return pattern.matcher(a.field(0)).find() ? 1.0 : 0.0;
        }
    }
}
